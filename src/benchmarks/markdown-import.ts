/**
 * Converts question/SQL Markdown (a common way teams first write benchmarks down)
 * into benchmark items. A question is a `##`/`###` heading, a whole-line **bold**
 * text or a `Q:` line; its answer is the next ```sql fenced block. Optional
 * `id:`, `split:`, `tags:` and `order_matters:` lines belong to the question above them.
 */
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { BenchmarkInput } from './schema.js';

export interface MarkdownImportOptions {
  /** `slug` (default): ids from the question text; `numbered`: q001, q002, ... */
  ids?: 'slug' | 'numbered';
}

interface Draft {
  question: string;
  line: number;
  /** Heading level, or undefined for a bold or `Q:` line. */
  level?: number;
  id?: string;
  split?: 'train' | 'holdout';
  tags?: string[];
  orderMatters?: boolean;
  sql?: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(\*\*|__)(.+?)\1\s*$/;
const Q_LINE = /^\s*(?:[-*]\s+)?(?:\*\*|__)?Q(?:uestion)?\s*\d*\s*[:.)](?:\*\*|__)?\s+(.+?)\s*$/i;
const META_LINE =
  /^\s*(?:[-*]\s+)?(?:\*\*|__|_|\*)?(id|split|tags|order[_ ]matters)(?:\*\*|__|_|\*)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
const SQL_LANGUAGES = new Set(['sql', 'sparksql', 'spark-sql', 'databricks', 'databricks-sql', 'sqlite']);

/** Removes a leading `Q:`/`Q1.`/`Question:` and surrounding emphasis from question text. */
function cleanQuestion(text: string): string {
  let question = text.trim();
  // Emphasis and a Q prefix may nest either way round: `**Q1: ...**` or `Q1: **...**`.
  for (let pass = 0; pass < 2; pass++) {
    const bold = BOLD_LINE.exec(question);
    if (bold) question = bold[2]!.trim();
    const prefixed = /^Q(?:uestion)?\s*\d*\s*[:.)]\s+(.+)$/i.exec(question);
    if (prefixed) question = prefixed[1]!.trim();
  }
  return question;
}

function stripQuotes(value: string): string {
  return value
    .trim()
    .replace(/^[`'"](.*)[`'"]$/, '$1')
    .trim();
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 60);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

/** What the reader has gathered so far: finished drafts, the question still open, and the problems found. */
interface ImportState {
  readonly file: string;
  readonly issues: ValidationIssue[];
  readonly drafts: Draft[];
  current?: Draft;
}

function addIssue(state: ImportState, line: number, message: string): void {
  state.issues.push({ file: state.file, path: '$', line, message });
}

/** Starts a new question; the previous one must have its SQL unless it was only a section heading. */
function startQuestion(state: ImportState, next: Draft | undefined): void {
  const current = state.current;
  if (current && current.sql === undefined) {
    // A heading directly followed by a deeper heading or a bold/Q: question only groups questions.
    const isSection =
      current.level !== undefined && next !== undefined && (next.level === undefined || next.level > current.level);
    if (!isSection)
      addIssue(
        state,
        current.line,
        `question "${current.question}" has no SQL block: add a \`\`\`sql fenced block below it`,
      );
  }
  if (current && current.sql !== undefined) state.drafts.push(current);
  state.current = next;
}

/** Sets one `key: value` line on the draft; returns the problem with the value, if any. */
function setMeta(draft: Draft, key: string, value: string): string | undefined {
  if (key === 'id') {
    if (!value) return 'empty id: write id: <text>';
    draft.id = value;
  } else if (key === 'split') {
    const split = value.toLowerCase();
    if (split !== 'train' && split !== 'holdout') return `split must be train or holdout, got "${value}"`;
    draft.split = split;
  } else if (key === 'tags') {
    draft.tags = value
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((tag) => stripQuotes(tag).replace(/^#/, ''))
      .filter((tag) => tag !== '');
  } else {
    const flag = value.toLowerCase();
    if (['true', 'yes'].includes(flag)) draft.orderMatters = true;
    else if (['false', 'no'].includes(flag)) draft.orderMatters = false;
    else return `order_matters must be true or false, got "${value}"`;
  }
  return undefined;
}

function applyMeta(state: ImportState, key: string, raw: string, line: number): void {
  if (!state.current) {
    addIssue(state, line, `"${key}:" line has no question above it: put it under the question it belongs to`);
    return;
  }
  const problem = setMeta(state.current, key, stripQuotes(raw.replace(/(\*\*|__)$/, '')));
  if (problem) addIssue(state, line, problem);
}

/**
 * Reads the fenced block opening at `index` and gives an SQL block to the open question.
 * Returns the index of the closing fence, or undefined when the block is never closed.
 */
function readFence(
  state: ImportState,
  lines: readonly string[],
  index: number,
  fence: RegExpExecArray,
): number | undefined {
  const marker = fence[1]!;
  const language = fence[2]!.toLowerCase();
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  const lineNo = index + 1;
  let end = index + 1;
  while (end < lines.length && !closing.test(lines[end]!)) end++;
  if (end >= lines.length) {
    addIssue(state, lineNo, 'code block is never closed: add the closing fence');
    return undefined;
  }
  if (!SQL_LANGUAGES.has(language)) return end;
  const sql = lines
    .slice(index + 1, end)
    .join('\n')
    .trim();
  const current = state.current;
  if (!current || current.sql !== undefined) {
    addIssue(
      state,
      lineNo,
      'SQL block with no question: put a heading (## ...), a **bold** line or a Q: line above it',
    );
  } else {
    if (sql === '') addIssue(state, lineNo, `the SQL block of "${current.question}" is empty`);
    current.sql = sql;
  }
  return end;
}

/** Reads a line outside a code block: a heading, a `key:` line, or a bold/`Q:` question. */
function readLine(state: ImportState, line: string, lineNo: number): void {
  const heading = HEADING.exec(line);
  if (heading) {
    const level = heading[1]!.length;
    // A level-1 heading is the document's title, never a question.
    startQuestion(state, level === 1 ? undefined : { question: cleanQuestion(heading[2]!), line: lineNo, level });
    return;
  }
  const meta = META_LINE.exec(line);
  if (meta) {
    applyMeta(state, meta[1]!.toLowerCase().replace(' ', '_'), meta[2]!, lineNo);
    return;
  }
  const q = Q_LINE.exec(line) ?? BOLD_LINE.exec(line);
  if (q) startQuestion(state, { question: cleanQuestion(q[q.length - 1]!), line: lineNo });
}

export function importMarkdown(text: string, file: string, options: MarkdownImportOptions = {}): BenchmarkInput[] {
  const state: ImportState = { file, issues: [], drafts: [] };
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const fence = FENCE.exec(lines[index]!);
    if (!fence) {
      readLine(state, lines[index]!, index + 1);
      continue;
    }
    const end = readFence(state, lines, index, fence);
    if (end === undefined) break;
    index = end;
  }
  startQuestion(state, undefined);

  const { issues } = state;
  const items = assignIds(state.drafts, options.ids ?? 'slug', file, issues);
  if (items.length === 0 && issues.length === 0) {
    addIssue(state, 1, 'no questions found: write each question as a ## heading followed by a ```sql block');
  }
  if (issues.length > 0) throw new ValidationError(issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return items;
}

function assignIds(
  drafts: Draft[],
  mode: 'slug' | 'numbered',
  file: string,
  issues: ValidationIssue[],
): BenchmarkInput[] {
  const used = new Set<string>();
  for (const draft of drafts) {
    if (draft.id === undefined) continue;
    if (used.has(draft.id))
      issues.push({ file, path: '$', line: draft.line, message: `duplicate id "${draft.id}": ids must be unique` });
    used.add(draft.id);
  }
  const width = Math.max(3, String(drafts.length).length);
  return drafts.map((draft, index) => {
    let id = draft.id;
    if (id === undefined) {
      const base = (mode === 'slug' && slugify(draft.question)) || `q${String(index + 1).padStart(width, '0')}`;
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
    }
    const item: BenchmarkInput = { id, question: draft.question, sql: draft.sql ?? '' };
    if (draft.split) item.split = draft.split;
    if (draft.tags && draft.tags.length > 0) item.tags = draft.tags;
    if (draft.orderMatters !== undefined) item.order_matters = draft.orderMatters;
    return item;
  });
}

/** Benchmark YAML for the items: a plain list, SQL as literal blocks, tags inline. */
export function toBenchmarkYaml(items: readonly BenchmarkInput[]): string {
  const ordered = items.map((item) => {
    const out: Record<string, unknown> = { id: item.id, question: item.question };
    if (item.split) out.split = item.split;
    if (item.tags && item.tags.length > 0) out.tags = item.tags;
    if (item.order_matters !== undefined) out.order_matters = item.order_matters;
    out.sql = item.sql;
    return out;
  });
  const doc = new Document(ordered);
  if (isSeq(doc.contents)) {
    for (const node of doc.contents.items) {
      if (!isMap(node)) continue;
      const sql = node.get('sql', true);
      if (isScalar(sql)) sql.type = Scalar.BLOCK_LITERAL;
      const tags = node.get('tags', true);
      if (isSeq(tags)) tags.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
