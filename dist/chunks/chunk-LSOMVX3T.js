import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  ConfigError
} from "./chunk-IX2IGMNH.js";

// src/util/number-option.ts
function numberOption(value, flag, bounds = {}) {
  if (value === void 0) return void 0;
  const b = bounds.fraction ? { ...bounds, min: 0, max: 1 } : bounds;
  const n = Number(value);
  const bad = value.trim() === "" || !Number.isFinite(n) || b.integer && !Number.isInteger(n) || b.min !== void 0 && n < b.min || b.max !== void 0 && n > b.max;
  if (!bad) return n;
  const hint = bounds.fraction && Number.isFinite(n) && n > 1 && n <= 100 ? `write ${n / 100} for ${n}%` : void 0;
  throw new ConfigError(`${flag} must be ${describeRange(b)} (got ${value})`, hint);
}
function describeRange(b) {
  const kind = b.fraction ? "a fraction" : b.integer ? "an integer" : "a number";
  if (b.min !== void 0 && b.max !== void 0) return `${kind} from ${b.min} to ${b.max}`;
  if (b.min !== void 0) return `${kind} \u2265 ${b.min}`;
  if (b.max !== void 0) return `${kind} \u2264 ${b.max}`;
  return kind;
}

// src/util/duration-option.ts
var UNITS = { h: 36e5, m: 6e4, s: 1e3, ms: 1 };
function parseDuration(text) {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, "");
  if (trimmed === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * UNITS.m;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) return void 0;
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]], 0);
}
function durationOption(value, flag) {
  if (value === void 0) return void 0;
  const ms = parseDuration(value);
  if (ms === void 0 || ms <= 0)
    throw new ConfigError(`${flag} must be a duration such as 90m, 1h30m or 45s (got ${value})`, `e.g. ${flag} 100m`);
  return ms;
}

export {
  numberOption,
  durationOption
};
