/** Every lint check, in the order findings are listed. Ids are stable: they name checks in reports and in the README. */
import { COVERAGE_CHECKS } from './checks-coverage.js';
import { EXAMPLE_CHECKS } from './checks-examples.js';
import { FORMAT_CHECKS } from './checks-format.js';
import { JOIN_CHECKS } from './checks-joins.js';
import { LIMIT_CHECKS } from './checks-limits.js';
import { SAMPLE_CHECKS } from './checks-samples.js';
import { SNIPPET_CHECKS } from './checks-snippets.js';
import { SYNONYM_CHECKS } from './checks-synonyms.js';
import { TEXT_CHECKS } from './checks-text.js';
import type { LintContext } from './context.js';
import type { CheckDefinition } from './types.js';

export const CHECKS: readonly CheckDefinition<LintContext>[] = [
  ...FORMAT_CHECKS,
  ...LIMIT_CHECKS,
  ...COVERAGE_CHECKS,
  ...JOIN_CHECKS,
  ...SYNONYM_CHECKS,
  ...SNIPPET_CHECKS,
  ...TEXT_CHECKS,
  ...EXAMPLE_CHECKS,
  ...SAMPLE_CHECKS,
];

export function checkById(id: string): CheckDefinition<LintContext> | undefined {
  return CHECKS.find((check) => check.id === id);
}

/** `lint --list-checks`: one line per check, id, severity and title. */
export function listChecks(): string[] {
  const width = Math.max(...CHECKS.map((c) => c.id.length));
  return CHECKS.map(
    (c) =>
      `${c.id.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.category.padEnd(13)}  ${c.title}${c.fixable ? ' [--fix]' : ''}${c.warehouse ? ' [--warehouse]' : ''}`,
  );
}
