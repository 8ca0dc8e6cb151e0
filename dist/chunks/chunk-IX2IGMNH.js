import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/errors.ts
var GenieGitopsError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
    this.name = new.target.name;
  }
  hint;
};
var ConfigError = class extends GenieGitopsError {
};
var ValidationError = class extends GenieGitopsError {
  constructor(issues, hint) {
    super(issues.map(formatIssue).join("\n"), hint);
    this.issues = issues;
  }
  issues;
};
var ReadOnlyViolationError = class extends GenieGitopsError {
};
var WarehouseError = class extends GenieGitopsError {
  constructor(message, sql, code = "SQL_ERROR") {
    super(message);
    this.sql = sql;
    this.code = code;
  }
  sql;
  code;
};
function formatIssue(issue) {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where} ${issue.path}: ${issue.message}`;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  GenieGitopsError,
  ConfigError,
  ValidationError,
  ReadOnlyViolationError,
  WarehouseError,
  formatIssue,
  messageOf
};
