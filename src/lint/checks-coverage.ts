/** Coverage: whether Genie is told what each table and column means, weighted by how often questions need them. */
import { joinText } from '../space/schema.js';
import type { LintContext, TableInfo } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

/** Below this many characters a description rarely says more than the name. */
export const SHORT_DESCRIPTION = 15;

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** How well a text describes a thing: 0 missing, 0.5 too short or just the name, 1 described. */
export function describedness(description: readonly string[] | undefined, name: string): 0 | 0.5 | 1 {
  const text = joinText(description).trim();
  if (text === '') return 0;
  if (text.length < SHORT_DESCRIPTION || squash(text) === squash(name)) return 0.5;
  return 1;
}

export function usedBy(uses: number, benchmarks: number): string {
  return benchmarks > 0 ? ` (read by ${uses} of ${benchmarks} benchmark questions)` : '';
}

/** Items in benchmark-use order, most used first, so the findings that matter most come first. */
function byUse<T extends { uses?: number }>(items: T[]): T[] {
  return items.sort((a, b) => (b.uses ?? 0) - (a.uses ?? 0));
}

function tableName(t: TableInfo): string {
  return t.identifier;
}

export const COVERAGE_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'table-description-missing',
    severity: 'warning',
    category: 'coverage',
    measured: true,
    title: 'A table has no description',
    run: (ctx) =>
      byUse(
        ctx.tables
          .filter((t) => describedness(t.table.description, t.short) === 0)
          .map((t) => ({
            path: t.path,
            message: `${tableName(t)} has no description${usedBy(t.uses, ctx.benchmarks.length)}`,
            fix: 'describe what one row is and what the table is for, in the words people ask with',
            uses: t.uses,
          })),
      ),
  },
  {
    id: 'column-description-missing',
    severity: 'info',
    category: 'coverage',
    measured: true,
    title: 'A column has no description',
    run: (ctx) => {
      const out: RawFinding[] = [];
      for (const t of ctx.tables)
        for (const c of t.columns.values())
          if (!c.hidden && describedness(c.config.description, c.name) === 0)
            out.push({
              path: c.path,
              message: `${t.short}.${c.name} has no description${usedBy(c.uses, ctx.benchmarks.length)}`,
              fix: 'say what the column holds: its unit, its codes and what they mean, and which table it points to if it is a key',
              uses: c.uses,
            });
      return byUse(out);
    },
  },
  {
    id: 'description-too-short',
    severity: 'info',
    category: 'coverage',
    measured: true,
    title: 'A description only repeats the name or is very short',
    run: (ctx) => {
      const out: RawFinding[] = [];
      const check = (description: readonly string[] | undefined, name: string, path: string, uses: number) => {
        if (describedness(description, name) === 0.5)
          out.push({
            path: `${path}.description`,
            message: `"${joinText(description).trim()}" says little more than the name ${name}`,
            fix: `write at least ${SHORT_DESCRIPTION} characters: what it means, its unit or codes, how it relates to other tables`,
            uses,
          });
      };
      for (const t of ctx.tables) {
        check(t.table.description, t.short, t.path, t.uses);
        for (const c of t.columns.values()) if (!c.hidden) check(c.config.description, c.name, c.path, c.uses);
      }
      return byUse(out);
    },
  },
];
