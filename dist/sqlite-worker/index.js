import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 308:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ diffUnits),
/* harmony export */   $_: () => (/* binding */ normaliseUnit),
/* harmony export */   Ey: () => (/* binding */ formatTimestamp),
/* harmony export */   PS: () => (/* binding */ addMonths),
/* harmony export */   Yq: () => (/* binding */ formatDate),
/* harmony export */   _U: () => (/* binding */ parseDate),
/* harmony export */   _V: () => (/* binding */ addUnit),
/* harmony export */   a0: () => (/* binding */ formatPattern),
/* harmony export */   ed: () => (/* binding */ isoWeek),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   z$: () => (/* binding */ diffDays)
/* harmony export */ });
/**
 * Date arithmetic on ISO text, the way Spark's date functions behave. Dates are
 * 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS'; all math is in UTC so the local
 * time zone of the machine never changes a result.
 */
const DAY_MS = 86_400_000;
const ISO = /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;
/** Parses a date or timestamp; null for null or anything that is not one. */
function parseDate(value) {
    if (value === null || value === undefined)
        return null;
    const text = String(value);
    const m = ISO.exec(text) ?? COMPACT.exec(text);
    if (!m)
        return null;
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3] ?? '1', m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return null;
    const ms = Date.UTC(year, month - 1, day, hour, minute, second);
    // Reject 2026-02-30 and the like instead of rolling over.
    if (new Date(ms).getUTCDate() !== day)
        return null;
    return { ms, hasTime: m[4] !== undefined };
}
const pad = (n, width = 2) => String(n).padStart(width, '0');
function formatDate(ms) {
    const d = new Date(ms);
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function formatTimestamp(ms) {
    const d = new Date(ms);
    return `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
/** Canonical unit name for the many spellings Spark accepts. */
function normaliseUnit(unit) {
    const u = String(unit ?? '')
        .trim()
        .toLowerCase()
        .replace(/s$/, '');
    const aliases = {
        year: 'year',
        yyyy: 'year',
        yy: 'year',
        y: 'year',
        quarter: 'quarter',
        q: 'quarter',
        qq: 'quarter',
        month: 'month',
        mon: 'month',
        mm: 'month',
        week: 'week',
        wk: 'week',
        w: 'week',
        day: 'day',
        dd: 'day',
        d: 'day',
        dayofmonth: 'day',
        hour: 'hour',
        hh: 'hour',
        h: 'hour',
        minute: 'minute',
        mi: 'minute',
        min: 'minute',
        second: 'second',
        ss: 'second',
        sec: 'second',
    };
    return aliases[u] ?? null;
}
/** Adds months like Spark's add_months: the day clamps to the end of a shorter month. */
function addMonths(ms, months) {
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}
/** Adds an amount of a unit; fractional day/time amounts are allowed. */
function addUnit(ms, amount, unit) {
    switch (unit) {
        case 'year':
            return addMonths(ms, Math.trunc(amount) * 12);
        case 'quarter':
            return addMonths(ms, Math.trunc(amount) * 3);
        case 'month':
            return addMonths(ms, Math.trunc(amount));
        case 'week':
            return ms + amount * 7 * DAY_MS;
        case 'day':
            return ms + amount * DAY_MS;
        case 'hour':
            return ms + amount * 3_600_000;
        case 'minute':
            return ms + amount * 60_000;
        default:
            return ms + amount * 1000;
    }
}
/** Start of the unit containing `ms` (weeks start on Monday, as in Spark). */
function truncate(ms, unit) {
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const day = Date.UTC(y, m, d.getUTCDate());
    switch (unit) {
        case 'year':
            return Date.UTC(y, 0, 1);
        case 'quarter':
            return Date.UTC(y, m - (m % 3), 1);
        case 'month':
            return Date.UTC(y, m, 1);
        case 'week':
            return day - ((d.getUTCDay() + 6) % 7) * DAY_MS;
        case 'day':
            return day;
        case 'hour':
            return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours());
        case 'minute':
            return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
        default:
            return ms - (ms % 1000);
    }
}
/** Whole units between two instants (end - start), truncating toward zero like timestampdiff. */
function diffUnits(startMs, endMs, unit) {
    if (unit === 'year' || unit === 'quarter' || unit === 'month') {
        const a = new Date(startMs);
        const b = new Date(endMs);
        let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
        // Not a whole month yet when the end's day/time is before the start's.
        const restA = startMs - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1);
        const restB = endMs - Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 1);
        if (months > 0 && restB < restA)
            months--;
        if (months < 0 && restB > restA)
            months++;
        const per = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
        return Math.trunc(months / per);
    }
    const size = { week: 7 * DAY_MS, day: DAY_MS, hour: 3_600_000, minute: 60_000 }[unit] ?? 1000;
    return Math.trunc((endMs - startMs) / size);
}
/** Calendar days between the dates of two instants (Spark's datediff ignores the time). */
function diffDays(startMs, endMs) {
    return Math.round((truncate(endMs, 'day') - truncate(startMs, 'day')) / DAY_MS);
}
/** ISO-8601 week number (weeks start Monday; week 1 holds the first Thursday). */
function isoWeek(ms) {
    const day = truncate(ms, 'day');
    const weekday = (new Date(day).getUTCDay() + 6) % 7;
    const thursday = day + (3 - weekday) * DAY_MS;
    const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
    return Math.floor((thursday - yearStart) / (7 * DAY_MS)) + 1;
}
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Spark/Java datetime pattern subset: y, M, d, H, h, m, s, E, a, Q and 'quoted text'. */
function formatPattern(ms, pattern) {
    const d = new Date(ms);
    let out = '';
    for (let i = 0; i < pattern.length;) {
        const ch = pattern[i];
        if (ch === "'") {
            const close = pattern.indexOf("'", i + 1);
            const literal = pattern.slice(i + 1, close < 0 ? pattern.length : close);
            out += literal === '' ? "'" : literal;
            i = close < 0 ? pattern.length : close + 1;
            continue;
        }
        let n = 1;
        while (pattern[i + n] === ch)
            n++;
        i += n;
        const hour = d.getUTCHours();
        switch (ch) {
            case 'y':
                out += n === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), Math.max(n, 4));
                break;
            case 'M':
            case 'L':
                out +=
                    n >= 4
                        ? MONTHS[d.getUTCMonth()]
                        : n === 3
                            ? MONTHS[d.getUTCMonth()].slice(0, 3)
                            : pad(d.getUTCMonth() + 1, n);
                break;
            case 'd':
                out += pad(d.getUTCDate(), n);
                break;
            case 'D':
                out += pad(Math.floor((truncate(ms, 'day') - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, n);
                break;
            case 'Q':
                out += String(Math.floor(d.getUTCMonth() / 3) + 1);
                break;
            case 'H':
                out += pad(hour, n);
                break;
            case 'h':
                out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
                break;
            case 'm':
                out += pad(d.getUTCMinutes(), n);
                break;
            case 's':
                out += pad(d.getUTCSeconds(), n);
                break;
            case 'E':
                out += n >= 4 ? WEEKDAYS[d.getUTCDay()] : WEEKDAYS[d.getUTCDay()].slice(0, 3);
                break;
            case 'a':
                out += hour < 12 ? 'AM' : 'PM';
                break;
            default:
                out += ch.repeat(n);
        }
    }
    return out;
}


/***/ }),

/***/ 92:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ registerSparkFunctions)
/* harmony export */ });
/* unused harmony export SPARK_SCALARS */
/* harmony import */ var _spark_dates_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(308);

const DAY_MS = 86_400_000;
/** SQLite truthiness: NULL and 0 are false. */
function truthy(value) {
    if (value === null)
        return false;
    if (typeof value === 'string')
        return Number(value) !== 0 && value.trim() !== '';
    if (typeof value === 'number')
        return value !== 0;
    return value.length > 0;
}
function num(value) {
    if (value === null || value instanceof Uint8Array)
        return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
}
/** Keeps a date a date: time is added to the result only when the input or unit has one. */
function shapeLike(ms, hadTime, unit) {
    const timeUnit = unit === 'hour' || unit === 'minute' || unit === 'second';
    return hadTime || timeUnit ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTimestamp */ .Ey)(ms) : (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDate */ .Yq)(ms);
}
function dateFn(fn) {
    return (x) => {
        const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
        return p ? fn(p.ms) : null;
    };
}
function dateAdd(x, days) {
    const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
    const n = num(days);
    return p && n !== null ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDate */ .Yq)(p.ms + Math.trunc(n) * DAY_MS) : null;
}
function unitAdd(unitValue, amount, x) {
    const unit = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .normaliseUnit */ .$_)(unitValue);
    const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
    const n = num(amount);
    if (!unit || !p || n === null)
        return null;
    return shapeLike((0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .addUnit */ ._V)(p.ms, n, unit), p.hasTime, unit);
}
function unitDiff(unitValue, start, end) {
    const unit = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .normaliseUnit */ .$_)(unitValue);
    const a = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(start);
    const b = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(end);
    return unit && a && b ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .diffUnits */ .$J)(a.ms, b.ms, unit) : null;
}
function datePart(unitValue, x) {
    const raw = String(unitValue ?? '').toLowerCase();
    const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
    if (!p)
        return null;
    const d = new Date(p.ms);
    if (raw === 'dayofweek' || raw === 'dow')
        return d.getUTCDay() + 1;
    if (raw === 'doy' || raw === 'dayofyear')
        return Math.floor(((0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(p.ms, 'day') - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
    switch ((0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .normaliseUnit */ .$_)(raw)) {
        case 'year':
            return d.getUTCFullYear();
        case 'quarter':
            return Math.floor(d.getUTCMonth() / 3) + 1;
        case 'month':
            return d.getUTCMonth() + 1;
        case 'week':
            return (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .isoWeek */ .ed)(p.ms);
        case 'day':
            return d.getUTCDate();
        case 'hour':
            return d.getUTCHours();
        case 'minute':
            return d.getUTCMinutes();
        case 'second':
            return d.getUTCSeconds();
        default:
            return null;
    }
}
/** The Spark functions, by SQL name. Exported for tests and for the Genie engine's reference. */
const SPARK_SCALARS = {
    date_trunc: (unitValue, x) => {
        const unit = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .normaliseUnit */ .$_)(unitValue);
        const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
        if (!unit || !p)
            return null;
        const ms = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(p.ms, unit);
        return unit === 'hour' || unit === 'minute' || unit === 'second' ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTimestamp */ .Ey)(ms) : (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDate */ .Yq)(ms);
    },
    trunc: (x, unitValue) => {
        const unit = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .normaliseUnit */ .$_)(unitValue);
        const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
        return unit && p ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDate */ .Yq)((0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(p.ms, unit)) : null;
    },
    // date_add(d, n) or Databricks' three-argument date_add(unit, n, x)
    date_add: (...args) => (args.length >= 3 ? unitAdd(args[0], args[1], args[2]) : dateAdd(args[0], args[1])),
    dateadd: (...args) => (args.length >= 3 ? unitAdd(args[0], args[1], args[2]) : dateAdd(args[0], args[1])),
    timestampadd: (unit, amount, x) => unitAdd(unit, amount, x),
    date_sub: (x, days) => {
        const n = num(days);
        return n === null ? null : dateAdd(x, -n);
    },
    // datediff(end, start) or three-argument datediff(unit, start, end)
    datediff: (...args) => {
        if (args.length >= 3)
            return unitDiff(args[0], args[1], args[2]);
        const end = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(args[0]);
        const start = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(args[1]);
        return end && start ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .diffDays */ .z$)(start.ms, end.ms) : null;
    },
    date_diff: (...args) => SPARK_SCALARS.datediff(...args),
    timestampdiff: (unit, start, end) => unitDiff(unit, start, end),
    spark_interval_add: (x, amount, unitValue) => unitAdd(unitValue, amount, x),
    add_months: (x, months) => {
        const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
        const n = num(months);
        return p && n !== null ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDate */ .Yq)((0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .addMonths */ .PS)(p.ms, Math.trunc(n))) : null;
    },
    last_day: dateFn((ms) => (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDate */ .Yq)((0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .addMonths */ .PS)((0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(ms, 'month'), 1) - DAY_MS)),
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
    weekofyear: dateFn(_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .isoWeek */ .ed),
    dayofyear: (x) => datePart('doy', x),
    date_part: datePart,
    to_date: dateFn(_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDate */ .Yq),
    to_timestamp: dateFn(_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTimestamp */ .Ey),
    date_format: (x, pattern) => {
        const p = (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDate */ ._U)(x);
        return p && pattern !== null ? (0,_spark_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPattern */ .a0)(p.ms, String(pattern)) : null;
    },
    nvl: (a, b) => (a === null ? b : a),
    nvl2: (a, b, c) => (a === null ? c : b),
    if: (c, a, b) => (truthy(c) ? a : b),
    greatest: (...args) => pickNumberOrText(args, (x, y) => x > y),
    least: (...args) => pickNumberOrText(args, (x, y) => x < y),
    ilike: (value, pattern) => value === null || pattern === null ? null : likeRegex(String(pattern)).test(String(value)) ? 1 : 0,
    // SQLite runs `x REGEXP p` as regexp(p, x); Spark's RLIKE is a substring search.
    regexp: (pattern, value) => value === null || pattern === null ? null : cachedRegex(String(pattern), '').test(String(value)) ? 1 : 0,
    try_divide: (a, b) => {
        const x = num(a);
        const y = num(b);
        return x === null || y === null || y === 0 ? null : x / y;
    },
};
const regexCache = new Map();
function cachedRegex(source, flags) {
    const key = `${flags}/${source}`;
    let regex = regexCache.get(key);
    if (!regex) {
        if (regexCache.size > 500)
            regexCache.clear();
        regex = new RegExp(source, flags);
        regexCache.set(key, regex);
    }
    return regex;
}
/** A LIKE pattern (% and _, backslash escapes) as a case-insensitive anchored regex. */
function likeRegex(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '\\' && i + 1 < pattern.length)
            source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        else if (ch === '%')
            source += '[\\s\\S]*';
        else if (ch === '_')
            source += '[\\s\\S]';
        else
            source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    return cachedRegex(`^${source}$`, 'iu');
}
/** greatest/least skip NULLs (Spark) where SQLite's max/min would return NULL. */
function pickNumberOrText(args, better) {
    let best = null;
    for (const arg of args) {
        if (arg === null || arg instanceof Uint8Array)
            continue;
        if (best === null || better(arg, best))
            best = arg;
    }
    return best;
}
/** Argument counts of the functions that take a variable number (sql.js registers one per arity). */
const ARITIES = {
    date_add: [2, 3],
    dateadd: [2, 3],
    datediff: [2, 3],
    date_diff: [2, 3],
    to_date: [1, 2],
    to_timestamp: [1, 2],
    greatest: [2, 3, 4, 5, 6, 7, 8],
    least: [2, 3, 4, 5, 6, 7, 8],
};
/** sql.js takes the SQL argument count from `fn.length`, so give each registration the right one. */
function withArity(fn, arity) {
    const wrapped = (...args) => fn(...args);
    Object.defineProperty(wrapped, 'length', { value: arity });
    return wrapped;
}
/** Registers the Spark functions (and the count_if/any_value aggregates) on a database. */
function registerSparkFunctions(db, hooks = {}) {
    const target = db;
    const { beforeCall } = hooks;
    for (const [name, fn] of Object.entries(SPARK_SCALARS)) {
        const guarded = beforeCall ? (...args) => (beforeCall(), fn(...args)) : fn;
        for (const arity of ARITIES[name] ?? [fn.length])
            target.create_function(name, withArity(guarded, arity));
    }
    target.create_aggregate('count_if', {
        init: () => 0,
        step: (count, condition) => {
            beforeCall?.();
            return count + (truthy(condition) ? 1 : 0);
        },
        finalize: (count) => count,
    });
    target.create_aggregate('any_value', {
        init: () => ({ seen: false, value: null }),
        step: (state, value) => (state.seen ? state : { seen: true, value }),
        finalize: (state) => state.value,
    });
}


/***/ }),

/***/ 116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  xk: () => (/* binding */ prepareDatabase)
});

// UNUSED EXPORTS: PrepareError, databricksType

;// CONCATENATED MODULE: ./src/local/seeded-random.js
/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so the demo data and the
 * Genie engine's optional noise are reproducible: same seed, same sequence, on every
 * platform (only 32-bit integer math).
 */
function splitmix32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x9e3779b9) >>> 0;
        let z = state;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        return (z ^ (z >>> 16)) >>> 0;
    };
}
/** FNV-1a hash of a string, for deriving seeds from labels. */
function hashString(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
}
class SeededRandom {
    seed;
    a;
    b;
    c;
    d;
    constructor(seed = 1) {
        this.seed = seed;
        const init = splitmix32(typeof seed === 'number' ? seed : hashString(seed));
        this.a = init();
        this.b = init();
        this.c = init();
        this.d = init();
        for (let i = 0; i < 12; i++)
            this.nextUint32(); // warm up
    }
    /** An independent stream for a named purpose; adding draws elsewhere does not shift it. */
    fork(label) {
        return new SeededRandom(hashString(`${String(this.seed)}/${label}`));
    }
    nextUint32() {
        const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
        this.d = (this.d + 1) >>> 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) >>> 0;
        this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
        this.c = (this.c + t) >>> 0;
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
        if (items.length === 0)
            throw new Error('pick from an empty list');
        if (!weights)
            return items[Math.floor(this.next() * items.length)];
        const total = weights.reduce((sum, w) => sum + w, 0);
        let target = this.next() * total;
        for (let i = 0; i < items.length; i++) {
            target -= weights[i];
            if (target < 0)
                return items[i];
        }
        return items[items.length - 1];
    }
    /**
     * An index drawn in proportion to weights given as running totals (`cumulative[i]` is the
     * sum of weights 0..i), using the first `count` entries. Binary search, for hot loops.
     */
    pickIndexCumulative(cumulative, count = cumulative.length) {
        const target = this.next() * cumulative[count - 1];
        let lo = 0;
        let hi = count - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (cumulative[mid] > target)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }
    /** One key of a `{ value: weight }` map, in proportion to its weight. */
    pickWeighted(weights) {
        const keys = Object.keys(weights);
        return this.pick(keys, keys.map((k) => weights[k]));
    }
    /** Standard normal variate (Box-Muller). */
    normal() {
        const u = 1 - this.next();
        const v = this.next();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
    /** Poisson-distributed count with the given mean (Knuth; fine for small means). */
    poisson(mean) {
        if (mean <= 0)
            return 0;
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
}

// EXTERNAL MODULE: ./src/local/spark-dates.js
var spark_dates = __nccwpck_require__(308);
;// CONCATENATED MODULE: ./src/local/demo-catalog.js
/**
 * The fixed facts the demo dataset is generated from: channels, countries, plans,
 * names and the weights that shape activity. Kept apart from the generator so the
 * generator reads as an algorithm.
 */
const DEMO_CHANNELS = [
    {
        id: 1,
        name: 'general',
        category: 'community',
        isPrivate: false,
        createdAt: '2023-03-01',
        weight: 20,
        reactions: 0.45,
        words: 1,
        replyRate: 0.45,
    },
    {
        id: 2,
        name: 'announcements',
        category: 'community',
        isPrivate: false,
        createdAt: '2023-03-01',
        weight: 0,
        reactions: 4.5,
        words: 2.5,
        replyRate: 0.02,
    },
    {
        id: 3,
        name: 'help',
        category: 'support',
        isPrivate: false,
        createdAt: '2023-03-15',
        weight: 12,
        reactions: 0.3,
        words: 1.4,
        replyRate: 0.62,
    },
    {
        id: 4,
        name: 'data-engineering',
        category: 'engineering',
        isPrivate: false,
        createdAt: '2023-06-01',
        weight: 11,
        reactions: 0.35,
        words: 1.3,
        replyRate: 0.5,
    },
    {
        id: 5,
        name: 'ml-ops',
        category: 'engineering',
        isPrivate: false,
        createdAt: '2024-02-10',
        weight: 7,
        reactions: 0.35,
        words: 1.25,
        replyRate: 0.48,
    },
    {
        id: 6,
        name: 'random',
        category: 'social',
        isPrivate: false,
        createdAt: '2023-03-01',
        weight: 9,
        reactions: 0.6,
        words: 0.6,
        replyRate: 0.38,
    },
    {
        id: 7,
        name: 'jobs',
        category: 'community',
        isPrivate: false,
        createdAt: '2024-05-20',
        weight: 3,
        reactions: 0.5,
        words: 1.6,
        replyRate: 0.25,
    },
    {
        id: 8,
        name: 'events',
        category: 'community',
        isPrivate: false,
        createdAt: '2024-09-02',
        weight: 3,
        reactions: 1.2,
        words: 1.2,
        replyRate: 0.3,
    },
    {
        id: 9,
        name: 'korea',
        category: 'social',
        isPrivate: false,
        createdAt: '2025-01-15',
        weight: 0.2,
        reactions: 0.55,
        words: 0.9,
        replyRate: 0.5,
    },
    {
        id: 10,
        name: 'dashboards',
        category: 'engineering',
        isPrivate: false,
        createdAt: '2025-04-07',
        weight: 5,
        reactions: 0.4,
        words: 1.1,
        replyRate: 0.45,
    },
    {
        id: 11,
        name: 'sql-tips',
        category: 'support',
        isPrivate: false,
        createdAt: '2024-12-03',
        weight: 6,
        reactions: 0.7,
        words: 1.15,
        replyRate: 0.4,
    },
    {
        id: 12,
        name: 'feedback',
        category: 'support',
        isPrivate: false,
        createdAt: '2025-06-16',
        weight: 2.5,
        reactions: 0.5,
        words: 1.3,
        replyRate: 0.35,
    },
    {
        id: 13,
        name: 'moderators',
        category: 'community',
        isPrivate: true,
        createdAt: '2023-04-01',
        weight: 0,
        reactions: 0.3,
        words: 1,
        replyRate: 0.5,
    },
    {
        id: 14,
        name: 'beta-testers',
        category: 'engineering',
        isPrivate: true,
        createdAt: '2025-09-01',
        weight: 0,
        reactions: 0.4,
        words: 1.2,
        replyRate: 0.45,
    },
];
const CHANNEL = {
    announcements: 2,
    events: 8,
    korea: 9,
    moderators: 13,
    betaTesters: 14,
};
const COUNTRY_WEIGHTS = { US: 30, KR: 18, IN: 14, DE: 8, GB: 8, JP: 8, BR: 8, FR: 6 };
const PLAN_WEIGHTS = { free: 70, pro: 22, enterprise: 8 };
/** Paying members post more. */
const PLAN_ACTIVITY = { free: 1, pro: 1.5, enterprise: 1.9 };
const EMOJI_WEIGHTS = {
    thumbsup: 34,
    heart: 19,
    laugh: 12,
    eyes: 10,
    rocket: 10,
    tada: 8,
    pray: 4,
    fire: 3,
};
/** Share of messages by hour of day (UTC), a working-day curve with a long evening tail. */
const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 5, 8, 10, 11, 11, 10, 11, 12, 12, 11, 9, 7, 6, 5, 4, 3, 2];
/** Months with a conference, when #events and #announcements are busy. */
const EVENT_MONTHS = new Set(['2025-06', '2026-06', '2025-11']);
const NAMES = {
    US: {
        first: [
            'James',
            'Emily',
            'Michael',
            'Olivia',
            'Daniel',
            'Sophia',
            'Ryan',
            'Ava',
            'Ethan',
            'Chloe',
            'Jacob',
            'Grace',
            'Tyler',
            'Hannah',
            'Noah',
            'Madison',
            'Logan',
            'Abigail',
            'Mason',
            'Ella',
        ],
        last: [
            'Smith',
            'Johnson',
            'Brown',
            'Miller',
            'Davis',
            'Wilson',
            'Moore',
            'Taylor',
            'Anderson',
            'Thomas',
            'Clark',
            'Lewis',
            'Walker',
            'Young',
            'Allen',
            'Wright',
        ],
    },
    KR: {
        first: [
            'Minji',
            'Jisoo',
            'Seojun',
            'Hayoon',
            'Jiho',
            'Yuna',
            'Dohyun',
            'Seoyeon',
            'Junwoo',
            'Subin',
            'Hyunwoo',
            'Eunji',
            'Taeyang',
            'Soyeon',
            'Jaemin',
            'Dahye',
        ],
        last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'],
    },
    IN: {
        first: [
            'Aarav',
            'Priya',
            'Vihaan',
            'Ananya',
            'Arjun',
            'Diya',
            'Rohan',
            'Isha',
            'Karan',
            'Neha',
            'Aditya',
            'Kavya',
            'Rahul',
            'Pooja',
        ],
        last: ['Sharma', 'Patel', 'Reddy', 'Iyer', 'Gupta', 'Nair', 'Singh', 'Rao', 'Mehta', 'Das', 'Joshi', 'Kumar'],
    },
    DE: {
        first: ['Lukas', 'Anna', 'Felix', 'Lena', 'Jonas', 'Marie', 'Leon', 'Sophie', 'Paul', 'Laura', 'Max', 'Clara'],
        last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch'],
    },
    GB: {
        first: [
            'Oliver',
            'Amelia',
            'Harry',
            'Isla',
            'George',
            'Poppy',
            'Jack',
            'Freya',
            'Charlie',
            'Evie',
            'Alfie',
            'Millie',
        ],
        last: ['Jones', 'Evans', 'Roberts', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Cooper'],
    },
    JP: {
        first: ['Haruto', 'Yui', 'Sota', 'Hina', 'Riku', 'Aoi', 'Yuto', 'Mei', 'Kaito', 'Sakura', 'Ren', 'Yuna'],
        last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    },
    BR: {
        first: [
            'Gabriel',
            'Julia',
            'Lucas',
            'Beatriz',
            'Mateus',
            'Larissa',
            'Rafael',
            'Camila',
            'Pedro',
            'Mariana',
            'Thiago',
            'Fernanda',
        ],
        last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Almeida', 'Ferreira', 'Rocha'],
    },
    FR: {
        first: ['Louis', 'Camille', 'Hugo', 'Manon', 'Arthur', 'Léa', 'Jules', 'Chloé', 'Nathan', 'Inès', 'Théo', 'Zoé'],
        last: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Leroy', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefebvre'],
    },
};

;// CONCATENATED MODULE: ./src/sql/tokenize.js
/**
 * A small SQL tokenizer: enough to tell code from strings, quoted identifiers and
 * comments, which is all the SQL gate and the dialect rewriter need.
 *
 * Two lexical flavours, because the gate must agree exactly with whichever engine runs
 * the text (a comment or string that ends earlier in the engine than here would hide
 * code from the gate). They follow each engine's own lexer:
 * - `sqlite` (tokenize.c): `--` runs to `\n` only; block comments do not nest; strings
 *   are '...' with '' as the only escape; "...", `...` and [...] are identifiers.
 * - `spark` (SqlBaseLexer.g4): `--` ends at `\r` or `\n`, except that a backslash right
 *   before `\n` continues it; block comments nest, but `/*+` opens a hint (code, not a
 *   comment) and does not nest inside a comment; '...' and "..." are strings with
 *   backslash escapes; r'...' / R"..." are raw strings without escapes; `...` is an
 *   identifier; [ is only a bracket.
 */
const TWO_CHAR_SYMBOLS = new Set(['<=', '>=', '<>', '!=', '==', '||', '::', '<<', '>>', '->', '=>']);
function isWordStart(ch) {
    return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) > 127;
}
function isWordPart(ch) {
    return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) > 127;
}
/** Splits SQL text into tokens; concatenating every token's text gives back the input. */
function tokenize_tokenize(sql, flavour = 'sqlite') {
    const tokens = [];
    let i = 0;
    const push = (type, end, value, unterminated) => {
        const text = sql.slice(i, end);
        const token = { type, text, start: i, end, value: value ?? text };
        if (unterminated)
            token.unterminated = true;
        tokens.push(token);
        i = end;
    };
    while (i < sql.length) {
        const ch = sql[i];
        const next = sql[i + 1] ?? '';
        if (/\s/.test(ch)) {
            let j = i + 1;
            while (j < sql.length && /\s/.test(sql[j]))
                j++;
            push('whitespace', j);
        }
        else if (ch === '-' && next === '-') {
            push('comment', lineCommentEnd(sql, i, flavour));
        }
        else if (ch === '/' && next === '*' && flavour === 'spark' && sql[i + 2] === '+') {
            push('symbol', i + 3); // a hint: its content is code the gate must see
        }
        else if (ch === '/' && next === '*') {
            const { end, closed } = blockCommentEnd(sql, i, flavour === 'spark');
            push('comment', end, undefined, !closed);
        }
        else if (flavour === 'spark' && (ch === 'r' || ch === 'R') && (next === "'" || next === '"')) {
            const close = sql.indexOf(next, i + 2);
            const end = close < 0 ? sql.length : close + 1;
            push('string', end, sql.slice(i + 2, close < 0 ? sql.length : close), close < 0);
        }
        else if (ch === "'" || (ch === '"' && flavour === 'spark')) {
            const { end, value, closed } = quotedEnd(sql, i, ch, flavour === 'spark');
            push('string', end, value, !closed);
        }
        else if (ch === '`' || ch === '"') {
            const { end, value, closed } = quotedEnd(sql, i, ch, false);
            push('quoted', end, value, !closed);
        }
        else if (ch === '[' && flavour === 'sqlite') {
            const close = sql.indexOf(']', i + 1);
            const end = close < 0 ? sql.length : close + 1;
            push('quoted', end, sql.slice(i + 1, close < 0 ? sql.length : close), close < 0);
        }
        else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(next))) {
            push('number', numberEnd(sql, i));
        }
        else if (isWordStart(ch)) {
            let j = i + 1;
            while (j < sql.length && isWordPart(sql[j]))
                j++;
            push('word', j);
        }
        else {
            push('symbol', TWO_CHAR_SYMBOLS.has(ch + next) ? i + 2 : i + 1);
        }
    }
    return tokens;
}
/** Where a `--` comment ends (exclusive): the line break stays outside the comment. */
function lineCommentEnd(sql, start, flavour) {
    let j = start + 2;
    while (j < sql.length) {
        const c = sql[j];
        if (c === '\n')
            return j;
        if (flavour === 'spark') {
            if (c === '\r')
                return j;
            if (c === '\\' && sql[j + 1] === '\n') {
                j += 2; // Spark: backslash-newline continues the comment on the next line
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
        if (sql.startsWith('*/', j)) {
            depth--;
            j += 2;
            if (depth === 0 || !nested)
                return { end: j, closed: true };
        }
        else if (nested && sql.startsWith('/*', j) && sql[j + 2] !== '+') {
            depth++;
            j += 2;
        }
        else {
            j++;
        }
    }
    return { end: sql.length, closed: false };
}
/** A quoted run where the quote is escaped by doubling it (and, in Spark strings, by a backslash). */
function quotedEnd(sql, start, quote, backslash) {
    let value = '';
    let j = start + 1;
    while (j < sql.length) {
        const c = sql[j];
        if (backslash && c === '\\' && j + 1 < sql.length) {
            value += sql[j + 1];
            j += 2;
        }
        else if (c === quote) {
            if (sql[j + 1] === quote) {
                value += quote;
                j += 2;
            }
            else {
                return { end: j + 1, value, closed: true };
            }
        }
        else {
            value += c;
            j++;
        }
    }
    return { end: sql.length, value, closed: false };
}
function numberEnd(sql, start) {
    const hex = /^0[xX][0-9A-Fa-f]+/.exec(sql.slice(start, start + 64));
    if (hex)
        return start + hex[0].length;
    const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(start));
    return start + (match ? match[0].length : 1);
}
/** True for tokens a parser ignores. */
function tokenize_isTrivia(token) {
    return token.type === 'whitespace' || token.type === 'comment';
}
/** The tokens that carry meaning (no whitespace or comments). */
function significant(tokens) {
    return tokens.filter((t) => !tokenize_isTrivia(t));
}
/** Case-insensitive keyword test on a bare word. */
function tokenize_isWord(token, ...words) {
    if (!token || token.type !== 'word')
        return false;
    const upper = token.value.toUpperCase();
    return words.length === 0 || words.includes(upper);
}
function tokenize_isSymbol(token, symbol) {
    return token?.type === 'symbol' && token.text === symbol;
}

;// CONCATENATED MODULE: ./src/local/call-arguments.js
/**
 * The arguments of a rewritten function call, split and classified, so the dialect
 * rewriter can fold constant calls and swap per-row JS calls for native SQLite.
 */

/** Splits SQLite text (the inside of a call's parentheses) at top-level commas and classifies each part. */
function call_arguments_splitArguments(inner) {
    const tokens = tokenize(inner, 'sqlite');
    if (tokens.some((t) => t.unterminated))
        return [];
    const parts = [];
    let depth = 0;
    let from = 0;
    for (const token of tokens) {
        if (isSymbol(token, '('))
            depth++;
        else if (isSymbol(token, ')'))
            depth--;
        else if (depth === 0 && isSymbol(token, ',')) {
            parts.push(inner.slice(from, token.start));
            from = token.end;
        }
    }
    parts.push(inner.slice(from));
    if (parts.length === 1 && parts[0].trim() === '')
        return [];
    return parts.map(classify);
}
function classify(raw) {
    const text = raw.trim();
    const tokens = tokenize(text, 'sqlite').filter((t) => !isTrivia(t));
    const [first, second] = tokens;
    if (tokens.length === 1 && first.type === 'string')
        return { kind: 'literal', text, value: first.value };
    if (tokens.length === 1 && first.type === 'number' && Number.isFinite(Number(first.text)))
        return { kind: 'literal', text, value: Number(first.text) };
    if (tokens.length === 2 && isSymbol(first, '-') && second.type === 'number' && Number.isFinite(Number(second.text))) {
        return { kind: 'literal', text, value: -Number(second.text) };
    }
    if (tokens.length === 1 && first.type === 'word' && first.value.toUpperCase() === 'NULL')
        return { kind: 'literal', text, value: null };
    const isName = (k) => tokens[k] !== undefined && (tokens[k].type === 'word' || tokens[k].type === 'quoted');
    if (tokens.length % 2 === 1 && tokens.every((t, k) => (k % 2 === 0 ? isName(k) : isSymbol(t, '.')))) {
        // A lone keyword (CASE, NOT, ...) would not get here with arguments; a lone word is a column.
        return { kind: 'column', text };
    }
    return { kind: 'other', text };
}

// EXTERNAL MODULE: ./src/local/spark-functions.js
var spark_functions = __nccwpck_require__(92);
;// CONCATENATED MODULE: ./src/local/native-calls.js


const ISO_TEXT = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}:\d{2})?$/;
/** A faster equivalent of the call, or undefined to keep the fallback. */
function native_calls_optimiseCall(call) {
    return foldConstant(call) ?? nativeForm(call);
}
const NOT_FOLDED = new Set(['if', 'nvl', 'nvl2']); // already native (iif/coalesce) or trivially cheap
function foldConstant({ fn, args, integerResult }) {
    const scalar = Object.hasOwn(SPARK_SCALARS, fn) ? SPARK_SCALARS[fn] : undefined;
    if (!scalar || NOT_FOLDED.has(fn) || args.length === 0 || !args.every((a) => a.kind === 'literal'))
        return undefined;
    let value;
    try {
        value = scalar(...args.map((a) => (a.kind === 'literal' ? a.value : null)));
    }
    catch {
        return undefined; // let SQLite report it at run time, as it would have
    }
    if (value === null)
        return 'NULL';
    if (typeof value === 'string')
        return `'${value.replace(/'/g, "''")}'`;
    if (typeof value === 'number' && Number.isFinite(value)) {
        // The JS function's number reaches SQLite as a REAL; keep that type unless the rewriter would CAST it.
        if (integerResult)
            return String(Math.trunc(value));
        return Number.isInteger(value) ? `${value}.0` : String(value);
    }
    return undefined;
}
/**
 * A guard that is true when `arg` holds a real calendar date, alone or with a time and
 * no zone: SQLite's date() normalises 2026-02-30 to 2026-03-02 and rejects other shapes,
 * so comparing it with the text's first ten characters checks both (and is cheaper than
 * a GLOB). Undefined when the argument cannot be guarded.
 */
function isoGuard(arg) {
    if (arg.kind === 'literal')
        return typeof arg.value === 'string' && ISO_TEXT.test(arg.value) && parseDate(arg.value) ? '' : undefined;
    if (arg.kind !== 'column')
        return undefined; // evaluating an expression twice could cost more than it saves
    return `length(${arg.text}) IN (10, 19) AND date(${arg.text}) = substr(${arg.text}, 1, 10)`;
}
/**
 * About one row in a thousand still takes the JS function, whose call checks the
 * statement deadline (sql.js has no progress handler or interrupt): timeouts keep
 * working, and both paths give the same value.
 */
const DEADLINE_PROBE = '(random() & 1023) <> 0';
const native_calls_int = (sql) => `CAST(${sql} AS INTEGER)`;
const WEEKDAY_NAMES = (/* unused pure expression or super */ null && (['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']));
/** Native SQLite for truncating ISO text `x` to a unit, matching spark-dates' truncate + formatDate. */
function truncateSql(unit, x) {
    switch (unit) {
        case 'year':
            return `substr(${x}, 1, 4) || '-01-01'`;
        case 'quarter':
            return `printf('%s-%02d-01', substr(${x}, 1, 4), ((${native_calls_int(`substr(${x}, 6, 2)`)} - 1) / 3) * 3 + 1)`;
        case 'month':
            return `substr(${x}, 1, 7) || '-01'`;
        case 'week':
            return `date(${x}, '-6 days', 'weekday 1')`; // back to the Monday on or before
        case 'day':
            return `substr(${x}, 1, 10)`;
        default:
            return undefined; // hour/minute/second keep the JS function (date-only input gains a time)
    }
}
/** Java datetime pattern -> strftime format, for the letters strftime renders the same way. */
function strftimeFormat(pattern) {
    const pieces = { yyyy: '%Y', MM: '%m', dd: '%d', HH: '%H', mm: '%M', ss: '%S' };
    let out = '';
    for (let i = 0; i < pattern.length;) {
        const run = /^([A-Za-z])\1*/.exec(pattern.slice(i));
        if (run) {
            const piece = pieces[run[0]];
            if (!piece)
                return undefined;
            out += piece;
            i += run[0].length;
        }
        else {
            if (pattern[i] === "'")
                return undefined;
            out += pattern[i] === '%' ? '%%' : pattern[i];
            i++;
        }
    }
    return out;
}
function dateFormatSql(x, pattern) {
    if (pattern === 'EEEE' || pattern === 'EEE' || pattern === 'E') {
        const names = WEEKDAY_NAMES.map((n, k) => `WHEN '${k}' THEN '${pattern === 'EEEE' ? n : n.slice(0, 3)}'`);
        return `CASE strftime('%w', ${x}) ${names.join(' ')} END`;
    }
    const format = strftimeFormat(pattern);
    return format ? `strftime('${format}', ${x})` : undefined;
}
/** The native expression for ISO input, given argument texts; undefined when there is none. */
function fastPath(fn, args) {
    const [a, b] = args;
    const text = (arg) => arg.text;
    const literalNumber = (arg) => arg?.kind === 'literal' && typeof arg.value === 'number' ? Math.trunc(arg.value) : undefined;
    const one = (sql) => {
        if (args.length !== 1)
            return undefined;
        const out = sql(text(a));
        return out ? { sql: out, dates: [a] } : undefined;
    };
    switch (fn) {
        case 'year':
            return one((x) => native_calls_int(`substr(${x}, 1, 4)`));
        case 'month':
            return one((x) => native_calls_int(`substr(${x}, 6, 2)`));
        case 'day':
        case 'dayofmonth':
            return one((x) => native_calls_int(`substr(${x}, 9, 2)`));
        case 'quarter':
            return one((x) => `(${native_calls_int(`substr(${x}, 6, 2)`)} + 2) / 3`);
        // A date has no time: substr gives '' and CAST('' AS INTEGER) is 0, as in Spark.
        case 'hour':
            return one((x) => native_calls_int(`substr(${x}, 12, 2)`));
        case 'minute':
            return one((x) => native_calls_int(`substr(${x}, 15, 2)`));
        case 'second':
            return one((x) => native_calls_int(`substr(${x}, 18, 2)`));
        case 'dayofweek':
            return one((x) => `${native_calls_int(`strftime('%w', ${x})`)} + 1`);
        case 'weekday':
            return one((x) => `(${native_calls_int(`strftime('%w', ${x})`)} + 6) % 7`);
        case 'to_date':
            return one((x) => `substr(${x}, 1, 10)`);
        case 'date_trunc': {
            const unit = args.length === 2 && a.kind === 'literal' ? normaliseUnit(a.value) : null;
            const sql = unit ? truncateSql(unit, text(b)) : undefined;
            return sql ? { sql, dates: [b] } : undefined;
        }
        case 'trunc': {
            const unit = args.length === 2 && b.kind === 'literal' ? normaliseUnit(b.value) : null;
            const sql = unit ? truncateSql(unit, text(a)) : undefined;
            return sql ? { sql, dates: [a] } : undefined;
        }
        case 'date_add':
        case 'dateadd':
        case 'date_sub': {
            const n = args.length === 2 ? literalNumber(b) : undefined;
            if (n === undefined)
                return undefined;
            const days = fn === 'date_sub' ? -n : n;
            return { sql: `date(${text(a)}, '${days >= 0 ? '+' : ''}${days} days')`, dates: [a] };
        }
        case 'datediff':
        case 'date_diff': {
            if (args.length !== 2)
                return undefined;
            return { sql: native_calls_int(`julianday(substr(${text(a)}, 1, 10)) - julianday(substr(${text(b)}, 1, 10))`), dates: [a, b] };
        }
        case 'date_format': {
            const sql = args.length === 2 && b.kind === 'literal' && typeof b.value === 'string'
                ? dateFormatSql(text(a), b.value)
                : undefined;
            return sql ? { sql, dates: [a] } : undefined;
        }
        default:
            return undefined;
    }
}
function nativeForm({ fn, args, fallback }) {
    const fast = fastPath(fn, args);
    if (!fast)
        return undefined;
    const guards = [];
    for (const arg of fast.dates) {
        const guard = isoGuard(arg);
        if (guard === undefined)
            return undefined;
        if (guard)
            guards.push(guard);
    }
    return guards.length === 0
        ? fast.sql
        : `CASE WHEN ${[...guards, DEADLINE_PROBE].join(' AND ')} THEN ${fast.sql} ELSE ${fallback} END`;
}

;// CONCATENATED MODULE: ./src/local/sql-dialect.js
/**
 * Rewrites Databricks (Spark) SQL so the embedded SQLite engine runs it with the same
 * meaning. Everything happens on tokens, so strings and comments are never touched.
 *
 * Table naming inside SQLite: a Unity Catalog table `cat.sch.tbl` is ONE SQLite table
 * whose name contains the dots, `"cat.sch.tbl"` (lower case). Three-part names (bare,
 * backticked or double-quoted parts) are rewritten to it, emitted backticked:
 * `cat.sch.tbl.col` becomes `` `cat.sch.tbl`.`col` ``; with known tables, two-part
 * `sch.tbl` resolves against the default catalog.
 *
 * Other rewrites: the clock functions become the fixed clock literal; `DATE '...'` and
 * `TIMESTAMP '...'` literals lose their keyword; `CAST(x AS DATE|TIMESTAMP|STRING|...)` and
 * `x::type` map to SQLite types or to_date/to_timestamp; ILIKE becomes ilike(), RLIKE REGEXP; `x +/- INTERVAL n unit` becomes a
 * function call; `EXTRACT(unit FROM x)` becomes date_part; bare unit words in
 * dateadd/datediff/timestampadd/date_trunc become strings; if/nvl become iif/coalesce;
 * integer-valued functions (year, datediff, ...) are cast to INTEGER because sql.js
 * returns every JS-computed number as REAL; and `/` always divides as
 * floating point (`a / b` -> `a * 1.0 / b`), because Spark's `/` never truncates
 * integers while SQLite's does. Spark date calls with constant arguments are folded
 * and those of a column get native SQLite forms (native-calls.ts).
 */





/** The SQLite table name for a three-part identifier (`main.community.messages`). */
function sqliteTableName(identifier) {
    return identifier
        .split('.')
        .map((part) => part.replace(/^[`"]|[`"]$/g, ''))
        .join('.')
        .toLowerCase();
}
/** SQLite double-quoted identifier (for DDL). */
function quoteIdentifier(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/**
 * Backticked identifier, used for every name the rewriter emits: unlike a double-quoted
 * one, SQLite never falls back to reading it as a string literal when nothing matches.
 */
function backtick(name) {
    return `\`${name.replace(/`/g, '``')}\``;
}
/** SQLite single-quoted string literal. */
function quoteString(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
const CLOCK_DATE = new Set(['CURRENT_DATE', 'CURDATE']);
const CLOCK_TIMESTAMP = new Set(['CURRENT_TIMESTAMP', 'NOW', 'GETDATE', 'LOCALTIMESTAMP']);
const UNIT_ARG_FUNCTIONS = new Set([
    'DATEADD',
    'DATE_ADD',
    'TIMESTAMPADD',
    'DATEDIFF',
    'DATE_DIFF',
    'TIMESTAMPDIFF',
    'DATE_TRUNC',
    'DATE_PART',
]);
const UNITS = new Set([
    'YEAR',
    'YEARS',
    'QUARTER',
    'QUARTERS',
    'MONTH',
    'MONTHS',
    'WEEK',
    'WEEKS',
    'DAY',
    'DAYS',
    'HOUR',
    'HOURS',
    'MINUTE',
    'MINUTES',
    'SECOND',
    'SECONDS',
    'DAYOFWEEK',
    'DOW',
    'DOY',
    'DAYOFYEAR',
]);
/** Functions whose result is an integer: sql.js returns every JS number as REAL, so these get a CAST. */
const INTEGER_RESULT = new Set([
    'YEAR',
    'QUARTER',
    'MONTH',
    'DAY',
    'DAYOFMONTH',
    'HOUR',
    'MINUTE',
    'SECOND',
    'DAYOFWEEK',
    'WEEKDAY',
    'WEEKOFYEAR',
    'DAYOFYEAR',
    'DATE_PART',
    'DATEDIFF',
    'DATE_DIFF',
    'TIMESTAMPDIFF',
    'COUNT_IF',
]);
/** Keywords a parenthesis may follow without being a call: `SELECT (a || b)::date`. */
const NOT_CALLS = new Set([
    'SELECT',
    'WHERE',
    'AND',
    'OR',
    'NOT',
    'IN',
    'ON',
    'AS',
    'WHEN',
    'THEN',
    'ELSE',
    'BY',
    'HAVING',
    'FROM',
    'JOIN',
    'IS',
    'EXISTS',
    'WITH',
    'UNION',
    'DISTINCT',
]);
/** Spark functions with a native SQLite equivalent that keeps the argument's type. */
const RENAMED = { IF: 'iif', NVL: 'coalesce' };
const CAST_TYPES = {
    STRING: 'TEXT',
    VARCHAR: 'TEXT',
    CHAR: 'TEXT',
    TEXT: 'TEXT',
    INT: 'INTEGER',
    INTEGER: 'INTEGER',
    BIGINT: 'INTEGER',
    SMALLINT: 'INTEGER',
    TINYINT: 'INTEGER',
    LONG: 'INTEGER',
    SHORT: 'INTEGER',
    BYTE: 'INTEGER',
    BOOLEAN: 'INTEGER',
    DOUBLE: 'REAL',
    FLOAT: 'REAL',
    REAL: 'REAL',
    DECIMAL: 'REAL',
    DEC: 'REAL',
    NUMERIC: 'REAL',
};
/** Rewrites one Databricks SQL text for SQLite. */
function rewriteForSqlite(sql, options) {
    const tokens = tokenize(sql, 'sqlite');
    return new Rewriter(tokens, options).range(0, tokens.length);
}
class Rewriter {
    t;
    options;
    clockDate;
    clockTimestamp;
    constructor(t, options) {
        this.t = t;
        this.options = options;
        const asOf = options.asOf.trim();
        this.clockDate = quoteString(asOf.slice(0, 10));
        this.clockTimestamp = quoteString(asOf.length > 10 ? asOf.replace('T', ' ').slice(0, 19) : `${asOf} 00:00:00`);
    }
    /** Rewrites tokens [start, end) into text. */
    range(start, end) {
        const pieces = [];
        let i = start;
        while (i < end)
            i = this.step(i, end, pieces);
        return pieces.map((p) => p.text).join('');
    }
    step(i, end, pieces) {
        const token = this.t[i];
        if (isTrivia(token)) {
            pieces.push({ text: token.text, kind: 'trivia' });
            return i + 1;
        }
        if (isSymbol(token, '('))
            return this.group(i, end, pieces);
        if (isSymbol(token, '/')) {
            pieces.push({ text: '* 1.0 /', kind: 'op' });
            return i + 1;
        }
        if ((isSymbol(token, '+') || isSymbol(token, '-')) && isWord(this.next(i, end), 'INTERVAL')) {
            const done = this.interval(i, end, pieces);
            if (done !== undefined)
                return done;
        }
        if (isSymbol(token, '::')) {
            const done = this.colonCast(i, end, pieces);
            if (done !== undefined)
                return done;
        }
        if (isWord(token, 'ILIKE')) {
            const done = this.ilike(i, end, pieces);
            if (done !== undefined)
                return done;
        }
        if (isWord(token, 'RLIKE')) {
            pieces.push({ text: 'REGEXP', kind: 'op' }); // SQLite calls our regexp() for it
            return i + 1;
        }
        if (token.type === 'word' || token.type === 'quoted') {
            const afterDot = isSymbol(this.prev(i), '.');
            if (!afterDot) {
                const chain = this.chain(i, end);
                if (chain) {
                    pieces.push({ text: chain.text, kind: 'primary' });
                    return chain.next;
                }
            }
            if (token.type === 'word' && !afterDot) {
                const special = this.word(i, end);
                if (special) {
                    pieces.push({ text: special.text, kind: 'primary' });
                    return special.next;
                }
            }
            pieces.push({ text: token.text, kind: token.type === 'word' ? 'word' : 'primary' });
            return i + 1;
        }
        pieces.push({ text: token.text, kind: token.type === 'symbol' ? 'op' : 'primary' });
        return i + 1;
    }
    /** A parenthesised group; a preceding bare word makes it a call, kept as one piece. */
    group(open, end, pieces) {
        const close = this.matchParen(open, end);
        const closed = close < end;
        const innerEnd = closed ? close : end;
        const last = lastSignificant(pieces);
        const isCall = last >= 0 && pieces[last].kind === 'word' && !NOT_CALLS.has(pieces[last].text.toUpperCase());
        const fn = isCall ? this.t[this.prevIndex(open)].value.toUpperCase() : '';
        const cast = fn === 'CAST' || fn === 'TRY_CAST' ? this.cast(open + 1, innerEnd) : undefined;
        const name = isCall
            ? pieces
                .splice(last)
                .map((p) => p.text)
                .join('')
            : '';
        if (cast) {
            pieces.push({ text: cast, kind: 'primary' });
        }
        else {
            const inner = this.unitArgument(fn, open + 1, innerEnd) ?? this.range(open + 1, innerEnd);
            const call = `${RENAMED[fn] ?? name}(${inner}${closed ? ')' : ''}`;
            const fallback = INTEGER_RESULT.has(fn) ? `CAST(${call} AS INTEGER)` : call;
            const lower = fn.toLowerCase();
            const fast = closed && Object.hasOwn(SPARK_SCALARS, lower)
                ? optimiseCall({ fn: lower, args: splitArguments(inner), fallback, integerResult: INTEGER_RESULT.has(fn) })
                : undefined;
            pieces.push({ text: fast ?? fallback, kind: 'primary' });
        }
        return closed ? close + 1 : end;
    }
    /** dateadd(day, 1, x) and friends: a bare unit word as first argument becomes a string. */
    unitArgument(fn, start, end) {
        if (!UNIT_ARG_FUNCTIONS.has(fn))
            return undefined;
        const args = this.significantIndexes(start, end);
        const unit = this.t[args[0]];
        if (args.length < 2 ||
            unit.type !== 'word' ||
            !UNITS.has(unit.value.toUpperCase()) ||
            !isSymbol(this.t[args[1]], ','))
            return undefined;
        return `${this.range(start, args[0])}${quoteString(unit.value.toLowerCase())}${this.range(args[0] + 1, end)}`;
    }
    /** CAST(expr AS type) / TRY_CAST(...), given the tokens inside the parens. */
    cast(start, end) {
        const args = this.significantIndexes(start, end);
        let depth = 0;
        let asAt = -1;
        for (const k of args) {
            if (isSymbol(this.t[k], '('))
                depth++;
            else if (isSymbol(this.t[k], ')'))
                depth--;
            else if (depth === 0 && isWord(this.t[k], 'AS'))
                asAt = k;
        }
        if (asAt < 0)
            return undefined;
        const typeToken = this.t[args[args.indexOf(asAt) + 1]];
        if (!typeToken || typeToken.type !== 'word')
            return undefined;
        return castExpression(this.range(start, asAt).trim(), typeToken.value);
    }
    /** `operand::type`, Spark's shorthand cast. */
    colonCast(i, end, pieces) {
        const typeAt = this.nextIndex(i, end);
        const last = lastSignificant(pieces);
        if (typeAt >= end || !isWord(this.t[typeAt]) || last < 0 || pieces[last].kind === 'op')
            return undefined;
        const operand = pieces
            .slice(last)
            .map((p) => p.text)
            .join('')
            .trim();
        const text = castExpression(operand, this.t[typeAt].value);
        if (!text)
            return undefined;
        pieces.splice(last, pieces.length - last, { text, kind: 'primary' });
        // Skip a precision such as DECIMAL(10, 2).
        const after = this.nextIndex(typeAt, end);
        return after < end && isSymbol(this.t[after], '(') ? Math.min(this.matchParen(after, end) + 1, end) : typeAt + 1;
    }
    /** `a [NOT] ILIKE b` -> `[NOT] ilike(a, b)`: SQLite's LIKE is case-sensitive here, as Spark's is. */
    ilike(i, end, pieces) {
        const notAt = lastSignificant(pieces);
        const negate = notAt >= 0 && pieces[notAt].kind === 'word' && pieces[notAt].text.toUpperCase() === 'NOT';
        const leftAt = negate ? lastSignificant(pieces.slice(0, notAt)) : notAt;
        const rightAt = this.nextIndex(i, end);
        if (leftAt < 0 || pieces[leftAt].kind === 'op' || rightAt >= end)
            return undefined;
        const left = pieces[leftAt].text;
        pieces.splice(leftAt);
        const right = [];
        const next = this.step(rightAt, end, right);
        pieces.push({
            text: `${negate ? 'NOT ' : ''}ilike(${left}, ${right.map((p) => p.text).join('')})`,
            kind: 'primary',
        });
        return next;
    }
    /** `operand +/- INTERVAL n unit` -> spark_interval_add(operand, +/-n, 'unit'). */
    interval(opIndex, end, pieces) {
        const sign = isSymbol(this.t[opIndex], '-') ? -1 : 1;
        const args = this.significantIndexes(opIndex + 1, end);
        // args[0] is INTERVAL
        let k = 1;
        let negative = false;
        if (isSymbol(this.t[args[k]], '-')) {
            negative = true;
            k++;
        }
        const amountToken = this.t[args[k]];
        if (!amountToken)
            return undefined;
        let amount;
        let unit;
        let next;
        if (amountToken.type === 'string' && /^\s*-?\d+(\.\d+)?\s+[A-Za-z]+\s*$/.test(amountToken.value)) {
            const [n, u] = amountToken.value.trim().split(/\s+/);
            amount = Number(n);
            unit = u;
            next = args[k] + 1;
        }
        else if (amountToken.type === 'number' || amountToken.type === 'string') {
            const unitToken = this.t[args[k + 1]];
            if (!isWord(unitToken) || !UNITS.has(unitToken.value.toUpperCase()))
                return undefined;
            amount = Number(amountToken.value);
            unit = unitToken.value;
            next = args[k + 1] + 1;
        }
        else {
            return undefined;
        }
        if (!Number.isFinite(amount) || !UNITS.has(unit.toUpperCase()))
            return undefined;
        const last = lastSignificant(pieces);
        if (last < 0 || pieces[last].kind === 'op')
            return undefined;
        const operand = pieces
            .splice(last)
            .map((p) => p.text)
            .join('')
            .trim();
        const signed = sign * (negative ? -1 : 1) * amount;
        pieces.push({
            text: `spark_interval_add(${operand}, ${signed}, ${quoteString(unit.toLowerCase())})`,
            kind: 'primary',
        });
        return next;
    }
    /** Clock functions and DATE/TIMESTAMP literals. */
    word(i, end) {
        const upper = this.t[i].value.toUpperCase();
        const n = this.nextIndex(i, end);
        const clock = CLOCK_DATE.has(upper) ? this.clockDate : CLOCK_TIMESTAMP.has(upper) ? this.clockTimestamp : undefined;
        if (clock) {
            const bareAllowed = upper === 'CURRENT_DATE' || upper === 'CURRENT_TIMESTAMP' || upper === 'LOCALTIMESTAMP';
            if (n < end && isSymbol(this.t[n], '(')) {
                const close = this.nextIndex(n, end);
                if (close < end && isSymbol(this.t[close], ')'))
                    return { text: clock, next: close + 1 };
            }
            return bareAllowed ? { text: clock, next: i + 1 } : undefined;
        }
        if ((upper === 'DATE' || upper === 'TIMESTAMP') && n < end && this.t[n].type === 'string') {
            return { text: this.t[n].text, next: n + 1 };
        }
        if (upper === 'EXTRACT' && n < end && isSymbol(this.t[n], '(')) {
            const close = this.matchParen(n, end);
            const args = this.significantIndexes(n + 1, Math.min(close, end));
            if (args.length >= 3 && this.t[args[0]].type === 'word' && isWord(this.t[args[1]], 'FROM')) {
                const inner = this.range(args[1] + 1, Math.min(close, end)).trim();
                const unit = quoteString(this.t[args[0]].value.toLowerCase());
                return { text: `CAST(date_part(${unit}, ${inner}) AS INTEGER)`, next: Math.min(close + 1, end) };
            }
        }
        return undefined;
    }
    /** A dotted name of two or more parts, rewritten when it names a table. */
    chain(i, end) {
        const parts = [];
        let k = i;
        let last = i;
        for (;;) {
            const token = this.t[k];
            if (!token || (token.type !== 'word' && token.type !== 'quoted'))
                break;
            parts.push(token.value);
            last = k;
            const dot = this.nextIndex(k, end);
            if (dot >= end || !isSymbol(this.t[dot], '.'))
                break;
            k = this.nextIndex(dot, end);
            if (k >= end)
                break;
        }
        if (parts.length < 2)
            return undefined;
        if (isSymbol(this.t[this.nextIndex(last, end)], '('))
            return undefined; // schema-qualified function call
        const { catalog, tables } = this.options;
        const known = (name) => tables?.has(name) === true;
        const threePart = parts.slice(0, 3).join('.').toLowerCase();
        const twoPart = catalog ? `${catalog}.${parts[0]}.${parts[1]}`.toLowerCase() : '';
        let table;
        let rest;
        if (parts.length >= 3 && known(threePart))
            [table, rest] = [threePart, parts.slice(3)];
        else if (twoPart && known(twoPart))
            [table, rest] = [twoPart, parts.slice(2)];
        else if (parts.length >= 3)
            [table, rest] = [threePart, parts.slice(3)]; // unknown: let SQLite say "no such table"
        else
            return {
                text: this.t
                    .slice(i, last + 1)
                    .map((t) => t.text)
                    .join(''),
                next: last + 1,
            }; // alias.column, as one piece
        return { text: backtick(table) + rest.map((p) => `.${backtick(p)}`).join(''), next: last + 1 };
    }
    matchParen(open, end) {
        let depth = 0;
        for (let k = open; k < end; k++) {
            if (isSymbol(this.t[k], '('))
                depth++;
            else if (isSymbol(this.t[k], ')') && --depth === 0)
                return k;
        }
        return end;
    }
    significantIndexes(start, end) {
        const out = [];
        for (let k = start; k < end; k++)
            if (!isTrivia(this.t[k]))
                out.push(k);
        return out;
    }
    nextIndex(i, end) {
        let k = i + 1;
        while (k < end && isTrivia(this.t[k]))
            k++;
        return k;
    }
    next(i, end) {
        const k = this.nextIndex(i, end);
        return k < end ? this.t[k] : undefined;
    }
    prevIndex(i) {
        let k = i - 1;
        while (k >= 0 && isTrivia(this.t[k]))
            k--;
        return k;
    }
    prev(i) {
        const k = this.prevIndex(i);
        return k >= 0 ? this.t[k] : undefined;
    }
}
/** The SQLite form of casting `inner` to a Spark type, or undefined for a type we leave alone. */
function castExpression(inner, typeName) {
    const type = typeName.toUpperCase();
    if (type === 'DATE')
        return (optimiseCall({
            fn: 'to_date',
            args: splitArguments(inner),
            fallback: `to_date(${inner})`,
            integerResult: false,
        }) ?? `to_date(${inner})`);
    if (type.startsWith('TIMESTAMP'))
        return `to_timestamp(${inner})`;
    const mapped = CAST_TYPES[type];
    return mapped ? `CAST(${inner} AS ${mapped})` : undefined;
}
function lastSignificant(pieces) {
    for (let k = pieces.length - 1; k >= 0; k--)
        if (pieces[k].kind !== 'trivia')
            return k;
    return -1;
}

;// CONCATENATED MODULE: ./src/local/demo-data.js




const DEMO_SEED = 20261101;
const DEMO_AS_OF = '2026-11-01';
const DEMO_FIRST_DAY = '2024-11-01';
const DEMO_LAST_DAY = '2026-10-31';
const DEMO_TABLES = ['channels', 'members', 'messages', 'reactions', 'daily_channel_stats'];
const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2024, 10, 1);
const DAYS = 730;
const MEMBER_COUNT = 2000;
/** Mean messages on an ordinary weekday at the start; grows ~2.2x by the end. */
const BASE_PER_DAY = 37;
/** Creates the demo tables in `db` and fills them. Returns the row count of each table. */
function generateDemoData(db, options = {}) {
    const catalog = options.catalog ?? 'main';
    const schema = options.schema ?? 'community';
    const rng = new SeededRandom(options.seed ?? DEMO_SEED);
    const members = makeMembers(rng.fork('members'));
    const messages = makeMessages(rng.fork('messages'), members);
    const reactions = makeReactions(rng.fork('reactions'), members, messages);
    const stats = makeStats(rng.fork('stats'), messages, reactions);
    const table = (name) => quoteIdentifier(`${catalog}.${schema}.${name}`);
    db.exec(`
    CREATE TABLE ${table('channels')} (channel_id INTEGER PRIMARY KEY, channel_name TEXT NOT NULL, category TEXT NOT NULL, is_private INTEGER NOT NULL, created_at DATE NOT NULL);
    CREATE TABLE ${table('members')} (member_id INTEGER PRIMARY KEY, display_name TEXT NOT NULL, country_code TEXT NOT NULL, plan TEXT NOT NULL, joined_at DATE NOT NULL);
    CREATE TABLE ${table('messages')} (message_id INTEGER PRIMARY KEY, channel_id INTEGER NOT NULL, member_id INTEGER NOT NULL, sent_at TIMESTAMP NOT NULL, word_count INTEGER NOT NULL, is_reply INTEGER NOT NULL);
    CREATE TABLE ${table('reactions')} (reaction_id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL, member_id INTEGER NOT NULL, emoji TEXT NOT NULL, reacted_at TIMESTAMP NOT NULL);
    CREATE TABLE ${table('daily_channel_stats')} (stat_date DATE NOT NULL, channel_id INTEGER NOT NULL, active_members INTEGER NOT NULL, messages_count INTEGER NOT NULL, new_joins INTEGER NOT NULL, PRIMARY KEY (stat_date, channel_id));
  `);
    db.exec('BEGIN');
    insertAll(db, table('channels'), DEMO_CHANNELS, (c) => [c.id, c.name, c.category, c.isPrivate ? 1 : 0, c.createdAt]);
    insertAll(db, table('members'), members, (m) => [m.id, m.name, m.country, m.plan, (0,spark_dates/* formatDate */.Yq)(m.joinedMs)]);
    insertAll(db, table('messages'), messages, (m) => [
        m.id,
        m.channel,
        m.member,
        stamp(m.sentMs),
        m.words,
        m.reply ? 1 : 0,
    ]);
    insertAll(db, table('reactions'), reactions, (r, i) => [i + 1, r.message, r.member, r.emoji, stamp(r.atMs)]);
    insertAll(db, table('daily_channel_stats'), stats, (row) => row);
    db.exec('COMMIT');
    // Foreign keys and event times: joins look rows up by key, date filters become range scans.
    const indexes = [
        ['messages', 'member_id'],
        ['messages', 'channel_id'],
        ['messages', 'sent_at'],
        ['reactions', 'message_id'],
        ['reactions', 'member_id'],
        ['reactions', 'reacted_at'],
        ['members', 'joined_at'],
        ['daily_channel_stats', 'channel_id'],
    ];
    for (const [name, column] of indexes) {
        db.exec(`CREATE INDEX ${quoteIdentifier(`${catalog}.${schema}.${name}_by_${column}`)} ON ${table(name)} (${column})`);
    }
    db.exec('ANALYZE');
    // Bare names too, so `FROM messages` works as with a default catalog and schema.
    for (const name of DEMO_TABLES)
        db.exec(`CREATE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${table(name)}`);
    return {
        channels: DEMO_CHANNELS.length,
        members: members.length,
        messages: messages.length,
        reactions: reactions.length,
        daily_channel_stats: stats.length,
    };
}
/**
 * Rows go in 100 at a time: one bound multi-row INSERT is much cheaper than 100 single
 * ones in sql.js. `toRow` is called once per item, right before binding (no row arrays kept).
 */
function insertAll(db, table, items, toRow) {
    if (items.length === 0)
        return;
    const columns = toRow(items[0], 0).length;
    const batch = 100;
    const tuple = `(${Array(columns).fill('?').join(',')})`;
    const sqlFor = (n) => `INSERT INTO ${table} VALUES ${Array(n).fill(tuple).join(',')}`;
    const fill = (from, count, params) => {
        for (let r = 0; r < count; r++) {
            const row = toRow(items[from + r], from + r);
            for (let c = 0; c < columns; c++)
                params[r * columns + c] = row[c];
        }
        return params;
    };
    const full = db.prepare(sqlFor(batch));
    const params = new Array(batch * columns);
    try {
        let i = 0;
        for (; i + batch <= items.length; i += batch)
            full.run(fill(i, batch, params));
        const rest = items.length - i;
        if (rest > 0)
            db.run(sqlFor(rest), fill(i, rest, new Array(rest * columns)));
    }
    finally {
        full.free();
    }
}
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const DAY_TEXT = [];
/** formatTimestamp for the window's instants without a Date per row (the hot path at start-up). */
function stamp(ms) {
    const day = Math.floor((ms - FIRST) / DAY_MS);
    if (day < 0 || day > DAYS)
        return (0,spark_dates/* formatTimestamp */.Ey)(ms);
    const date = (DAY_TEXT[day] ??= (0,spark_dates/* formatDate */.Yq)(FIRST + day * DAY_MS));
    const seconds = Math.floor((ms - FIRST - day * DAY_MS) / 1000);
    return `${date} ${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
}
const channelById = new Map(DEMO_CHANNELS.map((c) => [c.id, c]));
const CREATED_MS = new Map(DEMO_CHANNELS.map((c) => [c.id, Date.parse(`${c.createdAt}T00:00:00Z`)]));
const createdMs = (c) => CREATED_MS.get(c.id);
const HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);
function cumulative(weights) {
    const out = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (out[i] = sum += w));
    return out;
}
function makeMembers(rng) {
    const seen = new Set();
    const drafts = Array.from({ length: MEMBER_COUNT }, (_, index) => {
        const country = rng.pickWeighted(COUNTRY_WEIGHTS);
        const plan = rng.pickWeighted(PLAN_WEIGHTS);
        // A quarter joined before the window; the rest join at a rising rate during it.
        const joinedDay = rng.chance(0.25) ? -rng.int(1, 610) : Math.floor(Math.sqrt(rng.next()) * DAYS);
        const lurker = rng.chance(0.35);
        const activity = lurker ? 0 : Math.exp(1.25 * rng.normal()) * PLAN_ACTIVITY[plan];
        const favourite = rng.pick(DEMO_CHANNELS, DEMO_CHANNELS.map((c) => c.weight)).id;
        return {
            index,
            country,
            plan,
            joinedMs: FIRST + joinedDay * DAY_MS,
            activity,
            favourite,
            name: uniqueName(rng, country, seen),
        };
    });
    // Member ids follow the join order, as an auto-increment key would.
    drafts.sort((a, b) => a.joinedMs - b.joinedMs || a.index - b.index);
    const members = drafts.map((d, i) => ({ ...d, id: i + 1, moderator: false }));
    const veterans = members.filter((m) => m.joinedMs < FIRST).sort((a, b) => b.activity - a.activity || a.id - b.id);
    for (const m of veterans.slice(0, 12))
        m.moderator = true;
    return members;
}
function uniqueName(rng, country, seen) {
    const { first, last } = NAMES[country];
    const given = rng.pick(first);
    const family = rng.pick(last);
    let name = `${given} ${family}`;
    for (let k = 0; seen.has(name); k++) {
        const initial = String.fromCharCode(65 + (k % 26));
        name = k < 26 ? `${given} ${initial}. ${family}` : `${given} ${family} ${k - 24}`;
    }
    seen.add(name);
    return name;
}
function dayFactor(dayMs) {
    const date = new Date(dayMs);
    const weekday = date.getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.42 : weekday === 5 ? 0.85 : 1;
    const month = (0,spark_dates/* formatDate */.Yq)(dayMs).slice(0, 7);
    const holidays = (date.getUTCMonth() === 11 && date.getUTCDate() >= 20) || (date.getUTCMonth() === 0 && date.getUTCDate() <= 3)
        ? 0.55
        : 1;
    const event = EVENT_MONTHS.has(month) ? 1.15 : 1;
    return weekend * holidays * event;
}
function activityPrefix(members) {
    return cumulative(members.map((m) => m.activity));
}
/** A member's channel preferences (running totals over `open`), cached: they change only when a channel opens. */
function channelWeights(cache, member, open, eventMonth) {
    const key = `${member.id}/${open.length}/${eventMonth ? 1 : 0}`;
    const hit = cache.get(key);
    if (hit)
        return hit;
    const weights = open.map((c) => {
        let w = c.weight;
        if (c.id === CHANNEL.korea)
            w = member.country === 'KR' ? 60 : 0.25;
        else if (member.country === 'KR')
            w *= 0.55;
        if (c.id === CHANNEL.announcements || c.id === CHANNEL.moderators)
            w = member.moderator ? 5 : 0;
        if (c.id === CHANNEL.betaTesters)
            w = member.plan === 'free' ? 0 : 3;
        if (c.id === CHANNEL.events && eventMonth)
            w *= 5;
        if (c.id === member.favourite)
            w *= 4;
        return w;
    });
    const result = cumulative(weights);
    cache.set(key, result);
    return result;
}
function makeMessages(rng, members) {
    const prefix = activityPrefix(members);
    const moderators = members.filter((m) => m.moderator);
    const preferences = new Map();
    const messages = [];
    let joined = 0;
    for (let day = 0; day < DAYS; day++) {
        const dayMs = FIRST + day * DAY_MS;
        while (joined < members.length && members[joined].joinedMs <= dayMs)
            joined++;
        const eventMonth = EVENT_MONTHS.has((0,spark_dates/* formatDate */.Yq)(dayMs).slice(0, 7));
        const mean = BASE_PER_DAY * (1 + (1.2 * day) / DAYS) * dayFactor(dayMs);
        const open = DEMO_CHANNELS.filter((c) => createdMs(c) <= dayMs);
        const today = [];
        for (let n = rng.poisson(mean); n > 0; n--) {
            const member = members[rng.pickIndexCumulative(prefix, joined)];
            const channel = open[rng.pickIndexCumulative(channelWeights(preferences, member, open, eventMonth))];
            const hour = rng.pickIndexCumulative(HOUR_CUMULATIVE);
            const sentMs = dayMs + hour * 3_600_000 + rng.int(0, 3599) * 1000;
            const words = Math.max(1, Math.min(400, Math.round(Math.exp(2.6 + 0.8 * rng.normal()) * channel.words)));
            today.push({
                id: 0,
                channel: channel.id,
                member: member.id,
                sentMs,
                words,
                reply: rng.chance(channel.replyRate),
            });
        }
        // A few scheduled announcements by moderators, more in conference months.
        if (new Date(dayMs).getUTCDay() === 2 || (eventMonth && rng.chance(0.3))) {
            today.push({
                id: 0,
                channel: CHANNEL.announcements,
                member: rng.pick(moderators).id,
                sentMs: dayMs + 15 * 3_600_000 + rng.int(0, 3599) * 1000,
                words: rng.int(40, 220),
                reply: false,
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
    const end = FIRST + DAYS * DAY_MS;
    const reactions = [];
    let joined = 0;
    for (const message of messages) {
        while (joined < members.length && members[joined].joinedMs <= message.sentMs)
            joined++;
        const channel = channelById.get(message.channel);
        const mean = channel.reactions * (message.reply ? 0.45 : 1) * (message.words > 60 ? 1.3 : 1);
        const given = new Set();
        for (let n = rng.poisson(mean); n > 0; n--) {
            const member = members[rng.pickIndexCumulative(prefix, joined)].id;
            const emoji = rng.pickWeighted(EMOJI_WEIGHTS);
            const key = `${member}/${emoji}`;
            if (member === message.member || given.has(key))
                continue;
            given.add(key);
            const atMs = message.sentMs + Math.round(Math.exp(5.5 + 1.6 * rng.normal())) * 1000;
            if (atMs < end)
                reactions.push({ message: message.id, member, emoji, atMs });
        }
    }
    reactions.sort((a, b) => a.atMs - b.atMs || a.message - b.message || a.member - b.member);
    return reactions;
}
function makeStats(rng, messages, reactions) {
    const key = (channel, dayMs) => `${channel}/${Math.floor((dayMs - FIRST) / DAY_MS)}`;
    const counts = new Map();
    const active = new Map();
    const touch = (k, member) => {
        let set = active.get(k);
        if (!set)
            active.set(k, (set = new Set()));
        set.add(member);
    };
    const channelOfMessage = new Map();
    for (const m of messages) {
        const k = key(m.channel, m.sentMs);
        counts.set(k, (counts.get(k) ?? 0) + 1);
        touch(k, m.member);
        channelOfMessage.set(m.id, m.channel);
    }
    for (const r of reactions)
        touch(key(channelOfMessage.get(r.message), r.atMs), r.member);
    const rows = [];
    for (let day = 0; day < DAYS; day++) {
        const dayMs = FIRST + day * DAY_MS;
        for (const channel of DEMO_CHANNELS) {
            const opened = createdMs(channel);
            if (opened > dayMs)
                continue;
            const k = key(channel.id, dayMs);
            const growth = 1 + (1.2 * day) / DAYS;
            const launch = opened === dayMs ? rng.poisson(30) : 0;
            const joins = launch + rng.poisson(0.12 * Math.max(channel.weight, 1) * growth * dayFactor(dayMs));
            rows.push([(0,spark_dates/* formatDate */.Yq)(dayMs), channel.id, active.get(k)?.size ?? 0, counts.get(k) ?? 0, joins]);
        }
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/local/sqlite-prepare.js


/** Thrown for a file that is not what it claims; the host turns it into a WarehouseError. */
class PrepareError extends Error {
}
function prepareDatabase(SQL, request) {
    const { catalog, schema } = request;
    let db;
    if (request.kind === 'demo') {
        db = new SQL.Database();
        generateDemoData(db, { catalog, schema, seed: request.seed });
    }
    else if (request.kind === 'script') {
        db = new SQL.Database();
        try {
            db.exec(request.text);
        }
        catch (error) {
            db.close();
            throw new PrepareError(`loading ${request.label} failed: ${messageOf(error)}`);
        }
        exposeTables(db, catalog, schema);
    }
    else {
        db = new SQL.Database(request.bytes);
        try {
            exposeTables(db, catalog, schema);
        }
        catch (error) {
            db.close();
            throw new PrepareError(`${request.label} is not a SQLite database (${messageOf(error)}): pass a .sqlite/.db file or a .sql script`);
        }
    }
    try {
        // Exported before any function is registered: sql.js reopens the database on export.
        return { tables: listTables(db), image: db.export() };
    }
    finally {
        db.close();
    }
}
/**
 * Renames a user's plain tables to `<catalog>.<schema>.<table>` and keeps the old name
 * as a view; views get a three-part view on top.
 */
function exposeTables(db, catalog, schema) {
    const rows = db.exec("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name");
    const objects = (rows[0]?.values ?? []).map(([type, name]) => ({ type: String(type), name: String(name) }));
    for (const { type, name } of objects) {
        if (name.split('.').length === 3)
            continue; // already three-part
        const full = quoteIdentifier(`${catalog}.${schema}.${name.toLowerCase()}`);
        if (type === 'table') {
            try {
                db.exec(`ALTER TABLE ${quoteIdentifier(name)} RENAME TO ${full}; CREATE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${full};`);
                continue;
            }
            catch {
                // fall through: expose through a view instead
            }
        }
        db.exec(`CREATE VIEW IF NOT EXISTS ${full} AS SELECT * FROM ${quoteIdentifier(name)}`);
    }
}
function listTables(db) {
    const result = db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name");
    const names = (result[0]?.values ?? []).map(([name]) => String(name)).filter((name) => name.split('.').length === 3);
    return names.map((name) => {
        const info = db.exec(`PRAGMA table_info(${quoteIdentifier(name)})`);
        const columns = (info[0]?.values ?? []).map((row) => ({
            name: String(row[1]),
            type: databricksType(String(row[2] ?? '')),
        }));
        return { identifier: name.toLowerCase(), columns };
    });
}
/** Maps a declared SQLite column type to the Databricks type name. */
function databricksType(declared) {
    const t = declared.trim().toUpperCase();
    if (t === '')
        return 'STRING';
    if (t.startsWith('BOOL'))
        return 'BOOLEAN';
    if (t === 'DATE')
        return 'DATE';
    if (t.startsWith('TIMESTAMP') || t.startsWith('DATETIME'))
        return 'TIMESTAMP';
    if (t.includes('INT'))
        return 'BIGINT';
    if (t.startsWith('DECIMAL') || t.startsWith('NUMERIC'))
        return 'DECIMAL';
    if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB'))
        return 'DOUBLE';
    if (t.includes('BLOB') || t.includes('BINARY'))
        return 'BINARY';
    return 'STRING';
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 968:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(919);
/* harmony import */ var _spark_functions_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(92);
/* harmony import */ var _sqlite_prepare_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(116);
/* harmony import */ var _sqljs_loader_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(58);
/**
 * The embedded warehouse's worker thread: holds the SQLite (sql.js) databases and runs one
 * statement at a time for the main thread (sqlite-host.ts). It exists so a statement can be
 * stopped: sql.js has no interrupt or progress handler, so a runaway query (an unbounded
 * recursive CTE) never returns control; the host terminates this thread instead and starts a
 * fresh one, reopening the databases from their images.
 *
 * The Spark-function UDFs are registered here because they run inside SQLite's step.
 * Statements arrive already gated and rewritten for SQLite; nothing here parses SQL. Databases
 * are also built here (sqlite-prepare.ts), so that loading a data script can be stopped too.
 */




const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
if (!port)
    throw new Error('sqlite-worker.ts runs only as a worker thread');
const SQL = await (0,_sqljs_loader_js__WEBPACK_IMPORTED_MODULE_3__/* .loadSqlJs */ .W)();
const databases = new Map();
/** Why a database could not be opened, reported to the statements that ask for it. */
const openErrors = new Map();
/** The current row with integers as bigint (sql.js supports this; its typings do not declare it). */
function getRow(statement) {
    const get = statement.get;
    return get.call(statement, null, { useBigInt: true });
}
function open(id, image) {
    const db = new SQL.Database(image);
    (0,_spark_functions_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSparkFunctions */ .y)(db);
    // Spark's LIKE is case-sensitive; SQLite's is not by default. temp_store = MEMORY: sorts and
    // DISTINCT otherwise spill to sql.js's emulated file system. query_only: SQLite itself refuses
    // writes should anything pass the gate.
    db.exec('PRAGMA case_sensitive_like = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA query_only = ON;');
    databases.set(id, db);
}
function run(id, sql, rowLimit) {
    const db = databases.get(id);
    if (!db)
        return { ok: false, message: openErrors.get(id) ?? 'the database is not open' };
    let statement;
    try {
        statement = db.prepare(sql);
        const names = statement.getColumnNames();
        const rows = [];
        let truncated = false;
        while (statement.step()) {
            if (rows.length >= rowLimit) {
                truncated = true;
                break;
            }
            rows.push(getRow(statement));
        }
        return { ok: true, names, rows, truncated };
    }
    catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    finally {
        statement?.free();
    }
}
function prepare(request) {
    try {
        return { ok: true, ...(0,_sqlite_prepare_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareDatabase */ .xk)(SQL, request) };
    }
    catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
}
port.on('message', (message) => {
    switch (message.type) {
        case 'open':
            try {
                open(message.id, message.image);
            }
            catch (error) {
                openErrors.set(message.id, `opening the database failed: ${String(error)}`);
            }
            break;
        case 'close':
            databases.get(message.id)?.close();
            databases.delete(message.id);
            openErrors.delete(message.id);
            break;
        case 'run':
            port.postMessage({ seq: message.seq, ...run(message.id, message.sql, message.rowLimit) });
            break;
        case 'prepare': {
            const outcome = prepare(message.request);
            port.postMessage({ seq: message.seq, ...outcome }, outcome.ok ? [outcome.image.buffer] : []);
            break;
        }
    }
});
port.postMessage({ type: 'ready' });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 58:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  W: () => (/* binding */ loadSqlJs)
});

// UNUSED EXPORTS: sqlJsDirectory

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/local/sqljs-loader.js
/**
 * Loads sql.js (SQLite compiled to WebAssembly) once per process.
 *
 * ncc cannot bundle sql.js (its Emscripten glue uses `__dirname`, which does not
 * exist in an ES module), so scripts/bundle.mjs ships the glue and the wasm unbundled
 * in `dist/vendor/sqljs/` (glue renamed `.cjs`) and we load them with a runtime
 * `require`. From source (vitest, tsx) there is no vendor folder: node_modules it is.
 */




const GLUE = 'sql-wasm.js';
/** dist/ is `"type": "module"`, so the vendored CommonJS glue carries the .cjs extension. */
const VENDORED_GLUE = 'sql-wasm.cjs';
const WASM = 'sql-wasm.wasm';
let cached;
/** The sql.js module, initialised once; later calls share the same promise. */
function loadSqlJs() {
    if (!cached) {
        cached = initialise().catch((error) => {
            cached = undefined; // let a later call retry instead of caching the failure
            throw error;
        });
    }
    return cached;
}
/** Where the glue and wasm files were found (for diagnostics and tests). */
function sqlJsDirectory() {
    return locateSqlJs().dir;
}
function locateSqlJs() {
    const here = external_node_path_namespaceObject.dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    // dist/index.js -> dist/vendor/sqljs; dist/cli/index.js -> dist/vendor/sqljs
    const vendored = [external_node_path_namespaceObject.join(here, 'vendor', 'sqljs'), external_node_path_namespaceObject.join(here, '..', 'vendor', 'sqljs')];
    for (const dir of vendored) {
        if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_namespaceObject.join(dir, VENDORED_GLUE)) && (0,external_node_fs_namespaceObject.existsSync)(external_node_path_namespaceObject.join(dir, WASM)))
            return { dir, glue: VENDORED_GLUE };
    }
    // Built from parts so ncc does not see a literal module name and try to bundle it.
    const specifier = ['sql.js', 'dist', GLUE].join('/');
    try {
        return { dir: external_node_path_namespaceObject.dirname((0,external_node_module_namespaceObject.createRequire)(import.meta.url).resolve(specifier)), glue: GLUE };
    }
    catch {
        throw new Error(`sql.js not found: looked in ${vendored.join(', ')} and node_modules. ` +
            'Run `npm ci` (from source) or `npm run bundle` (for dist/).');
    }
}
async function initialise() {
    const { dir, glue } = locateSqlJs();
    const load = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
    const exported = load(external_node_path_namespaceObject.join(dir, glue));
    const init = typeof exported === 'function' ? exported : exported.default;
    // Native SQLite math functions instead of sql.js's deprecated JS ones (which warn on use).
    return init({ locateFile: (file) => external_node_path_namespaceObject.join(dir, file), useOldExtensionFunctions: false });
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(968);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
