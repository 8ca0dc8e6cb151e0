/**
 * Turning the rules' proposals into the analyst's answer: merge duplicates (union of
 * targets; synonyms of one column into one fix), drop what was tried before (each synonym
 * on its own too), validate, resolve conflicts on one slot, rank and cap. Deterministic.
 */
import { compareFixes, fixKey, fixTarget, isExclusive } from '../fix-key.js';
import { FixSchema, type Fix } from '../fix-types.js';
import { normalizeIdentifier, normalizeName } from '../../sql/identifiers.js';
import type { Proposal } from './proposal.js';

export interface RankOptions {
  maxFixes: number;
  maxExamples: number;
}

/** Proposals without the synonyms and fixes already tried, duplicates merged. */
export function mergeAndFilter(
  proposals: readonly Proposal[],
  alreadyTried: ReadonlySet<string>,
  notes: string[],
): Proposal[] {
  const merged = new Map<string, Proposal>();
  for (const proposal of proposals) {
    const fix =
      proposal.fix.type === 'add_synonym' ? withoutTriedSynonyms(proposal.fix, alreadyTried, notes) : proposal.fix;
    if (!fix) continue;
    const slot =
      fix.type === 'add_synonym' ? `syn ${normalizeIdentifier(fix.table)}.${normalizeName(fix.column)}` : fixKey(fix);
    const existing = merged.get(slot);
    if (!existing) {
      merged.set(slot, { fix: clone(fix), priority: proposal.priority });
      continue;
    }
    existing.priority = Math.max(existing.priority, proposal.priority);
    existing.fix.targets = union(existing.fix.targets, fix.targets);
    if (existing.fix.type === 'add_synonym' && fix.type === 'add_synonym') {
      existing.fix.synonyms = union(existing.fix.synonyms, fix.synonyms, true);
    }
  }
  const out: Proposal[] = [];
  for (const proposal of merged.values()) {
    const parsed = FixSchema.safeParse(proposal.fix);
    if (!parsed.success) {
      notes.push(`dropped an invalid ${proposal.fix.type}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    if (alreadyTried.has(fixKey(parsed.data))) {
      notes.push(`skipped ${fixTarget(parsed.data)}: tried before`);
      continue;
    }
    out.push({ fix: parsed.data, priority: proposal.priority });
  }
  return out;
}

/** Rank, keep one fix per exclusive slot, cap examples and the total. */
export function rankProposals(proposals: readonly Proposal[], options: RankOptions, notes: string[]): Fix[] {
  const sorted = [...proposals].sort(
    (a, b) => b.priority - a.priority || b.fix.targets.length - a.fix.targets.length || compareFixes(a.fix, b.fix),
  );
  const slots = new Set<string>();
  const fixes: Fix[] = [];
  let examples = 0;
  for (const { fix } of sorted) {
    const slot = fixTarget(fix);
    if (isExclusive(fix) && slots.has(slot)) {
      notes.push(`dropped ${fix.type} on ${slot}: a stronger fix already writes there`);
      continue;
    }
    if (fix.type === 'add_example_query' && examples >= options.maxExamples) {
      notes.push(`deferred example "${fix.question}": at most ${options.maxExamples} examples per iteration`);
      continue;
    }
    if (fixes.length >= options.maxFixes) {
      notes.push(`deferred ${fix.type} on ${slot}: at most ${options.maxFixes} fixes per iteration`);
      continue;
    }
    slots.add(slot);
    if (fix.type === 'add_example_query') examples++;
    fixes.push(fix);
  }
  return fixes;
}

/** The synonym fix minus each synonym whose one-word fix was tried before; undefined when none is left. */
function withoutTriedSynonyms(
  fix: Extract<Fix, { type: 'add_synonym' }>,
  alreadyTried: ReadonlySet<string>,
  notes: string[],
): Fix | undefined {
  const synonyms = fix.synonyms.filter((synonym) => {
    const tried = alreadyTried.has(fixKey({ ...fix, synonyms: [synonym] }));
    if (tried) notes.push(`skipped synonym "${synonym}" of ${fix.table}.${fix.column}: tried before`);
    return !tried;
  });
  return synonyms.length === 0 ? undefined : { ...fix, synonyms };
}

function union(a: readonly string[], b: readonly string[], caseInsensitive = false): string[] {
  const out = [...a];
  const seen = new Set(a.map((v) => (caseInsensitive ? v.toLowerCase() : v)));
  for (const v of b) {
    const key = caseInsensitive ? v.toLowerCase() : v;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

function clone(fix: Fix): Fix {
  return structuredClone(fix);
}
