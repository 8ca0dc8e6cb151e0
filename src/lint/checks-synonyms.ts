/** Semantics of columns: synonyms that point one way, and value dictionaries only where values are worth matching. */
import { hasEntityMatching } from '../space/schema.js';
import { entityFlagPath, type ColumnInfo, type LintContext } from './context.js';
import { isOwnKey } from './checks-joins.js';
import type { CheckDefinition, RawFinding } from './types.js';

/** Comparable form of a word or phrase: lowercase, `_` and `-` as spaces, single spaces. */
export function normalizeTerm(text: string): string {
  return text.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function columnsOf(ctx: LintContext): ColumnInfo[] {
  return ctx.tables.flatMap((t) => [...t.columns.values()]);
}

/** Words of a column name, split on `_` and camelCase. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const ID_WORDS = new Set(['id', 'uuid', 'guid', 'key', 'pk', 'fk']);
const FREE_TEXT_WORDS = new Set([
  'description',
  'desc',
  'comment',
  'comments',
  'note',
  'notes',
  'text',
  'body',
  'content',
  'message',
  'email',
  'url',
  'address',
  'phone',
  'summary',
  'bio',
  'review',
  'remarks',
]);
const STRING_TYPES = /^(string|varchar|char|text)/i;

/** Columns named like keys. A name column (`*_name`) is what entity matching is for, so it never counts. */
export function looksLikeKey(column: ColumnInfo): boolean {
  const words = nameWords(column.name);
  const last = words[words.length - 1] ?? '';
  return ID_WORDS.has(last) || isOwnKey(column.table, column.name);
}

function dictionaryProblem(column: ColumnInfo, ctx: LintContext): string | undefined {
  const words = nameWords(column.name);
  if (looksLikeKey(column)) return 'its name says it is an identifier: users never type ids to filter';
  if (FREE_TEXT_WORDS.has(words[words.length - 1] ?? ''))
    return 'its name says it holds free text: almost every value is distinct';
  const type = ctx.warehouse?.schema.tables
    .find((t) => t.identifier.toLowerCase() === column.table.key)
    ?.columns.find((c) => c.name.toLowerCase() === column.key)?.type;
  if (type && !STRING_TYPES.test(type)) return `it is a ${type} column: entity matching is for text values`;
  const stats = ctx.warehouse?.stats.get(`${column.table.key}.${column.key}`);
  if (stats && stats.rows >= 50 && stats.distinct / stats.rows > 0.9)
    return `${stats.distinct} distinct values in ${stats.rows} rows: nearly unique, like an id or free text`;
  return undefined;
}

export const SYNONYM_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'synonym-duplicate-across-columns',
    severity: 'warning',
    category: 'semantics',
    title: 'One synonym on two different columns',
    run: (ctx) => {
      const first = new Map<string, ColumnInfo>();
      const out: RawFinding[] = [];
      for (const column of columnsOf(ctx))
        (column.config.synonyms ?? []).forEach((synonym, k) => {
          const term = normalizeTerm(synonym);
          const owner = first.get(term);
          if (!owner) return void first.set(term, column);
          // The same column name in several tables is one concept (a key and its references).
          if (owner.key === column.key || owner === column) return;
          out.push({
            path: `${column.path}.synonyms[${k}]`,
            message: `"${synonym}" is also a synonym of ${owner.table.short}.${owner.name}: Genie cannot tell which column a question means`,
            fix: 'keep the synonym on the column it really means, and make the other one more specific',
            uses: column.uses,
          });
        });
      return out;
    },
  },
  {
    id: 'synonym-names-other-column',
    severity: 'warning',
    category: 'semantics',
    title: "A synonym is another column's name",
    run: (ctx) => {
      const names = new Map<string, ColumnInfo>();
      for (const column of columnsOf(ctx))
        if (!names.has(normalizeTerm(column.name))) names.set(normalizeTerm(column.name), column);
      const out: RawFinding[] = [];
      for (const column of columnsOf(ctx))
        (column.config.synonyms ?? []).forEach((synonym, k) => {
          const other = names.get(normalizeTerm(synonym));
          if (!other || other.key === column.key) return;
          out.push({
            path: `${column.path}.synonyms[${k}]`,
            message: `"${synonym}" is the name of ${other.table.short}.${other.name}: a question naming that column may land on ${column.table.short}.${column.name}`,
            fix: `remove the synonym, or make it specific (e.g. "${column.table.short} ${synonym}")`,
          });
        });
      return out;
    },
  },
  {
    id: 'synonym-repeated',
    severity: 'info',
    category: 'semantics',
    fixable: true,
    title: 'A column lists the same synonym twice',
    run: (ctx) => {
      const out: RawFinding[] = [];
      for (const column of columnsOf(ctx)) {
        const seen = new Set<string>();
        (column.config.synonyms ?? []).forEach((synonym, k) => {
          const key = synonym.trim().toLowerCase();
          if (seen.has(key))
            out.push({
              path: `${column.path}.synonyms[${k}]`,
              message: `"${synonym}" is listed twice for ${column.table.short}.${column.name}`,
              fix: 'run `genie-gitops lint --fix` to drop the repeat',
            });
          seen.add(key);
        });
      }
      return out;
    },
  },
  {
    id: 'synonym-conflicts-snippet',
    severity: 'warning',
    category: 'semantics',
    title: "A column synonym is a snippet's name",
    run: (ctx) => {
      const terms = new Map<string, string>();
      const s = ctx.space.instructions?.sql_snippets;
      for (const [list, items] of [
        ['filters', s?.filters],
        ['expressions', s?.expressions],
        ['measures', s?.measures],
      ] as const)
        (items ?? []).forEach((snippet, i) => {
          for (const term of [snippet.display_name ?? '', ...(snippet.synonyms ?? [])])
            if (term.trim()) terms.set(normalizeTerm(term), `$.instructions.sql_snippets.${list}[${i}]`);
        });
      const out: RawFinding[] = [];
      for (const column of columnsOf(ctx))
        (column.config.synonyms ?? []).forEach((synonym, k) => {
          const snippet = terms.get(normalizeTerm(synonym));
          if (snippet)
            out.push({
              path: `${column.path}.synonyms[${k}]`,
              message: `"${synonym}" names both ${column.table.short}.${column.name} and the snippet at ${snippet}: the word means two things`,
              fix: 'keep the word on the snippet when it stands for that calculation, and drop it from the column',
            });
        });
      return out;
    },
  },
  {
    id: 'synonyms-missing',
    severity: 'info',
    category: 'semantics',
    measured: true,
    title: 'A column benchmarks use has no synonyms',
    run: (ctx) =>
      columnsOf(ctx)
        .filter((c) => !c.hidden && c.uses > 0 && !looksLikeKey(c) && (c.config.synonyms ?? []).length === 0)
        .sort((a, b) => b.uses - a.uses)
        .map((c) => ({
          path: c.path,
          message: `${c.table.short}.${c.name} has no synonyms (read by ${c.uses} of ${ctx.benchmarks.length} benchmark questions)`,
          fix: 'add the words people use for it (other languages too), e.g. "signup date" for joined_at',
          uses: c.uses,
        })),
  },
  {
    id: 'dictionary-on-id-or-free-text',
    severity: 'warning',
    category: 'semantics',
    title: 'A value dictionary on an id or free-text column',
    run: (ctx) => {
      const out: RawFinding[] = [];
      for (const column of columnsOf(ctx)) {
        if (!hasEntityMatching(column.config)) continue;
        const problem = dictionaryProblem(column, ctx);
        if (problem)
          out.push({
            path: entityFlagPath(column),
            message: `entity matching on ${column.table.short}.${column.name}, but ${problem}`,
            fix: 'turn entity matching off for this column (keep format assistance if example values help)',
            uses: column.uses,
          });
      }
      return out;
    },
  },
];

/** Visible columns and how many have synonyms, weighted by benchmark use (the semantics measure). */
export function synonymCoverage(ctx: LintContext): number {
  let total = 0;
  let covered = 0;
  for (const c of columnsOf(ctx)) {
    if (c.hidden || looksLikeKey(c)) continue;
    const weight = 1 + c.uses;
    total += weight;
    if ((c.config.synonyms ?? []).some((s) => s.trim() !== '')) covered += weight;
  }
  return total === 0 ? 1 : covered / total;
}
