import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  isSymbol,
  isWord,
  significant,
  tokenize
} from "./chunk-6CTQWAUY.js";

// src/sql/select-list.ts
var LIST_END = /* @__PURE__ */ new Set([
  "FROM",
  "WHERE",
  "GROUP",
  "HAVING",
  "ORDER",
  "LIMIT",
  "WINDOW",
  "UNION",
  "INTERSECT",
  "EXCEPT",
  "QUALIFY",
  "OFFSET"
]);
var NOT_ALIAS = /* @__PURE__ */ new Set(["END", "NULL", "TRUE", "FALSE", "DISTINCT", "ALL", "CURRENT_DATE", "CURRENT_TIMESTAMP"]);
var OPERATOR_WORDS = /* @__PURE__ */ new Set([
  "NOT",
  "AND",
  "OR",
  "IS",
  "IN",
  "LIKE",
  "ILIKE",
  "BETWEEN",
  "WHEN",
  "THEN",
  "ELSE",
  "CASE",
  "INTERVAL",
  "DISTINCT",
  "AS",
  "DIV",
  "ESCAPE",
  "COLLATE"
]);
function selectItems(sql, flavour = "sqlite") {
  const all = significant(tokenize(sql, flavour));
  let depth = 0;
  let start = -1;
  for (let i = 0; i < all.length; i++) {
    if (isSymbol(all[i], "(")) depth++;
    else if (isSymbol(all[i], ")")) depth--;
    else if (depth === 0 && isWord(all[i], "SELECT")) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) return [];
  while (isWord(all[start], "DISTINCT", "ALL")) start++;
  const items = [[]];
  depth = 0;
  for (let i = start; i < all.length; i++) {
    const token = all[i];
    if (depth === 0 && (isSymbol(token, ";") || token.type === "word" && LIST_END.has(token.value.toUpperCase())))
      break;
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")")) depth--;
    if (depth === 0 && isSymbol(token, ",")) items.push([]);
    else items[items.length - 1].push(token);
  }
  return items.filter((tokens) => tokens.length > 0).map((tokens) => toItem(sql, tokens));
}
function toItem(sql, tokens) {
  const last = tokens[tokens.length - 1];
  const before = tokens[tokens.length - 2];
  const span = (to) => sql.slice(tokens[0].start, tokens[to].end).trim();
  const isName = last.type === "quoted" || last.type === "word" && !NOT_ALIAS.has(last.value.toUpperCase());
  if (tokens.length >= 3 && isName && isWord(before, "AS")) return { text: span(tokens.length - 3), alias: last.value };
  const endsExpression = before && (before.type === "number" || before.type === "string" || isSymbol(before, ")") || before.type === "quoted" || before.type === "word" && !OPERATOR_WORDS.has(before.value.toUpperCase()));
  const intervalUnit = isWord(tokens[tokens.length - 3], "INTERVAL") || isWord(tokens[tokens.length - 4], "INTERVAL");
  if (tokens.length >= 2 && isName && endsExpression && !isSymbol(before, ".") && !intervalUnit) {
    return { text: span(tokens.length - 2), alias: last.value };
  }
  return { text: span(tokens.length - 1) };
}

export {
  selectItems
};
