/**
 * What one failure asks the alignment to name: the tables, columns, filter values and flag
 * filters the expected SQL needs, Genie's SQL missed, and the question does not already name;
 * and the question words the config leaves unexplained.
 */
import type { ConfigIndex, TableInfo } from './config.js';
import { isExplained, referencedTable } from './config.js';
import { literalInQuestion, numberInQuestion, type FailureView, type ResolvedColumn } from './evidence.js';
import { isFunctionWord, isPredicate, nameWords, splitStems, stemsMatch, type QuestionToken } from './text.js';
import { isHangul } from '../../text/normalise.js';

export type TargetKind = 'table' | 'column' | 'value' | 'filter';

export interface AlignTarget {
  kind: TargetKind;
  /** Stable identity: `table:<id>`, `column:<id>.<col>`, `value:<id>.<col>=<literal>`, `filter:<id>.<col>`. */
  key: string;
  table: string;
  column?: string;
  literal?: string;
  /** Stems the target is named by (table or column name words). */
  words: string[];
  /** A DATE/TIMESTAMP column. */
  temporal?: boolean;
}

/** Name words too generic to show that a question names a column. */
const GENERIC = new Set([
  'id',
  'at',
  'is',
  'has',
  'num',
  'nb',
  'no',
  'flag',
  'cd',
  'dt',
  'ts',
  'code',
  'key',
  'value',
  'name',
]);

export function distinctiveWords(words: readonly string[]): string[] {
  return words.filter((w) => !GENERIC.has(w) && !isFunctionWord(w));
}

/**
 * How the question names a target: `exact` when a word equals one of its name words (or all
 * words of a synonym appear), `partial` when a word only shares a prefix ("weigh" for weight:
 * a synonym with the exact word may still help), else `none`.
 */
export function namingLevel(
  tokens: readonly QuestionToken[],
  words: readonly string[],
  synonymWords: readonly string[][] = [],
): 'exact' | 'partial' | 'none' {
  const distinct = distinctiveWords(words);
  if (distinct.some((w) => tokens.some((t) => t.stem === w) || namedByPair(w, tokens))) return 'exact';
  if (synonymWords.some((syn) => syn.length > 0 && syn.every((w) => tokens.some((t) => stemsMatch(t.stem, w)))))
    return 'exact';
  return distinct.some((w) => tokens.some((t) => stemsMatch(t.stem, w))) ? 'partial' : 'none';
}

/** A compact name spelled by two words: `fname` by "first name", `stuid` by "student id". */
function namedByPair(word: string, tokens: readonly QuestionToken[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i].stem, tokens[i + 1].stem];
    if (b.length < 2 || word.length <= b.length || !word.endsWith(b)) continue;
    if (a.startsWith(word.slice(0, word.length - b.length))) return true;
  }
  return false;
}

/**
 * Question words that spell the alias of a computed output of the expected SQL ("DAU" for
 * `COUNT(DISTINCT member_id) AS dau`, "active members" for `AS active_members`): they name that
 * computation, so they must not become words for the table it reads or a column it uses.
 */
export function computedOutputTokens(view: FailureView): Set<number> {
  const found = new Set<number>();
  for (const alias of view.expected.computedAliases ?? []) {
    const words = nameWords(alias);
    if (words.length === 0) continue;
    for (let i = 0; i + words.length <= view.tokens.length; i++) {
      if (!words.every((w, k) => stemsMatch(view.tokens[i + k].stem, w))) continue;
      for (let k = 0; k < words.length; k++) found.add(view.tokens[i + k].index);
    }
  }
  return found;
}

/** Question words no name, synonym, function word, SQL literal, stored value or output alias explains. */
export function unexplainedTokens(
  view: FailureView,
  index: ConfigIndex,
  storedValues: ReadonlySet<string> = new Set(),
): QuestionToken[] {
  const literalStems = view.filters.flatMap((f) => f.strings.flatMap(splitStems));
  const outputNames = computedOutputTokens(view);
  return view.tokens.filter((t) => {
    if (outputNames.has(t.index)) return false;
    if (isPredicate(t, view.tokens)) return false;
    const minLength = isHangul(t.stem) ? 1 : 2;
    if (t.stem.length < minLength || isFunctionWord(t.stem) || /^\d/.test(t.stem)) return false;
    if (literalStems.some((w) => stemsMatch(w, t.stem)) || storedValues.has(t.stem)) return false;
    return !isExplained(index, t.stem);
  });
}

/** What else names a table: synonyms of its columns (the key's above all) and its description's words. */
function tableSynonyms(info: TableInfo): string[][] {
  return [...info.columns.flatMap((c) => c.synonymWords), ...info.descriptionWords.map((w) => [w])];
}

/** The targets of one failure: what the expected SQL needs, Genie missed, and the question does not name. */
export function targetsOf(view: FailureView, index: ConfigIndex): AlignTarget[] {
  const targets: AlignTarget[] = [];
  const tables = view.genie ? view.missingTables : view.tables;
  for (const table of tables) {
    const info = index.tables.get(table);
    if (!info?.inSpace) continue;
    if (
      namingLevel(view.tokens, info.words, tableSynonyms(info)) === 'exact' ||
      distinctiveWords(info.words).length === 0
    )
      continue;
    targets.push({ kind: 'table', key: `table:${table}`, table, words: info.words });
  }
  const columns = view.genie ? view.missingColumns : view.namedColumns;
  for (const column of columns) {
    const info = index.tables.get(column.table);
    const col = info?.columns.find((c) => c.name === column.column);
    if (!info?.inSpace || !col || col.config?.exclude === true) continue;
    if (namingLevel(view.tokens, col.words, col.synonymWords) === 'exact' || distinctiveWords(col.words).length === 0)
      continue;
    // A reference to another table's key (messages.member_id) is named by that entity's word
    // ("users"): the word belongs to the referenced table, not to this id column.
    const referenced = referencedTable(index, column.table, column.column);
    if (referenced) {
      const entity = index.tables.get(referenced);
      if (entity && namingLevel(view.tokens, entity.words, tableSynonyms(entity)) !== 'exact') {
        targets.push({ kind: 'table', key: `table:${referenced}`, table: referenced, words: entity.words });
      }
      continue;
    }
    targets.push({
      kind: 'column',
      key: columnKey('column', column),
      table: column.table,
      column: column.column,
      words: col.words,
      temporal: /^(date|timestamp)/i.test(col.type),
    });
  }
  for (const filter of view.filters) {
    if (filter.matched || !index.tables.get(filter.table)?.inSpace) continue;
    const words = index.tables.get(filter.table)?.columns.find((c) => c.name === filter.column)?.words ?? [];
    const filterTarget: AlignTarget = {
      kind: 'filter',
      key: columnKey('filter', filter),
      table: filter.table,
      column: filter.column,
      words,
    };
    const unstated = filter.strings.filter(
      (literal) => !literalInQuestion(literal, view.tokens, view.failure.question),
    );
    if (filter.strings.length > 1 && unstated.length === filter.strings.length && /IN$/.test(filter.predicate.op)) {
      // A set of values the question names with one word ("paid" for plan IN ('pro', 'enterprise')) is a filter.
      targets.push(filterTarget);
    } else if (filter.strings.length > 0) {
      for (const literal of filter.strings) {
        if (literalInQuestion(literal, view.tokens, view.failure.question)) continue;
        targets.push({
          kind: 'value',
          key: `${columnKey('value', filter)}=${literal}`,
          table: filter.table,
          column: filter.column,
          literal,
          words,
        });
      }
    } else if (filter.numeric && !filter.temporal && !numberInQuestion(filter.predicate.value, view.failure.question)) {
      targets.push(filterTarget);
    }
  }
  return dedupeTargets(targets);
}

function columnKey(kind: TargetKind, column: ResolvedColumn): string {
  return `${kind}:${column.table}.${column.column.toLowerCase()}`;
}

function dedupeTargets(targets: AlignTarget[]): AlignTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => (seen.has(t.key) ? false : (seen.add(t.key), true)));
}

/** The synonym text for a word: what the user wrote, lowercased; Korean without its particle. */
export function synonymText(token: QuestionToken): string {
  return isHangul(token.stem) ? token.stem : token.raw.toLowerCase().replace(/'s$/, '');
}
