/**
 * The rules analyst: deterministic and offline. It reads only what a real Genie deployment
 * lets you observe (question, expected SQL and result, Genie's SQL, reply and error, the
 * config, the warehouse schema and read-only probes of its values) and proposes fixes:
 * join specs, synonyms and table descriptions, value dictionaries and value descriptions,
 * example values for date columns, measure and filter snippets, and as a last resort
 * example queries. Same input, same fixes in the same order.
 */
import type { Analyst, AnalystInput, AnalystResult } from '../analyst.js';
import { alignAll, type AlignmentInput } from './align.js';
import { targetsOf, unexplainedTokens } from './targets.js';
import { buildConfigIndex } from './config.js';
import { buildFailureView, type FailureView } from './evidence.js';
import { proposeExamples } from './examples.js';
import { misleadingInstructionNotes } from './instructions.js';
import { proposeJoins } from './joins.js';
import { inferJoins } from './join-inference.js';
import { proposeTemplates } from './templates.js';
import { proposeCategoryDictionaries } from './categories.js';
import type { Proposal, Rule, RuleContext } from './proposal.js';
import { mergeAndFilter, rankProposals } from './rank.js';
import { proposeSnippets } from './snippets.js';
import { proposeSynonyms } from './synonyms.js';
import { proposeValueFixes } from './values.js';
import { storedValueStems } from './value-words.js';
import { createWarehouseProbe } from './warehouse.js';

export interface RulesAnalystOptions {
  /** Most fixes proposed per iteration (default 20). */
  maxFixes?: number;
  /** Most example queries per iteration (default 3). */
  maxExamples?: number;
}

/** The rules, strongest evidence first; each sees every failure so evidence can add up. */
const RULES: readonly Rule[] = [
  proposeJoins,
  inferJoins,
  proposeValueFixes,
  proposeSynonyms,
  proposeSnippets,
  proposeTemplates,
  proposeCategoryDictionaries,
];

export function createRulesAnalyst(options: RulesAnalystOptions = {}): Analyst {
  const maxFixes = options.maxFixes ?? 20;
  const maxExamples = options.maxExamples ?? 3;
  return {
    name: 'rules',
    async propose(input: AnalystInput): Promise<AnalystResult> {
      const notes: string[] = [];
      const index = buildConfigIndex(input.space, input.warehouseSchema);
      // Sorted by id so the answer does not depend on the order failures arrive in.
      const failures = [...input.failures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const parsed = failures.map((failure) => ({ failure, view: buildFailureView(failure, index) }));
      for (const { failure, view } of parsed) {
        if (!view) notes.push(`${failure.id}: the expected SQL could not be parsed; only an example query can help`);
      }
      notes.push(...misleadingInstructionNotes(input.space, failures));
      const views = parsed.map((p) => p.view).filter((v): v is FailureView => v !== null);
      const probe = createWarehouseProbe(input.warehouse, input.signal);
      const values = await storedValueStems(views, index, probe);
      const inputs: AlignmentInput[] = views.map((view, i) => {
        const tokens = unexplainedTokens(view, index, values[i]);
        const valueTokens = unexplainedTokens(view, index).filter((t) => !tokens.includes(t));
        return { view, tokens, valueTokens, targets: targetsOf(view, index) };
      });
      const context: RuleContext = { space: input.space, index, views, alignments: alignAll(inputs), probe, notes };

      const proposals: Proposal[] = [];
      for (const rule of RULES) {
        input.signal?.throwIfAborted();
        proposals.push(...(await rule(context)));
      }
      const kept = mergeAndFilter(proposals, input.alreadyTried, notes);
      // Examples are the last resort: an example can capture unrelated questions, and the loop
      // keeps or rolls back an iteration as a whole, so they wait for an iteration of their own.
      let examples: Proposal[] = [];
      if (kept.length === 0 && input.allowTaughtExamples)
        examples = mergeAndFilter(proposeExamples(input.space, index, parsed), input.alreadyTried, notes);
      else if (parsed.some(({ failure }) => !kept.some((p) => p.fix.targets.includes(failure.id)))) {
        notes.push('example queries wait for an iteration with no other fix to try');
      }
      const fixes = rankProposals([...kept, ...examples], { maxFixes, maxExamples }, notes);

      for (const { failure } of parsed) {
        if (!fixes.some((fix) => fix.targets.includes(failure.id)))
          notes.push(`${failure.id}: no rule proposed a new fix`);
      }
      return { fixes, notes };
    },
  };
}
