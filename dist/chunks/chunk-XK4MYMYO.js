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
  collapseWhitespace,
  compareStrings,
  dedupeCaseInsensitive,
  fixKey,
  flipRelationship,
  normalizeSqlText,
  toTextPieces
} from "./chunk-PXHFY66S.js";
import {
  RELATIONSHIP_MARKER,
  isRelationshipMarker,
  parseJoinCondition
} from "./chunk-SD433YDN.js";
import {
  isThreePart,
  lastPart,
  normalizeIdentifier,
  normalizeName,
  unquoteName
} from "./chunk-6CTQWAUY.js";
import {
  joinText
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  GenieGitopsError
} from "./chunk-IX2IGMNH.js";

// src/fixes/compile/patch-ops.ts
function pointer(segments) {
  return segments.map((segment) => "/" + String(segment).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function valueAt(document, segments) {
  let node = document;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return void 0;
  }
  return node;
}
function ensureContainer(document, segments, leaf) {
  const ops = [];
  for (let i = 1; i <= segments.length; i++) {
    if (valueAt(document, segments.slice(0, i)) !== void 0) continue;
    const value = i === segments.length && leaf === "array" ? [] : {};
    ops.push({ op: "add", path: pointer(segments.slice(0, i)), value });
  }
  return ops;
}
function sortedIndex(items, key, keyOf) {
  let index = 0;
  while (index < items.length && compareStrings(keyOf(items[index]), key) <= 0) index++;
  return index;
}
function insertSorted(document, segments, item, keyOf) {
  const ops = ensureContainer(document, segments, "array");
  const existing = valueAt(document, segments);
  const list = Array.isArray(existing) ? existing : [];
  const index = sortedIndex(list, keyOf(item), keyOf);
  ops.push({ op: "add", path: pointer([...segments, String(index)]), value: item });
  return ops;
}
function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function setMember(object, segments, key, value, same = (current) => sameJson(current, value)) {
  const path = pointer([...segments, key]);
  const current = object[key];
  if (current === void 0) return [{ op: "add", path, value }];
  if (same(current)) return [];
  return [
    { op: "test", path, value: current },
    { op: "replace", path, value }
  ];
}

// src/fixes/fix-types.ts
var nonEmpty = external_exports.string().trim().min(1, "must not be empty");
var tableId = nonEmpty.refine(isThreePart, "a table is a three-part identifier catalog.schema.table");
var columnName = nonEmpty.refine(
  (value) => !value.includes(".") || value.startsWith("`"),
  "a column is a bare column name, not table-qualified"
);
var RelationshipSchema = external_exports.enum(["MANY_TO_ONE", "ONE_TO_MANY", "ONE_TO_ONE", "MANY_TO_MANY"]);
var common = {
  rationale: nonEmpty.transform((value) => value.replace(/\s+/g, " ")),
  targets: external_exports.array(nonEmpty).default([])
};
var AddSynonymSchema = external_exports.object({
  type: external_exports.literal("add_synonym"),
  table: tableId,
  column: columnName,
  synonyms: external_exports.array(nonEmpty).min(1, "give at least one synonym"),
  ...common
});
var AddColumnDescriptionSchema = external_exports.object({
  type: external_exports.literal("add_column_description"),
  table: tableId,
  column: columnName,
  description: nonEmpty,
  ...common
});
var UpdateTableDescriptionSchema = external_exports.object({
  type: external_exports.literal("update_table_description"),
  table: tableId,
  description: nonEmpty,
  ...common
});
var JoinSideSchema = external_exports.object({ table: tableId, column: columnName });
var AddJoinSchema = external_exports.object({
  type: external_exports.literal("add_join"),
  left: JoinSideSchema,
  right: JoinSideSchema,
  relationship: RelationshipSchema,
  comment: nonEmpty.optional(),
  ...common
}).superRefine((fix, ctx) => {
  const side = (s) => `${normalizeIdentifier(s.table)}.${normalizeName(s.column)}`;
  if (side(fix.left) === side(fix.right))
    ctx.addIssue({ code: "custom", path: ["right"], message: "a join links two different columns" });
});
var FixJoinSchema = external_exports.object({
  type: external_exports.literal("fix_join"),
  joinId: external_exports.string().regex(/^[0-9a-f]{32}$/, "joinId is the 32-hex id of an existing join spec"),
  relationship: RelationshipSchema,
  ...common
});
var ParameterSchema = external_exports.object({
  name: external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a parameter name is a SQL identifier (letters, digits, _)"),
  type_hint: nonEmpty.optional(),
  description: nonEmpty.optional(),
  /** One default value, or several for a multi-value parameter. */
  default_value: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).optional()
});
var AddExampleQuerySchema = external_exports.object({
  type: external_exports.literal("add_example_query"),
  question: nonEmpty,
  sql: nonEmpty,
  usage_guidance: nonEmpty.optional(),
  parameters: external_exports.array(ParameterSchema).optional(),
  ...common
}).superRefine((fix, ctx) => {
  const names = /* @__PURE__ */ new Set();
  (fix.parameters ?? []).forEach((param, i) => {
    if (names.has(param.name))
      ctx.addIssue({
        code: "custom",
        path: ["parameters", i, "name"],
        message: `parameter "${param.name}" is declared twice`
      });
    names.add(param.name);
    if (!new RegExp(`(^|[^:A-Za-z0-9_]):${param.name}\\b`).test(fix.sql)) {
      ctx.addIssue({
        code: "custom",
        path: ["parameters", i, "name"],
        message: `parameter "${param.name}" is not used as :${param.name} in the SQL`
      });
    }
  });
});
var SnippetKindSchema = external_exports.enum(["measure", "filter", "expression"]);
var AddSqlSnippetSchema = external_exports.object({
  type: external_exports.literal("add_sql_snippet"),
  kind: SnippetKindSchema,
  display_name: nonEmpty,
  sql: nonEmpty,
  alias: external_exports.string().regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, "an alias is a SQL identifier").optional(),
  synonyms: external_exports.array(nonEmpty).optional(),
  instruction: nonEmpty.optional(),
  comment: nonEmpty.optional(),
  ...common
}).superRefine((fix, ctx) => {
  if (fix.kind === "filter" && fix.alias !== void 0)
    ctx.addIssue({ code: "custom", path: ["alias"], message: "a filter has no alias" });
  if (fix.kind === "filter" && /^\s*where\b/i.test(fix.sql))
    ctx.addIssue({ code: "custom", path: ["sql"], message: "a filter is a boolean condition without WHERE" });
});
var EnableGetExampleValuesSchema = external_exports.object({
  type: external_exports.literal("enable_get_example_values"),
  table: tableId,
  column: columnName,
  ...common
});
var EnableBuildValueDictionarySchema = external_exports.object({
  type: external_exports.literal("enable_build_value_dictionary"),
  table: tableId,
  column: columnName,
  ...common
});
var AddTextInstructionSchema = external_exports.object({
  type: external_exports.literal("add_text_instruction"),
  text: nonEmpty,
  ...common
});
var FixSchema = external_exports.discriminatedUnion("type", [
  AddSynonymSchema,
  AddColumnDescriptionSchema,
  UpdateTableDescriptionSchema,
  AddJoinSchema,
  FixJoinSchema,
  AddExampleQuerySchema,
  AddSqlSnippetSchema,
  EnableGetExampleValuesSchema,
  EnableBuildValueDictionarySchema,
  AddTextInstructionSchema
]);
var FIX_TYPES = FixSchema.options.map((option) => option.shape.type.value);

// src/fixes/compile/new-id.ts
import { createHash } from "node:crypto";
var ID = /^[0-9a-f]{32}$/;
var MODULUS = 1n << 128n;
function collectIds(document, into = /* @__PURE__ */ new Set()) {
  if (Array.isArray(document)) {
    for (const item of document) collectIds(item, into);
  } else if (document !== null && typeof document === "object") {
    for (const [key, value] of Object.entries(document)) {
      if (key === "id" && typeof value === "string" && ID.test(value.toLowerCase())) into.add(value.toLowerCase());
      else collectIds(value, into);
    }
  }
  return into;
}
function newId(document, seed) {
  const taken = collectIds(document);
  let value = BigInt("0x" + createHash("sha256").update(seed).digest("hex").slice(0, 32));
  let id = value.toString(16).padStart(32, "0");
  while (taken.has(id)) {
    value = (value + 1n) % MODULUS;
    id = value.toString(16).padStart(32, "0");
  }
  return id;
}

// src/fixes/fix-errors.ts
var FixCompileError = class extends GenieGitopsError {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
  kind;
};

// src/space/space-lookup.ts
function findTable(space, identifier) {
  const wanted = normalizeIdentifier(identifier);
  for (const list of ["tables", "metric_views"]) {
    const tables = space.data_sources?.[list] ?? [];
    const index = tables.findIndex((table) => normalizeIdentifier(table.identifier) === wanted);
    if (index >= 0) return { segments: ["data_sources", list, String(index)], table: tables[index] };
  }
  return void 0;
}
function findColumn(table, column) {
  const wanted = normalizeName(column);
  const configs = table.table.column_configs ?? [];
  const index = configs.findIndex((config) => normalizeName(config.column_name) === wanted);
  return index >= 0 ? { table, index, column: configs[index] } : { table };
}
function findJoinById(space, id) {
  const specs = space.instructions?.join_specs ?? [];
  const index = specs.findIndex((spec) => spec.id === id.toLowerCase());
  return index >= 0 ? { index, spec: specs[index] } : void 0;
}
function findRelationshipMarker(spec) {
  for (let index = 0; index < spec.sql.length; index++) {
    const match = RELATIONSHIP_MARKER.exec(spec.sql[index].trim());
    if (match) return { index, relationship: match[1] };
  }
  return void 0;
}
function relationshipMarker(relationship) {
  return `--rt=FROM_RELATIONSHIP_TYPE_${relationship}--`;
}
function parseJoinCondition2(spec) {
  const condition = spec.sql.find((line) => !isRelationshipMarker(line));
  const parsed = condition === void 0 ? void 0 : parseJoinCondition(condition.replace(/\n/g, " "));
  if (!parsed) return void 0;
  const aliases = /* @__PURE__ */ new Map();
  for (const side of [spec.left, spec.right]) {
    aliases.set(normalizeName(side.alias || lastPart(side.identifier)), normalizeIdentifier(side.identifier));
  }
  const resolve = (qualifier, column) => {
    const table = aliases.get(normalizeName(qualifier));
    return table === void 0 ? void 0 : `${table}.${normalizeName(column)}`;
  };
  const left = resolve(parsed.left.qualifier, parsed.left.column);
  const right = resolve(parsed.right.qualifier, parsed.right.column);
  return left !== void 0 && right !== void 0 ? { left, right } : void 0;
}

// src/fixes/compile/column-fixes.ts
function requireTable(space, identifier) {
  const table = findTable(space, identifier);
  if (!table)
    throw new FixCompileError(
      "unknown_reference",
      `unknown table ${identifier}: it is not a table or metric view of this space`
    );
  return table;
}
function columnOps(space, fix, onExisting, forNew) {
  const table = requireTable(space, fix.table);
  const located = findColumn(table, fix.column);
  if (located.column && located.index !== void 0) {
    if (located.column.exclude === true) {
      throw new FixCompileError(
        "conflict",
        `column ${fix.column} of ${fix.table} is excluded from the space; include it before configuring it`
      );
    }
    return onExisting(located.column, [...table.segments, "column_configs", String(located.index)]);
  }
  const members = forNew();
  if (!members) return [];
  const config = { column_name: unquoteName(fix.column), ...members };
  return insertSorted(space, [...table.segments, "column_configs"], config, (item) => String(item.column_name));
}
function sameText(pieces) {
  return (current) => Array.isArray(current) && joinText(current).trim() === joinText(pieces).trim();
}
function compileAddSynonym(space, fix) {
  return columnOps(
    space,
    fix,
    (column, segments) => {
      const fresh = dedupeCaseInsensitive(fix.synonyms, [...column.synonyms ?? [], column.column_name]);
      if (fresh.length === 0) return [];
      if (column.synonyms === void 0) return setMember(column, segments, "synonyms", fresh);
      const start = column.synonyms.length;
      return fresh.map((synonym, i) => ({
        op: "add",
        path: pointer([...segments, "synonyms", start + i]),
        value: synonym
      }));
    },
    () => {
      const fresh = dedupeCaseInsensitive(fix.synonyms, [unquoteName(fix.column)]);
      return fresh.length > 0 ? { synonyms: fresh } : void 0;
    }
  );
}
function compileAddColumnDescription(space, fix) {
  const pieces = toTextPieces(fix.description.trim());
  return columnOps(
    space,
    fix,
    (column, segments) => setMember(column, segments, "description", pieces, sameText(pieces)),
    () => ({ description: pieces })
  );
}
function compileUpdateTableDescription(space, fix) {
  const table = requireTable(space, fix.table);
  const pieces = toTextPieces(fix.description.trim());
  return setMember(table.table, table.segments, "description", pieces, sameText(pieces));
}
function flagNames(space) {
  return space.version >= 2 ? { formatAssistance: "enable_format_assistance", entityMatching: "enable_entity_matching" } : { formatAssistance: "get_example_values", entityMatching: "build_value_dictionary" };
}
function compileEnableGetExampleValues(space, fix) {
  const { formatAssistance } = flagNames(space);
  return columnOps(
    space,
    fix,
    (column, segments) => setMember(column, segments, formatAssistance, true),
    () => ({ [formatAssistance]: true })
  );
}
function compileEnableBuildValueDictionary(space, fix) {
  const { formatAssistance, entityMatching } = flagNames(space);
  return columnOps(
    space,
    fix,
    (column, segments) => [
      ...setMember(column, segments, formatAssistance, true),
      ...setMember(column, segments, entityMatching, true)
    ],
    () => ({ [formatAssistance]: true, [entityMatching]: true })
  );
}

// src/fixes/compile/instruction-fixes.ts
var byId = (item) => item.id;
function compileAddJoin(space, fix) {
  const left = requireTable(space, fix.left.table);
  const right = requireTable(space, fix.right.table);
  const leftColumn = `${normalizeIdentifier(left.table.identifier)}.${normalizeName(fix.left.column)}`;
  const rightColumn = `${normalizeIdentifier(right.table.identifier)}.${normalizeName(fix.right.column)}`;
  for (const spec2 of space.instructions?.join_specs ?? []) {
    const condition2 = parseJoinCondition2(spec2);
    if (!condition2) continue;
    const marker = findRelationshipMarker(spec2)?.relationship;
    let existing;
    if (condition2.left === leftColumn && condition2.right === rightColumn) existing = marker;
    else if (condition2.left === rightColumn && condition2.right === leftColumn) {
      const parsed = RelationshipSchema.safeParse(marker);
      existing = parsed.success ? flipRelationship(parsed.data) : marker;
    } else continue;
    if (existing === fix.relationship) return [];
    throw new FixCompileError(
      "conflict",
      `join spec ${spec2.id} already joins these columns ${existing ? `as ${existing}` : "without a relationship"}; use fix_join to change it`
    );
  }
  const leftAlias = lastPart(left.table.identifier);
  let rightAlias = lastPart(right.table.identifier);
  if (rightAlias.toLowerCase() === leftAlias.toLowerCase()) rightAlias = `${rightAlias}_2`;
  const condition = `${quoteName(leftAlias)}.${quoteName(unquoteName(fix.left.column))} = ${quoteName(rightAlias)}.${quoteName(unquoteName(fix.right.column))}`;
  const spec = {
    id: newId(space, fixKey(fix)),
    left: { identifier: left.table.identifier, alias: leftAlias },
    right: { identifier: right.table.identifier, alias: rightAlias },
    sql: [condition, relationshipMarker(fix.relationship)],
    ...fix.comment ? { comment: toTextPieces(fix.comment) } : {}
  };
  return insertSorted(space, ["instructions", "join_specs"], spec, byId);
}
function compileFixJoin(space, fix) {
  const located = findJoinById(space, fix.joinId);
  if (!located)
    throw new FixCompileError(
      "unknown_reference",
      `unknown join spec ${fix.joinId}: the space has no join with this id`
    );
  const segments = ["instructions", "join_specs", String(located.index), "sql"];
  const marker = findRelationshipMarker(located.spec);
  if (!marker)
    return [
      { op: "add", path: pointer([...segments, located.spec.sql.length]), value: relationshipMarker(fix.relationship) }
    ];
  if (marker.relationship === fix.relationship) return [];
  const path = pointer([...segments, marker.index]);
  return [
    { op: "test", path, value: located.spec.sql[marker.index] },
    { op: "replace", path, value: relationshipMarker(fix.relationship) }
  ];
}
function compileParameter(param) {
  const values = param.default_value === void 0 ? void 0 : Array.isArray(param.default_value) ? param.default_value : [param.default_value];
  return {
    name: param.name,
    ...param.type_hint ? { type_hint: param.type_hint } : {},
    ...param.description ? { description: toTextPieces(param.description) } : {},
    ...values ? { default_value: { values } } : {}
  };
}
function compileAddExampleQuery(space, fix) {
  const question = collapseWhitespace(fix.question).toLowerCase();
  const sql = normalizeSqlText(fix.sql);
  for (const example2 of space.instructions?.example_question_sqls ?? []) {
    if (collapseWhitespace(joinText(example2.question)).toLowerCase() !== question) continue;
    if (normalizeSqlText(joinText(example2.sql)) === sql) return [];
    throw new FixCompileError("conflict", `example ${example2.id} already answers this question with other SQL`);
  }
  const parameters = [...fix.parameters ?? []].sort((a, b) => compareStrings(a.name, b.name)).map(compileParameter);
  const example = {
    id: newId(space, fixKey(fix)),
    question: toTextPieces(fix.question.trim()),
    sql: toTextPieces(fix.sql.trim()),
    ...parameters.length > 0 ? { parameters } : {},
    ...fix.usage_guidance ? { usage_guidance: toTextPieces(fix.usage_guidance) } : {}
  };
  return insertSorted(space, ["instructions", "example_question_sqls"], example, byId);
}
var SNIPPET_LISTS = { measure: "measures", filter: "filters", expression: "expressions" };
function aliasFromName(displayName) {
  const alias = displayName.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, "_").replace(/^_+|_+$/g, "");
  return new RegExp("^\\p{N}", "u").test(alias) || alias === "" ? `_${alias}` : alias;
}
function compileAddSqlSnippet(space, fix) {
  const listKey = SNIPPET_LISTS[fix.kind];
  const existing = space.instructions?.sql_snippets?.[listKey] ?? [];
  const sql = normalizeSqlText(fix.sql);
  const name = collapseWhitespace(fix.display_name).toLowerCase();
  const alias = fix.kind === "filter" ? void 0 : fix.alias ?? aliasFromName(fix.display_name);
  if (existing.some((snippet2) => normalizeSqlText(joinText(snippet2.sql)) === sql)) return [];
  for (const snippet2 of existing) {
    const sameName = snippet2.display_name !== void 0 && collapseWhitespace(snippet2.display_name).toLowerCase() === name;
    const snippetAlias = "alias" in snippet2 && typeof snippet2.alias === "string" ? snippet2.alias : void 0;
    const sameAlias = alias !== void 0 && snippetAlias?.toLowerCase() === alias.toLowerCase();
    if (sameName || sameAlias) {
      throw new FixCompileError(
        "conflict",
        `${fix.kind} ${snippet2.id} already uses the ${sameName ? `name "${fix.display_name}"` : `alias ${alias}`} with other SQL`
      );
    }
  }
  const synonyms = dedupeCaseInsensitive(fix.synonyms ?? []);
  const snippet = {
    id: newId(space, fixKey(fix)),
    ...alias !== void 0 ? { alias } : {},
    sql: toTextPieces(fix.sql.trim()),
    display_name: fix.display_name.trim(),
    ...synonyms.length > 0 ? { synonyms } : {},
    ...fix.instruction ? { instruction: toTextPieces(fix.instruction) } : {},
    ...fix.comment ? { comment: toTextPieces(fix.comment) } : {}
  };
  return insertSorted(space, ["instructions", "sql_snippets", listKey], snippet, byId);
}
function compileAddTextInstruction(space, fix) {
  const text = fix.text.trim();
  const current = space.instructions?.text_instructions?.[0];
  if (!current) {
    return insertSorted(
      space,
      ["instructions", "text_instructions"],
      { id: newId(space, fixKey(fix)), content: [`${text}
`] },
      byId
    );
  }
  const joined = joinText(current.content);
  if (collapseWhitespace(joined).toLowerCase().includes(collapseWhitespace(text).toLowerCase())) return [];
  const piece = (joined !== "" && !joined.endsWith("\n") ? "\n" : "") + `${text}
`;
  return [
    {
      op: "add",
      path: pointer(["instructions", "text_instructions", "0", "content", current.content.length]),
      value: piece
    }
  ];
}

// src/fixes/compile/compile-fix.ts
function compileFix(space, fix) {
  switch (fix.type) {
    case "add_synonym":
      return compileAddSynonym(space, fix);
    case "add_column_description":
      return compileAddColumnDescription(space, fix);
    case "update_table_description":
      return compileUpdateTableDescription(space, fix);
    case "add_join":
      return compileAddJoin(space, fix);
    case "fix_join":
      return compileFixJoin(space, fix);
    case "add_example_query":
      return compileAddExampleQuery(space, fix);
    case "add_sql_snippet":
      return compileAddSqlSnippet(space, fix);
    case "enable_get_example_values":
      return compileEnableGetExampleValues(space, fix);
    case "enable_build_value_dictionary":
      return compileEnableBuildValueDictionary(space, fix);
    case "add_text_instruction":
      return compileAddTextInstruction(space, fix);
  }
}

export {
  FixCompileError,
  pointer,
  findTable,
  findJoinById,
  findRelationshipMarker,
  parseJoinCondition2 as parseJoinCondition,
  FixSchema,
  newId,
  compileFix
};
