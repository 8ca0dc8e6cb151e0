/** Test doubles for the score runner: a canned warehouse, a scripted Genie and a fake clock. */
import type { Benchmark } from '../../src/benchmarks/types.js';
import type {
  AskOptions,
  Cell,
  ExecuteOptions,
  Genie,
  GenieAnswer,
  QueryResult,
  Warehouse,
  WarehouseSchema,
} from '../../src/ports.js';

export function result(columns: string[], rows: Cell[][]): QueryResult {
  return { columns: columns.map((name) => ({ name, type: '' })), rows, truncated: false };
}

export function bench(
  id: string,
  question: string,
  sql: string,
  split: Benchmark['split'] = 'train',
  extra: Partial<Benchmark> = {},
): Benchmark {
  return { id, question, sql, split, tags: [], ...extra };
}

/** Returns canned results per SQL text; unknown SQL fails like a warehouse error. */
export class CannedWarehouse implements Warehouse {
  readonly executed: string[] = [];
  constructor(
    private readonly results: Record<string, QueryResult | Error>,
    private readonly delay: () => Promise<void> = async () => {},
  ) {}

  async execute(sql: string, _options?: ExecuteOptions): Promise<QueryResult> {
    this.executed.push(sql);
    await this.delay();
    const canned = this.results[sql];
    if (canned === undefined) throw new Error(`[TABLE_OR_VIEW_NOT_FOUND] unknown SQL: ${sql}`);
    if (canned instanceof Error) throw canned;
    return canned;
  }

  async schema(): Promise<WarehouseSchema> {
    return { tables: [] };
  }
}

export type Script = (question: string, call: number, options?: AskOptions) => Promise<GenieAnswer> | GenieAnswer;

/**
 * Answers from a map question -> SQL (executed on the warehouse, as Genie does), or
 * from a per-question script for flaky, failing or slow answers.
 */
export class ScriptedGenie implements Genie {
  readonly asked: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly calls = new Map<string, number>();

  constructor(
    private readonly warehouse: Warehouse,
    private readonly answers: Record<string, string | Script>,
    private readonly delay: () => Promise<void> = async () => {},
  ) {}

  async ask(question: string, options?: AskOptions): Promise<GenieAnswer> {
    this.asked.push(question);
    const call = (this.calls.get(question) ?? 0) + 1;
    this.calls.set(question, call);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.delay();
      const entry = this.answers[question];
      if (entry === undefined) return { status: 'COMPLETED', text: 'Could you clarify which channel you mean?' };
      if (typeof entry === 'function') return await entry(question, call, options);
      return { status: 'COMPLETED', sql: entry, result: await this.warehouse.execute(entry) };
    } finally {
      this.inFlight--;
    }
  }
}

/** A clock that only moves when someone sleeps. */
export class FakeClock {
  t = Date.UTC(2026, 10, 1, 9, 0, 0);
  readonly sleeps: number[] = [];
  now = (): number => this.t;
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };
}

export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
