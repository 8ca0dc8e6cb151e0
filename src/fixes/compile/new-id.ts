/** Deterministic 32-hex ids for new space items, unique within the file. */
import { createHash } from 'node:crypto';

const ID = /^[0-9a-f]{32}$/;
const MODULUS = 1n << 128n;

/** Every 32-hex `id` value anywhere in the document (any section, known or not). */
export function collectIds(document: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(document)) {
    for (const item of document) collectIds(item, into);
  } else if (document !== null && typeof document === 'object') {
    for (const [key, value] of Object.entries(document)) {
      if (key === 'id' && typeof value === 'string' && ID.test(value.toLowerCase())) into.add(value.toLowerCase());
      else collectIds(value, into);
    }
  }
  return into;
}

/**
 * The first 32 hex of sha256(seed); on a collision with an id already in the document,
 * count upward (mod 2^128) until free, so the result stays deterministic.
 */
export function newId(document: unknown, seed: string): string {
  const taken = collectIds(document);
  let value = BigInt('0x' + createHash('sha256').update(seed).digest('hex').slice(0, 32));
  let id = value.toString(16).padStart(32, '0');
  while (taken.has(id)) {
    value = (value + 1n) % MODULUS;
    id = value.toString(16).padStart(32, '0');
  }
  return id;
}
