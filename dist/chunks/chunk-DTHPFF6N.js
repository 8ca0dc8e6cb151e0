import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  STOPWORDS,
  coarseStem,
  isHangul,
  koreanForms,
  singular,
  splitIdentifier,
  verbStems
} from "./chunk-I525QUES.js";
import {
  StatementStopped,
  sqliteHost
} from "./chunk-EZP4HJED.js";
import {
  DEMO_AS_OF,
  DEMO_SEED,
  demoSchemaTables,
  hashString,
  mulberry32,
  rewriteForSqlite
} from "./chunk-VDN3VUND.js";
import {
  quoteLiteral,
  quoteName,
  quoteTableIdentifier
} from "./chunk-YUT4RWDR.js";
import {
  selectItems
} from "./chunk-MBZJZHDO.js";
import {
  RELATIONSHIP_MARKER
} from "./chunk-SD433YDN.js";
import {
  assertReadOnly
} from "./chunk-5G2X2JKW.js";
import {
  findSpaceEntry,
  hasEntityMatching,
  hasFormatAssistance,
  isInside,
  joinText,
  repoPaths,
  repoRelative
} from "./chunk-XWFLS6EG.js";
import {
  ConfigError,
  GenieGitopsError,
  ReadOnlyViolationError,
  ValidationError,
  WarehouseError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/local/warehouse.ts
import { readFileSync } from "node:fs";
import path from "node:path";
var DEFAULT_ROW_LIMIT = 1e4;
var DEFAULT_TIMEOUT_MS = 3e4;
async function openLocalWarehouse(options = {}) {
  const data = options.data ?? "demo";
  const isDemo = data === "demo";
  const catalog = (options.catalog ?? "main").toLowerCase();
  const schema = (options.schema ?? (isDemo ? "community" : "default")).toLowerCase();
  const asOf = options.asOf ?? (isDemo ? DEMO_AS_OF : (/* @__PURE__ */ new Date()).toISOString().slice(0, 10));
  const host = sqliteHost();
  const where = { catalog, schema, seed: options.seed ?? DEMO_SEED, rows: options.demoRows ?? true };
  const loadTimeoutMs = options.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
  const settings = { catalog, schema, asOf, statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_TIMEOUT_MS };
  if (isDemo) {
    const tables = demoSchemaTables(catalog, schema);
    const load = async () => {
      const prepared2 = await prepareImage(host, data, where, loadTimeoutMs);
      assertSameTables(prepared2.tables, tables);
      return host.register(prepared2.image);
    };
    const warehouse = new LocalWarehouse(host, load, tables, settings);
    if (!where.rows) void warehouse.prepare();
    return warehouse;
  }
  const prepared = await prepareImage(host, data, where, loadTimeoutMs);
  const id = host.register(prepared.image);
  return new LocalWarehouse(host, async () => id, prepared.tables, settings);
}
function assertSameTables(generated, declared) {
  if (JSON.stringify(generated) !== JSON.stringify(declared))
    throw new WarehouseError(
      "the generated demo database does not match src/local/demo-schema.ts: change both together",
      ""
    );
}
var demoImages = /* @__PURE__ */ new Map();
var SQLITE_HEADER = "SQLite format 3\0";
function isSqliteImage(bytes) {
  if (bytes.length === 0) return true;
  return Buffer.from(bytes.subarray(0, SQLITE_HEADER.length)).toString("latin1") === SQLITE_HEADER;
}
var LOAD_TIMEOUT_MS = 12e4;
async function prepareImage(host, data, where, timeoutMs) {
  const { catalog, schema, seed, rows } = where;
  const key = `${catalog}.${schema}#${seed}${rows ? "" : "#empty"}`;
  const cached = data === "demo" ? demoImages.get(key) : void 0;
  if (cached) return cached;
  let request;
  if (data === "demo") request = { kind: "demo", catalog, schema, seed, rows };
  else if (path.extname(data).toLowerCase() === ".sql")
    request = { kind: "script", catalog, schema, label: data, text: readFileSync(data, "utf8") };
  else request = { kind: "file", catalog, schema, label: data, bytes: readFileSync(data) };
  try {
    const prepared = await host.prepare(request, timeoutMs);
    if (data === "demo") demoImages.set(key, prepared);
    return prepared;
  } catch (error) {
    if (error instanceof StatementStopped)
      throw new WarehouseError(`loading ${data} took longer than ${timeoutMs} ms and was stopped`, "", "TIMEOUT");
    throw new WarehouseError(messageOf(error), "");
  }
}
var LocalWarehouse = class {
  constructor(host, load, tables, settings) {
    this.host = host;
    this.load = load;
    this.tables = tables;
    this.catalog = settings.catalog;
    this.schemaName = settings.schema;
    this.asOf = settings.asOf;
    this.statementTimeoutMs = settings.statementTimeoutMs;
    this.tableNames = new Set(tables.map((t) => t.identifier));
  }
  host;
  load;
  tables;
  /** One thread runs the statements in order and queues the rest (sqlite-host.ts): any number at once. */
  concurrency = Number.POSITIVE_INFINITY;
  statements = 0;
  tableNames;
  closed = false;
  catalog;
  /** The schema tables live in (`schema()` is the Warehouse method listing them). */
  schemaName;
  asOf;
  statementTimeoutMs;
  /** The database in the host, registered on first use (the demo's rows are generated then). */
  database;
  /** Builds (or starts building) the database in the worker; statements wait for it. */
  prepare() {
    if (!this.database) {
      const loading = this.load().catch((error) => {
        if (this.database === loading) this.database = void 0;
        throw error;
      });
      loading.catch(() => void 0);
      this.database = loading;
    }
    return this.database;
  }
  /** How many statements reached the engine (refused ones do not count). */
  get statementCount() {
    return this.statements;
  }
  /** The SQL actually run by SQLite for a Databricks SQL text (for debugging). */
  translate(sql) {
    return rewriteForSqlite(sql, { asOf: this.asOf, catalog: this.catalog, tables: this.tableNames });
  }
  async execute(sql, options = {}) {
    if (this.closed) throw new WarehouseError("the warehouse is closed", sql);
    assertReadOnly(sql);
    if (options.signal?.aborted) throw new WarehouseError("the statement was cancelled", sql, "CANCELLED");
    const rowLimit = options.rowLimit !== void 0 && options.rowLimit > 0 ? options.rowLimit : DEFAULT_ROW_LIMIT;
    const timeoutMs = Math.min(options.timeoutMs ?? this.statementTimeoutMs, this.statementTimeoutMs);
    let translated;
    try {
      translated = this.translate(sql);
    } catch (error) {
      throw new WarehouseError(messageOf(error), sql, "SQL_ERROR");
    }
    assertReadOnly(translated, { flavours: ["sqlite"] });
    this.statements++;
    try {
      const id = await this.prepare();
      if (this.closed) throw new WarehouseError("the warehouse is closed", sql);
      const raw = await this.host.run(id, translated, { rowLimit, timeoutMs, signal: options.signal });
      return toResult(originalColumnNames(raw.names, sql, translated), raw.rows, raw.truncated);
    } catch (error) {
      if (error instanceof WarehouseError || error instanceof ReadOnlyViolationError) throw error;
      if (error instanceof StatementStopped && error.reason === "TIMEOUT")
        throw new WarehouseError(`the statement ran longer than ${timeoutMs} ms and was stopped`, sql, "TIMEOUT");
      if (error instanceof StatementStopped) throw new WarehouseError("the statement was cancelled", sql, "CANCELLED");
      throw new WarehouseError(messageOf(error), sql, "SQL_ERROR");
    }
  }
  async schema() {
    return {
      tables: this.tables.map((t) => ({ identifier: t.identifier, columns: t.columns.map((c) => ({ ...c })) }))
    };
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    const database = this.database;
    if (database) this.host.release(await database.catch(() => -1));
  }
};
var DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
var TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$/;
function inferColumnType(values, bigintMode = false) {
  let kind = "";
  const widen = (next) => {
    if (kind === "" || kind === next) kind = next;
    else if (kind === "BIGINT" && next === "DOUBLE" || kind === "DOUBLE" && next === "BIGINT") kind = "DOUBLE";
    else if (kind === "DATE" && next === "TIMESTAMP" || kind === "TIMESTAMP" && next === "DATE") kind = "TIMESTAMP";
    else kind = "STRING";
  };
  for (const value of values) {
    if (value === null || value === void 0) continue;
    if (typeof value === "bigint") widen("BIGINT");
    else if (typeof value === "number") widen(!bigintMode && Number.isInteger(value) ? "BIGINT" : "DOUBLE");
    else if (value instanceof Uint8Array) widen("BINARY");
    else {
      const text = String(value);
      widen(DATE_TEXT.test(text) ? "DATE" : TIMESTAMP_TEXT.test(text) ? "TIMESTAMP" : "STRING");
    }
  }
  return kind;
}
function toResult(names, raw, truncated) {
  const columns = names.map((name, c) => ({
    name,
    type: inferColumnType(
      raw.map((row) => row[c]),
      true
    )
  }));
  const rows = raw.map((row) => row.map(toCell));
  return { columns, rows, truncated };
}
function toCell(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "bigint") {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return String(value);
}
function originalColumnNames(names, original, translated) {
  const before = selectItems(original);
  const after = selectItems(translated);
  if (before.length !== after.length || names.length !== after.length) return names;
  return names.map((name, i) => !after[i].alias && name === after[i].text ? before[i].text : name);
}

// src/local/target-warehouse.ts
import { existsSync } from "node:fs";
import path2 from "node:path";
async function openWarehouseFor(root, target, space, layout = {}, dataFile, demoRows) {
  const settings = { asOf: target?.local?.asOf, statementTimeoutMs: target?.local?.statementTimeoutMs, demoRows };
  if (dataFile !== void 0) {
    if (dataFile !== "demo" && !existsSync(dataFile))
      throw new GenieGitopsError(`--data ${dataFile} does not exist`, "pass a .sqlite/.db or .sql file, or 'demo'");
    return openLocalWarehouse({ data: dataFile, ...settings });
  }
  const where = target?.file ?? (space ? targetLabel(root, space, layout) : "target.yml");
  if (!target) {
    throw new ConfigError(
      `${where} is missing, so the local backend does not know which data ${space ? `space ${space}` : "the space"} asks about`,
      `create it with: genie-gitops init --space ${space ?? "NAME"} --from-sqlite FILE.sqlite (or --from-sql FILE.sql, or no --from-* for the demo data); an existing space.json is kept`
    );
  }
  const data = target.local?.data;
  if (!data) {
    throw new ConfigError(
      `${where} has no local.data, so the local backend does not know which data to query`,
      "add `local: { data: path/to/file.sqlite }` (a .sqlite file or .sql script relative to the repository root, or `demo` for the generated demo data), pass --data FILE, or use --backend databricks"
    );
  }
  if (data === "demo") return openLocalWarehouse({ data: "demo", ...settings });
  const file = path2.resolve(root, data);
  const at = { file: where, path: "$.local.data", line: target.dataLine };
  if (!isInside(root, file)) {
    throw new ValidationError(
      [{ ...at, message: `local data file ${data} is outside the repository (symlinks are followed)` }],
      "move the file into the repository, or pass --data FILE on the command line to use it for one run"
    );
  }
  if (!existsSync(file)) {
    throw new ValidationError(
      [{ ...at, message: `local data file ${data} does not exist` }],
      `create it, fix local.data, or set local.data to 'demo' for the generated demo data`
    );
  }
  return openLocalWarehouse({ data: file, ...settings });
}
function targetLabel(root, space, layout) {
  try {
    const entry = findSpaceEntry(root, space, layout);
    if (entry) return repoRelative(path2.resolve(root), entry.targetFile);
  } catch {
  }
  return repoPaths.targetFile(space);
}

// src/local/genie/text.ts
var NUMBER_WORDS = /* @__PURE__ */ new Map([
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["once", 1],
  ["twice", 2],
  ["thrice", 3]
]);
function normalizeWord(word) {
  return isHangul(word) ? word : singular(word.toLowerCase());
}
var TOKEN_RE = /'([^']+)'|"([^"]+)"|“([^”]+)”|‘([^’]+)’|(\d{4}-\d{2}-\d{2})|(\d+(?:\.\d+)?)|([\uac00-\ud7a3]+)|([A-Za-z][A-Za-z0-9_]*(?:'s)?)|(%)/g;
function tokenize(text) {
  const tokens = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const quoted = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (quoted !== void 0) {
      tokens.push({ raw: quoted, forms: [quoted.toLowerCase()], quoted: true });
    } else if (m[5]) {
      tokens.push({ raw: m[5], forms: [m[5]], date: m[5] });
    } else if (m[6]) {
      tokens.push({ raw: m[6], forms: [m[6]], num: Number(m[6]) });
    } else if (m[7]) {
      pushKorean(tokens, m[7]);
    } else if (m[8]) {
      for (const part of splitIdentifier(m[8].replace(/'s$/, ""), true)) {
        const lower = part.toLowerCase();
        const spelled = NUMBER_WORDS.get(lower);
        if (spelled !== void 0) {
          tokens.push({ raw: part, forms: [lower], num: spelled });
          continue;
        }
        tokens.push({
          raw: part,
          forms: uniq([singular(lower), lower, ...verbStems(lower), coarseStem(lower)])
        });
      }
    } else if (m[9]) {
      tokens.push({ raw: "%", forms: ["%"] });
    }
  }
  return tokens;
}
function pushKorean(tokens, word) {
  const forms = koreanForms(word);
  const byForm = forms.find((f) => f.length > 1 && (f.endsWith("\uBCC4") || f.endsWith("\uB2F9")));
  if (byForm) {
    const stem = byForm.slice(0, -1);
    const suffix = byForm.slice(-1);
    tokens.push({ raw: stem, forms: koreanForms(stem) });
    tokens.push({ raw: suffix, forms: [suffix] });
    return;
  }
  tokens.push({ raw: word, forms });
}
function phraseWords(text) {
  return tokenize(text).map((t) => t.num !== void 0 || t.date ? t.raw : t.forms[0]);
}
function uniq(items) {
  return [...new Set(items)];
}

// src/local/genie/catalog.ts
function columnType(rawType, name) {
  const t = rawType.toUpperCase();
  if (t.includes("BOOL") || /^(is|has|was)_/.test(name) && /INT|^$/.test(t)) return "bool";
  if (t.includes("TIMESTAMP") || t.includes("DATETIME")) return "timestamp";
  if (t.includes("DATE")) return "date";
  if (/INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL|LONG|SHORT/.test(t)) return "number";
  if (t === "") {
    if (/(_at|_time|timestamp)$/.test(name)) return "timestamp";
    if (/(date|_on|_day)$/.test(name)) return "date";
    if (/(_id|count|amount|total|number|_num)$/.test(name)) return "number";
  }
  return "string";
}
var lastPart = (identifier) => identifier.replace(/`/g, "").split(".").pop() ?? identifier;
function buildCatalog(space, schema) {
  const configured = [...space.data_sources?.tables ?? [], ...space.data_sources?.metric_views ?? []];
  const tables = configured.map((cfg) => tableInfo(cfg, schema));
  const joins = joinEdges(space, tables);
  markReferences(joins);
  const ti = space.instructions?.text_instructions?.[0];
  return {
    tables,
    snippets: snippetInfos(space, tables),
    joins,
    examples: exampleInfos(space),
    textInstruction: ti ? { id: ti.id, content: joinText(ti.content) } : void 0
  };
}
function tableInfo(cfg, schema) {
  const identifier = cfg.identifier.replace(/`/g, "");
  const whTable = schema.tables.find((t) => t.identifier.toLowerCase() === identifier.toLowerCase());
  const configs = new Map(
    (cfg.column_configs ?? []).map((c) => [c.column_name.toLowerCase(), c])
  );
  const names = whTable ? whTable.columns.map((c) => ({ name: c.name, type: c.type })) : [...configs.values()].map((c) => ({ name: c.column_name, type: "" }));
  const table = {
    identifier,
    name: lastPart(identifier),
    description: joinText(cfg.description),
    columns: []
  };
  for (const { name, type } of names) {
    const cc = configs.get(name.toLowerCase());
    if (cc?.exclude) continue;
    table.columns.push({
      table,
      name,
      type: columnType(type, name.toLowerCase()),
      description: joinText(cc?.description),
      synonyms: cc?.synonyms ?? [],
      entity: cc ? hasEntityMatching(cc) : false,
      format: cc ? hasFormatAssistance(cc) || hasEntityMatching(cc) : false,
      values: [],
      examples: [],
      isKey: false
    });
  }
  table.key = pickKey(table);
  if (table.key) table.key.isKey = true;
  table.label = pickLabel(table);
  return table;
}
function tableByName(tables, ref) {
  const clean = ref.replace(/`/g, "").toLowerCase();
  return tables.find((t) => t.identifier.toLowerCase() === clean || t.name.toLowerCase() === clean);
}
function snippetInfos(space, tables) {
  const snippetGroups = space.instructions?.sql_snippets;
  const snippets = [];
  for (const [kind, list] of [
    ["measure", snippetGroups?.measures],
    ["filter", snippetGroups?.filters],
    ["expression", snippetGroups?.expressions]
  ]) {
    for (const s of list ?? []) {
      const sql = joinText(s.sql).trim();
      const alias = "alias" in s && typeof s.alias === "string" ? s.alias : void 0;
      snippets.push({
        id: s.id,
        kind,
        sql,
        name: s.display_name ?? alias ?? "",
        synonyms: [...s.synonyms ?? [], ...alias && s.display_name ? [alias] : []],
        tables: referencedTables(sql, tables)
      });
    }
  }
  return snippets;
}
function joinEdges(space, tables) {
  const byName = (ref) => tableByName(tables, ref);
  const joins = [];
  for (const spec of space.instructions?.join_specs ?? []) {
    const parsed = parseJoinCondition(joinText(spec.sql.slice(0, 1)));
    if (!parsed) continue;
    const aliases = /* @__PURE__ */ new Map([
      [(spec.left.alias ?? lastPart(spec.left.identifier)).toLowerCase(), byName(spec.left.identifier)],
      [(spec.right.alias ?? lastPart(spec.right.identifier)).toLowerCase(), byName(spec.right.identifier)]
    ]);
    const a = aliases.get(parsed.leftAlias) ?? byName(parsed.leftAlias);
    const b = aliases.get(parsed.rightAlias) ?? byName(parsed.rightAlias);
    if (!a || !b || a === b) continue;
    const marker = spec.sql.slice(1).map((line) => RELATIONSHIP_MARKER.exec(line.trim())?.[1]).find(Boolean);
    const swapped = b === byName(spec.left.identifier) && a !== b;
    const relationship = marker && swapped ? flipRelationship(marker) : marker;
    joins.push({
      id: spec.id,
      left: a,
      right: b,
      leftColumn: parsed.leftColumn,
      rightColumn: parsed.rightColumn,
      relationship
    });
  }
  return joins;
}
function markReferences(joins) {
  for (const j of joins) {
    const leftCol = j.left.columns.find((c) => c.name.toLowerCase() === j.leftColumn.toLowerCase());
    const rightCol = j.right.columns.find((c) => c.name.toLowerCase() === j.rightColumn.toLowerCase());
    if (leftCol && rightCol && rightCol === j.right.key && leftCol !== j.left.key) leftCol.references ??= j.right;
    if (leftCol && rightCol && leftCol === j.left.key && rightCol !== j.right.key) rightCol.references ??= j.left;
  }
}
function exampleInfos(space) {
  return (space.instructions?.example_question_sqls ?? []).map((e) => ({
    id: e.id,
    question: joinText(e.question),
    sql: joinText(e.sql).trim().replace(/;\s*$/, ""),
    parameters: (e.parameters ?? []).map((p) => ({
      name: p.name,
      typeHint: p.type_hint,
      defaultValue: p.default_value?.values?.[0]
    }))
  }));
}
function flipRelationship(r) {
  return r === "MANY_TO_ONE" ? "ONE_TO_MANY" : r === "ONE_TO_MANY" ? "MANY_TO_ONE" : r;
}
function pickKey(table) {
  const singularName = table.name.toLowerCase().replace(/ies$/, "y").replace(/s$/, "");
  return table.columns.find((c) => c.name.toLowerCase() === "id") ?? table.columns.find(
    (c) => c.name.toLowerCase() === `${singularName}_id` || c.name.toLowerCase() === `${table.name.toLowerCase()}_id`
  ) ?? (table.columns[0]?.name.toLowerCase().endsWith("id") ? table.columns[0] : void 0);
}
function pickLabel(table) {
  const strings = table.columns.filter((c) => c.type === "string");
  const singularName = table.name.toLowerCase().replace(/ies$/, "y").replace(/s$/, "");
  return strings.find((c) => /(^|_)(name|title|label)$/.test(c.name.toLowerCase())) ?? strings.find((c) => /name|title/.test(c.name.toLowerCase())) ?? // `airlines.Airline`: the text column named after the table names its rows.
  strings.find((c) => c.name.toLowerCase() === singularName) ?? strings.find((c) => c.entity) ?? void 0;
}
function parseJoinCondition(sql) {
  const clean = sql.replace(/`/g, "").replace(/--.*$/gm, "").trim();
  const m = /^\(?\s*([\w.]+)\.(\w+)\s*=\s*([\w.]+)\.(\w+)\s*\)?$/.exec(clean);
  if (!m) return void 0;
  return {
    leftAlias: m[1].split(".").pop().toLowerCase(),
    leftColumn: m[2],
    rightAlias: m[3].split(".").pop().toLowerCase(),
    rightColumn: m[4]
  };
}
function referencedTables(sql, tables) {
  const clean = sql.replace(/`/g, "").toLowerCase();
  return tables.filter(
    (t) => new RegExp(`(^|[^\\w.])(${escapeRe(t.identifier.toLowerCase())}|${escapeRe(t.name.toLowerCase())})\\.\\w`).test(
      clean
    )
  );
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/local/genie/examples.ts
var FILLER = /* @__PURE__ */ new Set([
  "a",
  "an",
  "the",
  "of",
  "in",
  "on",
  "for",
  "to",
  "is",
  "are",
  "was",
  "were",
  "do",
  "does",
  "did",
  "me",
  "show",
  "list",
  "give",
  "please",
  "what",
  "there",
  "our",
  "we",
  "all",
  "\uC54C\uB824\uC918",
  "\uBCF4\uC5EC\uC918",
  "\uC918",
  "\uC740",
  "\uB294"
]);
function columnKey(column) {
  return `${column.table.identifier}.${column.name}`;
}
function signatureOf(linked) {
  const signature = /* @__PURE__ */ new Set();
  const values = [];
  const numbers = [];
  const dates = [];
  const covered = /* @__PURE__ */ new Set();
  const valueItem = (item) => {
    if (item.type !== "mention") return void 0;
    const top = item.candidates[0]?.target;
    return top?.kind === "value" ? { column: columnKey(top.column), value: top.value } : void 0;
  };
  for (const item of linked.items) {
    const v = valueItem(item);
    if (v) {
      values.push(v);
      signature.add(`#value:${v.column}`);
      for (let k = item.start; k < item.end; k++) covered.add(k);
    } else if (item.type === "quoted") {
      signature.add("#quoted");
      covered.add(item.start);
    }
  }
  linked.tokens.forEach((t, k) => {
    if (covered.has(k)) return;
    if (t.date) {
      dates.push(t.date);
      signature.add("#date");
      return;
    }
    if (t.num !== void 0) {
      numbers.push(t.num);
      signature.add("#num");
      return;
    }
    const w = t.forms[t.forms.length - 1];
    if (!FILLER.has(w) && !FILLER.has(t.forms[0])) signature.add(w);
  });
  return { signature, values, numbers, dates };
}
function prepareExample(example, linked, catalog) {
  const prepared = { example, ...signatureOf(linked) };
  for (const param of example.parameters) {
    const slot = slotOf(param, example.sql, catalog);
    if (slot) prepared.signature.add(slot);
  }
  return prepared;
}
function templateQuestion(example) {
  let text = example.question;
  for (const param of example.parameters) {
    text = text.replace(new RegExp(`:${param.name}\\b`, "g"), " ");
    if (param.defaultValue) text = text.replace(new RegExp(escapeRe2(param.defaultValue), "gi"), " ");
  }
  return text;
}
function slotOf(param, sql, catalog) {
  const hint = param.typeHint ?? "";
  if (NUMERIC_HINT.test(hint)) return "#num";
  if (DATE_HINT.test(hint)) return "#date";
  const compared = comparedColumn(sql, param.name);
  const name = compared?.split(".").pop()?.toLowerCase();
  if (!name || !catalog) return void 0;
  const lower = sql.toLowerCase();
  const columns = catalog.tables.flatMap((t) => t.columns).filter((c) => c.name.toLowerCase() === name);
  const column = columns.find((c) => lower.includes(c.table.identifier.toLowerCase())) ?? columns[0];
  return column ? `#value:${columnKey(column)}` : void 0;
}
function comparedColumn(sql, name) {
  const m = new RegExp(`([\\w.\`]+)\\s*(?:=|<>|!=|\\bIN\\b|\\bLIKE\\b)\\s*\\(?\\s*:${name}\\b`, "i").exec(sql);
  return m?.[1].replace(/`/g, "");
}
var escapeRe2 = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function similarity(a, b) {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return 2 * shared / (a.size + b.size);
}
function rankExamples(question, prepared) {
  const sig = signatureOf(question).signature;
  return prepared.map((p) => ({ prepared: p, score: similarity(sig, p.signature) })).sort((a, b) => b.score - a.score);
}
var literal = (v) => `'${v.replace(/'/g, "''")}'`;
var NUMERIC_HINT = /INT|LONG|SHORT|DOUBLE|FLOAT|DECIMAL|NUMBER|NUMERIC/i;
var DATE_HINT = /DATE|TIME/i;
function adaptExample(match, question, catalog) {
  const { prepared } = match;
  const q = signatureOf(question);
  let sql = prepared.example.sql;
  const numbers = [...q.numbers];
  const dates = [...q.dates];
  for (const param of prepared.example.parameters) {
    const marker = new RegExp(`:${param.name}\\b`, "g");
    if (!marker.test(sql)) continue;
    let value;
    const hint = param.typeHint ?? "";
    if (NUMERIC_HINT.test(hint)) value = numbers.length > 0 ? String(numbers.shift()) : param.defaultValue;
    else if (DATE_HINT.test(hint))
      value = dates.length > 0 ? literal(dates.shift()) : param.defaultValue !== void 0 ? literal(param.defaultValue) : void 0;
    else {
      const compared = new RegExp(
        `([\\w.\`]+)\\s*(?:=|<>|!=|\\bIN\\b|\\bLIKE\\b)\\s*\\(?\\s*:${param.name}\\b`,
        "i"
      ).exec(sql);
      const colName = compared?.[1].replace(/`/g, "").split(".").pop()?.toLowerCase();
      const hit = q.values.find((v) => colName && v.column.toLowerCase().endsWith(`.${colName}`)) ?? (colName ? void 0 : q.values[0]);
      const quoted = question.items.find((i) => i.type === "quoted");
      const raw = hit?.value ?? (quoted && quoted.type === "quoted" ? quoted.raw : void 0);
      value = raw !== void 0 ? literal(raw) : void 0;
    }
    if (value === void 0) return void 0;
    sql = sql.replace(marker, value);
  }
  if (/(^|[^:\w]):[A-Za-z_]\w*/.test(sql.replace(/'[^']*'/g, "''"))) return void 0;
  for (const old of prepared.values) {
    const now = q.values.find((v) => v.column === old.column && !prepared.values.some((p) => p.value === v.value));
    if (now && now.value !== old.value) sql = sql.split(literal(old.value)).join(literal(now.value));
  }
  if (prepared.numbers.length === q.numbers.length) {
    prepared.numbers.forEach((n, k) => {
      if (n !== q.numbers[k]) sql = sql.replace(new RegExp(`(?<![\\w.'-])${n}(?![\\w.'-])`, "g"), String(q.numbers[k]));
    });
  }
  if (prepared.dates.length === q.dates.length)
    prepared.dates.forEach((d, k) => {
      if (d !== q.dates[k]) sql = sql.split(d).join(q.dates[k]);
    });
  void catalog;
  return sql;
}

// src/local/genie/lexicon.ts
var WEIGHT = {
  name: 1,
  synonym: 1,
  value: 0.95,
  alias: 0.8,
  part: 0.5,
  description: 0.25
};
var WEAK_PARTS = /* @__PURE__ */ new Set([
  "id",
  "is",
  "has",
  "at",
  "on",
  "of",
  "the",
  "count",
  "name",
  "date",
  "time",
  "number",
  "num",
  "type",
  "code",
  "value",
  "stat",
  "total"
]);
function buildLexicon(catalog) {
  const phrases = [];
  const add = (text, target, source, weight = WEIGHT[source]) => {
    const words = Array.isArray(text) ? text : phraseWords(text);
    if (words.length === 0 || words.length > 8) return;
    phrases.push({ words, target, weight, source });
    const stemmed = words.map(coarseStem);
    if (stemmed.some((w, k) => w !== words[k])) phrases.push({ words: stemmed, target, weight: weight * 0.7, source });
  };
  for (const table of catalog.tables) {
    const target = { kind: "table", table };
    add(splitIdentifier(table.name).map(normalizeWord), target, "name");
    const parts = splitIdentifier(table.name);
    for (const variant of nameVariants(parts)) add(variant, target, "alias", 0.95);
    if (parts.length > 1) {
      for (const p of parts) if (!WEAK_PARTS.has(p)) add([normalizeWord(p)], target, "part", 0.35);
    }
    addDescription(add, table.description, target, 0.3);
    for (const column of table.columns) {
      addColumn(add, column);
      const columnWords = splitIdentifier(column.name).map(normalizeWord);
      if (parts.length > 1 && columnWords.length > 1) {
        for (const p of parts)
          if (!WEAK_PARTS.has(p) && !STOPWORDS.has(p) && !columnWords.includes(normalizeWord(p)))
            add([normalizeWord(p), ...columnWords], { kind: "column", column }, "alias", 0.9);
      }
    }
    if (table.key) for (const w of ["id", "identifier"]) add([w], { kind: "column", column: table.key }, "part", 0.45);
  }
  for (const snippet of catalog.snippets) {
    const target = { kind: "snippet", snippet };
    if (snippet.name) add(snippet.name, target, "name");
    for (const s of snippet.synonyms) add(s, target, "synonym");
  }
  const byFirst = /* @__PURE__ */ new Map();
  for (const p of phrases) {
    const list = byFirst.get(p.words[0]) ?? [];
    list.push(p);
    byFirst.set(p.words[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.weight - a.weight);
  return { byFirst, size: phrases.length };
}
var ABBREVIATIONS = {
  no: ["number"],
  num: ["number"],
  nbr: ["number"],
  qty: ["quantity"],
  amt: ["amount"],
  yr: ["year"],
  dob: ["date", "of", "birth"],
  fname: ["first", "name"],
  lname: ["last", "name"],
  mname: ["middle", "name"],
  addr: ["address"],
  dept: ["department"],
  desc: ["description"],
  pct: ["percent"],
  avg: ["average"],
  cnt: ["count"],
  emp: ["employee"],
  mgr: ["manager"],
  org: ["organization"],
  cust: ["customer"],
  prod: ["product"],
  stu: ["student"],
  dest: ["destination"],
  src: ["source"]
};
var GENERIC_HEADS = /* @__PURE__ */ new Set(["date", "time", "name", "type", "code", "number", "id", "year", "amount"]);
function nameVariants(parts) {
  const out = [];
  if (parts.some((p) => ABBREVIATIONS[p])) out.push(parts.flatMap((p) => ABBREVIATIONS[p] ?? [p]));
  for (const words of [...out, parts]) {
    if (words.length !== 2) continue;
    if (!["number", "count", "total", "amount"].includes(words[1])) out.push([words[1], "of", words[0]]);
    if (GENERIC_HEADS.has(words[0])) out.push([words[1], words[0]]);
  }
  return out.map((words) => words.map(normalizeWord));
}
function addColumn(add, column) {
  const target = { kind: "column", column };
  const parts = splitIdentifier(column.name);
  add(parts.map(normalizeWord), target, "name");
  for (const variant of nameVariants(parts)) add(variant, target, "alias", 0.95);
  if (parts.length > 1) {
    for (const p of parts) {
      if (WEAK_PARTS.has(p) || STOPWORDS.has(p)) continue;
      const weight = column.type === "bool" ? 0.8 : column.name.toLowerCase().endsWith("_id") ? 0.3 : 0.5;
      add([normalizeWord(p)], target, "part", weight);
    }
  }
  for (const s of column.synonyms) add(s, target, "synonym");
  addDescription(add, column.description, target, 0.25);
  for (const value of column.values) addValue(add, column, value);
  for (const [alias, value] of valueAliases(column.description))
    add(alias, { kind: "value", column, value }, "alias", 0.9);
}
function addValue(add, column, value) {
  if (value.length === 0 || value.length > 127 || /^-?\d+(\.\d+)?$/.test(value)) return;
  const words = phraseWords(value);
  if (words.length === 1 && STOPWORDS.has(words[0])) return;
  add(words, { kind: "value", column, value }, "value");
}
function addDescription(add, description, target, weight) {
  if (!description) return;
  for (const m of description.matchAll(/\(([^)]{1,80})\)/g)) {
    for (const alias of m[1].split(/[,/;]| or /)) {
      const words = phraseWords(alias.trim());
      if (words.length > 0 && words.length <= 3 && !/[=:]/.test(alias)) add(words, target, "alias");
    }
  }
  for (const m of description.matchAll(/(?:also (?:called|known as)|a\.k\.a\.?|aka)\s+["']?([^,.;"']+)/gi))
    add(m[1], target, "alias");
  const seen = /* @__PURE__ */ new Set();
  for (const w of phraseWords(description)) {
    if (w.length < 3 && !isHangul(w)) continue;
    if (STOPWORDS.has(w) || seen.has(w) || /^\d/.test(w)) continue;
    seen.add(w);
    add([w], target, "description", weight);
  }
}
function valueAliases(description) {
  const out = [];
  for (const m of description.matchAll(/\bsay\s+([^'".,;]{2,40}?)\s+for\s+['"]([^'"]{1,24})['"]/gi))
    for (const alias of m[1].split(/\s*\/\s*|\s+or\s+|\s*,\s*/)) if (alias.trim()) out.push([alias.trim(), m[2]]);
  for (const piece of description.split(/[,;\n()]|\.\s/)) {
    const m = /^\s*['"]?([A-Za-z0-9_-]{1,24})['"]?\s*(?:=|:|means|is|->|→)\s*['"]?([^'"]{2,40}?)['"]?\s*\.?\s*$/.exec(
      piece
    );
    if (!m) continue;
    for (const alias of m[2].split(/\s*\/\s*|\s+or\s+/)) if (alias.trim()) out.push([alias.trim(), m[1]]);
  }
  return out;
}

// src/local/genie/dates.ts
var UNIT_WORDS = {
  day: "day",
  \uC77C: "day",
  \uC77C\uAC04: "day",
  \uB0A0: "day",
  week: "week",
  \uC8FC: "week",
  \uC8FC\uC77C: "week",
  \uC8FC\uAC04: "week",
  month: "month",
  \uAC1C\uC6D4: "month",
  \uB2EC: "month",
  \uAC1C\uC6D4\uAC04: "month",
  year: "year",
  \uB144: "year",
  \uB144\uAC04: "year",
  \uD574: "year"
};
var LAST_WORDS = /* @__PURE__ */ new Set(["last", "past", "previous", "recent", "trailing", "\uC9C0\uB09C", "\uCD5C\uADFC", "\uACFC\uAC70", "\uC9C1\uC804"]);
var THIS_WORDS = /* @__PURE__ */ new Set(["this", "current", "\uC774\uBC88", "\uAE08", "\uC62C"]);
var MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december"
];
var MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));
var FIXED = {
  yesterday: { kind: "yesterday" },
  \uC5B4\uC81C: { kind: "yesterday" },
  today: { kind: "today" },
  \uC624\uB298: { kind: "today" },
  \uC9C0\uB09C\uB2EC: { kind: "previous", unit: "month" },
  \uC804\uC6D4: { kind: "previous", unit: "month" },
  \uC800\uBC88\uB2EC: { kind: "previous", unit: "month" },
  \uC774\uBC88\uB2EC: { kind: "this", unit: "month" },
  \uC774\uB2EC: { kind: "this", unit: "month" },
  \uAE08\uC6D4: { kind: "this", unit: "month" },
  \uC9C0\uB09C\uC8FC: { kind: "previous", unit: "week" },
  \uC800\uBC88\uC8FC: { kind: "previous", unit: "week" },
  \uC774\uBC88\uC8FC: { kind: "this", unit: "week" },
  \uC62C\uD574: { kind: "this", unit: "year" },
  \uAE08\uB144: { kind: "this", unit: "year" },
  \uC791\uB144: { kind: "previous", unit: "year" },
  \uC9C0\uB09C\uD574: { kind: "previous", unit: "year" },
  \uC804\uB144: { kind: "previous", unit: "year" },
  ytd: { kind: "this", unit: "year" },
  mtd: { kind: "this", unit: "month" }
};
function has(token, words) {
  if (!token) return false;
  const set = words instanceof Set ? words : new Set(words);
  return token.forms.some((f) => set.has(f));
}
function unitOf(token) {
  if (!token) return void 0;
  for (const f of token.forms) if (UNIT_WORDS[f]) return UNIT_WORDS[f];
  return void 0;
}
function monthOf(token) {
  if (!token || token.quoted) return void 0;
  const f = token.forms[token.forms.length - 1].toLowerCase();
  const full = MONTHS.indexOf(token.raw.toLowerCase());
  if (full >= 0) return full + 1;
  const abbr = MONTH_ABBR.indexOf(f.replace(/\.$/, ""));
  return abbr >= 0 && token.raw.length === 3 && token.raw !== "may" ? abbr + 1 : void 0;
}
var pad = (n) => String(n).padStart(2, "0");
var monthStart = (y, m) => `${y}-${pad(m)}-01`;
var nextMonthStart = (y, m) => m === 12 ? monthStart(y + 1, 1) : monthStart(y, m + 1);
function nextDay(iso) {
  const d = /* @__PURE__ */ new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
function findDates(tokens, today) {
  const found = [];
  const [year, month] = today.split("-").map(Number);
  for (let i = 0; i < tokens.length; i++) {
    const hit = firstDate(tokens, i, { year, month });
    if (!hit) continue;
    found.push({ range: hit.range, start: i, end: hit.end });
    i = hit.end - 1;
  }
  return found;
}
function firstDate(tokens, i, clock) {
  for (const matcher of MATCHERS) {
    const hit = matcher(tokens, i, clock);
    if (hit) return hit;
  }
  return void 0;
}
function fixedDate(tokens, i) {
  const fixed = tokens[i].forms.map((f) => FIXED[f]).find(Boolean);
  return fixed ? { range: fixed, end: i + 1 } : void 0;
}
function isoDates(tokens, i) {
  const t = tokens[i];
  if (!t.date) return void 0;
  const next = tokens[i + 1];
  const j = tokens.slice(i + 1, i + 4).findIndex((x) => x.date);
  if (j >= 0) {
    const other = tokens[i + 1 + j];
    return { range: { kind: "between", from: t.date, to: nextDay(other.date) }, end: i + 2 + j };
  }
  const prev = tokens[i - 1];
  if (has(prev, ["since", "after", "from"]) || has(next, ["\uC774\uD6C4", "\uBD80\uD130", "\uC774\uD6C4\uB85C"]))
    return { range: { kind: "between", from: t.date }, end: i + 1 };
  if (has(prev, ["before", "until"]) || has(next, ["\uC774\uC804", "\uC804", "\uAE4C\uC9C0"])) {
    const to = has(prev, ["until"]) || has(next, ["\uAE4C\uC9C0"]) ? nextDay(t.date) : t.date;
    return { range: { kind: "between", to }, end: i + 1 };
  }
  return { range: { kind: "between", from: t.date, to: nextDay(t.date) }, end: i + 1 };
}
function relativeWindow(tokens, i) {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (has(t, LAST_WORDS) && next?.num !== void 0 && unitOf(tokens[i + 2]))
    return { range: { kind: "last", n: next.num, unit: unitOf(tokens[i + 2]) }, end: i + 3 };
  const unit = unitOf(next);
  if (!unit) return void 0;
  if (has(t, ["past", "trailing", "\uCD5C\uADFC"])) return { range: { kind: "last", n: 1, unit }, end: i + 2 };
  if (has(t, LAST_WORDS)) return { range: { kind: "previous", unit }, end: i + 2 };
  if (has(t, THIS_WORDS)) return { range: { kind: "this", unit }, end: i + 2 };
  return void 0;
}
function koreanYear(tokens, i) {
  const y = tokens[i].num;
  if (y === void 0 || y < 1900 || y >= 2200 || !has(tokens[i + 1], ["\uB144", "\uB144\uB3C4", "\uB144\uC5D0"])) return void 0;
  const after = tokens[i + 2];
  if (after?.num !== void 0 && after.num >= 1 && after.num <= 12 && has(tokens[i + 3], ["\uC6D4"]))
    return { range: { kind: "between", from: monthStart(y, after.num), to: nextMonthStart(y, after.num) }, end: i + 4 };
  return { range: { kind: "between", from: `${y}-01-01`, to: `${y + 1}-01-01` }, end: i + 2 };
}
function koreanMonth(tokens, i, clock) {
  const m = tokens[i].num;
  if (m === void 0 || m < 1 || m > 12 || !Number.isInteger(m) || !has(tokens[i + 1], ["\uC6D4"])) return void 0;
  const y = m <= clock.month ? clock.year : clock.year - 1;
  return { range: { kind: "between", from: monthStart(y, m), to: nextMonthStart(y, m) }, end: i + 2 };
}
function monthDay(tokens, i, clock) {
  const month = monthOf(tokens[i]);
  const next = tokens[i + 1];
  if (!month || next?.num === void 0 || next.num < 1 || next.num > 31 || !Number.isInteger(next.num))
    return void 0;
  const day = dayDate(tokens, i, month, clock.year);
  const other = tokens.slice(i + 2, i + 6).findIndex(
    (x, k) => monthOf(x) !== void 0 && tokens[i + 3 + k]?.num !== void 0 && tokens[i + 3 + k].num <= 31
  );
  if (other < 0) return { range: { kind: "between", from: day.date, to: nextDay(day.date) }, end: day.next };
  const j = i + 2 + other;
  const end = dayDate(tokens, j, monthOf(tokens[j]), clock.year);
  const from = end.hasYear && !day.hasYear ? `${end.date.slice(0, 4)}${day.date.slice(4)}` : day.date;
  return { range: { kind: "between", from, to: nextDay(end.date) }, end: end.next };
}
function monthYear(tokens, i, clock) {
  const month = monthOf(tokens[i]);
  if (!month) return void 0;
  const next = tokens[i + 1];
  const named = next?.num !== void 0 && next.num >= 1900;
  const year = named ? next.num : month <= clock.month ? clock.year : clock.year - 1;
  return {
    range: { kind: "between", from: monthStart(year, month), to: nextMonthStart(year, month) },
    end: named ? i + 2 : i + 1
  };
}
function bareYear(tokens, i) {
  const y = tokens[i].num;
  if (y === void 0 || !Number.isInteger(y) || y < 1990 || y >= 2100) return void 0;
  if (!has(tokens[i - 1], ["in", "during", "for", "of", "year"])) return void 0;
  return { range: { kind: "between", from: `${y}-01-01`, to: `${y + 1}-01-01` }, end: i + 1 };
}
var MATCHERS = [
  fixedDate,
  isoDates,
  relativeWindow,
  koreanYear,
  koreanMonth,
  monthDay,
  monthYear,
  bareYear
];
function dateCondition(range2, column) {
  switch (range2.kind) {
    case "last": {
      const days = range2.unit === "day" ? range2.n : range2.unit === "week" ? range2.n * 7 : range2.unit === "month" ? range2.n * 30 : range2.n * 365;
      return `${column} >= date_sub(current_date, ${days})`;
    }
    case "this":
      return `${column} >= date_trunc('${range2.unit}', current_date)`;
    case "previous":
      return `${column} >= date_trunc('${range2.unit}', date_sub(date_trunc('${range2.unit}', current_date), 1)) AND ${column} < date_trunc('${range2.unit}', current_date)`;
    case "yesterday":
      return `${column} >= date_sub(current_date, 1) AND ${column} < current_date`;
    case "today":
      return `${column} >= current_date`;
    case "between": {
      const parts = [];
      if (range2.from) parts.push(`${column} >= '${range2.from}'`);
      if (range2.to) parts.push(`${column} < '${range2.to}'`);
      return parts.join(" AND ");
    }
  }
}
function bucketExpression(bucket, column) {
  if (bucket === "weekday") return `date_format(${column}, 'EEEE')`;
  return `date_trunc('${bucket}', ${column})`;
}
function dayDate(tokens, i, month, fallbackYear) {
  const day = tokens[i + 1].num;
  const y = tokens[i + 2]?.num;
  const hasYear = y !== void 0 && y >= 1900 && y < 2200;
  return { date: `${hasYear ? y : fallbackYear}-${pad(month)}-${pad(day)}`, next: hasYear ? i + 3 : i + 2, hasYear };
}

// src/local/genie/vocabulary.ts
var DEFS = [
  [
    "sort",
    [
      "ordered by",
      "order by",
      "sorted by",
      "sort by",
      "sorted according to",
      "ranked by",
      "in order of",
      "in the order of",
      "by order of",
      "in alphabetical order of",
      "in ascending order of",
      "in ascending alphabetical order of",
      "in increasing order of"
    ],
    { dir: "ASC" }
  ],
  [
    "sort",
    [
      "in descending order of",
      "in descending alphabetical order of",
      "in decreasing order of",
      "sorted descending by",
      "ordered descending by",
      "sorted in descending order by",
      "ordered in descending order by",
      "sorted in descending order of",
      "in descending order by"
    ],
    { dir: "DESC" }
  ],
  [
    "sort",
    [
      "sorted ascending by",
      "ordered ascending by",
      "sorted in ascending order by",
      "ordered in ascending order by",
      "sorted in ascending order of",
      "in ascending order by"
    ],
    { dir: "ASC" }
  ],
  [
    "count",
    [
      "how many",
      "how much",
      "number of",
      "count of",
      "count",
      "counts",
      "total number of",
      "amount of",
      "# of",
      "tally",
      "\uBA87",
      "\uC5BC\uB9C8\uB098 \uB9CE\uC740",
      "\uBA87 \uAC1C",
      "\uBA87 \uBA85",
      "\uBA87 \uAC74",
      "\uBA87 \uBC88"
    ]
  ],
  ["count", ["\uC218", "\uAC1C\uC218", "\uAC74\uC218", "\uD69F\uC218", "\uBA85\uC218", "\uAC2F\uC218"], { postfix: true }],
  [
    "distinct",
    ["distinct", "unique", "different", "individual", "\uACE0\uC720", "\uACE0\uC720\uD55C", "\uC11C\uB85C \uB2E4\uB978", "\uC911\uBCF5 \uC5C6\uC774", "\uC911\uBCF5 \uC81C\uC678"]
  ],
  ["sum", ["total", "sum of", "sum", "overall", "combined", "\uCD1D", "\uD569\uACC4", "\uD569", "\uCD1D\uD569", "\uC804\uCCB4"]],
  ["sum", ["\uD569\uACC4", "\uCD1D\uD569", "\uD569"], { postfix: true }],
  ["avg", ["average", "avg", "mean", "\uD3C9\uADE0"]],
  ["max", ["maximum", "max", "largest", "biggest", "longest", "\uCD5C\uB300", "\uCD5C\uACE0", "\uCD5C\uB300\uAC12", "\uAC00\uC7A5 \uAE34", "\uAC00\uC7A5 \uD070"]],
  ["max", ["latest", "most recent", "the most recent", "the latest", "newest", "\uAC00\uC7A5 \uCD5C\uADFC"], { temporal: true }],
  ["min", ["earliest", "\uAC00\uC7A5 \uC624\uB798\uB41C"], { temporal: true }],
  [
    "min",
    ["minimum", "min", "smallest", "shortest", "oldest", "first", "\uCD5C\uC18C", "\uCD5C\uC800", "\uCD5C\uC18C\uAC12", "\uAC00\uC7A5 \uC9E7\uC740", "\uAC00\uC7A5 \uC791\uC740"]
  ],
  [
    "most",
    [
      "most",
      "highest",
      "top",
      "busiest",
      "most active",
      "greatest",
      "the most",
      "\uAC00\uC7A5 \uB9CE\uC740",
      "\uAC00\uC7A5 \uB9CE\uC774",
      "\uC81C\uC77C \uB9CE\uC740",
      "\uC81C\uC77C \uB9CE\uC774",
      "\uAC00\uC7A5 \uB192\uC740",
      "\uC81C\uC77C \uB192\uC740",
      "\uAC00\uC7A5 \uD65C\uBC1C\uD55C",
      "\uCD5C\uB2E4",
      "\uB9CE\uC740 \uC21C",
      "\uB9CE\uC740 \uC21C\uC11C",
      "\uB192\uC740 \uC21C",
      "\uC0C1\uC704",
      "\uAC00\uC7A5 \uB9CE",
      "\uC81C\uC77C \uB9CE"
    ]
  ],
  [
    "least",
    [
      "least",
      "fewest",
      "lowest",
      "bottom",
      "quietest",
      "least active",
      "\uAC00\uC7A5 \uC801\uC740",
      "\uAC00\uC7A5 \uC801\uAC8C",
      "\uC81C\uC77C \uC801\uC740",
      "\uAC00\uC7A5 \uB0AE\uC740",
      "\uC81C\uC77C \uB0AE\uC740",
      "\uC801\uC740 \uC21C",
      "\uB0AE\uC740 \uC21C",
      "\uD558\uC704",
      "\uCD5C\uC18C\uD55C\uC758",
      "\uAC00\uC7A5 \uC801"
    ]
  ],
  [
    "by",
    [
      "by",
      "per",
      "for each",
      "for every",
      "each",
      "every",
      "across",
      "broken down by",
      "grouped by",
      "group by",
      "split by",
      "in each",
      "of each"
    ]
  ],
  ["by", ["\uBCC4", "\uB9C8\uB2E4", "\uAE30\uC900", "\uAE30\uC900\uC73C\uB85C", "\uB2F9"], { postfix: true }],
  ["each", ["\uAC01", "\uAC01\uAC01\uC758", "\uAC01\uAC01"]],
  ["which", ["which", "what", "who", "\uC5B4\uB290", "\uC5B4\uB5A4", "\uBB34\uC2A8", "\uB204\uAC00", "\uB204\uAD6C", "\uC5B4\uB514"]],
  ["ratio", ["ratio", "ratio of", "rate", "proportion", "fraction", "share of", "share", "\uBE44\uC728", "\uBE44\uC911", "\uBE44"]],
  ["percent", ["percentage", "percent", "pct", "%", "\uD37C\uC13C\uD2B8", "\uBC31\uBD84\uC728", "\uBA87 \uD37C\uC13C\uD2B8"]],
  ["not", ["not", "non", "no", "excluding", "except", "without", "n't", "never", "\uC81C\uC678", "\uC81C\uC678\uD55C", "\uC544\uB2CC", "\uC54A\uC740"]],
  ["with", ["with", "having", "that have", "that has", "who have"]],
  [
    "desc",
    [
      "descending",
      "desc",
      "from highest",
      "from largest",
      "from highest to lowest",
      "from largest to smallest",
      "from biggest to smallest",
      "from longest to shortest",
      "from most to least",
      "\uB0B4\uB9BC\uCC28\uC21C"
    ]
  ],
  [
    "asc",
    [
      "ascending",
      "asc",
      "from lowest",
      "from smallest",
      "from lowest to highest",
      "from smallest to largest",
      "from shortest to longest",
      "from least to most",
      "alphabetically",
      "\uC624\uB984\uCC28\uC21C"
    ]
  ],
  [
    "bucket",
    [
      "daily",
      "per day",
      "by day",
      "each day",
      "every day",
      "day by day",
      "by date",
      "per date",
      "each date",
      "\uC77C\uBCC4",
      "\uC77C\uC790\uBCC4",
      "\uB0A0\uC9DC\uBCC4",
      "\uB9E4\uC77C",
      "\uD558\uB8E8",
      "\uC77C \uB2E8\uC704",
      "\uC77C\uAC04"
    ],
    { bucket: "day" }
  ],
  [
    "bucket",
    ["day of the week", "day of week", "days of the week", "weekday", "weekdays", "\uC694\uC77C", "\uC694\uC77C\uBCC4"],
    { bucket: "weekday" }
  ],
  [
    "bucket",
    [
      "weekly",
      "per week",
      "by week",
      "each week",
      "every week",
      "week by week",
      "week over week",
      "\uC8FC\uBCC4",
      "\uC8FC\uAC04",
      "\uB9E4\uC8FC",
      "\uC8FC \uB2E8\uC704"
    ],
    { bucket: "week" }
  ],
  [
    "bucket",
    [
      "monthly",
      "per month",
      "by month",
      "each month",
      "every month",
      "month by month",
      "month over month",
      "\uC6D4\uBCC4",
      "\uC6D4\uAC04",
      "\uB9E4\uC6D4",
      "\uB9E4\uB2EC",
      "\uB2EC\uBCC4",
      "\uC6D4 \uB2E8\uC704"
    ],
    { bucket: "month" }
  ],
  [
    "bucket",
    [
      "yearly",
      "annual",
      "annually",
      "per year",
      "by year",
      "each year",
      "every year",
      "\uC5F0\uB3C4\uBCC4",
      "\uC5F0\uBCC4",
      "\uB144\uB3C4\uBCC4",
      "\uC5F0\uAC04",
      "\uB9E4\uB144",
      "\uD574\uB9C8\uB2E4"
    ],
    { bucket: "year" }
  ]
];
var MARKERS = DEFS.flatMap(
  ([kind, phrases, extra]) => phrases.map((phrase) => ({
    kind,
    words: phrase === "# of" ? ["#", "of"] : tokenize(phrase).map((t) => t.forms[0]),
    ...extra
  }))
).filter((m) => m.words.length > 0);
var BUCKET_STEMS = {
  \uC77C: "day",
  \uC77C\uC790: "day",
  \uB0A0\uC9DC: "day",
  \uC8FC: "week",
  \uC6D4: "month",
  \uB2EC: "month",
  \uC5F0\uB3C4: "year",
  \uC5F0: "year",
  \uB144\uB3C4: "year"
};
var BUCKET_WORDS = {
  day: "day",
  date: "day",
  week: "week",
  month: "month",
  year: "year"
};
var SUPERLATIVES = {
  youngest: { dim: "age", dir: "asc" },
  oldest: { dim: "age", dir: "desc" },
  heaviest: { dim: "weight", dir: "desc" },
  lightest: { dim: "weight", dir: "asc" },
  tallest: { dim: "height", dir: "desc" },
  shortest: { dim: "height", dir: "asc" },
  longest: { dim: "length", dir: "desc" },
  cheapest: { dim: "price", dir: "asc" },
  fastest: { dim: "speed", dir: "desc" },
  slowest: { dim: "speed", dir: "asc" },
  richest: { dim: "wealth", dir: "desc" }
};
var COMPARATIVES = {
  older: "age",
  younger: "age",
  heavier: "weight",
  lighter: "weight",
  taller: "height",
  shorter: "height",
  longer: "length",
  cheaper: "price",
  faster: "speed",
  slower: "speed"
};

// src/local/genie/quantities.ts
var BEFORE = [
  [["more", "than"], ">"],
  [["greater", "than"], ">"],
  [["higher", "than"], ">"],
  [["larger", "than"], ">"],
  [["longer", "than"], ">"],
  [["over"], ">"],
  [["above"], ">"],
  [["exceeding"], ">"],
  [["exceed"], ">"],
  [["at", "least"], ">="],
  [["no", "fewer", "than"], ">="],
  [["less", "than"], "<"],
  [["fewer", "than"], "<"],
  [["lower", "than"], "<"],
  [["shorter", "than"], "<"],
  [["under"], "<"],
  [["below"], "<"],
  [["heavier", "than"], ">"],
  [["taller", "than"], ">"],
  [["cheaper", "than"], "<"],
  [["more", "expensive", "than"], ">"],
  [["faster", "than"], ">"],
  [["slower", "than"], "<"],
  [["older", "than"], ">"],
  [["bigger", "than"], ">"],
  [["later", "than"], ">"],
  [["younger", "than"], "<"],
  [["lighter", "than"], "<"],
  [["smaller", "than"], "<"],
  [["earlier", "than"], "<"],
  [["at", "most"], "<="],
  [["no", "more", "than"], "<="],
  [["exactly"], "="],
  [["equal", "to"], "="]
];
var AFTER = [
  [["or", "more"], ">="],
  [["or", "after"], ">="],
  [["or", "later"], ">="],
  [["or", "above"], ">="],
  [["or", "higher"], ">="],
  [["or", "before"], "<="],
  [["or", "earlier"], "<="],
  [["or", "below"], "<="],
  [["or", "lower"], "<="],
  [["or", "greater"], ">="],
  [["plus"], ">="],
  [["or", "fewer"], "<="],
  [["or", "less"], "<="],
  [["\uC774\uC0C1"], ">="],
  [["\uCD08\uACFC"], ">"],
  [["\uBBF8\uB9CC"], "<"],
  [["\uC774\uD558"], "<="],
  [["\uB118\uB294"], ">"],
  [["\uB118\uAC8C"], ">"],
  [["\uB118\uC740"], ">"],
  [["\uB118"], ">"],
  [["\uBCF4\uB2E4", "\uB9CE\uC740"], ">"],
  [["\uBCF4\uB2E4", "\uB9CE\uC774"], ">"],
  [["\uBCF4\uB2E4", "\uD070"], ">"],
  [["\uBCF4\uB2E4", "\uC801\uC740"], "<"],
  [["\uBCF4\uB2E4", "\uC791\uC740"], "<"],
  [["\uAC1C", "\uC774\uC0C1"], ">="]
];
var TOP_WORDS = {
  top: "desc",
  \uC0C1\uC704: "desc",
  \uCD5C\uC0C1\uC704: "desc",
  bottom: "asc",
  \uD558\uC704: "asc",
  first: "desc"
};
var MOST_AFTER = {
  most: "desc",
  largest: "desc",
  biggest: "desc",
  highest: "desc",
  busiest: "desc",
  least: "asc",
  fewest: "asc",
  lowest: "asc",
  smallest: "asc",
  quietest: "asc"
};
var COUNTERS = /* @__PURE__ */ new Set([
  "\uAC1C",
  "\uBA85",
  "\uAC74",
  "\uBC88",
  "\uD68C",
  "\uACF3",
  "\uAC1C\uC758",
  "\uBA85\uC758",
  "\uAC74\uC758",
  "\uAC1C\uAC00",
  "\uBA85\uC774",
  "\uAC74\uC774",
  "\uBC88\uC758",
  "\uD68C\uC758",
  "\uAC1C\uB97C",
  "\uBA85\uC744",
  "\uAC74\uC744"
]);
var matchAt = (tokens, i, words) => words.every((w, k) => tokens[i + k]?.forms.includes(w) || tokens[i + k]?.raw.toLowerCase() === w);
function findQuantities(tokens, taken) {
  const out = findQuantityPhrases(tokens, taken);
  for (const q of out) {
    const dim = q.kind === "compare" ? tokens[q.start]?.forms.map((f) => COMPARATIVES[f]).find(Boolean) : void 0;
    if (q.kind === "compare" && dim) q.dim = dim;
  }
  return out;
}
function findQuantityPhrases(tokens, taken) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const hit = firstMatch(tokens, i, taken);
    if (!hit) continue;
    out.push(...hit.found);
    i = hit.last;
  }
  return out;
}
function firstMatch(tokens, i, taken) {
  for (const matcher of MATCHERS2) {
    const hit = matcher(tokens, i, taken);
    if (hit) return hit;
  }
  return void 0;
}
function topN(tokens, i, taken) {
  const topDir = tokens[i].forms.map((f) => TOP_WORDS[f]).find(Boolean);
  if (!topDir || tokens[i + 1]?.num === void 0 || taken.has(i + 1)) return void 0;
  const end = COUNTERS.has(tokens[i + 2]?.raw ?? "") ? i + 3 : i + 2;
  return { found: [{ kind: "top", n: tokens[i + 1].num, dir: topDir, start: i, end }], last: end - 1 };
}
function numberMost(tokens, i) {
  const n = tokens[i].num;
  if (n === void 0 || !Number.isInteger(n) || n <= 0 || n >= 1e3) return void 0;
  const mostDir = tokens[i + 1]?.forms.map((f) => MOST_AFTER[f]).find(Boolean);
  if (!mostDir) return void 0;
  const end = tokens[i + 2]?.forms.includes("active") ? i + 3 : i + 2;
  return { found: [{ kind: "top", n, dir: mostDir, start: i, end }], last: end - 1 };
}
function againstAverage(tokens, i) {
  const toAverage = BEFORE.find(([words]) => matchAt(tokens, i, words));
  if (!toAverage) return void 0;
  let at = i + toAverage[0].length;
  if (tokenHasWord(tokens[at], "the")) at++;
  if (!["average", "avg", "mean"].some((w) => tokenHasWord(tokens[at], w))) return void 0;
  const compare = {
    kind: "compare",
    op: toAverage[1],
    value: 0,
    against: "avg",
    start: i,
    end: at + 1,
    numberAt: at,
    used: range(i, at + 1)
  };
  return { found: [compare], last: at };
}
function between(tokens, i) {
  if (!tokenHasWord(tokens[i], "between") || tokens[i + 1]?.num === void 0 || !tokenHasWord(tokens[i + 2], "and") || tokens[i + 3]?.num === void 0)
    return void 0;
  const low = tokens[i + 1].num;
  const high = tokens[i + 3].num;
  return {
    found: [
      { kind: "compare", op: ">=", value: low, start: i, end: i + 4, numberAt: i + 1, used: range(i, i + 4) },
      { kind: "compare", op: "<=", value: high, start: i, end: i + 4, numberAt: i + 3, used: [] }
    ],
    last: i + 3
  };
}
function gappedCompare(tokens, i) {
  const gapped = BEFORE.find(
    ([words]) => matchAt(tokens, i, words) && tokens[i + words.length]?.num === void 0 && tokens[i + words.length + 1]?.num !== void 0 && !tokens[i + words.length]?.date
  );
  if (!gapped) return void 0;
  const at = i + gapped[0].length + 1;
  const used = [...range(i, at - 1), at];
  const value = tokens[at].num;
  return { found: [{ kind: "compare", op: gapped[1], value, start: i, end: at + 1, numberAt: at, used }], last: at };
}
function compareBefore(tokens, i) {
  const before = BEFORE.find(([words]) => matchAt(tokens, i, words) && tokens[i + words.length]?.num !== void 0);
  if (!before) return void 0;
  const at = i + before[0].length;
  const value = tokens[at].num;
  const used = range(i, at + 1);
  return { found: [{ kind: "compare", op: before[1], value, start: i, end: at + 1, numberAt: at, used }], last: at };
}
function compareAfter(tokens, i) {
  const value = tokens[i].num;
  if (value === void 0) return void 0;
  for (const gap of [0, 1]) {
    if (gap === 1 && !tokens[i + 1]) break;
    const after = AFTER.find(([words]) => matchAt(tokens, i + 1 + gap, words));
    if (after) {
      const end = i + 1 + gap + after[0].length;
      const counter = gap === 1 && COUNTERS.has(tokens[i + 1].raw);
      const used = gap === 1 && !counter ? [i, ...range(i + 2, end)] : range(i, end);
      return { found: [{ kind: "compare", op: after[1], value, start: i, end, numberAt: i, used }], last: end - 1 };
    }
  }
  return void 0;
}
var MATCHERS2 = [topN, numberMost, againstAverage, between, gappedCompare, compareBefore, compareAfter];
function range(from, to) {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
function tokenHasWord(t, word) {
  return !!t && t.forms.includes(word);
}

// src/local/genie/linker.ts
var tokenHas = (t, word) => !!t && (t.forms.includes(word) || !t.quoted && t.raw.toLowerCase() === word);
function phraseLength(tokens, i, words, free) {
  for (let k = 0; k < words.length; k++) if (!free(i + k) || !tokenHas(tokens[i + k], words[k])) return false;
  return true;
}
var MARKERS_BY_FIRST = MARKERS.reduce((byFirst, marker, index) => {
  const list = byFirst.get(marker.words[0]) ?? [];
  list.push({ marker, index });
  return byFirst.set(marker.words[0], list);
}, /* @__PURE__ */ new Map());
function markersStartingAt(t) {
  const found = /* @__PURE__ */ new Map();
  for (const word of /* @__PURE__ */ new Set([...t.forms, t.raw.toLowerCase()]))
    for (const { marker, index } of MARKERS_BY_FIRST.get(word) ?? []) found.set(index, marker);
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, marker]) => marker);
}
var DETERMINERS = /* @__PURE__ */ new Set(["the", "a", "an", "its", "their", "his", "her", "each", "every", "all"]);
function phraseSpan(tokens, i, words, free) {
  let at = i;
  const skips = !["is", "has", "was", "are", "had", "were"].includes(words[0]);
  for (let k = 0; k < words.length; k++) {
    while (skips && k > 0 && free(at) && tokens[at] && DETERMINERS.has(tokens[at].forms[0]) && !DETERMINERS.has(words[k]))
      at++;
    if (!free(at) || !tokenHas(tokens[at], words[k])) return 0;
    at++;
  }
  return at - i;
}
var IMPERATIVES = /* @__PURE__ */ new Set([
  "show",
  "list",
  "find",
  "give",
  "tell",
  "return",
  "display",
  "get",
  "provide",
  "identify"
]);
function shapeOf(value) {
  return value.replace(/[A-Z]/g, "A").replace(/[a-z]/g, "a").replace(/[0-9]/g, "9");
}
function formatMatch(token, columns) {
  const shape = shapeOf(token.raw);
  if (!/[A9]/.test(shape) || shape.length < 2 || token.raw.length > 40) return [];
  const out = [];
  for (const column of columns) {
    if (!column.format || column.examples.length === 0 || column.type !== "string") continue;
    if (column.examples.every((e) => shapeOf(e) === shape))
      out.push({
        target: { kind: "value", column, value: token.raw },
        weight: 0.7,
        source: "format",
        words: [token.raw]
      });
  }
  return out;
}
function link(question, lexicon, catalog, today) {
  const tokens = tokenize(question);
  const taken = /* @__PURE__ */ new Set();
  const items = phraseItems(tokens, today, taken);
  const free = (k) => k < tokens.length && !taken.has(k);
  const context = {
    tokens,
    lexicon,
    catalog,
    allColumns: catalog.tables.flatMap((t) => t.columns),
    free
  };
  for (let i = 0; i < tokens.length; ) i += free(i) ? linkToken(context, i, items) : 1;
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  mergeTableColumns(items);
  dropModifiers(items);
  return { tokens, items };
}
function phraseItems(tokens, today, taken) {
  const items = [];
  const take = (from, to) => {
    for (let k = from; k < to; k++) taken.add(k);
  };
  for (const d of findDates(tokens, today)) {
    items.push({ type: "date", start: d.start, end: d.end, range: d.range });
    take(d.start, d.end);
  }
  for (const q of findQuantities(tokens, taken)) {
    if (q.kind === "compare") {
      items.push({
        type: "compare",
        start: q.start,
        end: q.end,
        op: q.op,
        value: q.value,
        dim: q.dim,
        against: q.against
      });
      for (const k of q.used) taken.add(k);
    } else {
      items.push({ type: "top", start: q.start, end: q.end, n: q.n, dir: q.dir });
      take(q.start, q.end);
    }
  }
  return items;
}
function linkToken(c, i, items) {
  const t = c.tokens[i];
  if (t.quoted) {
    items.push({ type: "quoted", start: i, end: i + 1, raw: t.raw });
    return 1;
  }
  if (i === 0 && IMPERATIVES.has(t.forms[0])) {
    items.push({ type: "word", start: i, end: i + 1, text: t.raw });
    return 1;
  }
  const superlative = superlativeItems(c, i);
  if (superlative) {
    items.push(...superlative);
    return 1;
  }
  const { best, bestLen, bestSpan } = schemaPhrases(c, i);
  let marker;
  for (const m of markersStartingAt(c.tokens[i]))
    if (m.words.length > (marker?.words.length ?? 0) && phraseLength(c.tokens, i, m.words, c.free)) marker = m;
  const markerLen = marker?.words.length ?? 0;
  const strongSchema = best.some((p) => p.weight >= 0.9);
  const text = (span) => c.tokens.slice(i, i + span).map((x) => x.raw).join(" ");
  if (bestLen > 0 && (bestLen > markerLen || bestLen === markerLen && strongSchema && marker?.kind !== "by" && marker?.kind !== "count" && marker?.kind !== "bucket")) {
    items.push({ type: "mention", start: i, end: i + bestSpan, text: text(bestSpan), candidates: rank(best) });
    return bestSpan;
  }
  if (marker) {
    items.push({ type: "marker", start: i, end: i + markerLen, text: text(markerLen), marker });
    return markerLen;
  }
  if (t.num !== void 0) items.push({ type: "number", start: i, end: i + 1, value: t.num });
  else {
    const format = formatMatch(t, c.allColumns);
    if (format.length > 0) items.push({ type: "mention", start: i, end: i + 1, text: t.raw, candidates: format });
    else if (!STOPWORDS.has(t.forms[0])) items.push({ type: "word", start: i, end: i + 1, text: t.raw });
  }
  return 1;
}
function superlativeItems(c, i) {
  const t = c.tokens[i];
  const superlative = t.forms.map((f) => SUPERLATIVES[f]).find(Boolean);
  const ranked = superlative ? dimensionColumns(superlative.dim, c.catalog) : [];
  if (!superlative || ranked.length === 0) return void 0;
  const plural = isPluralNoun(c.tokens[i + 1]);
  return [
    { type: "top", start: i, end: i, n: plural ? 0 : 1, dir: superlative.dir },
    {
      type: "mention",
      start: i,
      end: i + 1,
      text: t.raw,
      candidates: ranked.map((column) => ({
        target: { kind: "column", column },
        weight: 0.9,
        source: "adjective",
        words: [t.raw]
      }))
    }
  ];
}
function schemaPhrases(c, i) {
  const t = c.tokens[i];
  let best = [];
  let bestLen = 0;
  let bestSpan = 0;
  for (const form of /* @__PURE__ */ new Set([...t.forms, t.raw.toLowerCase()])) {
    for (const p of c.lexicon.byFirst.get(form) ?? []) {
      if (p.words.length < bestLen) continue;
      const span = phraseSpan(c.tokens, i, p.words, c.free);
      if (span === 0) continue;
      if (p.words.length > bestLen) {
        best = [];
        bestLen = p.words.length;
        bestSpan = span;
      }
      best.push(p);
    }
  }
  return { best, bestLen, bestSpan };
}
function mergeTableColumns(items) {
  for (let k = 0; k + 1 < items.length; k++) {
    const item = items[k];
    const next = items[k + 1];
    if (item.type !== "mention" || next.type !== "mention" || next.start !== item.end) continue;
    const table = item.candidates[0]?.target.kind === "table" ? item.candidates[0].target.table : void 0;
    const own = next.candidates.filter((c) => c.target.kind === "column" && c.target.column.table === table);
    if (!table || own.length === 0 || own[0] !== next.candidates[0] || !["name", "alias"].includes(own[0].source))
      continue;
    items.splice(k, 2, { ...next, start: item.start, text: `${item.text} ${next.text}`, candidates: own });
  }
}
function dropModifiers(items) {
  for (let k = 0; k + 1 < items.length; k++) {
    const item = items[k];
    const next = items[k + 1];
    if (item.type === "mention" && next.type === "mention" && next.start === item.end && item.candidates[0].source === "part" && item.candidates[0].weight <= 0.5 && next.candidates[0].target.kind === "table" && next.candidates[0].weight >= 0.9) {
      items[k] = { type: "word", start: item.start, end: item.end, text: item.text };
    }
  }
}
function rank(phrases) {
  const byKey = /* @__PURE__ */ new Map();
  for (const p of phrases) {
    const key = targetKey(p.target);
    const prev = byKey.get(key);
    if (!prev || prev.weight < p.weight)
      byKey.set(key, { target: p.target, weight: p.weight, source: p.source, words: p.words });
  }
  const all = [...byKey.values()];
  const kept = all.filter(
    (c) => !(c.target.kind === "column" && c.target.column.references && all.some(
      (o) => o.target.kind === "table" && o.target.table === c.target.column.references && o.weight >= c.weight
    ))
  );
  return kept.sort((a, b) => b.weight - a.weight || kindOrder(a.target) - kindOrder(b.target));
}
function kindOrder(t) {
  return t.kind === "snippet" ? 0 : t.kind === "value" ? 1 : t.kind === "column" ? 2 : 3;
}
function targetKey(t) {
  switch (t.kind) {
    case "table":
      return `t:${t.table.identifier}`;
    case "column":
      return `c:${t.column.table.identifier}.${t.column.name}`;
    case "value":
      return `v:${t.column.table.identifier}.${t.column.name}=${t.value}`;
    case "snippet":
      return `s:${t.snippet.id}`;
  }
}
function dimensionColumns(dim, catalog) {
  return catalog.tables.flatMap((t) => t.columns).filter(
    (c) => c.type === "number" && !c.isKey && (splitIdentifier(c.name).includes(dim) || c.synonyms.some((s) => splitIdentifier(s).includes(dim)))
  );
}
function isPluralNoun(t) {
  return !!t && !t.quoted && t.num === void 0 && /[a-z]s$/i.test(t.raw) && t.forms[0] !== t.raw.toLowerCase();
}

// src/local/genie/join-graph.ts
function isFanOut(edge, from, to) {
  const forward = edge.left === from;
  const rel = edge.relationship;
  if (rel === "ONE_TO_ONE") return false;
  if (rel === "MANY_TO_MANY") return true;
  if (rel === "MANY_TO_ONE") return !forward;
  if (rel === "ONE_TO_MANY") return forward;
  const toColumn = forward ? edge.rightColumn : edge.leftColumn;
  return to.key?.name !== toColumn;
}
function joinPath(base, needed, catalog) {
  const steps = [];
  const joined = /* @__PURE__ */ new Set([base]);
  let chainEnd = base;
  const unreachable = [];
  const chasm = [];
  for (const target of needed) {
    if (joined.has(target)) continue;
    let path3 = search(joined, chainEnd, target, catalog.joins, true);
    if (!path3) {
      path3 = search(joined, chainEnd, target, catalog.joins, false);
      if (path3) chasm.push(target);
    }
    if (!path3) {
      unreachable.push(target);
      continue;
    }
    for (const step of path3) {
      if (joined.has(step.to)) continue;
      if (isFanOut(step.edge, step.from, step.to) && step.from === chainEnd) chainEnd = step.to;
      steps.push(step);
      joined.add(step.to);
    }
  }
  return { steps, unreachable, chasm };
}
function search(start, chainEnd, target, edges, strict) {
  const key = (n) => `${n.table.identifier}|${n.canDescend}`;
  const prev = /* @__PURE__ */ new Map();
  const queue = [];
  for (const table of start) {
    const node = { table, canDescend: !strict || table === chainEnd };
    prev.set(key(node), null);
    queue.push(node);
  }
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    if (current.table === target) return unwind(current, prev, key);
    for (const edge of edges) {
      const next = edge.left === current.table ? edge.right : edge.right === current.table ? edge.left : void 0;
      if (!next || start.has(next)) continue;
      const down = isFanOut(edge, current.table, next);
      if (strict && down && !current.canDescend) continue;
      const node = { table: next, canDescend: !strict || down && current.canDescend };
      if (prev.has(key(node))) continue;
      prev.set(key(node), { step: { edge, from: current.table, to: next }, from: current });
      queue.push(node);
    }
  }
  return void 0;
}
function unwind(end, prev, key) {
  const path3 = [];
  for (let link2 = prev.get(key(end)); link2; link2 = prev.get(key(link2.from))) path3.unshift(link2.step);
  return path3;
}

// src/local/genie/plan-helpers.ts
var isTemporal = (c) => c.type === "date" || c.type === "timestamp";
function pluralTable(item) {
  return item?.type === "mention" && item.candidates[0]?.target.kind === "table" && pluralText(item.text);
}
function pluralText(text) {
  return /[a-z]s$/i.test(text) && !/(ss|us|is)$/i.test(text);
}
var QUANTITY_RANKS = /* @__PURE__ */ new Set(["most", "the most", "least", "fewest", "\uAC00\uC7A5 \uB9CE\uC740", "\uAC00\uC7A5 \uC801\uC740"]);
function hasChildRows(parent, child, catalog) {
  return catalog.joins.some(
    (e) => (e.left === parent && e.right === child || e.right === parent && e.left === child) && isFanOut(e, parent, child)
  );
}
function childRowsOf(parent, named, catalog) {
  if (hasChildRows(parent, named, catalog)) return named;
  const links = catalog.tables.filter(
    (t) => t !== parent && t !== named && hasChildRows(parent, t, catalog) && hasChildRows(named, t, catalog)
  );
  return links.length === 1 ? links[0] : void 0;
}
function dimKey(d) {
  return d.kind === "snippet" ? d.snippet.id : `${d.column.table.identifier}.${d.column.name}.${d.bucket ?? ""}`;
}
function tableOf(t) {
  return t.kind === "table" ? t.table : t.kind === "snippet" ? t.snippet.tables[0] : t.column.table;
}
function tablesNamed(items) {
  const out = /* @__PURE__ */ new Set();
  for (const item of items) {
    if (item.type !== "mention") continue;
    const [first, second] = item.candidates;
    if (first && (!second || second.weight < first.weight) && tableOf(first.target)) out.add(tableOf(first.target));
  }
  return out;
}
function preferContext(candidates, context) {
  const top = candidates[0]?.weight ?? 0;
  const tied = candidates.filter((c) => c.weight === top);
  if (tied.length < 2) return candidates;
  const inContext = tied.filter((c) => context.has(tableOf(c.target)));
  if (inContext.length === 0 || inContext.length === tied.length) return candidates;
  return [...inContext, ...candidates.filter((c) => !inContext.includes(c))];
}
function uniqueColumns(list) {
  return [...new Set(list)];
}
function tableDim(table) {
  const col = table.label ?? table.key;
  return col ? { kind: "column", column: col } : void 0;
}
function dimTable(d) {
  return d.kind === "column" ? d.column.table : d.snippet.tables[0];
}
function condTable(c) {
  return c.kind === "snippet" ? c.snippet.tables[0] : c.kind === "absent" ? c.parent : c.column.table;
}
function measureTable(m) {
  if (!m) return void 0;
  switch (m.kind) {
    case "count":
    case "share":
      return m.table;
    case "agg":
      return m.column.table;
    case "snippet":
      return m.snippet.tables[0];
    case "tableRatio":
      return m.numerator;
  }
}
function factFor(table, catalog) {
  const facts = [];
  for (const j of catalog.joins) {
    if (j.right === table && table.key?.name === j.rightColumn) facts.push(j.left);
    if (j.left === table && table.key?.name === j.leftColumn) facts.push(j.right);
  }
  const degree = (t) => catalog.joins.filter((j) => j.left === t || j.right === t).length;
  return facts.sort((a, b) => degree(b) - degree(a))[0];
}
function rankingColumn(columns, at) {
  const implied = columns.find((c) => c.implied);
  if (implied) return implied.column;
  const numeric = columns.filter((c) => c.column.type === "number" && !c.column.isKey);
  return numeric.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0]?.column;
}
function closestDimension(dim, catalog, used) {
  const candidates = dimensionColumns(dim, catalog);
  const tables = /* @__PURE__ */ new Set([
    ...used.entities.map((e) => e.table),
    ...used.measures.map(measureTable).filter((t) => !!t),
    ...used.columns.map((c) => c.column.table)
  ]);
  return candidates.find((c) => tables.has(c.table)) ?? candidates[0];
}

// src/local/genie/plan-compares.ts
var distanceTo = (at) => (a, b) => Math.abs(a.at - at) - Math.abs(b.at - at);
function attachCompare(d, cmp) {
  const { where, filtered } = d;
  const used = { entities: d.entities, measures: d.measures, columns: d.readColumns };
  const dimColumn = cmp.dim ? closestDimension(cmp.dim, d.catalog, used) : void 0;
  if (dimColumn) {
    where.push({ kind: "compare", column: dimColumn, op: cmp.op, value: cmp.value, against: cmp.against });
    filtered.add(dimColumn);
    return;
  }
  const numbers = d.columns.filter((c) => c.column.type === "number" && !c.column.isKey).sort(distanceTo(cmp.at));
  if (cmp.against) {
    const column = numbers[0]?.column;
    if (column) {
      where.push({ kind: "compare", column, op: cmp.op, value: cmp.value, against: cmp.against });
      filtered.add(column);
    } else d.notes.push("compare-unattached");
    return;
  }
  const numeric = numbers[0];
  if (numeric && Math.abs(numeric.at - cmp.at) <= 3) {
    where.push({ kind: "compare", column: numeric.column, op: cmp.op, value: cmp.value });
    filtered.add(numeric.column);
    return;
  }
  compareCount(d, cmp, numeric?.column);
}
function compareCount(d, cmp, numeric) {
  const { measures, dims, entities } = d;
  const entity = entities.filter((e) => e.table !== measureTable(measures[0])).sort(distanceTo(cmp.at))[0];
  const having = { measure: 0, op: cmp.op, value: cmp.value };
  if (measures.length > 0 && dims.length > 0) {
    d.having.push(having);
  } else if (entity && measures.length === 0) {
    const grouped = entities.find((e) => e !== entity);
    measures.push({ kind: "count", table: entity.table });
    if (grouped) {
      const asked = d.columns.filter((c) => !c.implied && c.column.table === grouped.table).map((c) => c.column);
      const dim = tableDim(grouped.table);
      if (asked.length > 0) for (const column of asked) dims.push({ kind: "column", column });
      else if (dim) dims.push(dim);
    }
    d.having.push(having);
  } else if (measures.length > 0 && entity) {
    const dim = tableDim(entity.table);
    if (dim) dims.push(dim);
    d.having.push(having);
  } else if (numeric) {
    d.where.push({ kind: "compare", column: numeric, op: cmp.op, value: cmp.value });
  } else {
    d.notes.push("compare-unattached");
  }
}

// src/local/genie/plan-listing.ts
function isListing(d, comparesFilter, byColumn) {
  return d.measures.length === 0 && !d.pendingAgg && (!d.rank || byColumn) && !d.ratio && d.buckets.length === 0 && comparesFilter && (d.dims.length > 0 || byColumn) && d.dims.every(
    (dim) => dim.kind === "column" && (!dim.bucket || dim.bucket === "day") && // "the song names by singers": a "by" on the table the asked columns come from names their owner.
    (d.askedDims.has(dim) || [...d.askedDims].some((a) => a.kind === "column" && a.column.table === dim.column.table))
  );
}
function listAskedColumns(d) {
  const { columns, entities } = d;
  for (const dim of d.dims.splice(0)) if (dim.kind === "column") columns.push({ column: dim.column, at: -1 });
  columns.sort((a, b) => a.at - b.at);
  const listed = new Set(columns.map((c) => c.column.table));
  for (let k = 0; k < entities.length; k++)
    entities[k] = listed.has(entities[k].table) ? { ...entities[k], context: true } : { ...entities[k], require: true };
}
function selectListing(d, plan, base, usedColumns) {
  const { columns, entities, filtered } = d;
  const asked = [...columns.filter((c) => !c.implied), ...columns.filter((c) => c.implied)];
  const named = asked.map((c) => c.column).filter((c) => !usedColumns.has(c) || asked.length === 1);
  const shown = named.filter((c) => !filtered.has(c)).length > 0 ? named.filter((c) => !filtered.has(c)) : named;
  const entityLabels = entities.filter((e) => !e.context && !e.require).map((e) => e.table.label ?? e.table.key).filter((c) => !!c);
  plan.select = uniqueColumns(
    d.distinctList && shown.length > 0 ? shown : [...entityLabels.filter((c) => !shown.includes(c)), ...shown]
  );
  if (plan.select.length === 0) plan.select = [base.label ?? base.key ?? base.columns[0]].filter(Boolean);
  plan.distinct = d.distinctList || entities.length === 0 && shown.length > 0;
  const orderBy = d.rank ? rankingColumn(columns, d.rank.at) ?? columns.find((c) => isTemporal(c.column))?.column : void 0;
  if (d.rank && orderBy) plan.order = { target: orderBy, dir: d.rank.dir, limit: d.rank.limit };
  else if (d.sortBy) plan.order = { target: d.sortBy.column, dir: d.sortBy.dir };
  else if (d.sortDir && plan.select[0]) plan.order = { target: plan.select[0], dir: d.sortDir };
}

// src/local/genie/date-column.ts
var EVENT_WORDS = /\b(when|time|timestamp|date|day|occurred|sent|posted|created|happened|event)\b/i;
function pickDateColumn(table, _catalog) {
  const temporal = table.columns.filter((c) => c.type === "date" || c.type === "timestamp");
  if (temporal.length <= 1) return temporal[0];
  const score = (c) => (EVENT_WORDS.test(c.description) ? 4 : 0) + (/^(event|stat|sent|posted|created|occurred|order|activity)_?(at|date|time)?$|^(date|day|ts|timestamp)$/i.test(
    c.name
  ) ? 2 : 0) + (/(_at|_date|_time)$/i.test(c.name) ? 1 : 0) - (/(updated|deleted|modified|birth|joined|signup)/i.test(c.name) ? 2 : 0);
  return [...temporal].sort((a, b) => score(b) - score(a))[0];
}

// src/local/genie/plan-finish.ts
var CLARIFY = "Which data do you mean? I could not match any table, column or measure of this space to the question.";
function finishPlan(s) {
  const d = {
    ...s,
    entities: [...s.entities],
    columns: [...s.columns],
    having: [],
    filtered: /* @__PURE__ */ new Set(),
    readColumns: s.columns
  };
  const { notes } = d;
  aggregateLeftOver(d);
  const comparesFilter = comparesOnlyFilter(d);
  rankByTime(d);
  const byColumn = rankAlongColumn(d);
  if (isListing(d, comparesFilter, byColumn)) listAskedColumns(d);
  if (needsCount(d, byColumn)) countByDefault(d);
  const owned = ownerRanking(d);
  if (owned) return { plan: owned, notes };
  rankRemainingEntity(d);
  for (const cmp of d.compares) attachCompare(d, cmp);
  groupByAskedText(d);
  keyDimensionRatio(d);
  if (d.ratio) shareOrRatio(d, d.ratio.percent);
  const base = baseTable(d);
  if (!base) return { clarify: CLARIFY, notes };
  const usedColumns = attachDates(d, base);
  const plan = draftPlan(d, base);
  if (d.measures.length === 0) selectListing(d, plan, base, usedColumns);
  else orderAggregate(d, plan);
  return { plan, notes };
}
function aggregateLeftOver(d) {
  const { measures, entities } = d;
  if (measures.length === 0 && (d.pendingAgg === "max" || d.pendingAgg === "min")) {
    const e = entities.find((x) => !x.context) ?? entities[0];
    const col = e ? pickDateColumn(e.table, d.catalog) : void 0;
    if (e && col) measures.push({ kind: "agg", fn: d.pendingAgg === "max" ? "MAX" : "MIN", column: col });
  }
  if (measures.length === 0 && d.pendingAgg === "avg" && entities.length > 0) d.notes.push("avg-per");
}
function comparesOnlyFilter(d) {
  const numeric = d.columns.filter((c) => c.column.type === "number" && !c.column.isKey);
  return d.compares.every(
    (cmp) => cmp.dim !== void 0 && dimensionColumns(cmp.dim, d.catalog).length > 0 || cmp.against !== void 0 && numeric.length > 0 || numeric.some((c) => Math.abs(c.at - cmp.at) <= 3)
  );
}
function rankByTime(d) {
  if (!d.temporal || d.measures.length > 0 || d.rank) return;
  const table = d.columns[0]?.column.table ?? d.entities[0]?.table;
  const date = d.columns.find((c) => isTemporal(c.column))?.column ?? (table && pickDateColumn(table, d.catalog));
  if (date) {
    d.columns.push({ column: date, at: d.temporal.at, implied: true });
    d.rank = { dir: d.temporal.dir, limit: 1, at: d.temporal.at };
  }
}
function rankAlongColumn(d) {
  const { measures } = d;
  const rankColumn = d.rank ? rankingColumn(d.columns, d.rank.at) : void 0;
  if (rankColumn && measures.length === 1 && measures[0].kind === "count" && measures[0].distinct === rankColumn) {
    measures.pop();
  }
  return rankColumn !== void 0 && measures.length === 0 && !d.pendingAgg && !d.ratio;
}
function needsCount(d, byColumn) {
  return d.measures.length === 0 && !!(d.rank && !byColumn || d.dims.length > 0 || d.buckets.length > 0 || d.pendingAgg === "count" || d.pendingAgg === "avg" || d.ratio);
}
function countByDefault(d) {
  const { dims, entities, where } = d;
  const firstWhere = where.map(condTable).find(Boolean);
  const free = entities.filter((e) => !(e.context && firstWhere && e.table !== firstWhere));
  let counted;
  if (d.rank && dims.length === 0 && d.buckets.length === 0 && free.length >= 1 && d.pendingAgg !== "count") {
    const ranked = free.find((e) => e.table.label && !e.context) ?? free[0];
    const dim = tableDim(ranked.table);
    if (dim) dims.push(dim);
    entities.splice(entities.indexOf(ranked), 1);
    const other = free.find((e) => e !== ranked && !e.context) ?? free.find((e) => e !== ranked);
    counted = other?.table ?? factFor(ranked.table, d.catalog) ?? ranked.table;
    if (other) entities.splice(entities.indexOf(other), 1);
  } else if (free.length > 0) {
    const pick = free.find((e) => dims.some((dim) => dimTable(dim) === e.table)) ?? free[0];
    counted = pick.table;
    entities.splice(entities.indexOf(pick), 1);
  } else {
    const from = firstWhere ?? dims.map(dimTable).find(Boolean) ?? d.columns[0]?.column.table ?? entities[0]?.table;
    counted = from && dims.length > 0 && dimTable(dims[0]) === from && !where.some((w) => condTable(w) === from) ? factFor(from, d.catalog) ?? from : from;
  }
  if (counted) d.measures.push({ kind: "count", table: counted });
}
function ownerRanking(d) {
  const only = d.measures[0];
  if (only?.kind !== "agg" || only.fn !== "MAX" && only.fn !== "MIN") return void 0;
  const owner = d.entities.find((e) => !e.context && e.table === only.column.table && e.table.label);
  const askedColumns = [
    ...d.columns,
    ...[...d.askedDims].flatMap((dim) => dim.kind === "column" ? [{ column: dim.column, at: -1 }] : [])
  ];
  const ownerColumn = isTemporal(only.column) && !owner ? askedColumns.map((c) => c.column).find((c) => c.table === only.column.table && c.type === "string") : void 0;
  if (d.measures.length !== 1 || !(owner || ownerColumn) || d.dims.filter((dim) => !d.askedDims.has(dim)).length > 0 || d.buckets.length > 0)
    return void 0;
  return {
    base: only.column.table,
    measures: [],
    dims: [],
    where: d.where,
    having: [],
    select: [owner?.table.label ?? ownerColumn, only.column],
    distinct: false,
    order: { target: only.column, dir: only.fn === "MAX" ? "DESC" : "ASC", limit: d.rank?.limit ?? 1 }
  };
}
function rankRemainingEntity(d) {
  if (!d.rank || d.measures.length === 0 || d.dims.length > 0 || d.buckets.length > 0) return;
  const mTable = measureTable(d.measures[0]);
  const other = d.entities.find((e) => e.table !== mTable);
  if (other) {
    const dim = tableDim(other.table);
    if (dim) d.dims.push(dim);
    d.entities.splice(d.entities.indexOf(other), 1);
  }
}
function groupByAskedText(d) {
  if (d.measures.length === 0 || d.dims.length > 0 || d.buckets.length > 0 || d.ratio) return;
  const valueFiltered = new Set(d.where.flatMap((w) => w.kind === "value" ? [w.column] : []));
  const asked = d.columns.filter(
    (c) => !c.implied && // Plural ("the names of ..."), or what a ranking ranks ("the code of the airport with the least flights").
    (c.plural || d.rank !== void 0) && c.column.type === "string" && !d.filtered.has(c.column) && !valueFiltered.has(c.column)
  );
  if (asked.length > 0) for (const c of asked) d.dims.push({ kind: "column", column: c.column });
}
function keyDimensionRatio(d) {
  const { measures, dims } = d;
  const keyDim = dims.find((dim) => dim.kind === "column" && dim.column.isKey && !dim.column.table.label);
  if (keyDim?.kind === "column" && measures.length === 1 && measures[0].kind === "count" && measures[0].table !== keyDim.column.table) {
    measures[0] = {
      kind: "tableRatio",
      numerator: measures[0].table,
      denominator: keyDim.column.table,
      percent: false
    };
    dims.splice(dims.indexOf(keyDim), 1);
  }
}
function shareOrRatio(d, percent) {
  const { measures, where } = d;
  const cond = where.find((w) => w.kind !== "date" && w.kind !== "compare");
  if (measures.length >= 2 && measures[0].kind === "count" && measures[1].kind === "count" && measures[0].table !== measures[1].table) {
    measures.splice(0, 2, {
      kind: "tableRatio",
      numerator: measures[0].table,
      denominator: measures[1].table,
      percent
    });
  } else if (cond) {
    const table = measures[0] ? measureTable(measures[0]) ?? condTable(cond) : d.entities[0]?.table ?? condTable(cond);
    if (table) {
      where.splice(where.indexOf(cond), 1);
      const replaced = measures.length > 0 && measures[0].kind === "count" ? 1 : 0;
      measures.splice(0, replaced, { kind: "share", table, condition: cond, percent });
    }
  }
}
function baseTable(d) {
  return (d.measures[0] && measureTable(d.measures[0])) ?? d.entities[0]?.table ?? d.columns[0]?.column.table ?? d.where.map(condTable).find(Boolean) ?? d.dims.map(dimTable).find(Boolean);
}
function attachDates(d, base) {
  const mentionedDates = d.columns.filter((c) => isTemporal(c.column));
  const usedColumns = /* @__PURE__ */ new Set();
  for (const date of d.dates) {
    const near = mentionedDates.sort(distanceTo(date.at))[0];
    const column = near?.column ?? pickDateColumn(base, d.catalog);
    if (!column) {
      d.notes.push("no-date-column");
      continue;
    }
    d.where.push({ kind: "date", column, range: date.range });
    usedColumns.add(column);
  }
  for (const bucket of d.buckets) {
    const column = mentionedDates[0]?.column ?? pickDateColumn(base, d.catalog);
    if (column) d.dims.unshift({ kind: "column", column, bucket });
    if (column) usedColumns.add(column);
  }
  return usedColumns;
}
function draftPlan(d, base) {
  const { measures, dims, where } = d;
  let averageOver;
  if (d.notes.includes("avg-per") && dims.length === 1 && measures.length === 1 && measures[0].kind === "count") {
    averageOver = dims.pop();
  }
  const plan = { base, measures, dims, where, having: d.having, select: [], distinct: false, averageOver };
  const negated = where.some((w) => w.kind === "absent" || "negate" in w && w.negate);
  const required = d.entities.filter((e) => (e.require || measures.length > 0 && !e.context && !negated) && e.table !== base).map((e) => e.table);
  if (required.length > 0) plan.require = [...new Set(required)];
  return plan;
}
function orderAggregate(d, plan) {
  const { dims, rank: rank2, sortBy } = d;
  const sortDim = sortBy ? dims.find((dim) => dim.kind === "column" && dim.column === sortBy.column) : void 0;
  if (!rank2 && sortDim && sortBy) plan.order = { target: "dim", dir: sortBy.dir };
  else if (!rank2 && d.sortDir) plan.order = { target: "measure", dir: d.sortDir };
  else if (rank2)
    plan.order = {
      target: "measure",
      dir: rank2.dir,
      limit: dims.length > 0 || rank2.limit !== 1 ? rank2.limit : void 0
    };
  else if (dims.length > 0)
    plan.order = dims.length > 1 || dims.some((dim) => dim.kind === "column" && dim.bucket) ? { target: "dim", dir: "ASC" } : { target: "measure", dir: "DESC" };
}

// src/local/genie/plan-roles.ts
function addMeasure(s, m, at) {
  s.measures.push(m);
  s.measureAt.push(at);
}
function addDim(s, d) {
  if (!s.dims.some((x) => dimKey(x) === dimKey(d))) s.dims.push(d);
}
function removeAt(s, index) {
  for (const list of [s.entities, s.columns]) {
    const k = list.findIndex((e) => e.at === index);
    if (k >= 0) list.splice(k, 1);
  }
}
function toCount(s, target, distinct, index) {
  removeAt(s, index);
  if (target.kind === "table")
    addMeasure(s, { kind: "count", table: target.table, distinct: distinct ? target.table.key : void 0 }, index);
  else if (target.kind === "column") {
    const c = target.column;
    addMeasure(
      s,
      c.isKey && c.table.key === c ? { kind: "count", table: c.table, distinct: distinct ? c : void 0 } : { kind: "count", table: c.table, distinct: c },
      index
    );
  } else if (target.kind === "snippet" && target.snippet.kind === "measure")
    addMeasure(s, { kind: "snippet", snippet: target.snippet }, index);
  s.lastMention = { kind: "measure", index, target };
}
function makeDim(s, target, previousRole, index) {
  if (index === void 0 && s.lastMention) removeAt(s, s.lastMention.index);
  if (previousRole === "measure" && s.measures.length > 0) {
    s.measures.pop();
    s.measureAt.pop();
  }
  const dim = dimensionOf(target);
  if (dim) addDim(s, dim);
  s.lastMention = { kind: "dim", index: index ?? s.lastMention?.index ?? -1, target };
}
function dimensionOf(target) {
  if (target.kind === "table") return tableDim(target.table);
  if (target.kind === "column" && target.column.references && !target.column.isKey)
    return tableDim(target.column.references) ?? { kind: "column", column: target.column };
  if (target.kind === "column")
    return target.column.isKey ? tableDim(target.column.table) ?? { kind: "column", column: target.column } : {
      kind: "column",
      column: target.column,
      bucket: target.column.type === "date" || target.column.type === "timestamp" ? "day" : void 0
    };
  if (target.kind === "snippet" && target.snippet.kind === "expression")
    return { kind: "snippet", snippet: target.snippet };
  if (target.kind === "value") return { kind: "column", column: target.column };
  return void 0;
}
function makeAskedDim(s, target, index, asked) {
  const before = s.dims.length;
  makeDim(s, target, "other", index);
  if (asked) s.dims.slice(before).forEach((d) => s.askedDims.add(d));
}
function conjoined(s, index) {
  const prev = s.items[index - 1];
  const here = s.items[index];
  if (!prev || !here) return false;
  const gap = s.tokens.slice(prev.end, here.start).map((t) => t.forms[0]);
  return gap.some((w) => w === "and" || w === "&" || w === "\uBC0F") || /[와과]$/.test(s.tokens[prev.end - 1]?.raw ?? "");
}

// src/local/genie/plan-markers.ts
function readMarker(s, item, index) {
  const kind = item.marker.kind;
  if (s.pendingBy === "which" && kind !== "not" && kind !== "most" && kind !== "least") s.pendingBy = void 0;
  const counted = countedNoun(s, item, index);
  if (counted) {
    toCount(s, counted.target, s.pendingDistinct, counted.index);
    s.pendingDistinct = false;
    return;
  }
  if (kind === "by" && item.marker.postfix) return groupByPrevious(s, index);
  applyMarker(s, kind, item, index);
}
function countedNoun(s, item, index) {
  const last = s.lastMention;
  if (item.marker.kind !== "count" || !last || last.kind !== "entity" && last.kind !== "column") return void 0;
  if (item.marker.postfix) return last;
  const follows = s.items[index - 1]?.type === "mention" && last.index === index - 1;
  return follows && s.items[index + 1]?.type !== "mention" ? last : void 0;
}
function groupByPrevious(s, index) {
  const stem = s.items[index - 1];
  const bucket = stem?.type === "word" ? BUCKET_STEMS[stem.text] : void 0;
  if (bucket) {
    if (!s.buckets.includes(bucket)) s.buckets.push(bucket);
    return;
  }
  if (s.lastMention) makeDim(s, s.lastMention.target, s.lastMention.kind);
}
function applyMarker(s, kind, item, index) {
  switch (kind) {
    case "count":
    case "sum":
    case "avg":
    case "min":
    case "max":
      return readAggregate(s, kind, item, index);
    case "distinct":
      s.pendingDistinct = true;
      if (s.pendingBy === "which") s.pendingBy = void 0;
      return;
    case "by":
    case "each":
      s.pendingBy = "by";
      s.softBy = item.marker.words.some((w) => w === "each" || w === "every");
      return;
    case "which":
      return readWhich(s, index);
    case "most":
    case "least":
      return readRanking(s, kind, item, index);
    case "desc":
    case "asc":
      return readDirection(s, kind === "desc" ? "DESC" : "ASC");
    case "sort":
      s.pendingSort = { dir: s.sortDir ?? item.marker.dir ?? "ASC", at: index };
      return;
    case "ratio":
    case "percent":
      s.ratio = { percent: kind === "percent" || s.ratio?.percent === true, at: index };
      return;
    case "not":
      s.pendingNot = true;
      return;
    case "bucket":
      if (item.marker.bucket && !s.buckets.includes(item.marker.bucket)) s.buckets.push(item.marker.bucket);
      s.pendingBy = void 0;
      return;
    default:
      return;
  }
}
function readAggregate(s, kind, item, index) {
  if (kind === "sum" && s.pendingAgg === "count") return;
  if (kind === "count" && s.pendingAgg === "avg") {
    s.pendingAgg = "avg";
    s.notes.push("avg-count");
    return;
  }
  if (s.pendingBy === "by" && s.rank) s.byMeasure = true;
  if (s.pendingBy === "which") s.pendingBy = void 0;
  if (s.pendingAgg && s.pendingAgg !== "count" && kind !== "count" && index - s.lastMarkerAt <= 3)
    s.extraAggs.push(s.pendingAgg);
  s.pendingAgg = kind;
  s.lastMarkerAt = index;
  s.temporal = item.marker.temporal ? { dir: kind === "max" ? "DESC" : "ASC", at: index } : void 0;
}
function readWhich(s, index) {
  const last = s.lastMention;
  if (last && last.index === index - 1 && (last.kind === "entity" || last.kind === "measure")) {
    s.relativeFrom ??= index;
    return;
  }
  s.pendingBy = "which";
}
function readRanking(s, kind, item, index) {
  s.rank = {
    dir: kind === "most" ? "DESC" : "ASC",
    // "the highest mountains" orders them all; "the highest mountain" is one. (A quantity word is
    // different: "the breed with the most dogs" counts the dogs and still means one breed; and "the
    // lowest earnings" is one value of a column, not several rows.)
    limit: s.rank?.limit ?? (!QUANTITY_RANKS.has(item.marker.words.join(" ")) && pluralTable(s.items[index + 1]) ? void 0 : 1),
    at: index
  };
  if (s.rank.limit === void 0) s.openRank = true;
  if (s.pendingBy === "by") s.pendingBy = void 0;
}
function readDirection(s, dir) {
  if (s.rank) s.rank = { ...s.rank, dir };
  s.sortDir = dir;
  if (s.sortBy) s.sortBy.dir = dir;
}

// src/local/genie/plan-mentions.ts
function readMention(s, item, index) {
  const target = s.choice.pick(
    index,
    preferContext(item.candidates, s.contextTables).map((c) => c.target)
  );
  if (readSortTarget(s, target, index)) return;
  if (/^(id|ids|identifier)$/i.test(item.text) && target.kind === "column") {
    s.columns.push({ column: target.column, at: index });
    s.lastMention = { kind: "column", index, target };
    return;
  }
  if (item.candidates[0]?.source === "adjective" && target.kind === "column") {
    s.columns.push({ column: target.column, at: index, implied: true });
    s.lastMention = { kind: "column", index, target };
    return;
  }
  for (const step of MENTION_STEPS) if (step(s, target, index)) break;
  if (pluralText(item.text)) {
    for (const c of s.columns) if (c.at === index) c.plural = true;
  }
}
function readSortTarget(s, target, index) {
  const sort = s.pendingSort;
  if (!sort) return false;
  if (s.pendingAgg === "count" && s.lastMarkerAt > sort.at && target.kind === "table") {
    s.sortDir = sort.dir;
    s.pendingSort = void 0;
    return false;
  }
  if (target.kind !== "column" && target.kind !== "table") return false;
  const column = target.kind === "column" ? target.column : target.table.label ?? target.table.key;
  if (column) s.sortBy = { column, dir: sort.dir };
  if (s.pendingAgg === "count" && s.lastMarkerAt > sort.at) s.pendingAgg = void 0;
  s.pendingSort = void 0;
  s.lastMention = { kind: "other", index, target };
  return true;
}
function negatedAbsence(s, target, index) {
  if (!s.pendingNot || target.kind !== "table" && target.kind !== "column") return false;
  const negated = target.kind === "table" ? target.table : target.column.table;
  const named = [...s.measures.map(measureTable), ...s.entities.map((e) => e.table)];
  const parent = named.find((t) => !!t && t !== negated && !!childRowsOf(t, negated, s.catalog));
  const child = parent ? childRowsOf(parent, negated, s.catalog) : void 0;
  if (!parent || !child) return false;
  s.where.push({ kind: "absent", parent, child });
  s.pendingNot = false;
  s.lastMention = { kind: "where", index, target };
  return true;
}
function snippetMention(s, target, index) {
  if (target.kind !== "snippet") return false;
  const snippet = target.snippet;
  if (snippet.kind === "measure") {
    addMeasure(s, { kind: "snippet", snippet }, index);
    s.lastMention = { kind: "measure", index, target };
    s.pendingAgg = void 0;
    if (s.pendingBy === "by" && s.rank) s.byMeasure = true;
    s.pendingBy = void 0;
  } else if (snippet.kind === "filter") {
    s.where.push({ kind: "snippet", snippet, negate: s.pendingNot });
    s.pendingNot = false;
    s.lastMention = { kind: "where", index, target };
  } else {
    addDim(s, { kind: "snippet", snippet });
    s.pendingBy = void 0;
    s.lastMention = { kind: "dim", index, target };
  }
  return true;
}
function valueMention(s, target, index) {
  if (target.kind !== "value") return false;
  if (s.pendingBy === "by") s.pendingBy = void 0;
  const last = s.lastMention;
  if (last?.kind === "entity" && last.index === index - 1 && last.target.kind === "table" && last.target.table === target.column.table)
    removeAt(s, index - 1);
  const existing = s.where.find(
    (w) => w.kind === "value" && w.column === target.column && w.negate === s.pendingNot
  );
  if (existing) {
    if (!existing.values.includes(target.value)) existing.values.push(target.value);
  } else s.where.push({ kind: "value", column: target.column, values: [target.value], negate: s.pendingNot });
  s.pendingNot = false;
  s.lastMention = { kind: "where", index, target };
  return true;
}
function conjoinedDim(s, target, index) {
  if (s.lastMention?.kind !== "dim" || s.lastMention.index !== index - 1 || !conjoined(s, index) || !(target.kind === "column" || target.kind === "table") || target.kind === "column" && target.column.type === "number")
    return false;
  const asked = s.dims.length > 0 && s.askedDims.has(s.dims[s.dims.length - 1]);
  makeAskedDim(s, target, index, asked);
  return true;
}
function tableAfterValue(s, target, index) {
  const last = s.lastMention;
  if (target.kind !== "table" || last?.index !== index - 1 || last.target.kind !== "value" || last.target.column.table !== target.table)
    return false;
  const firstWhere = s.where[0];
  if (s.pendingAgg === "count" && firstWhere && firstWhere.kind !== "snippet" && firstWhere.kind !== "absent" && firstWhere.column.table === target.table) {
    toCount(s, target, s.pendingDistinct, index);
    s.pendingAgg = void 0;
    return true;
  }
  s.entities.push({ table: target.table, at: index, context: true });
  return true;
}
function afterBy(s, target, index) {
  if (!s.pendingBy) return false;
  const rankedBy = s.pendingBy === "by" && s.rank !== void 0;
  if (rankedBy && s.pendingAgg === void 0 && target.kind === "table" && s.entities.length > 0) {
    addMeasure(s, { kind: "count", table: target.table }, index);
    s.pendingBy = void 0;
    s.lastMention = { kind: "measure", index, target };
    return true;
  }
  if (rankedBy && target.kind === "column" && target.column.type === "number" && !s.pendingAgg) {
    s.byMeasure = true;
    s.columns.push({ column: target.column, at: index });
    s.pendingBy = void 0;
    s.lastMention = { kind: "column", index, target };
    return true;
  }
  if (s.pendingAgg && s.pendingBy === "by") return false;
  makeAskedDim(s, target, index, s.pendingBy === "which" || s.softBy);
  s.pendingBy = void 0;
  return true;
}
function afterAggregate(s, target, index) {
  const agg = s.pendingAgg;
  if (!agg) return false;
  if (target.kind === "table") {
    if (agg === "count" || agg === "sum") {
      toCount(s, target, s.pendingDistinct, index);
      s.pendingAgg = void 0;
      s.pendingDistinct = false;
      return true;
    }
    s.entities.push({ table: target.table, at: index });
    s.lastMention = { kind: "entity", index, target };
    return true;
  }
  return target.kind === "column" ? aggregateColumn(s, agg, target, index) : false;
}
function aggregateColumn(s, agg, target, index) {
  const c = target.column;
  if (agg === "count" && c.type !== "date" && c.type !== "timestamp" && c.type !== "bool") {
    toCount(s, target, s.pendingDistinct, index);
    s.pendingAgg = void 0;
    s.pendingDistinct = false;
    return true;
  }
  if (c.type === "number" && !c.isKey && s.temporal) {
    s.columns.push({ column: c, at: index });
    s.pendingAgg = void 0;
    s.lastMention = { kind: "column", index, target };
    return true;
  }
  if (c.type === "number" && !c.isKey) {
    for (const fn of [...s.extraAggs, agg])
      if (fn !== "count") addMeasure(s, { kind: "agg", fn: fn.toUpperCase(), column: c }, index);
    s.extraAggs.length = 0;
    s.pendingAgg = void 0;
    s.lastMention = { kind: "measure", index, target };
    return true;
  }
  if ((c.type === "date" || c.type === "timestamp") && (agg === "min" || agg === "max")) {
    addMeasure(s, { kind: "agg", fn: agg === "min" ? "MIN" : "MAX", column: c }, index);
    s.pendingAgg = void 0;
    return true;
  }
  return false;
}
function plainMention(s, target, index) {
  if (target.kind === "column" && target.column.type === "bool") {
    s.where.push({ kind: "bool", column: target.column, negate: s.pendingNot });
    s.pendingNot = false;
    s.lastMention = { kind: "where", index, target };
  } else if (target.kind === "table") {
    const require2 = s.relativeFrom !== void 0 && index > s.relativeFrom;
    s.entities.push({ table: target.table, at: index, require: require2 });
    s.lastMention = { kind: "entity", index, target };
  } else if (target.kind === "column" && target.column.isKey && !s.pendingAgg) {
    s.entities.push({ table: target.column.table, at: index });
    s.lastMention = { kind: "entity", index, target };
  } else if (target.kind === "column") {
    s.columns.push({ column: target.column, at: index });
    s.lastMention = { kind: "column", index, target };
  }
  return true;
}
var MENTION_STEPS = [
  negatedAbsence,
  snippetMention,
  valueMention,
  conjoinedDim,
  tableAfterValue,
  afterBy,
  afterAggregate,
  plainMention
];

// src/local/genie/planner.ts
function planQuery(items, catalog, choice, tokens = []) {
  const s = startReading(items, catalog, choice, tokens);
  items.forEach((item, index) => readItem(s, item, index));
  return finishPlan(gathered(s));
}
function startReading(items, catalog, choice, tokens) {
  return {
    catalog,
    items,
    tokens,
    choice,
    contextTables: tablesNamed(items),
    notes: [],
    measures: [],
    measureAt: [],
    dims: [],
    askedDims: /* @__PURE__ */ new Set(),
    where: [],
    entities: [],
    columns: [],
    dates: [],
    compares: [],
    buckets: [],
    extraAggs: [],
    lastMarkerAt: -10,
    softBy: false,
    openRank: false,
    pendingDistinct: false,
    pendingNot: false,
    byMeasure: false
  };
}
function readItem(s, item, index) {
  switch (item.type) {
    case "marker":
      return readMarker(s, item, index);
    case "word":
      return readBucketWord(s, item.text);
    case "top":
      return readTop(s, item, index);
    case "date":
      s.dates.push({ range: item.range, at: index });
      return;
    case "compare":
      s.compares.push({
        op: item.op,
        value: item.value,
        at: index,
        end: item.end,
        dim: item.dim,
        against: item.against
      });
      return;
    case "number":
      return readNumber(s, item.value, index);
    case "mention":
      return readMention(s, item, index);
    default:
      return;
  }
}
function readBucketWord(s, text) {
  const bucket = s.pendingBy === "by" ? BUCKET_WORDS[text.toLowerCase().replace(/s$/, "")] : void 0;
  if (!bucket) return;
  if (!s.buckets.includes(bucket)) s.buckets.push(bucket);
  s.pendingBy = void 0;
}
function readTop(s, item, index) {
  const open = !item.n && (item.end > item.start || pluralTable(s.items[index + 2]));
  s.rank = { dir: item.dir === "desc" ? "DESC" : "ASC", limit: open ? void 0 : item.n || 1, at: index };
  if (open) s.openRank = true;
}
function readNumber(s, value, index) {
  const nextItem = s.items[index + 1];
  if (Number.isInteger(value) && value > 0 && value <= 100 && (nextItem?.type === "mention" || s.lastMention?.index === index - 1 || nextItem?.type === "word"))
    s.limitHint = value;
  s.notes.push(`number:${value}`);
}
function gathered(s) {
  const { rank: rank2, limitHint } = s;
  return {
    catalog: s.catalog,
    items: s.items,
    notes: s.notes,
    measures: s.measures,
    measureAt: s.measureAt,
    dims: s.dims,
    buckets: s.buckets,
    where: s.where,
    entities: s.entities,
    columns: s.columns,
    dates: s.dates,
    compares: s.compares,
    rank: rank2 && limitHint && (rank2.limit === void 0 && !s.openRank || rank2.limit === 1) ? { ...rank2, limit: limitHint } : rank2,
    ratio: s.ratio,
    byMeasure: s.byMeasure,
    pendingAgg: s.pendingAgg,
    distinctList: s.pendingDistinct,
    askedDims: s.askedDims,
    temporal: s.pendingAgg === void 0 ? s.temporal : void 0,
    sortBy: s.sortBy,
    sortDir: s.sortDir
  };
}

// src/local/genie/sql-builder.ts
var ident = (name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
var literal2 = (v) => `'${v.replace(/'/g, "''")}'`;
var snake = (text) => splitIdentifier(text).join("_") || "value";
var Scope = class {
  aliases = /* @__PURE__ */ new Map();
  add(table) {
    const existing = this.aliases.get(table);
    if (existing) return existing;
    const initials = splitIdentifier(table.name).map((p) => p[0]).join("") || "t";
    let alias = initials;
    for (let n = 2; [...this.aliases.values()].includes(alias); n++) alias = `${initials}${n}`;
    this.aliases.set(table, alias);
    return alias;
  }
  /** An alias for a table inside a subquery, unused by the outer query. */
  fresh(table) {
    const initials = splitIdentifier(table.name).map((p) => p[0]).join("") || "t";
    const taken = /* @__PURE__ */ new Set([...this.aliases.values(), ...this.extra]);
    let alias = `${initials}x`;
    for (let n = 2; taken.has(alias); n++) alias = `${initials}x${n}`;
    this.extra.push(alias);
    return alias;
  }
  extra = [];
  col(c) {
    return `${this.aliases.get(c.table) ?? this.add(c.table)}.${ident(c.name)}`;
  }
  /** Rewrite table-qualified column references in snippet SQL to this query's aliases. */
  snippet(s) {
    let sql = s.sql.replace(/`/g, "");
    for (const t of s.tables) {
      const alias = this.aliases.get(t) ?? this.add(t);
      sql = sql.replace(
        new RegExp(`(^|[^\\w.])(?:${escapeRe(t.identifier)}|${escapeRe(t.name)})\\.(?=\\w)`, "gi"),
        `$1${alias}.`
      );
    }
    return sql;
  }
};
function buildSql(plan, catalog) {
  const { steps, unreachable, chasm } = planJoins(plan, catalog);
  const w = new PlanSql(plan, catalog, steps);
  const isRatio = plan.measures.length === 1 && plan.measures[0].kind === "tableRatio" && plan.dims.length === 0;
  const fromSql = `${plan.base.identifier} AS ${w.scope.aliases.get(plan.base)}` + steps.map((s) => joinSql(s, w.scope)).join("");
  const whereParts = plan.where.map((c) => w.cond(c));
  const whereSql = whereParts.length > 0 ? `
WHERE ${whereParts.join("\n  AND ")}` : "";
  for (const step of steps) w.used.add(step.edge.id);
  const sql = isRatio ? `SELECT ${w.measure(plan.measures[0])} AS ratio` : plan.measures.length === 0 ? listingSql(w, plan, fromSql, whereSql) : aggregateSql(w, plan, fromSql, whereSql);
  return { sql, usedIds: [...w.used], joins: steps.map((s) => `${s.from.name}->${s.to.name}`), unreachable, chasm };
}
function planJoins(plan, catalog) {
  const needed = neededTables(plan);
  const joined = joinPath(plan.base, needed, catalog);
  const optional = new Set((plan.require ?? []).filter((t) => !neededTables({ ...plan, require: [] }).includes(t)));
  return optional.size > 0 && [...joined.unreachable, ...joined.chasm].some((t) => optional.has(t)) ? joinPath(
    plan.base,
    needed.filter((t) => !optional.has(t)),
    catalog
  ) : joined;
}
var PlanSql = class {
  constructor(plan, catalog, steps) {
    this.plan = plan;
    this.catalog = catalog;
    this.steps = steps;
    this.scope.add(plan.base);
    for (const step of steps) this.scope.add(step.to);
    this.fansOut = steps.some((st) => isFanOut(st.edge, st.from, st.to));
  }
  plan;
  catalog;
  steps;
  used = /* @__PURE__ */ new Set();
  scope = new Scope();
  /** Joins that only look up the one side of a many-to-one keep the base rows unique: COUNT(*) stays exact. */
  fansOut;
  measure(m) {
    const scope = this.scope;
    switch (m.kind) {
      case "count": {
        const a = scope.aliases.get(m.table) ?? scope.add(m.table);
        if (m.distinct) return `COUNT(DISTINCT ${scope.col(m.distinct)})`;
        const exact = m.table === this.plan.base && !this.fansOut;
        return this.steps.length > 0 && !exact && m.table.key ? `COUNT(DISTINCT ${a}.${ident(m.table.key.name)})` : "COUNT(*)";
      }
      case "agg":
        return `${m.fn}(${scope.col(m.column)})`;
      case "snippet":
        this.used.add(m.snippet.id);
        return scope.snippet(m.snippet);
      case "share":
        return `${m.percent ? "100.0" : "1.0"} * SUM(CASE WHEN ${this.cond(m.condition)} THEN 1 ELSE 0 END) / COUNT(*)`;
      case "tableRatio":
        return `${m.percent ? "100.0" : "1.0"} * (${this.subCount(m.numerator)}) / (${this.subCount(m.denominator)})`;
    }
  }
  /** A whole table's row count, under the plan's date conditions, for a ratio of two tables. */
  subCount(table) {
    const dateConds = this.plan.where.filter((w) => w.kind === "date");
    const col = pickDateColumn(table, this.catalog);
    const conds = dateConds.map((w) => w.kind === "date" && col ? dateCondition(w.range, `${table.identifier}.${ident(col.name)}`) : "").filter(Boolean);
    return `SELECT COUNT(*) FROM ${table.identifier}${conds.length ? ` WHERE ${conds.join(" AND ")}` : ""}`;
  }
  cond(c) {
    const scope = this.scope;
    switch (c.kind) {
      case "value":
        if (c.values.length === 1) return `${scope.col(c.column)} ${c.negate ? "<>" : "="} ${literal2(c.values[0])}`;
        return `${scope.col(c.column)} ${c.negate ? "NOT IN" : "IN"} (${c.values.map(literal2).join(", ")})`;
      case "compare":
        return c.against === "avg" ? `${scope.col(c.column)} ${c.op} (SELECT AVG(${ident(c.column.name)}) FROM ${c.column.table.identifier})` : `${scope.col(c.column)} ${c.op} ${c.value}`;
      case "bool":
        return `${scope.col(c.column)} = ${c.negate ? 0 : 1}`;
      case "snippet":
        this.used.add(c.snippet.id);
        return c.negate ? `NOT (${scope.snippet(c.snippet)})` : `(${scope.snippet(c.snippet)})`;
      case "date":
        return dateCondition(c.range, scope.col(c.column));
      case "absent":
        return absentSql(c.parent, c.child, scope, this.catalog, this.used);
    }
  }
  dim(d) {
    if (d.kind === "snippet") {
      this.used.add(d.snippet.id);
      return this.scope.snippet(d.snippet);
    }
    const col = this.scope.col(d.column);
    return d.bucket && d.bucket !== "day" ? bucketExpression(d.bucket, col) : d.bucket === "day" && d.column.type === "timestamp" ? `to_date(${col})` : col;
  }
};
var dimName = (d) => d.kind === "snippet" ? snake(d.snippet.name) : d.bucket ? d.bucket === "day" ? "day" : d.bucket : d.column.name;
function listingSql(w, plan, fromSql, whereSql) {
  const cols = plan.select.map((c) => w.scope.col(c));
  const manySide = manyTables(w.steps);
  const distinct = plan.distinct || manySide.size > 0 && plan.select.every((c) => !manySide.has(c.table));
  let sql = `SELECT ${distinct ? "DISTINCT " : ""}${cols.join(", ")}
FROM ${fromSql}${whereSql}`;
  if (plan.order && typeof plan.order.target === "object")
    sql += `
ORDER BY ${w.scope.col(plan.order.target)} ${plan.order.dir}${plan.order.limit ? `
LIMIT ${plan.order.limit}` : ""}`;
  return sql;
}
function aggregateSql(w, plan, fromSql, whereSql) {
  const dimExprs = plan.dims.map((d) => ({ expr: w.dim(d), name: dimName(d) }));
  const measureExprs = plan.measures.map((m, k) => ({ expr: w.measure(m), name: measureName(m, k) }));
  if (plan.averageOver) {
    const group = w.dim(plan.averageOver);
    const inner = `SELECT ${group} AS grp, ${measureExprs[0].expr} AS value
  FROM ${fromSql}${whereSql.replace(/\n/g, "\n  ")}
  GROUP BY ${group}`;
    return `SELECT AVG(value) AS avg_${measureExprs[0].name}
FROM (
  ${inner}
) AS per_group`;
  }
  const select = [
    ...dimExprs.map((d) => `${d.expr} AS ${ident(d.name)}`),
    ...measureExprs.map((m) => `${m.expr} AS ${ident(m.name)}`)
  ];
  let sql = `SELECT ${select.join(", ")}
FROM ${fromSql}${whereSql}`;
  if (dimExprs.length > 0) sql += `
GROUP BY ${dimExprs.map((d) => d.expr).join(", ")}`;
  if (plan.having.length > 0)
    sql += `
HAVING ${plan.having.map((h) => `${measureExprs[h.measure]?.expr ?? "COUNT(*)"} ${h.op} ${h.value}`).join(" AND ")}`;
  if (plan.order) {
    const by = plan.order.target === "dim" ? dimExprs.map((d) => `${d.expr} ${plan.order?.dir}`).join(", ") : [`${measureExprs[0].expr} ${plan.order.dir}`, ...dimExprs.map((d) => d.expr)].join(", ");
    if (by) sql += `
ORDER BY ${by}`;
    if (plan.order.limit) sql += `
LIMIT ${plan.order.limit}`;
  }
  return sql;
}
function manyTables(steps) {
  const out = /* @__PURE__ */ new Set();
  for (const step of steps) if (out.has(step.from) || isFanOut(step.edge, step.from, step.to)) out.add(step.to);
  return out;
}
function absentSql(parent, child, scope, catalog, used) {
  const edge = catalog.joins.find(
    (e) => e.left === parent && e.right === child || e.right === parent && e.left === child
  );
  if (!edge) return "1 = 1";
  used.add(edge.id);
  const inner = scope.fresh(child);
  const parentAlias = scope.aliases.get(parent) ?? scope.add(parent);
  const [parentColumn, childColumn] = edge.left === parent ? [edge.leftColumn, edge.rightColumn] : [edge.rightColumn, edge.leftColumn];
  return `NOT EXISTS (SELECT 1 FROM ${child.identifier} AS ${inner} WHERE ${inner}.${ident(childColumn)} = ${parentAlias}.${ident(parentColumn)})`;
}
function joinSql(step, scope) {
  const { edge } = step;
  const l = `${scope.aliases.get(edge.left)}.${ident(edge.leftColumn)}`;
  const r = `${scope.aliases.get(edge.right)}.${ident(edge.rightColumn)}`;
  return `
JOIN ${step.to.identifier} AS ${scope.aliases.get(step.to)} ON ${l} = ${r}`;
}
function measureName(m, k) {
  const suffix = k > 0 ? `_${k + 1}` : "";
  switch (m.kind) {
    case "count":
      return `${m.distinct && !m.distinct.isKey ? `distinct_${m.distinct.name}` : `${m.table.name}`}_count${suffix}`;
    case "agg":
      return `${m.fn.toLowerCase()}_${m.column.name}${suffix}`;
    case "snippet":
      return snake(m.snippet.name) + suffix;
    case "share":
      return (m.percent ? "percentage" : "ratio") + suffix;
    case "tableRatio":
      return `${m.numerator.name}_per_${m.denominator.name}${suffix}`;
  }
}
function neededTables(plan) {
  const out = [];
  const add = (t) => {
    if (t && !out.includes(t)) out.push(t);
  };
  const addCond = (c) => {
    if (c.kind === "snippet") c.snippet.tables.forEach(add);
    else if (c.kind === "absent") add(c.parent);
    else add(c.column.table);
  };
  for (const m of plan.measures) {
    if (m.kind === "count") add(m.table);
    else if (m.kind === "agg") add(m.column.table);
    else if (m.kind === "snippet") m.snippet.tables.forEach(add);
    else if (m.kind === "share") {
      add(m.table);
      addCond(m.condition);
    }
  }
  for (const d of [...plan.dims, ...plan.averageOver ? [plan.averageOver] : []])
    if (d.kind === "column") add(d.column.table);
    else d.snippet.tables.forEach(add);
  plan.where.forEach(addCond);
  plan.select.forEach((c) => add(c.table));
  (plan.require ?? []).forEach(add);
  if (plan.order && typeof plan.order.target === "object") add(plan.order.target.table);
  return out;
}

// src/local/genie/value-dictionary.ts
var MAX_VALUES = 1024;
var MAX_VALUE_LENGTH = 127;
async function loadValues(catalog, warehouse) {
  for (const table of catalog.tables) {
    const from = quoteTableIdentifier(table.identifier);
    if (!from) continue;
    for (const column of table.columns) {
      if (!column.entity && !column.format) continue;
      const limit = column.entity ? MAX_VALUES : 5;
      try {
        const result = await warehouse.execute(
          `SELECT DISTINCT ${quoteName(column.name)} AS v FROM ${from} WHERE ${quoteName(column.name)} IS NOT NULL LIMIT ${limit}`
        );
        const values = result.rows.map((r) => r[0]).filter((v) => v !== null).map(String).filter((v) => v.length <= MAX_VALUE_LENGTH);
        if (column.entity) column.values = values;
        column.examples = values.slice(0, 5);
      } catch {
      }
    }
  }
}
async function warehouseToday(warehouse) {
  try {
    const result = await warehouse.execute("SELECT current_date AS today");
    const v = result.rows[0]?.[0];
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  } catch {
  }
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
async function locateQuoted(value, preferred, catalog, warehouse, cache) {
  const all = catalog.tables.flatMap((t) => t.columns).filter((c) => c.type === "string");
  const order = [...preferred.filter((c) => c.type === "string"), ...all.filter((c) => !preferred.includes(c))];
  for (const column of order) {
    const key = `${column.table.identifier}.${column.name}\0${value}`;
    let stored = cache.get(key);
    const from = quoteTableIdentifier(column.table.identifier);
    const literal3 = quoteLiteral(value);
    if (stored === void 0 && from && literal3) {
      try {
        const r = await warehouse.execute(
          `SELECT ${quoteName(column.name)} FROM ${from} WHERE lower(${quoteName(column.name)}) = lower(${literal3}) LIMIT 1`
        );
        stored = r.rows.length > 0 ? String(r.rows[0][0]) : null;
      } catch {
        stored = null;
      }
      cache.set(key, stored);
    }
    if (stored !== null && stored !== void 0) return { column, value: stored };
  }
  return void 0;
}

// src/local/genie/index.ts
var EXAMPLE_THRESHOLD = 0.7;
var QUERY_TIMEOUT_MS = 5e3;
async function createLocalGenie(space, warehouse, options = {}) {
  const catalog = buildCatalog(space, await warehouse.schema());
  await loadValues(catalog, warehouse);
  const today = await warehouseToday(warehouse);
  const lexicon = buildLexicon(catalog);
  const engine = {
    catalog,
    lexicon,
    today,
    warehouse,
    examples: catalog.examples.map(
      (e) => prepareExample(e, link(templateQuestion(e), lexicon, catalog, today), catalog)
    ),
    quotedCache: /* @__PURE__ */ new Map(),
    noise: Math.min(1, Math.max(0, options.noise ?? 0)),
    seed: options.seed ?? 0,
    calls: 0
  };
  const answer = (question) => answerQuestion(engine, question);
  return { answer, ask: answer };
}
async function answerQuestion(engine, question) {
  const linked = link(question, engine.lexicon, engine.catalog, engine.today);
  await resolveQuoted(linked, engine.catalog, engine.warehouse, engine.quotedCache);
  const rng = engine.noise > 0 ? mulberry32(hashString(`${question}\0${engine.seed}\0${engine.calls++}`)) : void 0;
  const flip = rng !== void 0 && rng() < engine.noise;
  const best = rankExamples(linked, engine.examples)[0];
  const useExample = best !== void 0 && best.score >= EXAMPLE_THRESHOLD;
  const flipAt = flip && rng ? flipPoint(linked, useExample, rng) : -1;
  const trace = { links: describeLinks(linked), flip: flip ? flipAt : void 0 };
  let composed;
  if (useExample && flipAt !== -2) {
    const sql = adaptExample(best, linked, engine.catalog);
    if (sql) {
      composed = { sql, used: [best.prepared.example.id] };
      trace.example = { id: best.prepared.example.id, score: round(best.score) };
    }
  }
  composed ??= compose(engine.catalog, linked, flipAt, flipAt === -2 && !useExample, trace);
  if (!("sql" in composed)) return { status: "COMPLETED", text: composed.text, instructionsUsed: composed.used, trace };
  return run(engine.warehouse, composed.sql, composed.used, trace);
}
function flipPoint(linked, useExample, rng) {
  const ambiguous = linked.items.map(
    (item, k) => item.type === "mention" && item.candidates.length > 1 && item.candidates[1].weight >= 0.75 * item.candidates[0].weight ? k : -1
  ).filter((k) => k >= 0);
  return ambiguous.length > 0 && (!useExample || rng() < 0.5) ? ambiguous[Math.floor(rng() * ambiguous.length)] : -2;
}
function compose(catalog, linked, flipAt, misjudge, trace) {
  const outcome = planQuery(
    linked.items,
    catalog,
    { pick: (index, candidates) => index === flipAt && candidates.length > 1 ? candidates[1] : candidates[0] },
    linked.tokens
  );
  trace.notes = outcome.notes;
  if (!outcome.plan) return { text: outcome.clarify, used: [] };
  if (misjudge) secondBest(outcome.plan);
  const built = buildSql(outcome.plan, catalog);
  trace.joins = built.joins;
  if (built.unreachable.length > 0) {
    trace.unreachable = built.unreachable.map((t) => t.identifier);
    const names = built.unreachable.map((t) => t.name).join(", ");
    const text = `How should ${names} relate to ${outcome.plan.base.name}? This space defines no join between them.`;
    return { text, used: built.usedIds };
  }
  if (built.chasm.length > 0) {
    trace.chasm = built.chasm.map((t) => t.identifier);
    return { text: chasmQuestion(outcome.plan.base, built.chasm), used: [] };
  }
  return { sql: built.sql, used: built.usedIds };
}
async function run(warehouse, sql, used, trace) {
  trace.sql = sql;
  const instructionsUsed = [...new Set(used)].sort();
  try {
    const result = await warehouse.execute(sql, { timeoutMs: QUERY_TIMEOUT_MS });
    return { status: "COMPLETED", sql, result, instructionsUsed, trace };
  } catch (error) {
    return {
      status: "FAILED",
      sql,
      error: { type: "SQL_EXECUTION_EXCEPTION", message: messageOf(error) },
      instructionsUsed,
      trace
    };
  }
}
async function resolveQuoted(linked, catalog, warehouse, cache) {
  for (let k = 0; k < linked.items.length; k++) {
    const item = linked.items[k];
    if (item.type !== "quoted") continue;
    const near = [linked.items[k + 1], linked.items[k - 1]].flatMap(
      (n) => n?.type === "mention" ? [n.candidates[0].target] : []
    );
    const preferred = near.flatMap(
      (t) => t.kind === "table" ? [t.table.label, ...t.table.columns.filter((c) => c.entity)] : t.kind === "column" ? [t.column] : []
    ).filter((c) => !!c);
    const hit = await locateQuoted(item.raw, preferred, catalog, warehouse, cache);
    if (hit)
      linked.items[k] = {
        type: "mention",
        start: item.start,
        end: item.end,
        text: item.raw,
        candidates: [
          {
            target: { kind: "value", column: hit.column, value: hit.value },
            weight: 1,
            source: "quoted",
            words: [item.raw]
          }
        ]
      };
  }
}
function chasmQuestion(base, chasm) {
  const names = chasm.map((t) => t.name).join(", ");
  return `${base.name} and ${names} both have many rows for each row they share, so combining them would count rows several times. Should I answer from ${base.name} or from ${names}?`;
}
function secondBest(plan) {
  if (plan.where.length > 0) plan.where.pop();
  else if (plan.order?.limit) plan.order.limit += 1;
  else if (plan.dims.length > 0) plan.dims.pop();
  else if (plan.measures[0]?.kind === "count") plan.measures[0] = { ...plan.measures[0], distinct: void 0 };
}
function describeLinks(linked) {
  return linked.items.map((item) => {
    if (item.type === "mention")
      return {
        text: item.text,
        to: item.candidates.map((c) => `${targetKey(c.target)} (${c.source} ${round(c.weight)})`)
      };
    if (item.type === "marker") return { text: item.text, marker: item.marker.kind };
    if (item.type === "date") return { date: item.range };
    if (item.type === "compare") return { compare: `${item.op} ${item.value}` };
    if (item.type === "top") return { top: item.n, dir: item.dir };
    if (item.type === "number") return { number: item.value };
    if (item.type === "quoted") return { quoted: item.raw, unresolved: true };
    return { word: item.text };
  });
}
var round = (x) => Math.round(x * 100) / 100;

export {
  createLocalGenie,
  openLocalWarehouse,
  isSqliteImage,
  openWarehouseFor
};
