/**
 * The kept fixes as a reviewer reads them: grouped by kind, each naming its table and column
 * and what it adds, with the questions it was for; and the analyst's notes, deduplicated.
 */
import type { Fix, FixType } from '../fixes/fix-types.js';
import type { IterationRecord } from '../loop/enhance-loop.js';
import { code, truncate } from './markdown-format.js';

/** Kinds in the order a reviewer checks them: structure first, wording last. */
const KINDS: { types: FixType[]; label: string }[] = [
  { types: ['add_join', 'fix_join'], label: 'Join specs' },
  { types: ['update_table_description'], label: 'Table descriptions' },
  { types: ['add_column_description'], label: 'Column descriptions' },
  { types: ['add_synonym'], label: 'Synonyms' },
  { types: ['enable_build_value_dictionary'], label: 'Value dictionaries (entity matching)' },
  { types: ['enable_get_example_values'], label: 'Example values (format assistance)' },
  { types: ['add_sql_snippet'], label: 'SQL snippets' },
  { types: ['add_example_query'], label: 'Example queries' },
  { types: ['add_text_instruction'], label: 'Text instruction' },
];

/** Text in a list line: one line, no raw HTML. */
const plain = (text: string, max = 100) => truncate(text, max).replace(/</g, '&lt;').replace(/>/g, '&gt;');
const quoted = (text: string, max = 100) => `"${plain(text, max)}"`;
const name = (table: string, column?: string) => code(column ? `${table}.${column}` : table);

/** What one fix adds, naming its table and column. */
export function describeFix(fix: Fix): string {
  switch (fix.type) {
    case 'add_synonym':
      return `${name(fix.table, fix.column)}: ${fix.synonyms.map((s) => quoted(s, 40)).join(', ')}`;
    case 'add_column_description':
      return `${name(fix.table, fix.column)}: ${quoted(fix.description)}`;
    case 'update_table_description':
      return `${name(fix.table)}: ${quoted(fix.description)}`;
    case 'add_join':
      return `${name(fix.left.table, fix.left.column)} = ${name(fix.right.table, fix.right.column)} (${fix.relationship.toLowerCase().replace(/_/g, '-')})`;
    case 'fix_join':
      return `join spec ${code(fix.joinId)} becomes ${fix.relationship.toLowerCase().replace(/_/g, '-')}`;
    case 'add_example_query':
      return quoted(fix.question);
    case 'add_sql_snippet':
      return `${fix.kind} ${quoted(fix.display_name, 40)}: ${code(truncate(fix.sql, 100))}`;
    case 'enable_get_example_values':
    case 'enable_build_value_dictionary':
      return name(fix.table, fix.column);
    case 'add_text_instruction':
      return quoted(fix.text);
  }
}

function targetsText(fix: Fix): string {
  if (fix.targets.length === 0) return '';
  const shown = fix.targets.slice(0, 8).map((t) => `\`${t}\``);
  return ` — for ${shown.join(', ')}${fix.targets.length > 8 ? ` and ${fix.targets.length - 8} more` : ''}`;
}

/** The kept fixes of every iteration, grouped by kind: `**Synonyms (3)**` then one line each. */
export function keptFixesByKind(iterations: readonly IterationRecord[]): string[] {
  const kept = iterations.flatMap((it) => it.applied.map((a) => ({ fix: a.fix, iteration: it.index })));
  if (kept.length === 0) return ['No fix was kept.'];
  const lines: string[] = [];
  for (const kind of KINDS) {
    const group = kept.filter((k) => kind.types.includes(k.fix.type));
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`**${kind.label} (${group.length})**`, '');
    for (const { fix, iteration } of group)
      lines.push(`- ${describeFix(fix)}${targetsText(fix)} _(iteration ${iteration})_`);
  }
  return lines;
}

/**
 * The analyst's notes of all iterations, deduplicated: notes that end in the same reason
 * ("q16: no rule proposed a new fix") are one line listing their subjects and iterations.
 */
export function groupedNotes(iterations: readonly IterationRecord[]): { lines: string[]; total: number } {
  const groups = new Map<string, { subjects: string[]; iterations: Set<number> }>();
  let total = 0;
  for (const it of iterations) {
    for (const note of it.notes) {
      total++;
      const split = note.lastIndexOf(': ');
      const [subject, reason] = split > 0 ? [note.slice(0, split), note.slice(split + 2)] : ['', note];
      const group = groups.get(reason) ?? { subjects: [], iterations: new Set<number>() };
      if (subject && !group.subjects.includes(subject)) group.subjects.push(subject);
      group.iterations.add(it.index);
      groups.set(reason, group);
    }
  }
  const lines = [...groups].map(([reason, g]) => {
    const its = [...g.iterations].join(', ');
    const subjects = g.subjects.length ? `: ${g.subjects.map((s) => plain(s, 120)).join('; ')}` : '';
    return `- ${plain(reason, 200)} _(iteration${g.iterations.size > 1 ? 's' : ''} ${its})_${subjects}`;
  });
  return { lines, total };
}
