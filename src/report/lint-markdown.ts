/** Markdown for `lint`: a quality table per space and every finding, within GitHub's size limits. */
import type { LintResult, SpaceLint } from '../lint/lint-result.js';
import { CATEGORIES, type QualityScore } from '../lint/types.js';
import { GITHUB_COMMENT_LIMIT, cell, code, truncate } from './markdown-format.js';

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

export function qualityCells(quality: QualityScore | undefined): string {
  if (!quality) return `| – | ${CATEGORIES.map(() => '–').join(' | ')} |`;
  return `| **${quality.score.toFixed(1)}** | ${CATEGORIES.map((c) => quality.categories[c].score.toFixed(0)).join(' | ')} |`;
}

function summaryTable(spaces: readonly SpaceLint[]): string[] {
  return [
    `| space | quality | ${CATEGORIES.join(' | ')} | errors | warnings | info |`,
    `|---|---:|${CATEGORIES.map(() => '---:').join('|')}|---:|---:|---:|`,
    ...spaces.map((s) => {
      const n = s.quality?.findings;
      const counts = n ? `${n.error} | ${n.warning} | ${n.info}` : `${s.issues.length} | – | –`;
      return `| ${code(s.space)} ${qualityCells(s.quality)} ${counts} |`;
    }),
  ];
}

function findingLines(space: SpaceLint): string[] {
  const issues = space.issues.map(
    (i) => `- ${ICON.error} ${code(`${space.file}${i.line ? `:${i.line}` : ''}`)} ${cell(i.message)}`,
  );
  const findings = space.findings.map(
    (f) =>
      `- ${ICON[f.severity]} ${code(`${space.file}${f.line ? `:${f.line}` : ''}`)} **${f.check}** ${cell(truncate(f.message, 300))} — _${cell(truncate(f.fix, 200))}_`,
  );
  return [...issues, ...findings];
}

export function renderLintMarkdown(result: LintResult, options: { title?: string; maxChars?: number } = {}): string {
  const max = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const head = [
    `## ${options.title ?? 'genie-gitops lint'}`,
    '',
    ...summaryTable(result.spaces),
    '',
    '<sub>Quality 0–100: coverage 30%, relationships 20%, semantics 20%, examples 20%, limits 10% (see the README, "Quality score").</sub>',
    ...result.notes.map((n) => `> ${n}`),
  ];
  const body: string[] = [];
  let budget = max - head.join('\n').length - 200;
  let hidden = 0;
  for (const space of result.spaces) {
    const lines = findingLines(space);
    if (lines.length === 0) continue;
    const heading = ['', `### ${code(space.space)} (${space.file})`, ''];
    budget -= heading.join('\n').length;
    body.push(...heading);
    for (const line of lines) {
      if (line.length + 1 > budget) {
        hidden++;
        continue;
      }
      budget -= line.length + 1;
      body.push(line);
    }
  }
  if (hidden > 0)
    body.push('', `_…and ${hidden} more finding(s) not shown to stay within ${max} characters (see \`lint --json\`)._`);
  return [...head, ...body].join('\n') + '\n';
}
