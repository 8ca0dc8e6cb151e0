/** What every bench section is handed and returns; apart from bench.ts, which lists the sections. */
export interface BenchContext {
  root: string;
  rounds: number;
  log: (line: string) => void;
}

export interface BenchSection {
  name: string;
  run(context: BenchContext): Promise<Record<string, number>>;
}
