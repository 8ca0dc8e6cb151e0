/**
 * The evidence the llm analyst shows the model, rendered as compact text: the space config,
 * the warehouse schema (with a few values of categorical columns) and the failures.
 * Genie's own `benchmarks` section is never shown: it may hold evaluation SQL.
 */
import type { Cell, QueryResult, WarehouseSchema } from '../../ports.js';
import { hasEntityMatching, hasFormatAssistance, joinText, type Space, type Table } from '../../space/schema.js';
import type { FailureEvidence } from '../analyst.js';
import { normalizeIdentifier } from '../../sql/identifiers.js';

/** Distinct values of categorical columns, by `normalized table id` then lowercase column name. */
export type SampleValues = Map<string, Map<string, { values: string[]; more: boolean }>>;

/** One line per item, JSON inside: compact for the model, still unambiguous. */
export function renderSpace(space: Space): string {
  const lines: string[] = [`version: ${space.version}`];
  for (const kind of ['tables', 'metric_views'] as const) {
    for (const table of space.data_sources?.[kind] ?? [])
      lines.push(`${kind === 'tables' ? 'table' : 'metric view'} ${JSON.stringify(compactTable(table))}`);
  }
  const instructions = space.instructions;
  for (const join of instructions?.join_specs ?? []) {
    lines.push(
      `join ${JSON.stringify({ id: join.id, left: join.left.identifier, right: join.right.identifier, sql: join.sql.map((piece) => piece.trim()).filter(Boolean), comment: text(join.comment) })}`,
    );
  }
  const snippets = instructions?.sql_snippets;
  for (const kind of ['measures', 'filters', 'expressions'] as const) {
    for (const snippet of snippets?.[kind] ?? []) {
      const record = snippet as {
        alias?: string;
        display_name?: string;
        sql: string[];
        synonyms?: string[];
        instruction?: string[];
      };
      lines.push(
        `${kind.slice(0, -1)} ${JSON.stringify({ display_name: record.display_name, alias: record.alias, sql: joinText(record.sql).trim(), synonyms: record.synonyms, instruction: text(record.instruction) })}`,
      );
    }
  }
  for (const example of instructions?.example_question_sqls ?? []) {
    lines.push(
      `example ${JSON.stringify({ question: joinText(example.question).trim(), sql: joinText(example.sql).trim(), parameters: example.parameters?.map((p) => p.name), usage_guidance: text(example.usage_guidance) })}`,
    );
  }
  for (const fn of instructions?.sql_functions ?? []) lines.push(`function ${fn.identifier}`);
  const textBlock = (instructions?.text_instructions ?? [])
    .map((item) => joinText(item.content))
    .join('\n')
    .trim();
  lines.push(textBlock ? `text instructions:\n${indent(textBlock)}` : 'text instructions: (none)');
  return lines.join('\n');
}

function compactTable(table: Table): Record<string, unknown> {
  const columns = (table.column_configs ?? []).map((column) => {
    const out: Record<string, unknown> = { name: column.column_name };
    const description = text(column.description);
    if (description) out.description = description;
    if (column.synonyms?.length) out.synonyms = column.synonyms;
    if (column.exclude) out.exclude = true;
    if (hasFormatAssistance(column)) out.example_values = true;
    if (hasEntityMatching(column)) out.value_dictionary = true;
    return out;
  });
  return { identifier: table.identifier, description: text(table.description), columns };
}

function text(pieces: string[] | undefined): string | undefined {
  const joined = joinText(pieces).trim();
  return joined === '' ? undefined : joined;
}

/** One line per table: `id: col TYPE, col TYPE (values: 'a', 'b'), ...`; tables outside the space are marked. */
export function renderSchema(schema: WarehouseSchema, samples: SampleValues = new Map(), space?: Space): string {
  const inSpace =
    space &&
    new Set(
      [...(space.data_sources?.tables ?? []), ...(space.data_sources?.metric_views ?? [])].map((table) =>
        normalizeIdentifier(table.identifier),
      ),
    );
  if (schema.tables.length === 0) return '(the warehouse schema is not available)';
  return schema.tables
    .map((table) => {
      const tableSamples = samples.get(normalizeIdentifier(table.identifier));
      const columns = table.columns.map((column) => {
        const sample = tableSamples?.get(column.name.toLowerCase());
        // A column with more values than sampled is open-ended (names): a few examples say enough.
        const shown = sample?.more ? sample.values.slice(0, 5) : sample?.values;
        const values =
          sample && shown
            ? ` (${sample.more ? 'e.g.' : 'values:'} ${shown.map((v) => `'${v}'`).join(', ')}${sample.more ? ', ...' : ''})`
            : '';
        return `${column.name} ${column.type || '?'}${values}`;
      });
      const outside =
        inSpace && !inSpace.has(normalizeIdentifier(table.identifier)) ? ' [not in the space: no fixes on it]' : '';
      return `${table.identifier}${outside}: ${columns.join(', ')}`;
    })
    .join('\n');
}

export interface FailureRenderOptions {
  /** Result rows shown per side. */
  maxRows: number;
  /** Characters per SQL text. */
  maxSqlChars: number;
}

const DEFAULT_FAILURE_OPTIONS: FailureRenderOptions = { maxRows: 5, maxSqlChars: 3000 };

/** One failure as a Markdown block: question, expected SQL, what Genie did, and the first result rows of both. */
export function renderFailure(
  failure: FailureEvidence,
  options: FailureRenderOptions = DEFAULT_FAILURE_OPTIONS,
): string {
  const lines = [`## ${failure.id}: ${failure.question}`];
  lines.push(`category: ${failure.category ?? 'unknown'}; verdict: ${failure.verdict}`);
  lines.push('expected SQL:', fence(clipText(failure.expectedSql, options.maxSqlChars)));
  if (failure.genieSql) lines.push('Genie SQL:', fence(clipText(failure.genieSql, options.maxSqlChars)));
  else lines.push('Genie SQL: (none)');
  if (failure.error) lines.push(`Genie error: ${clipText(failure.error, 500)}`);
  if (failure.genieText) lines.push(`Genie reply: ${clipText(failure.genieText, 500)}`);
  if (failure.instructionsUsed?.length)
    lines.push(`instructions Genie reports using: ${failure.instructionsUsed.join(', ')}`);
  if (failure.expectedResult) lines.push(`expected result ${renderResult(failure.expectedResult, options.maxRows)}`);
  if (failure.genieResult) lines.push(`Genie result ${renderResult(failure.genieResult, options.maxRows)}`);
  return lines.join('\n');
}

/** A small pipe table of the first rows, with the row count. */
export function renderResult(result: QueryResult, maxRows: number): string {
  const shown = result.rows.slice(0, maxRows);
  const count = `${result.rows.length}${result.truncated ? '+' : ''} row${result.rows.length === 1 ? '' : 's'}`;
  const header = `(${count}${shown.length < result.rows.length ? `, first ${shown.length} shown` : ''}):`;
  const table = [
    result.columns.map((column) => column.name).join(' | '),
    ...shown.map((row) => row.map(formatCell).join(' | ')),
  ];
  return [header, ...table.map((line) => `    ${line}`)].join('\n');
}

function formatCell(cell: Cell): string {
  if (cell === null) return 'NULL';
  return clipText(String(cell), 60);
}

function fence(sql: string): string {
  return '```sql\n' + sql.trim() + '\n```';
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export function clipText(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Lessons text plus the keys of fixes already tried, or a placeholder when there are none. */
export function renderLessons(
  lessonsText: string | undefined,
  alreadyTried: ReadonlySet<string>,
  maxKeys = 40,
): string {
  const parts: string[] = [];
  if (lessonsText?.trim()) parts.push(lessonsText.trim());
  const keys = [...alreadyTried].sort();
  if (keys.length > 0) {
    const shown = keys.slice(0, maxKeys).map((key) => `- ${key}`);
    if (keys.length > maxKeys) shown.push(`- ... and ${keys.length - maxKeys} more`);
    parts.push(`Fixes already tried (do not propose them again):\n${shown.join('\n')}`);
  }
  return parts.length > 0 ? parts.join('\n\n') : '(none yet)';
}
