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
import {
  ReadOnlyViolationError
} from "./chunk-IX2IGMNH.js";

// src/sql/deny-list.ts
var WRITE_KEYWORDS = /* @__PURE__ */ new Set([
  "INSERT",
  "UPDATE",
  "DELETE",
  "MERGE",
  "UPSERT",
  "DROP",
  "CREATE",
  "ALTER",
  "ATTACH",
  "DETACH",
  "PRAGMA",
  "VACUUM",
  "TRUNCATE",
  "GRANT",
  "REVOKE",
  "REINDEX",
  "REPLACE",
  "COPY",
  "OPTIMIZE",
  "RESTORE",
  "MSCK",
  "UNCACHE"
]);
var DENIED_FUNCTIONS = /* @__PURE__ */ new Set([
  "reflect",
  "java_method",
  "try_reflect",
  "secret",
  "try_secret",
  "list_secrets",
  "http_request",
  "remote_query",
  "vector_search",
  "load_extension",
  "readfile",
  "writefile",
  "edit",
  "fsdir",
  "zipfile",
  "sqlar_compress",
  "sqlar_uncompress",
  "fts3_tokenizer",
  "eval",
  "sha3_query"
]);
var DENIED_FUNCTION_PREFIXES = ["ai_", "read_"];
var FILE_FORMATS = /* @__PURE__ */ new Set([
  "parquet",
  "json",
  "csv",
  "text",
  "orc",
  "avro",
  "binaryfile",
  "delta",
  "xml",
  "jdbc",
  "libsvm",
  "image",
  "cloudfiles"
]);
function normaliseName(value) {
  return value.trim().toLowerCase();
}
function deniedFunction(name) {
  if (DENIED_FUNCTIONS.has(name)) return `the function ${name} is not allowed`;
  const prefix = DENIED_FUNCTION_PREFIXES.find((p) => name.startsWith(p));
  return prefix ? `the function ${name} is not allowed (no ${prefix}* function may run)` : void 0;
}

// src/sql/read-only-guard.ts
var QUERY_STARTS = /* @__PURE__ */ new Set(["SELECT", "WITH", "VALUES"]);
var READ_ONLY_HINT = "only a single SELECT (or WITH ... SELECT, or VALUES) query may run";
function checkReadOnly(sql, options = {}) {
  if (sql.includes("\0")) return refuse("the text contains a NUL character");
  if (sql.includes("${")) return refuse("'${' is not allowed (Spark substitutes ${...} variables before parsing)");
  for (const flavour of options.flavours ?? ["sqlite", "spark"]) {
    const result = checkFlavour(sql, flavour);
    if (!result.ok) return result;
  }
  return { ok: true };
}
function assertReadOnly(sql, options = {}) {
  const result = checkReadOnly(sql, options);
  if (!result.ok) throw new ReadOnlyViolationError(result.reason, READ_ONLY_HINT);
}
function refuse(reason) {
  return { ok: false, reason: `${reason}; ${READ_ONLY_HINT}` };
}
function checkFlavour(sql, flavour) {
  const all = tokenize(sql, flavour);
  const open = all.find((t) => t.unterminated);
  if (open) {
    const what = open.type === "comment" ? "comment" : open.type === "string" ? "string" : "quoted identifier";
    return refuse(`unterminated ${what} at offset ${open.start}`);
  }
  const hazard = lexicalHazard(sql, all, flavour);
  if (hazard) return refuse(hazard);
  const statements = splitStatements(significant(all));
  if (statements.length === 0) return refuse("the statement is empty");
  for (const tokens of statements) {
    const bad = forbiddenWord(tokens) ?? forbiddenCall(tokens) ?? forbiddenSource(tokens);
    if (bad) return refuse(bad);
  }
  if (statements.length > 1) return refuse(`found ${statements.length} statements separated by ';'`);
  return checkQueryShape(statements[0]);
}
function lexicalHazard(sql, tokens, flavour) {
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const code = token.type === "word" || token.type === "symbol" || token.type === "number";
    if (code && token.text.includes("$")) {
      return `'$' outside quotes is not allowed (offset ${token.start})`;
    }
    if (code && sql.slice(token.start, token.end + 2).includes("://")) {
      return `a URI outside quotes is not allowed (offset ${token.start}): Spark reads it as a path to files`;
    }
    const previous = tokens[k - 1];
    const adjacent = previous !== void 0 && previous.end === token.start;
    if (flavour === "spark" && token.type === "string" && adjacent && /^(word|number)$/.test(previous.type)) {
      if (/^[rR]/.test(token.text) || /[rR]$/.test(previous.text))
        return `ambiguous raw string at offset ${token.start}: put a space before it`;
    }
    if (flavour === "sqlite" && isSymbol(token, "(") && adjacent && previous.type === "word") {
      const sigil = tokens[k - 2];
      if (sigil?.type === "symbol" && /^[:@#]$/.test(sigil.text) && sigil.end === previous.start)
        return `'${sigil.text}${previous.text}(' is not allowed (offset ${sigil.start}): SQLite reads it as a variable`;
    }
  }
  return void 0;
}
function checkQueryShape(tokens) {
  let start = 0;
  while (isSymbol(tokens[start], "(") && start < tokens.length - 1) start++;
  const first = tokens[start];
  if (!isWord(first) || !QUERY_STARTS.has(first.value.toUpperCase())) {
    return refuse(`a statement starting with ${describe(first)} is not a query`);
  }
  if (isWord(first, "WITH")) {
    const main = mainStatementAfterWith(tokens.slice(start));
    if (!main) return refuse("the WITH clause is not followed by a query");
    if (!isWord(main, "SELECT", "VALUES") && !isSymbol(main, "(")) {
      return refuse(`WITH ... ${describe(main)} is not a query`);
    }
  }
  return { ok: true };
}
function describe(token) {
  return token.type === "word" ? token.value.toUpperCase() : `'${token.text}'`;
}
function forbiddenWord(tokens) {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== "word") continue;
    const upper = token.value.toUpperCase();
    const called = isSymbol(tokens[i + 1], "(");
    if (WRITE_KEYWORDS.has(upper) && !(upper === "REPLACE" && called)) return `${upper} is not allowed`;
    if (upper === "USING" && tokens[i + 1]?.type === "string") return "USING '<script>' is not allowed";
  }
  return void 0;
}
function forbiddenCall(tokens) {
  for (let i = 1; i < tokens.length; i++) {
    if (!isSymbol(tokens[i], "(")) continue;
    const callee = tokens[i - 1];
    if (callee.type !== "word" && callee.type !== "quoted" && callee.type !== "string") continue;
    const name = normaliseName(callee.value);
    if (name === "identifier") return "IDENTIFIER(...) is not allowed (it names a function or table from a string)";
    const denied = deniedFunction(name);
    if (denied) return denied;
  }
  return void 0;
}
function forbiddenSource(tokens) {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [format, dot, target] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (format.type !== "word" && format.type !== "quoted") continue;
    if (!FILE_FORMATS.has(normaliseName(format.value)) || !isSymbol(dot, ".")) continue;
    if ((target.type === "quoted" || target.type === "string") && /[/:\\]/.test(target.value))
      return `reading files directly (${format.value}.${target.text}) is not allowed`;
  }
  return void 0;
}
function splitStatements(tokens) {
  const statements = [];
  let current = [];
  for (const token of tokens) {
    if (isSymbol(token, ";")) {
      if (current.length > 0) statements.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) statements.push(current);
  return statements;
}
function mainStatementAfterWith(tokens) {
  let i = 1;
  if (isWord(tokens[i], "RECURSIVE")) i++;
  for (; ; ) {
    if (!tokens[i] || tokens[i].type !== "word" && tokens[i].type !== "quoted") return void 0;
    i++;
    if (isSymbol(tokens[i], "(")) i = skipParens(tokens, i);
    if (!isWord(tokens[i], "AS")) return void 0;
    i++;
    if (isWord(tokens[i], "NOT")) i++;
    if (isWord(tokens[i], "MATERIALIZED")) i++;
    if (!isSymbol(tokens[i], "(")) return void 0;
    i = skipParens(tokens, i);
    if (isSymbol(tokens[i], ",")) {
      i++;
      continue;
    }
    return tokens[i];
  }
}
function skipParens(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isSymbol(tokens[i], "(")) depth++;
    else if (isSymbol(tokens[i], ")")) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return tokens.length;
}

export {
  checkReadOnly,
  assertReadOnly
};
