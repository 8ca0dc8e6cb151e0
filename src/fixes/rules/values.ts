/**
 * Value rules: the expected SQL filters a column by a literal Genie did not reproduce.
 * - string literal, no entity matching on the column -> enable_build_value_dictionary;
 * - the question names the value with another word ("Japan" for 'JP') -> a column
 *   description mapping the stored value to the question's word, with the known values;
 * - a date/time condition Genie got wrong -> enable_get_example_values (format assistance).
 */
import { joinText } from '../../space/schema.js';
import type { ConfigIndex } from './config.js';
import { columnType, type ResolvedFilter } from './evidence.js';
import { PRIORITY, shortName, spaceIdentifier, type Proposal, type RuleContext } from './proposal.js';
import { synonymText } from './targets.js';
import { isHangul } from '../../text/normalise.js';

/** Columns with at most this many distinct values get them listed in a value description. */
const MAX_LISTED_VALUES = 30;

/** A filter of the expected SQL Genie missed, and the failures that show it. */
interface FilterGap {
  filter: ResolvedFilter;
  targets: string[];
}

/** Question words that name stored values of one column, by value, and the failures that use them. */
interface ValueMapping {
  table: string;
  column: string;
  pairs: Map<string, string[]>;
  targets: string[];
}

/** Missed filters by column: text values wanting a dictionary, dates wanting example values. */
function collectFilterGaps(context: RuleContext): {
  dictionaries: Map<string, FilterGap>;
  formats: Map<string, FilterGap>;
} {
  const { index, views } = context;
  const dictionaries = new Map<string, FilterGap>();
  const formats = new Map<string, FilterGap>();
  for (const view of views) {
    for (const filter of view.filters) {
      const column = index.tables.get(filter.table)?.columns.find((c) => c.name === filter.column);
      if (filter.matched || !column || !index.tables.get(filter.table)?.inSpace) continue;
      const key = `${filter.table}.${filter.column.toLowerCase()}`;
      if (filter.strings.length > 0 && !column.entityMatching && isTextType(columnType(index, filter))) {
        collect(dictionaries, key, filter, view.failure.id);
      } else if (filter.temporal && !column.formatAssistance && !column.entityMatching) {
        collect(formats, key, filter, view.failure.id);
      }
    }
  }
  return { dictionaries, formats };
}

/** Question words aligned to stored values, by column. */
function collectValueMappings(context: RuleContext): Map<string, ValueMapping> {
  const mappings = new Map<string, ValueMapping>();
  context.views.forEach((view, i) => {
    for (const { target, token } of context.alignments[i]) {
      if (target.kind !== 'value' || !target.column || target.literal === undefined) continue;
      const key = `${target.table}.${target.column.toLowerCase()}`;
      const entry: ValueMapping = mappings.get(key) ?? {
        table: target.table,
        column: target.column,
        pairs: new Map(),
        targets: [],
      };
      const word = isHangul(token.stem) ? synonymText(token) : token.raw;
      const words = entry.pairs.get(target.literal) ?? [];
      if (!words.some((w) => w.toLowerCase() === word.toLowerCase())) entry.pairs.set(target.literal, [...words, word]);
      if (!entry.targets.includes(view.failure.id)) entry.targets.push(view.failure.id);
      mappings.set(key, entry);
    }
  });
  return mappings;
}

function dictionaryProposal(index: ConfigIndex, { filter, targets }: FilterGap): Proposal {
  return {
    priority: PRIORITY.valueDictionary,
    fix: {
      type: 'enable_build_value_dictionary',
      table: spaceIdentifier(index, filter.table),
      column: filter.column,
      rationale: `The expected SQL filters ${shortName(filter.table)}.${filter.column} ${filter.predicate.op} ${filter.predicate.value}; Genie's SQL ${filter.genieFiltersColumn ? 'compares it with another value' : 'does not filter it'}. A value dictionary lets Genie match question words to stored values.`,
      targets,
    },
  };
}

function formatProposal(index: ConfigIndex, { filter, targets }: FilterGap): Proposal {
  return {
    priority: PRIORITY.exampleValues,
    fix: {
      type: 'enable_get_example_values',
      table: spaceIdentifier(index, filter.table),
      column: filter.column,
      rationale: `Genie's SQL misses the date/time condition on ${shortName(filter.table)}.${filter.column} (${filter.predicate.op} ${filter.predicate.value}); example values show Genie the column's format.`,
      targets,
    },
  };
}

/** A column description mapping question words to stored values, or null when it already says them all. */
async function valueMappingProposal(context: RuleContext, entry: ValueMapping): Promise<Proposal | null> {
  const { index, probe } = context;
  const column = index.tables.get(entry.table)?.columns.find((c) => c.name === entry.column);
  const current = joinText(column?.config?.description).trim();
  const pairs = [...entry.pairs]
    // A word the description already pairs with the value needs no repeating.
    .map(([value, words]): [string, string[]] => [
      value,
      words.filter((word) => !(current.toLowerCase().includes(word.toLowerCase()) && current.includes(`'${value}'`))),
    ])
    .filter(([, words]) => words.length > 0);
  if (pairs.length === 0) return null;
  const values = await probe.distinctValues(entry.table, entry.column, MAX_LISTED_VALUES);
  return {
    priority: PRIORITY.valueDescription,
    fix: {
      type: 'add_column_description',
      table: spaceIdentifier(index, entry.table),
      column: entry.column,
      description: valueDescription(current, pairs, values),
      rationale: `The questions say ${pairs.map(([v, w]) => `"${w.join('", "')}" for '${v}'`).join(', ')} in ${shortName(entry.table)}.${entry.column}; the description maps question words to stored values.`,
      targets: entry.targets,
    },
  };
}

export async function proposeValueFixes(context: RuleContext): Promise<Proposal[]> {
  const { dictionaries, formats } = collectFilterGaps(context);
  const mappings = collectValueMappings(context);
  const proposals: Proposal[] = [
    ...[...dictionaries.values()].map((gap) => dictionaryProposal(context.index, gap)),
    ...[...formats.values()].map((gap) => formatProposal(context.index, gap)),
  ];
  // One probe at a time, in order, as before: the probe may reach a warehouse.
  for (const entry of mappings.values()) {
    const proposal = await valueMappingProposal(context, entry);
    if (proposal) proposals.push(proposal);
  }
  return proposals;
}

function collect(
  into: Map<string, { filter: ResolvedFilter; targets: string[] }>,
  key: string,
  filter: ResolvedFilter,
  target: string,
): void {
  const entry = into.get(key) ?? { filter, targets: [] };
  if (!entry.targets.includes(target)) entry.targets.push(target);
  into.set(key, entry);
}

function isTextType(type: string): boolean {
  return type === '' || /^(string|varchar|char|text)/i.test(type);
}

/** The current description followed by the value mapping and, for short lists, every stored value. */
export function valueDescription(
  current: string,
  pairs: readonly [string, string[]][],
  values: readonly string[] | undefined,
): string {
  const parts: string[] = [];
  if (current !== '') parts.push(/[.!?]$/.test(current) ? current : `${current}.`);
  parts.push(`Users say ${pairs.map(([value, words]) => `${words.join(' or ')} for '${value}'`).join(', ')}.`);
  if (values && values.length > 0 && !parts[0].includes('Values:')) parts.push(`Values: ${values.join(', ')}.`);
  return parts.join(' ');
}
