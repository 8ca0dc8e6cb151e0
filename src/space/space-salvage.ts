/**
 * The valid part of a space file that failed its schema, so `validate` can still check the
 * invariants and references of everything else: one wrong type must not hide a join spec that
 * names an unknown table. Each schema problem removes the smallest piece that holds it: first
 * the bad field alone, and when the schema then misses that field, the list item holding it.
 * The schema problems themselves are reported separately.
 */
import { SpaceSchema, type Space } from './schema.js';

type Segment = PropertyKey;

function isRecord(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The piece to remove for a problem at `path`: up to its deepest list index, else the field itself. */
function pieceOf(path: readonly Segment[]): Segment[] {
  const cut = path.findLastIndex((segment) => typeof segment === 'number');
  return cut >= 0 ? path.slice(0, cut + 1) : [...path];
}

function isPrefix(prefix: readonly Segment[], path: readonly Segment[]): boolean {
  return prefix.length < path.length && prefix.every((segment, i) => segment === path[i]);
}

/** Later list items first, so removing one never shifts the index of another still to remove. */
function compareDescending(a: readonly Segment[], b: readonly Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return String(y).localeCompare(String(x));
  }
  return b.length - a.length;
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (!isRecord(node)) return undefined;
    node = node[segment as keyof typeof node];
  }
  return node;
}

function remove(root: unknown, piece: readonly Segment[]): boolean {
  let parent: unknown = root;
  for (const segment of piece.slice(0, -1)) {
    if (!isRecord(parent)) return false;
    parent = parent[segment as keyof typeof parent];
  }
  const key = piece[piece.length - 1];
  if (Array.isArray(parent) && typeof key === 'number' && key < parent.length) {
    parent.splice(key, 1);
    return true;
  }
  if (isRecord(parent) && key !== undefined && key in parent) {
    delete parent[key as keyof typeof parent];
    return true;
  }
  return false;
}

/** The schema-valid remainder of `data`, or undefined when nothing useful remains (e.g. `version` is wrong). */
export function salvageSpace(data: unknown): Space | undefined {
  if (!isRecord(data) || Array.isArray(data)) return undefined;
  const copy = structuredClone(data);
  const triedField = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const result = SpaceSchema.safeParse(copy);
    if (result.success) return result.data;
    const pieces = new Map<string, Segment[]>();
    for (const issue of result.error.issues) {
      if (issue.path.length === 0 || issue.path[0] === 'version') return undefined;
      const key = JSON.stringify(issue.path.map(String));
      // A field that is missing (or was removed already) cannot go alone: its list item goes.
      const piece =
        triedField.has(key) || valueAt(copy, issue.path) === undefined ? pieceOf(issue.path) : [...issue.path];
      triedField.add(key);
      pieces.set(JSON.stringify(piece.map(String)), piece);
    }
    const all = [...pieces.values()];
    // A piece inside another piece goes with it.
    const outer = all.filter((p) => !all.some((q) => isPrefix(q, p)));
    let changed = false;
    for (const piece of outer.sort(compareDescending)) changed = remove(copy, piece) || changed;
    if (!changed) return undefined;
  }
  return undefined;
}
