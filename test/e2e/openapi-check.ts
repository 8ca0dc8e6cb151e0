/**
 * A tiny checker over the OpenAPI subset of GitHub's REST description (required fields, types,
 * enums, nullability, one-/any-/allOf), and a builder that completes a partial response into one
 * that has every required field, so the fake server answers in GitHub's documented shapes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Schema {
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  additionalProperties?: boolean | Schema;
  minItems?: number;
}

export interface Operation {
  method: string;
  path: string;
  request: Schema | null;
  status: number;
  response: Schema | null;
}

export const SUBSET: { source: string; operations: Record<string, Operation> } = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'github-openapi-subset.json'), 'utf8'),
);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against `schema`, each naming its JSON path; empty when it conforms. */
export function check(schema: Schema | null | undefined, value: unknown, at = '$'): string[] {
  if (!schema) return [];
  if (value === null)
    return schema.nullable || schema.type === 'null' || schema.enum?.includes(null)
      ? []
      : [`${at}: null is not allowed`];
  if (schema.allOf) return schema.allOf.flatMap((s) => check(s, value, at));
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) {
    const results = choices.map((s) => check(s, value, at));
    if (results.some((r) => r.length === 0)) return [];
    return [`${at}: matches none of ${choices.length} alternatives (${results.map((r) => r[0]).join(' / ')})`];
  }
  const actual = typeOf(value);
  if (schema.type && schema.type !== actual && !(schema.type === 'number' && actual === 'integer'))
    return [`${at}: expected ${schema.type}, got ${actual}`];
  if (schema.enum && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const problems: string[] = [];
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) problems.push(`${at}.${key}: required`);
    for (const [key, child] of Object.entries(obj)) {
      const s = schema.properties?.[key];
      if (s) problems.push(...check(s, child, `${at}.${key}`));
    }
  }
  if (actual === 'array') {
    const arr = value as unknown[];
    if (schema.minItems !== undefined && arr.length < schema.minItems)
      problems.push(`${at}: at least ${schema.minItems} item(s)`);
    arr.forEach((item, i) => problems.push(...check(schema.items, item, `${at}[${i}]`)));
  }
  return problems;
}

function sampleScalar(schema: Schema): unknown {
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'date-time'
        ? '2026-11-01T00:00:00Z'
        : schema.format === 'uri'
          ? 'https://github.test/x'
          : 'x';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return null;
  }
}

/** `overlay` completed with every required field `schema` asks for (nullable ones as null). */
export function build(schema: Schema | null | undefined, overlay?: unknown): unknown {
  if (!schema) return overlay ?? null;
  if (schema.allOf) return schema.allOf.reduce<unknown>((acc, s) => build(s, acc), overlay);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) {
    const fit =
      choices.find((s) => overlay === undefined || s.type === undefined || s.type === typeOf(overlay)) ?? choices[0];
    return build(fit, overlay);
  }
  if (overlay === undefined && schema.nullable) return null;
  if (schema.type === 'object' || schema.properties) {
    if (overlay !== undefined && typeOf(overlay) !== 'object') return overlay;
    const given = (overlay ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of schema.required ?? []) out[key] = build(schema.properties?.[key], given[key]);
    for (const [key, value] of Object.entries(given)) out[key] = build(schema.properties?.[key], value);
    return out;
  }
  if (schema.type === 'array' && Array.isArray(overlay)) return overlay.map((item) => build(schema.items, item));
  return overlay === undefined ? sampleScalar(schema) : overlay;
}
