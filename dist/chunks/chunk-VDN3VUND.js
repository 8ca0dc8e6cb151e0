import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  quoteName
} from "./chunk-YUT4RWDR.js";
import {
  isSymbol,
  isTrivia,
  isWord,
  tokenize
} from "./chunk-6CTQWAUY.js";

// src/local/spark-dates.ts
var DAY_MS = 864e5;
var ISO = /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;
var COMPACT = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;
function parseDate(value) {
  if (value === null || value === void 0) return null;
  const text = String(value);
  const m = ISO.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3] ?? "1", m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(
    Number
  );
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day) return null;
  return { ms, hasTime: m[4] !== void 0 };
}
var pad = (n, width = 2) => String(n).padStart(width, "0");
function formatDate(ms) {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function formatTimestamp(ms) {
  const d = new Date(ms);
  return `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
function normaliseUnit(unit) {
  const u = String(unit ?? "").trim().toLowerCase().replace(/s$/, "");
  const aliases = {
    year: "year",
    yyyy: "year",
    yy: "year",
    y: "year",
    quarter: "quarter",
    q: "quarter",
    qq: "quarter",
    month: "month",
    mon: "month",
    mm: "month",
    week: "week",
    wk: "week",
    w: "week",
    day: "day",
    dd: "day",
    d: "day",
    dayofmonth: "day",
    hour: "hour",
    hh: "hour",
    h: "hour",
    minute: "minute",
    mi: "minute",
    min: "minute",
    second: "second",
    ss: "second",
    sec: "second"
  };
  return aliases[u] ?? null;
}
function addMonths(ms, months) {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}
function addUnit(ms, amount, unit) {
  switch (unit) {
    case "year":
      return addMonths(ms, Math.trunc(amount) * 12);
    case "quarter":
      return addMonths(ms, Math.trunc(amount) * 3);
    case "month":
      return addMonths(ms, Math.trunc(amount));
    case "week":
      return ms + amount * 7 * DAY_MS;
    case "day":
      return ms + amount * DAY_MS;
    case "hour":
      return ms + amount * 36e5;
    case "minute":
      return ms + amount * 6e4;
    default:
      return ms + amount * 1e3;
  }
}
function truncate(ms, unit) {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = Date.UTC(y, m, d.getUTCDate());
  switch (unit) {
    case "year":
      return Date.UTC(y, 0, 1);
    case "quarter":
      return Date.UTC(y, m - m % 3, 1);
    case "month":
      return Date.UTC(y, m, 1);
    case "week":
      return day - (d.getUTCDay() + 6) % 7 * DAY_MS;
    case "day":
      return day;
    case "hour":
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours());
    case "minute":
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
    default:
      return ms - ms % 1e3;
  }
}
function diffUnits(startMs, endMs, unit) {
  if (unit === "year" || unit === "quarter" || unit === "month") {
    const a = new Date(startMs);
    const b = new Date(endMs);
    let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
    const restA = startMs - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1);
    const restB = endMs - Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 1);
    if (months > 0 && restB < restA) months--;
    if (months < 0 && restB > restA) months++;
    const per = unit === "year" ? 12 : unit === "quarter" ? 3 : 1;
    return Math.trunc(months / per);
  }
  const size = { week: 7 * DAY_MS, day: DAY_MS, hour: 36e5, minute: 6e4 }[unit] ?? 1e3;
  return Math.trunc((endMs - startMs) / size);
}
function diffDays(startMs, endMs) {
  return Math.round((truncate(endMs, "day") - truncate(startMs, "day")) / DAY_MS);
}
function isoWeek(ms) {
  const day = truncate(ms, "day");
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = day + (3 - weekday) * DAY_MS;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / (7 * DAY_MS)) + 1;
}
var MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
function formatPattern(ms, pattern) {
  const d = new Date(ms);
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const close = pattern.indexOf("'", i + 1);
      const literal = pattern.slice(i + 1, close < 0 ? pattern.length : close);
      out += literal === "" ? "'" : literal;
      i = close < 0 ? pattern.length : close + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const hour = d.getUTCHours();
    switch (ch) {
      case "y":
        out += n === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), Math.max(n, 4));
        break;
      case "M":
      case "L":
        out += n >= 4 ? MONTHS[d.getUTCMonth()] : n === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : pad(d.getUTCMonth() + 1, n);
        break;
      case "d":
        out += pad(d.getUTCDate(), n);
        break;
      case "D":
        out += pad(Math.floor((truncate(ms, "day") - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, n);
        break;
      case "Q":
        out += String(Math.floor(d.getUTCMonth() / 3) + 1);
        break;
      case "H":
        out += pad(hour, n);
        break;
      case "h":
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case "m":
        out += pad(d.getUTCMinutes(), n);
        break;
      case "s":
        out += pad(d.getUTCSeconds(), n);
        break;
      case "E":
        out += n >= 4 ? WEEKDAYS[d.getUTCDay()] : WEEKDAYS[d.getUTCDay()].slice(0, 3);
        break;
      case "a":
        out += hour < 12 ? "AM" : "PM";
        break;
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}

// src/local/spark-functions.ts
var DAY_MS2 = 864e5;
function truthy(value) {
  if (value === null) return false;
  if (typeof value === "string") return Number(value) !== 0 && value.trim() !== "";
  if (typeof value === "number") return value !== 0;
  return value.length > 0;
}
function num(value) {
  if (value === null || value instanceof Uint8Array) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
function shapeLike(ms, hadTime, unit) {
  const timeUnit = unit === "hour" || unit === "minute" || unit === "second";
  return hadTime || timeUnit ? formatTimestamp(ms) : formatDate(ms);
}
function dateFn(fn) {
  return (x) => {
    const p = parseDate(x);
    return p ? fn(p.ms) : null;
  };
}
function dateAdd(x, days) {
  const p = parseDate(x);
  const n = num(days);
  return p && n !== null ? formatDate(p.ms + Math.trunc(n) * DAY_MS2) : null;
}
function unitAdd(unitValue, amount, x) {
  const unit = normaliseUnit(unitValue);
  const p = parseDate(x);
  const n = num(amount);
  if (!unit || !p || n === null) return null;
  return shapeLike(addUnit(p.ms, n, unit), p.hasTime, unit);
}
function unitDiff(unitValue, start, end) {
  const unit = normaliseUnit(unitValue);
  const a = parseDate(start);
  const b = parseDate(end);
  return unit && a && b ? diffUnits(a.ms, b.ms, unit) : null;
}
function datePart(unitValue, x) {
  const raw = String(unitValue ?? "").toLowerCase();
  const p = parseDate(x);
  if (!p) return null;
  const d = new Date(p.ms);
  if (raw === "dayofweek" || raw === "dow") return d.getUTCDay() + 1;
  if (raw === "doy" || raw === "dayofyear")
    return Math.floor((truncate(p.ms, "day") - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS2) + 1;
  switch (normaliseUnit(raw)) {
    case "year":
      return d.getUTCFullYear();
    case "quarter":
      return Math.floor(d.getUTCMonth() / 3) + 1;
    case "month":
      return d.getUTCMonth() + 1;
    case "week":
      return isoWeek(p.ms);
    case "day":
      return d.getUTCDate();
    case "hour":
      return d.getUTCHours();
    case "minute":
      return d.getUTCMinutes();
    case "second":
      return d.getUTCSeconds();
    default:
      return null;
  }
}
var SPARK_SCALARS = {
  date_trunc: (unitValue, x) => {
    const unit = normaliseUnit(unitValue);
    const p = parseDate(x);
    if (!unit || !p) return null;
    const ms = truncate(p.ms, unit);
    return unit === "hour" || unit === "minute" || unit === "second" ? formatTimestamp(ms) : formatDate(ms);
  },
  trunc: (x, unitValue) => {
    const unit = normaliseUnit(unitValue);
    const p = parseDate(x);
    return unit && p ? formatDate(truncate(p.ms, unit)) : null;
  },
  // date_add(d, n) or Databricks' three-argument date_add(unit, n, x)
  date_add: (...args) => args.length >= 3 ? unitAdd(args[0], args[1], args[2]) : dateAdd(args[0], args[1]),
  dateadd: (...args) => args.length >= 3 ? unitAdd(args[0], args[1], args[2]) : dateAdd(args[0], args[1]),
  timestampadd: (unit, amount, x) => unitAdd(unit, amount, x),
  date_sub: (x, days) => {
    const n = num(days);
    return n === null ? null : dateAdd(x, -n);
  },
  // datediff(end, start) or three-argument datediff(unit, start, end)
  datediff: (...args) => {
    if (args.length >= 3) return unitDiff(args[0], args[1], args[2]);
    const end = parseDate(args[0]);
    const start = parseDate(args[1]);
    return end && start ? diffDays(start.ms, end.ms) : null;
  },
  date_diff: (...args) => SPARK_SCALARS.datediff(...args),
  timestampdiff: (unit, start, end) => unitDiff(unit, start, end),
  spark_interval_add: (x, amount, unitValue) => unitAdd(unitValue, amount, x),
  add_months: (x, months) => {
    const p = parseDate(x);
    const n = num(months);
    return p && n !== null ? formatDate(addMonths(p.ms, Math.trunc(n))) : null;
  },
  last_day: dateFn((ms) => formatDate(addMonths(truncate(ms, "month"), 1) - DAY_MS2)),
  year: dateFn((ms) => new Date(ms).getUTCFullYear()),
  quarter: dateFn((ms) => Math.floor(new Date(ms).getUTCMonth() / 3) + 1),
  month: dateFn((ms) => new Date(ms).getUTCMonth() + 1),
  day: dateFn((ms) => new Date(ms).getUTCDate()),
  dayofmonth: dateFn((ms) => new Date(ms).getUTCDate()),
  hour: dateFn((ms) => new Date(ms).getUTCHours()),
  minute: dateFn((ms) => new Date(ms).getUTCMinutes()),
  second: dateFn((ms) => new Date(ms).getUTCSeconds()),
  /** 1 = Sunday ... 7 = Saturday, as in Spark. */
  dayofweek: dateFn((ms) => new Date(ms).getUTCDay() + 1),
  /** 0 = Monday ... 6 = Sunday, as in Spark. */
  weekday: dateFn((ms) => (new Date(ms).getUTCDay() + 6) % 7),
  weekofyear: dateFn(isoWeek),
  dayofyear: (x) => datePart("doy", x),
  date_part: datePart,
  to_date: dateFn(formatDate),
  to_timestamp: dateFn(formatTimestamp),
  date_format: (x, pattern) => {
    const p = parseDate(x);
    return p && pattern !== null ? formatPattern(p.ms, String(pattern)) : null;
  },
  nvl: (a, b) => a === null ? b : a,
  nvl2: (a, b, c) => a === null ? c : b,
  if: (c, a, b) => truthy(c) ? a : b,
  greatest: (...args) => pickNumberOrText(args, (x, y) => x > y),
  least: (...args) => pickNumberOrText(args, (x, y) => x < y),
  ilike: (value, pattern) => value === null || pattern === null ? null : likeRegex(String(pattern)).test(String(value)) ? 1 : 0,
  // SQLite runs `x REGEXP p` as regexp(p, x); Spark's RLIKE is a substring search.
  regexp: (pattern, value) => value === null || pattern === null ? null : cachedRegex(String(pattern), "").test(String(value)) ? 1 : 0,
  try_divide: (a, b) => {
    const x = num(a);
    const y = num(b);
    return x === null || y === null || y === 0 ? null : x / y;
  }
};
var regexCache = /* @__PURE__ */ new Map();
function cachedRegex(source, flags) {
  const key = `${flags}/${source}`;
  let regex = regexCache.get(key);
  if (!regex) {
    if (regexCache.size > 500) regexCache.clear();
    regex = new RegExp(source, flags);
    regexCache.set(key, regex);
  }
  return regex;
}
function likeRegex(pattern) {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\" && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "%") source += "[\\s\\S]*";
    else if (ch === "_") source += "[\\s\\S]";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return cachedRegex(`^${source}$`, "iu");
}
function pickNumberOrText(args, better) {
  let best = null;
  for (const arg of args) {
    if (arg === null || arg instanceof Uint8Array) continue;
    if (best === null || better(arg, best)) best = arg;
  }
  return best;
}
var ARITIES = {
  date_add: [2, 3],
  dateadd: [2, 3],
  datediff: [2, 3],
  date_diff: [2, 3],
  to_date: [1, 2],
  to_timestamp: [1, 2],
  greatest: [2, 3, 4, 5, 6, 7, 8],
  least: [2, 3, 4, 5, 6, 7, 8]
};
function withArity(fn, arity) {
  const wrapped = (...args) => fn(...args);
  Object.defineProperty(wrapped, "length", { value: arity });
  return wrapped;
}
function registerSparkFunctions(db, hooks = {}) {
  const target = db;
  const { beforeCall } = hooks;
  for (const [name, fn] of Object.entries(SPARK_SCALARS)) {
    const guarded = beforeCall ? (...args) => (beforeCall(), fn(...args)) : fn;
    for (const arity of ARITIES[name] ?? [fn.length]) target.create_function(name, withArity(guarded, arity));
  }
  target.create_aggregate("count_if", {
    init: () => 0,
    step: (count, condition) => {
      beforeCall?.();
      return count + (truthy(condition) ? 1 : 0);
    },
    finalize: (count) => count
  });
  target.create_aggregate("any_value", {
    init: () => ({ seen: false, value: null }),
    step: (state, value) => state.seen ? state : { seen: true, value },
    finalize: (state) => state.value
  });
}

// src/local/call-arguments.ts
function splitArguments(inner) {
  const tokens = tokenize(inner, "sqlite");
  if (tokens.some((t) => t.unterminated)) return [];
  const parts = [];
  let depth = 0;
  let from = 0;
  for (const token of tokens) {
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")")) depth--;
    else if (depth === 0 && isSymbol(token, ",")) {
      parts.push(inner.slice(from, token.start));
      from = token.end;
    }
  }
  parts.push(inner.slice(from));
  if (parts.length === 1 && parts[0].trim() === "") return [];
  return parts.map(classify);
}
function classify(raw) {
  const text = raw.trim();
  const tokens = tokenize(text, "sqlite").filter((t) => !isTrivia(t));
  const [first, second] = tokens;
  if (tokens.length === 1 && first.type === "string") return { kind: "literal", text, value: first.value };
  if (tokens.length === 1 && first.type === "number" && Number.isFinite(Number(first.text)))
    return { kind: "literal", text, value: Number(first.text) };
  if (tokens.length === 2 && isSymbol(first, "-") && second.type === "number" && Number.isFinite(Number(second.text))) {
    return { kind: "literal", text, value: -Number(second.text) };
  }
  if (tokens.length === 1 && first.type === "word" && first.value.toUpperCase() === "NULL")
    return { kind: "literal", text, value: null };
  const isName = (k) => tokens[k] !== void 0 && (tokens[k].type === "word" || tokens[k].type === "quoted");
  if (tokens.length % 2 === 1 && tokens.every((t, k) => k % 2 === 0 ? isName(k) : isSymbol(t, "."))) {
    return { kind: "column", text };
  }
  return { kind: "other", text };
}

// src/local/native-calls.ts
var ISO_TEXT = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}:\d{2})?$/;
function optimiseCall(call) {
  return foldConstant(call) ?? nativeForm(call);
}
var NOT_FOLDED = /* @__PURE__ */ new Set(["if", "nvl", "nvl2"]);
function foldConstant({ fn, args, integerResult }) {
  const scalar = Object.hasOwn(SPARK_SCALARS, fn) ? SPARK_SCALARS[fn] : void 0;
  if (!scalar || NOT_FOLDED.has(fn) || args.length === 0 || !args.every((a) => a.kind === "literal")) return void 0;
  let value;
  try {
    value = scalar(...args.map((a) => a.kind === "literal" ? a.value : null));
  } catch {
    return void 0;
  }
  if (value === null) return "NULL";
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === "number" && Number.isFinite(value)) {
    if (integerResult) return String(Math.trunc(value));
    return Number.isInteger(value) ? `${value}.0` : String(value);
  }
  return void 0;
}
function isoGuard(arg) {
  if (arg.kind === "literal")
    return typeof arg.value === "string" && ISO_TEXT.test(arg.value) && parseDate(arg.value) ? "" : void 0;
  if (arg.kind !== "column") return void 0;
  return `length(${arg.text}) IN (10, 19) AND date(${arg.text}) = substr(${arg.text}, 1, 10)`;
}
var DEADLINE_PROBE = "(random() & 1023) <> 0";
var int = (sql) => `CAST(${sql} AS INTEGER)`;
var WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
function truncateSql(unit, x) {
  switch (unit) {
    case "year":
      return `substr(${x}, 1, 4) || '-01-01'`;
    case "quarter":
      return `printf('%s-%02d-01', substr(${x}, 1, 4), ((${int(`substr(${x}, 6, 2)`)} - 1) / 3) * 3 + 1)`;
    case "month":
      return `substr(${x}, 1, 7) || '-01'`;
    case "week":
      return `date(${x}, '-6 days', 'weekday 1')`;
    // back to the Monday on or before
    case "day":
      return `substr(${x}, 1, 10)`;
    default:
      return void 0;
  }
}
function strftimeFormat(pattern) {
  const pieces = { yyyy: "%Y", MM: "%m", dd: "%d", HH: "%H", mm: "%M", ss: "%S" };
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const run = /^([A-Za-z])\1*/.exec(pattern.slice(i));
    if (run) {
      const piece = pieces[run[0]];
      if (!piece) return void 0;
      out += piece;
      i += run[0].length;
    } else {
      if (pattern[i] === "'") return void 0;
      out += pattern[i] === "%" ? "%%" : pattern[i];
      i++;
    }
  }
  return out;
}
function dateFormatSql(x, pattern) {
  if (pattern === "EEEE" || pattern === "EEE" || pattern === "E") {
    const names = WEEKDAY_NAMES.map((n, k) => `WHEN '${k}' THEN '${pattern === "EEEE" ? n : n.slice(0, 3)}'`);
    return `CASE strftime('%w', ${x}) ${names.join(" ")} END`;
  }
  const format = strftimeFormat(pattern);
  return format ? `strftime('${format}', ${x})` : void 0;
}
function fastPath(fn, args) {
  const [a, b] = args;
  const text = (arg) => arg.text;
  const literalNumber = (arg) => arg?.kind === "literal" && typeof arg.value === "number" ? Math.trunc(arg.value) : void 0;
  const one = (sql) => {
    if (args.length !== 1) return void 0;
    const out = sql(text(a));
    return out ? { sql: out, dates: [a] } : void 0;
  };
  switch (fn) {
    case "year":
      return one((x) => int(`substr(${x}, 1, 4)`));
    case "month":
      return one((x) => int(`substr(${x}, 6, 2)`));
    case "day":
    case "dayofmonth":
      return one((x) => int(`substr(${x}, 9, 2)`));
    case "quarter":
      return one((x) => `(${int(`substr(${x}, 6, 2)`)} + 2) / 3`);
    // A date has no time: substr gives '' and CAST('' AS INTEGER) is 0, as in Spark.
    case "hour":
      return one((x) => int(`substr(${x}, 12, 2)`));
    case "minute":
      return one((x) => int(`substr(${x}, 15, 2)`));
    case "second":
      return one((x) => int(`substr(${x}, 18, 2)`));
    case "dayofweek":
      return one((x) => `${int(`strftime('%w', ${x})`)} + 1`);
    case "weekday":
      return one((x) => `(${int(`strftime('%w', ${x})`)} + 6) % 7`);
    case "to_date":
      return one((x) => `substr(${x}, 1, 10)`);
    case "date_trunc": {
      const unit = args.length === 2 && a.kind === "literal" ? normaliseUnit(a.value) : null;
      const sql = unit ? truncateSql(unit, text(b)) : void 0;
      return sql ? { sql, dates: [b] } : void 0;
    }
    case "trunc": {
      const unit = args.length === 2 && b.kind === "literal" ? normaliseUnit(b.value) : null;
      const sql = unit ? truncateSql(unit, text(a)) : void 0;
      return sql ? { sql, dates: [a] } : void 0;
    }
    case "date_add":
    case "dateadd":
    case "date_sub": {
      const n = args.length === 2 ? literalNumber(b) : void 0;
      if (n === void 0) return void 0;
      const days = fn === "date_sub" ? -n : n;
      return { sql: `date(${text(a)}, '${days >= 0 ? "+" : ""}${days} days')`, dates: [a] };
    }
    case "datediff":
    case "date_diff": {
      if (args.length !== 2) return void 0;
      return { sql: int(`julianday(substr(${text(a)}, 1, 10)) - julianday(substr(${text(b)}, 1, 10))`), dates: [a, b] };
    }
    case "date_format": {
      const sql = args.length === 2 && b.kind === "literal" && typeof b.value === "string" ? dateFormatSql(text(a), b.value) : void 0;
      return sql ? { sql, dates: [a] } : void 0;
    }
    default:
      return void 0;
  }
}
function nativeForm({ fn, args, fallback }) {
  const fast = fastPath(fn, args);
  if (!fast) return void 0;
  const guards = [];
  for (const arg of fast.dates) {
    const guard = isoGuard(arg);
    if (guard === void 0) return void 0;
    if (guard) guards.push(guard);
  }
  return guards.length === 0 ? fast.sql : `CASE WHEN ${[...guards, DEADLINE_PROBE].join(" AND ")} THEN ${fast.sql} ELSE ${fallback} END`;
}

// src/local/sql-dialect-vocabulary.ts
var CLOCK_DATE = /* @__PURE__ */ new Set(["CURRENT_DATE", "CURDATE"]);
var CLOCK_TIMESTAMP = /* @__PURE__ */ new Set(["CURRENT_TIMESTAMP", "NOW", "GETDATE", "LOCALTIMESTAMP"]);
var UNIT_ARG_FUNCTIONS = /* @__PURE__ */ new Set([
  "DATEADD",
  "DATE_ADD",
  "TIMESTAMPADD",
  "DATEDIFF",
  "DATE_DIFF",
  "TIMESTAMPDIFF",
  "DATE_TRUNC",
  "DATE_PART"
]);
var UNITS = /* @__PURE__ */ new Set([
  "YEAR",
  "YEARS",
  "QUARTER",
  "QUARTERS",
  "MONTH",
  "MONTHS",
  "WEEK",
  "WEEKS",
  "DAY",
  "DAYS",
  "HOUR",
  "HOURS",
  "MINUTE",
  "MINUTES",
  "SECOND",
  "SECONDS",
  "DAYOFWEEK",
  "DOW",
  "DOY",
  "DAYOFYEAR"
]);
var INTEGER_RESULT = /* @__PURE__ */ new Set([
  "YEAR",
  "QUARTER",
  "MONTH",
  "DAY",
  "DAYOFMONTH",
  "HOUR",
  "MINUTE",
  "SECOND",
  "DAYOFWEEK",
  "WEEKDAY",
  "WEEKOFYEAR",
  "DAYOFYEAR",
  "DATE_PART",
  "DATEDIFF",
  "DATE_DIFF",
  "TIMESTAMPDIFF",
  "COUNT_IF"
]);
var NOT_CALLS = /* @__PURE__ */ new Set([
  "SELECT",
  "WHERE",
  "AND",
  "OR",
  "NOT",
  "IN",
  "ON",
  "AS",
  "WHEN",
  "THEN",
  "ELSE",
  "BY",
  "HAVING",
  "FROM",
  "JOIN",
  "IS",
  "EXISTS",
  "WITH",
  "UNION",
  "DISTINCT"
]);
var RENAMED = { IF: "iif", NVL: "coalesce" };
var CAST_TYPES = {
  STRING: "TEXT",
  VARCHAR: "TEXT",
  CHAR: "TEXT",
  TEXT: "TEXT",
  INT: "INTEGER",
  INTEGER: "INTEGER",
  BIGINT: "INTEGER",
  SMALLINT: "INTEGER",
  TINYINT: "INTEGER",
  LONG: "INTEGER",
  SHORT: "INTEGER",
  BYTE: "INTEGER",
  BOOLEAN: "INTEGER",
  DOUBLE: "REAL",
  FLOAT: "REAL",
  REAL: "REAL",
  DECIMAL: "REAL",
  DEC: "REAL",
  NUMERIC: "REAL"
};
function castExpression(inner, typeName) {
  const type = typeName.toUpperCase();
  if (type === "DATE")
    return optimiseCall({
      fn: "to_date",
      args: splitArguments(inner),
      fallback: `to_date(${inner})`,
      integerResult: false
    }) ?? `to_date(${inner})`;
  if (type.startsWith("TIMESTAMP")) return `to_timestamp(${inner})`;
  const mapped = CAST_TYPES[type];
  return mapped ? `CAST(${inner} AS ${mapped})` : void 0;
}
function quoteString(value) {
  return `'${value.replace(/'/g, "''")}'`;
}

// src/local/sql-dialect.ts
function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function rewriteForSqlite(sql, options) {
  const tokens = tokenize(sql, "sqlite");
  return new Rewriter(tokens, options).range(0, tokens.length);
}
var Rewriter = class {
  constructor(t, options) {
    this.t = t;
    this.options = options;
    const asOf = options.asOf.trim();
    this.clockDate = quoteString(asOf.slice(0, 10));
    this.clockTimestamp = quoteString(asOf.length > 10 ? asOf.replace("T", " ").slice(0, 19) : `${asOf} 00:00:00`);
  }
  t;
  options;
  clockDate;
  clockTimestamp;
  /** Rewrites tokens [start, end) into text. */
  range(start, end) {
    const pieces = [];
    let i = start;
    while (i < end) i = this.step(i, end, pieces);
    return pieces.map((p) => p.text).join("");
  }
  step(i, end, pieces) {
    const token = this.t[i];
    if (isTrivia(token)) {
      pieces.push({ text: token.text, kind: "trivia" });
      return i + 1;
    }
    if (isSymbol(token, "(")) return this.group(i, end, pieces);
    if (isSymbol(token, "/")) {
      pieces.push({ text: "* 1.0 /", kind: "op" });
      return i + 1;
    }
    if ((isSymbol(token, "+") || isSymbol(token, "-")) && isWord(this.next(i, end), "INTERVAL")) {
      const done = this.interval(i, end, pieces);
      if (done !== void 0) return done;
    }
    if (isSymbol(token, "::")) {
      const done = this.colonCast(i, end, pieces);
      if (done !== void 0) return done;
    }
    if (isWord(token, "ILIKE")) {
      const done = this.ilike(i, end, pieces);
      if (done !== void 0) return done;
    }
    if (isWord(token, "RLIKE")) {
      pieces.push({ text: "REGEXP", kind: "op" });
      return i + 1;
    }
    if (token.type === "word" || token.type === "quoted") {
      const afterDot = isSymbol(this.prev(i), ".");
      if (!afterDot) {
        const chain = this.chain(i, end);
        if (chain) {
          pieces.push({ text: chain.text, kind: "primary" });
          return chain.next;
        }
      }
      if (token.type === "word" && !afterDot) {
        const special = this.word(i, end);
        if (special) {
          pieces.push({ text: special.text, kind: "primary" });
          return special.next;
        }
      }
      pieces.push({ text: token.text, kind: token.type === "word" ? "word" : "primary" });
      return i + 1;
    }
    pieces.push({ text: token.text, kind: token.type === "symbol" ? "op" : "primary" });
    return i + 1;
  }
  /** A parenthesised group; a preceding bare word makes it a call, kept as one piece. */
  group(open, end, pieces) {
    const close = this.matchParen(open, end);
    const closed = close < end;
    const innerEnd = closed ? close : end;
    const last = lastSignificant(pieces);
    const isCall = last >= 0 && pieces[last].kind === "word" && !NOT_CALLS.has(pieces[last].text.toUpperCase());
    const fn = isCall ? this.t[this.prevIndex(open)].value.toUpperCase() : "";
    const cast = fn === "CAST" || fn === "TRY_CAST" ? this.cast(open + 1, innerEnd) : void 0;
    const name = isCall ? pieces.splice(last).map((p) => p.text).join("") : "";
    if (cast) {
      pieces.push({ text: cast, kind: "primary" });
    } else {
      const inner = this.unitArgument(fn, open + 1, innerEnd) ?? this.range(open + 1, innerEnd);
      const call = `${RENAMED[fn] ?? name}(${inner}${closed ? ")" : ""}`;
      const fallback = INTEGER_RESULT.has(fn) ? `CAST(${call} AS INTEGER)` : call;
      const lower = fn.toLowerCase();
      const fast = closed && Object.hasOwn(SPARK_SCALARS, lower) ? optimiseCall({ fn: lower, args: splitArguments(inner), fallback, integerResult: INTEGER_RESULT.has(fn) }) : void 0;
      pieces.push({ text: fast ?? fallback, kind: "primary" });
    }
    return closed ? close + 1 : end;
  }
  /** dateadd(day, 1, x) and friends: a bare unit word as first argument becomes a string. */
  unitArgument(fn, start, end) {
    if (!UNIT_ARG_FUNCTIONS.has(fn)) return void 0;
    const args = this.significantIndexes(start, end);
    const unit = this.t[args[0]];
    if (args.length < 2 || unit.type !== "word" || !UNITS.has(unit.value.toUpperCase()) || !isSymbol(this.t[args[1]], ","))
      return void 0;
    return `${this.range(start, args[0])}${quoteString(unit.value.toLowerCase())}${this.range(args[0] + 1, end)}`;
  }
  /** CAST(expr AS type) / TRY_CAST(...), given the tokens inside the parens. */
  cast(start, end) {
    const args = this.significantIndexes(start, end);
    let depth = 0;
    let asAt = -1;
    for (const k of args) {
      if (isSymbol(this.t[k], "(")) depth++;
      else if (isSymbol(this.t[k], ")")) depth--;
      else if (depth === 0 && isWord(this.t[k], "AS")) asAt = k;
    }
    if (asAt < 0) return void 0;
    const typeToken = this.t[args[args.indexOf(asAt) + 1]];
    if (!typeToken || typeToken.type !== "word") return void 0;
    return castExpression(this.range(start, asAt).trim(), typeToken.value);
  }
  /** `operand::type`, Spark's shorthand cast. */
  colonCast(i, end, pieces) {
    const typeAt = this.nextIndex(i, end);
    const last = lastSignificant(pieces);
    if (typeAt >= end || !isWord(this.t[typeAt]) || last < 0 || pieces[last].kind === "op") return void 0;
    const operand = pieces.slice(last).map((p) => p.text).join("").trim();
    const text = castExpression(operand, this.t[typeAt].value);
    if (!text) return void 0;
    pieces.splice(last, pieces.length - last, { text, kind: "primary" });
    const after = this.nextIndex(typeAt, end);
    return after < end && isSymbol(this.t[after], "(") ? Math.min(this.matchParen(after, end) + 1, end) : typeAt + 1;
  }
  /** `a [NOT] ILIKE b` -> `[NOT] ilike(a, b)`: SQLite's LIKE is case-sensitive here, as Spark's is. */
  ilike(i, end, pieces) {
    const notAt = lastSignificant(pieces);
    const negate = notAt >= 0 && pieces[notAt].kind === "word" && pieces[notAt].text.toUpperCase() === "NOT";
    const leftAt = negate ? lastSignificant(pieces.slice(0, notAt)) : notAt;
    const rightAt = this.nextIndex(i, end);
    if (leftAt < 0 || pieces[leftAt].kind === "op" || rightAt >= end) return void 0;
    const left = pieces[leftAt].text;
    pieces.splice(leftAt);
    const right = [];
    const next = this.step(rightAt, end, right);
    pieces.push({
      text: `${negate ? "NOT " : ""}ilike(${left}, ${right.map((p) => p.text).join("")})`,
      kind: "primary"
    });
    return next;
  }
  /** `operand +/- INTERVAL n unit` -> spark_interval_add(operand, +/-n, 'unit'). */
  interval(opIndex, end, pieces) {
    const sign = isSymbol(this.t[opIndex], "-") ? -1 : 1;
    const args = this.significantIndexes(opIndex + 1, end);
    let k = 1;
    let negative = false;
    if (isSymbol(this.t[args[k]], "-")) {
      negative = true;
      k++;
    }
    const amountToken = this.t[args[k]];
    if (!amountToken) return void 0;
    let amount;
    let unit;
    let next;
    if (amountToken.type === "string" && /^\s*-?\d+(\.\d+)?\s+[A-Za-z]+\s*$/.test(amountToken.value)) {
      const [n, u] = amountToken.value.trim().split(/\s+/);
      amount = Number(n);
      unit = u;
      next = args[k] + 1;
    } else if (amountToken.type === "number" || amountToken.type === "string") {
      const unitToken = this.t[args[k + 1]];
      if (!isWord(unitToken) || !UNITS.has(unitToken.value.toUpperCase())) return void 0;
      amount = Number(amountToken.value);
      unit = unitToken.value;
      next = args[k + 1] + 1;
    } else {
      return void 0;
    }
    if (!Number.isFinite(amount) || !UNITS.has(unit.toUpperCase())) return void 0;
    const last = lastSignificant(pieces);
    if (last < 0 || pieces[last].kind === "op") return void 0;
    const operand = pieces.splice(last).map((p) => p.text).join("").trim();
    const signed = sign * (negative ? -1 : 1) * amount;
    pieces.push({
      text: `spark_interval_add(${operand}, ${signed}, ${quoteString(unit.toLowerCase())})`,
      kind: "primary"
    });
    return next;
  }
  /** Clock functions and DATE/TIMESTAMP literals. */
  word(i, end) {
    const upper = this.t[i].value.toUpperCase();
    const n = this.nextIndex(i, end);
    const clock = CLOCK_DATE.has(upper) ? this.clockDate : CLOCK_TIMESTAMP.has(upper) ? this.clockTimestamp : void 0;
    if (clock) {
      const bareAllowed = upper === "CURRENT_DATE" || upper === "CURRENT_TIMESTAMP" || upper === "LOCALTIMESTAMP";
      if (n < end && isSymbol(this.t[n], "(")) {
        const close = this.nextIndex(n, end);
        if (close < end && isSymbol(this.t[close], ")")) return { text: clock, next: close + 1 };
      }
      return bareAllowed ? { text: clock, next: i + 1 } : void 0;
    }
    if ((upper === "DATE" || upper === "TIMESTAMP") && n < end && this.t[n].type === "string") {
      return { text: this.t[n].text, next: n + 1 };
    }
    if (upper === "EXTRACT" && n < end && isSymbol(this.t[n], "(")) {
      const close = this.matchParen(n, end);
      const args = this.significantIndexes(n + 1, Math.min(close, end));
      if (args.length >= 3 && this.t[args[0]].type === "word" && isWord(this.t[args[1]], "FROM")) {
        const inner = this.range(args[1] + 1, Math.min(close, end)).trim();
        const unit = quoteString(this.t[args[0]].value.toLowerCase());
        return { text: `CAST(date_part(${unit}, ${inner}) AS INTEGER)`, next: Math.min(close + 1, end) };
      }
    }
    return void 0;
  }
  /** A dotted name of two or more parts, rewritten when it names a table. */
  chain(i, end) {
    const parts = [];
    let k = i;
    let last = i;
    for (; ; ) {
      const token = this.t[k];
      if (!token || token.type !== "word" && token.type !== "quoted") break;
      parts.push(token.value);
      last = k;
      const dot = this.nextIndex(k, end);
      if (dot >= end || !isSymbol(this.t[dot], ".")) break;
      k = this.nextIndex(dot, end);
      if (k >= end) break;
    }
    if (parts.length < 2) return void 0;
    if (isSymbol(this.t[this.nextIndex(last, end)], "(")) return void 0;
    const { catalog, tables } = this.options;
    const known = (name) => tables?.has(name) === true;
    const threePart = parts.slice(0, 3).join(".").toLowerCase();
    const twoPart = catalog ? `${catalog}.${parts[0]}.${parts[1]}`.toLowerCase() : "";
    let table;
    let rest;
    if (parts.length >= 3 && known(threePart)) [table, rest] = [threePart, parts.slice(3)];
    else if (twoPart && known(twoPart)) [table, rest] = [twoPart, parts.slice(2)];
    else if (parts.length >= 3)
      [table, rest] = [threePart, parts.slice(3)];
    else
      return {
        text: this.t.slice(i, last + 1).map((t) => t.text).join(""),
        next: last + 1
      };
    return { text: quoteName(table) + rest.map((p) => `.${quoteName(p)}`).join(""), next: last + 1 };
  }
  matchParen(open, end) {
    let depth = 0;
    for (let k = open; k < end; k++) {
      if (isSymbol(this.t[k], "(")) depth++;
      else if (isSymbol(this.t[k], ")") && --depth === 0) return k;
    }
    return end;
  }
  significantIndexes(start, end) {
    const out = [];
    for (let k = start; k < end; k++) if (!isTrivia(this.t[k])) out.push(k);
    return out;
  }
  nextIndex(i, end) {
    let k = i + 1;
    while (k < end && isTrivia(this.t[k])) k++;
    return k;
  }
  next(i, end) {
    const k = this.nextIndex(i, end);
    return k < end ? this.t[k] : void 0;
  }
  prevIndex(i) {
    let k = i - 1;
    while (k >= 0 && isTrivia(this.t[k])) k--;
    return k;
  }
  prev(i) {
    const k = this.prevIndex(i);
    return k >= 0 ? this.t[k] : void 0;
  }
};
function lastSignificant(pieces) {
  for (let k = pieces.length - 1; k >= 0; k--) if (pieces[k].kind !== "trivia") return k;
  return -1;
}

// src/local/sqlite-types.ts
function databricksType(declared) {
  const t = declared.trim().toUpperCase();
  if (t === "") return "STRING";
  if (t.startsWith("BOOL")) return "BOOLEAN";
  if (t === "DATE") return "DATE";
  if (t.startsWith("TIMESTAMP") || t.startsWith("DATETIME")) return "TIMESTAMP";
  if (t.includes("INT")) return "BIGINT";
  if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) return "DECIMAL";
  if (t.includes("REAL") || t.includes("FLOA") || t.includes("DOUB")) return "DOUBLE";
  if (t.includes("BLOB") || t.includes("BINARY")) return "BINARY";
  return "STRING";
}

// src/util/seeded-random.ts
function splitmix32(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 2654435769 >>> 0;
    let z = state;
    z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
    z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
    return (z ^ z >>> 16) >>> 0;
  };
}
function hashString(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var SeededRandom = class _SeededRandom {
  constructor(seed = 1) {
    this.seed = seed;
    const init = splitmix32(typeof seed === "number" ? seed : hashString(seed));
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }
  seed;
  a;
  b;
  c;
  d;
  /** An independent stream for a named purpose; adding draws elsewhere does not shift it. */
  fork(label) {
    return new _SeededRandom(hashString(`${String(this.seed)}/${label}`));
  }
  nextUint32() {
    const t = (this.a + this.b >>> 0) + this.d >>> 0;
    this.d = this.d + 1 >>> 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) >>> 0;
    this.c = (this.c << 21 | this.c >>> 11) >>> 0;
    this.c = this.c + t >>> 0;
    return t;
  }
  /** Uniform in [0, 1). */
  next() {
    return this.nextUint32() / 4294967296;
  }
  /** Uniform integer in [min, max], both inclusive. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }
  /** One item: uniformly, or in proportion to `weights` (same length, non-negative). */
  pick(items, weights) {
    if (items.length === 0) throw new Error("pick from an empty list");
    if (!weights) return items[Math.floor(this.next() * items.length)];
    const total = weights.reduce((sum, w) => sum + w, 0);
    let target = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i];
      if (target < 0) return items[i];
    }
    return items[items.length - 1];
  }
  /**
   * An index drawn in proportion to weights given as running totals (`cumulative[i]` is the
   * sum of weights 0..i), using the first `count` entries. Binary search, for hot loops.
   */
  pickIndexCumulative(cumulative2, count = cumulative2.length) {
    const target = this.next() * cumulative2[count - 1];
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (cumulative2[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  /** One key of a `{ value: weight }` map, in proportion to its weight. */
  pickWeighted(weights) {
    const keys = Object.keys(weights);
    return this.pick(
      keys,
      keys.map((k) => weights[k])
    );
  }
  /** Standard normal variate (Box-Muller). */
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Poisson-distributed count with the given mean (Knuth; fine for small means). */
  poisson(mean) {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
  /** A shuffled copy. */
  shuffle(items) {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
};

// src/local/demo-catalog.ts
var DEMO_CHANNELS = [
  {
    id: 1,
    name: "general",
    category: "community",
    isPrivate: false,
    createdAt: "2023-03-01",
    weight: 20,
    reactions: 0.45,
    words: 1,
    replyRate: 0.45
  },
  {
    id: 2,
    name: "announcements",
    category: "community",
    isPrivate: false,
    createdAt: "2023-03-01",
    weight: 0,
    reactions: 4.5,
    words: 2.5,
    replyRate: 0.02
  },
  {
    id: 3,
    name: "help",
    category: "support",
    isPrivate: false,
    createdAt: "2023-03-15",
    weight: 12,
    reactions: 0.3,
    words: 1.4,
    replyRate: 0.62
  },
  {
    id: 4,
    name: "data-engineering",
    category: "engineering",
    isPrivate: false,
    createdAt: "2023-06-01",
    weight: 11,
    reactions: 0.35,
    words: 1.3,
    replyRate: 0.5
  },
  {
    id: 5,
    name: "ml-ops",
    category: "engineering",
    isPrivate: false,
    createdAt: "2024-02-10",
    weight: 7,
    reactions: 0.35,
    words: 1.25,
    replyRate: 0.48
  },
  {
    id: 6,
    name: "random",
    category: "social",
    isPrivate: false,
    createdAt: "2023-03-01",
    weight: 9,
    reactions: 0.6,
    words: 0.6,
    replyRate: 0.38
  },
  {
    id: 7,
    name: "jobs",
    category: "community",
    isPrivate: false,
    createdAt: "2024-05-20",
    weight: 3,
    reactions: 0.5,
    words: 1.6,
    replyRate: 0.25
  },
  {
    id: 8,
    name: "events",
    category: "community",
    isPrivate: false,
    createdAt: "2024-09-02",
    weight: 3,
    reactions: 1.2,
    words: 1.2,
    replyRate: 0.3
  },
  {
    id: 9,
    name: "korea",
    category: "social",
    isPrivate: false,
    createdAt: "2025-01-15",
    weight: 0.2,
    reactions: 0.55,
    words: 0.9,
    replyRate: 0.5
  },
  {
    id: 10,
    name: "dashboards",
    category: "engineering",
    isPrivate: false,
    createdAt: "2025-04-07",
    weight: 5,
    reactions: 0.4,
    words: 1.1,
    replyRate: 0.45
  },
  {
    id: 11,
    name: "sql-tips",
    category: "support",
    isPrivate: false,
    createdAt: "2024-12-03",
    weight: 6,
    reactions: 0.7,
    words: 1.15,
    replyRate: 0.4
  },
  {
    id: 12,
    name: "feedback",
    category: "support",
    isPrivate: false,
    createdAt: "2025-06-16",
    weight: 2.5,
    reactions: 0.5,
    words: 1.3,
    replyRate: 0.35
  },
  {
    id: 13,
    name: "moderators",
    category: "community",
    isPrivate: true,
    createdAt: "2023-04-01",
    weight: 0,
    reactions: 0.3,
    words: 1,
    replyRate: 0.5
  },
  {
    id: 14,
    name: "beta-testers",
    category: "engineering",
    isPrivate: true,
    createdAt: "2025-09-01",
    weight: 0,
    reactions: 0.4,
    words: 1.2,
    replyRate: 0.45
  }
];
var CHANNEL = {
  announcements: 2,
  events: 8,
  korea: 9,
  moderators: 13,
  betaTesters: 14
};
var COUNTRY_WEIGHTS = { US: 30, KR: 18, IN: 14, DE: 8, GB: 8, JP: 8, BR: 8, FR: 6 };
var PLAN_WEIGHTS = { free: 70, pro: 22, enterprise: 8 };
var PLAN_ACTIVITY = { free: 1, pro: 1.5, enterprise: 1.9 };
var EMOJI_WEIGHTS = {
  thumbsup: 34,
  heart: 19,
  laugh: 12,
  eyes: 10,
  rocket: 10,
  tada: 8,
  pray: 4,
  fire: 3
};
var HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 5, 8, 10, 11, 11, 10, 11, 12, 12, 11, 9, 7, 6, 5, 4, 3, 2];
var EVENT_MONTHS = /* @__PURE__ */ new Set(["2025-06", "2026-06", "2025-11"]);
var NAMES = {
  US: {
    first: [
      "James",
      "Emily",
      "Michael",
      "Olivia",
      "Daniel",
      "Sophia",
      "Ryan",
      "Ava",
      "Ethan",
      "Chloe",
      "Jacob",
      "Grace",
      "Tyler",
      "Hannah",
      "Noah",
      "Madison",
      "Logan",
      "Abigail",
      "Mason",
      "Ella"
    ],
    last: [
      "Smith",
      "Johnson",
      "Brown",
      "Miller",
      "Davis",
      "Wilson",
      "Moore",
      "Taylor",
      "Anderson",
      "Thomas",
      "Clark",
      "Lewis",
      "Walker",
      "Young",
      "Allen",
      "Wright"
    ]
  },
  KR: {
    first: [
      "Minji",
      "Jisoo",
      "Seojun",
      "Hayoon",
      "Jiho",
      "Yuna",
      "Dohyun",
      "Seoyeon",
      "Junwoo",
      "Subin",
      "Hyunwoo",
      "Eunji",
      "Taeyang",
      "Soyeon",
      "Jaemin",
      "Dahye"
    ],
    last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]
  },
  IN: {
    first: [
      "Aarav",
      "Priya",
      "Vihaan",
      "Ananya",
      "Arjun",
      "Diya",
      "Rohan",
      "Isha",
      "Karan",
      "Neha",
      "Aditya",
      "Kavya",
      "Rahul",
      "Pooja"
    ],
    last: ["Sharma", "Patel", "Reddy", "Iyer", "Gupta", "Nair", "Singh", "Rao", "Mehta", "Das", "Joshi", "Kumar"]
  },
  DE: {
    first: ["Lukas", "Anna", "Felix", "Lena", "Jonas", "Marie", "Leon", "Sophie", "Paul", "Laura", "Max", "Clara"],
    last: ["M\xFCller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch"]
  },
  GB: {
    first: [
      "Oliver",
      "Amelia",
      "Harry",
      "Isla",
      "George",
      "Poppy",
      "Jack",
      "Freya",
      "Charlie",
      "Evie",
      "Alfie",
      "Millie"
    ],
    last: ["Jones", "Evans", "Roberts", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Cooper"]
  },
  JP: {
    first: ["Haruto", "Yui", "Sota", "Hina", "Riku", "Aoi", "Yuto", "Mei", "Kaito", "Sakura", "Ren", "Yuna"],
    last: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"]
  },
  BR: {
    first: [
      "Gabriel",
      "Julia",
      "Lucas",
      "Beatriz",
      "Mateus",
      "Larissa",
      "Rafael",
      "Camila",
      "Pedro",
      "Mariana",
      "Thiago",
      "Fernanda"
    ],
    last: ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Almeida", "Ferreira", "Rocha"]
  },
  FR: {
    first: ["Louis", "Camille", "Hugo", "Manon", "Arthur", "L\xE9a", "Jules", "Chlo\xE9", "Nathan", "In\xE8s", "Th\xE9o", "Zo\xE9"],
    last: ["Martin", "Bernard", "Dubois", "Durand", "Leroy", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre"]
  }
};

// src/local/demo-schema.ts
var DEMO_TABLES = ["channels", "members", "messages", "reactions", "daily_channel_stats"];
var DEFINITIONS = {
  channels: {
    columns: [
      ["channel_id", "INTEGER PRIMARY KEY"],
      ["channel_name", "TEXT NOT NULL"],
      ["category", "TEXT NOT NULL"],
      ["is_private", "INTEGER NOT NULL"],
      ["created_at", "DATE NOT NULL"]
    ]
  },
  members: {
    columns: [
      ["member_id", "INTEGER PRIMARY KEY"],
      ["display_name", "TEXT NOT NULL"],
      ["country_code", "TEXT NOT NULL"],
      ["plan", "TEXT NOT NULL"],
      ["joined_at", "DATE NOT NULL"]
    ]
  },
  messages: {
    columns: [
      ["message_id", "INTEGER PRIMARY KEY"],
      ["channel_id", "INTEGER NOT NULL"],
      ["member_id", "INTEGER NOT NULL"],
      ["sent_at", "TIMESTAMP NOT NULL"],
      ["word_count", "INTEGER NOT NULL"],
      ["is_reply", "INTEGER NOT NULL"]
    ]
  },
  reactions: {
    columns: [
      ["reaction_id", "INTEGER PRIMARY KEY"],
      ["message_id", "INTEGER NOT NULL"],
      ["member_id", "INTEGER NOT NULL"],
      ["emoji", "TEXT NOT NULL"],
      ["reacted_at", "TIMESTAMP NOT NULL"]
    ]
  },
  daily_channel_stats: {
    columns: [
      ["stat_date", "DATE NOT NULL"],
      ["channel_id", "INTEGER NOT NULL"],
      ["active_members", "INTEGER NOT NULL"],
      ["messages_count", "INTEGER NOT NULL"],
      ["new_joins", "INTEGER NOT NULL"]
    ],
    constraints: "PRIMARY KEY (stat_date, channel_id)"
  }
};
var fullName = (catalog, schema, table) => `${catalog}.${schema}.${table}`;
function demoCreateTables(catalog, schema) {
  return DEMO_TABLES.map((name) => {
    const { columns, constraints } = DEFINITIONS[name];
    const parts = [
      ...columns.map(([column, declared]) => `${column} ${declared}`),
      ...constraints ? [constraints] : []
    ];
    return `CREATE TABLE ${quoteIdentifier(fullName(catalog, schema, name))} (${parts.join(", ")});`;
  }).join("\n");
}
function demoSchemaTables(catalog, schema) {
  return DEMO_TABLES.map((name) => ({
    identifier: fullName(catalog, schema, name).toLowerCase(),
    columns: DEFINITIONS[name].columns.map(([column, declared]) => ({
      name: column,
      type: databricksType(declared.split(" ")[0])
    }))
  })).sort((a, b) => a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0);
}

// src/local/demo-data.ts
var DEMO_SEED = 20261101;
var DEMO_AS_OF = "2026-11-01";
var DAY_MS3 = 864e5;
var FIRST = Date.UTC(2024, 10, 1);
var DAYS = 730;
var MEMBER_COUNT = 2e3;
var BASE_PER_DAY = 37;
function createBareViews(db, catalog, schema) {
  for (const name of DEMO_TABLES)
    db.exec(`CREATE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${quoteIdentifier(`${catalog}.${schema}.${name}`)}`);
}
function generateDemoData(db, options = {}) {
  const catalog = options.catalog ?? "main";
  const schema = options.schema ?? "community";
  if (options.rows === false) {
    db.exec(demoCreateTables(catalog, schema));
    createBareViews(db, catalog, schema);
    return Object.fromEntries(DEMO_TABLES.map((name) => [name, 0]));
  }
  const rng = new SeededRandom(options.seed ?? DEMO_SEED);
  const members = makeMembers(rng.fork("members"));
  const messages = makeMessages(rng.fork("messages"), members);
  const reactions = makeReactions(rng.fork("reactions"), members, messages);
  const stats = makeStats(rng.fork("stats"), messages, reactions);
  const table = (name) => quoteIdentifier(`${catalog}.${schema}.${name}`);
  db.exec(demoCreateTables(catalog, schema));
  db.exec("BEGIN");
  insertAll(db, table("channels"), DEMO_CHANNELS, (c) => [c.id, c.name, c.category, c.isPrivate ? 1 : 0, c.createdAt]);
  insertAll(db, table("members"), members, (m) => [m.id, m.name, m.country, m.plan, formatDate(m.joinedMs)]);
  insertAll(db, table("messages"), messages, (m) => [
    m.id,
    m.channel,
    m.member,
    stamp(m.sentMs),
    m.words,
    m.reply ? 1 : 0
  ]);
  insertAll(db, table("reactions"), reactions, (r, i) => [i + 1, r.message, r.member, r.emoji, stamp(r.atMs)]);
  insertAll(db, table("daily_channel_stats"), stats, (row) => row);
  db.exec("COMMIT");
  const indexes = [
    ["messages", "member_id"],
    ["messages", "channel_id"],
    ["messages", "sent_at"],
    ["reactions", "message_id"],
    ["reactions", "member_id"],
    ["reactions", "reacted_at"],
    ["members", "joined_at"],
    ["daily_channel_stats", "channel_id"]
  ];
  for (const [name, column] of indexes) {
    db.exec(
      `CREATE INDEX ${quoteIdentifier(`${catalog}.${schema}.${name}_by_${column}`)} ON ${table(name)} (${column})`
    );
  }
  db.exec("ANALYZE");
  createBareViews(db, catalog, schema);
  return {
    channels: DEMO_CHANNELS.length,
    members: members.length,
    messages: messages.length,
    reactions: reactions.length,
    daily_channel_stats: stats.length
  };
}
function insertAll(db, table, items, toRow) {
  if (items.length === 0) return;
  const columns = toRow(items[0], 0).length;
  const batch = 100;
  const tuple = `(${Array(columns).fill("?").join(",")})`;
  const sqlFor = (n) => `INSERT INTO ${table} VALUES ${Array(n).fill(tuple).join(",")}`;
  const fill = (from, count, params2) => {
    for (let r = 0; r < count; r++) {
      const row = toRow(items[from + r], from + r);
      for (let c = 0; c < columns; c++) params2[r * columns + c] = row[c];
    }
    return params2;
  };
  const full = db.prepare(sqlFor(batch));
  const params = new Array(batch * columns);
  try {
    let i = 0;
    for (; i + batch <= items.length; i += batch) full.run(fill(i, batch, params));
    const rest = items.length - i;
    if (rest > 0) db.run(sqlFor(rest), fill(i, rest, new Array(rest * columns)));
  } finally {
    full.free();
  }
}
var TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
var DAY_TEXT = [];
function stamp(ms) {
  const day = Math.floor((ms - FIRST) / DAY_MS3);
  if (day < 0 || day > DAYS) return formatTimestamp(ms);
  const date = DAY_TEXT[day] ??= formatDate(FIRST + day * DAY_MS3);
  const seconds = Math.floor((ms - FIRST - day * DAY_MS3) / 1e3);
  return `${date} ${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
}
var channelById = new Map(DEMO_CHANNELS.map((c) => [c.id, c]));
var CREATED_MS = new Map(DEMO_CHANNELS.map((c) => [c.id, Date.parse(`${c.createdAt}T00:00:00Z`)]));
var createdMs = (c) => CREATED_MS.get(c.id);
var HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);
function cumulative(weights) {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => out[i] = sum += w);
  return out;
}
function makeMembers(rng) {
  const seen = /* @__PURE__ */ new Set();
  const drafts = Array.from({ length: MEMBER_COUNT }, (_, index) => {
    const country = rng.pickWeighted(COUNTRY_WEIGHTS);
    const plan = rng.pickWeighted(PLAN_WEIGHTS);
    const joinedDay = rng.chance(0.25) ? -rng.int(1, 610) : Math.floor(Math.sqrt(rng.next()) * DAYS);
    const lurker = rng.chance(0.35);
    const activity = lurker ? 0 : Math.exp(1.25 * rng.normal()) * PLAN_ACTIVITY[plan];
    const favourite = rng.pick(
      DEMO_CHANNELS,
      DEMO_CHANNELS.map((c) => c.weight)
    ).id;
    return {
      index,
      country,
      plan,
      joinedMs: FIRST + joinedDay * DAY_MS3,
      activity,
      favourite,
      name: uniqueName(rng, country, seen)
    };
  });
  drafts.sort((a, b) => a.joinedMs - b.joinedMs || a.index - b.index);
  const members = drafts.map((d, i) => ({ ...d, id: i + 1, moderator: false }));
  const veterans = members.filter((m) => m.joinedMs < FIRST).sort((a, b) => b.activity - a.activity || a.id - b.id);
  for (const m of veterans.slice(0, 12)) m.moderator = true;
  return members;
}
function uniqueName(rng, country, seen) {
  const { first, last } = NAMES[country];
  const given = rng.pick(first);
  const family = rng.pick(last);
  let name = `${given} ${family}`;
  for (let k = 0; seen.has(name); k++) {
    const initial = String.fromCharCode(65 + k % 26);
    name = k < 26 ? `${given} ${initial}. ${family}` : `${given} ${family} ${k - 24}`;
  }
  seen.add(name);
  return name;
}
function dayFactor(dayMs) {
  const date = new Date(dayMs);
  const weekday = date.getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.42 : weekday === 5 ? 0.85 : 1;
  const month = formatDate(dayMs).slice(0, 7);
  const holidays = date.getUTCMonth() === 11 && date.getUTCDate() >= 20 || date.getUTCMonth() === 0 && date.getUTCDate() <= 3 ? 0.55 : 1;
  const event = EVENT_MONTHS.has(month) ? 1.15 : 1;
  return weekend * holidays * event;
}
function activityPrefix(members) {
  return cumulative(members.map((m) => m.activity));
}
function channelWeights(cache, member, open, eventMonth) {
  const key = `${member.id}/${open.length}/${eventMonth ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const weights = open.map((c) => {
    let w = c.weight;
    if (c.id === CHANNEL.korea) w = member.country === "KR" ? 60 : 0.25;
    else if (member.country === "KR") w *= 0.55;
    if (c.id === CHANNEL.announcements || c.id === CHANNEL.moderators) w = member.moderator ? 5 : 0;
    if (c.id === CHANNEL.betaTesters) w = member.plan === "free" ? 0 : 3;
    if (c.id === CHANNEL.events && eventMonth) w *= 5;
    if (c.id === member.favourite) w *= 4;
    return w;
  });
  const result = cumulative(weights);
  cache.set(key, result);
  return result;
}
function makeMessages(rng, members) {
  const prefix = activityPrefix(members);
  const moderators = members.filter((m) => m.moderator);
  const preferences = /* @__PURE__ */ new Map();
  const messages = [];
  let joined = 0;
  for (let day = 0; day < DAYS; day++) {
    const dayMs = FIRST + day * DAY_MS3;
    while (joined < members.length && members[joined].joinedMs <= dayMs) joined++;
    const eventMonth = EVENT_MONTHS.has(formatDate(dayMs).slice(0, 7));
    const mean = BASE_PER_DAY * (1 + 1.2 * day / DAYS) * dayFactor(dayMs);
    const open = DEMO_CHANNELS.filter((c) => createdMs(c) <= dayMs);
    const today = [];
    for (let n = rng.poisson(mean); n > 0; n--) {
      const member = members[rng.pickIndexCumulative(prefix, joined)];
      const channel = open[rng.pickIndexCumulative(channelWeights(preferences, member, open, eventMonth))];
      const hour = rng.pickIndexCumulative(HOUR_CUMULATIVE);
      const sentMs = dayMs + hour * 36e5 + rng.int(0, 3599) * 1e3;
      const words = Math.max(1, Math.min(400, Math.round(Math.exp(2.6 + 0.8 * rng.normal()) * channel.words)));
      today.push({
        id: 0,
        channel: channel.id,
        member: member.id,
        sentMs,
        words,
        reply: rng.chance(channel.replyRate)
      });
    }
    if (new Date(dayMs).getUTCDay() === 2 || eventMonth && rng.chance(0.3)) {
      today.push({
        id: 0,
        channel: CHANNEL.announcements,
        member: rng.pick(moderators).id,
        sentMs: dayMs + 15 * 36e5 + rng.int(0, 3599) * 1e3,
        words: rng.int(40, 220),
        reply: false
      });
    }
    today.sort((a, b) => a.sentMs - b.sentMs || a.member - b.member);
    for (const m of today) {
      m.id = messages.length + 1;
      messages.push(m);
    }
  }
  return messages;
}
function makeReactions(rng, members, messages) {
  const prefix = activityPrefix(members);
  const end = FIRST + DAYS * DAY_MS3;
  const reactions = [];
  let joined = 0;
  for (const message of messages) {
    while (joined < members.length && members[joined].joinedMs <= message.sentMs) joined++;
    const channel = channelById.get(message.channel);
    const mean = channel.reactions * (message.reply ? 0.45 : 1) * (message.words > 60 ? 1.3 : 1);
    const given = /* @__PURE__ */ new Set();
    for (let n = rng.poisson(mean); n > 0; n--) {
      const member = members[rng.pickIndexCumulative(prefix, joined)].id;
      const emoji = rng.pickWeighted(EMOJI_WEIGHTS);
      const key = `${member}/${emoji}`;
      if (member === message.member || given.has(key)) continue;
      given.add(key);
      const atMs = message.sentMs + Math.round(Math.exp(5.5 + 1.6 * rng.normal())) * 1e3;
      if (atMs < end) reactions.push({ message: message.id, member, emoji, atMs });
    }
  }
  reactions.sort((a, b) => a.atMs - b.atMs || a.message - b.message || a.member - b.member);
  return reactions;
}
function makeStats(rng, messages, reactions) {
  const key = (channel, dayMs) => `${channel}/${Math.floor((dayMs - FIRST) / DAY_MS3)}`;
  const counts = /* @__PURE__ */ new Map();
  const active = /* @__PURE__ */ new Map();
  const touch = (k, member) => {
    let set = active.get(k);
    if (!set) active.set(k, set = /* @__PURE__ */ new Set());
    set.add(member);
  };
  const channelOfMessage = /* @__PURE__ */ new Map();
  for (const m of messages) {
    const k = key(m.channel, m.sentMs);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    touch(k, m.member);
    channelOfMessage.set(m.id, m.channel);
  }
  for (const r of reactions) touch(key(channelOfMessage.get(r.message), r.atMs), r.member);
  const rows = [];
  for (let day = 0; day < DAYS; day++) {
    const dayMs = FIRST + day * DAY_MS3;
    for (const channel of DEMO_CHANNELS) {
      const opened = createdMs(channel);
      if (opened > dayMs) continue;
      const k = key(channel.id, dayMs);
      const growth = 1 + 1.2 * day / DAYS;
      const launch = opened === dayMs ? rng.poisson(30) : 0;
      const joins = launch + rng.poisson(0.12 * Math.max(channel.weight, 1) * growth * dayFactor(dayMs));
      rows.push([formatDate(dayMs), channel.id, active.get(k)?.size ?? 0, counts.get(k) ?? 0, joins]);
    }
  }
  return rows;
}

export {
  hashString,
  mulberry32,
  registerSparkFunctions,
  quoteIdentifier,
  rewriteForSqlite,
  databricksType,
  demoSchemaTables,
  DEMO_SEED,
  DEMO_AS_OF,
  generateDemoData
};
