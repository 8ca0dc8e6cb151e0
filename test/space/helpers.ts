import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError, type ValidationIssue } from '../../src/errors.js';
import type { Space } from '../../src/space/schema.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export const RICH_FIXTURE = path.join(here, 'fixtures', 'rich-space.json');

export function richText(): string {
  return readFileSync(RICH_FIXTURE, 'utf8');
}

/** A fresh deep copy of the rich fixture as data. */
export function richSpace(): Space {
  return JSON.parse(richText()) as Space;
}

/** The issues of the ValidationError `fn` throws; fails the test when it throws anything else or nothing. */
export function issuesOf(fn: () => unknown): ValidationIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}
