/**
 * Durations from the command line and from action inputs: `90m`, `1h30m`, `45s`, `1500ms`, or
 * a bare number of minutes, with one message for a bad value.
 */
import { ConfigError } from '../errors.js';

const UNITS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds of a duration text, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, '');
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * UNITS.m;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]], 0);
}

/** Parses a duration option (`flag` names it in the message); undefined when absent. */
export function durationOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0)
    throw new ConfigError(`${flag} must be a duration such as 90m, 1h30m or 45s (got ${value})`, `e.g. ${flag} 100m`);
  return ms;
}
