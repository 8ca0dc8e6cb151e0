/** Building RFC 6902 operations that keep the space canonical (containers created, lists sorted). */
import type { Operation } from 'fast-json-patch';
import { compareStrings } from '../fix-key.js';

/** JSON pointer from path segments (RFC 6901 escaping). */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at the segments, or undefined when any step is missing. */
export function valueAt(document: unknown, segments: readonly string[]): unknown {
  let node: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * `add` operations creating each missing object along the segments, the last one as an
 * array or object. Returns no operations when the container exists.
 */
export function ensureContainer(document: unknown, segments: readonly string[], leaf: 'array' | 'object'): Operation[] {
  const ops: Operation[] = [];
  for (let i = 1; i <= segments.length; i++) {
    if (valueAt(document, segments.slice(0, i)) !== undefined) continue;
    const value = i === segments.length && leaf === 'array' ? [] : {};
    ops.push({ op: 'add', path: pointer(segments.slice(0, i)), value });
    // Everything below a created container is missing too; keep adding levels.
  }
  return ops;
}

/** The index at which `key` keeps `items` sorted by `keyOf` (after any equal keys). */
export function sortedIndex<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let index = 0;
  while (index < items.length && compareStrings(keyOf(items[index]), key) <= 0) index++;
  return index;
}

/**
 * Insert an item into the list at the segments (creating it and its parents when missing),
 * at the position that keeps the list sorted by `keyOf`.
 */
export function insertSorted<T>(
  document: unknown,
  segments: readonly string[],
  item: T,
  keyOf: (item: T) => string,
): Operation[] {
  const ops = ensureContainer(document, segments, 'array');
  const existing = valueAt(document, segments);
  const list = Array.isArray(existing) ? (existing as T[]) : [];
  const index = sortedIndex(list, keyOf(item), keyOf);
  ops.push({ op: 'add', path: pointer([...segments, String(index)]), value: item });
  return ops;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Set one member of an existing object: `add` when absent, `test` + `replace` when it differs
 * (the test makes a stale patch fail instead of overwriting a value it did not expect),
 * nothing when it already holds the value.
 */
export function setMember(
  object: Record<string, unknown>,
  segments: readonly string[],
  key: string,
  value: unknown,
  same: (current: unknown) => boolean = (current) => sameJson(current, value),
): Operation[] {
  const path = pointer([...segments, key]);
  const current = object[key];
  if (current === undefined) return [{ op: 'add', path, value }];
  if (same(current)) return [];
  return [
    { op: 'test', path, value: current },
    { op: 'replace', path, value },
  ];
}
