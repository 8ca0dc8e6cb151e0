/**
 * The static linter: runs every check over one space config and scores it. Pure: no Genie, no
 * warehouse (warehouse facts, when wanted, are read by the command and passed in).
 */
import { addIssueLines } from '../space/space-file.js';
import { buildContext, type LintContext } from './context.js';
import { qualityScore } from './quality.js';
import { CHECKS } from './registry.js';
import type { Finding, LintInput, QualityScore, Severity } from './types.js';

export interface LintReport {
  findings: Finding[];
  quality: QualityScore;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runChecks(ctx: LintContext, only?: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (only && !only.has(check.id)) continue;
    if (check.warehouse && !ctx.warehouse) continue;
    for (const raw of check.run(ctx))
      findings.push({ check: check.id, severity: check.severity, category: check.category, ...raw });
  }
  // Stable: errors first, then warnings, then advice; within a severity, in check order.
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

const MEASURED = new Set(CHECKS.filter((c) => c.measured).map((c) => c.id));

/**
 * Lints a parsed config. `extra` are findings found before parsing (ids repaired on load); `text` is the
 * file's text, which gives every finding its line.
 */
export function lintSpace(input: LintInput & { extra?: Finding[]; text?: string }): LintReport {
  const ctx = buildContext(input);
  let findings = [...(input.extra ?? []), ...runChecks(ctx)];
  if (input.text !== undefined) {
    const lines = addIssueLines(
      input.text,
      findings.map((f) => ({ file: '', path: f.path, message: '', line: f.line })),
    );
    findings = findings.map((f, i) => (lines[i]?.line !== undefined ? { ...f, line: lines[i]!.line } : f));
  }
  return { findings, quality: qualityScore(ctx, findings, MEASURED) };
}

/** The quality score alone, as the scorecard and the PR reports show it. */
export function lintQuality(input: LintInput): QualityScore {
  return lintSpace(input).quality;
}
