/** YAML parsing that keeps source positions, so errors in target.yml and benchmark files name a line. */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ValidationError, messageOf } from '../errors.js';
import { MAX_YAML_BYTES, tooLarge } from '../util/text-file.js';

/**
 * Aliases a document may expand: a real benchmark file uses none or a few; an alias bomb
 * (`&a [x,x], &b [*a,*a], ...`) multiplies them into billions of nodes.
 */
const MAX_ALIAS_COUNT = 100;

export interface YamlSource {
  /** The document as plain data (null for an empty file). */
  value: unknown;
  /** 1-based line of the value at a path, or of its nearest existing ancestor. */
  lineOf(segments: readonly PropertyKey[]): number | undefined;
  /** The text of the scalar at exactly this path as written in the file (`0123`, not 123), if it is one. */
  sourceOf(segments: readonly PropertyKey[]): string | undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const large = tooLarge(text, file, MAX_YAML_BYTES);
  if (large) throw large;
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ValidationError(
      doc.errors.map((error) => {
        const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
        const message = /call stack/i.test(error.message)
          ? 'nested too deeply to read (a real benchmark or target file nests a few levels)'
          : firstLine(error.message);
        return { file, path: '$', line, message: `invalid YAML: ${message}` };
      }),
    );
  }
  const lineAt = (node: unknown): number | undefined =>
    isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  // Walks the path; a map entry is located by its key (the line a reader looks for),
  // a missing step by the nearest node that exists.
  const nodeAt = (segments: readonly PropertyKey[]): unknown => {
    let node: unknown = doc.contents;
    for (const segment of segments) {
      if (isMap(node))
        node = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment)?.value;
      else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
      else return undefined;
    }
    return node;
  };
  const sourceOf = (segments: readonly PropertyKey[]): string | undefined => {
    const node = nodeAt(segments);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  };
  const lineOf = (segments: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = lineAt(node);
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
        if (!pair) return line;
        line = lineAt(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) return line;
        line = lineAt(node) ?? line;
      } else {
        return line;
      }
    }
    return line;
  };
  return { value: toPlainData(doc, file), lineOf, sourceOf };
}

/** The document as plain data; an alias bomb or runaway nesting becomes a validation error naming the file. */
function toPlainData(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    const text = messageOf(error);
    const message = /alias/i.test(text)
      ? `invalid YAML: aliases (*name) expand to too many nodes (limit ${MAX_ALIAS_COUNT}); write the values out`
      : error instanceof RangeError
        ? 'invalid YAML: nested too deeply to read'
        : `invalid YAML: ${firstLine(text)}`;
    throw new ValidationError([{ file, path: '$', line: 1, message }]);
  }
}
