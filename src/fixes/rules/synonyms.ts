/**
 * Word rules: a question word aligned with a table or column Genie missed becomes a
 * synonym of that column, or (for a table) words in the table description plus a
 * synonym on the table's key column. Korean words become synonyms like any other.
 */
import type { Fix } from '../fix-types.js';
import { synonymText } from './targets.js';
import { existingSynonyms, namedKeyColumn, type ConfigIndex, type TableInfo } from './config.js';
import { PRIORITY, shortName, spaceIdentifier, type Proposal, type RuleContext } from './proposal.js';
import { nameWords, stemWord } from './text.js';

interface WordEvidence {
  words: string[];
  targets: string[];
  lexical: boolean;
}

export async function proposeSynonyms(context: RuleContext): Promise<Proposal[]> {
  const { index, views, alignments, probe } = context;
  const columns = new Map<string, WordEvidence & { table: string; column: string }>();
  const tables = new Map<string, WordEvidence>();

  views.forEach((view, i) => {
    for (const { target, token, confidence } of alignments[i]) {
      const word = synonymText(token);
      if (target.kind === 'column' && target.column) {
        const entry = columns.get(target.key) ?? {
          table: target.table,
          column: target.column,
          words: [],
          targets: [],
          lexical: false,
        };
        add(entry, word, view.failure.id, confidence === 'lexical');
        columns.set(target.key, entry);
      } else if (target.kind === 'table') {
        const entry = tables.get(target.table) ?? { words: [], targets: [], lexical: false };
        add(entry, word, view.failure.id, confidence === 'lexical');
        tables.set(target.table, entry);
      }
    }
  });

  const proposals: Proposal[] = [];
  for (const entry of columns.values()) {
    const fix = synonymFix(index, entry.table, entry.column, entry, 'is how the failing question names');
    if (fix) proposals.push({ fix, priority: entry.lexical ? PRIORITY.lexicalSynonym : PRIORITY.fallbackSynonym });
  }
  for (const [table, entry] of tables) {
    const info = index.tables.get(table);
    if (!info) continue;
    const description = describeTable(info, entry.words);
    if (description) {
      proposals.push({
        priority: PRIORITY.tableDescription,
        fix: {
          type: 'update_table_description',
          table: spaceIdentifier(index, table),
          description,
          rationale: `The failing questions call ${shortName(table)} "${entry.words.join('", "')}", which no name or synonym in the space explains; the expected SQL reads this table and Genie's does not.`,
          targets: entry.targets,
        },
      });
    }
    const key = await keyColumn(info, (column) => probe.isUnique(table, column));
    const fix = key
      ? synonymFix(index, table, key, entry, `names the rows of ${shortName(table)}; the failing question uses it for`)
      : undefined;
    if (fix)
      proposals.push({ fix, priority: entry.lexical ? PRIORITY.lexicalSynonym - 1 : PRIORITY.fallbackSynonym - 1 });
  }
  return proposals;
}

/** Record a word once per stem ("posts" and "post" are one word), with the question it came from. */
function add(entry: WordEvidence, word: string, target: string, lexical: boolean): void {
  if (!entry.words.some((w) => stemWord(w) === stemWord(word))) entry.words.push(word);
  if (!entry.targets.includes(target)) entry.targets.push(target);
  entry.lexical ||= lexical;
}

function synonymFix(
  index: ConfigIndex,
  table: string,
  column: string,
  entry: WordEvidence,
  why: string,
): Fix | undefined {
  const info = index.tables.get(table)?.columns.find((c) => c.name === column);
  if (!info) return undefined;
  const have = existingSynonyms(info);
  const synonyms = entry.words.filter((w) => !have.includes(w.toLowerCase()));
  if (synonyms.length === 0) return undefined;
  return {
    type: 'add_synonym',
    table: spaceIdentifier(index, table),
    column,
    synonyms,
    rationale: `"${synonyms.join('", "')}" ${why} ${shortName(table)}.${column}, which Genie's SQL missed.`,
    targets: entry.targets,
  };
}

/** The existing description with a sentence naming the new words, or undefined when it already names them. */
export function describeTable(info: TableInfo, words: readonly string[]): string | undefined {
  const current = info.description.trim();
  const lower = current.toLowerCase();
  const fresh = words.filter((w) => !lower.includes(w.toLowerCase()));
  if (fresh.length === 0) return undefined;
  // Extend our own "Also called:" list when the description has one, so it stays one sentence.
  const list = /Also called: ([^.]*)\./.exec(current);
  if (list) return current.replace(list[0], `Also called: ${list[1]}, ${fresh.join(', ')}.`);
  const sentence = `Also called: ${fresh.join(', ')}.`;
  if (current === '') return `${readableName(info)}. ${sentence}`;
  return `${current}${/[.!?]$/.test(current) ? '' : '.'} ${sentence}`;
}

function readableName(info: TableInfo): string {
  const words = nameWords(shortName(info.key));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The column that identifies a table's rows: by name (see namedKeyColumn), else the first
 * column when it is unique in the warehouse.
 */
export async function keyColumn(
  info: TableInfo,
  isUnique: (column: string) => Promise<boolean | undefined>,
): Promise<string | undefined> {
  const byName = namedKeyColumn(info);
  if (byName) return byName;
  const first = info.columns[0];
  return first && (await isUnique(first.name)) === true ? first.name : undefined;
}
