/**
 * Parameterised example queries (templates), the one kind of example the rules analyst proposes
 * by default: two or more failing train questions whose expected SQL has one shape and differs
 * only in the literals it filters on become one example with `:name` parameters. Each parameter
 * is compared with a column; its default is another value of that column (none of the source
 * questions' literals), so the template copies no benchmark question, and the column gets a value
 * dictionary so Genie can fill the parameter from a question's words. Copies of single questions
 * are left to `--allow-taught-examples` (src/fixes/rules/examples.ts).
 */
import { canonicalSql } from '../../scoring/taught.js';
import type { Fix } from '../fix-types.js';
import type { FailureView } from './evidence.js';
import { PRIORITY, spaceIdentifier, type Proposal, type RuleContext } from './proposal.js';
import { collapseWhitespace } from '../../space/text-pieces.js';

const LITERAL = /'((?:[^']|'')*)'|(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])/g;

interface Literal {
  text: string;
  numeric: boolean;
  index: number;
  length: number;
}

function literalsOf(sql: string): Literal[] {
  return [...sql.matchAll(LITERAL)].map((m) => ({
    text: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2],
    numeric: m[1] === undefined,
    index: m.index,
    length: m[0].length,
  }));
}

/** The SQL with its literals blanked: one shape for questions that differ only in what they filter on. */
export function sqlShape(sql: string): string {
  return canonicalSql(sql.replace(LITERAL, (m, s: string | undefined) => (s !== undefined ? "'?'" : '0')));
}

export async function proposeTemplates(context: RuleContext): Promise<Proposal[]> {
  const groups = new Map<string, FailureView[]>();
  for (const view of context.views) {
    const key = sqlShape(view.failure.expectedSql);
    groups.set(key, [...(groups.get(key) ?? []), view]);
  }
  const proposals: Proposal[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const made = await template(context, group);
    if (made) proposals.push(...made);
  }
  return proposals;
}

async function template(context: RuleContext, group: FailureView[]): Promise<Proposal[] | undefined> {
  const lits = group.map((v) => literalsOf(v.failure.expectedSql));
  const width = lits[0].length;
  if (width === 0 || lits.some((l) => l.length !== width)) return undefined;
  const varying = [...Array(width).keys()].filter((k) => new Set(lits.map((l) => l[k].text)).size > 1);
  if (varying.length === 0) return undefined; // paraphrases of one query: nothing to generalise
  const first = group[0];
  const params: NonNullable<Extract<Fix, { type: 'add_example_query' }>['parameters']> = [];
  const dictionaries: Fix[] = [];
  let sql = first.failure.expectedSql.trim().replace(/;\s*$/, '');
  let question = collapseWhitespace(first.failure.question);
  const ids = group.map((v) => v.failure.id);
  const names = new Map<number, string>();
  // Replace from the end so earlier offsets stay valid.
  for (const k of [...varying].reverse()) {
    const lit = lits[0][k];
    const filter = first.filters.find((f) => f.strings.includes(lit.text) || (lit.numeric && f.numeric));
    if (!filter) return undefined;
    const used = new Set(lits.map((l) => l[k].text.toLowerCase()));
    // Every source question must spell its literal, or the template could not be filled from words.
    if (group.some((v, i) => !v.failure.question.toLowerCase().includes(lits[i][k].text.toLowerCase())))
      return undefined;
    const fallback = lit.numeric ? [String(Math.max(...[...used].map(Number)) + 1)] : undefined;
    const values = fallback ?? (await context.probe.distinctValues(filter.table, filter.column, 200)) ?? [];
    const def = values.find((v) => !used.has(v.toLowerCase()));
    if (def === undefined) return undefined;
    const name = uniqueName(
      filter.column,
      params.map((p) => p.name),
    );
    names.set(k, name);
    params.push({
      name,
      type_hint: lit.numeric ? (lit.text.includes('.') ? 'DOUBLE' : 'INT') : 'STRING',
      description: `a value of ${filter.column}`,
      default_value: def,
    });
    sql = sql.slice(0, lit.index) + `:${name}` + sql.slice(lit.index + lit.length);
    question = question.replace(new RegExp(escapeRe(lit.text), 'i'), def);
    const column = context.index.tables.get(filter.table)?.columns.find((c) => c.name === filter.column);
    if (!lit.numeric && column && !column.entityMatching)
      dictionaries.push({
        type: 'enable_build_value_dictionary',
        table: spaceIdentifier(context.index, filter.table),
        column: filter.column,
        rationale: `A template's parameter is compared with ${filter.column}; a value dictionary lets Genie read its value from a question.`,
        targets: ids,
      });
  }
  let pattern = collapseWhitespace(first.failure.question);
  for (const k of varying) pattern = pattern.replace(new RegExp(escapeRe(lits[0][k].text), 'i'), `<${names.get(k)}>`);
  return [
    {
      priority: PRIORITY.exampleQuery + 5,
      fix: {
        type: 'add_example_query',
        question,
        sql,
        parameters: params,
        usage_guidance: `Questions shaped like "${pattern}" for any ${params.map((p) => p.name).join(', ')}: fill each parameter from the question.`,
        rationale: `${group.length} failing train questions share one SQL shape and differ only in ${params.map((p) => p.name).join(', ')}; one parameterised example covers them and their unseen variants.`,
        targets: ids,
      },
    },
    ...dictionaries.map((fix) => ({ priority: PRIORITY.valueDictionary, fix })),
  ];
}

function uniqueName(column: string, taken: string[]): string {
  const base =
    column
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^(\d)/, 'p_$1') || 'value';
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}_${n}`;
  return name;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
