/**
 * A small JSON scanner used next to JSON.parse: Node's JSON.parse does not say
 * where a syntax error is, and neither does it notice duplicate keys (a typical
 * leftover of a merge). The scanner records where every value starts so schema
 * errors can name a line too.
 */
import { formatPath, type PathSegment } from './json-path.js';

export type JsonScan =
  | { ok: true; offsets: Map<string, number>; duplicateKeys: { path: string; offset: number }[] }
  | { ok: false; offset: number; message: string };

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/**
 * Deepest nesting read: a Genie space nests about 6 levels. The scanner (and later code that
 * walks the value) recurses per level, so 100,000 '[' would overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

export function scanJson(text: string): JsonScan {
  const offsets = new Map<string, number>();
  const duplicateKeys: { path: string; offset: number }[] = [];
  let pos = 0;

  const describe = (): string => (pos >= text.length ? 'the end of the file' : `'${text[pos]}'`);
  const fail = (message: string): never => {
    throw new ScanError(pos, message);
  };
  const skipWhitespace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };

  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    while (pos < text.length) {
      const ch = text[pos]!;
      if (ch === '"') {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      }
      if (ch === '\\') {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            fail('invalid \\u escape: expected four hex digits');
          pos += 6;
        } else if (next !== undefined && ESCAPES.has(next)) pos += 2;
        else fail(`invalid escape '\\${next ?? ''}' in a string`);
        continue;
      }
      if (ch === '\n' || ch === '\r')
        fail('unterminated string: a string cannot span lines (write a line break as \\n)');
      if (ch.charCodeAt(0) < 0x20) fail('control character in a string: write tabs as \\t');
      pos++;
    }
    pos = start;
    return fail('unterminated string: expected a closing "');
  };

  const readValue = (path: PathSegment[]): void => {
    skipWhitespace();
    if (path.length >= MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels: a Genie space nests a few`);
    offsets.set(formatPath(path), pos);
    const ch = text[pos];
    if (ch === '{') return readObject(path);
    if (ch === '[') return readArray(path);
    if (ch === '"') {
      readString();
      return;
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text);
      if (!match) fail('invalid number');
      pos += match![0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, pos)) {
        pos += literal.length;
        return;
      }
    }
    fail(`expected a value (object, array, string, number, true, false or null) but found ${describe()}`);
  };

  const readObject = (path: PathSegment[]): void => {
    pos++;
    const seen = new Set<string>();
    skipWhitespace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"') {
        fail(
          text[pos] === '}'
            ? 'trailing comma before }: JSON allows none'
            : `expected a property name in double quotes but found ${describe()}`,
        );
      }
      const keyOffset = pos;
      const key = readString();
      if (seen.has(key)) duplicateKeys.push({ path: formatPath([...path, key]), offset: keyOffset });
      seen.add(key);
      skipWhitespace();
      if (text[pos] !== ':') fail(`expected ':' after the property name "${key}" but found ${describe()}`);
      pos++;
      readValue([...path, key]);
      skipWhitespace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      fail(`expected ',' or '}' after the value of "${key}" but found ${describe()}`);
    }
  };

  const readArray = (path: PathSegment[]): void => {
    pos++;
    skipWhitespace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (let index = 0; ; index++) {
      skipWhitespace();
      if (text[pos] === ']') fail('trailing comma before ]: JSON allows none');
      readValue([...path, index]);
      skipWhitespace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      fail(`expected ',' or ']' after an array item but found ${describe()}`);
    }
  };

  try {
    skipWhitespace();
    if (pos >= text.length) fail('the file is empty: expected a JSON object');
    readValue([]);
    skipWhitespace();
    if (pos < text.length) fail(`unexpected ${describe()} after the end of the JSON document`);
    return { ok: true, offsets, duplicateKeys };
  } catch (error) {
    if (error instanceof ScanError) return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}
