/**
 * The general text instruction: present, short enough to be read in full, free of sentences that
 * contradict or repeat each other, and not restating logic a snippet or join spec already defines
 * (two copies drift apart).
 */
import { joinText } from '../space/schema.js';
import type { LintContext } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

/** Past this many characters the text block is hard to keep consistent (and costs context on every question). */
export const LONG_TEXT = 3000;

const PATH = '$.instructions.text_instructions[0].content';

function textOf(ctx: LintContext): string {
  return (ctx.space.instructions?.text_instructions ?? []).map((t) => joinText(t.content)).join('\n');
}

/** Sentences of the text: split at line breaks and at . ! ? followed by a space. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const NEGATION = /\b(never|not|don't|dont|do not|must not|should not|avoid|exclude|excluding|without)\b/i;
const DIRECTIVE = /\b(always|must|should|use|include|only|count|treat)\b/i;
const STOP = new Set(
  'the a an and or of to in on for by with from as is are be it this that these those when what which any all each use always never not dont do must should avoid exclude excluding without include only count treat'.split(
    ' ',
  ),
);

function contentWords(sentence: string): Set<string> {
  return new Set(
    sentence
      .toLowerCase()
      .replace(/n't\b/g, ' not')
      .split(/[^\p{L}\p{N}_]+/u)
      .filter((w) => w.length >= 3 && !STOP.has(w)),
  );
}

function overlap(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared < 2 ? 0 : shared / new Set([...a, ...b]).size;
}

/** SQL compared as text: lowercase, no quotes around names, single spaces. */
function squashSql(sql: string): string {
  return sql.toLowerCase().replace(/[`"]/g, '').replace(/\s+/g, ' ').trim();
}

function restated(ctx: LintContext, text: string): RawFinding[] {
  const haystack = squashSql(text);
  const out: RawFinding[] = [];
  const s = ctx.space.instructions?.sql_snippets;
  const candidates: { sql: string; where: string }[] = [];
  for (const [list, items] of [
    ['filters', s?.filters],
    ['expressions', s?.expressions],
    ['measures', s?.measures],
  ] as const)
    (items ?? []).forEach((snippet, i) =>
      candidates.push({ sql: joinText(snippet.sql), where: `$.instructions.sql_snippets.${list}[${i}]` }),
    );
  (ctx.space.instructions?.join_specs ?? []).forEach((spec, i) =>
    candidates.push({ sql: spec.sql[0] ?? '', where: `$.instructions.join_specs[${i}]` }),
  );
  for (const candidate of candidates) {
    const needle = squashSql(candidate.sql);
    if (needle.length >= 10 && haystack.includes(needle))
      out.push({
        path: PATH,
        message: `the text repeats the SQL of ${candidate.where} (${candidate.sql.trim().slice(0, 60)}): two copies of one rule drift apart`,
        fix: 'delete the sentence from the text; the snippet or join spec already teaches Genie this',
      });
  }
  return out;
}

export const TEXT_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'text-instruction-missing',
    severity: 'info',
    category: 'semantics',
    measured: true,
    title: 'No general text instruction',
    run: (ctx) =>
      textOf(ctx).trim() === '' && ctx.tables.length > 0
        ? [
            {
              path: '$.instructions',
              message: 'the space has no general instruction',
              fix: 'add a short text instruction: what the space covers, date conventions, how codes are written',
            },
          ]
        : [],
  },
  {
    id: 'text-instruction-long',
    severity: 'warning',
    category: 'semantics',
    title: `The text instruction is over ${LONG_TEXT} characters`,
    run: (ctx) => {
      const length = textOf(ctx).length;
      return length > LONG_TEXT
        ? [
            {
              path: PATH,
              message: `${length} characters of general instructions: long text is hard to keep consistent, and every rule in it competes for Genie's attention`,
              fix: 'move definitions into SQL snippets, column descriptions and example SQL; keep the text for what has no better home',
            },
          ]
        : [];
    },
  },
  {
    id: 'text-instruction-contradiction',
    severity: 'warning',
    category: 'semantics',
    title: 'Two sentences of the text instruction contradict each other',
    run: (ctx) => {
      const all = sentences(textOf(ctx)).map((s) => ({ s, words: contentWords(s), negative: NEGATION.test(s) }));
      const out: RawFinding[] = [];
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const [a, b] = [all[i]!, all[j]!];
          if (a.negative === b.negative || !(DIRECTIVE.test(a.s) || DIRECTIVE.test(b.s))) continue;
          if (overlap(a.words, b.words) < 0.6) continue;
          out.push({
            path: PATH,
            message: `"${a.s}" and "${b.s}" say opposite things about the same subject`,
            fix: 'keep one rule (or state when each applies)',
          });
        }
      return out;
    },
  },
  {
    id: 'text-instruction-repeated',
    severity: 'info',
    category: 'semantics',
    title: 'A sentence of the text instruction is repeated',
    run: (ctx) => {
      const seen = new Set<string>();
      const out: RawFinding[] = [];
      for (const sentence of sentences(textOf(ctx))) {
        const key = sentence.toLowerCase().replace(/\s+/g, ' ');
        if (seen.has(key)) out.push({ path: PATH, message: `"${sentence}" appears twice`, fix: 'delete the repeat' });
        seen.add(key);
      }
      return out;
    },
  },
  {
    id: 'text-restates-snippet',
    severity: 'info',
    category: 'semantics',
    title: 'The text instruction restates a snippet or join spec',
    run: (ctx) => {
      const text = textOf(ctx);
      return text.trim() === '' ? [] : restated(ctx, text);
    },
  },
];
