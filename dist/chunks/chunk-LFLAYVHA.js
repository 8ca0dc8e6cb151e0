import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  lessonNotes,
  readLessons,
  recordFix,
  recordOutcome,
  summarizeFix,
  triedKeys,
  writeLessons
} from "./chunk-KFRJW6DD.js";
import {
  functionWords,
  isHangul,
  pastTense,
  singular,
  splitIdentifier,
  stripKoreanParticle,
  wordParts
} from "./chunk-I525QUES.js";
import {
  createAuthFromEnv
} from "./chunk-G2KRRSCE.js";
import {
  FixCompileError,
  FixSchema,
  compileFix,
  findJoinById,
  findRelationshipMarker,
  findTable,
  parseJoinCondition
} from "./chunk-XK4MYMYO.js";
import {
  require_fast_json_patch
} from "./chunk-EJQUJTOD.js";
import {
  quoteName,
  quoteTableIdentifier
} from "./chunk-YUT4RWDR.js";
import {
  DEFAULT_MAX_REPEATS,
  assessLook,
  compareWithRepeats,
  pairOutcomes
} from "./chunk-53C2HTLV.js";
import {
  assertValidConfig,
  configScorer,
  loadSpaceBenchmarks
} from "./chunk-US2RYU4E.js";
import {
  buildScorecard,
  firstAsks,
  formatP,
  intervalLevel,
  isInfrastructureFailure,
  signedPoints
} from "./chunk-QWGNB65Z.js";
import {
  hashBenchmarks,
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  collapseWhitespace,
  compareFixes,
  fixKey,
  fixTarget,
  invalidFixKey,
  isExclusive,
  lintQuality,
  normalizeSqlText
} from "./chunk-PXHFY66S.js";
import {
  loadSpace
} from "./chunk-EF4L5O5C.js";
import {
  canonicalSql,
  findTaught,
  pct,
  teaches
} from "./chunk-PFNWRXII.js";
import {
  columnName,
  isNode,
  parseSelect,
  render,
  tryExtractSqlShape
} from "./chunk-UNMHX7W3.js";
import {
  GENIE_LIMITS,
  checkInvariants,
  limitIssues,
  slotUsage,
  usageText
} from "./chunk-IHHUWFZN.js";
import {
  lastPart,
  normalizeIdentifier,
  normalizeName,
  significant,
  tokenize
} from "./chunk-6CTQWAUY.js";
import {
  parseRetryAfter,
  retryDelay,
  sleep
} from "./chunk-2YFC7YIM.js";
import {
  SpaceSchema,
  describeIssue,
  formatPath,
  hasEntityMatching,
  hasFormatAssistance,
  joinText,
  spacePaths,
  writeFileAtomic,
  writeSpaceFile
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  GenieGitopsError,
  ValidationError,
  formatIssue,
  messageOf
} from "./chunk-IX2IGMNH.js";
import {
  __toESM
} from "./chunk-C6B32G2J.js";

// src/fixes/rules/text.ts
function stemWord(word) {
  const lower = word.toLowerCase().replace(/'s$/, "").replace(/'$/, "");
  return isHangul(lower) ? stripKoreanParticle(lower) : pastTense(singular(lower));
}
function tokenizeQuestion(question) {
  const words = question.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  return words.map((raw, index) => ({ raw: raw.replace(/’/g, "'"), stem: stemWord(raw.replace(/’/g, "'")), index }));
}
function nameWords(name) {
  return splitIdentifier(name.replace(/`/g, "")).map(stemWord).filter((word) => word.length > 0);
}
function splitStems(text2) {
  return wordParts(text2).map(stemWord);
}
function textStems(text2) {
  return tokenizeQuestion(text2).map((token) => token.stem);
}
var FUNCTION_WORDS = new Set(functionWords().map(stemWord));
var KOREAN_PREDICATE = /(습니까|입니까|인가요|나요|세요|해줘|인가|는가|됩니까|합니까|니까|줘요|가요|였나|었나|했나)$/;
var KOREAN_FINAL = /(야|요|까|니|냐|줘|지|다|죠)$/;
function isPredicate(token, tokens) {
  return token.index === tokens.length - 1 && isHangul(token.stem) && KOREAN_FINAL.test(token.stem);
}
function isFunctionWord(stem) {
  return FUNCTION_WORDS.has(stem) || new RegExp("^\\p{N}+$", "u").test(stem) || /^\d+(st|nd|rd|th)$/.test(stem) || isHangul(stem) && KOREAN_PREDICATE.test(stem);
}
var AGGREGATE_CUES = new Set(
  [
    "number",
    "count",
    "total",
    "sum",
    "average",
    "avg",
    "mean",
    "max",
    "maximum",
    "min",
    "minimum",
    "\uD3C9\uADE0",
    "\uD569\uACC4",
    "\uCD1D",
    "\uC218",
    "\uCD5C\uB300",
    "\uCD5C\uC18C"
  ].map(stemWord)
);
function isAggregateCue(stem) {
  return AGGREGATE_CUES.has(stem);
}
function stemsMatch(a, b) {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}
function abbreviates(code, word) {
  const c = code.toLowerCase();
  const w = word.toLowerCase();
  if (c.length === 0 || c.length >= w.length || c[0] !== w[0]) return false;
  let at = 0;
  for (const ch of c) {
    at = w.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

// src/fixes/rules/align-hints.ts
function tieBreak(token, target, view) {
  let bonus = 0;
  const lower = token.raw.toLowerCase();
  const grouping = isGroupingMarked(token, view.tokens);
  const groupColumn = target.kind === "column" && target.column !== void 0 && view.expected.groupBy.includes(target.column.toLowerCase());
  if (grouping) bonus += groupColumn ? 0.5 + groupOrderBonus(token, target, view) : -0.2;
  const aggregates = view.expected.aggregates.filter((a) => a.column === target.column?.toLowerCase());
  if (target.kind === "column" && aggregates.length > 0)
    bonus += cueSide(
      token,
      view.tokens,
      aggregates.some((a) => a.distinct)
    );
  if (target.kind === "column" && /[\uac00-\ud7a3]의$/.test(token.raw)) bonus -= 0.1;
  if ((target.kind === "table" || target.kind === "column") && lower !== token.stem && /^[a-z]+$/.test(lower))
    bonus += 0.05;
  if (target.kind === "table" && target.table === view.tables[0]) bonus += 0.1;
  if (target.kind === "table" && followsValueOf(token, target.table, view)) bonus += 0.2;
  if (target.kind === "column" && besideOrderCue(token, view.tokens) && view.expected.orderBy.some((o) => o.expr.includes(target.column?.toLowerCase() ?? "\0")))
    bonus += 0.2;
  if ((target.kind === "table" || target.kind === "column") && /^[a-z]{3,}(ed|ing)$/.test(lower)) bonus -= 0.05;
  if (target.kind === "value" && token.index > 0 && new RegExp("^\\p{Lu}", "u").test(token.raw)) bonus += 0.05;
  return bonus - 1e-3 * token.index / Math.max(1, view.tokens.length);
}
function cueSide(token, tokens, distinct) {
  const cue = (t) => t !== void 0 && (isAggregateCue(t.stem) || distinct && DISTINCT_CUES.has(t.stem));
  const content = (t) => t !== void 0 && !isFunctionWord(t.stem);
  for (let back = 1; back <= 3; back++) {
    const before = tokens[token.index - back];
    if (cue(before)) return content(tokens[token.index + 1]) ? 0.2 : 0.3;
    if (!content(before)) break;
  }
  return cue(tokens[token.index + 1]) ? 0.15 : 0;
}
var DISTINCT_CUES = /* @__PURE__ */ new Set(["distinct", "unique", "different", "\uACE0\uC720", "\uC11C\uB85C"]);
function groupOrderBonus(token, target, view) {
  const marked = view.tokens.filter((t) => isGroupingMarked(t, view.tokens));
  const rank = marked.findIndex((t) => t.index === token.index);
  return rank >= 0 && view.expected.groupBy[rank] === target.column?.toLowerCase() ? 0.05 : 0;
}
function followsValueOf(token, table, view) {
  const before = view.tokens[token.index - 1];
  if (!before) return false;
  return view.filters.some(
    (f) => f.table === table && f.strings.some(
      (literal) => splitStems(literal).some((w) => stemsMatch(w, before.stem) || abbreviates(literal, before.raw))
    )
  );
}
var ORDER_CUES = new Set(
  [
    "most",
    "least",
    "highest",
    "lowest",
    "latest",
    "earliest",
    "newest",
    "oldest",
    "recent",
    "recently",
    "first",
    "last",
    "top",
    "bottom",
    "\uAC00\uC7A5",
    "\uCD5C\uADFC",
    "\uCD5C\uC2E0",
    "\uCC98\uC74C",
    "\uB9C8\uC9C0\uB9C9",
    "\uC0C1\uC704",
    "\uD558\uC704"
  ].map(stemWord)
);
function besideOrderCue(token, tokens) {
  return [tokens[token.index - 1], tokens[token.index + 1]].some((t) => t !== void 0 && ORDER_CUES.has(t.stem));
}
function isSuperlative(token, tokens) {
  const before = tokens[token.index - 1];
  const after = tokens[token.index + 1];
  return /^[a-z]{2,}est$/.test(token.stem) && before?.stem === "the" && after !== void 0 && !isFunctionWord(after.stem);
}
var GROUPING_WORDS = /* @__PURE__ */ new Set(["per", "by", "each", "every"]);
function isGroupingMarked(token, tokens) {
  if (/[\uac00-\ud7a3](별|마다|별로)$/.test(token.raw)) return true;
  const before = tokens[token.index - 1];
  return before !== void 0 && GROUPING_WORDS.has(before.stem);
}

// src/fixes/rules/config.ts
function pairKey(a, b) {
  return a <= b ? `${a}|${b}` : `${b}|${a}`;
}
function normalizeSnippetSql(sql) {
  return collapseWhitespace(sql.toLowerCase().replace(/`/g, "")).replace(/\s*([(),=<>+*/-])\s*/g, "$1");
}
function buildConfigIndex(space, schema) {
  const tables = /* @__PURE__ */ new Map();
  const explained = /* @__PURE__ */ new Set();
  const spaceTables = [...space.data_sources?.tables ?? [], ...space.data_sources?.metric_views ?? []];
  const spaceByKey = new Map(spaceTables.map((table) => [normalizeIdentifier(table.identifier), table]));
  for (const wt of schema.tables) {
    const key = normalizeIdentifier(wt.identifier);
    const st = spaceByKey.get(key);
    const configs = new Map((st?.column_configs ?? []).map((config) => [normalizeName(config.column_name), config]));
    const columns = wt.columns.map((wc) => {
      const config = configs.get(normalizeName(wc.name));
      return {
        table: key,
        name: wc.name,
        type: wc.type,
        config,
        words: nameWords(wc.name),
        synonymWords: (config?.synonyms ?? []).map(textStems),
        entityMatching: config ? hasEntityMatching(config) : false,
        formatAssistance: config ? hasFormatAssistance(config) : false
      };
    });
    tables.set(key, {
      key,
      identifier: st?.identifier ?? wt.identifier,
      inSpace: st !== void 0,
      description: joinText(st?.description),
      words: nameWords(lastPart(wt.identifier)),
      descriptionWords: contentStems(joinText(st?.description)),
      columns
    });
  }
  for (const table of tables.values()) {
    if (!table.inSpace) continue;
    table.words.forEach((w) => explained.add(w));
    table.descriptionWords.forEach((w) => explained.add(w));
    for (const column of table.columns) {
      if (column.config?.exclude === true) continue;
      column.words.forEach((w) => explained.add(w));
      column.synonymWords.flat().forEach((w) => explained.add(w));
      contentStems(joinText(column.config?.description)).forEach((w) => explained.add(w));
    }
  }
  const snippetSql = /* @__PURE__ */ new Set();
  const snippets = space.instructions?.sql_snippets;
  for (const list of [snippets?.measures, snippets?.filters, snippets?.expressions]) {
    for (const snippet of list ?? []) {
      snippetSql.add(normalizeSnippetSql(joinText(snippet.sql)));
      textStems(snippet.display_name ?? "").forEach((w) => explained.add(w));
      (snippet.synonyms ?? []).flatMap(textStems).forEach((w) => explained.add(w));
    }
  }
  const joinedPairs = /* @__PURE__ */ new Set();
  for (const spec of space.instructions?.join_specs ?? []) {
    const condition = parseJoinCondition(spec);
    const left = normalizeIdentifier(spec.left.identifier);
    const right = normalizeIdentifier(spec.right.identifier);
    joinedPairs.add(pairKey(left, right));
    if (condition)
      joinedPairs.add(pairKey(condition.left.replace(/\.[^.]+$/, ""), condition.right.replace(/\.[^.]+$/, "")));
  }
  const exampleSql = new Set(
    (space.instructions?.example_question_sqls ?? []).map((ex) => normalizeSnippetSql(joinText(ex.sql)))
  );
  return { tables, joinedPairs, snippetSql, explained, exampleSql };
}
function contentStems(text2) {
  return textStems(text2).filter((w) => !isFunctionWord(w));
}
function isExplained(index, stem) {
  if (index.explained.has(stem)) return true;
  for (const word of index.explained) if (stemsMatch(word, stem)) return true;
  return false;
}
function existingSynonyms(column) {
  return (column.config?.synonyms ?? []).map((s) => s.trim().toLowerCase());
}
function namedKeyColumn(info) {
  const tableWords = info.words.join("");
  return info.columns.find((c) => {
    const words = c.words;
    if (words.length === 1 && words[0] === "id") return true;
    const last = words[words.length - 1];
    const head = words.slice(0, -1).join("");
    return last === "id" && head !== "" && (head === tableWords || tableWords.startsWith(head) || head.startsWith(tableWords));
  })?.name;
}
function referencedTable(index, table, column) {
  for (const info of [...index.tables.values()].sort((a, b) => a.key < b.key ? -1 : 1)) {
    if (info.key === table || !info.inSpace) continue;
    if (namedKeyColumn(info)?.toLowerCase() === column.toLowerCase()) return info.key;
  }
  return void 0;
}

// src/fixes/rules/evidence.ts
var STRING_LITERAL = /'((?:[^']|'')*)'/g;
var TEMPORAL = /\b(date|timestamp|now|date_sub|date_add|date_trunc|datediff|add_months|months_between|year|month|day|dayofweek|weekofyear|to_date|to_timestamp|date_format|trunc)\s*\(|\b(current_date|current_timestamp|interval)\b|'\d{4}-\d{2}-\d{2}/i;
var DATE_TYPES = /^(date|timestamp)/i;
function resolveExpectedTables(index, expected) {
  const aliases = /* @__PURE__ */ new Map();
  const tables = [];
  for (const ref of expected.tables) {
    const key = resolveTable(index, ref.identifier);
    if (!key) continue;
    if (!tables.includes(key)) tables.push(key);
    aliases.set(ref.name, key);
    if (ref.alias) aliases.set(ref.alias, key);
  }
  return { index, expected, tables, aliases };
}
function resolveColumn(names, table, column) {
  const { index, aliases } = names;
  const key = table ? aliases.get(table) ?? resolveTable(index, table) : null;
  if (key && tableHasColumn(index, key, column)) return { table: key, column: columnSpelling(index, key, column) };
  const owner = ownerOf(names.expected, column, aliases) ?? names.tables.find((t) => tableHasColumn(index, t, column));
  return owner ? { table: owner, column: columnSpelling(index, owner, column) } : null;
}
function resolveJoins(names) {
  const joins = [];
  for (const pair of names.expected.joins) {
    const left = resolveColumn(names, pair.left.table, pair.left.column);
    const right = resolveColumn(names, pair.right.table, pair.right.column);
    if (left && right && left.table !== right.table) joins.push({ left, right });
  }
  return joins;
}
function resolveFilter(names, predicate, genie) {
  if (predicate.column === null || predicate.value === "(subquery)") return null;
  const column = resolveColumn(names, null, predicate.column);
  if (!column) return null;
  const strings = [...predicate.value.matchAll(STRING_LITERAL)].map((m) => m[1].replace(/''/g, "'").replace(/^%+|%+$/g, "")).filter((s) => s !== "");
  const type = columnType(names.index, column);
  const temporal = TEMPORAL.test(predicate.value) || TEMPORAL.test(predicate.expr) || DATE_TYPES.test(type);
  const numeric = /^-?\d+(\.\d+)?$|^(true|false)$/i.test(predicate.value.trim());
  const same = (genie?.filters ?? []).filter((g) => g.column === predicate.column);
  return {
    ...column,
    predicate,
    strings: temporal ? [] : strings,
    numeric,
    temporal,
    matched: same.some(
      (g) => g.op === predicate.op && normalizeValue(g.value) === normalizeValue(predicate.value) && g.expr === predicate.expr
    ),
    genieFiltersColumn: same.length > 0
  };
}
function namedColumnsOf(names, joins, filters, question) {
  const { expected } = names;
  const joinKeys = new Set(
    joins.flatMap((j) => [`${j.left.table}.${j.left.column}`, `${j.right.table}.${j.right.column}`])
  );
  const namedText = [
    ...expected.select,
    ...expected.groupBy,
    ...expected.orderBy.map((o) => o.expr),
    ...expected.aggregates.map((a) => a.arg)
  ];
  const numberFilterColumns = new Set(
    filters.filter((f) => f.numeric && numberInQuestion(f.predicate.value, question)).map((f) => f.column.toLowerCase())
  );
  const namedColumns = [];
  for (const ref of expected.columns) {
    const column = resolveColumn(names, ref.table, ref.column);
    if (!column || namedColumns.some((c) => c.table === column.table && c.column === column.column)) continue;
    const lower = column.column.toLowerCase();
    const inOutput = namedText.some((t) => new RegExp(`(^|[^\\w])${escapeRegExp(lower)}([^\\w]|$)`).test(t));
    if (!inOutput && !numberFilterColumns.has(lower)) continue;
    if (joinKeys.has(`${column.table}.${column.column}`)) continue;
    namedColumns.push(column);
  }
  return namedColumns;
}
function buildFailureView(failure, index) {
  const expected = tryExtractSqlShape(failure.expectedSql);
  if (!expected) return null;
  const genie = failure.genieSql ? tryExtractSqlShape(failure.genieSql) : null;
  const names = resolveExpectedTables(index, expected);
  const genieTables = new Set(
    (genie?.tables ?? []).map((ref) => resolveTable(index, ref.identifier)).filter((t) => t !== null)
  );
  const joins = resolveJoins(names);
  const filters = expected.filters.map((predicate) => resolveFilter(names, predicate, genie)).filter((f) => f !== null);
  const namedColumns = namedColumnsOf(names, joins, filters, failure.question);
  const genieColumns = new Set((genie?.columns ?? []).map((c) => c.column.toLowerCase()));
  return {
    failure,
    tokens: tokenizeQuestion(failure.question),
    expected,
    genie,
    tables: names.tables,
    missingTables: names.tables.filter((table) => !genieTables.has(table)),
    namedColumns,
    missingColumns: namedColumns.filter((c) => !genieColumns.has(c.column.toLowerCase())),
    joins,
    filters,
    aliases: names.aliases
  };
}
function resolveTable(index, name) {
  const key = normalizeIdentifier(name);
  if (index.tables.has(key)) return key;
  const short = lastPart(name).toLowerCase();
  const matches = [...index.tables.values()].filter((t) => lastPart(t.key) === short);
  const inSpace = matches.filter((t) => t.inSpace);
  const pick = (inSpace.length > 0 ? inSpace : matches).map((t) => t.key).sort()[0];
  return pick ?? null;
}
function tableHasColumn(index, table, column) {
  return index.tables.get(table)?.columns.some((c) => c.name.toLowerCase() === column.toLowerCase()) ?? false;
}
function columnSpelling(index, table, column) {
  return index.tables.get(table)?.columns.find((c) => c.name.toLowerCase() === column.toLowerCase())?.name ?? column;
}
function columnType(index, column) {
  return index.tables.get(column.table)?.columns.find((c) => c.name === column.column)?.type ?? "";
}
function ownerOf(shape, column, aliases) {
  const owners = new Set(
    shape.columns.filter((c) => c.column === column.toLowerCase() && c.table).map((c) => aliases.get(c.table ?? "") ?? "")
  );
  owners.delete("");
  return owners.size === 1 ? [...owners][0] : null;
}
function normalizeValue(value) {
  return value.replace(/'(?:[^']|'')*'|[^']+/g, (part) => part.startsWith("'") ? part : part.toLowerCase().replace(/\s+/g, " ")).trim();
}
function numberInQuestion(value, question) {
  const number = value.trim().replace(/^'|'$/g, "");
  return /^-?\d+(\.\d+)?$/.test(number) && new RegExp(`(^|[^\\d.])${escapeRegExp(number)}([^\\d]|$)`).test(question);
}
function literalInQuestion(literal, tokens, question) {
  const lower = literal.toLowerCase();
  if (isHangul(lower) ? question.includes(literal) : new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(lower)}($|[^\\p{L}\\p{N}])`, "u").test(question.toLowerCase())) {
    return true;
  }
  const words = splitStems(literal);
  return words.length > 0 && words.every((w) => tokens.some((t) => stemsMatch(t.stem, w)));
}
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/fixes/rules/targets.ts
var GENERIC = /* @__PURE__ */ new Set([
  "id",
  "at",
  "is",
  "has",
  "num",
  "nb",
  "no",
  "flag",
  "cd",
  "dt",
  "ts",
  "code",
  "key",
  "value",
  "name"
]);
function distinctiveWords(words) {
  return words.filter((w) => !GENERIC.has(w) && !isFunctionWord(w));
}
function namingLevel(tokens, words, synonymWords = []) {
  const distinct = distinctiveWords(words);
  if (distinct.some((w) => tokens.some((t) => t.stem === w) || namedByPair(w, tokens))) return "exact";
  if (synonymWords.some((syn) => syn.length > 0 && syn.every((w) => tokens.some((t) => stemsMatch(t.stem, w)))))
    return "exact";
  return distinct.some((w) => tokens.some((t) => stemsMatch(t.stem, w))) ? "partial" : "none";
}
function namedByPair(word, tokens) {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i].stem, tokens[i + 1].stem];
    if (b.length < 2 || word.length <= b.length || !word.endsWith(b)) continue;
    if (a.startsWith(word.slice(0, word.length - b.length))) return true;
  }
  return false;
}
function computedOutputTokens(view) {
  const found = /* @__PURE__ */ new Set();
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
function unexplainedTokens(view, index, storedValues = /* @__PURE__ */ new Set()) {
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
function tableSynonyms(info) {
  return [...info.columns.flatMap((c) => c.synonymWords), ...info.descriptionWords.map((w) => [w])];
}
function targetsOf(view, index) {
  const targets = [];
  const tables = view.genie ? view.missingTables : view.tables;
  for (const table of tables) {
    const info = index.tables.get(table);
    if (!info?.inSpace) continue;
    if (namingLevel(view.tokens, info.words, tableSynonyms(info)) === "exact" || distinctiveWords(info.words).length === 0)
      continue;
    targets.push({ kind: "table", key: `table:${table}`, table, words: info.words });
  }
  const columns = view.genie ? view.missingColumns : view.namedColumns;
  for (const column of columns) {
    const info = index.tables.get(column.table);
    const col = info?.columns.find((c) => c.name === column.column);
    if (!info?.inSpace || !col || col.config?.exclude === true) continue;
    if (namingLevel(view.tokens, col.words, col.synonymWords) === "exact" || distinctiveWords(col.words).length === 0)
      continue;
    const referenced = referencedTable(index, column.table, column.column);
    if (referenced) {
      const entity = index.tables.get(referenced);
      if (entity && namingLevel(view.tokens, entity.words, tableSynonyms(entity)) !== "exact") {
        targets.push({ kind: "table", key: `table:${referenced}`, table: referenced, words: entity.words });
      }
      continue;
    }
    targets.push({
      kind: "column",
      key: columnKey("column", column),
      table: column.table,
      column: column.column,
      words: col.words,
      temporal: /^(date|timestamp)/i.test(col.type)
    });
  }
  for (const filter of view.filters) {
    if (filter.matched || !index.tables.get(filter.table)?.inSpace) continue;
    const words = index.tables.get(filter.table)?.columns.find((c) => c.name === filter.column)?.words ?? [];
    const filterTarget = {
      kind: "filter",
      key: columnKey("filter", filter),
      table: filter.table,
      column: filter.column,
      words
    };
    const unstated = filter.strings.filter(
      (literal) => !literalInQuestion(literal, view.tokens, view.failure.question)
    );
    if (filter.strings.length > 1 && unstated.length === filter.strings.length && /IN$/.test(filter.predicate.op)) {
      targets.push(filterTarget);
    } else if (filter.strings.length > 0) {
      for (const literal of filter.strings) {
        if (literalInQuestion(literal, view.tokens, view.failure.question)) continue;
        targets.push({
          kind: "value",
          key: `${columnKey("value", filter)}=${literal}`,
          table: filter.table,
          column: filter.column,
          literal,
          words
        });
      }
    } else if (filter.numeric && !filter.temporal && !numberInQuestion(filter.predicate.value, view.failure.question)) {
      targets.push(filterTarget);
    }
  }
  return dedupeTargets(targets);
}
function columnKey(kind, column) {
  return `${kind}:${column.table}.${column.column.toLowerCase()}`;
}
function dedupeTargets(targets) {
  const seen = /* @__PURE__ */ new Set();
  return targets.filter((t) => seen.has(t.key) ? false : (seen.add(t.key), true));
}
function synonymText(token) {
  return isHangul(token.stem) ? token.stem : token.raw.toLowerCase().replace(/'s$/, "");
}

// src/fixes/rules/align.ts
function trigramSimilarity(a, b) {
  const grams = (s) => {
    const padded = `  ${s} `;
    const out = [];
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  const pool = /* @__PURE__ */ new Map();
  gb.forEach((g) => pool.set(g, (pool.get(g) ?? 0) + 1));
  let shared = 0;
  for (const g of ga) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return ga.length + gb.length === 0 ? 0 : 2 * shared / (ga.length + gb.length);
}
function lexicalScore(token, target) {
  if (target.kind === "value" && target.literal !== void 0) {
    if (abbreviates(target.literal, token.raw)) return 0.9;
    const sim = trigramSimilarity(token.stem, target.literal.toLowerCase());
    return sim >= 0.34 ? sim : 0;
  }
  let best = 0;
  for (const word of distinctiveWords(target.words)) {
    if (stemsMatch(token.stem, word)) return 1;
    best = Math.max(best, trigramSimilarity(token.stem, word));
  }
  return best >= 0.34 ? best : 0;
}
function cooccurrence(inputs) {
  const pair = /* @__PURE__ */ new Map();
  const word = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    const stems = new Set(input.tokens.map((t) => t.stem));
    const keys = new Set(input.targets.map((t) => t.key));
    stems.forEach((s) => word.set(s, (word.get(s) ?? 0) + 1));
    for (const s of stems) for (const k of keys) pair.set(`${s}\0${k}`, (pair.get(`${s}\0${k}`) ?? 0) + 1);
  }
  return (stem, key) => ((pair.get(`${stem}\0${key}`) ?? 0) + 1) / ((word.get(stem) ?? 0) + 2);
}
function alignAll(inputs) {
  const cooc = cooccurrence(inputs);
  return inputs.map((input) => {
    const candidates = [];
    const pool = new Map(input.tokens.map((t) => [t.index, t]));
    for (const target of input.targets) {
      const named = input.view.tokens.filter(
        (t) => !pool.has(t.index) && !isFunctionWord(t.stem) && matchesWords(t, target.words, target.kind !== "filter")
      );
      const tokens = target.kind === "value" ? [...pool.values(), ...input.valueTokens ?? []] : [...pool.values(), ...named];
      for (const token of tokens) {
        const lexical = lexicalScore(token, target);
        if (target.kind === "table" && lexical === 0 && isSuperlative(token, input.view.tokens)) continue;
        if (target.temporal && lexical === 0 && !besideOrderCue(token, input.view.tokens)) continue;
        const score = lexical * 10 + cooc(token.stem, target.key) + tieBreak(token, target, input.view);
        candidates.push({ target, token, lexical, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score || cmp(a.target.key, b.target.key) || a.token.index - b.token.index);
    const usedTokens = /* @__PURE__ */ new Set();
    const usedTargets = /* @__PURE__ */ new Set();
    const out = [];
    for (const c of candidates) {
      if (usedTokens.has(c.token.index) || usedTargets.has(c.target.key)) continue;
      usedTokens.add(c.token.index);
      usedTargets.add(c.target.key);
      out.push({ target: c.target, token: c.token, confidence: c.lexical > 0 ? "lexical" : "fallback" });
    }
    return out.sort((a, b) => a.token.index - b.token.index);
  });
}
function matchesWords(token, words, partialOnly) {
  return distinctiveWords(words).some((w) => stemsMatch(token.stem, w) && !(partialOnly && token.stem === w));
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/fixes/rules/proposal.ts
var PRIORITY = {
  addJoin: 100,
  fixJoin: 95,
  inferredJoin: 90,
  valueDictionary: 80,
  lexicalSynonym: 75,
  tableDescription: 70,
  valueDescription: 65,
  measure: 60,
  filter: 55,
  fallbackSynonym: 50,
  exampleValues: 40,
  categoryDictionary: 35,
  exampleQuery: 10
};
function spaceIdentifier(index, table) {
  return index.tables.get(table)?.identifier ?? table;
}
function shortName(table) {
  return table.split(".").pop() ?? table;
}

// src/fixes/rules/examples.ts
var COMPLEX_SQL = /\b(with|over|having|case|union|intersect|except|exists)\b/i;
function isComplexSql(failure, view) {
  if (!view) return true;
  const selects = failure.expectedSql.match(/\bselect\b/gi)?.length ?? 0;
  return COMPLEX_SQL.test(failure.expectedSql) || selects > 1 || view.joins.length >= 2 || view.tables.length >= 3;
}
function proposeExamples(space, index, failures) {
  const questions = new Set(
    (space.instructions?.example_question_sqls ?? []).map(
      (ex) => collapseWhitespace(joinText(ex.question)).toLowerCase()
    )
  );
  const proposals = [];
  for (const { failure, view } of failures) {
    const complex = isComplexSql(failure, view);
    if (index.exampleSql.has(normalizeSnippetSql(failure.expectedSql))) continue;
    if (questions.has(collapseWhitespace(failure.question).toLowerCase())) continue;
    proposals.push({
      // Complex questions first: they are the ones names and joins cannot fix.
      priority: PRIORITY.exampleQuery + (complex ? 1 : 0),
      fix: {
        type: "add_example_query",
        question: collapseWhitespace(failure.question),
        sql: failure.expectedSql.trim().replace(/;\s*$/, ""),
        rationale: complex ? "The expected SQL is complex (nested queries, several joins or window/CASE logic); an example pair shows Genie the pattern." : "No name, join, value or snippet fix is left to try for this failure; an example pair shows Genie the expected query.",
        targets: [failure.id]
      }
    });
  }
  return proposals;
}

// src/fixes/rules/instructions.ts
function instructionsById(space) {
  const byId = /* @__PURE__ */ new Map();
  const snippets = space.instructions?.sql_snippets;
  const lists = [
    ["measure", snippets?.measures],
    ["filter", snippets?.filters],
    ["expression", snippets?.expressions]
  ];
  for (const [kind, list] of lists) {
    for (const item of list ?? [])
      byId.set(item.id, { kind, name: item.display_name ?? item.id, sql: joinText(item.sql) });
  }
  return byId;
}
function bare(sql) {
  return normalizeSnippetSql(sql).replace(/\b[\p{L}_][\p{L}\p{N}_]*\./gu, "");
}
function misleadingInstructionNotes(space, failures) {
  const byId = instructionsById(space);
  const notes = [];
  for (const failure of failures) {
    const expected = bare(failure.expectedSql);
    for (const id of failure.instructionsUsed ?? []) {
      const used = byId.get(id);
      if (!used || expected.includes(bare(used.sql))) continue;
      notes.push(
        `${failure.id}: Genie used the ${used.kind} "${used.name}" (${used.sql.trim()}), which the expected SQL does not compute; it may match too broadly`
      );
    }
  }
  return notes;
}

// src/fixes/rules/warehouse.ts
function createWarehouseProbe(warehouse, signal) {
  const cache = /* @__PURE__ */ new Map();
  let queries = 0;
  const cached = (key, run) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = run();
      cache.set(key, hit);
    }
    return hit;
  };
  const execute = async (sql) => {
    if (sql === void 0) return void 0;
    queries++;
    try {
      return (await warehouse.execute(sql, { rowLimit: 1e3, signal })).rows;
    } catch {
      return void 0;
    }
  };
  return {
    get queries() {
      return queries;
    },
    isUnique(table, column) {
      return cached(`unique ${table}.${column}`, async () => {
        const col = quoteName(column);
        const from = quoteTableIdentifier(table);
        const rows = await execute(from && `SELECT COUNT(${col}) AS n, COUNT(DISTINCT ${col}) AS d FROM ${from}`);
        const row = rows?.[0];
        if (!row) return void 0;
        return Number(row[0]) === Number(row[1]);
      });
    },
    containment(child, childColumn, parent, parentColumn) {
      return cached(`contained ${child}.${childColumn} ${parent}.${parentColumn}`, async () => {
        const c = quoteName(childColumn);
        const p = quoteName(parentColumn);
        const rows = await execute(
          `SELECT COUNT(*) AS n, SUM(CASE WHEN v IN (SELECT ${p} FROM ${quoteTableIdentifier(parent)}) THEN 1 ELSE 0 END) AS hit FROM (SELECT DISTINCT ${c} AS v FROM ${quoteTableIdentifier(child)} WHERE ${c} IS NOT NULL) AS d`
        );
        const row = rows?.[0];
        const n = Number(row?.[0]);
        if (!row || !Number.isFinite(n) || n === 0) return void 0;
        return Number(row[1]) / n;
      });
    },
    distinctValues(table, column, limit) {
      return cached(`values ${table}.${column} ${limit}`, async () => {
        const col = quoteName(column);
        const from = quoteTableIdentifier(table);
        const rows = await execute(
          from && `SELECT DISTINCT ${col} AS v FROM ${from} WHERE ${col} IS NOT NULL ORDER BY ${col} LIMIT ${limit + 1}`
        );
        if (!rows || rows.length > limit) return void 0;
        return rows.map((row) => String(row[0]));
      });
    }
  };
}
function relationshipFrom(leftUnique, rightUnique) {
  if (leftUnique && rightUnique) return "ONE_TO_ONE";
  if (rightUnique) return "MANY_TO_ONE";
  if (leftUnique) return "ONE_TO_MANY";
  return "MANY_TO_MANY";
}

// src/fixes/rules/joins.ts
async function proposeJoins(context) {
  const { index, views, probe, notes } = context;
  const candidates = /* @__PURE__ */ new Map();
  const specChecks = /* @__PURE__ */ new Map();
  for (const view of views) {
    for (const join2 of view.joins) {
      const leftTable = index.tables.get(join2.left.table);
      const rightTable = index.tables.get(join2.right.table);
      if (!leftTable?.inSpace || !rightTable?.inSpace) {
        const missing = [join2.left.table, join2.right.table].filter((t) => !index.tables.get(t)?.inSpace);
        notes.push(
          `${view.failure.id}: the expected SQL joins ${missing.join(", ")}, which the space does not include; no fix type adds a table`
        );
        continue;
      }
      const pair = pairKey(join2.left.table, join2.right.table);
      if (index.joinedPairs.has(pair)) {
        const list = specChecks.get(pair) ?? [];
        specChecks.set(pair, [...list, view.failure.id]);
        continue;
      }
      const [a, b] = [join2.left, join2.right].sort((x, y) => cmp2(`${x.table}.${x.column}`, `${y.table}.${y.column}`));
      const key = `${a.table}.${a.column.toLowerCase()}=${b.table}.${b.column.toLowerCase()}`;
      const candidate = candidates.get(key) ?? { left: a, right: b, targets: [] };
      if (!candidate.targets.includes(view.failure.id)) candidate.targets.push(view.failure.id);
      candidates.set(key, candidate);
    }
  }
  const proposals = [];
  for (const candidate of candidates.values()) {
    const leftUnique = await probe.isUnique(candidate.left.table, candidate.left.column);
    const rightUnique = await probe.isUnique(candidate.right.table, candidate.right.column);
    let { left, right } = candidate;
    let relationship = relationshipFrom(leftUnique === true, rightUnique === true);
    if (relationship === "ONE_TO_MANY") {
      [left, right] = [right, left];
      relationship = "MANY_TO_ONE";
    }
    const known = leftUnique !== void 0 && rightUnique !== void 0;
    proposals.push({
      priority: PRIORITY.addJoin,
      fix: {
        type: "add_join",
        left: { table: spaceIdentifier(index, left.table), column: left.column },
        right: { table: spaceIdentifier(index, right.table), column: right.column },
        relationship,
        rationale: `The expected SQL joins ${left.table.split(".").pop()}.${left.column} = ${right.table.split(".").pop()}.${right.column} and the space has no join spec for these tables${known ? ` (${relationship.toLowerCase().replace(/_/g, "-")} by column uniqueness in the warehouse)` : ""}.`,
        targets: candidate.targets
      }
    });
  }
  for (const [pair, targets] of specChecks) proposals.push(...await checkSpecs(context, pair, targets));
  return proposals;
}
async function checkSpecs(context, pair, targets) {
  const out = [];
  for (const spec of context.space.instructions?.join_specs ?? []) {
    if (pairKey(normalizeIdentifier(spec.left.identifier), normalizeIdentifier(spec.right.identifier)) !== pair)
      continue;
    const sides = specSides(spec);
    if (!sides) continue;
    const leftUnique = await context.probe.isUnique(sides.left.table, sides.left.column);
    const rightUnique = await context.probe.isUnique(sides.right.table, sides.right.column);
    if (leftUnique === void 0 || rightUnique === void 0) continue;
    const actual = relationshipFrom(leftUnique, rightUnique);
    const marker = findRelationshipMarker(spec)?.relationship;
    if (marker === actual) continue;
    out.push({
      priority: PRIORITY.fixJoin,
      fix: {
        type: "fix_join",
        joinId: spec.id,
        relationship: actual,
        rationale: `Join spec ${spec.id} says ${marker ?? "no relationship"} but the warehouse data is ${actual} (column uniqueness); the failing questions join these tables.`,
        targets: [...new Set(targets)]
      }
    });
  }
  return out;
}
function specSides(spec) {
  const condition = parseJoinCondition(spec);
  if (!condition) return void 0;
  const split = (qualified) => {
    const at = qualified.lastIndexOf(".");
    return { table: qualified.slice(0, at), column: qualified.slice(at + 1) };
  };
  const a = split(condition.left);
  const b = split(condition.right);
  const leftId = normalizeIdentifier(spec.left.identifier);
  if (a.table === leftId || b.table !== leftId) return { left: a, right: b };
  return { left: b, right: a };
}
function cmp2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/fixes/rules/join-inference.ts
var KEY_WORDS = /* @__PURE__ */ new Set(["id", "uid", "code", "key", "no", "num", "number", "pk", "ref"]);
var GENERIC2 = /* @__PURE__ */ new Set([
  "id",
  "uid",
  "name",
  "code",
  "type",
  "key",
  "no",
  "num",
  "number",
  "title",
  "description",
  "year",
  "date",
  "time",
  "age",
  "status",
  "created_at",
  "updated_at"
]);
var MEASURE_WORDS = /* @__PURE__ */ new Set(["count", "total", "sum", "avg", "average", "min", "max", "amount", "qty", "quantity"]);
var MIN_CONTAINMENT = 0.8;
var isNumeric = (type) => /INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL|LONG|SHORT|NUMBER/i.test(type);
var sameKind = (a, b) => isNumeric(a.type) === isNumeric(b.type);
function nameEvidence(a, parent, b) {
  const aName = a.name.toLowerCase();
  if (aName === b.name.toLowerCase()) return GENERIC2.has(aName) ? 0 : 2;
  const aWords = nameWords(a.name);
  const aParts = a.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const tableWords = parent.words.filter((w) => !KEY_WORDS.has(w));
  if (tableWords.length === 0 || !tableWords.every((w) => aParts.includes(w))) return 0;
  if (aParts.some((p) => MEASURE_WORDS.has(p))) return 0;
  const bWords = nameWords(b.name);
  return bWords.every((w) => KEY_WORDS.has(w) || aWords.includes(w)) && bWords.some((w) => KEY_WORDS.has(w)) ? 1 : 0;
}
async function inferJoins(context) {
  const { index, probe } = context;
  if (context.views.length === 0) return [];
  const tables = [...index.tables.values()].filter((t) => t.inSpace);
  const found = [];
  for (const child of tables) {
    for (const a of child.columns) {
      let best;
      for (const parent of tables) {
        if (parent === child || index.joinedPairs.has(pairKey(child.key, parent.key))) continue;
        for (const b of parent.columns) {
          const evidence = nameEvidence(a, parent, b);
          if (evidence === 0 || !sameKind(a, b) || best && best.evidence > evidence) continue;
          if (await probe.isUnique(parent.key, b.name) !== true) continue;
          const containment = await probe.containment(child.key, a.name, parent.key, b.name);
          if (containment === void 0 || containment < MIN_CONTAINMENT) continue;
          if (!best || evidence > best.evidence || containment > best.containment)
            best = { child: a, parent: b, evidence, containment };
        }
      }
      if (best) found.push(best);
    }
  }
  return Promise.all(found.filter((f, i) => !mirrored(f, found, i)).map((f) => propose(context, f)));
}
function mirrored(f, all, i) {
  return all.some((g, j) => j < i && g.child === f.parent && g.parent === f.child);
}
async function propose(context, f) {
  const { index, probe, views } = context;
  const childUnique = await probe.isUnique(f.child.table, f.child.name) === true;
  const relationship = relationshipFrom(childUnique, true);
  const pair = [f.child.table, f.parent.table];
  const both = views.filter((v) => pair.every((t) => v.tables.includes(t))).map((v) => v.failure.id);
  const short = (c) => `${c.table.split(".").pop()}.${c.name}`;
  return {
    priority: both.length > 0 ? PRIORITY.addJoin : PRIORITY.inferredJoin,
    fix: {
      type: "add_join",
      left: { table: index.tables.get(f.child.table)?.identifier ?? f.child.table, column: f.child.name },
      right: { table: index.tables.get(f.parent.table)?.identifier ?? f.parent.table, column: f.parent.name },
      relationship,
      rationale: `${short(f.child)} references ${short(f.parent)}: ${f.evidence === 2 ? "the same column name" : "the column names the table"}, ${short(f.parent)} is unique, and ${Math.round(f.containment * 100)}% of the values of ${short(f.child)} are found there; the space has no join spec for these tables.`,
      targets: both
    }
  };
}

// src/fixes/rules/templates.ts
var LITERAL = /'((?:[^']|'')*)'|(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])/g;
function literalsOf(sql) {
  return [...sql.matchAll(LITERAL)].map((m) => ({
    text: m[1] !== void 0 ? m[1].replace(/''/g, "'") : m[2],
    numeric: m[1] === void 0,
    index: m.index,
    length: m[0].length
  }));
}
function sqlShape(sql) {
  return canonicalSql(sql.replace(LITERAL, (m, s) => s !== void 0 ? "'?'" : "0"));
}
async function proposeTemplates(context) {
  const groups = /* @__PURE__ */ new Map();
  for (const view of context.views) {
    const key = sqlShape(view.failure.expectedSql);
    groups.set(key, [...groups.get(key) ?? [], view]);
  }
  const proposals = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const made = await template(context, group);
    if (made) proposals.push(...made);
  }
  return proposals;
}
async function template(context, group) {
  const lits = group.map((v) => literalsOf(v.failure.expectedSql));
  const width = lits[0].length;
  if (width === 0 || lits.some((l) => l.length !== width)) return void 0;
  const varying = [...Array(width).keys()].filter((k) => new Set(lits.map((l) => l[k].text)).size > 1);
  if (varying.length === 0) return void 0;
  const first = group[0];
  const params = [];
  const dictionaries = [];
  let sql = first.failure.expectedSql.trim().replace(/;\s*$/, "");
  let question = collapseWhitespace(first.failure.question);
  const ids = group.map((v) => v.failure.id);
  const names = /* @__PURE__ */ new Map();
  for (const k of [...varying].reverse()) {
    const lit = lits[0][k];
    const filter = first.filters.find((f) => f.strings.includes(lit.text) || lit.numeric && f.numeric);
    if (!filter) return void 0;
    const used = new Set(lits.map((l) => l[k].text.toLowerCase()));
    if (group.some((v, i) => !v.failure.question.toLowerCase().includes(lits[i][k].text.toLowerCase())))
      return void 0;
    const fallback = lit.numeric ? [String(Math.max(...[...used].map(Number)) + 1)] : void 0;
    const values = fallback ?? await context.probe.distinctValues(filter.table, filter.column, 200) ?? [];
    const def = values.find((v) => !used.has(v.toLowerCase()));
    if (def === void 0) return void 0;
    const name = uniqueName(
      filter.column,
      params.map((p) => p.name)
    );
    names.set(k, name);
    params.push({
      name,
      type_hint: lit.numeric ? lit.text.includes(".") ? "DOUBLE" : "INT" : "STRING",
      description: `a value of ${filter.column}`,
      default_value: def
    });
    sql = sql.slice(0, lit.index) + `:${name}` + sql.slice(lit.index + lit.length);
    question = question.replace(new RegExp(escapeRe(lit.text), "i"), def);
    const column = context.index.tables.get(filter.table)?.columns.find((c) => c.name === filter.column);
    if (!lit.numeric && column && !column.entityMatching)
      dictionaries.push({
        type: "enable_build_value_dictionary",
        table: spaceIdentifier(context.index, filter.table),
        column: filter.column,
        rationale: `A template's parameter is compared with ${filter.column}; a value dictionary lets Genie read its value from a question.`,
        targets: ids
      });
  }
  let pattern = collapseWhitespace(first.failure.question);
  for (const k of varying) pattern = pattern.replace(new RegExp(escapeRe(lits[0][k].text), "i"), `<${names.get(k)}>`);
  return [
    {
      priority: PRIORITY.exampleQuery + 5,
      fix: {
        type: "add_example_query",
        question,
        sql,
        parameters: params,
        usage_guidance: `Questions shaped like "${pattern}" for any ${params.map((p) => p.name).join(", ")}: fill each parameter from the question.`,
        rationale: `${group.length} failing train questions share one SQL shape and differ only in ${params.map((p) => p.name).join(", ")}; one parameterised example covers them and their unseen variants.`,
        targets: ids
      }
    },
    ...dictionaries.map((fix) => ({ priority: PRIORITY.valueDictionary, fix }))
  ];
}
function uniqueName(column, taken) {
  const base = column.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^(\d)/, "p_$1") || "value";
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}_${n}`;
  return name;
}
function escapeRe(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/fixes/rules/categories.ts
var MAX_DISTINCT = 60;
var MAX_PROPOSED = 12;
var isText = (type) => type === "" || /CHAR|TEXT|STRING|CLOB/i.test(type);
async function proposeCategoryDictionaries(context) {
  const { index, probe, views } = context;
  if (views.length === 0) return [];
  const proposals = [];
  for (const table of [...index.tables.values()].filter((t) => t.inSpace)) {
    for (const column of table.columns) {
      if (proposals.length >= MAX_PROPOSED) return proposals;
      if (column.entityMatching || column.config?.exclude || !isText(column.type)) continue;
      const values = await probe.distinctValues(table.key, column.name, MAX_DISTINCT);
      if (!values || values.length < 2 || !values.some((v) => /[A-Za-z\p{L}]{3}/u.test(v))) continue;
      if (values.some((v) => v.length > 60) || values.every((v) => /^[\d\s:./-]+$/.test(v))) continue;
      proposals.push({
        priority: PRIORITY.categoryDictionary,
        fix: {
          type: "enable_build_value_dictionary",
          table: spaceIdentifier(index, table.key),
          column: column.name,
          rationale: `${table.identifier.split(".").pop()}.${column.name} holds ${values.length} distinct text values (e.g. ${values.slice(0, 3).map((v) => `'${v}'`).join(", ")}); a value dictionary lets Genie match the words of a question to them.`,
          targets: views.filter((v) => v.tables.includes(table.key)).map((v) => v.failure.id)
        }
      });
    }
  }
  return proposals;
}

// src/fixes/rules/rank.ts
function mergeAndFilter(proposals, alreadyTried, notes) {
  const merged = /* @__PURE__ */ new Map();
  for (const proposal of proposals) {
    const fix = proposal.fix.type === "add_synonym" ? withoutTriedSynonyms(proposal.fix, alreadyTried, notes) : proposal.fix;
    if (!fix) continue;
    const slot = fix.type === "add_synonym" ? `syn ${normalizeIdentifier(fix.table)}.${normalizeName(fix.column)}` : fixKey(fix);
    const existing = merged.get(slot);
    if (!existing) {
      merged.set(slot, { fix: clone(fix), priority: proposal.priority });
      continue;
    }
    existing.priority = Math.max(existing.priority, proposal.priority);
    existing.fix.targets = union(existing.fix.targets, fix.targets);
    if (existing.fix.type === "add_synonym" && fix.type === "add_synonym") {
      existing.fix.synonyms = union(existing.fix.synonyms, fix.synonyms, true);
    }
  }
  const out = [];
  for (const proposal of merged.values()) {
    const parsed = FixSchema.safeParse(proposal.fix);
    if (!parsed.success) {
      notes.push(`dropped an invalid ${proposal.fix.type}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      continue;
    }
    if (alreadyTried.has(fixKey(parsed.data))) {
      notes.push(`skipped ${fixTarget(parsed.data)}: tried before`);
      continue;
    }
    out.push({ fix: parsed.data, priority: proposal.priority });
  }
  return out;
}
function rankProposals(proposals, options, notes) {
  const sorted = [...proposals].sort(
    (a, b) => b.priority - a.priority || b.fix.targets.length - a.fix.targets.length || compareFixes(a.fix, b.fix)
  );
  const slots = /* @__PURE__ */ new Set();
  const fixes = [];
  let examples = 0;
  for (const { fix } of sorted) {
    const slot = fixTarget(fix);
    if (isExclusive(fix) && slots.has(slot)) {
      notes.push(`dropped ${fix.type} on ${slot}: a stronger fix already writes there`);
      continue;
    }
    if (fix.type === "add_example_query" && examples >= options.maxExamples) {
      notes.push(`deferred example "${fix.question}": at most ${options.maxExamples} examples per iteration`);
      continue;
    }
    if (fixes.length >= options.maxFixes) {
      notes.push(`deferred ${fix.type} on ${slot}: at most ${options.maxFixes} fixes per iteration`);
      continue;
    }
    slots.add(slot);
    if (fix.type === "add_example_query") examples++;
    fixes.push(fix);
  }
  return fixes;
}
function withoutTriedSynonyms(fix, alreadyTried, notes) {
  const synonyms = fix.synonyms.filter((synonym) => {
    const tried = alreadyTried.has(fixKey({ ...fix, synonyms: [synonym] }));
    if (tried) notes.push(`skipped synonym "${synonym}" of ${fix.table}.${fix.column}: tried before`);
    return !tried;
  });
  return synonyms.length === 0 ? void 0 : { ...fix, synonyms };
}
function union(a, b, caseInsensitive = false) {
  const out = [...a];
  const seen = new Set(a.map((v) => caseInsensitive ? v.toLowerCase() : v));
  for (const v of b) {
    const key = caseInsensitive ? v.toLowerCase() : v;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
function clone(fix) {
  return structuredClone(fix);
}

// src/fixes/rules/phrase.ts
var MEASURE_CUES = new Set(
  [
    "distinct",
    "unique",
    "different",
    "per",
    "rate",
    "ratio",
    "share",
    "percentage",
    "percent",
    "\uB2F9",
    "\uACE0\uC720",
    "\uBE44\uC728",
    "\uD37C\uC13C\uD2B8"
  ].map(stemWord)
);
var MAX_WORDS = 6;
function measurePhrase(view, index, columns, taken) {
  const columnWords = distinctiveWords(columns.flatMap((c) => nameWords(c.column)));
  const groupWords = distinctiveWords(view.expected.groupBy.flatMap((g) => nameWords(g)));
  const isGroupWord = (t) => groupWords.some((w) => stemsMatch(t.stem, w)) && !columnWords.some((w) => stemsMatch(t.stem, w));
  const isCue = (t) => isAggregateCue(t.stem) || MEASURE_CUES.has(t.stem);
  const isContent = (t) => !taken.has(t.index) && !isGroupWord(t) && !isPredicate(t, view.tokens) && (!isFunctionWord(t.stem) || isCue(t));
  const isAnchor = (t) => !isCue(t) && !isFunctionWord(t.stem) && (columnWords.some((w) => stemsMatch(t.stem, w)) || !isExplained(index, t.stem));
  let best = null;
  let bestScore = 0;
  let run = [];
  const consider = () => {
    const trimmed = trim(run, isCue);
    const anchors = trimmed.filter(isAnchor).length;
    const score = anchors === 0 ? 0 : anchors * 2 + (trimmed.some(isCue) ? 1 : 0);
    if (score > bestScore) {
      best = trimmed;
      bestScore = score;
    }
    run = [];
  };
  for (const token of view.tokens) {
    if (isContent(token)) run.push(token);
    else consider();
  }
  consider();
  const chosen = best;
  if (!chosen || chosen.length === 0) return null;
  let words = chosen.slice(0, MAX_WORDS);
  if (!words.some(isCue)) {
    const cue = view.tokens.slice(Math.max(0, words[0].index - 4), words[0].index).reverse().find(isCue);
    if (!cue) return null;
    words = [cue, ...words].slice(0, MAX_WORDS);
  }
  return {
    text: words.map(display).join(" "),
    variant: words.map((t) => isHangul(t.stem) ? t.stem : singular(t.raw.toLowerCase())).join(" ")
  };
}
function trim(tokens, isCue) {
  let start = 0;
  let end = tokens.length;
  const edge = (t) => t.stem === "per" || t.stem === "\uB2F9" || isFunctionWord(t.stem) && !isCue(t) || /^[a-z]{4,}ed$/.test(t.raw.toLowerCase());
  while (start < end && edge(tokens[start])) start++;
  while (end > start && edge(tokens[end - 1])) end--;
  return tokens.slice(start, end);
}
function display(token) {
  return isHangul(token.stem) ? token.stem : token.raw.toLowerCase();
}

// src/fixes/rules/snippets.ts
var AGGREGATE_CALL = /\b(count|sum|avg|mean|min|max|count_if|median|stddev|variance|percentile|approx_count_distinct)\(/g;
async function proposeSnippets(context) {
  const proposals = [];
  const seen = /* @__PURE__ */ new Map();
  const keep = (proposal, target, key) => {
    const existing = seen.get(key);
    if (existing) {
      if (!existing.fix.targets.includes(target)) existing.fix.targets.push(target);
      return;
    }
    seen.set(key, proposal);
    proposals.push(proposal);
  };
  context.views.forEach((view, i) => {
    for (const measure of measuresOf(view, context.index)) {
      const key = `measure ${normalizeSnippetSql(measure.sql)}`;
      if (context.index.snippetSql.has(normalizeSnippetSql(measure.sql))) continue;
      const taken = new Set(
        context.alignments[i].filter((a) => a.target.kind === "value" || a.target.kind === "filter").map((a) => a.token.index)
      );
      const phrase = measurePhrase(view, context.index, measure.columns, taken);
      const displayName = phrase?.text ?? fallbackName(measure.rendered);
      const synonyms = phrase && phrase.variant !== phrase.text ? [phrase.variant] : void 0;
      keep(
        {
          priority: PRIORITY.measure,
          fix: {
            type: "add_sql_snippet",
            kind: "measure",
            display_name: displayName,
            sql: measure.sql,
            ...synonyms ? { synonyms } : {},
            rationale: `The question asks for "${displayName}", computed as ${measure.rendered} in the expected SQL; Genie's SQL does not compute it.`,
            targets: [view.failure.id]
          }
        },
        view.failure.id,
        key
      );
    }
    for (const { target, token } of context.alignments[i]) {
      if (target.kind !== "filter" || !target.column) continue;
      const filter = view.filters.find((f) => f.table === target.table && f.column === target.column && !f.matched);
      if (!filter || filter.predicate.expr !== filter.column.toLowerCase()) continue;
      const table = lastPart(spaceIdentifier(context.index, filter.table));
      const sql = `${table}.${filter.column} ${filter.predicate.op} ${filter.predicate.value}`;
      if (context.index.snippetSql.has(normalizeSnippetSql(sql))) continue;
      const name = synonymText(token);
      const variant = singular(name);
      keep(
        {
          priority: PRIORITY.filter,
          fix: {
            type: "add_sql_snippet",
            kind: "filter",
            display_name: name,
            sql,
            ...variant !== name ? { synonyms: [variant] } : {},
            rationale: `"${name}" in the question means ${sql} in the expected SQL, which Genie's SQL does not apply.`,
            targets: [view.failure.id]
          }
        },
        view.failure.id,
        `filter ${normalizeSnippetSql(sql)}`
      );
    }
  });
  return proposals;
}
function measuresOf(view, index) {
  let ast;
  try {
    ast = parseSelect(view.failure.expectedSql);
  } catch {
    return [];
  }
  const genieSelect = new Set(view.genie?.select ?? []);
  const out = [];
  for (const item of Array.isArray(ast.columns) ? ast.columns : []) {
    if (!isNode(item) || !isNode(item.expr)) continue;
    const rendered = render(item.expr);
    if (!isComplexAggregate(rendered) || genieSelect.has(rendered)) continue;
    const columns = [];
    const qualified = qualify(item.expr, view, index, columns);
    if (!qualified || columns.length === 0) continue;
    if (columns.some((c) => !index.tables.get(c.table)?.inSpace)) continue;
    out.push({ sql: render(qualified), rendered, columns });
  }
  return out;
}
function isComplexAggregate(rendered) {
  const calls = rendered.match(AGGREGATE_CALL) ?? [];
  if (calls.length === 0 || / over \(/.test(rendered)) return false;
  if (calls.length > 1 || /\(distinct /.test(rendered) || /\bcase\b/.test(rendered)) return true;
  const plain = /^[a-z_]+\((\*|[\p{L}_][\p{L}\p{N}_]*)\)$/u;
  return !plain.test(rendered);
}
function qualify(node, view, index, columns) {
  let failed = false;
  const visit = (value) => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isNode(value)) return value;
    if (isNode(value.ast)) {
      failed = true;
      return value;
    }
    if (value.type === "column_ref") {
      const column = columnName(value)?.replace(/[`"]/g, "") ?? null;
      if (!column || column === "*") return value;
      const qualifier = typeof value.table === "string" ? value.table.replace(/[`"]/g, "").toLowerCase() : null;
      const table = (qualifier ? view.aliases.get(qualifier) : void 0) ?? view.tables.find(
        (t) => index.tables.get(t)?.columns.some((c) => c.name.toLowerCase() === column.toLowerCase())
      );
      const spelled = table ? index.tables.get(table)?.columns.find((c) => c.name.toLowerCase() === column.toLowerCase())?.name : void 0;
      if (!table || !spelled) {
        failed = true;
        return value;
      }
      if (!columns.some((c) => c.table === table && c.column === spelled)) columns.push({ table, column: spelled });
      return { ...value, table: null, column: `${lastPart(spaceIdentifier(index, table))}.${spelled}` };
    }
    const copy = {};
    for (const [key, child] of Object.entries(value)) copy[key] = typeof child === "object" ? visit(child) : child;
    return copy;
  };
  const out = visit(node);
  return failed ? null : out;
}
function fallbackName(rendered) {
  const distinct = /^count\(distinct ([^)]+)\)$/.exec(rendered);
  if (distinct) return `distinct ${nameWords(distinct[1]).join(" ")} count`;
  const words = rendered.replace(/\//g, " per ").replace(/\b(case|when|then|else|end|distinct)\b/g, " ").replace(/[^\p{L}\p{N}_ ]+/gu, " ");
  return words.split(/[\s_]+/).filter((w) => w !== "" && !/^\d/.test(w)).join(" ").slice(0, 60) || "measure";
}

// src/fixes/rules/synonyms.ts
async function proposeSynonyms(context) {
  const { index, views, alignments, probe } = context;
  const columns = /* @__PURE__ */ new Map();
  const tables = /* @__PURE__ */ new Map();
  views.forEach((view, i) => {
    for (const { target, token, confidence } of alignments[i]) {
      const word = synonymText(token);
      if (target.kind === "column" && target.column) {
        const entry = columns.get(target.key) ?? {
          table: target.table,
          column: target.column,
          words: [],
          targets: [],
          lexical: false
        };
        add(entry, word, view.failure.id, confidence === "lexical");
        columns.set(target.key, entry);
      } else if (target.kind === "table") {
        const entry = tables.get(target.table) ?? { words: [], targets: [], lexical: false };
        add(entry, word, view.failure.id, confidence === "lexical");
        tables.set(target.table, entry);
      }
    }
  });
  const proposals = [];
  for (const entry of columns.values()) {
    const fix = synonymFix(index, entry.table, entry.column, entry, "is how the failing question names");
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
          type: "update_table_description",
          table: spaceIdentifier(index, table),
          description,
          rationale: `The failing questions call ${shortName(table)} "${entry.words.join('", "')}", which no name or synonym in the space explains; the expected SQL reads this table and Genie's does not.`,
          targets: entry.targets
        }
      });
    }
    const key = await keyColumn(info, (column) => probe.isUnique(table, column));
    const fix = key ? synonymFix(index, table, key, entry, `names the rows of ${shortName(table)}; the failing question uses it for`) : void 0;
    if (fix)
      proposals.push({ fix, priority: entry.lexical ? PRIORITY.lexicalSynonym - 1 : PRIORITY.fallbackSynonym - 1 });
  }
  return proposals;
}
function add(entry, word, target, lexical) {
  if (!entry.words.some((w) => stemWord(w) === stemWord(word))) entry.words.push(word);
  if (!entry.targets.includes(target)) entry.targets.push(target);
  entry.lexical ||= lexical;
}
function synonymFix(index, table, column, entry, why) {
  const info = index.tables.get(table)?.columns.find((c) => c.name === column);
  if (!info) return void 0;
  const have = existingSynonyms(info);
  const synonyms = entry.words.filter((w) => !have.includes(w.toLowerCase()));
  if (synonyms.length === 0) return void 0;
  return {
    type: "add_synonym",
    table: spaceIdentifier(index, table),
    column,
    synonyms,
    rationale: `"${synonyms.join('", "')}" ${why} ${shortName(table)}.${column}, which Genie's SQL missed.`,
    targets: entry.targets
  };
}
function describeTable(info, words) {
  const current = info.description.trim();
  const lower = current.toLowerCase();
  const fresh = words.filter((w) => !lower.includes(w.toLowerCase()));
  if (fresh.length === 0) return void 0;
  const list = /Also called: ([^.]*)\./.exec(current);
  if (list) return current.replace(list[0], `Also called: ${list[1]}, ${fresh.join(", ")}.`);
  const sentence = `Also called: ${fresh.join(", ")}.`;
  if (current === "") return `${readableName(info)}. ${sentence}`;
  return `${current}${/[.!?]$/.test(current) ? "" : "."} ${sentence}`;
}
function readableName(info) {
  const words = nameWords(shortName(info.key));
  const text2 = words.join(" ");
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}
async function keyColumn(info, isUnique) {
  const byName = namedKeyColumn(info);
  if (byName) return byName;
  const first = info.columns[0];
  return first && await isUnique(first.name) === true ? first.name : void 0;
}

// src/fixes/rules/values.ts
var MAX_LISTED_VALUES = 30;
function collectFilterGaps(context) {
  const { index, views } = context;
  const dictionaries = /* @__PURE__ */ new Map();
  const formats = /* @__PURE__ */ new Map();
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
function collectValueMappings(context) {
  const mappings = /* @__PURE__ */ new Map();
  context.views.forEach((view, i) => {
    for (const { target, token } of context.alignments[i]) {
      if (target.kind !== "value" || !target.column || target.literal === void 0) continue;
      const key = `${target.table}.${target.column.toLowerCase()}`;
      const entry = mappings.get(key) ?? {
        table: target.table,
        column: target.column,
        pairs: /* @__PURE__ */ new Map(),
        targets: []
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
function dictionaryProposal(index, { filter, targets }) {
  return {
    priority: PRIORITY.valueDictionary,
    fix: {
      type: "enable_build_value_dictionary",
      table: spaceIdentifier(index, filter.table),
      column: filter.column,
      rationale: `The expected SQL filters ${shortName(filter.table)}.${filter.column} ${filter.predicate.op} ${filter.predicate.value}; Genie's SQL ${filter.genieFiltersColumn ? "compares it with another value" : "does not filter it"}. A value dictionary lets Genie match question words to stored values.`,
      targets
    }
  };
}
function formatProposal(index, { filter, targets }) {
  return {
    priority: PRIORITY.exampleValues,
    fix: {
      type: "enable_get_example_values",
      table: spaceIdentifier(index, filter.table),
      column: filter.column,
      rationale: `Genie's SQL misses the date/time condition on ${shortName(filter.table)}.${filter.column} (${filter.predicate.op} ${filter.predicate.value}); example values show Genie the column's format.`,
      targets
    }
  };
}
async function valueMappingProposal(context, entry) {
  const { index, probe } = context;
  const column = index.tables.get(entry.table)?.columns.find((c) => c.name === entry.column);
  const current = joinText(column?.config?.description).trim();
  const pairs = [...entry.pairs].map(([value, words]) => [
    value,
    words.filter((word) => !(current.toLowerCase().includes(word.toLowerCase()) && current.includes(`'${value}'`)))
  ]).filter(([, words]) => words.length > 0);
  if (pairs.length === 0) return null;
  const values = await probe.distinctValues(entry.table, entry.column, MAX_LISTED_VALUES);
  return {
    priority: PRIORITY.valueDescription,
    fix: {
      type: "add_column_description",
      table: spaceIdentifier(index, entry.table),
      column: entry.column,
      description: valueDescription(current, pairs, values),
      rationale: `The questions say ${pairs.map(([v, w]) => `"${w.join('", "')}" for '${v}'`).join(", ")} in ${shortName(entry.table)}.${entry.column}; the description maps question words to stored values.`,
      targets: entry.targets
    }
  };
}
async function proposeValueFixes(context) {
  const { dictionaries, formats } = collectFilterGaps(context);
  const mappings = collectValueMappings(context);
  const proposals = [
    ...[...dictionaries.values()].map((gap) => dictionaryProposal(context.index, gap)),
    ...[...formats.values()].map((gap) => formatProposal(context.index, gap))
  ];
  for (const entry of mappings.values()) {
    const proposal = await valueMappingProposal(context, entry);
    if (proposal) proposals.push(proposal);
  }
  return proposals;
}
function collect(into, key, filter, target) {
  const entry = into.get(key) ?? { filter, targets: [] };
  if (!entry.targets.includes(target)) entry.targets.push(target);
  into.set(key, entry);
}
function isTextType(type) {
  return type === "" || /^(string|varchar|char|text)/i.test(type);
}
function valueDescription(current, pairs, values) {
  const parts = [];
  if (current !== "") parts.push(/[.!?]$/.test(current) ? current : `${current}.`);
  parts.push(`Users say ${pairs.map(([value, words]) => `${words.join(" or ")} for '${value}'`).join(", ")}.`);
  if (values && values.length > 0 && !parts[0].includes("Values:")) parts.push(`Values: ${values.join(", ")}.`);
  return parts.join(" ");
}

// src/fixes/rules/value-words.ts
var MAX_VALUES = 200;
var MAX_VALUE_WORDS = 3;
async function storedValueStems(views, index, probe) {
  const out = [];
  for (const view of views) {
    const stems = /* @__PURE__ */ new Set();
    for (const table of view.tables) {
      for (const column of index.tables.get(table)?.columns ?? []) {
        if (!/^(string|varchar|char|text)/i.test(column.type)) continue;
        const values = await probe.distinctValues(table, column.name, MAX_VALUES);
        for (const value of values ?? []) {
          const words = splitStems(value);
          if (words.length <= MAX_VALUE_WORDS) words.forEach((w) => stems.add(w));
        }
      }
    }
    out.push(stems);
  }
  return out;
}

// src/fixes/rules/rules-analyst.ts
var RULES = [
  proposeJoins,
  inferJoins,
  proposeValueFixes,
  proposeSynonyms,
  proposeSnippets,
  proposeTemplates,
  proposeCategoryDictionaries
];
function createRulesAnalyst(options = {}) {
  const maxFixes = options.maxFixes ?? 20;
  const maxExamples = options.maxExamples ?? 3;
  return {
    name: "rules",
    async propose(input) {
      const notes = [];
      const index = buildConfigIndex(input.space, input.warehouseSchema);
      const failures = [...input.failures].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      const parsed = failures.map((failure) => ({ failure, view: buildFailureView(failure, index) }));
      for (const { failure, view } of parsed) {
        if (!view) notes.push(`${failure.id}: the expected SQL could not be parsed; only an example query can help`);
      }
      notes.push(...misleadingInstructionNotes(input.space, failures));
      const views = parsed.map((p) => p.view).filter((v) => v !== null);
      const probe = createWarehouseProbe(input.warehouse, input.signal);
      const values = await storedValueStems(views, index, probe);
      const inputs = views.map((view, i) => {
        const tokens = unexplainedTokens(view, index, values[i]);
        const valueTokens = unexplainedTokens(view, index).filter((t) => !tokens.includes(t));
        return { view, tokens, valueTokens, targets: targetsOf(view, index) };
      });
      const context = { space: input.space, index, views, alignments: alignAll(inputs), probe, notes };
      const proposals = [];
      for (const rule of RULES) {
        input.signal?.throwIfAborted();
        proposals.push(...await rule(context));
      }
      const kept = mergeAndFilter(proposals, input.alreadyTried, notes);
      let examples = [];
      if (kept.length === 0 && input.allowTaughtExamples)
        examples = mergeAndFilter(proposeExamples(input.space, index, parsed), input.alreadyTried, notes);
      else if (parsed.some(({ failure }) => !kept.some((p) => p.fix.targets.includes(failure.id)))) {
        notes.push("example queries wait for an iteration with no other fix to try");
      }
      const fixes = rankProposals([...kept, ...examples], { maxFixes, maxExamples }, notes);
      for (const { failure } of parsed) {
        if (!fixes.some((fix) => fix.targets.includes(failure.id)))
          notes.push(`${failure.id}: no rule proposed a new fix`);
      }
      return { fixes, notes };
    }
  };
}

// src/fixes/apply/apply-fixes.ts
var import_fast_json_patch = __toESM(require_fast_json_patch(), 1);

// src/fixes/apply/references.ts
function referencesOf(fix) {
  switch (fix.type) {
    case "add_synonym":
    case "add_column_description":
    case "enable_get_example_values":
    case "enable_build_value_dictionary":
      return [{ table: fix.table, column: fix.column }];
    case "update_table_description":
      return [{ table: fix.table }];
    case "add_join":
      return [fix.left, fix.right];
    default:
      return [];
  }
}
function warehouseColumns(schema) {
  return new Map(
    schema.tables.map((table) => [
      normalizeIdentifier(table.identifier),
      new Set(table.columns.map((column) => column.name.toLowerCase()))
    ])
  );
}
function checkFixReferences(space, fix, warehouse) {
  if (fix.type === "fix_join" && !findJoinById(space, fix.joinId)) {
    return `unknown join spec ${fix.joinId}: the space has no join with this id`;
  }
  for (const ref of referencesOf(fix)) {
    const located = findTable(space, ref.table);
    if (!located) return `unknown table ${ref.table}: it is not a table or metric view of this space`;
    if (!warehouse) continue;
    const columns = warehouse.get(normalizeIdentifier(ref.table));
    if (!columns) {
      if (located.segments[1] === "tables") return `unknown table ${ref.table}: it does not exist in the warehouse`;
      continue;
    }
    if (ref.column !== void 0 && !columns.has(normalizeName(ref.column))) {
      const known = [...columns].slice(0, 12).join(", ");
      return `unknown column ${ref.column} in ${ref.table}: the warehouse table has ${known}${columns.size > 12 ? ", ..." : ""}`;
    }
  }
  return void 0;
}

// src/fixes/apply/apply-fixes.ts
function describeZodError(error, input) {
  return error.issues.map((issue) => {
    const described = describeIssue(issue, input);
    return `${described.path}: ${described.message}`;
  }).join("; ");
}
function problemsOf(space, options) {
  const issues = [];
  const parsed = SpaceSchema.safeParse(space);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ file: options.file, path: formatPath(issue.path), message: describeIssue(issue, space).message });
  }
  issues.push(...checkInvariants(space, { file: options.file, warehouseSchema: options.warehouseSchema }));
  return { keys: issues.map((issue) => issue.message), issues };
}
function newProblems(before, after) {
  const remaining = /* @__PURE__ */ new Map();
  for (const key of before) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  return after.issues.filter((issue) => {
    const left = remaining.get(issue.message) ?? 0;
    if (left > 0) {
      remaining.set(issue.message, left - 1);
      return false;
    }
    return true;
  });
}
function prepare(inputs, rejected) {
  const valid = [];
  for (const input of inputs) {
    const parsed = FixSchema.safeParse(input);
    if (parsed.success) valid.push(parsed.data);
    else
      rejected.push({
        kind: "invalid",
        fix: input,
        key: invalidFixKey(input),
        reason: `invalid fix: ${describeZodError(parsed.error, input)}`
      });
  }
  const unique = /* @__PURE__ */ new Map();
  for (const fix of [...valid].sort(compareFixes)) {
    const key = fixKey(fix);
    const kept = unique.get(key);
    if (kept) kept.targets = [.../* @__PURE__ */ new Set([...kept.targets, ...fix.targets])];
    else unique.set(key, { ...fix, targets: [...fix.targets] });
  }
  return [...unique.values()];
}
function dropConflicts(fixes, rejected) {
  const winners = /* @__PURE__ */ new Map();
  return fixes.filter((fix) => {
    if (!isExclusive(fix)) return true;
    const key = fixKey(fix);
    const target = fixTarget(fix);
    const winner = winners.get(target);
    if (winner === void 0) {
      winners.set(target, key);
      return true;
    }
    rejected.push({ kind: "conflict", fix, key, reason: `conflicts with ${winner}` });
    return false;
  });
}
function refuseBeforeCompile(current, fix, context) {
  const unknown = checkFixReferences(current, fix, context.warehouse);
  if (unknown) return { kind: "unknown_reference", reason: unknown };
  if (fix.type !== "add_example_query") return void 0;
  if (context.holdout.has(normalizeSqlText(fix.sql)))
    return {
      kind: "holdout_sql",
      reason: "holdout SQL never becomes an example: this is a holdout benchmark's expected SQL"
    };
  const copyOf = copiedBenchmarks(fix, context.options);
  if (copyOf.holdout.length)
    return {
      kind: "holdout_sql",
      reason: `holdout questions never become examples: this example would teach ${copyOf.holdout.join(", ")}`
    };
  if (copyOf.train.length && !context.options.allowTaughtExamples)
    return {
      kind: "taught_copy",
      reason: `this example copies train question(s) ${copyOf.train.join(", ")} (their question or SQL): a copy teaches the answer instead of generalising; copies need --allow-taught-examples`
    };
  return void 0;
}
function compileOps(current, fix) {
  let ops;
  try {
    ops = compileFix(current, fix);
  } catch (error) {
    if (!(error instanceof FixCompileError)) throw error;
    return { kind: error.kind, reason: error.message };
  }
  if (ops.length === 0) return { kind: "no_op", reason: "no_op: the space already has what this fix adds" };
  return ops;
}
function patchedState(state, ops, options) {
  const next = structuredClone(state.space);
  try {
    import_fast_json_patch.default.applyPatch(next, structuredClone(ops), true);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { kind: "invalid_result", reason: `the patch does not apply: ${message}` };
  }
  const problems = problemsOf(next, options);
  const introduced = newProblems(state.baseline, problems);
  const overLimit = limitIssues(next).filter((issue) => introduced.some((i) => i.message === issue.message));
  if (overLimit.length > 0) return { kind: "over_limit", reason: overLimit.map((issue) => issue.message).join("; ") };
  if (introduced.length > 0)
    return {
      kind: "invalid_result",
      reason: `the patched space is invalid: ${introduced.map(formatIssue).join("; ")}`
    };
  return { space: next, baseline: problems.keys };
}
function tryFix(state, fix, context) {
  const refused = refuseBeforeCompile(state.space, fix, context);
  if (refused) return refused;
  const ops = compileOps(state.space, fix);
  if (!Array.isArray(ops)) return ops;
  const next = patchedState(state, ops, context.options);
  return "kind" in next ? next : { state: next, ops };
}
function applyFixes(space, fixes, options) {
  const rejected = [];
  const applied = [];
  const candidates = dropConflicts(prepare(fixes, rejected), rejected);
  const context = {
    options,
    warehouse: options.warehouseSchema ? warehouseColumns(options.warehouseSchema) : void 0,
    holdout: new Set((options.holdoutSql ?? []).map(normalizeSqlText))
  };
  const start = structuredClone(space);
  let state = { space: start, baseline: problemsOf(start, options).keys };
  for (const fix of candidates) {
    const key = fixKey(fix);
    const outcome = tryFix(state, fix, context);
    if ("kind" in outcome) {
      rejected.push({ kind: outcome.kind, fix, key, reason: outcome.reason });
      continue;
    }
    state = outcome.state;
    applied.push({ fix, key, ops: outcome.ops });
  }
  return { space: state.space, applied, rejected };
}
function copiedBenchmarks(fix, options) {
  const benchmarks = options.benchmarks ?? [];
  const parameters = (fix.parameters ?? []).map((p) => ({
    name: p.name,
    type_hint: p.type_hint,
    default_value: p.default_value === void 0 ? void 0 : { values: Array.isArray(p.default_value) ? p.default_value : [p.default_value] }
  }));
  const ids = new Set(teaches({ question: fix.question, sql: fix.sql, parameters }, benchmarks));
  const of = (split) => benchmarks.filter((b) => b.split === split && ids.has(b.id)).map((b) => b.id);
  return { train: of("train"), holdout: of("holdout") };
}

// src/loop/acceptance.ts
function countsOf(card) {
  const pick = (t) => ({ passed: t.passed, total: t.total });
  return {
    train: pick(card.totals.train),
    trainUntaught: pick(card.totals.trainUntaught),
    holdout: pick(card.totals.holdout)
  };
}
function compareCards(before, after) {
  const was = new Map(before.questions.map((q) => [q.id, q]));
  const regressions = [];
  const fixed = [];
  let untaughtGain = 0;
  let taughtGain = 0;
  for (const q of after.questions) {
    const b = was.get(q.id);
    if (!b) continue;
    if (b.passed && !q.passed) regressions.push(q.id);
    if (!b.passed && q.passed) fixed.push(q.id);
    if (q.split !== "train") continue;
    const delta = Number(q.passed) - Number(b.passed);
    if (q.taught || b.taught) taughtGain += delta;
    else untaughtGain += delta;
  }
  return {
    regressions,
    fixed,
    untaughtGain,
    taughtGain,
    holdoutDelta: after.totals.holdout.passed - before.totals.holdout.passed
  };
}
function judge(before, after, options = {}) {
  const budget = options.maxRegressions ?? 0;
  const c = compareCards(before, after);
  const base = {
    regressions: c.regressions,
    fixed: c.fixed,
    untaughtGain: c.untaughtGain,
    holdoutDelta: c.holdoutDelta
  };
  const reject = (reason) => ({ accepted: false, reason, ...base });
  if (c.regressions.length > budget)
    return reject(
      `${c.regressions.length} question(s) that passed now fail (${c.regressions.join(", ")}); at most ${budget} allowed`
    );
  if (c.holdoutDelta < 0) return reject(`holdout fell by ${-c.holdoutDelta} question(s)`);
  if (c.untaughtGain <= 0) {
    if (c.taughtGain > 0) return reject(`only taught questions gained (+${c.taughtGain}); train-untaught did not rise`);
    return reject(
      c.untaughtGain === 0 ? "train-untaught did not rise" : `train-untaught fell by ${-c.untaughtGain} question(s)`
    );
  }
  const signed = (n) => `${n >= 0 ? "+" : ""}${n}`;
  const regressed = c.regressions.length > 0 ? `, ${c.regressions.length} regression(s) within the budget` : "";
  return {
    accepted: true,
    reason: `train-untaught ${signed(c.untaughtGain)}, holdout ${signed(c.holdoutDelta)}${regressed}`,
    ...base
  };
}
function outcomeOf(before, after) {
  const c = compareCards(before, after);
  if (c.regressions.length > 0 || c.holdoutDelta < 0 || c.untaughtGain < 0) return "hurt";
  if (c.untaughtGain > 0 || c.holdoutDelta > 0) return "helped";
  return "no_effect";
}

// src/loop/budget.ts
var BudgetExhausted = class extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
    this.name = "BudgetExhausted";
  }
  reason;
};
function createBudget(limits, meter, now = Date.now, started = now()) {
  let exhausted;
  const floor = limits.questionsPerMinute && limits.questionsPerMinute > 0 ? 6e4 / limits.questionsPerMinute : 0;
  const msPerQuestion = () => {
    const asked = meter.asked();
    return Math.max(floor, asked > 0 ? meter.askingMs() / asked : 0);
  };
  const budget = {
    limits,
    spent: () => meter.asked(),
    elapsedMs: () => now() - started,
    msPerQuestion,
    shortfall(asks, reserve) {
      const max = limits.maxGenieQuestions;
      if (max !== void 0 && meter.asked() + asks + reserve > max)
        return `the question budget: ${meter.asked()} of ${max} Genie questions asked, the next step needs ${asks} more and ${reserve} are kept for the final full scoring`;
      const time = limits.timeBudgetMs;
      if (time !== void 0) {
        const need = now() - started + (asks + reserve) * msPerQuestion();
        if (need > time)
          return `the time budget: ${minutes(now() - started)} of ${minutes(time)} used, the next step and the final full scoring need about ${minutes((asks + reserve) * msPerQuestion())} more`;
      }
      return void 0;
    },
    require(asks, reserve) {
      const reason = budget.shortfall(asks, reserve);
      if (reason === void 0) return;
      exhausted ??= reason;
      throw new BudgetExhausted(reason);
    },
    get exhausted() {
      return exhausted;
    }
  };
  return budget;
}
function minutes(ms) {
  return ms < 6e4 ? `${Math.round(ms / 1e3)} s` : `${(ms / 6e4).toFixed(1)} min`;
}

// src/loop/evidence.ts
var EVIDENCE_ROWS = 20;
async function gatherEvidence(card, benchmarks, warehouse) {
  const byId = new Map(benchmarks.map((b) => [b.id, b]));
  const failures = [];
  for (const q of card.questions) {
    const benchmark = byId.get(q.id);
    if (q.passed || q.errored || q.expectedError || !benchmark || benchmark.split !== "train") continue;
    failures.push({
      id: q.id,
      question: benchmark.question,
      expectedSql: benchmark.sql,
      category: q.category ?? null,
      verdict: q.verdict ?? "mismatch",
      genieSql: q.genieSql ?? null,
      genieText: q.genieText ?? void 0,
      error: q.error ?? void 0,
      expectedResult: await sample(warehouse, benchmark.sql),
      genieResult: q.genieSql ? await sample(warehouse, q.genieSql) : void 0
    });
  }
  return failures;
}
async function sample(warehouse, sql) {
  try {
    const result = await warehouse.execute(sql);
    return {
      ...result,
      rows: result.rows.slice(0, EVIDENCE_ROWS),
      truncated: result.truncated || result.rows.length > EVIDENCE_ROWS
    };
  } catch {
    return void 0;
  }
}

// src/loop/refine.ts
var ALIASES = /(Also called:\s*)([^.]+)(\.)/;
function partVariants(fix) {
  if (fix.type === "add_synonym" && fix.synonyms.length >= 2)
    return fix.synonyms.map((_, k) => ({ ...fix, synonyms: fix.synonyms.filter((_2, j) => j !== k) }));
  if (fix.type === "update_table_description") {
    const m = ALIASES.exec(fix.description);
    const parts = m ? m[2].split(",").map((p) => p.trim()) : [];
    if (!m || parts.length < 2) return [];
    return parts.map((_, k) => ({
      ...fix,
      description: fix.description.replace(ALIASES, `$1${parts.filter((_2, j) => j !== k).join(", ")}$3`)
    }));
  }
  return [];
}

// src/loop/trial.ts
async function attemptFixes(context, subset) {
  const applied = applyFixes(context.space, subset, context.options);
  const scored = context.screen ? await context.screen(
    applied.applied.map((a) => a.fix),
    applied.space
  ) : await context.score(applied.space);
  const verdict = judge(context.card, scored, context.acceptance);
  if (!verdict.accepted || !context.confirmGain) return { applied, card: scored, verdict };
  const gain = await context.confirmGain(
    { space: context.space, card: context.card },
    { space: applied.space, card: scored }
  );
  const reason = gain.significant ? `${verdict.reason}; ${gain.reason}` : gain.reason;
  return { applied, card: gain.card, verdict: { ...verdict, accepted: gain.significant, reason } };
}
function acceptedTrial(context, run, reason, dropped) {
  const passedBefore = new Set(context.card.questions.filter((q) => q.passed).map((q) => q.id));
  const passedAfter = new Set(run.card.questions.filter((q) => q.passed && q.split === "train").map((q) => q.id));
  const trainTotal = Math.max(1, context.card.totals.train.total);
  const kept = run.applied.applied.map((a) => {
    const flipped = a.fix.targets.filter((id) => passedAfter.has(id) && !passedBefore.has(id)).length;
    return {
      fix: a.fix,
      ops: a.ops,
      outcome: flipped > 0 ? "helped" : "no_effect",
      delta: flipped / trainTotal
    };
  });
  const rolledBack = dropped.map((s) => ({
    fix: s.fix,
    key: fixKey(s.fix),
    reason: s.outcome === "hurt" ? "broke a passing question or lowered holdout on its own" : "no effect on its own or with the others"
  }));
  return {
    accepted: true,
    reason,
    verdict: run.verdict,
    space: run.applied.space,
    card: run.card,
    kept,
    dropped,
    rolledBack,
    patch: kept.flatMap((k) => k.ops)
  };
}
async function tryBatch(context, fixes) {
  const first = await attemptFixes(context, fixes);
  if (first.verdict.accepted) return acceptedTrial(context, first, first.verdict.reason, []);
  const opsOf = new Map(first.applied.applied.map((a) => [fixKey(a.fix), a.ops]));
  const noEffect = fixes.map((fix) => ({
    fix,
    ops: opsOf.get(fixKey(fix)) ?? [],
    outcome: "no_effect",
    delta: 0
  }));
  if (!context.isolate || fixes.length === 1) return rolledBackTrial(context, first.verdict, fixes, noEffect);
  context.log(`  batch rejected (${first.verdict.reason}); trying ${fixes.length} fixes one by one`);
  const tried = [];
  for (const fix of fixes) tried.push(await trySingle(context, fix, opsOf));
  const singles = tried.map((t) => t.single);
  const refined = tried.flatMap((t) => t.refined ? [t.refined] : []);
  const survivors = singles.filter((s) => s.outcome !== "hurt");
  const helpers = singles.filter((s) => s.outcome === "helped");
  for (const subset of [survivors, helpers]) {
    if (subset.length === 0) continue;
    const together = await tryTogether(context, subset, singles);
    if (!together) continue;
    const keptKeys = new Set(together.kept.map((s) => fixKey(s.fix)));
    const accepted = acceptedTrial(
      context,
      together.attempt,
      `${together.attempt.verdict.reason} (kept ${together.kept.length} of ${fixes.length} fixes)`,
      singles.filter((s) => !keptKeys.has(fixKey(s.fix)))
    );
    accepted.rolledBack.push(...refined);
    return accepted;
  }
  return rolledBackTrial(context, first.verdict, fixes, singles);
}
function rolledBackTrial(context, verdict, fixes, dropped) {
  const reason = verdict.reason;
  return {
    accepted: false,
    reason,
    verdict,
    space: context.space,
    card: context.card,
    kept: [],
    dropped,
    rolledBack: fixes.map((fix) => ({ fix, key: fixKey(fix), reason })),
    patch: []
  };
}
var untaught = (c) => c.totals.trainUntaught.score;
async function trySingle(context, fix, opsOf) {
  const alone = await attemptFixes(context, [fix]);
  let outcome = outcomeOf(context.card, alone.card);
  let best = { fix, card: alone.card };
  let refined;
  if (outcome === "hurt" && alone.verdict.fixed.length > 0) {
    for (const variant of partVariants(fix)) {
      if (context.tried?.has(fixKey(variant))) continue;
      const tried = await attemptFixes(context, [variant]);
      if (!tried.verdict.accepted) continue;
      if (outcome === "hurt" || untaught(tried.card) > untaught(best.card)) {
        best = { fix: variant, card: tried.card };
        outcome = outcomeOf(context.card, tried.card);
      }
    }
    if (best.fix !== fix) {
      context.log(`  refined ${fixKey(fix)}: one part broke a passing question`);
      refined = {
        fix,
        key: fixKey(fix),
        reason: "one of its parts broke a passing question; a variant without it was tried"
      };
    }
  }
  const single = {
    fix: best.fix,
    ops: opsOf.get(fixKey(best.fix)) ?? [],
    outcome,
    delta: untaught(best.card) - untaught(context.card)
  };
  return { single, ...refined ? { refined } : {} };
}
async function tryTogether(context, subset, singles) {
  let together = await attemptFixes(
    context,
    subset.map((s) => s.fix)
  );
  if (!together.verdict.accepted) return void 0;
  const kept = [...subset];
  for (const single of singles.filter((s) => s.outcome === "hurt")) {
    const more = await attemptFixes(
      context,
      [...kept, single].map((s) => s.fix)
    );
    if (more.verdict.accepted && more.verdict.untaughtGain >= together.verdict.untaughtGain) {
      kept.push(single);
      together = more;
    }
  }
  return { attempt: together, kept };
}

// src/loop/example-gate.ts
var LEAVE_ONE_OUT_REASON = "the example fixes no train question besides the one(s) it was derived from (leave-one-out scoring): it would teach, not generalise";
function isTemplate(fix) {
  return fix.type === "add_example_query" && (fix.parameters?.length ?? 0) > 0 && fix.targets.length >= 2;
}
async function screenExamples(fixes, warehouse) {
  const kept = [];
  const rejected = [];
  for (const fix of fixes) {
    if (fix.type !== "add_example_query") {
      kept.push(fix);
      continue;
    }
    const sql = withParameterDefaults(fix.sql, fix.parameters ?? []);
    try {
      const result = await warehouse.execute(sql, { rowLimit: 1 });
      if (result.rows.length === 0) rejected.push({ fix, key: fixKey(fix), reason: "example SQL returns no rows" });
      else kept.push(fix);
    } catch (error) {
      rejected.push({ fix, key: fixKey(fix), reason: `example SQL fails: ${error.message}` });
    }
  }
  return { kept, rejected };
}
function withParameterDefaults(sql, parameters) {
  let out = sql;
  for (const p of parameters) {
    const values = Array.isArray(p.default_value) ? p.default_value : p.default_value ? [p.default_value] : [];
    if (values.length === 0) continue;
    const literal = values.map((v) => /^-?\d+(\.\d+)?$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`).join(", ");
    out = out.replace(new RegExp(`:${p.name}\\b`, "g"), literal);
  }
  return out;
}
async function requireGeneralisingExamples(context, trial, notes) {
  let current = trial;
  const plain = trial.kept.filter((k) => k.fix.type === "add_example_query" && !isTemplate(k.fix));
  for (const example of plain) {
    const fix = example.fix;
    const others = current.kept.filter((k) => k !== example && fixKey(k.fix) !== fixKey(fix));
    const without = await attemptFixes(
      context,
      others.map((k) => k.fix)
    );
    const failingWithout = new Set(without.card.questions.filter((q) => !q.passed).map((q) => q.id));
    const fixedByIt = current.card.questions.filter((q) => q.split === "train" && q.passed && failingWithout.has(q.id)).map((q) => q.id);
    const beyond = fixedByIt.filter((id) => !fix.targets.includes(id));
    if (beyond.length > 0) {
      notes.push(
        `example "${fix.question}" fixes ${beyond.join(", ")} besides its source(s) ${fix.targets.join(", ") || "(none)"}`
      );
      continue;
    }
    const rolled = { fix, key: fixKey(fix), reason: LEAVE_ONE_OUT_REASON };
    if (others.length === 0 || !without.verdict.accepted) {
      return {
        ...current,
        accepted: false,
        reason: `${LEAVE_ONE_OUT_REASON}; without it the iteration does not pass (${without.verdict.reason})`,
        verdict: without.verdict,
        space: context.space,
        card: context.card,
        kept: [],
        dropped: [...current.dropped, ...current.kept],
        rolledBack: [
          ...current.rolledBack,
          rolled,
          ...others.map((k) => ({ fix: k.fix, key: fixKey(k.fix), reason: "rolled back with the iteration" }))
        ],
        patch: []
      };
    }
    const next = acceptedTrial(context, without, without.verdict.reason, [...current.dropped]);
    next.rolledBack = [...current.rolledBack, rolled];
    next.dropped = [...current.dropped, { ...example, outcome: "no_effect" }];
    current = next;
  }
  return current;
}

// src/loop/confirm.ts
var askable = (card) => card.questions.filter((q) => q.expectedError === void 0).map((q) => q.id);
function isFullyScored(port, current) {
  const answered = port.answered(current.space);
  return askable(current.card).every((id) => answered.has(id));
}
async function confirmConfig(port, budget, current) {
  const ids = askable(current.card);
  const answered = port.answered(current.space);
  const need = ids.filter((id) => !answered.has(id)).length;
  const shortfall = budget?.shortfall(need, 0);
  if (shortfall !== void 0)
    return {
      ok: false,
      asked: 0,
      unseen: [],
      reason: `the final full scoring (${need} question(s)) does not fit ${shortfall}`
    };
  const card = port.compose(current.space, await port.ask(current.space, ids));
  const predicted = new Map(current.card.questions.map((q) => [q.id, q]));
  const unseen = card.questions.filter((q) => predicted.get(q.id)?.passed && !q.passed && !q.errored).map((q) => q.id);
  if (unseen.length === 0) return { ok: true, card, asked: need };
  return {
    ok: false,
    card,
    asked: need,
    unseen,
    reason: `the full scoring found ${unseen.join(", ")} failing, which screening predicted to pass`
  };
}

// src/loop/screening.ts
import { createHash } from "node:crypto";

// src/loop/impact.ts
var STOP_WORDS = new Set(
  "a an and are as at be by e g for from has have in is it its of on or say says the to with also called values value".split(
    " "
  )
);
var shortName2 = (table) => normalizeName(lastPart(table));
var columnKey2 = (table, column) => `${shortName2(table)}.${normalizeName(column)}`;
function wordsOf(text2) {
  return text2.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}
function saysTerm(text2, term) {
  const t = term.toLowerCase().trim();
  if (t.length === 0) return false;
  if (/^[\x20-\x7e]+$/.test(t)) {
    const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    return new RegExp(`(?<![a-z0-9_])${escaped}(?:s|es)?(?![a-z0-9_])`).test(text2);
  }
  return text2.includes(t);
}
function questionView(q) {
  const tables = /* @__PURE__ */ new Set();
  const columns = /* @__PURE__ */ new Set();
  const filtered = /* @__PURE__ */ new Set();
  for (const sql of [q.expectedSql, q.genieSql]) {
    if (!sql) continue;
    const shape = tryExtractSqlShape(sql);
    if (!shape) {
      for (const w of wordsOf(sql)) {
        tables.add(w);
        columns.add(`*.${w}`);
        filtered.add(`*.${w}`);
      }
      continue;
    }
    for (const t of shape.tables) tables.add(normalizeName(t.name));
    for (const c of shape.columns) {
      columns.add(`${c.table ? normalizeName(c.table) : "*"}.${normalizeName(c.column)}`);
      columns.add(`*.${normalizeName(c.column)}`);
    }
    for (const f of shape.filters) if (f.column) filtered.add(`*.${normalizeName(lastPart(f.column))}`);
  }
  return { id: q.id, text: q.question.toLowerCase(), tables, columns, filtered };
}
function readsColumn(q, table, column) {
  return q.tables.has(shortName2(table)) && (q.columns.has(columnKey2(table, column)) || q.columns.has(`*.${normalizeName(column)}`));
}
function filtersColumn(q, table, column) {
  return q.tables.has(shortName2(table)) && q.filtered.has(`*.${normalizeName(column)}`);
}
function termElements(prefix, terms) {
  const unique = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter((t) => t.length >= 2))];
  return unique.map((term) => ({ id: `${prefix}|${term}`, touches: (q) => saysTerm(q.text, term) }));
}
function newWords(oldText, text2, known = []) {
  const old = /* @__PURE__ */ new Set([...wordsOf(oldText), ...known.flatMap(wordsOf)]);
  return wordsOf(text2).filter((w) => !old.has(w) && !STOP_WORDS.has(w) && w.length >= 2);
}
function joinTables(fix, space) {
  if (fix.type === "add_join") return [fix.left.table, fix.right.table];
  if (fix.type !== "fix_join") return [];
  const spec = space.instructions?.join_specs?.find((j) => j.id === fix.joinId);
  return spec ? [spec.left.identifier, spec.right.identifier] : [];
}
var everything = (id) => ({ id, touches: () => true });
function fixElements(fix, context) {
  const prefix = `${fix.type}|${fixTarget(fix)}`;
  const targets = new Set(fix.targets);
  const own = { id: `${prefix}|targets:${[...targets].sort().join(",")}`, touches: (q) => targets.has(q.id) };
  const about = tablesOf(fix, context.space).map(shortName2);
  return [own, ...bodyElements(fix, prefix, context).map((e) => ({ ...e, about }))];
}
function tablesOf(fix, space) {
  switch (fix.type) {
    case "add_synonym":
    case "add_column_description":
    case "update_table_description":
    case "enable_build_value_dictionary":
    case "enable_get_example_values":
      return [fix.table];
    case "add_join":
    case "fix_join":
      return joinTables(fix, space);
    default:
      return [];
  }
}
function isForeign(element, q) {
  return (element.about ?? []).length > 0 && !(element.about ?? []).some((t) => q.tables.has(t));
}
function bodyElements(fix, prefix, context) {
  const table = (id) => context.space.data_sources?.tables?.find((t) => normalizeIdentifier(t.identifier) === normalizeIdentifier(id));
  switch (fix.type) {
    case "add_synonym":
      return termElements(prefix, fix.synonyms);
    case "add_column_description": {
      const old = table(fix.table)?.column_configs?.find(
        (c) => normalizeName(c.column_name) === normalizeName(fix.column)
      );
      return termElements(prefix, newWords((old?.description ?? []).join(" "), fix.description, [fix.column]));
    }
    case "update_table_description": {
      const old = (table(fix.table)?.description ?? []).join(" ");
      return termElements(prefix, newWords(old, fix.description, [lastPart(fix.table)]));
    }
    case "add_join":
    case "fix_join": {
      const [left, right] = joinTables(fix, context.space);
      if (!left || !right) return [everything(`${prefix}|all`)];
      return [
        {
          id: `${prefix}|tables`,
          touches: (q) => q.tables.has(shortName2(left)) && q.tables.has(shortName2(right))
        }
      ];
    }
    case "enable_build_value_dictionary":
    case "enable_get_example_values": {
      const structural = { id: `${prefix}|filters`, touches: (q) => filtersColumn(q, fix.table, fix.column) };
      if (fix.type === "enable_get_example_values") return [structural];
      const values = context.values?.(fix.table, fix.column);
      if (!values)
        return [structural, { id: `${prefix}|reads`, touches: (q) => readsColumn(q, fix.table, fix.column) }];
      return [structural, ...termElements(prefix, values)];
    }
    case "add_sql_snippet":
      return termElements(prefix, [fix.display_name, ...fix.synonyms ?? [], ...fix.alias ? [fix.alias] : []]);
    case "add_example_query": {
      const words = new Set(newWords("", fix.question));
      return [
        {
          id: `${prefix}|similar`,
          touches: (q) => {
            if (words.size === 0) return true;
            const shared = new Set(wordsOf(q.text).filter((w) => words.has(w))).size;
            return shared * 2 >= words.size;
          }
        }
      ];
    }
    case "add_text_instruction":
      return [everything(`${prefix}|all`)];
  }
}

// src/loop/screening.ts
var hash = (text2) => createHash("sha256").update(text2).digest("hex");
var IterationScreen = class {
  constructor(base, settings, watch, label) {
    this.base = base;
    this.settings = settings;
    this.watch = watch;
    this.label = label;
    this.views = new Map(base.card.questions.map((q) => [q.id, questionView(q)]));
    this.context = { space: base.space, values: (t, c) => this.values.get(`${t}|${c}`) };
    this.askable = base.card.questions.filter((q) => q.expectedError === void 0).length;
    for (const q of base.card.questions) this.memo.set(q.id, /* @__PURE__ */ new Map([["", q]]));
  }
  base;
  settings;
  watch;
  label;
  memo = /* @__PURE__ */ new Map();
  values = /* @__PURE__ */ new Map();
  context;
  views;
  askable;
  screens = 0;
  planned = 0;
  /** Candidate configs screened so far. */
  get count() {
    return this.screens;
  }
  /** Genie questions a full scoring of `space` still needs. */
  remainder(space) {
    return Math.max(0, this.askable - this.settings.port.answered(space).size);
  }
  async screen(fixes, candidate) {
    const plan = await this.plan(fixes);
    this.planned++;
    const answers = /* @__PURE__ */ new Map();
    const asked = [];
    const reused = [];
    const before = new Map(this.base.card.questions.map((q) => [q.id, q]));
    let counted = false;
    const card = () => this.compose(candidate, answers);
    const regressed = () => [...answers.values()].filter((q) => before.get(q.id)?.passed && !q.passed && !q.errored).map((q) => q.id);
    const ask = async (ids, memoised) => {
      const wanted = ids.filter((id) => !answers.has(id));
      const fresh = [];
      const useMemo = (id) => memoised && !this.watch.has(id);
      for (const id of wanted) {
        const hit = useMemo(id) ? this.memo.get(id)?.get(plan.keys.get(id) ?? "") : void 0;
        if (hit) {
          answers.set(id, hit);
          reused.push(id);
        } else fresh.push(id);
      }
      const known = this.settings.port.answered(candidate);
      const cost = fresh.filter((id) => !known.has(id)).length;
      if (fresh.length > 0) this.settings.budget?.require(cost, this.reserve(candidate, cost));
      if (!counted && (fresh.length > 0 || reused.length > 0)) {
        counted = true;
        this.screens++;
      }
      if (fresh.length === 0) return;
      for (const q of await this.settings.port.ask(candidate, fresh)) {
        answers.set(q.id, q);
        if (known.has(q.id)) reused.push(q.id);
        else asked.push(q.id);
        if (useMemo(q.id)) this.memo.get(q.id)?.set(plan.keys.get(q.id) ?? "", q);
      }
    };
    const result = (stop, canaryChanged = []) => ({
      card: card(),
      asked,
      reused,
      regressed: regressed(),
      canary: plan.canary,
      canaryChanged,
      stop,
      touching: plan.touching
    });
    const targetsFirst = fixes.length === 1 || plan.risk.length === 0;
    if (targetsFirst) {
      await ask(plan.targets, true);
      if (!this.gained(answers)) return result("no-gain");
    }
    const chunk = Math.max(1, this.settings.chunk ?? 4);
    for (let i = 0; i < plan.risk.length; i += chunk) {
      await ask(plan.risk.slice(i, i + chunk), true);
      if (regressed().length > 0) return result("regression");
    }
    if (!targetsFirst) {
      await ask(plan.targets, true);
      if (!this.gained(answers)) return result("no-gain");
    }
    await ask(plan.canary, false);
    const changed = plan.canary.filter((id) => answers.get(id)?.passed !== before.get(id)?.passed);
    if (regressed().length > 0) return result("regression", changed);
    return result(void 0, changed);
  }
  /** A full scoring of `space`: every question asked under it (answers of the same config reused). */
  async full(space) {
    const ids = this.base.card.questions.filter((q) => q.expectedError === void 0).map((q) => q.id);
    this.settings.budget?.require(this.remainder(space), this.remainder(this.base.space));
    const answers = new Map((await this.settings.port.ask(space, ids)).map((q) => [q.id, q]));
    return this.compose(space, answers);
  }
  /** How many parts of `fix` (its targets aside) touch one of the questions: for refining a fix that broke them. */
  touchingParts(fix, ids) {
    const views = ids.map((id) => this.views.get(id)).filter((v) => v !== void 0);
    return fixElements(fix, this.context).filter((e) => !e.id.includes("|targets:") && views.some((v) => e.touches(v))).length;
  }
  /** Questions to keep in hand for the final full scoring: of the current config, or of this candidate once asked. */
  reserve(candidate, cost) {
    return Math.max(this.remainder(this.base.space), this.remainder(candidate) - cost);
  }
  gained(answers) {
    const before = new Map(this.base.card.questions.map((q) => [q.id, q]));
    return [...answers.values()].some((q) => {
      const b = before.get(q.id);
      return q.split === "train" && q.passed && !q.taught && b !== void 0 && !b.passed && !b.taught;
    });
  }
  compose(candidate, answers) {
    const questions = this.base.card.questions.map((q) => answers.get(q.id) ?? q);
    return this.settings.port.compose(candidate, questions);
  }
  async plan(fixes) {
    for (const fix of fixes) {
      if (fix.type !== "enable_build_value_dictionary") continue;
      const key = `${fix.table}|${fix.column}`;
      if (!this.values.has(key)) this.values.set(key, await this.settings.port.values(fix.table, fix.column));
    }
    const elements = fixes.map((fix) => ({ fix, elements: fixElements(fix, this.context) }));
    const targets = [];
    const risk = [];
    const untouched = [];
    const keys = /* @__PURE__ */ new Map();
    const touching = /* @__PURE__ */ new Map();
    for (const q of this.base.card.questions) {
      if (q.expectedError !== void 0) continue;
      const view = this.views.get(q.id);
      const hits = elements.map((e) => ({ fix: e.fix, elements: e.elements.filter((el) => el.touches(view)) })).filter((e) => e.elements.length > 0);
      const ids = hits.flatMap((h) => h.elements.map((el) => `${fixKey(h.fix)}#${el.id}`));
      keys.set(
        q.id,
        hash(
          ids.map((id) => id.slice(id.indexOf("#") + 1)).sort().join("\n")
        )
      );
      if (hits.length > 0) touching.set(q.id, hits);
      const touched = hits.length > 0;
      if (!touched && !this.watch.has(q.id)) {
        if (q.passed) untouched.push(q.id);
        continue;
      }
      if (!touched && !q.passed) continue;
      const foreign = hits.reduce((n, h) => n + h.elements.filter((e) => isForeign(e, view)).length, 0);
      const weight = ids.length + 10 * foreign + (this.watch.has(q.id) ? 1e3 : 0);
      if (q.errored || q.passed) risk.push({ id: q.id, weight });
      else if (q.split === "train") targets.push(q.id);
    }
    risk.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
    const size = this.settings.canary ?? Math.max(2, Math.ceil(0.02 * this.askable));
    const seed = `${this.settings.seed ?? 0}|${this.label}|${this.planned}`;
    const canary = untouched.map((id) => ({ id, rank: hash(`${seed}|${id}`) })).sort((a, b) => a.rank.localeCompare(b.rank)).slice(0, size).map((c) => c.id);
    return { targets, risk: risk.map((r) => r.id), canary, keys, touching };
  }
};

// src/loop/screened-trial.ts
var MAX_ROUNDS = 4;
async function screenBatch(context, screen, watch, fixes) {
  let current = fixes;
  const hurt = [];
  const rolled = [];
  const start = screen.count;
  const done = (result, confirmed = false) => ({
    ...result,
    rolledBack: [...result.rolledBack, ...rolled.filter((r) => !result.rolledBack.some((x) => x.key === r.key))],
    candidates: screen.count - start,
    confirmed
  });
  for (let round = 1; round <= MAX_ROUNDS && current.length > 0; round++) {
    const applied = applyFixes(context.space, current, context.options);
    const active = applied.applied.map((a) => a.fix);
    if (active.length === 0) break;
    const screened = await screen.screen(active, applied.space);
    context.log(
      `  screened ${active.length} fix(es): asked ${screened.asked.length}, reused ${screened.reused.length}, carried ${screened.card.questions.length - screened.asked.length - screened.reused.length}`
    );
    let card = screened.card;
    let verdict = judge(context.card, card, context.acceptance);
    if (screened.stop === "no-gain" || !verdict.accepted && verdict.regressions.length === 0 && verdict.holdoutDelta >= 0)
      return done(
        rejectAll(
          context,
          fixes,
          hurt,
          screened.stop === "no-gain" ? "no target question improved" : verdict.reason,
          verdict
        )
      );
    const needsFull = screened.canaryChanged.length > 0 || verdict.accepted && verdict.regressions.length > 0;
    if (verdict.accepted && needsFull) {
      context.log(`  confirming with a full scoring (${describeWhy(screened, verdict)})`);
      card = await screen.full(applied.space);
      const seen = /* @__PURE__ */ new Set([...screened.asked, ...screened.reused]);
      const fresh = judge(context.card, card, context.acceptance);
      for (const id of fresh.regressions) if (!seen.has(id)) watch.add(id);
      verdict = fresh;
    }
    if (!verdict.accepted) {
      const blame = assignBlame(screen, verdict.regressions, screened, current, context.tried);
      if (blame.unexplained.length > 0) {
        for (const id of blame.unexplained) watch.add(id);
        context.log(`  ${blame.unexplained.join(", ")} regressed where no fix reaches: trying the fixes one by one`);
        return done(await tryBatch(context, current));
      }
      hurt.push(...blame.hurt);
      rolled.push(...blame.rolled);
      current = blame.next;
      continue;
    }
    const run = { applied, card, verdict };
    if (context.confirmGain) {
      const gain = await context.confirmGain(
        { space: context.space, card: context.card },
        { space: applied.space, card }
      );
      if (!gain.significant) return done(rejectAll(context, fixes, hurt, gain.reason, verdict));
      run.card = gain.card;
      run.verdict = { ...verdict, reason: `${verdict.reason}; ${gain.reason}` };
    }
    const kept = `kept ${active.length} of ${fixes.length} fixes`;
    return done(acceptedTrial(context, run, `${run.verdict.reason} (${kept})`, hurt), card !== screened.card);
  }
  return done(rejectAll(context, fixes, hurt, "every fix broke a passing question or was left out"));
}
function describeWhy(screened, verdict) {
  if (screened.canaryChanged.length > 0) return `canary ${screened.canaryChanged.join(", ")} changed`;
  return `${verdict.regressions.join(", ")} regressed within the budget`;
}
function rejectAll(context, fixes, hurt, reason, verdict = judge(context.card, context.card, context.acceptance)) {
  const hurtKeys = new Set(hurt.map((h) => fixKey(h.fix)));
  const dropped = [
    ...hurt,
    ...fixes.filter((f) => !hurtKeys.has(fixKey(f))).map((fix) => ({ fix, ops: [], outcome: "no_effect", delta: 0 }))
  ];
  return {
    accepted: false,
    reason,
    verdict,
    space: context.space,
    card: context.card,
    kept: [],
    dropped,
    rolledBack: fixes.map((fix) => ({ fix, key: fixKey(fix), reason })),
    patch: []
  };
}
function assignBlame(screen, regressed, screened, fixes, tried) {
  const blamed = /* @__PURE__ */ new Map();
  const unexplained = [];
  for (const id of regressed) {
    const hits = screened.touching.get(id) ?? [];
    if (hits.length === 0) unexplained.push(id);
    for (const h of hits) blamed.set(fixKey(h.fix), [...blamed.get(fixKey(h.fix)) ?? [], id]);
  }
  const blame = { next: [], hurt: [], rolled: [], unexplained };
  for (const fix of fixes) {
    const broke = blamed.get(fixKey(fix));
    if (!broke) {
      blame.next.push(fix);
      continue;
    }
    const refined = refineAway(screen, fix, broke, tried);
    const key = fixKey(fix);
    blame.hurt.push({ fix, ops: [], outcome: "hurt", delta: 0 });
    if (refined) {
      blame.next.push(refined);
      blame.rolled.push({
        fix,
        key,
        reason: `one of its parts broke ${broke.join(", ")} (screened); a variant without it was tried`
      });
    } else {
      blame.rolled.push({ fix, key, reason: `broke ${broke.join(", ")}, which it touches (screened)` });
    }
  }
  return blame;
}
function refineAway(screen, fix, ids, tried) {
  let current = fix;
  let touching = screen.touchingParts(fix, ids);
  if (touching === 0) return void 0;
  while (touching > 0) {
    const best = partVariants(current).filter((v) => !tried?.has(fixKey(v))).map((v) => ({ v, n: screen.touchingParts(v, ids) })).sort((a, b) => a.n - b.n)[0];
    if (!best || best.n >= touching) return void 0;
    current = best.v;
    touching = best.n;
  }
  return current;
}

// src/loop/screened-run.ts
var ScreenedRun = class {
  constructor(settings, budget, start, lessons, watched = []) {
    this.settings = settings;
    this.budget = budget;
    this.watch = new Set(watched);
    this.confirmed = { ...start, lessons: structuredClone(lessons), iteration: 0 };
  }
  settings;
  budget;
  watch;
  confirmed;
  stats = { candidates: 0, confirmations: 0, watched: [] };
  /** Screens one iteration's batch over the current config; `then` runs further checks (the example gate) screened too. */
  async trial(context, fixes, index, then = (_, t) => t, record) {
    const screen = new IterationScreen(
      { space: context.space, card: context.card },
      this.settings,
      this.watch,
      `iteration ${index}`
    );
    const screened = {
      ...context,
      screen: async (subset, applied) => (await screen.screen(subset, applied)).card
    };
    try {
      const batch = await screenBatch(screened, screen, this.watch, fixes);
      if (batch.confirmed) this.stats.confirmations++;
      const checked = await then(screened, batch);
      if (record) record.screened = { candidates: screen.count, confirmed: checked === batch && batch.confirmed };
      return checked;
    } finally {
      this.stats.candidates += screen.count;
      this.stats.watched = [...this.watch].sort();
    }
  }
  /** An iteration was kept: remember it as the rollback point when its card is a full scoring. */
  kept(current, lessons, index) {
    if (isFullyScored(this.settings.port, current))
      this.confirmed = { ...current, lessons: structuredClone(lessons), iteration: index };
  }
  /**
   * The loop stopped: confirm the config it ended on with a full scoring. When that fails (a
   * regression screening did not see, or no budget left for it), the loop's state goes back to
   * the last confirmed config and the iterations after it are marked as rolled back.
   */
  async finish(current, iterations) {
    if (isFullyScored(this.settings.port, current)) {
      const card = this.settings.port.compose(
        current.space,
        await this.settings.port.ask(current.space, askable2(current))
      );
      confirmedCounts(iterations, card);
      return { ok: true, space: current.space, card };
    }
    const confirmation = await confirmConfig(this.settings.port, this.budget, current);
    this.stats.confirmations += confirmation.asked > 0 ? 1 : 0;
    if (confirmation.ok) {
      confirmedCounts(iterations, confirmation.card);
      return { ok: true, space: current.space, card: confirmation.card };
    }
    for (const id of confirmation.unseen) this.watch.add(id);
    this.stats.watched = [...this.watch].sort();
    const back = this.confirmed;
    const reason = `rolled back to ${back.iteration === 0 ? "the starting config" : `iteration ${back.iteration}`}: ${confirmation.reason}`;
    this.stats.rollback = { reason, toIteration: back.iteration };
    for (const record of iterations) {
      if (record.index <= back.iteration || !record.accepted) continue;
      record.accepted = false;
      record.reason = `${record.reason}; ${reason}`;
      record.rejected.push(...record.applied.map((a) => ({ fix: a.fix, key: fixKey(a.fix), reason })));
      record.applied = [];
      record.patch = [];
    }
    const lessons = structuredClone(back.lessons);
    return { ok: false, space: back.space, card: back.card, lessons, reason, unseen: confirmation.unseen };
  }
};
function confirmedCounts(iterations, card) {
  const last = [...iterations].reverse().find((r) => r.accepted);
  for (const record of iterations) {
    if (last && record.index < last.index) continue;
    if (last && record.index > last.index) record.before = countsOf(card);
    record.after = countsOf(card);
    if (record.screened) record.screened.confirmed = true;
  }
}
var askable2 = (current) => current.card.questions.filter((q) => q.expectedError === void 0).map((q) => q.id);

// src/loop/slots.ts
function costOf(space, fix) {
  switch (fix.type) {
    case "add_example_query":
      return { instructions: 1, snippets: 0 };
    case "add_text_instruction":
      return { instructions: (space.instructions?.text_instructions?.length ?? 0) > 0 ? 0 : 1, snippets: 0 };
    case "add_join":
    case "add_sql_snippet":
      return { instructions: 0, snippets: 1 };
    case "update_table_description": {
      const table = (space.data_sources?.tables ?? []).find(
        (t) => normalizeIdentifier(t.identifier) === normalizeIdentifier(fix.table)
      );
      return { instructions: 0, snippets: table && joinText(table.description).trim() !== "" ? 0 : 1 };
    }
    default:
      return { instructions: 0, snippets: 0 };
  }
}
function fitToSlots(space, fixes) {
  const used = slotUsage(space);
  const left = {
    instructions: GENIE_LIMITS.instructions - used.instructions,
    snippets: GENIE_LIMITS.snippets - used.snippets
  };
  const costs = fixes.map((fix) => costOf(space, fix));
  const need = costs.reduce(
    (n, c) => ({ instructions: n.instructions + c.instructions, snippets: n.snippets + c.snippets }),
    {
      instructions: 0,
      snippets: 0
    }
  );
  if (need.instructions <= left.instructions && need.snippets <= left.snippets)
    return { kept: [...fixes], deferred: [] };
  const order = fixes.map((fix, i) => ({ fix, i, cost: costs[i] })).sort((a, b) => {
    const slots = (x) => Math.max(1, x.cost.instructions + x.cost.snippets);
    return b.fix.targets.length / slots(b) - a.fix.targets.length / slots(a) || a.i - b.i;
  });
  const keep = /* @__PURE__ */ new Set();
  const deferred = [];
  for (const { fix, i, cost } of order) {
    if (cost.instructions <= left.instructions && cost.snippets <= left.snippets) {
      left.instructions -= cost.instructions;
      left.snippets -= cost.snippets;
      keep.add(i);
    } else
      deferred.push({
        fix,
        key: fixKey(fix),
        reason: `no slot left under Genie's limits (${used.instructions}/${GENIE_LIMITS.instructions} instructions, ${used.snippets}/${GENIE_LIMITS.snippets} snippets used); fixes aiming at more questions per slot went first`
      });
  }
  return { kept: fixes.filter((_, i) => keep.has(i)), deferred };
}

// src/loop/loop-pass.ts
async function openPass(input, watched, startCard) {
  const lessons = structuredClone(input.lessons);
  const card = startCard ?? await input.score(input.space);
  return {
    input,
    log: input.log ?? (() => {
    }),
    lessons,
    holdoutSql: input.benchmarks.filter((b) => b.split === "holdout").map((b) => b.sql),
    acceptance: { maxRegressions: input.maxRegressions ?? 0 },
    categoryOf: /* @__PURE__ */ new Map(),
    usage: { promptTokens: 0, completionTokens: 0, calls: 0 },
    scorings: startCard ? 0 : 1,
    space: input.space,
    card,
    before: card,
    iterations: [],
    run: input.screening ? new ScreenedRun(input.screening, input.budget, { space: input.space, card }, lessons, watched) : void 0
  };
}
function scoreFull(pass, space) {
  pass.scorings += 1;
  return pass.input.score(space);
}
async function iterate(pass, index) {
  const target = pass.input.targetScore ?? 1;
  if (pass.card.totals.trainUntaught.score >= target)
    return `train-untaught score ${pct(pass.card.totals.trainUntaught.score)} reached the target ${pct(target)}`;
  const proposed = await proposeBatch(pass, index);
  if (!proposed) return "no failing train question left";
  const { record, rejected } = proposed;
  pass.iterations.push(record);
  if (proposed.fixes.length === 0) {
    record.reason = "no applicable fix was proposed";
    remember(pass.lessons, rejected);
    return `iteration ${index} had no applicable fix`;
  }
  const trial = await judgeBatch(pass, index, proposed);
  if (typeof trial === "string") return trial;
  recordTrial(pass, record, rejected, trial);
  if (!trial.accepted) return `iteration ${index} gained nothing (${trial.reason})`;
  keepTrial(pass, record, trial, index);
  return void 0;
}
async function proposeBatch(pass, index) {
  const { input, lessons, space, card } = pass;
  const failures = await gatherEvidence(card, input.benchmarks, input.warehouse);
  if (failures.length === 0) return void 0;
  for (const f of failures) if (f.category) pass.categoryOf.set(f.id, f.category);
  const tried = triedKeys(lessons);
  const proposal = await input.analyst.propose({
    space,
    failures,
    warehouse: input.warehouse,
    warehouseSchema: input.warehouseSchema,
    lessonsText: lessonNotes(lessons).join("\n"),
    alreadyTried: tried,
    allowTaughtExamples: input.allowTaughtExamples ?? false
  });
  pass.usage.promptTokens += proposal.usage?.promptTokens ?? 0;
  pass.usage.completionTokens += proposal.usage?.completionTokens ?? 0;
  pass.usage.calls += proposal.usage?.calls ?? 0;
  const screened = await screenExamples(
    proposal.fixes.filter((fix) => !tried.has(fixKey(fix))),
    input.warehouse
  );
  const slots = fitToSlots(space, screened.kept);
  const fresh = slots.kept;
  pass.log(`iteration ${index}: ${failures.length} failing train question(s), ${fresh.length} new fix(es) proposed`);
  const options = {
    file: input.file,
    warehouseSchema: input.warehouseSchema,
    holdoutSql: pass.holdoutSql,
    benchmarks: input.benchmarks,
    allowTaughtExamples: input.allowTaughtExamples
  };
  const batch = applyFixes(space, fresh, options);
  const rejected = [...screened.rejected, ...batch.rejected.map((r) => ({ fix: r.fix, key: r.key, reason: r.reason }))];
  const notes = [...proposal.notes, ...slots.deferred.map((d) => `deferred ${summarizeFix(d.fix)}: ${d.reason}`)];
  const record = {
    index,
    accepted: false,
    reason: "",
    before: countsOf(card),
    after: countsOf(card),
    applied: [],
    rejected,
    patch: [],
    regressions: [],
    fixed: [],
    notes
  };
  return { fixes: batch.applied.map((a) => a.fix), rejected, record, tried, options };
}
async function judgeBatch(pass, index, proposed) {
  const { input, run } = pass;
  const { fixes, record } = proposed;
  const context = {
    space: pass.space,
    card: pass.card,
    score: (space) => scoreFull(pass, space),
    options: proposed.options,
    acceptance: pass.acceptance,
    isolate: input.isolateFixes ?? true,
    log: pass.log,
    tried: proposed.tried,
    confirmGain: input.confirmGain
  };
  const gate = (c, t) => t.accepted && !input.allowTaughtExamples ? requireGeneralisingExamples(c, t, record.notes) : t;
  try {
    return run ? await run.trial(context, fixes, index, gate, record) : await gate(context, await tryBatch(context, fixes));
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
    record.reason = `not judged: the run stopped on ${error.reason}`;
    record.untried = fixes.map(summarizeFix);
    return `it reached ${error.reason}`;
  }
}
function recordTrial(pass, record, rejected, trial) {
  record.accepted = trial.accepted;
  record.reason = trial.reason;
  record.after = countsOf(trial.card);
  record.regressions = trial.accepted ? trial.verdict.regressions : [];
  record.fixed = trial.accepted ? trial.verdict.fixed : [];
  if (!trial.accepted && trial.verdict.regressions.length > 0) record.candidateRegressions = trial.verdict.regressions;
  rejected.push(...trial.rolledBack);
  remember(pass.lessons, rejected);
  const categoriesOf = (fix) => {
    const cats = fix.targets.map((id) => pass.categoryOf.get(id)).filter((c) => Boolean(c));
    return cats.length > 0 ? [...new Set(cats)] : ["unknown"];
  };
  for (const t of [...trial.kept, ...trial.dropped]) {
    for (const category of categoriesOf(t.fix))
      recordOutcome(pass.lessons, t.fix.type, category, t.outcome ?? "no_effect", t.delta);
  }
}
function keepTrial(pass, record, trial, index) {
  record.applied = trial.kept.map((t) => ({ fix: t.fix, key: fixKey(t.fix), ops: t.ops, outcome: t.outcome }));
  record.patch = trial.patch;
  for (const t of record.applied)
    recordFix(pass.lessons, "applied_fixes", { key: t.key, type: t.fix.type, summary: summarizeFix(t.fix) });
  pass.space = trial.space;
  pass.card = trial.card;
  pass.run?.kept({ space: pass.space, card: pass.card }, pass.lessons, index);
  pass.log(`iteration ${index}: kept ${record.applied.length} fix(es): ${trial.reason}`);
}
async function finishPass(pass, stopReason) {
  const { run, lessons } = pass;
  let { space, card } = pass;
  const end = run ? await run.finish({ space, card }, pass.iterations) : void 0;
  if (end) {
    ({ space, card } = end);
    if (!end.ok) {
      pass.log(end.reason);
      Object.assign(lessons, end.lessons);
      stopReason = `${stopReason}; ${end.reason}`;
    }
  }
  const unseen = end && !end.ok ? end.unseen : void 0;
  const result = {
    before: pass.before,
    after: card,
    space,
    iterations: pass.iterations,
    lessons,
    stopReason,
    scorings: pass.scorings,
    analystUsage: pass.usage,
    screening: run?.stats,
    budgetStop: pass.input.budget?.exhausted
  };
  return { result, unseen };
}
function remember(lessons, rejected) {
  for (const r of rejected)
    recordFix(lessons, "rejected_fixes", {
      key: r.key,
      type: r.fix.type,
      summary: summarizeFix(r.fix),
      reason: r.reason
    });
}

// src/loop/enhance-loop.ts
async function runEnhanceLoop(input) {
  const first = await loopOnce(input, [], 1);
  const unseen = first.unseen ?? [];
  const left = (input.maxIterations ?? 10) - first.result.iterations.length;
  if (unseen.length === 0 || left < 1) return first.result;
  input.log?.(`replaying from the last confirmed config with ${unseen.join(", ")} screened on every candidate`);
  const from = first.result;
  const offset = from.iterations.length;
  const again = await loopOnce(
    { ...input, space: from.space, lessons: from.lessons, maxIterations: left },
    unseen,
    offset + 1,
    from.after
  );
  const second = again.result;
  return {
    ...second,
    before: from.before,
    iterations: [...from.iterations, ...second.iterations],
    stopReason: `${second.stopReason} (after a replay: ${from.screening?.rollback?.reason ?? from.stopReason})`,
    scorings: from.scorings + second.scorings,
    analystUsage: {
      promptTokens: from.analystUsage.promptTokens + second.analystUsage.promptTokens,
      completionTokens: from.analystUsage.completionTokens + second.analystUsage.completionTokens,
      calls: from.analystUsage.calls + second.analystUsage.calls
    },
    screening: second.screening && {
      ...second.screening,
      candidates: (from.screening?.candidates ?? 0) + second.screening.candidates,
      confirmations: (from.screening?.confirmations ?? 0) + second.screening.confirmations
    }
  };
}
async function loopOnce(input, watched, firstIndex, startCard) {
  const pass = await openPass(input, watched, startCard);
  const maxIterations = input.maxIterations ?? 10;
  let stopReason = `reached the maximum of ${maxIterations} iteration(s)`;
  for (let index = firstIndex; index < firstIndex + maxIterations; index++) {
    const stop = await iterate(pass, index);
    if (stop !== void 0) {
      stopReason = stop;
      break;
    }
  }
  return finishPass(pass, stopReason);
}

// src/commands/enhance-scoring.ts
import path from "node:path";

// src/commands/answer-cache.ts
import { existsSync, readFileSync } from "node:fs";
function readCachedAnswers(file, hash2, dataVersion, byId) {
  const out = /* @__PURE__ */ new Map();
  if (!existsSync(file)) return out;
  try {
    const data = JSON.parse(readFileSync(file, "utf8"));
    if (data.version !== 1 || data.configHash !== hash2 || data.data !== dataVersion) return out;
    for (const [id, a] of Object.entries(data.answers)) {
      const b = byId.get(id);
      if (!b || b.question !== a.question || b.sql !== a.expectedSql) continue;
      out.set(id, { ...a.score, split: b.split, tags: [...b.tags] });
    }
  } catch {
  }
  return out;
}
function writeCachedAnswers(file, key, scores) {
  const answers = {};
  for (const [id, score] of scores) {
    if (score.errored || score.expectedError !== void 0) continue;
    answers[id] = { question: score.question, expectedSql: score.expectedSql, score };
  }
  const data = { version: 1, configHash: key.hash, backend: key.backend, data: key.data, answers };
  writeFileAtomic(file, `${JSON.stringify(data)}
`);
}

// src/commands/enhance-scoring.ts
var MAX_VALUE_WORDS2 = 50;
function enhanceScoring(backend, spaceName, benchmarks, calls, options = {}) {
  const entries = /* @__PURE__ */ new Map();
  const expectedCache = /* @__PURE__ */ new Map();
  const scoring = { ...options.scoring, expectedCache };
  const byId = new Map(benchmarks.map((b) => [b.id, b]));
  const allIds = benchmarks.map((b) => b.id);
  const benchmarksHash = hashBenchmarks(benchmarks);
  let askingMs = 0;
  let reusedFromCache = 0;
  const dataVersion = backend.dataVersion ?? "";
  const cacheDir = options.cacheDir && backend.dataVersion !== void 0 ? options.cacheDir : void 0;
  const entryOf = (space) => {
    const hash2 = hashSpace(space);
    let entry = entries.get(hash2);
    if (!entry) {
      entry = { space, answers: /* @__PURE__ */ new Map(), cached: /* @__PURE__ */ new Set() };
      if (cacheDir) {
        entry.answers = readCachedAnswers(cacheFile(cacheDir, spaceName, backend.name, hash2), hash2, dataVersion, byId);
        entry.cached = new Set(entry.answers.keys());
      }
      entries.set(hash2, entry);
    }
    return entry;
  };
  const writeCache = (hash2, entry) => {
    if (!cacheDir) return;
    const file = cacheFile(cacheDir, spaceName, backend.name, hash2);
    writeCachedAnswers(file, { hash: hash2, backend: backend.name, data: dataVersion }, entry.answers);
  };
  const ask = async (space, ids) => {
    const entry = entryOf(space);
    const missing = new Set(ids.filter((id) => !entry.answers.has(id) && byId.has(id)));
    if (missing.size > 0) {
      const wanted = benchmarks.filter((b) => missing.has(b.id));
      const card = await configScorer(backend, spaceName, space, wanted, scoring).score();
      calls.genie += card.calls.genie;
      calls.statements += card.calls.statements;
      askingMs += card.durationMs;
      for (const q of card.questions) entry.answers.set(q.id, q);
      writeCache(hashSpace(space), entry);
    }
    for (const id of ids) if (entry.answers.has(id) && entry.cached.delete(id)) reusedFromCache++;
    return ids.flatMap((id) => entry.answers.get(id) ?? []);
  };
  const compose = (space, questions) => composeCard({ spaceName, backend: backend.name, benchmarks, benchmarksHash }, space, questions);
  const port = {
    ask,
    compose,
    answered: (space) => new Set(entryOf(space).answers.keys()),
    values: (table, column) => distinctValues(backend, calls, table, column)
  };
  return {
    score: async (space) => compose(space, await ask(space, allIds)),
    reaskerOf: (space) => countedReasker(() => configScorer(backend, spaceName, space, benchmarks, scoring), calls),
    port,
    meter: { asked: () => calls.genie, askingMs: () => askingMs },
    get reusedFromCache() {
      return reusedFromCache;
    }
  };
}
function countedReasker(scorer, calls) {
  return {
    reask: async (card, ids) => {
      const more = await scorer().reask(card, ids);
      calls.genie += more.calls.genie - card.calls.genie;
      calls.statements += more.calls.statements - card.calls.statements;
      return more;
    }
  };
}
async function distinctValues(backend, calls, table, column) {
  const from = quoteTableIdentifier(table);
  if (!from) return void 0;
  const col = quoteName(column);
  try {
    calls.statements++;
    const result = await backend.warehouse.execute(
      `SELECT DISTINCT ${col} FROM ${from} WHERE ${col} IS NOT NULL LIMIT ${MAX_VALUE_WORDS2 + 1}`
    );
    if (result.rows.length > MAX_VALUE_WORDS2) return void 0;
    return result.rows.map((r) => r[0]).filter((v) => typeof v === "string");
  } catch {
    return void 0;
  }
}
function defaultAnswerCacheDir(root) {
  return path.join(root, ".genie-gitops", "cache", "answers");
}
function cacheFile(dir, space, backend, configHash) {
  return path.join(dir, space, `${backend}-${configHash.slice(0, 24)}.json`);
}
function composeCard(run, space, questions) {
  const { benchmarks } = run;
  const order = new Map(benchmarks.map((b, i) => [b.id, i]));
  const sorted = [...questions].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const card = buildScorecard({
    space: run.spaceName,
    configHash: hashSpace(space),
    benchmarksHash: run.benchmarksHash,
    backend: run.backend,
    repeats: 1,
    questions: sorted,
    taught: new Set(findTaught(space, benchmarks).keys()),
    calls: {
      genie: sorted.reduce((n, q) => n + q.attempts, 0),
      statements: 0,
      // Every attempt of an ask after its first was a retry (a fault handled), also in a composed card.
      retries: sorted.reduce((n, q) => n + q.repeats.reduce((m, r) => m + Math.max(0, r.attempts - 1), 0), 0),
      rateLimited: 0
    },
    durationMs: sorted.reduce((n, q) => n + q.durationMs, 0),
    startedAt: (/* @__PURE__ */ new Date()).toISOString()
  });
  return { ...card, quality: lintQuality({ space, benchmarks }) };
}

// src/loop/memo-warehouse.ts
function memoizeWarehouse(inner) {
  const results = /* @__PURE__ */ new Map();
  let schema;
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    execute(sql, options = {}) {
      const key = `${options.rowLimit ?? ""}\0${sql}`;
      const known = results.get(key);
      if (known) {
        stats.hits += 1;
        return known;
      }
      stats.misses += 1;
      const pending = inner.execute(sql, options);
      results.set(key, pending);
      pending.catch((error) => {
        if (options.signal?.aborted || isInfrastructureFailure(error)) results.delete(key);
      });
      return pending;
    },
    schema: () => schema ??= inner.schema(),
    close: () => inner.close?.() ?? Promise.resolve()
  };
}

// src/loop/gain-significance.ts
var trainOnly = (q) => q.split === "train";
function planOf(options) {
  return {
    direction: "better",
    tolerance: 0,
    confidence: options.confidence,
    maxRepeats: options.maxRepeats ?? DEFAULT_MAX_REPEATS
  };
}
function describe(look) {
  const t = look.test;
  const shown = `${signedPoints(t.estimate)} (${intervalLevel(t.confidence)} interval ${signedPoints(t.interval.low)} to ${signedPoints(t.interval.high)}, one-sided ${formatP(t.pBetter)}, ${t.discordant.length} question(s) changed)`;
  return look.significant ? `significant gain ${shown}` : `gain not significant: ${shown}`;
}
function exactGain(current, candidate, options = {}) {
  const look = assessLook(
    pairOutcomes(candidate, firstAsks(current), options.include ?? trainOnly),
    planOf(options),
    Infinity
  );
  const net = Math.round(look.test.estimate * look.test.questions);
  const significant2 = net > 0;
  const shown = `${net >= 0 ? "+" : ""}${net} question(s) of ${look.test.questions}, ${look.test.discordant.length} changed`;
  const reason = significant2 ? `exact gain ${shown} (deterministic Genie: a re-ask cannot change an answer)` : `no gain: ${shown} (deterministic Genie)`;
  return { significant: significant2, reason, look: { ...look, significant: significant2 } };
}
async function confirmGain(current, candidate, options = {}) {
  if (options.deterministic) return { ...exactGain(current.card, candidate.card, options), card: candidate.card };
  const compared = await compareWithRepeats(
    planOf(options),
    candidate,
    { card: firstAsks(current.card), reasker: current.reasker },
    { include: options.include ?? trainOnly, log: options.log }
  );
  const look = compared.comparison;
  return { significant: look.significant, reason: describe(look), look, card: compared.head };
}

// src/commands/enhance.ts
var PLANNING_QPM = 5;
function lessonsFile(root, space) {
  return spacePaths(root, space).lessonsFile;
}
function budgetReport(options, result, screening, facts) {
  const candidates = screening ? result.screening?.candidates ?? 0 : Math.max(0, result.scorings - 1);
  return {
    screening,
    ...options.maxGenieQuestions !== void 0 ? { maxGenieQuestions: options.maxGenieQuestions } : {},
    ...options.timeBudgetMs !== void 0 ? { timeBudgetMs: options.timeBudgetMs } : {},
    ...result.budgetStop !== void 0 ? { stoppedOnBudget: result.budgetStop } : {},
    questionsPerMinute: facts.qpm,
    benchmarkQuestions: facts.questions,
    candidates,
    confirmations: screening ? result.screening?.confirmations ?? 0 : result.scorings,
    fullRescoringQuestions: (1 + candidates) * facts.questions,
    reusedFromCache: facts.reused,
    ...result.screening?.rollback ? { rollback: result.screening.rollback.reason } : {},
    watched: result.screening?.watched ?? []
  };
}
async function enhanceCommand(options) {
  const started = Date.now();
  const loaded = loadSpace(options.root, options.space, options.layout);
  const benchmarks = loadSpaceBenchmarks(options.root, options.space);
  const lessonsPath = lessonsFile(options.root, options.space);
  const lessons = readLessons(lessonsPath, options.space);
  const analyst = analystOf(options);
  const backend = await options.backend.open({
    root: options.root,
    target: loaded.target,
    wrapWarehouse: memoizeWarehouse,
    space: options.space,
    layout: options.layout,
    noise: options.noise,
    seed: options.seed,
    dataFile: options.dataFile,
    staging: options.staging
  });
  const calls = { genie: 0, statements: 0 };
  const cacheDir = options.cacheDir === false ? void 0 : options.cacheDir ?? defaultAnswerCacheDir(options.root);
  const scoring = enhanceScoring(backend, options.space, benchmarks, calls, { scoring: options.scoring, cacheDir });
  const budget = createBudget(
    {
      maxGenieQuestions: options.maxGenieQuestions,
      timeBudgetMs: options.timeBudgetMs,
      questionsPerMinute: backend.questionsPerMinute
    },
    scoring.meter,
    Date.now,
    started
  );
  const screening = options.screening ?? true;
  const run = {
    options,
    started,
    loaded,
    benchmarks,
    lessonsPath,
    lessons,
    analyst,
    backend,
    calls,
    scoring,
    budget,
    screening
  };
  try {
    const warehouseSchema = await backend.warehouse.schema();
    assertValidConfig(
      options.root,
      loaded,
      warehouseSchema,
      "enhance starts only from a config that passes `genie-gitops validate`: fix these first"
    );
    const result = await runEnhanceLoop(loopInput(run, warehouseSchema));
    const { changed, written } = writeOutcome(run, result, warehouseSchema);
    return enhanceResult(run, result, changed, written);
  } finally {
    await backend.close();
  }
}
function analystOf(options) {
  const analyst = options.analyst === "llm" ? options.llmAnalyst : createRulesAnalyst();
  if (!analyst)
    throw new GenieGitopsError(
      "the llm analyst needs a model endpoint",
      "configure an OpenAI-compatible or Databricks serving endpoint, or use --analyst rules"
    );
  return analyst;
}
function loopInput(run, warehouseSchema) {
  const { options, loaded, backend, scoring, budget } = run;
  const { reaskerOf } = scoring;
  return {
    spaceName: options.space,
    file: loaded.configPath,
    space: loaded.space,
    benchmarks: run.benchmarks,
    score: scoring.score,
    analyst: run.analyst,
    warehouse: backend.warehouse,
    warehouseSchema,
    lessons: run.lessons,
    maxIterations: options.maxIterations,
    targetScore: options.targetScore,
    maxRegressions: options.maxRegressions,
    allowTaughtExamples: options.allowTaughtExamples,
    // One scoring per fix is cheap on the embedded backend, not against a rate-limited workspace.
    isolateFixes: options.isolateFixes ?? backend.isolateFixes === true,
    screening: run.screening ? { port: scoring.port, budget, seed: options.seed, log: options.log } : void 0,
    budget,
    confirmGain: (current, candidate) => confirmGain(
      { card: current.card, reasker: reaskerOf(current.space) },
      { card: candidate.card, reasker: reaskerOf(candidate.space) },
      {
        confidence: options.confidence,
        maxRepeats: options.maxRepeats,
        deterministic: backend.deterministic,
        log: options.log
      }
    ),
    log: options.log
  };
}
function writeOutcome(run, result, warehouseSchema) {
  const { options, loaded, lessonsPath } = run;
  const changed = hashSpace(result.space) !== hashSpace(loaded.space);
  const issues = checkInvariants(result.space, {
    file: loaded.configPath,
    warehouseSchema
  });
  if (issues.length > 0)
    throw new ValidationError(issues, "enhance produced an invalid config and wrote nothing; please report this");
  const written = [];
  if (!options.dryRun) {
    if (changed) {
      writeSpaceFile(loaded.spaceFile, result.space);
      written.push(loaded.spaceFile);
    }
    writeLessons(lessonsPath, result.lessons);
    written.push(lessonsPath);
  }
  return { changed, written };
}
function enhanceResult(run, result, changed, written) {
  const { options, loaded, backend } = run;
  return {
    space: options.space,
    analyst: run.analyst.name,
    dryRun: options.dryRun ?? false,
    allowTaughtExamples: options.allowTaughtExamples ?? false,
    maxRegressions: options.maxRegressions ?? 0,
    slots: usageText(result.space),
    before: result.before,
    after: result.after,
    iterations: result.iterations,
    stopReason: result.stopReason,
    calls: {
      ...run.calls,
      scorings: result.scorings,
      llmCalls: result.analystUsage.calls,
      promptTokens: result.analystUsage.promptTokens,
      completionTokens: result.analystUsage.completionTokens
    },
    durationMs: Date.now() - run.started,
    budget: budgetReport(options, result, run.screening, {
      qpm: backend.questionsPerMinute ?? PLANNING_QPM,
      questions: result.before.questions.filter((q) => q.expectedError === void 0).length,
      reused: run.scoring.reusedFromCache
    }),
    written,
    config: result.space,
    startConfig: loaded.space,
    lessons: result.lessons,
    changed,
    usesDemoData: backend.name === "local" && loaded.target?.local?.data === "demo"
  };
}

// src/llm/llm-error.ts
var LlmError = class extends GenieGitopsError {
  constructor(kind, endpoint, detail, status, hint, retryAfterMs) {
    super(`${endpoint}: ${describe2(kind, status)}${detail ? `: ${detail}` : ""}`, hint);
    this.kind = kind;
    this.endpoint = endpoint;
    this.detail = detail;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
  kind;
  endpoint;
  detail;
  status;
  retryAfterMs;
  /** 429 and 5xx and dropped connections may succeed later; other failures will not. */
  get retryable() {
    if (this.kind === "network") return true;
    return this.kind === "http" && this.status !== void 0 && (this.status === 429 || this.status >= 500);
  }
};
function describe2(kind, status) {
  switch (kind) {
    case "http":
      return `HTTP ${status}`;
    case "timeout":
      return "timeout";
    case "aborted":
      return "aborted";
    case "network":
      return "network error";
    case "invalid_response":
      return "unreadable response";
  }
}
function hintForStatus(status) {
  if (status === 401) return "check the token or API key (DATABRICKS_TOKEN / OPENAI_API_KEY)";
  if (status === 403) return "the identity needs CAN QUERY on the serving endpoint";
  if (status === 404) return "check the serving endpoint name, base URL or model";
  return void 0;
}

// src/fixes/llm/evidence.ts
function renderSpace(space) {
  const lines = [`version: ${space.version}`];
  for (const kind of ["tables", "metric_views"]) {
    for (const table of space.data_sources?.[kind] ?? [])
      lines.push(`${kind === "tables" ? "table" : "metric view"} ${JSON.stringify(compactTable(table))}`);
  }
  const instructions = space.instructions;
  for (const join2 of instructions?.join_specs ?? []) {
    lines.push(
      `join ${JSON.stringify({ id: join2.id, left: join2.left.identifier, right: join2.right.identifier, sql: join2.sql.map((piece) => piece.trim()).filter(Boolean), comment: text(join2.comment) })}`
    );
  }
  const snippets = instructions?.sql_snippets;
  for (const kind of ["measures", "filters", "expressions"]) {
    for (const snippet of snippets?.[kind] ?? []) {
      const record = snippet;
      lines.push(
        `${kind.slice(0, -1)} ${JSON.stringify({ display_name: record.display_name, alias: record.alias, sql: joinText(record.sql).trim(), synonyms: record.synonyms, instruction: text(record.instruction) })}`
      );
    }
  }
  for (const example of instructions?.example_question_sqls ?? []) {
    lines.push(
      `example ${JSON.stringify({ question: joinText(example.question).trim(), sql: joinText(example.sql).trim(), parameters: example.parameters?.map((p) => p.name), usage_guidance: text(example.usage_guidance) })}`
    );
  }
  for (const fn of instructions?.sql_functions ?? []) lines.push(`function ${fn.identifier}`);
  const textBlock = (instructions?.text_instructions ?? []).map((item) => joinText(item.content)).join("\n").trim();
  lines.push(textBlock ? `text instructions:
${indent(textBlock)}` : "text instructions: (none)");
  return lines.join("\n");
}
function compactTable(table) {
  const columns = (table.column_configs ?? []).map((column) => {
    const out = { name: column.column_name };
    const description = text(column.description);
    if (description) out.description = description;
    if (column.synonyms?.length) out.synonyms = column.synonyms;
    if (column.exclude) out.exclude = true;
    if (hasFormatAssistance(column)) out.example_values = true;
    if (hasEntityMatching(column)) out.value_dictionary = true;
    return out;
  });
  return { identifier: table.identifier, description: text(table.description), columns };
}
function text(pieces) {
  const joined = joinText(pieces).trim();
  return joined === "" ? void 0 : joined;
}
function renderSchema(schema, samples = /* @__PURE__ */ new Map(), space) {
  const inSpace = space && new Set(
    [...space.data_sources?.tables ?? [], ...space.data_sources?.metric_views ?? []].map(
      (table) => normalizeIdentifier(table.identifier)
    )
  );
  if (schema.tables.length === 0) return "(the warehouse schema is not available)";
  return schema.tables.map((table) => {
    const tableSamples = samples.get(normalizeIdentifier(table.identifier));
    const columns = table.columns.map((column) => {
      const sample2 = tableSamples?.get(column.name.toLowerCase());
      const shown = sample2?.more ? sample2.values.slice(0, 5) : sample2?.values;
      const values = sample2 && shown ? ` (${sample2.more ? "e.g." : "values:"} ${shown.map((v) => `'${v}'`).join(", ")}${sample2.more ? ", ..." : ""})` : "";
      return `${column.name} ${column.type || "?"}${values}`;
    });
    const outside = inSpace && !inSpace.has(normalizeIdentifier(table.identifier)) ? " [not in the space: no fixes on it]" : "";
    return `${table.identifier}${outside}: ${columns.join(", ")}`;
  }).join("\n");
}
var DEFAULT_FAILURE_OPTIONS = { maxRows: 5, maxSqlChars: 3e3 };
function renderFailure(failure, options = DEFAULT_FAILURE_OPTIONS) {
  const lines = [`## ${failure.id}: ${failure.question}`];
  lines.push(`category: ${failure.category ?? "unknown"}; verdict: ${failure.verdict}`);
  lines.push("expected SQL:", fence(clipText(failure.expectedSql, options.maxSqlChars)));
  if (failure.genieSql) lines.push("Genie SQL:", fence(clipText(failure.genieSql, options.maxSqlChars)));
  else lines.push("Genie SQL: (none)");
  if (failure.error) lines.push(`Genie error: ${clipText(failure.error, 500)}`);
  if (failure.genieText) lines.push(`Genie reply: ${clipText(failure.genieText, 500)}`);
  if (failure.instructionsUsed?.length)
    lines.push(`instructions Genie reports using: ${failure.instructionsUsed.join(", ")}`);
  if (failure.expectedResult) lines.push(`expected result ${renderResult(failure.expectedResult, options.maxRows)}`);
  if (failure.genieResult) lines.push(`Genie result ${renderResult(failure.genieResult, options.maxRows)}`);
  return lines.join("\n");
}
function renderResult(result, maxRows) {
  const shown = result.rows.slice(0, maxRows);
  const count = `${result.rows.length}${result.truncated ? "+" : ""} row${result.rows.length === 1 ? "" : "s"}`;
  const header = `(${count}${shown.length < result.rows.length ? `, first ${shown.length} shown` : ""}):`;
  const table = [
    result.columns.map((column) => column.name).join(" | "),
    ...shown.map((row) => row.map(formatCell).join(" | "))
  ];
  return [header, ...table.map((line) => `    ${line}`)].join("\n");
}
function formatCell(cell) {
  if (cell === null) return "NULL";
  return clipText(String(cell), 60);
}
function fence(sql) {
  return "```sql\n" + sql.trim() + "\n```";
}
function indent(block) {
  return block.split("\n").map((line) => `  ${line}`).join("\n");
}
function clipText(value, max) {
  return value.length <= max ? value : `${value.slice(0, max - 1)}\u2026`;
}
function renderLessons(lessonsText, alreadyTried, maxKeys = 40) {
  const parts = [];
  if (lessonsText?.trim()) parts.push(lessonsText.trim());
  const keys = [...alreadyTried].sort();
  if (keys.length > 0) {
    const shown = keys.slice(0, maxKeys).map((key) => `- ${key}`);
    if (keys.length > maxKeys) shown.push(`- ... and ${keys.length - maxKeys} more`);
    parts.push(`Fixes already tried (do not propose them again):
${shown.join("\n")}`);
  }
  return parts.length > 0 ? parts.join("\n\n") : "(none yet)";
}

// src/fixes/llm/output.ts
function extractJsonObject(content) {
  const text2 = stripFences(content).trim();
  if (text2 === "") return { ok: false, error: "the answer is empty" };
  const start = text2.indexOf("{");
  if (start < 0) return { ok: false, error: "the answer contains no JSON object" };
  const end = matchingBrace(text2, start);
  const candidates = [end >= 0 ? text2.slice(start, end + 1) : void 0, text2.slice(start, text2.lastIndexOf("}") + 1)];
  let lastError = "the JSON object is not closed";
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch (error) {
      lastError = `invalid JSON: ${messageOf(error)}`;
    }
  }
  return { ok: false, error: lastError };
}
function stripFences(content) {
  const fenced = /```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)```/.exec(content);
  return fenced ? fenced[1] : content;
}
function matchingBrace(text2, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text2.length; i++) {
    const ch = text2[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return -1;
}
function validateFixList(value) {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? value.fixes : void 0;
  if (!Array.isArray(list)) return { ok: false, error: 'the JSON object has no "fixes" array' };
  const fixes = [];
  const invalid = [];
  list.forEach((item, index) => {
    const parsed = FixSchema.safeParse(item);
    if (parsed.success) fixes.push(parsed.data);
    else invalid.push(`fixes[${index}]${typeLabel(item)}: ${describeIssues(parsed.error.issues)}`);
  });
  return { ok: true, result: { fixes, invalid, proposed: list.length } };
}
function typeLabel(item) {
  const type = item && typeof item === "object" ? item.type : void 0;
  return typeof type === "string" ? ` (${type.slice(0, 40)})` : "";
}
function describeIssues(issues) {
  return issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : "$"}: ${issue.message}`).join("; ");
}

// src/fixes/llm/prompt.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var SECTION = /^<!--\s*section:\s*(system|user)\s*-->\s*$/gm;
function resolvePromptsDir(promptsDir, file = "analyst.md") {
  if (promptsDir) return resolve(promptsDir);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "prompts");
    if (existsSync2(join(candidate, file))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new GenieGitopsError(
    `prompt template ${file} not found`,
    "pass promptsDir, or run from a checkout that has the prompts/ folder"
  );
}
function parsePromptTemplate(source, file = "template") {
  const markers = [...source.matchAll(SECTION)];
  const sections = {};
  markers.forEach((marker, i) => {
    const start = (marker.index ?? 0) + marker[0].length;
    const end = i + 1 < markers.length ? markers[i + 1].index : source.length;
    sections[marker[1]] = source.slice(start, end).trim();
  });
  if (!sections.system || !sections.user) {
    throw new GenieGitopsError(
      `${file}: a prompt template needs both "<!-- section: system -->" and "<!-- section: user -->" markers`
    );
  }
  return { system: sections.system, user: sections.user };
}
function loadPromptTemplate(name, promptsDir) {
  const file = `${name}.md`;
  const path2 = join(resolvePromptsDir(promptsDir, file), file);
  if (!existsSync2(path2)) throw new GenieGitopsError(`prompt template not found: ${path2}`);
  return parsePromptTemplate(readFileSync2(path2, "utf8"), path2);
}
function renderTemplate(template2, values) {
  return template2.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_whole, name) => {
    const value = values[name];
    if (value === void 0) throw new GenieGitopsError(`prompt template placeholder {{${name}}} has no value`);
    return value;
  });
}
function buildAnalystPrompt(template2, parts, budgetChars) {
  const clipped = [];
  const fixed = { space: parts.space, schema: parts.schema, lessons: parts.lessons };
  const caps = [
    ["lessons", 0.1],
    ["schema", 0.25],
    ["space", 0.35]
  ];
  for (const [key, share] of caps) {
    const cap = Math.floor(budgetChars * share);
    if (fixed[key].length > cap) {
      fixed[key] = `${fixed[key].slice(0, cap)}
\u2026 (${key} truncated to fit the prompt budget)`;
      clipped.push(key);
    }
  }
  const render2 = (failures) => {
    const values = { ...fixed, failures, max_fixes: String(parts.maxFixes) };
    return { system: renderTemplate(template2.system, values), user: renderTemplate(template2.user, values) };
  };
  const base = render2("");
  let room = budgetChars - base.system.length - base.user.length;
  const kept = [];
  for (const block of parts.failures) {
    const cost = block.length + 2;
    if (cost <= room) {
      kept.push(block);
      room -= cost;
    } else if (kept.length === 0) {
      kept.push(`${block.slice(0, Math.max(200, room - 200))}
\u2026 (failure truncated to fit the prompt budget)`);
      room = 0;
    } else {
      break;
    }
  }
  const omitted = parts.failures.length - kept.length;
  let failuresText = kept.length > 0 ? kept.join("\n\n") : "(no failures)";
  if (omitted > 0)
    failuresText += `

(${omitted} more failing question${omitted === 1 ? "" : "s"} omitted to stay within the prompt budget)`;
  const rendered = render2(failuresText);
  return {
    messages: [
      { role: "system", content: rendered.system },
      { role: "user", content: rendered.user }
    ],
    omittedFailures: omitted,
    clipped,
    chars: rendered.system.length + rendered.user.length
  };
}

// src/fixes/llm/sample-values.ts
var TEXT_TYPE = /^(string|text|varchar|char|nvarchar|character)/i;
async function collectSampleValues(warehouse, schema, options) {
  const samples = /* @__PURE__ */ new Map();
  let budget = options.maxColumns;
  for (const table of schema.tables) {
    const from = quoteTableIdentifier(table.identifier);
    if (!from) continue;
    for (const column of table.columns) {
      if (budget <= 0 || options.signal?.aborted) return samples;
      if (!TEXT_TYPE.test(column.type)) continue;
      budget--;
      const name = quoteName(column.name);
      const sql = `SELECT DISTINCT ${name} FROM ${from} WHERE ${name} IS NOT NULL ORDER BY ${name} LIMIT ${options.maxValues + 1}`;
      try {
        const result = await warehouse.execute(sql, {
          rowLimit: options.maxValues + 1,
          timeoutMs: options.timeoutMs,
          signal: options.signal
        });
        const values = result.rows.map((row) => String(row[0])).filter((value) => value.length <= 60);
        if (values.length === 0) continue;
        const key = normalizeIdentifier(table.identifier);
        const tableSamples = samples.get(key) ?? /* @__PURE__ */ new Map();
        tableSamples.set(column.name.toLowerCase(), {
          values: values.slice(0, options.maxValues),
          more: result.rows.length > options.maxValues
        });
        samples.set(key, tableSamples);
      } catch {
      }
    }
  }
  return samples;
}

// src/fixes/llm/sql-references.ts
function buildSqlReferenceIndex(space, schema) {
  const spaceTables = /* @__PURE__ */ new Set();
  const columns = /* @__PURE__ */ new Map();
  const prefixes = /* @__PURE__ */ new Set();
  const byName = /* @__PURE__ */ new Map();
  for (const table of schema.tables) {
    const id = normalizeIdentifier(table.identifier);
    columns.set(id, new Set(table.columns.map((column) => normalizeName(column.name))));
    prefixes.add(id.split(".").slice(0, 2).join("."));
  }
  for (const table of [...space.data_sources?.tables ?? [], ...space.data_sources?.metric_views ?? []]) {
    const id = normalizeIdentifier(table.identifier);
    spaceTables.add(id);
    prefixes.add(id.split(".").slice(0, 2).join("."));
    if (!columns.has(id) && table.column_configs?.length)
      columns.set(id, new Set(table.column_configs.map((column) => normalizeName(column.column_name))));
    const name = normalizeName(lastPart(table.identifier));
    byName.set(name, [...byName.get(name) ?? [], id]);
  }
  return { spaceTables, columns, prefixes, byName };
}
function checkSqlReferences(fix, index) {
  if (fix.type !== "add_example_query" && fix.type !== "add_sql_snippet") return void 0;
  const tokens = significant(tokenize(fix.sql, "spark"));
  const defined = definedNames(tokens);
  for (const chain of chains(tokens)) {
    const problem = chain.length >= 3 ? checkQualified(chain, index) : chain.length === 2 ? checkShort(chain, index, defined) : void 0;
    if (problem) return `${problem} (in the ${fix.type === "add_sql_snippet" ? `${fix.kind} snippet` : "example"} SQL)`;
  }
  return void 0;
}
function checkQualified(parts, index) {
  const prefix = parts.slice(0, 2).map(normalizeName).join(".");
  if (!index.prefixes.has(prefix)) return void 0;
  const table = parts.slice(0, 3).map(normalizeName).join(".");
  const columns = index.columns.get(table);
  if (!columns && !index.spaceTables.has(table)) return `unknown table ${table}`;
  if (!index.spaceTables.has(table)) return `table ${table} is not in the space`;
  if (parts.length >= 4 && columns && !columns.has(normalizeName(parts[3])))
    return `unknown column ${parts[3]} in table ${table}`;
  return void 0;
}
function checkShort(parts, index, defined) {
  const qualifier = normalizeName(parts[0]);
  if (defined.has(qualifier)) return void 0;
  const tables = index.byName.get(qualifier);
  if (!tables || tables.length !== 1) return void 0;
  const columns = index.columns.get(tables[0]);
  if (columns && !columns.has(normalizeName(parts[1]))) return `unknown column ${parts[1]} in table ${tables[0]}`;
  return void 0;
}
function chains(tokens) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(tokens[i]) || isDot(tokens[i - 1])) continue;
    const parts = [tokens[i].value];
    let j = i;
    while (isDot(tokens[j + 1]) && isName(tokens[j + 2])) {
      parts.push(tokens[j + 2].value);
      j += 2;
    }
    if (parts.length > 1 && !(tokens[j + 1]?.type === "symbol" && tokens[j + 1].text === "(")) out.push(parts);
  }
  return out;
}
function definedNames(tokens) {
  const names = /* @__PURE__ */ new Set();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "word" && token.value.toUpperCase() === "AS" && isName(tokens[i + 1]))
      names.add(normalizeName(tokens[i + 1].value));
    if (isName(token) && tokens[i + 1]?.type === "word" && tokens[i + 1].value.toUpperCase() === "AS" && tokens[i + 2]?.text === "(")
      names.add(normalizeName(token.value));
    const aliasable = isName(token) && !isKeyword(token) || token.type === "symbol" && token.text === ")";
    if (aliasable && isName(tokens[i + 1]) && !isKeyword(tokens[i + 1])) names.add(normalizeName(tokens[i + 1].value));
  }
  return names;
}
var KEYWORDS = new Set(
  "SELECT DISTINCT ALL FROM WHERE GROUP ORDER BY HAVING LIMIT OFFSET JOIN LEFT RIGHT INNER OUTER FULL CROSS NATURAL LATERAL ON USING UNION EXCEPT INTERSECT MINUS AS AND OR NOT IN IS NULL LIKE ILIKE BETWEEN CASE WHEN THEN ELSE END ASC DESC NULLS FIRST LAST WITH OVER PARTITION WINDOW QUALIFY INTERVAL EXISTS CAST".split(
    " "
  )
);
function isKeyword(token) {
  return token.type === "word" && KEYWORDS.has(token.value.toUpperCase());
}
function isName(token) {
  return token !== void 0 && (token.type === "word" || token.type === "quoted");
}
function isDot(token) {
  return token?.type === "symbol" && token.text === ".";
}

// src/fixes/llm/llm-analyst.ts
function createLlmAnalyst(options) {
  let template2;
  return {
    name: "llm",
    async propose(input) {
      const usage = { promptTokens: 0, completionTokens: 0, calls: 0 };
      if (input.failures.length === 0) return { fixes: [], notes: ["no failing train questions to analyse"], usage };
      try {
        template2 ??= loadPromptTemplate("analyst", options.promptsDir);
      } catch (error) {
        return { fixes: [], notes: [`llm analyst: ${errorText(error)}`], usage };
      }
      return proposeWith(options, template2, input, usage);
    }
  };
}
async function proposeWith(options, template2, input, usage) {
  const maxFixes = options.maxFixes ?? 8;
  const notes = [];
  const messages = await promptMessages(options, template2, input, notes);
  const evaluation = await askForFixes(options, input, messages, usage, notes);
  if (!evaluation) return { fixes: [], notes, usage };
  if (evaluation.problem) return { fixes: [], notes: [...notes, ...evaluation.notes], usage };
  notes.push(...evaluation.notes);
  return { fixes: selectFixes(evaluation.fixes, input.alreadyTried, maxFixes, notes), notes, usage };
}
async function promptMessages(options, template2, input, notes) {
  const samples = options.sampleValues === false ? /* @__PURE__ */ new Map() : await collectSampleValues(input.warehouse, input.warehouseSchema, {
    maxColumns: 40,
    maxValues: 20,
    timeoutMs: 3e4,
    signal: input.signal
  });
  const prompt = buildAnalystPrompt(
    template2,
    {
      space: renderSpace(input.space),
      schema: renderSchema(input.warehouseSchema, samples, input.space),
      failures: input.failures.map((failure) => renderFailure(failure)),
      lessons: renderLessons(input.lessonsText, input.alreadyTried),
      maxFixes: options.maxFixes ?? 8
    },
    options.promptBudgetChars ?? 1e5
  );
  if (prompt.omittedFailures > 0)
    notes.push(
      `llm analyst: ${prompt.omittedFailures} failing question(s) left out of the prompt to stay within its budget`
    );
  if (prompt.clipped.length > 0)
    notes.push(`llm analyst: ${prompt.clipped.join(", ")} truncated in the prompt to stay within its budget`);
  return [...prompt.messages];
}
async function askForFixes(options, input, messages, usage, notes) {
  const evaluate = evaluator(input);
  let evaluation;
  for (let attempt2 = 1; attempt2 <= 2; attempt2++) {
    const content = await chatOnce(options, input, messages, usage, notes);
    if (content === void 0) return void 0;
    evaluation = evaluate(content);
    if (!evaluation.problem) break;
    if (attempt2 === 1) {
      notes.push(`llm analyst: first answer unusable (${evaluation.problem}); asked once more`);
      messages.push(
        { role: "assistant", content: clipText(content, 8e3) },
        { role: "user", content: followUp(evaluation.problem) }
      );
    } else {
      notes.push(`llm analyst: second answer unusable too (${evaluation.problem}); no fixes this round`);
    }
  }
  return evaluation;
}
async function chatOnce(options, input, messages, usage, notes) {
  try {
    usage.calls++;
    const reply = await options.llm.chat(messages, {
      json: true,
      maxTokens: options.maxTokens ?? 4096,
      temperature: options.temperature ?? 0.2,
      signal: input.signal
    });
    usage.promptTokens += reply.usage?.promptTokens ?? 0;
    usage.completionTokens += reply.usage?.completionTokens ?? 0;
    return reply.content;
  } catch (error) {
    notes.push(`llm analyst: the model call failed, no fixes this round: ${errorText(error)}`);
    return void 0;
  }
}
function evaluator(input) {
  const columns = warehouseColumns(input.warehouseSchema);
  const sqlIndex = buildSqlReferenceIndex(input.space, input.warehouseSchema);
  return (content) => {
    const json = extractJsonObject(content);
    if (!json.ok) return { fixes: [], notes: [], problem: json.error };
    const list = validateFixList(json.value);
    if (!list.ok) return { fixes: [], notes: [], problem: list.error };
    const notes = list.result.invalid.map((reason) => `dropped invalid fix ${reason}`);
    const fixes = [];
    for (const fix of list.result.fixes) {
      const reason = checkFixReferences(input.space, fix, columns) ?? checkSqlReferences(fix, sqlIndex);
      if (reason) notes.push(`dropped ${fix.type}: ${reason}`);
      else fixes.push(fix);
    }
    if (list.result.proposed > 0 && fixes.length === 0) {
      return {
        fixes,
        notes,
        problem: `none of the ${list.result.proposed} fixes is valid: ${notes.map((note) => note.replace(/^dropped /, "")).join(" | ")}`
      };
    }
    return { fixes, notes };
  };
}
function followUp(problem) {
  return [
    `Your answer could not be used: ${clipText(problem, 3e3)}`,
    'Answer again with exactly one JSON object {"fixes": [...]} following the contract in the instructions.',
    "Use only the fix shapes shown there, three-part table names, bare column names, and tables and columns from the schema above."
  ].join("\n");
}
function selectFixes(fixes, alreadyTried, maxFixes, notes) {
  const seen = /* @__PURE__ */ new Set();
  const kept = [];
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
function errorText(error) {
  if (error instanceof LlmError) return error.hint ? `${error.message} (${error.hint})` : error.message;
  return messageOf(error);
}

// src/util/capped-body.ts
var BodyTooLargeError = class extends Error {
  constructor(maxBytes) {
    super(`reply larger than ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
    this.name = "BodyTooLargeError";
  }
  maxBytes;
};
async function readTextCapped(response, maxBytes) {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => void 0);
    throw new BodyTooLargeError(maxBytes);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => void 0);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// src/llm/chat-response.ts
var ContentBlockSchema = external_exports.looseObject({ type: external_exports.string(), text: external_exports.string().optional() });
var ChatCompletionSchema = external_exports.looseObject({
  choices: external_exports.array(
    external_exports.looseObject({
      message: external_exports.looseObject({
        content: external_exports.union([external_exports.string(), external_exports.array(ContentBlockSchema), external_exports.null()]).optional(),
        refusal: external_exports.string().nullable().optional()
      }),
      finish_reason: external_exports.string().nullable().optional()
    })
  ).min(1, "the answer has no choices"),
  usage: external_exports.looseObject({
    prompt_tokens: external_exports.number().optional(),
    completion_tokens: external_exports.number().optional()
  }).nullable().optional()
});
function parseChatCompletion(body) {
  const parsed = ChatCompletionSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `not a chat completion (${issue.path.join(".") || "$"}: ${issue.message})` };
  }
  const choice = parsed.data.choices[0];
  const raw = choice.message.content;
  let content;
  if (typeof raw === "string") content = raw;
  else if (Array.isArray(raw)) {
    const texts = raw.filter((block) => block.type === "text" && typeof block.text === "string").map((block) => block.text);
    if (texts.length > 0) content = texts.join("");
  }
  if (content === void 0) {
    const why = choice.message.refusal ? `the model refused: ${choice.message.refusal}` : "the answer has no text content";
    return { ok: false, problem: why };
  }
  const usage = parsed.data.usage;
  const reply = { content };
  if (usage) reply.usage = { promptTokens: usage.prompt_tokens ?? 0, completionTokens: usage.completion_tokens ?? 0 };
  return { ok: true, reply };
}
function errorMessageFromBody(text2) {
  const trimmed = text2.trim();
  if (trimmed === "") return "";
  try {
    const body = JSON.parse(trimmed);
    if (body && typeof body === "object") {
      const record = body;
      const nested = record.error;
      if (nested && typeof nested === "object") {
        const inner = nested;
        if (typeof inner.message === "string") return withCode(inner.code ?? inner.type, inner.message);
      }
      if (typeof record.message === "string") return withCode(record.error_code, record.message);
      if (typeof nested === "string") return nested;
    }
  } catch {
  }
  return clip(trimmed.replace(/\s+/g, " "), 500);
}
function withCode(code, message) {
  const text2 = clip(message, 500);
  return typeof code === "string" && code !== "" ? `${code}: ${text2}` : text2;
}
function clip(text2, max) {
  return text2.length <= max ? text2 : `${text2.slice(0, max - 1)}\u2026`;
}

// src/llm/chat-client.ts
var DEFAULT_MAX_REPLY_BYTES = 8 * 1024 * 1024;
function createChatLlm(config, options = {}) {
  const secrets = /* @__PURE__ */ new Set();
  if (config.kind === "databricks" && typeof config.token === "string") secrets.add(config.token);
  if (config.kind === "openai" && config.apiKey) secrets.add(config.apiKey);
  const ctx = {
    target: resolveTarget(config),
    doFetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 6e4,
    retries: options.retries ?? 3,
    maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
    policy: { baseDelayMs: options.baseDelayMs ?? 1e3, maxDelayMs: options.maxDelayMs ?? 6e4 },
    defaultMaxTokens: options.defaultMaxTokens ?? 4096,
    onRetry: options.onRetry,
    secrets
  };
  return {
    chat: async (messages, chatOptions = {}) => chatWithRetries(ctx, requestBody(ctx, messages, chatOptions), chatOptions.signal)
  };
}
function requestBody(ctx, messages, chatOptions) {
  const body = {
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
    max_tokens: chatOptions.maxTokens ?? ctx.defaultMaxTokens
  };
  if (ctx.target.model !== void 0) body.model = ctx.target.model;
  if (chatOptions.temperature !== void 0) body.temperature = chatOptions.temperature;
  if (chatOptions.json) body.response_format = { type: "json_object" };
  return body;
}
async function chatWithRetries(ctx, body, signal) {
  let retry = 0;
  for (; ; ) {
    try {
      return await attempt(ctx, body, signal);
    } catch (error) {
      if (!(error instanceof LlmError)) throw error;
      if (rejectsResponseFormat(error, body)) {
        delete body.response_format;
        continue;
      }
      if (!error.retryable || retry >= ctx.retries) throw error;
      const delayMs = retryDelay(retry, ctx.policy, error.retryAfterMs);
      ctx.onRetry?.({ attempt: retry + 1, delayMs, error });
      try {
        await sleep(delayMs, signal);
      } catch {
        throw new LlmError("aborted", ctx.target.label, "the run was cancelled");
      }
      retry++;
    }
  }
}
function rejectsResponseFormat(error, body) {
  return error.kind === "http" && error.status === 400 && Boolean(body.response_format) && /response_format|json_object/i.test(error.detail);
}
async function attempt(ctx, body, signal) {
  const token = await ctx.target.token();
  if (token) ctx.secrets.add(token);
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await ctx.doFetch(ctx.target.url, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: combined
    });
    return readReply(ctx, response, await readTextCapped(response, ctx.maxReplyBytes));
  } catch (error) {
    throw asLlmError(ctx, error, signal, timeout);
  }
}
function readReply(ctx, response, text2) {
  const { label } = ctx.target;
  const scrub = (value) => redact(value, ctx.secrets);
  if (!response.ok) {
    const detail = scrub(errorMessageFromBody(text2));
    const hint = hintForStatus(response.status);
    throw new LlmError("http", label, detail, response.status, hint, retryAfterFor(response));
  }
  let json;
  try {
    json = JSON.parse(text2);
  } catch {
    throw new LlmError("invalid_response", label, `not JSON: ${scrub(clip(text2.replace(/\s+/g, " "), 200))}`);
  }
  const parsed = parseChatCompletion(json);
  if (!parsed.ok) throw new LlmError("invalid_response", label, scrub(parsed.problem));
  return parsed.reply;
}
function asLlmError(ctx, error, signal, timeout) {
  const { label } = ctx.target;
  if (error instanceof LlmError) return error;
  if (error instanceof BodyTooLargeError)
    return new LlmError(
      "invalid_response",
      label,
      error.message,
      void 0,
      "the endpoint sent far more than a chat answer: check the base URL or model, or raise maxReplyBytes"
    );
  if (signal?.aborted) return new LlmError("aborted", label, "the run was cancelled");
  if (timeout.aborted)
    return new LlmError(
      "timeout",
      label,
      `no answer within ${ctx.timeoutMs} ms`,
      void 0,
      "raise the LLM timeout or use a faster endpoint"
    );
  return new LlmError("network", label, redact(networkDetail(error), ctx.secrets));
}
function resolveTarget(config) {
  if (config.kind === "databricks") {
    const url2 = new URL(config.host.includes("://") ? config.host : `https://${config.host}`);
    url2.pathname = `${trimSlash(url2.pathname)}/serving-endpoints/${encodeURIComponent(config.endpoint)}/invocations`;
    url2.search = "";
    const token = config.token;
    return {
      url: url2.toString(),
      label: `serving endpoint "${config.endpoint}" at ${url2.origin}`,
      token: typeof token === "string" ? async () => token : token
    };
  }
  const url = new URL(config.baseUrl);
  url.pathname = `${trimSlash(url.pathname)}/chat/completions`;
  const shown = new URL(url.toString());
  shown.username = "";
  shown.password = "";
  shown.search = "";
  return {
    url: url.toString(),
    label: `${shown.toString()} (model "${config.model}")`,
    model: config.model,
    token: async () => config.apiKey
  };
}
function retryAfterFor(response) {
  const header = parseRetryAfter(response.headers.get("retry-after"));
  if (header !== void 0) return header;
  return response.status === 429 || response.status === 503 ? 1e3 : void 0;
}
function trimSlash(path2) {
  return path2.replace(/\/+$/, "");
}
function networkDetail(error) {
  if (error instanceof Error) {
    const cause = error.cause;
    const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : "";
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
function redact(text2, secrets) {
  let out = text2;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("***");
  return out;
}

// src/llm/config.ts
var LlmConfigError = class extends GenieGitopsError {
};
var DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
function resolveLlmConfig(settings, env = {}) {
  const pick = (...values) => values.map((value) => value?.trim()).find((value) => value !== void 0 && value !== "");
  const provider = settings.provider ?? pick(env.GENIE_GITOPS_LLM_PROVIDER) ?? inferProvider(settings, env);
  if (provider === "openai") {
    const model = pick(settings.model, env.GENIE_GITOPS_LLM_MODEL, env.OPENAI_MODEL);
    if (!model)
      throw new LlmConfigError(
        "the openai LLM provider needs a model",
        "set the model input or GENIE_GITOPS_LLM_MODEL"
      );
    const baseUrl = pick(settings.baseUrl, env.OPENAI_BASE_URL) ?? DEFAULT_OPENAI_BASE_URL;
    assertUrl(baseUrl, "OPENAI_BASE_URL");
    const apiKey = pick(settings.apiKey, env.OPENAI_API_KEY);
    return apiKey ? { kind: "openai", baseUrl, model, apiKey } : { kind: "openai", baseUrl, model };
  }
  if (provider === "databricks") {
    const endpoint = pick(settings.endpoint, env.GENIE_GITOPS_SERVING_ENDPOINT);
    if (!endpoint)
      throw new LlmConfigError(
        "the databricks LLM provider needs a serving endpoint name",
        "set the endpoint input or GENIE_GITOPS_SERVING_ENDPOINT"
      );
    const host = pick(settings.host, env.DATABRICKS_HOST);
    if (!host) throw new LlmConfigError("the databricks LLM provider needs the workspace URL", "set DATABRICKS_HOST");
    const token = typeof settings.token === "function" ? settings.token : pick(settings.token, env.DATABRICKS_TOKEN);
    if (!token)
      throw new LlmConfigError(
        "the databricks LLM provider needs a token",
        "set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for OAuth, or DATABRICKS_AUTH_TYPE=github-oidc with DATABRICKS_CLIENT_ID"
      );
    return { kind: "databricks", host, endpoint, token };
  }
  throw new LlmConfigError(`unknown LLM provider "${String(provider)}"`, "use databricks or openai");
}
function inferProvider(settings, env) {
  if (settings.baseUrl || settings.apiKey || env.OPENAI_BASE_URL || env.OPENAI_API_KEY) return "openai";
  if (settings.endpoint || env.GENIE_GITOPS_SERVING_ENDPOINT) return "databricks";
  if (settings.model || env.GENIE_GITOPS_LLM_MODEL) return "openai";
  throw new LlmConfigError(
    "no LLM is configured",
    "set GENIE_GITOPS_SERVING_ENDPOINT (Databricks model serving) or OPENAI_BASE_URL and GENIE_GITOPS_LLM_MODEL (OpenAI-compatible)"
  );
}
function assertUrl(value, name) {
  try {
    new URL(value);
  } catch {
    throw new LlmConfigError(`${name} is not a URL: "${value}"`);
  }
}
function createLlmFromSettings(settings, env = {}, options) {
  return createChatLlm(resolveLlmConfig(settings, env), options);
}

// src/wiring/llm-analyst.ts
function llmAnalystFrom(settings, env, options = {}, secrets) {
  let token = settings.token;
  const get = (name) => env[name]?.trim() || void 0;
  if (!token && !get("DATABRICKS_TOKEN") && get("DATABRICKS_HOST") && (get("DATABRICKS_CLIENT_ID") || get("DATABRICKS_AUTH_TYPE"))) {
    let auth;
    token = () => (auth ??= createAuthFromEnv(env, { secrets })).token();
  }
  return createLlmAnalyst({ llm: createLlmFromSettings({ ...settings, token }, env, options) });
}

export {
  lessonsFile,
  enhanceCommand,
  llmAnalystFrom
};
