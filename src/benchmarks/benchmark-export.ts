/**
 * Export's half of the benchmark sync (pure): Genie's `benchmarks.questions` merged back into the
 * text of `benchmarks/<space>.yml`. Questions are matched by the id deploy derived from ours
 * (genie-benchmarks.ts); a matched item keeps every field of ours (split, tags, order_matters,
 * comments, layout) and only takes a changed question or SQL; a question added in the Genie UI is
 * appended under its own 32-hex id; ours missing from the space are kept and reported, never
 * dropped (a holdout question is not synced in train mode, and deleting a test is a person's call).
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { ValidationError } from '../errors.js';
import { genieQuestionId, type ReadQuestion } from './genie-benchmarks.js';

export interface BenchmarkMerge {
  /** The new file text; equal to the input when nothing changed. */
  text: string;
  /** Our ids whose question or SQL was taken from the space. */
  updated: string[];
  /** Ids of questions added in the space (appended). */
  added: string[];
  /** Our ids the space does not hold (kept in the file). */
  notInSpace: string[];
  /** Ids of the space's questions without SQL (not a benchmark we can run; left out). */
  withoutSql: string[];
}

function listOf(doc: Document, file: string): YAMLSeq {
  const root = doc.contents;
  if (isSeq(root)) return root;
  if (isMap(root)) {
    const list = root.get('benchmarks', true);
    if (isSeq(list)) return list;
  }
  throw new ValidationError([
    { file, path: '$', line: 1, message: 'expected a list of questions (or { benchmarks: [...] }) to merge into' },
  ]);
}

function textNode(doc: Document, value: string): Scalar {
  const node = doc.createNode(value) as Scalar;
  // Multi-line SQL stays readable as a block, as people write it.
  if (value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  return node;
}

function scalarText(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value).trim();
}

/** Merges the space's questions into the YAML text (undefined: no file yet, one is started). */
export function mergeIntoBenchmarkYaml(
  text: string | undefined,
  questions: readonly ReadQuestion[],
  file: string,
): BenchmarkMerge {
  const doc = parseDocument(text ?? '[]\n');
  if (doc.errors.length > 0)
    throw new ValidationError([{ file, path: '$', line: 1, message: `not valid YAML: ${doc.errors[0]!.message}` }]);
  const list = listOf(doc, file);
  const live = new Map(questions.map((q) => [q.id, q]));
  const result: Omit<BenchmarkMerge, 'text'> = { updated: [], added: [], notInSpace: [], withoutSql: [] };
  const seen = new Set<string>();
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const id = scalarText(item, 'id');
    if (id === undefined) continue;
    const q = live.get(genieQuestionId(id));
    if (!q) {
      result.notInSpace.push(id);
      continue;
    }
    seen.add(q.id);
    if (q.sql === undefined) continue;
    let changed = false;
    if (scalarText(item, 'question') !== q.question) {
      item.set('question', textNode(doc, q.question));
      changed = true;
    }
    if (scalarText(item, 'sql') !== q.sql) {
      item.set('sql', textNode(doc, q.sql));
      changed = true;
    }
    if (changed) result.updated.push(id);
  }
  for (const q of questions) {
    if (seen.has(q.id)) continue;
    if (q.sql === undefined) {
      result.withoutSql.push(q.id);
      continue;
    }
    const map = new YAMLMap();
    map.set('id', q.id);
    map.set('question', textNode(doc, q.question));
    map.set('sql', textNode(doc, q.sql));
    list.items.push(map);
    result.added.push(q.id);
  }
  const changed = result.updated.length > 0 || result.added.length > 0;
  const out = changed || text === undefined ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : text;
  return { ...result, text: out };
}
