/**
 * Deterministic train/holdout split. The split is a function of the expected
 * SQL, not of the question, so paraphrases of one query always land on the same
 * side and cannot leak an answer from train into holdout.
 */
import { createHash } from 'node:crypto';

export type Split = 'train' | 'holdout';

/** One in HOLDOUT_DIVISOR questions (about a third) goes to holdout. */
const HOLDOUT_DIVISOR = 3;

/**
 * The form two SQL texts share when they differ only in layout: lowercase,
 * backticks removed, whitespace collapsed (and dropped next to punctuation),
 * trailing semicolons removed.
 */
export function normalizeSqlForSplit(sql: string): string {
  return sql
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;=<>+*/-])\s*/g, '$1')
    .trim()
    .replace(/;+$/, '')
    .trim();
}

export function deriveSplit(sql: string): Split {
  const digest = createHash('sha256').update(normalizeSqlForSplit(sql), 'utf8').digest();
  return digest.readUInt32BE(0) % HOLDOUT_DIVISOR === 0 ? 'holdout' : 'train';
}
