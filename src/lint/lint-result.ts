/** What `lint` found over the repository's spaces, as the reports and the entries read it. */
import type { Operation } from 'fast-json-patch';
import type { ValidationIssue } from '../errors.js';
import type { AppliedLintFix } from './fixes.js';
import type { Finding, QualityScore } from './types.js';

export interface SpaceLint {
  space: string;
  /** Repository-relative config path: where findings point. */
  file: string;
  /** Undefined when the file could not be linted (see issues). */
  quality?: QualityScore;
  findings: Finding[];
  /** Problems that stopped lint (invalid JSON, schema errors), with lines. */
  issues: ValidationIssue[];
  benchmarks: number;
  /** With fix: the RFC 6902 patch applied to the file as it was, and what it did. */
  fix?: { patch: Operation[]; applied: AppliedLintFix[]; skipped: AppliedLintFix[]; written: boolean };
}

export interface LintResult {
  spaces: SpaceLint[];
  /** Things lint could not use (an unreadable benchmark file), said once. */
  notes: string[];
}
