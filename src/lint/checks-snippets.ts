/** SQL snippets (filters, expressions, measures): valid SQL of the right kind, table-qualified, each defined once. */
import { normalizeSqlText } from '../space/text-pieces.js';
import { joinText } from '../space/schema.js';
import { normalizeTerm } from './checks-synonyms.js';
import type { LintContext, SqlKind } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

/** Words the parser may read as bare columns that are really SQL built-ins. */
const NOT_COLUMNS = new Set(['current_date', 'current_timestamp', 'current_user', 'true', 'false', 'null']);

const NOUN: Record<SqlKind, string> = {
  example: 'example',
  filter: 'filter',
  expression: 'expression (dimension)',
  measure: 'measure',
};

export const SNIPPET_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'snippet-invalid-sql',
    severity: 'error',
    category: 'semantics',
    title: 'A snippet whose SQL is not valid',
    run: (ctx) =>
      ctx.snippets.flatMap((item) => {
        if (item.sql.trim() === '')
          return [{ path: `${item.path}.sql`, message: `the ${NOUN[item.kind]} has no SQL`, fix: 'write its SQL' }];
        if (!item.gate.ok)
          return [
            {
              path: `${item.path}.sql`,
              message: `the ${NOUN[item.kind]} is refused by the read-only gate: ${item.gate.reason}`,
              fix: 'a snippet is one SQL expression or condition, never a statement',
            },
          ];
        if (item.shape === null)
          return [
            {
              path: `${item.path}.sql`,
              message: `the ${NOUN[item.kind]} does not parse as a SQL ${item.kind === 'filter' ? 'condition' : 'expression'}`,
              fix: 'fix the syntax; run it as SELECT <sql> FROM <table> to check it',
            },
          ];
        return [];
      }),
  },
  {
    id: 'filter-starts-with-where',
    severity: 'warning',
    category: 'semantics',
    fixable: true,
    title: 'A filter snippet written with its WHERE',
    run: (ctx) =>
      ctx.snippets
        .filter((item) => item.kind === 'filter' && /^\s*where\b/i.test(item.sql))
        .map((item) => ({
          path: `${item.path}.sql`,
          message: 'a filter is the condition alone; Genie adds WHERE itself',
          fix: 'run `genie-gitops lint --fix` to drop the leading WHERE',
        })),
  },
  {
    id: 'snippet-kind-mismatch',
    severity: 'warning',
    category: 'semantics',
    title: 'A measure without an aggregate, or a filter or expression with one',
    run: (ctx) =>
      ctx.snippets.flatMap((item) => {
        if (!item.shape) return [];
        const aggregates = item.shape.aggregates.length > 0;
        if (item.kind === 'measure' && !aggregates)
          return [
            {
              path: `${item.path}.sql`,
              message: 'a measure without an aggregate (SUM, COUNT, AVG...) is a per-row value',
              fix: 'aggregate it (e.g. SUM(orders.amount)), or move it to expressions',
            },
          ];
        if (item.kind !== 'measure' && aggregates)
          return [
            {
              path: `${item.path}.sql`,
              message: `an ${item.kind} with an aggregate cannot be used per row${item.kind === 'filter' ? ' (it would belong in HAVING)' : ''}`,
              fix: 'move it to measures, or remove the aggregate',
            },
          ];
        return [];
      }),
  },
  {
    id: 'snippet-unqualified-column',
    severity: 'warning',
    category: 'semantics',
    title: 'A snippet column without its table',
    run: (ctx) =>
      ctx.tables.length < 2
        ? []
        : ctx.snippets.flatMap((item) => {
            const bare = [
              ...new Set(
                item.columns
                  .filter((c) => c.qualifier === undefined && !NOT_COLUMNS.has(c.column))
                  .map((c) => c.column),
              ),
            ];
            return bare.length === 0
              ? []
              : [
                  {
                    path: `${item.path}.sql`,
                    message: `${bare.join(', ')} has no table: with several tables Genie may apply it to the wrong one`,
                    fix: 'qualify each column with its table name, e.g. orders.amount',
                  },
                ];
          }),
  },
  {
    id: 'snippet-duplicate',
    severity: 'warning',
    category: 'semantics',
    title: 'Two snippets with the same SQL or name',
    run: (ctx) => {
      const seen = new Map<string, string>();
      const out: RawFinding[] = [];
      const s = ctx.space.instructions?.sql_snippets;
      for (const [list, items] of [
        ['filters', s?.filters],
        ['expressions', s?.expressions],
        ['measures', s?.measures],
      ] as const)
        (items ?? []).forEach((snippet, i) => {
          const path = `$.instructions.sql_snippets.${list}[${i}]`;
          const alias = 'alias' in snippet && typeof snippet.alias === 'string' ? snippet.alias : '';
          const keys = [
            `sql:${list}:${normalizeSqlText(joinText(snippet.sql))}`,
            `name:${normalizeTerm(snippet.display_name ?? '')}`,
            `alias:${alias.toLowerCase()}`,
          ].filter((k) => !k.endsWith(':'));
          const hit = keys.find((k) => seen.has(k));
          if (hit)
            out.push({
              path,
              message: `has the same ${hit.split(':')[0]} as ${seen.get(hit)}: Genie cannot tell which one a question means`,
              fix: 'merge the two snippets or rename one',
            });
          for (const k of keys) if (!seen.has(k)) seen.set(k, path);
        });
      return out;
    },
  },
];
