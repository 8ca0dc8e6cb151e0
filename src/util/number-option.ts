/**
 * Numeric settings from the command line and from action inputs, with one message for a bad
 * value: `--concurrency must be an integer ≥ 1 (got -1)`.
 */
import { ConfigError } from '../errors.js';

/** Bounds of a numeric option; `fraction` is 0..1 and says so (with a hint when a percentage was given). */
export interface NumberBounds {
  min?: number;
  max?: number;
  integer?: boolean;
  fraction?: boolean;
}

/** Parses a numeric option (`flag` names it in the message): `--concurrency must be an integer ≥ 1 (got -1)` when it is wrong. */
export function numberOption(value: string | undefined, flag: string, bounds: NumberBounds = {}): number | undefined {
  if (value === undefined) return undefined;
  const b = bounds.fraction ? { ...bounds, min: 0, max: 1 } : bounds;
  const n = Number(value);
  const bad =
    value.trim() === '' ||
    !Number.isFinite(n) ||
    (b.integer && !Number.isInteger(n)) ||
    (b.min !== undefined && n < b.min) ||
    (b.max !== undefined && n > b.max);
  if (!bad) return n;
  // One line; a percentage given for a fraction gets the conversion as a hint.
  const hint = bounds.fraction && Number.isFinite(n) && n > 1 && n <= 100 ? `write ${n / 100} for ${n}%` : undefined;
  throw new ConfigError(`${flag} must be ${describeRange(b)} (got ${value})`, hint);
}

/** "an integer ≥ 1", "a fraction from 0 to 1", "a number ≥ 0.1", "an integer from 0 to 65535". */
export function describeRange(b: NumberBounds): string {
  const kind = b.fraction ? 'a fraction' : b.integer ? 'an integer' : 'a number';
  if (b.min !== undefined && b.max !== undefined) return `${kind} from ${b.min} to ${b.max}`;
  if (b.min !== undefined) return `${kind} ≥ ${b.min}`;
  if (b.max !== undefined) return `${kind} ≤ ${b.max}`;
  return kind;
}
