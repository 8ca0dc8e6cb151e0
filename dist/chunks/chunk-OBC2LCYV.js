import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  selectItems
} from "./chunk-MBZJZHDO.js";
import {
  isSymbol,
  isTrivia,
  isWord,
  tokenize
} from "./chunk-6CTQWAUY.js";

// src/scoring/cell-value.ts
var NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
var DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
var DAY_MS = 864e5;
function canonicalCell(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  const trimmed = value.trim();
  if (NUMERIC.test(trimmed)) return Number(trimmed);
  const lower = trimmed.toLowerCase();
  if (lower === "true") return 1;
  if (lower === "false") return 0;
  return normaliseDateTime(trimmed) ?? value;
}
function normaliseDateTime(text) {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3) || "0");
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(t)) return null;
  if (zone && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
    t -= sign * offsetMin * 6e4;
  }
  const iso = new Date(t).toISOString();
  return t % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}
function numbersClose(a, b, relTol) {
  if (a === b) return true;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}
function canonEqual(a, b, relTol) {
  if (typeof a === "number" && typeof b === "number") return numbersClose(a, b, relTol);
  return a === b;
}
function sortKey(value, digits) {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}
function keyDigits(relTol) {
  const digits = Math.floor(-Math.log10(Math.max(relTol, 1e-15))) - 1;
  return Math.min(15, Math.max(1, digits));
}
function compareKeys(a, b) {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number") {
    if (typeof b !== "number") return -1;
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
    return a < b ? -1 : 1;
  }
  if (typeof b === "number") return 1;
  return a < b ? -1 : 1;
}
function formatCanon(value) {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  const short = value.length > 40 ? `${value.slice(0, 39)}\u2026` : value;
  return `'${short}'`;
}

// src/scoring/result-comparator.ts
function isPassingVerdict(verdict) {
  return verdict === "exact" || verdict === "equivalent" || verdict === "superset";
}
var MAX_MAPPINGS = 200;
function compareResults(expected, actual, options) {
  const relTol = options.relTol ?? 1e-6;
  const digits = keyDigits(relTol);
  const e = toTable(expected, digits);
  const a = toTable(actual, digits);
  const note = truncationNote(expected, actual);
  if (e.vals.length === 0 && a.vals.length === 0) return { verdict: "exact", reason: "Both results are empty." };
  if (e.vals.length !== a.vals.length) {
    return mismatch(`Row counts differ: expected ${e.vals.length}, Genie returned ${a.vals.length}.`, note);
  }
  if (a.width < e.width) {
    return mismatch(`Genie returned ${a.width} column(s), expected ${e.width}.`, note);
  }
  const ctx = new Context(e, a, relTol, options.tieGroups);
  const identity = e.width === a.width ? range(e.width) : null;
  const identityDiff = identity ? ctx.diff(identity, options.orderMatters) : null;
  if (identity && identityDiff === null) {
    return {
      verdict: "exact",
      reason: e.width === 0 ? "Same number of rows, no columns." : "Same rows in the same column order."
    };
  }
  const candidates = ctx.candidates();
  const missing = candidates.findIndex((list) => list.length === 0);
  if (missing === -1) {
    const mapping = ctx.findMapping(candidates, options.orderMatters);
    if (mapping) {
      return e.width === a.width ? {
        verdict: "equivalent",
        reason: `Same rows with columns in a different order (${describeMapping(e, a, mapping)}).`
      } : {
        verdict: "superset",
        reason: `Genie returned ${a.width - e.width} extra column(s); every expected column matches (${describeMapping(e, a, mapping)}).`
      };
    }
    if (options.orderMatters && ctx.findMapping(candidates, false)) {
      return mismatch("Same rows in a different order, and this question requires the order.", note);
    }
  }
  if (identityDiff) return mismatch(describeDifference(e, identityDiff, options.orderMatters), note);
  if (missing !== -1) {
    return mismatch(
      `Expected column ${columnLabel(e, missing)} has no column with the same values in Genie's result.`,
      note
    );
  }
  return mismatch("Every expected column has a match, but the rows pair the values up differently.", note);
}
function mismatch(reason, note) {
  return { verdict: "mismatch", reason: note ? `${reason} ${note}` : reason };
}
function truncationNote(expected, actual) {
  if (expected.truncated && actual.truncated) return "(Both results were truncated by the row limit.)";
  if (expected.truncated) return "(The expected result was truncated by the row limit.)";
  if (actual.truncated) return "(Genie's result was truncated by the row limit.)";
  return "";
}
function toTable(result, digits) {
  const width = result.columns.length || (result.rows[0]?.length ?? 0);
  const vals = [];
  const keys = [];
  for (const row of result.rows) {
    const v = new Array(width);
    const k = new Array(width);
    for (let c = 0; c < width; c++) {
      v[c] = canonicalCell(row[c]);
      k[c] = sortKey(v[c], digits);
    }
    vals.push(v);
    keys.push(k);
  }
  return { names: result.columns.map((col) => col.name), width, vals, keys };
}
var Context = class {
  constructor(e, a, relTol, groups) {
    this.e = e;
    this.a = a;
    this.relTol = relTol;
    this.groups = groups;
  }
  e;
  a;
  relTol;
  groups;
  expectedOrder = null;
  /** The first difference between expected and actual under `mapping` (expected col -> actual col), or null. */
  diff(mapping, orderMatters) {
    const { e, a, relTol, groups } = this;
    const tied = orderMatters && groups !== void 0 && groups.length === e.vals.length;
    const eOrder = tied ? sortRows(e, range(e.width), groups) : orderMatters ? range(e.vals.length) : this.sortedExpected();
    const aOrder = tied ? sortRows(a, mapping, groups) : orderMatters ? range(a.vals.length) : sortRows(a, mapping);
    for (let i = 0; i < eOrder.length; i++) {
      const er = e.vals[eOrder[i]];
      const ar = a.vals[aOrder[i]];
      for (let j = 0; j < mapping.length; j++) {
        if (!canonEqual(er[j], ar[mapping[j]], relTol)) {
          return { row: i, col: j, expected: er[j], actual: ar[mapping[j]] };
        }
      }
    }
    return null;
  }
  /** For each expected column, the actual columns holding the same multiset of values. */
  candidates() {
    const eCols = range(this.e.width).map((c) => sortedColumn(this.e, c));
    const aCols = range(this.a.width).map((c) => sortedColumn(this.a, c));
    return eCols.map((ec, j) => {
      const list = aCols.flatMap((ac, k) => sameValues(ec, ac, this.relTol) ? [k] : []);
      return list.sort((x, y) => Number(y === j) - Number(x === j) || x - y);
    });
  }
  /** Backtracking over injective mappings, verified row-wise; bounded for many same-valued columns. */
  findMapping(candidates, orderMatters) {
    const used = /* @__PURE__ */ new Set();
    const mapping = [];
    let tries = 0;
    const walk = (j) => {
      if (j === candidates.length) {
        tries++;
        return this.diff(mapping, orderMatters) === null;
      }
      for (const k of candidates[j]) {
        if (used.has(k) || tries >= MAX_MAPPINGS) continue;
        used.add(k);
        mapping.push(k);
        if (walk(j + 1)) return true;
        mapping.pop();
        used.delete(k);
      }
      return false;
    };
    return walk(0) ? [...mapping] : null;
  }
  sortedExpected() {
    this.expectedOrder ??= sortRows(this.e, range(this.e.width));
    return this.expectedOrder;
  }
};
function sortRows(table, cols, groups) {
  const { keys } = table;
  return range(keys.length).sort((x, y) => {
    if (groups && groups[x] !== groups[y]) return groups[x] - groups[y];
    const kx = keys[x];
    const ky = keys[y];
    for (const c of cols) {
      const d = compareKeys(kx[c], ky[c]);
      if (d !== 0) return d;
    }
    return 0;
  });
}
function sortedColumn(table, col) {
  const order = range(table.vals.length).sort((x, y) => compareKeys(table.keys[x][col], table.keys[y][col]));
  return { vals: order.map((r) => table.vals[r][col]), keys: order.map((r) => table.keys[r][col]) };
}
function sameValues(x, y, relTol) {
  if (x.vals.length !== y.vals.length) return false;
  for (let i = 0; i < x.vals.length; i++) if (!canonEqual(x.vals[i], y.vals[i], relTol)) return false;
  return true;
}
function describeDifference(e, d, orderMatters) {
  const where = orderMatters ? `row ${d.row + 1}` : `row ${d.row + 1} (rows sorted)`;
  return `Column ${columnLabel(e, d.col)} differs at ${where}: expected ${formatCanon(d.expected)}, got ${formatCanon(d.actual)}.`;
}
function describeMapping(e, a, mapping) {
  return mapping.map((k, j) => `${columnLabel(e, j)} -> ${columnLabel(a, k)}`).join(", ");
}
function columnLabel(table, col) {
  const name = table.names[col];
  return name ? `'${name}'` : `#${col + 1}`;
}
function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}

// src/scoring/order-ties.ts
var MAX_CHOICES = 200;
function keyedOrderSql(sql) {
  const text = sql.trim().replace(/;\s*$/, "");
  const tokens = tokenize(text);
  const top = [];
  let depth = 0;
  tokens.forEach((token, index) => {
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")")) depth--;
    else if (depth === 0 && !isTrivia(token)) top.push({ token, index });
  });
  if (top.some(({ token }) => isWord(token, "UNION", "INTERSECT", "EXCEPT", "OFFSET", "QUALIFY"))) return null;
  const from = top.find(({ token }) => isWord(token, "FROM"));
  const orderAt = top.findIndex(({ token }, k) => isWord(token, "ORDER") && isWord(top[k + 1]?.token, "BY"));
  if (!from || orderAt < 0) return null;
  const limitAt = top.findIndex(({ token }) => isWord(token, "LIMIT"));
  if (limitAt >= 0 && limitAt < orderAt) return null;
  const limitToken = limitAt >= 0 ? top[limitAt + 1]?.token : void 0;
  const limit = limitToken ? Number(limitToken.text) : null;
  if (limitAt >= 0 && (limit === null || !Number.isInteger(limit))) return null;
  const orderStart = tokens[top[orderAt + 1].index].end;
  const orderEnd = limitAt >= 0 ? tokens[top[limitAt].index].start : text.length;
  const items = selectItems(text);
  const keys = splitTopLevel(text.slice(orderStart, orderEnd)).map((item) => sortExpression(item, items));
  if (keys.some((k) => k === void 0)) return null;
  const selectAt = top.findIndex(({ token }) => isWord(token, "SELECT"));
  const distinct = selectAt >= 0 && isWord(top[selectAt + 1]?.token, "DISTINCT");
  if (distinct && keys.some((k) => !items.some((it) => it.text.toLowerCase() === k.toLowerCase()))) return null;
  const fromStart = tokens[from.index].start;
  const keyed = text.slice(0, fromStart).trimEnd() + keys.map((k, n) => `, ${k} AS __tie_k${n}`).join("") + "\n" + text.slice(fromStart, orderEnd).trimEnd();
  return { sql: keyed, keys: keys.length, limit };
}
function splitTopLevel(text) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (const token of tokenize(text)) {
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")")) depth--;
    else if (depth === 0 && isSymbol(token, ",")) {
      out.push(text.slice(start, token.start));
      start = token.end;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}
function sortExpression(item, selected) {
  const expr = item.replace(/\s+(ASC|DESC)?\s*(NULLS\s+(FIRST|LAST))?\s*$/i, "").trim() || item.trim();
  if (/^\d+$/.test(expr)) return selected[Number(expr) - 1]?.text;
  const bare = expr.replace(/^[`"]|[`"]$/g, "").toLowerCase();
  const aliased = selected.find((s) => s.alias && s.alias.replace(/^[`"]|[`"]$/g, "").toLowerCase() === bare);
  return aliased ? aliased.text : expr;
}
async function compareAllowingTies(expectedSql, actual, warehouse, run = (sql) => warehouse.execute(sql)) {
  const keyed = keyedOrderSql(expectedSql);
  if (!keyed) return void 0;
  let full;
  try {
    full = await run(keyed.sql);
  } catch {
    return void 0;
  }
  const width = full.columns.length - keyed.keys;
  if (width <= 0) return void 0;
  const digits = keyDigits(1e-6);
  const keyOf = (row) => JSON.stringify(row.slice(width).map((cell) => sortKey(canonicalCell(cell), digits)));
  const groups = [];
  full.rows.forEach(
    (row, i) => groups.push(i === 0 ? 0 : groups[i - 1] + (keyOf(row) === keyOf(full.rows[i - 1]) ? 0 : 1))
  );
  const take = Math.min(keyed.limit ?? full.rows.length, full.rows.length);
  const columns = full.columns.slice(0, width);
  const rows = full.rows.map((row) => row.slice(0, width));
  const expectedOf = (picked) => ({ columns, rows: picked, truncated: false });
  const last = groups[take - 1];
  const cut = take > 0 && take < rows.length && groups[take] === last;
  if (!cut)
    return compareResults(expectedOf(rows.slice(0, take)), actual, {
      orderMatters: true,
      tieGroups: groups.slice(0, take)
    });
  const start = groups.indexOf(last);
  const pool = rows.filter((_, i) => groups[i] === last);
  const need = take - start;
  let best;
  let tried = 0;
  for (const choice of subsets(pool.length, need)) {
    if (++tried > MAX_CHOICES) break;
    const comparison = compareResults(expectedOf([...rows.slice(0, start), ...choice.map((i) => pool[i])]), actual, {
      orderMatters: true,
      tieGroups: groups.slice(0, take)
    });
    if (isPassingVerdict(comparison.verdict))
      return {
        ...comparison,
        reason: `${comparison.reason} (Rows tied on the sort key at the LIMIT; any of them is correct.)`
      };
    best ??= comparison;
  }
  return best;
}
function* subsets(n, k, from = 0, prefix = []) {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = from; i <= n - (k - prefix.length); i++) yield* subsets(n, k, i + 1, [...prefix, i]);
}
async function compareWithTies(expected, actual, expectedSql, orderMatters, warehouse, run) {
  const comparison = compareResults(expected, actual, { orderMatters });
  if (isPassingVerdict(comparison.verdict) || !orderMatters) return comparison;
  const tied = await compareAllowingTies(expectedSql, actual, warehouse, run);
  return tied && isPassingVerdict(tied.verdict) ? tied : comparison;
}

export {
  isPassingVerdict,
  compareWithTies
};
