/**
 * Example question/SQL pairs: find the example closest to a question (token
 * similarity with values, numbers and dates abstracted) and adapt its SQL:
 * fill `:param` markers and swap literals the question names differently.
 */
import type { Catalog, ExampleInfo } from './catalog.js';
import type { Item, Linked } from './linker.js';

export interface PreparedExample {
  example: ExampleInfo;
  signature: Set<string>;
  values: Array<{ column: string; value: string }>;
  numbers: number[];
  dates: string[];
}

export interface ExampleMatch {
  prepared: PreparedExample;
  score: number;
}

/** Words that vary without changing a question's meaning. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'for',
  'to',
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'me',
  'show',
  'list',
  'give',
  'please',
  'what',
  'there',
  'our',
  'we',
  'all',
  '알려줘',
  '보여줘',
  '줘',
  '은',
  '는',
]);

function columnKey(column: { table: { identifier: string }; name: string }): string {
  return `${column.table.identifier}.${column.name}`;
}

/** The abstracted token set of a linked question, with the values, numbers and dates it names. */
export function signatureOf(linked: Linked): Omit<PreparedExample, 'example'> {
  const signature = new Set<string>();
  const values: PreparedExample['values'] = [];
  const numbers: number[] = [];
  const dates: string[] = [];
  const covered = new Set<number>();
  const valueItem = (item: Item): { column: string; value: string } | undefined => {
    if (item.type !== 'mention') return undefined;
    const top = item.candidates[0]?.target;
    return top?.kind === 'value' ? { column: columnKey(top.column), value: top.value } : undefined;
  };
  for (const item of linked.items) {
    const v = valueItem(item);
    if (v) {
      values.push(v);
      signature.add(`#value:${v.column}`);
      for (let k = item.start; k < item.end; k++) covered.add(k);
    } else if (item.type === 'quoted') {
      signature.add('#quoted');
      covered.add(item.start);
    }
  }
  linked.tokens.forEach((t, k) => {
    if (covered.has(k)) return;
    if (t.date) {
      dates.push(t.date);
      signature.add('#date');
      return;
    }
    if (t.num !== undefined) {
      numbers.push(t.num);
      signature.add('#num');
      return;
    }
    const w = t.forms[t.forms.length - 1];
    if (!FILLER.has(w) && !FILLER.has(t.forms[0])) signature.add(w);
  });
  return { signature, values, numbers, dates };
}

export function prepareExample(example: ExampleInfo, linked: Linked, catalog?: Catalog): PreparedExample {
  const prepared = { example, ...signatureOf(linked) };
  // A template's parameters are slots: the question fills them, so they count as the kind of value
  // they take (a value of the compared column, a number, a date), never as the default's words.
  for (const param of example.parameters) {
    const slot = slotOf(param, example.sql, catalog);
    if (slot) prepared.signature.add(slot);
  }
  return prepared;
}

/** The question of a template as the engine links it: `:name` markers and default values taken out. */
export function templateQuestion(example: ExampleInfo): string {
  let text = example.question;
  for (const param of example.parameters) {
    text = text.replace(new RegExp(`:${param.name}\\b`, 'g'), ' ');
    if (param.defaultValue) text = text.replace(new RegExp(escapeRe(param.defaultValue), 'gi'), ' ');
  }
  return text;
}

/** The signature slot a parameter fills: `#value:<column>` for text compared to a column, `#num`, `#date`. */
function slotOf(param: ExampleInfo['parameters'][number], sql: string, catalog?: Catalog): string | undefined {
  const hint = param.typeHint ?? '';
  if (NUMERIC_HINT.test(hint)) return '#num';
  if (DATE_HINT.test(hint)) return '#date';
  const compared = comparedColumn(sql, param.name);
  const name = compared?.split('.').pop()?.toLowerCase();
  if (!name || !catalog) return undefined;
  // The catalog column of that name, preferring a table the example's SQL reads.
  const lower = sql.toLowerCase();
  const columns = catalog.tables.flatMap((t) => t.columns).filter((c) => c.name.toLowerCase() === name);
  const column = columns.find((c) => lower.includes(c.table.identifier.toLowerCase())) ?? columns[0];
  return column ? `#value:${columnKey(column)}` : undefined;
}

/** The column a `:name` marker is compared with (`plan = :plan`, `t.city IN (:city)`), as table.column when qualified. */
function comparedColumn(sql: string, name: string): string | undefined {
  const m = new RegExp(`([\\w.\`]+)\\s*(?:=|<>|!=|\\bIN\\b|\\bLIKE\\b)\\s*\\(?\\s*:${name}\\b`, 'i').exec(sql);
  return m?.[1].replace(/`/g, '');
}

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Dice similarity of two token sets. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function rankExamples(question: Linked, prepared: PreparedExample[]): ExampleMatch[] {
  const sig = signatureOf(question).signature;
  return prepared.map((p) => ({ prepared: p, score: similarity(sig, p.signature) })).sort((a, b) => b.score - a.score);
}

const literal = (v: string): string => `'${v.replace(/'/g, "''")}'`;
const NUMERIC_HINT = /INT|LONG|SHORT|DOUBLE|FLOAT|DECIMAL|NUMBER|NUMERIC/i;
const DATE_HINT = /DATE|TIME/i;

/** The example's SQL adapted to the question; undefined when a parameter cannot be filled. */
export function adaptExample(match: ExampleMatch, question: Linked, catalog: Catalog): string | undefined {
  const { prepared } = match;
  const q = signatureOf(question);
  let sql = prepared.example.sql;

  // Parameters: fill from the question, else the default value.
  const numbers = [...q.numbers];
  const dates = [...q.dates];
  for (const param of prepared.example.parameters) {
    const marker = new RegExp(`:${param.name}\\b`, 'g');
    if (!marker.test(sql)) continue;
    let value: string | undefined;
    const hint = param.typeHint ?? '';
    if (NUMERIC_HINT.test(hint)) value = numbers.length > 0 ? String(numbers.shift()) : param.defaultValue;
    else if (DATE_HINT.test(hint))
      value =
        dates.length > 0
          ? literal(dates.shift() as string)
          : param.defaultValue !== undefined
            ? literal(param.defaultValue)
            : undefined;
    else {
      const compared = new RegExp(
        `([\\w.\`]+)\\s*(?:=|<>|!=|\\bIN\\b|\\bLIKE\\b)\\s*\\(?\\s*:${param.name}\\b`,
        'i',
      ).exec(sql);
      const colName = compared?.[1].replace(/`/g, '').split('.').pop()?.toLowerCase();
      const hit =
        q.values.find((v) => colName && v.column.toLowerCase().endsWith(`.${colName}`)) ??
        (colName ? undefined : q.values[0]);
      const quoted = question.items.find((i) => i.type === 'quoted');
      // A value the question does not give is not guessed from the default: the engine composes instead.
      const raw = hit?.value ?? (quoted && quoted.type === 'quoted' ? quoted.raw : undefined);
      value = raw !== undefined ? literal(raw) : undefined;
    }
    if (value === undefined) return undefined;
    sql = sql.replace(marker, value);
  }
  if (/(^|[^:\w]):[A-Za-z_]\w*/.test(sql.replace(/'[^']*'/g, "''"))) return undefined;

  // Literal swaps: a value of the same column the question names differently.
  for (const old of prepared.values) {
    const now = q.values.find((v) => v.column === old.column && !prepared.values.some((p) => p.value === v.value));
    if (now && now.value !== old.value) sql = sql.split(literal(old.value)).join(literal(now.value));
  }
  if (prepared.numbers.length === q.numbers.length) {
    prepared.numbers.forEach((n, k) => {
      if (n !== q.numbers[k]) sql = sql.replace(new RegExp(`(?<![\\w.'-])${n}(?![\\w.'-])`, 'g'), String(q.numbers[k]));
    });
  }
  if (prepared.dates.length === q.dates.length)
    prepared.dates.forEach((d, k) => {
      if (d !== q.dates[k]) sql = sql.split(d).join(q.dates[k]);
    });
  void catalog;
  return sql;
}
