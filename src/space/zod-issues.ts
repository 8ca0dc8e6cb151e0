/** Turns zod issues into messages that say what was expected at which path. */
import type { z } from 'zod';
import { formatPath, valueAt } from './json-path.js';

export interface DescribedIssue {
  /** Path segments of the offending value (zod's path, extended to an unknown key). */
  segments: PropertyKey[];
  path: string;
  message: string;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function expectedText(expected: string): string {
  if (expected === 'array') return 'an array (text fields are arrays of strings)';
  if (expected === 'object') return 'an object';
  return `a ${expected}`;
}

/**
 * YAML reads `id: 123` or `title: yes` as a number or boolean; quoting keeps it text. The hint
 * shows the text as written (`written`), since the parsed number may already have lost digits
 * (32 digits become 1.1111111111111112e+31).
 */
function quoteHint(expected: string, actual: unknown, written: string | undefined): string {
  if (expected !== 'string' || (typeof actual !== 'number' && typeof actual !== 'boolean')) return '';
  const text = written ?? String(actual);
  const lost = typeof actual === 'number' && written !== undefined && String(actual) !== written;
  return lost
    ? ` (YAML read the unquoted ${text} as a number and lost digits; quote it: "${text}")`
    : ` (quote it: "${text}")`;
}

/**
 * Describes one zod issue; `input` is the document that was validated, `sourceOf` gives a
 * scalar's text as written in a YAML file (for the quoting hint).
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  sourceOf?: (segments: readonly PropertyKey[]) => string | undefined,
): DescribedIssue {
  const segments = [...issue.path];
  const actual = valueAt(input, segments);
  let message: string;
  switch (issue.code) {
    case 'invalid_type': {
      const key = segments[segments.length - 1];
      message =
        actual === undefined && typeof key === 'string'
          ? `missing required field "${key}": expected ${expectedText(issue.expected)}`
          : `expected ${expectedText(issue.expected)}, got ${kindOf(actual)}${quoteHint(issue.expected, actual, sourceOf?.(segments))}`;
      break;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      if (issue.keys.length === 1) segments.push(issue.keys[0]!);
      message = `unknown field ${keys}: check the spelling or remove it`;
      break;
    }
    case 'invalid_value':
      message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${kindOf(actual)}`;
      break;
    case 'too_small':
      message =
        issue.origin === 'string' && Number(issue.minimum) === 1
          ? 'must not be empty'
          : issue.origin === 'array' && Number(issue.minimum) === 1
            ? 'must hold at least one item'
            : issue.message;
      break;
    case 'invalid_format':
      message = `${issue.message}, got ${kindOf(actual)}`;
      break;
    default:
      message = issue.message;
  }
  return { segments, path: formatPath(segments), message };
}
