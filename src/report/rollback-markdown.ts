/** The rollback PR's body and the deploy summary's verification table (pure Markdown). */
import type { QuestionScore, Scorecard } from '../scoring/scorecard.js';
import type { LiveVerdict } from '../scoring/live-verdict.js';
import { GITHUB_BODY_LIMIT } from './enhance-report.js';
import { pct } from '../util/percent.js';
import { shortCell } from './markdown-format.js';

const cell = (text: string) => shortCell(text, 300);

export interface RollbackBodyInput {
  space: string;
  commit: string;
  revertSha: string;
  restores: boolean;
  verdict: LiveVerdict;
  live: Scorecard;
  baselineSource: string;
  /** The deploy run that found the drop. */
  runUrl?: string;
  mode: string;
}

function regressedRows(verdict: LiveVerdict, live: Scorecard): string[] {
  const byId = new Map(live.questions.map((q) => [q.id, q]));
  const ids = verdict.regressed.length
    ? verdict.regressed
    : live.questions.filter((q) => !q.passed && !q.errored).map((q) => q.id);
  const rows = ids
    .map((id) => byId.get(id))
    .filter((q): q is QuestionScore => q !== undefined)
    .slice(0, 50)
    .map(
      (q) =>
        `| \`${q.id}\` | ${cell(q.question)} | ${q.category ?? q.verdict ?? 'failed'} | ${q.genieSql ? `\`${cell(q.genieSql)}\`` : '–'} |`,
    );
  if (rows.length === 0) return [];
  const title = verdict.regressed.length
    ? 'Questions that regressed on the live space'
    : 'Questions failing on the live space';
  return ['', `### ${title}`, '', '| id | question | live failure | Genie SQL |', '|---|---|---|---|', ...rows];
}

export function renderRollbackBody(input: RollbackBodyInput): string {
  const { verdict } = input;
  const lines = [
    `## genie-gitops: roll back \`${input.space}\``,
    '',
    `After deploying \`${input.commit.slice(0, 7)}\`, the live space scored significantly lower than the merged config did before the merge, so this PR reverts that merge (\`git revert -m 1 ${input.commit.slice(0, 7)}\`, commit \`${input.revertSha.slice(0, 7)}\`).`,
    '',
    '| | score |',
    '|---|---|',
    `| live (after deploy, ${input.mode}) | ${pct(verdict.liveScore)} |`,
    `| expected (before the merge) | ${pct(verdict.expectedScore)} |`,
    '',
    `${verdict.summary}`,
    '',
    `Expected score from ${input.baselineSource}.`,
    ...(input.runUrl ? ['', `Deploy run: ${input.runUrl}`] : []),
    '',
    input.restores
      ? 'Merging it restores the previous config byte for byte; it deploys through the normal flow.'
      : '> [!WARNING]\n> The revert does not restore the previous config file exactly (the push held more than this commit): check the diff.',
    '',
    'A rollback is never rolled back automatically: if this one scores badly too, a person decides.',
    ...regressedRows(verdict, input.live),
    '',
  ];
  return lines.join('\n').slice(0, GITHUB_BODY_LIMIT);
}

/** One row per verified space for the deploy job summary. */
export function renderVerificationTable(
  rows: ReadonlyArray<{ space: string; mode: string; verdict: LiveVerdict; asked: number; rollback?: string }>,
): string {
  if (rows.length === 0) return '';
  const icon = { verified: '✅', regression: '❌', inconclusive: '⚪', 'no-baseline': '➖' } as const;
  return [
    '### Post-deploy verification',
    '',
    '| space | verify | questions | live score | expected score | verdict | rollback |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.space} | ${r.mode} | ${r.asked} | ${pct(r.verdict.liveScore)} | ${pct(r.verdict.expectedScore)} | ${icon[r.verdict.verdict]} ${r.verdict.verdict} | ${r.rollback ? cell(r.rollback) : '–'} |`,
    ),
    '',
    ...rows.map((r) => `- **${r.space}**: ${r.verdict.summary}`),
    '',
  ].join('\n');
}
