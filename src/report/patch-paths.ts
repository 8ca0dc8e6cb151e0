/**
 * Names for the objects a JSON patch touches, so a reviewer reads `main.community.members.plan
 * synonyms` instead of `/data_sources/tables/2/column_configs/3/synonyms`. Index paths shift
 * as a patch applies (two join specs inserted at `/instructions/join_specs/0`), so each op is
 * named against the document as it stands when that op applies: the ops are replayed in order.
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON Pointer segments, unescaped. */
function segmentsOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function at(doc: unknown, segments: readonly string[]): unknown {
  let node: unknown = doc;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

const text = (value: unknown): string =>
  Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '';

function short(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What a list item is, from its own fields. */
function itemName(list: string, item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  switch (list) {
    case 'tables':
    case 'metric_views':
      return typeof item.identifier === 'string' ? item.identifier : undefined;
    case 'join_specs': {
      const side = (s: unknown) => (isRecord(s) && typeof s.identifier === 'string' ? s.identifier : '?');
      return `join ${side(item.left)} ↔ ${side(item.right)}`;
    }
    case 'measures':
    case 'filters':
    case 'expressions':
      return `${list.replace(/s$/, '')} "${short(typeof item.display_name === 'string' ? item.display_name : text(item.sql))}"`;
    case 'example_question_sqls':
      return `example "${short(text(item.question))}"`;
    case 'text_instructions':
      return 'text instruction';
    case 'sql_functions':
      return typeof item.identifier === 'string' ? `function ${item.identifier}` : undefined;
    default:
      return undefined;
  }
}

/**
 * A readable name for the place `pointer` points to in `doc` (for an `add` into a list, the new
 * item `value` names itself): `main.community.members.plan synonyms`, `join a ↔ b`.
 */
export function namePath(doc: unknown, pointer: string, value?: unknown): string {
  const segments = segmentsOf(pointer);
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const parent = at(doc, segments.slice(0, i));
    if (Array.isArray(parent) && /^\d+$|^-$/.test(segment)) {
      const list = segments[i - 1] ?? '';
      const isLast = i === segments.length - 1;
      const item = isLast && value !== undefined ? value : parent[Number(segment)];
      const name =
        list === 'column_configs' && isRecord(item) && typeof item.column_name === 'string'
          ? item.column_name
          : itemName(list, item);
      if (list === 'column_configs' && name) {
        const table = parts.pop();
        parts.push(table ? `${table}.${name}` : name);
      } else if (name) {
        parts.length = 0; // a named item says enough: drop the containers before it
        parts.push(name);
      } else {
        parts.push(`${list}[${segment}]`);
      }
    } else if (!['data_sources', 'instructions', 'sql_snippets', 'column_configs'].includes(segment)) {
      parts.push(segment);
    } else if (i === segments.length - 1) {
      parts.push(segment);
    }
  }
  return parts.join(' ') || pointer;
}

/** Each op with the name of what it touches, replaying the ops on a copy of `before`; `after` is the result. */
export function nameOperations(
  before: unknown,
  ops: readonly Operation[],
): { named: { op: Operation; name: string }[]; after: unknown } {
  const doc = structuredClone(before);
  const named: { op: Operation; name: string }[] = [];
  for (const op of ops) {
    const value = 'value' in op ? (op.value as unknown) : undefined;
    named.push({ op, name: namePath(doc, op.path, op.op === 'add' ? value : undefined) });
    try {
      jsonpatch.applyOperation(doc, structuredClone(op), false, true);
    } catch {
      // A patch that does not replay here is still shown; later names may fall back to paths.
    }
  }
  return { named, after: doc };
}
