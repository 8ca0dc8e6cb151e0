/**
 * Format rules Genie enforces on import: the project's invariants (as `validate` reports them), sorted
 * lists, unique ids, and text without stray whitespace. Counted in the `limits` category, which covers
 * everything Genie refuses or truncates.
 */
import { compareStrings } from '../fixes/fix-key.js';
import { checkInvariants } from '../space/invariants.js';
import { formatPath } from '../space/json-path.js';
import type { Space } from '../space/schema.js';
import type { LintContext } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

type Item = Record<string, unknown>;

export interface SortedList {
  /** JSON pointer segments of the list. */
  segments: string[];
  items: Item[];
  keyOf: (item: Item) => string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every list Genie requires sorted, with its sort key (DATABRICKS-API.md section 1). */
export function sortedLists(space: Space): SortedList[] {
  const lists: SortedList[] = [];
  const add = (segments: string[], items: unknown, keyOf: (item: Item) => string) => {
    if (Array.isArray(items)) lists.push({ segments, items: items as Item[], keyOf });
  };
  const byId = (item: Item) => text(item.id);
  for (const key of ['tables', 'metric_views'] as const) {
    const tables = space.data_sources?.[key];
    add(['data_sources', key], tables, (t) => text(t.identifier));
    (tables ?? []).forEach((t, i) =>
      add(['data_sources', key, String(i), 'column_configs'], t.column_configs, (c) => text(c.column_name)),
    );
  }
  const ins = space.instructions;
  add(['config', 'sample_questions'], space.config?.sample_questions, byId);
  add(['instructions', 'text_instructions'], ins?.text_instructions, byId);
  add(['instructions', 'example_question_sqls'], ins?.example_question_sqls, byId);
  (ins?.example_question_sqls ?? []).forEach((e, i) =>
    add(['instructions', 'example_question_sqls', String(i), 'parameters'], e.parameters, (p) => text(p.name)),
  );
  add(['instructions', 'sql_functions'], ins?.sql_functions, (f) => `${text(f.id)}\0${text(f.identifier)}`);
  add(['instructions', 'join_specs'], ins?.join_specs, byId);
  for (const key of ['filters', 'expressions', 'measures'] as const)
    add(['instructions', 'sql_snippets', key], ins?.sql_snippets?.[key], byId);
  add(['benchmarks', 'questions'], space.benchmarks?.questions, byId);
  return lists;
}

export function isSorted(list: SortedList): boolean {
  return list.items.every(
    (item, i) => i === 0 || compareStrings(list.keyOf(list.items[i - 1]!), list.keyOf(item)) <= 0,
  );
}

/** The user-facing JSON path of pointer segments (numbers as indexes). */
export function jsonPath(segments: readonly string[]): string {
  return formatPath(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}

/** Invariant issues other checks report more precisely are left to them. */
function coveredElsewhere(path: string, message: string): boolean {
  return path.endsWith('.id') || (path.endsWith('.sql[1]') && message.startsWith('expected a relationship marker'));
}

/** Every id-bearing item's path and id, for the duplicate check and its fix. */
export function idEntries(space: Space): { segments: string[]; id: string }[] {
  const out: { segments: string[]; id: string }[] = [];
  for (const list of sortedLists(space)) {
    if (list.segments.at(-1) === 'parameters' || list.segments.at(-1) === 'column_configs') continue;
    if (list.segments[1] === 'tables' || list.segments[1] === 'metric_views') continue;
    list.items.forEach((item, i) => out.push({ segments: [...list.segments, String(i), 'id'], id: text(item.id) }));
  }
  return out;
}

/** Strings users type by hand, where leading or trailing whitespace is a typo Genie keeps. */
export function untrimmedStrings(space: Space): { segments: string[]; value: string }[] {
  const out: { segments: string[]; value: string }[] = [];
  const visit = (segments: string[], value: unknown) => {
    if (typeof value === 'string' && value !== value.trim()) out.push({ segments, value });
  };
  for (const key of ['tables', 'metric_views'] as const)
    (space.data_sources?.[key] ?? []).forEach((t, i) =>
      (t.column_configs ?? []).forEach((c, j) =>
        (c.synonyms ?? []).forEach((s, k) =>
          visit(['data_sources', key, String(i), 'column_configs', String(j), 'synonyms', String(k)], s),
        ),
      ),
    );
  for (const key of ['filters', 'expressions', 'measures'] as const)
    (space.instructions?.sql_snippets?.[key] ?? []).forEach((s, i) => {
      const base = ['instructions', 'sql_snippets', key, String(i)];
      visit([...base, 'display_name'], s.display_name);
      if ('alias' in s) visit([...base, 'alias'], s.alias);
      (s.synonyms ?? []).forEach((v, k) => visit([...base, 'synonyms', String(k)], v));
    });
  // Questions are one piece each; a multi-piece question is left alone.
  (space.config?.sample_questions ?? []).forEach((q, i) => {
    if (q.question.length === 1) visit(['config', 'sample_questions', String(i), 'question', '0'], q.question[0]);
  });
  (space.instructions?.example_question_sqls ?? []).forEach((e, i) => {
    if (e.question.length === 1)
      visit(['instructions', 'example_question_sqls', String(i), 'question', '0'], e.question[0]);
  });
  return out;
}

export const FORMAT_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'config-invalid',
    severity: 'error',
    category: 'limits',
    title: 'The config breaks a rule Genie enforces (as `validate` reports)',
    run: (ctx) =>
      checkInvariants(ctx.space, { file: '', warehouseSchema: ctx.warehouse?.schema })
        .filter((issue) => !coveredElsewhere(issue.path, issue.message))
        .map((issue) => ({
          path: issue.path,
          message: issue.message,
          fix: 'edit the file as the message says; `genie-gitops validate` reports the same problem',
        })),
  },
  {
    id: 'list-unsorted',
    severity: 'error',
    category: 'limits',
    fixable: true,
    title: 'A list is not in the order Genie requires',
    run: (ctx) =>
      sortedLists(ctx.space)
        .filter((list) => !isSorted(list))
        .map((list) => ({
          path: jsonPath(list.segments),
          message: 'not sorted the way Genie requires: Genie rejects unsorted lists on import',
          fix: 'run `genie-gitops lint --fix` (or save the file through any genie-gitops command) to sort it',
        })),
  },
  {
    id: 'id-invalid',
    severity: 'error',
    category: 'limits',
    fixable: true,
    title: 'An id is missing, malformed or used twice',
    run: (ctx) => {
      const seen = new Map<string, string>();
      const out: RawFinding[] = [];
      for (const entry of idEntries(ctx.space)) {
        const path = jsonPath(entry.segments);
        const first = seen.get(entry.id);
        if (first)
          out.push({
            path,
            message: `id ${entry.id} is also used at ${first}: Genie needs ids unique across the file`,
            fix: 'run `genie-gitops lint --fix` to give this item a new id',
          });
        else seen.set(entry.id, path);
      }
      return out;
    },
  },
  {
    id: 'text-untrimmed',
    severity: 'info',
    category: 'limits',
    fixable: true,
    title: 'A synonym, name or question has stray whitespace',
    run: (ctx) =>
      untrimmedStrings(ctx.space).map((entry) => ({
        path: jsonPath(entry.segments),
        message: `${JSON.stringify(entry.value)} has leading or trailing whitespace, which Genie keeps`,
        fix: 'run `genie-gitops lint --fix` to trim it',
      })),
  },
];
