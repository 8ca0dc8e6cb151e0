/**
 * Canonical form of a space file, so that loading and saving an unchanged file
 * gives the same bytes and a PR diff shows only real changes:
 * - known keys in the order DATABRICKS-API.md lists them, then unknown keys
 *   alphabetically, recursively (unknown objects are fully alphabetical);
 * - the arrays Genie requires sorted (tables by identifier, id-bearing lists by id, ...);
 *   arrays we know nothing about keep their order, since it may carry meaning;
 * - 2-space indent and a trailing newline.
 */
import type { Space } from './schema.js';

type Comparator = (a: Record<string, unknown>, b: Record<string, unknown>) => number;

interface ObjectShape {
  kind: 'object';
  keys: readonly string[];
  fields?: Readonly<Record<string, Shape>>;
}

interface ListShape {
  kind: 'list';
  item: ObjectShape;
  order: Comparator;
}

type Shape = ObjectShape | ListShape;

/** Code-unit order: independent of the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function field(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

function by(...keys: string[]): Comparator {
  return (a, b) => {
    for (const key of keys) {
      const order = compareStrings(field(a[key]), field(b[key]));
      if (order !== 0) return order;
    }
    return 0;
  };
}

const object = (keys: readonly string[], fields?: Record<string, Shape>): ObjectShape => ({
  kind: 'object',
  keys,
  fields,
});
const list = (item: ObjectShape, order: Comparator): ListShape => ({ kind: 'list', item, order });
const byId = by('id');

const columnConfig = object([
  'column_name',
  'description',
  'synonyms',
  'exclude',
  'enable_format_assistance',
  'enable_entity_matching',
  // Version 1 names of the two flags above.
  'get_example_values',
  'build_value_dictionary',
]);

const table = object(['identifier', 'description', 'column_configs'], {
  column_configs: list(columnConfig, by('column_name')),
});

const parameter = object(['name', 'type_hint', 'description', 'default_value'], {
  default_value: object(['values']),
});

const joinSide = object(['identifier', 'alias']);

const filterSnippet = object(['id', 'sql', 'display_name', 'synonyms', 'instruction', 'comment']);
const expressionSnippet = object(['id', 'alias', 'sql', 'display_name', 'synonyms', 'instruction', 'comment']);

const SPACE_SHAPE: ObjectShape = object(['version', 'config', 'data_sources', 'instructions', 'benchmarks'], {
  config: object(['sample_questions'], {
    sample_questions: list(object(['id', 'question']), byId),
  }),
  data_sources: object(['tables', 'metric_views'], {
    tables: list(table, by('identifier')),
    metric_views: list(table, by('identifier')),
  }),
  instructions: object(['text_instructions', 'example_question_sqls', 'sql_functions', 'join_specs', 'sql_snippets'], {
    text_instructions: list(object(['id', 'content']), byId),
    example_question_sqls: list(
      object(['id', 'question', 'sql', 'parameters', 'usage_guidance'], { parameters: list(parameter, by('name')) }),
      byId,
    ),
    sql_functions: list(object(['id', 'identifier']), by('id', 'identifier')),
    join_specs: list(
      object(['id', 'left', 'right', 'sql', 'comment', 'instruction'], { left: joinSide, right: joinSide }),
      byId,
    ),
    sql_snippets: object(['filters', 'expressions', 'measures'], {
      filters: list(filterSnippet, byId),
      expressions: list(expressionSnippet, byId),
      measures: list(expressionSnippet, byId),
    }),
  }),
  benchmarks: object(['questions'], {
    questions: list(
      object(['id', 'question', 'answer'], { answer: list(object(['format', 'content']), () => 0) }),
      byId,
    ),
  }),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Sets a key even when it is `__proto__`, which plain assignment would treat as the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function canonicalValue(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) {
    const itemShape = shape?.kind === 'list' ? shape.item : undefined;
    const items = value.map((item) => canonicalValue(item, itemShape));
    if (shape?.kind === 'list' && items.every(isPlainObject)) {
      // Array.prototype.sort is stable, so equal keys keep their relative order.
      items.sort(shape.order as (a: unknown, b: unknown) => number);
    }
    return items;
  }
  if (isPlainObject(value)) {
    const objectShape = shape?.kind === 'object' ? shape : undefined;
    const known = objectShape?.keys ?? [];
    const present = Object.keys(value).filter((key) => value[key] !== undefined);
    const unknown = present.filter((key) => !known.includes(key)).sort(compareStrings);
    const ordered = [...known.filter((key) => present.includes(key)), ...unknown];
    const out: Record<string, unknown> = {};
    for (const key of ordered) setOwn(out, key, canonicalValue(value[key], objectShape?.fields?.[key]));
    return out;
  }
  return value;
}

/** A deep copy of the space in canonical key order and array order. Idempotent. */
export function canonicalizeSpace(space: Space): Space {
  return canonicalValue(space, SPACE_SHAPE) as Space;
}

/** The canonical file text: canonical order, 2-space indent, trailing newline. */
export function serializeSpace(space: Space): string {
  return `${JSON.stringify(canonicalizeSpace(space), null, 2)}\n`;
}
