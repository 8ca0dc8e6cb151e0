import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/space/join-condition.ts
var RELATIONSHIP_MARKER = /^--rt=FROM_RELATIONSHIP_TYPE_(MANY_TO_ONE|ONE_TO_MANY|ONE_TO_ONE|MANY_TO_MANY)--$/;
var PART = "(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)";
var EQUALITY = new RegExp(`^${PART}\\s*\\.\\s*${PART}\\s*=\\s*${PART}\\s*\\.\\s*${PART}$`);
function unquote(part) {
  return part.startsWith("`") ? part.slice(1, -1).replace(/``/g, "`") : part;
}
function parseJoinCondition(sql) {
  let text = sql.trim();
  if (text.startsWith("(") && text.endsWith(")")) text = text.slice(1, -1).trim();
  const match = EQUALITY.exec(text);
  if (!match) return void 0;
  const [, q1, c1, q2, c2] = match;
  return {
    left: { qualifier: unquote(q1), column: unquote(c1) },
    right: { qualifier: unquote(q2), column: unquote(c2) }
  };
}
function isRelationshipMarker(text) {
  return RELATIONSHIP_MARKER.test(text.trim());
}

export {
  RELATIONSHIP_MARKER,
  parseJoinCondition,
  isRelationshipMarker
};
