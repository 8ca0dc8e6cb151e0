/**
 * Example SQL and sample questions: read-only and parseable SQL that names what the space has,
 * documented parameters, no copies of benchmark questions (a copy makes the score measure memory),
 * and sample questions that are neither empty nor repeated.
 */
import { canonicalQuestion, canonicalSql, exampleKeys } from '../scoring/taught.js';
import { normalizeSqlText } from '../space/text-pieces.js';
import { isThreePart } from '../sql/identifiers.js';
import { joinText } from '../space/schema.js';
import { normalizeQuestion, type LintContext, type SqlItem } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

const PARAMETER = /(^|[^:\w]):([A-Za-z_]\w*)/g;

/** Parameter names an example's SQL uses as `:name`. */
export function parameterMarkers(sql: string): Set<string> {
  return new Set([...sql.matchAll(PARAMETER)].map((m) => m[2]!));
}

/** The benchmark an example copies (same normalised question or SQL): taught, not learnt. */
export function copiedBenchmark(ctx: LintContext, index: number): { id: string; by: 'question' | 'SQL' } | undefined {
  const example = ctx.space.instructions?.example_question_sqls?.[index];
  if (!example) return undefined;
  // The scorecard's own test of a taught question (src/scoring/taught.ts): aliases, quoting and a
  // template's default instance included, so lint and score agree on what is a copy.
  const keys = exampleKeys(joinText(example.question), joinText(example.sql), example.parameters ?? []);
  for (const b of ctx.benchmarks) {
    if (keys.question !== '' && canonicalQuestion(b.question) === keys.question) return { id: b.id, by: 'question' };
    if (keys.sql && canonicalSql(b.sql) === keys.sql) return { id: b.id, by: 'SQL' };
  }
  return undefined;
}

/** Columns an example or snippet reads that its table does not have (when the table lists its columns). */
function unknownColumns(ctx: LintContext, item: SqlItem): string[] {
  const out = new Set<string>();
  for (const use of item.columns) {
    if (!use.table) continue;
    const schema = ctx.warehouse?.schema.tables.find((t) => t.identifier.toLowerCase() === use.table!.key);
    const known = schema
      ? schema.columns.some((c) => c.name.toLowerCase() === use.column)
      : use.table.columns.size === 0 || use.table.columns.has(use.column);
    if (!known) out.add(`${use.table.short}.${use.column}`);
  }
  return [...out];
}

/** An example SQL is usable when it passes the gate, parses, names only what exists and copies no benchmark. */
export function usableExample(ctx: LintContext, index: number): boolean {
  const item = ctx.examples[index];
  return (
    item !== undefined &&
    item.gate.ok &&
    item.shape !== null &&
    item.unknownTables.length === 0 &&
    unknownColumns(ctx, item).length === 0 &&
    copiedBenchmark(ctx, index) === undefined
  );
}

function perExample(ctx: LintContext, fn: (item: SqlItem, index: number) => RawFinding | undefined): RawFinding[] {
  return ctx.examples.map((item, i) => fn(item, i)).filter((f): f is RawFinding => f !== undefined);
}

export const EXAMPLE_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'example-not-read-only',
    severity: 'error',
    category: 'examples',
    title: 'Example SQL that is not one read-only query',
    run: (ctx) =>
      perExample(ctx, (item) =>
        item.gate.ok
          ? undefined
          : {
              path: `${item.path}.sql`,
              message: `example SQL refused by the read-only gate: ${item.gate.reason}`,
              fix: 'write one SELECT (or WITH ... SELECT) query that answers the question',
            },
      ),
  },
  {
    id: 'example-sql-unparsable',
    severity: 'warning',
    category: 'examples',
    title: 'Example SQL that does not parse',
    run: (ctx) =>
      perExample(ctx, (item) =>
        item.gate.ok && item.shape === null
          ? {
              path: `${item.path}.sql`,
              message:
                "the project's SQL parser cannot read this example (a syntax error, or Databricks syntax the parser lacks)",
              fix: 'run the SQL on the warehouse; fix it if it fails, or simplify the construct if it runs',
            }
          : undefined,
      ),
  },
  {
    id: 'sql-unknown-reference',
    severity: 'warning',
    category: 'examples',
    title: 'Example or snippet SQL naming a table or column the space lacks',
    run: (ctx) =>
      [...ctx.examples, ...ctx.snippets].flatMap((item) => {
        // Three-part names outside the space are reported by config-invalid, as validate does.
        const tables = item.unknownTables.filter((t) => !isThreePart(t));
        const columns = unknownColumns(ctx, item);
        if (tables.length + columns.length === 0) return [];
        return [
          {
            path: `${item.path}.sql`,
            message: `refers to ${[...tables.map((t) => `table ${t}`), ...columns.map((c) => `column ${c}`)].join(', ')}, which the space does not have`,
            fix: 'correct the name (column names come from the table config), or add the table to the space',
          },
        ];
      }),
  },
  {
    id: 'example-copies-benchmark',
    severity: 'warning',
    category: 'examples',
    title: 'An example copies a benchmark question',
    run: (ctx) =>
      perExample(ctx, (item, i) => {
        const copy = copiedBenchmark(ctx, i);
        return copy
          ? {
              path: item.path,
              message: `same ${copy.by} as benchmark ${copy.id}: that question is taught, so its pass measures memory, not the config`,
              fix: 'generalise the example (a parameter, another filter value) or drop it; keep benchmarks as tests',
            }
          : undefined;
      }),
  },
  {
    id: 'example-uses-hidden-column',
    severity: 'warning',
    category: 'examples',
    title: 'Example or snippet SQL reading a hidden column',
    run: (ctx) =>
      [...ctx.examples, ...ctx.snippets].flatMap((item) => {
        const hidden = [
          ...new Set(
            item.columns
              .map((use) => use.table?.columns.get(use.column))
              .filter((c) => c?.hidden)
              .map((c) => `${c!.table.short}.${c!.name}`),
          ),
        ];
        return hidden.length === 0
          ? []
          : [
              {
                path: `${item.path}.sql`,
                message: `reads ${hidden.join(', ')}, hidden from Genie with exclude: true: Genie cannot follow the example`,
                fix: 'show the column again (drop exclude), or rewrite the SQL without it',
              },
            ];
      }),
  },
  {
    id: 'example-duplicate',
    severity: 'warning',
    category: 'examples',
    title: 'Two examples with the same question or SQL',
    run: (ctx) => {
      const seen = new Map<string, string>();
      const out: RawFinding[] = [];
      (ctx.space.instructions?.example_question_sqls ?? []).forEach((example, i) => {
        const path = `$.instructions.example_question_sqls[${i}]`;
        const keys = [
          `q:${normalizeQuestion(joinText(example.question))}`,
          `s:${normalizeSqlText(joinText(example.sql))}`,
        ];
        const first = keys.map((k) => seen.get(k)).find(Boolean);
        if (first)
          out.push({
            path,
            message: `repeats the ${seen.get(keys[0]!) ? 'question' : 'SQL'} of ${first}: one instruction slot spent twice`,
            fix: 'merge the two (a parameter covers variants) or delete one',
          });
        for (const k of keys) if (!k.endsWith(':') && !seen.has(k)) seen.set(k, path);
      });
      return out;
    },
  },
  {
    id: 'example-parameter-undocumented',
    severity: 'warning',
    category: 'examples',
    title: 'An example parameter without a description or default',
    run: (ctx) =>
      (ctx.space.instructions?.example_question_sqls ?? []).flatMap((example, i) =>
        (example.parameters ?? []).flatMap((p, j) => {
          const missing = [
            joinText(p.description).trim() === '' ? 'a description' : '',
            (p.default_value?.values ?? []).length === 0 ? 'a default value' : '',
          ].filter(Boolean);
          return missing.length === 0
            ? []
            : [
                {
                  path: `$.instructions.example_question_sqls[${i}].parameters[${j}]`,
                  message: `parameter :${p.name} has no ${missing.join(' and no ')}: Genie guesses what to fill in`,
                  fix: 'describe what the parameter selects (and its format), and give a typical default',
                },
              ];
        }),
      ),
  },
  {
    id: 'example-parameter-mismatch',
    severity: 'error',
    category: 'examples',
    title: 'Example SQL parameters and declarations disagree',
    run: (ctx) =>
      (ctx.space.instructions?.example_question_sqls ?? []).flatMap((example, i) => {
        const used = parameterMarkers(joinText(example.sql));
        const declared = new Set((example.parameters ?? []).map((p) => p.name));
        const undeclared = [...used].filter((n) => !declared.has(n));
        const unused = [...declared].filter((n) => !used.has(n));
        if (undeclared.length + unused.length === 0) return [];
        return [
          {
            path: `$.instructions.example_question_sqls[${i}]`,
            message: [
              undeclared.length ? `uses ${undeclared.map((n) => `:${n}`).join(', ')} without declaring it` : '',
              unused.length ? `declares ${unused.join(', ')} but the SQL never uses it` : '',
            ]
              .filter(Boolean)
              .join('; '),
            fix: 'declare every :name the SQL uses under parameters (name, type_hint, description, default_value), and drop unused ones',
          },
        ];
      }),
  },
  {
    id: 'example-question-empty',
    severity: 'error',
    category: 'examples',
    title: 'An example with an empty question or SQL',
    run: (ctx) =>
      (ctx.space.instructions?.example_question_sqls ?? []).flatMap((example, i) => {
        const empty = (['question', 'sql'] as const).filter((k) => joinText(example[k]).trim() === '');
        return empty.map((k) => ({
          path: `$.instructions.example_question_sqls[${i}].${k}`,
          message: `the example's ${k} is empty: Genie cannot match or follow it`,
          fix: k === 'question' ? 'write the question the SQL answers' : 'write the SQL that answers the question',
        }));
      }),
  },
  {
    id: 'examples-missing',
    severity: 'info',
    category: 'examples',
    measured: true,
    title: 'No example SQL',
    run: (ctx) =>
      ctx.tables.length > 0 && ctx.examples.length === 0
        ? [
            {
              path: '$.instructions',
              message:
                'the space has no example SQL: Genie learns joins, filters and business rules best from examples',
              fix: 'add example question/SQL pairs for common question shapes (parameterised where values vary)',
            },
          ]
        : [],
  },
];
