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

/** Scans one document: every step reads from `pos` and leaves `pos` after what it read. */
class JsonScanner {
  pos = 0;
  readonly offsets = new Map<string, number>();
  readonly duplicateKeys: { path: string; offset: number }[] = [];

  constructor(private readonly text: string) {}

  scanDocument(): void {
    this.skipWhitespace();
    if (this.atEnd()) this.fail('the file is empty: expected a JSON object');
    this.readValue([]);
    this.skipWhitespace();
    if (!this.atEnd()) this.fail(`unexpected ${this.describe()} after the end of the JSON document`);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private describe(): string {
    return this.atEnd() ? 'the end of the file' : `'${this.text[this.pos]}'`;
  }

  private fail(message: string): never {
    throw new ScanError(this.pos, message);
  }

  private skipWhitespace(): void {
    while (!this.atEnd() && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  /** Steps past `ch` when it is next; says whether it was. */
  private accept(ch: string): boolean {
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  private readString(): string {
    const start = this.pos;
    this.pos++; // opening quote
    while (!this.atEnd()) {
      const ch = this.text[this.pos]!;
      if (ch === '"') {
        this.pos++;
        return JSON.parse(this.text.slice(start, this.pos)) as string;
      }
      if (ch === '\\') {
        this.skipEscape();
        continue;
      }
      if (ch === '\n' || ch === '\r')
        this.fail('unterminated string: a string cannot span lines (write a line break as \\n)');
      if (ch.charCodeAt(0) < 0x20) this.fail('control character in a string: write tabs as \\t');
      this.pos++;
    }
    this.pos = start;
    return this.fail('unterminated string: expected a closing "');
  }

  /** Steps over one backslash escape inside a string, failing on one JSON does not have. */
  private skipEscape(): void {
    const next = this.text[this.pos + 1];
    if (next === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
        this.fail('invalid \\u escape: expected four hex digits');
      this.pos += 6;
    } else if (next !== undefined && ESCAPES.has(next)) this.pos += 2;
    else this.fail(`invalid escape '\\${next ?? ''}' in a string`);
  }

  private readValue(path: PathSegment[]): void {
    this.skipWhitespace();
    if (path.length >= MAX_JSON_DEPTH)
      this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels: a Genie space nests a few`);
    this.offsets.set(formatPath(path), this.pos);
    const ch = this.text[this.pos];
    if (ch === '{') return this.readObject(path);
    if (ch === '[') return this.readArray(path);
    if (ch === '"') {
      this.readString();
      return;
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.readNumber();
    const literal = ['true', 'false', 'null'].find((word) => this.text.startsWith(word, this.pos));
    if (literal === undefined)
      this.fail(`expected a value (object, array, string, number, true, false or null) but found ${this.describe()}`);
    this.pos += literal.length;
  }

  private readNumber(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.pos += match[0].length;
  }

  private readObject(path: PathSegment[]): void {
    this.pos++;
    const seen = new Set<string>();
    this.skipWhitespace();
    if (this.accept('}')) return;
    for (;;) {
      const key = this.readKey(path, seen);
      this.readValue([...path, key]);
      this.skipWhitespace();
      if (this.accept(',')) continue;
      if (this.accept('}')) return;
      this.fail(`expected ',' or '}' after the value of "${key}" but found ${this.describe()}`);
    }
  }

  /** Reads `"name":`, noting the name when this object already had it. */
  private readKey(path: PathSegment[], seen: Set<string>): string {
    this.skipWhitespace();
    if (this.text[this.pos] !== '"') {
      this.fail(
        this.text[this.pos] === '}'
          ? 'trailing comma before }: JSON allows none'
          : `expected a property name in double quotes but found ${this.describe()}`,
      );
    }
    const keyOffset = this.pos;
    const key = this.readString();
    if (seen.has(key)) this.duplicateKeys.push({ path: formatPath([...path, key]), offset: keyOffset });
    seen.add(key);
    this.skipWhitespace();
    if (!this.accept(':')) this.fail(`expected ':' after the property name "${key}" but found ${this.describe()}`);
    return key;
  }

  private readArray(path: PathSegment[]): void {
    this.pos++;
    this.skipWhitespace();
    if (this.accept(']')) return;
    for (let index = 0; ; index++) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail('trailing comma before ]: JSON allows none');
      this.readValue([...path, index]);
      this.skipWhitespace();
      if (this.accept(',')) continue;
      if (this.accept(']')) return;
      this.fail(`expected ',' or ']' after an array item but found ${this.describe()}`);
    }
  }
}

export function scanJson(text: string): JsonScan {
  const scanner = new JsonScanner(text);
  try {
    scanner.scanDocument();
    return { ok: true, offsets: scanner.offsets, duplicateKeys: scanner.duplicateKeys };
  } catch (error) {
    if (error instanceof ScanError) return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}
