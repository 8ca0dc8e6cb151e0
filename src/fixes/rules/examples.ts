/**
 * Last resort, when no other rule has anything left to try: each failing train question
 * becomes an example question/SQL pair, those whose expected SQL is complex (several joins,
 * subqueries, CTEs, HAVING, window functions, CASE, set operations) first. The loop refuses
 * holdout SQL as an example; the analyst only ever sees train failures.
 */
import type { FailureEvidence } from '../analyst.js';
import { normalizeSnippetSql, type ConfigIndex } from './config.js';
import type { FailureView } from './evidence.js';
import { PRIORITY, type Proposal } from './proposal.js';
import { collapseWhitespace } from '../../space/text-pieces.js';
import { joinText, type Space } from '../../space/schema.js';

const COMPLEX_SQL = /\b(with|over|having|case|union|intersect|except|exists)\b/i;

/** True when the expected SQL needs more than names and a join spec to reproduce. */
export function isComplexSql(failure: FailureEvidence, view: FailureView | null): boolean {
  if (!view) return true;
  const selects = failure.expectedSql.match(/\bselect\b/gi)?.length ?? 0;
  return COMPLEX_SQL.test(failure.expectedSql) || selects > 1 || view.joins.length >= 2 || view.tables.length >= 3;
}

export function proposeExamples(
  space: Space,
  index: ConfigIndex,
  failures: readonly { failure: FailureEvidence; view: FailureView | null }[],
): Proposal[] {
  const questions = new Set(
    (space.instructions?.example_question_sqls ?? []).map((ex) =>
      collapseWhitespace(joinText(ex.question)).toLowerCase(),
    ),
  );
  const proposals: Proposal[] = [];
  for (const { failure, view } of failures) {
    const complex = isComplexSql(failure, view);
    if (index.exampleSql.has(normalizeSnippetSql(failure.expectedSql))) continue;
    if (questions.has(collapseWhitespace(failure.question).toLowerCase())) continue;
    proposals.push({
      // Complex questions first: they are the ones names and joins cannot fix.
      priority: PRIORITY.exampleQuery + (complex ? 1 : 0),
      fix: {
        type: 'add_example_query',
        question: collapseWhitespace(failure.question),
        sql: failure.expectedSql.trim().replace(/;\s*$/, ''),
        rationale: complex
          ? 'The expected SQL is complex (nested queries, several joins or window/CASE logic); an example pair shows Genie the pattern.'
          : 'No name, join, value or snippet fix is left to try for this failure; an example pair shows Genie the expected query.',
        targets: [failure.id],
      },
    });
  }
  return proposals;
}
