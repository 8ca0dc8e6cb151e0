/**
 * Giving a mention its role in the Reading: a measure, a grouping, or nothing (undoing a role an
 * earlier step gave the same mention). Shared by the marker and mention steps.
 */
import type { Target } from './lexicon.js';
import type { Dimension, Measure } from './plan.js';
import { dimKey, tableDim } from './plan-helpers.js';
import type { Reading } from './plan-state.js';

export function addMeasure(s: Reading, m: Measure, at: number): void {
  s.measures.push(m);
  s.measureAt.push(at);
}

export function addDim(s: Reading, d: Dimension): void {
  if (!s.dims.some((x) => dimKey(x) === dimKey(d))) s.dims.push(d);
}

/** Forget the entity or column registered for the mention at `index`. */
export function removeAt(s: Reading, index: number): void {
  for (const list of [s.entities, s.columns] as Array<Array<{ at: number }>>) {
    const k = list.findIndex((e) => e.at === index);
    if (k >= 0) list.splice(k, 1);
  }
}

/** Count what the mention names (replacing an entity or column registration made for it). */
export function toCount(s: Reading, target: Target, distinct: boolean, index: number): void {
  removeAt(s, index);
  if (target.kind === 'table')
    addMeasure(s, { kind: 'count', table: target.table, distinct: distinct ? target.table.key : undefined }, index);
  else if (target.kind === 'column') {
    const c = target.column;
    addMeasure(
      s,
      c.isKey && c.table.key === c
        ? { kind: 'count', table: c.table, distinct: distinct ? c : undefined }
        : { kind: 'count', table: c.table, distinct: c },
      index,
    );
  } else if (target.kind === 'snippet' && target.snippet.kind === 'measure')
    addMeasure(s, { kind: 'snippet', snippet: target.snippet }, index);
  s.lastMention = { kind: 'measure', index, target };
}

/**
 * Group by what the mention names. Without `index` it regroups the previous mention ("채널별"), undoing
 * the role it had (a measure is dropped).
 */
export function makeDim(s: Reading, target: Target, previousRole: string, index?: number): void {
  if (index === undefined && s.lastMention) removeAt(s, s.lastMention.index);
  if (previousRole === 'measure' && s.measures.length > 0) {
    s.measures.pop();
    s.measureAt.pop();
  }
  const dim = dimensionOf(target);
  if (dim) addDim(s, dim);
  s.lastMention = { kind: 'dim', index: index ?? s.lastMention?.index ?? -1, target };
}

function dimensionOf(target: Target): Dimension | undefined {
  if (target.kind === 'table') return tableDim(target.table);
  if (target.kind === 'column' && target.column.references && !target.column.isKey)
    // "the student with the most likes" grouped by likes.student_id: name the student it points at.
    return tableDim(target.column.references) ?? { kind: 'column', column: target.column };
  if (target.kind === 'column')
    return target.column.isKey
      ? (tableDim(target.column.table) ?? { kind: 'column', column: target.column })
      : {
          kind: 'column',
          column: target.column,
          bucket: target.column.type === 'date' || target.column.type === 'timestamp' ? 'day' : undefined,
        };
  if (target.kind === 'snippet' && target.snippet.kind === 'expression')
    return { kind: 'snippet', snippet: target.snippet };
  if (target.kind === 'value') return { kind: 'column', column: target.column };
  return undefined;
}

/** Group by the mention, and mark the new groupings as asked when the question asked for them. */
export function makeAskedDim(s: Reading, target: Target, index: number, asked: boolean): void {
  const before = s.dims.length;
  makeDim(s, target, 'other', index);
  if (asked) s.dims.slice(before).forEach((d) => s.askedDims.add(d));
}

/** "plan and country", "요금제와 국가": the mention is joined to the previous one by a conjunction. */
export function conjoined(s: Reading, index: number): boolean {
  const prev = s.items[index - 1];
  const here = s.items[index];
  if (!prev || !here) return false;
  const gap = s.tokens.slice(prev.end, here.start).map((t) => t.forms[0]);
  return gap.some((w) => w === 'and' || w === '&' || w === '및') || /[와과]$/.test(s.tokens[prev.end - 1]?.raw ?? '');
}
