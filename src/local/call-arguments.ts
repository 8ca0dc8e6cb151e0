/**
 * The arguments of a rewritten function call, split and classified, so the dialect
 * rewriter can fold constant calls and swap per-row JS calls for native SQLite.
 */
import { isSymbol, isTrivia, tokenize } from '../sql/tokenize.js';

export type Argument =
  | { kind: 'literal'; text: string; value: string | number | null }
  /** A column reference (`x`, `m.sent_at`, `` `t`.`c` ``): cheap to evaluate twice. */
  | { kind: 'column'; text: string }
  | { kind: 'other'; text: string };

/** Splits SQLite text (the inside of a call's parentheses) at top-level commas and classifies each part. */
export function splitArguments(inner: string): Argument[] {
  const tokens = tokenize(inner, 'sqlite');
  if (tokens.some((t) => t.unterminated)) return [];
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (const token of tokens) {
    if (isSymbol(token, '(')) depth++;
    else if (isSymbol(token, ')')) depth--;
    else if (depth === 0 && isSymbol(token, ',')) {
      parts.push(inner.slice(from, token.start));
      from = token.end;
    }
  }
  parts.push(inner.slice(from));
  if (parts.length === 1 && parts[0].trim() === '') return [];
  return parts.map(classify);
}

function classify(raw: string): Argument {
  const text = raw.trim();
  const tokens = tokenize(text, 'sqlite').filter((t) => !isTrivia(t));
  const [first, second] = tokens;
  if (tokens.length === 1 && first.type === 'string') return { kind: 'literal', text, value: first.value };
  if (tokens.length === 1 && first.type === 'number' && Number.isFinite(Number(first.text)))
    return { kind: 'literal', text, value: Number(first.text) };
  if (tokens.length === 2 && isSymbol(first, '-') && second.type === 'number' && Number.isFinite(Number(second.text))) {
    return { kind: 'literal', text, value: -Number(second.text) };
  }
  if (tokens.length === 1 && first.type === 'word' && first.value.toUpperCase() === 'NULL')
    return { kind: 'literal', text, value: null };
  const isName = (k: number) => tokens[k] !== undefined && (tokens[k].type === 'word' || tokens[k].type === 'quoted');
  if (tokens.length % 2 === 1 && tokens.every((t, k) => (k % 2 === 0 ? isName(k) : isSymbol(t, '.')))) {
    // A lone keyword (CASE, NOT, ...) would not get here with arguments; a lone word is a column.
    return { kind: 'column', text };
  }
  return { kind: 'other', text };
}
