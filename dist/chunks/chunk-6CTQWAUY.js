import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/sql/identifiers.ts
function splitIdentifier(identifier) {
  const parts = [];
  let pos = 0;
  const text = identifier.trim();
  while (pos <= text.length) {
    if (text[pos] === "`") {
      let part = "";
      pos++;
      for (; ; ) {
        if (pos >= text.length) return void 0;
        if (text[pos] === "`") {
          if (text[pos + 1] === "`") {
            part += "`";
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        part += text[pos];
        pos++;
      }
      if (part === "") return void 0;
      parts.push(part);
    } else {
      const match = /^[^\s.`]+/.exec(text.slice(pos));
      if (!match) return void 0;
      parts.push(match[0]);
      pos += match[0].length;
    }
    if (pos === text.length) return parts;
    if (text[pos] !== ".") return void 0;
    pos++;
  }
  return void 0;
}
function isThreePart(identifier) {
  return splitIdentifier(identifier)?.length === 3;
}
function normalizeIdentifier(identifier) {
  const parts = splitIdentifier(identifier);
  return (parts ? parts.join(".") : identifier.replace(/`/g, "").trim()).toLowerCase();
}
function lastPart(identifier) {
  const parts = splitIdentifier(identifier);
  return parts ? parts[parts.length - 1] : identifier;
}
function normalizeName(name) {
  return unquoteName(name).toLowerCase();
}
function unquoteName(name) {
  const trimmed = name.trim();
  return trimmed.length >= 2 && trimmed.startsWith("`") && trimmed.endsWith("`") ? trimmed.slice(1, -1).replace(/``/g, "`") : trimmed;
}
function stripLiteralsAndComments(sql) {
  return sql.replace(
    /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"/g,
    (match) => " ".repeat(match.length)
  );
}
var PART = "(?:`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)";
var THREE_PART = new RegExp(`(?<![\\w.\`])(${PART}\\s*\\.\\s*${PART}\\s*\\.\\s*${PART})(?![\\w\`])(?!\\s*\\()`, "g");
function findThreePartNames(sql) {
  const names = [];
  for (const match of stripLiteralsAndComments(sql).matchAll(THREE_PART)) {
    names.push(match[1].replace(/\s+/g, ""));
  }
  return names;
}

// src/sql/tokenize.ts
var TWO_CHAR_SYMBOLS = /* @__PURE__ */ new Set(["<=", ">=", "<>", "!=", "==", "||", "::", "<<", ">>", "->", "=>"]);
function isWordStart(ch) {
  return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) > 127;
}
function isWordPart(ch) {
  return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) > 127;
}
function tokenize(sql, flavour = "sqlite") {
  const tokens = [];
  let i = 0;
  const push = (type, end, value, unterminated) => {
    const text = sql.slice(i, end);
    const token = { type, text, start: i, end, value: value ?? text };
    if (unterminated) token.unterminated = true;
    tokens.push(token);
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1] ?? "";
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j])) j++;
      push("whitespace", j);
    } else if (ch === "-" && next === "-") {
      push("comment", lineCommentEnd(sql, i, flavour));
    } else if (ch === "/" && next === "*" && flavour === "spark" && sql[i + 2] === "+") {
      push("symbol", i + 3);
    } else if (ch === "/" && next === "*") {
      const { end, closed } = blockCommentEnd(sql, i, flavour === "spark");
      push("comment", end, void 0, !closed);
    } else if (flavour === "spark" && (ch === "r" || ch === "R") && (next === "'" || next === '"')) {
      const close = sql.indexOf(next, i + 2);
      const end = close < 0 ? sql.length : close + 1;
      push("string", end, sql.slice(i + 2, close < 0 ? sql.length : close), close < 0);
    } else if (ch === "'" || ch === '"' && flavour === "spark") {
      const { end, value, closed } = quotedEnd(sql, i, ch, flavour === "spark");
      push("string", end, value, !closed);
    } else if (ch === "`" || ch === '"') {
      const { end, value, closed } = quotedEnd(sql, i, ch, false);
      push("quoted", end, value, !closed);
    } else if (ch === "[" && flavour === "sqlite") {
      const close = sql.indexOf("]", i + 1);
      const end = close < 0 ? sql.length : close + 1;
      push("quoted", end, sql.slice(i + 1, close < 0 ? sql.length : close), close < 0);
    } else if (/[0-9]/.test(ch) || ch === "." && /[0-9]/.test(next)) {
      push("number", numberEnd(sql, i));
    } else if (isWordStart(ch)) {
      let j = i + 1;
      while (j < sql.length && isWordPart(sql[j])) j++;
      push("word", j);
    } else {
      push("symbol", TWO_CHAR_SYMBOLS.has(ch + next) ? i + 2 : i + 1);
    }
  }
  return tokens;
}
function lineCommentEnd(sql, start, flavour) {
  let j = start + 2;
  while (j < sql.length) {
    const c = sql[j];
    if (c === "\n") return j;
    if (flavour === "spark") {
      if (c === "\r") return j;
      if (c === "\\" && sql[j + 1] === "\n") {
        j += 2;
        continue;
      }
    }
    j++;
  }
  return sql.length;
}
function blockCommentEnd(sql, start, nested) {
  let depth = 1;
  let j = start + 2;
  while (j < sql.length) {
    if (sql.startsWith("*/", j)) {
      depth--;
      j += 2;
      if (depth === 0 || !nested) return { end: j, closed: true };
    } else if (nested && sql.startsWith("/*", j) && sql[j + 2] !== "+") {
      depth++;
      j += 2;
    } else {
      j++;
    }
  }
  return { end: sql.length, closed: false };
}
function quotedEnd(sql, start, quote, backslash) {
  let value = "";
  let j = start + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslash && c === "\\" && j + 1 < sql.length) {
      value += sql[j + 1];
      j += 2;
    } else if (c === quote) {
      if (sql[j + 1] === quote) {
        value += quote;
        j += 2;
      } else {
        return { end: j + 1, value, closed: true };
      }
    } else {
      value += c;
      j++;
    }
  }
  return { end: sql.length, value, closed: false };
}
function numberEnd(sql, start) {
  const hex = /^0[xX][0-9A-Fa-f]+/.exec(sql.slice(start, start + 64));
  if (hex) return start + hex[0].length;
  const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(start));
  return start + (match ? match[0].length : 1);
}
function isTrivia(token) {
  return token.type === "whitespace" || token.type === "comment";
}
function significant(tokens) {
  return tokens.filter((t) => !isTrivia(t));
}
function isWord(token, ...words) {
  if (!token || token.type !== "word") return false;
  const upper = token.value.toUpperCase();
  return words.length === 0 || words.includes(upper);
}
function isSymbol(token, symbol) {
  return token?.type === "symbol" && token.text === symbol;
}

export {
  splitIdentifier,
  isThreePart,
  normalizeIdentifier,
  lastPart,
  normalizeName,
  unquoteName,
  findThreePartNames,
  tokenize,
  isTrivia,
  significant,
  isWord,
  isSymbol
};
