import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  splitIdentifier
} from "./chunk-6CTQWAUY.js";

// src/sql/quote.ts
function quoteName(name) {
  return "`" + name.replace(/`/g, "``") + "`";
}
function quoteTableIdentifier(identifier) {
  const parts = splitIdentifier(identifier);
  if (!parts || parts.length < 1 || parts.length > 3) return void 0;
  return parts.map(quoteName).join(".");
}
function quoteLiteral(value) {
  if (value.includes("\\")) return void 0;
  return `'${value.replace(/'/g, "''")}'`;
}

export {
  quoteName,
  quoteTableIdentifier,
  quoteLiteral
};
