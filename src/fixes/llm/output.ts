/**
 * Reading the model's answer: strip Markdown fences, find the outermost JSON object, and
 * validate each proposed fix with the Fix schema. Problems are phrased so they can be quoted
 * back to the model and shown in notes.
 */
import type { z } from 'zod';
import { FixSchema, type Fix } from '../fix-types.js';
import { messageOf } from '../../errors.js';

export type JsonExtraction = { ok: true; value: unknown } | { ok: false; error: string };

/** The JSON object in a reply that may wrap it in ``` fences or prose. */
export function extractJsonObject(content: string): JsonExtraction {
  const text = stripFences(content).trim();
  if (text === '') return { ok: false, error: 'the answer is empty' };
  const start = text.indexOf('{');
  if (start < 0) return { ok: false, error: 'the answer contains no JSON object' };
  const end = matchingBrace(text, start);
  const candidates = [end >= 0 ? text.slice(start, end + 1) : undefined, text.slice(start, text.lastIndexOf('}') + 1)];
  let lastError = 'the JSON object is not closed';
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch (error) {
      lastError = `invalid JSON: ${messageOf(error)}`;
    }
  }
  return { ok: false, error: lastError };
}

/** The body of the first ``` fenced block when there is one, else the text itself. */
function stripFences(content: string): string {
  const fenced = /```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)```/.exec(content);
  return fenced ? fenced[1] : content;
}

/** Index of the brace closing the one at `start`, skipping braces inside JSON strings; -1 if unclosed. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

export interface ProposedFixes {
  fixes: Fix[];
  /** One line per fix that failed the schema: `fixes[2] (add_join): left.column: must not be empty`. */
  invalid: string[];
  /** How many fixes the answer listed. */
  proposed: number;
}

export type FixListResult = { ok: true; result: ProposedFixes } | { ok: false; error: string };

/** Validate `{fixes: [...]}` (a bare array is accepted too); each fix stands or falls on its own. */
export function validateFixList(value: unknown): FixListResult {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object'
      ? (value as Record<string, unknown>).fixes
      : undefined;
  if (!Array.isArray(list)) return { ok: false, error: 'the JSON object has no "fixes" array' };
  const fixes: Fix[] = [];
  const invalid: string[] = [];
  list.forEach((item, index) => {
    const parsed = FixSchema.safeParse(item);
    if (parsed.success) fixes.push(parsed.data);
    else invalid.push(`fixes[${index}]${typeLabel(item)}: ${describeIssues(parsed.error.issues)}`);
  });
  return { ok: true, result: { fixes, invalid, proposed: list.length } };
}

function typeLabel(item: unknown): string {
  const type = item && typeof item === 'object' ? (item as Record<string, unknown>).type : undefined;
  return typeof type === 'string' ? ` (${type.slice(0, 40)})` : '';
}

/** The first few issues as `path: message` (zod already lists the allowed values of a wrong `type`). */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '$'}: ${issue.message}`)
    .join('; ');
}
