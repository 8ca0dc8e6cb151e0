/** Each validation problem becomes an annotation on its file and line, so it shows in the PR's diff. */
import * as core from '@actions/core';
import type { ValidationIssue } from '../errors.js';

export function annotate(issues: readonly ValidationIssue[]): void {
  for (const issue of issues) {
    core.error(`${issue.path}: ${issue.message}`, {
      title: 'genie-gitops validate',
      file: issue.file,
      startLine: issue.line,
    });
  }
}
