/**
 * The llm analyst: shows a chat model the failures, the space and the warehouse schema, asks
 * for fixes as JSON, and keeps only fixes that pass the Fix schema and name real tables and
 * columns. One follow-up when the answer is unusable; model errors become notes, never throws.
 */
import type { ChatMessage, Llm } from '../../ports.js';
import { LlmError } from '../../llm/llm-error.js';
import type { Analyst, AnalystInput, AnalystResult } from '../analyst.js';
import { fixKey } from '../fix-key.js';
import { checkFixReferences, warehouseColumns } from '../apply/references.js';
import type { Fix } from '../fix-types.js';
import { clipText, renderFailure, renderLessons, renderSchema, renderSpace, type SampleValues } from './evidence.js';
import { extractJsonObject, validateFixList } from './output.js';
import { buildAnalystPrompt, loadPromptTemplate, type PromptTemplate } from './prompt.js';
import { collectSampleValues } from './sample-values.js';
import { buildSqlReferenceIndex, checkSqlReferences } from './sql-references.js';
import { messageOf } from '../../errors.js';

export interface LlmAnalystOptions {
  llm: Llm;
  /** Folder holding analyst.md; default: the project's prompts/ folder. */
  promptsDir?: string;
  /** Most fixes kept per round; default 8. */
  maxFixes?: number;
  /** Characters of system + user prompt; default 100 000 (about 25k tokens). */
  promptBudgetChars?: number;
  /** max_tokens of each answer; default 4096. */
  maxTokens?: number;
  /** Default 0.2: a little variety between rounds, mostly stable output. */
  temperature?: number;
  /** Show a few distinct values of text columns (one small query per column); default true. */
  sampleValues?: boolean;
}

interface Usage {
  promptTokens: number;
  completionTokens: number;
  calls: number;
}

/** What one answer yielded: usable fixes and notes, or a problem worth one follow-up. */
interface Evaluation {
  fixes: Fix[];
  notes: string[];
  /** Set when the answer is unusable as a whole: bad JSON, no list, or no fix survived. */
  problem?: string;
}

export function createLlmAnalyst(options: LlmAnalystOptions): Analyst {
  let template: PromptTemplate | undefined;
  return {
    name: 'llm',
    async propose(input: AnalystInput): Promise<AnalystResult> {
      const usage: Usage = { promptTokens: 0, completionTokens: 0, calls: 0 };
      if (input.failures.length === 0) return { fixes: [], notes: ['no failing train questions to analyse'], usage };
      try {
        template ??= loadPromptTemplate('analyst', options.promptsDir);
      } catch (error) {
        return { fixes: [], notes: [`llm analyst: ${errorText(error)}`], usage };
      }
      return proposeWith(options, template, input, usage);
    },
  };
}

/** One round: build the prompt, ask (once more when the answer is unusable), keep the fixes that pass. */
async function proposeWith(
  options: LlmAnalystOptions,
  template: PromptTemplate,
  input: AnalystInput,
  usage: Usage,
): Promise<AnalystResult> {
  const maxFixes = options.maxFixes ?? 8;
  const notes: string[] = [];
  const messages = await promptMessages(options, template, input, notes);
  const evaluation = await askForFixes(options, input, messages, usage, notes);
  if (!evaluation) return { fixes: [], notes, usage };
  if (evaluation.problem) return { fixes: [], notes: [...notes, ...evaluation.notes], usage };
  notes.push(...evaluation.notes);
  return { fixes: selectFixes(evaluation.fixes, input.alreadyTried, maxFixes, notes), notes, usage };
}

/** The analyst prompt within its budget; what the budget left out is noted. */
async function promptMessages(
  options: LlmAnalystOptions,
  template: PromptTemplate,
  input: AnalystInput,
  notes: string[],
): Promise<ChatMessage[]> {
  const samples: SampleValues =
    options.sampleValues === false
      ? new Map()
      : await collectSampleValues(input.warehouse, input.warehouseSchema, {
          maxColumns: 40,
          maxValues: 20,
          timeoutMs: 30_000,
          signal: input.signal,
        });
  const prompt = buildAnalystPrompt(
    template,
    {
      space: renderSpace(input.space),
      schema: renderSchema(input.warehouseSchema, samples, input.space),
      failures: input.failures.map((failure) => renderFailure(failure)),
      lessons: renderLessons(input.lessonsText, input.alreadyTried),
      maxFixes: options.maxFixes ?? 8,
    },
    options.promptBudgetChars ?? 100_000,
  );
  if (prompt.omittedFailures > 0)
    notes.push(
      `llm analyst: ${prompt.omittedFailures} failing question(s) left out of the prompt to stay within its budget`,
    );
  if (prompt.clipped.length > 0)
    notes.push(`llm analyst: ${prompt.clipped.join(', ')} truncated in the prompt to stay within its budget`);
  return [...prompt.messages];
}

/** Asks the model, and once more with the problem named when the first answer is unusable; undefined when a call failed. */
async function askForFixes(
  options: LlmAnalystOptions,
  input: AnalystInput,
  messages: ChatMessage[],
  usage: Usage,
  notes: string[],
): Promise<Evaluation | undefined> {
  const evaluate = evaluator(input);
  let evaluation: Evaluation | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const content = await chatOnce(options, input, messages, usage, notes);
    if (content === undefined) return undefined;
    evaluation = evaluate(content);
    if (!evaluation.problem) break;
    if (attempt === 1) {
      notes.push(`llm analyst: first answer unusable (${evaluation.problem}); asked once more`);
      messages.push(
        { role: 'assistant', content: clipText(content, 8000) },
        { role: 'user', content: followUp(evaluation.problem) },
      );
    } else {
      notes.push(`llm analyst: second answer unusable too (${evaluation.problem}); no fixes this round`);
    }
  }
  return evaluation;
}

/** One model call, its tokens counted; a failure is noted and gives undefined. */
async function chatOnce(
  options: LlmAnalystOptions,
  input: AnalystInput,
  messages: ChatMessage[],
  usage: Usage,
  notes: string[],
): Promise<string | undefined> {
  try {
    usage.calls++;
    const reply = await options.llm.chat(messages, {
      json: true,
      maxTokens: options.maxTokens ?? 4096,
      temperature: options.temperature ?? 0.2,
      signal: input.signal,
    });
    usage.promptTokens += reply.usage?.promptTokens ?? 0;
    usage.completionTokens += reply.usage?.completionTokens ?? 0;
    return reply.content;
  } catch (error) {
    notes.push(`llm analyst: the model call failed, no fixes this round: ${errorText(error)}`);
    return undefined;
  }
}

/** Parse and validate one answer against this round's space and warehouse. */
function evaluator(input: AnalystInput): (content: string) => Evaluation {
  const columns = warehouseColumns(input.warehouseSchema);
  const sqlIndex = buildSqlReferenceIndex(input.space, input.warehouseSchema);
  return (content) => {
    const json = extractJsonObject(content);
    if (!json.ok) return { fixes: [], notes: [], problem: json.error };
    const list = validateFixList(json.value);
    if (!list.ok) return { fixes: [], notes: [], problem: list.error };
    const notes = list.result.invalid.map((reason) => `dropped invalid fix ${reason}`);
    const fixes: Fix[] = [];
    for (const fix of list.result.fixes) {
      const reason = checkFixReferences(input.space, fix, columns) ?? checkSqlReferences(fix, sqlIndex);
      if (reason) notes.push(`dropped ${fix.type}: ${reason}`);
      else fixes.push(fix);
    }
    if (list.result.proposed > 0 && fixes.length === 0) {
      return {
        fixes,
        notes,
        problem: `none of the ${list.result.proposed} fixes is valid: ${notes.map((note) => note.replace(/^dropped /, '')).join(' | ')}`,
      };
    }
    return { fixes, notes };
  };
}

function followUp(problem: string): string {
  return [
    `Your answer could not be used: ${clipText(problem, 3000)}`,
    'Answer again with exactly one JSON object {"fixes": [...]} following the contract in the instructions.',
    'Use only the fix shapes shown there, three-part table names, bare column names, and tables and columns from the schema above.',
  ].join('\n');
}

/** Drop fixes already tried and duplicates, then keep the first `maxFixes` (the model ranks them). */
function selectFixes(fixes: Fix[], alreadyTried: ReadonlySet<string>, maxFixes: number, notes: string[]): Fix[] {
  const seen = new Set<string>();
  const kept: Fix[] = [];
  for (const fix of fixes) {
    const key = fixKey(fix);
    if (alreadyTried.has(key)) notes.push(`skipped a fix already tried: ${key}`);
    else if (!seen.has(key)) {
      seen.add(key);
      kept.push(fix);
    }
  }
  if (kept.length > maxFixes) notes.push(`llm analyst: kept the first ${maxFixes} of ${kept.length} fixes`);
  return kept.slice(0, maxFixes);
}

function errorText(error: unknown): string {
  if (error instanceof LlmError) return error.hint ? `${error.message} (${error.hint})` : error.message;
  return messageOf(error);
}
