import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  isRelationshipMarker,
  parseJoinCondition
} from "./chunk-SD433YDN.js";
import {
  checkReadOnly
} from "./chunk-5G2X2JKW.js";
import {
  findThreePartNames,
  isThreePart,
  lastPart,
  normalizeIdentifier,
  normalizeName
} from "./chunk-6CTQWAUY.js";
import {
  hasEntityMatching,
  hasFormatAssistance,
  joinText
} from "./chunk-XWFLS6EG.js";

// src/space/limits.ts
var GENIE_LIMITS = { instructions: 100, snippets: 200, tables: 30 };
function slotUsage(space) {
  const i = space.instructions;
  const sources = [...space.data_sources?.tables ?? [], ...space.data_sources?.metric_views ?? []];
  const parts = {
    examples: i?.example_question_sqls?.length ?? 0,
    functions: i?.sql_functions?.length ?? 0,
    // The block counts once it says something (as lint counts it, src/lint/checks-limits.ts).
    textBlock: (i?.text_instructions ?? []).some((t) => joinText(t.content).trim() !== "") ? 1 : 0,
    tableDescriptions: sources.filter((t) => joinText(t.description).trim() !== "").length,
    joinSpecs: i?.join_specs?.length ?? 0,
    sqlSnippets: (i?.sql_snippets?.measures?.length ?? 0) + (i?.sql_snippets?.filters?.length ?? 0) + (i?.sql_snippets?.expressions?.length ?? 0)
  };
  return {
    instructions: parts.examples + parts.functions + parts.textBlock,
    snippets: parts.tableDescriptions + parts.joinSpecs + parts.sqlSnippets,
    tables: sources.length,
    parts
  };
}
function limitIssues(space) {
  const u = slotUsage(space);
  const p = u.parts;
  const issues = [];
  if (u.instructions > GENIE_LIMITS.instructions)
    issues.push({
      path: "$.instructions",
      message: `${u.instructions} instructions exceed Genie's limit of ${GENIE_LIMITS.instructions} per space (${p.examples} example SQL queries + ${p.functions} SQL functions + ${p.textBlock} text-instruction block): remove ${u.instructions - GENIE_LIMITS.instructions}, or turn several similar examples into one parameterised example`
    });
  if (u.snippets > GENIE_LIMITS.snippets)
    issues.push({
      path: "$.instructions",
      message: `${u.snippets} knowledge-store snippets exceed Genie's limit of ${GENIE_LIMITS.snippets} per space (${p.tableDescriptions} table descriptions + ${p.joinSpecs} join specs + ${p.sqlSnippets} SQL snippets): remove ${u.snippets - GENIE_LIMITS.snippets}`
    });
  if (u.tables > GENIE_LIMITS.tables)
    issues.push({
      path: "$.data_sources",
      message: `${u.tables} tables and metric views exceed Genie's limit of ${GENIE_LIMITS.tables} per space: remove ${u.tables - GENIE_LIMITS.tables} or split the space`
    });
  return issues;
}
function usageText(space) {
  const u = slotUsage(space);
  return `instructions ${u.instructions}/${GENIE_LIMITS.instructions}, snippets ${u.snippets}/${GENIE_LIMITS.snippets}, tables ${u.tables}/${GENIE_LIMITS.tables}`;
}

// src/space/invariant-context.ts
function createContext(space, file, warehouseSchema) {
  const issues = [];
  const tables = /* @__PURE__ */ new Map();
  const register = (list, base) => {
    (list ?? []).forEach((table, index) => {
      if (typeof table.identifier !== "string") return;
      const key = normalizeIdentifier(table.identifier);
      if (!tables.has(key)) tables.set(key, { identifier: table.identifier, path: `${base}[${index}]` });
    });
  };
  register(space.data_sources?.tables, "$.data_sources.tables");
  register(space.data_sources?.metric_views, "$.data_sources.metric_views");
  const warehouse = warehouseSchema ? new Map(
    warehouseSchema.tables.map((t) => [
      normalizeIdentifier(t.identifier),
      new Set(t.columns.map((c) => c.name.toLowerCase()))
    ])
  ) : void 0;
  return { space, tables, warehouse, issues, add: (path, message) => issues.push({ file, path, message }) };
}

// src/space/join-spec-invariants.ts
var MARKER_EXAMPLE = "--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--";
function sideOf(side) {
  if (!side || typeof side.identifier !== "string") return void 0;
  return {
    identifier: side.identifier,
    alias: typeof side.alias === "string" && side.alias !== "" ? side.alias : lastPart(side.identifier)
  };
}
function checkSide(ctx, side, path) {
  if (!side) {
    ctx.add(path, "missing join side: expected { identifier, alias } naming a table of the space");
    return;
  }
  if (!ctx.tables.has(normalizeIdentifier(side.identifier))) {
    ctx.add(
      `${path}.identifier`,
      `\`${side.identifier}\` is not a table of this space: add it to data_sources.tables or fix the identifier`
    );
  }
}
function checkColumnExists(ctx, column, side, path) {
  const columns = ctx.warehouse?.get(normalizeIdentifier(side.identifier));
  if (columns && !columns.has(column.column.toLowerCase())) {
    ctx.add(
      path,
      `column \`${column.qualifier}.${column.column}\` does not exist in ${side.identifier}: use one of its columns (${[...columns].slice(0, 12).join(", ")})`
    );
  }
}
function checkCondition(ctx, sql, left, right, path) {
  const condition = parseJoinCondition(sql);
  if (!condition) {
    ctx.add(
      path,
      `expected one equality condition written with the aliases, like \`${left.alias}\`.\`<column>\` = \`${right.alias}\`.\`<column>\` (a compound key is several join specs), got ${JSON.stringify(sql)}`
    );
    return;
  }
  const l = normalizeName(left.alias);
  const r = normalizeName(right.alias);
  const q1 = normalizeName(condition.left.qualifier);
  const q2 = normalizeName(condition.right.qualifier);
  const straight = q1 === l && q2 === r;
  const swapped = q1 === r && q2 === l;
  if (!straight && !swapped) {
    ctx.add(
      path,
      `the condition must use the aliases \`${left.alias}\` and \`${right.alias}\` as qualifiers, got \`${condition.left.qualifier}\` and \`${condition.right.qualifier}\``
    );
    return;
  }
  const [first, second] = straight ? [left, right] : [right, left];
  checkColumnExists(ctx, condition.left, first, path);
  checkColumnExists(ctx, condition.right, second, path);
}
function checkJoinSpecs(ctx) {
  const specs = ctx.space.instructions?.join_specs ?? [];
  specs.forEach((spec, index) => {
    const base = `$.instructions.join_specs[${index}]`;
    const left = sideOf(spec.left);
    const right = sideOf(spec.right);
    checkSide(ctx, left, `${base}.left`);
    checkSide(ctx, right, `${base}.right`);
    const sql = Array.isArray(spec.sql) ? spec.sql : [];
    if (sql.length === 0) {
      ctx.add(`${base}.sql`, `expected ["<alias>.<column> = <alias>.<column>", "${MARKER_EXAMPLE}"]`);
      return;
    }
    if (left && right) checkCondition(ctx, sql[0], left, right, `${base}.sql[0]`);
    if (sql.length < 2 || !isRelationshipMarker(sql[1])) {
      ctx.add(
        `${base}.sql[1]`,
        `expected a relationship marker such as "${MARKER_EXAMPLE}" (MANY_TO_ONE, ONE_TO_MANY, ONE_TO_ONE or MANY_TO_MANY); Genie fails to read exports without it`
      );
    }
    if (sql.length > 2) {
      ctx.add(
        `${base}.sql`,
        `holds ${sql.length} items; expected exactly two (the condition and the marker): a compound key is several join specs`
      );
    }
  });
}

// src/space/invariants.ts
var ID = /^[0-9a-f]{32}$/;
var ID_FIX = "use a UUID without dashes in lowercase (32 characters 0-9a-f), e.g. from `uuidgen | tr -d - | tr A-F a-f`";
function idLists(space) {
  const instructions = space.instructions;
  return [
    ["$.config.sample_questions", space.config?.sample_questions],
    ["$.instructions.text_instructions", instructions?.text_instructions],
    ["$.instructions.example_question_sqls", instructions?.example_question_sqls],
    ["$.instructions.sql_functions", instructions?.sql_functions],
    ["$.instructions.join_specs", instructions?.join_specs],
    ["$.instructions.sql_snippets.filters", instructions?.sql_snippets?.filters],
    ["$.instructions.sql_snippets.expressions", instructions?.sql_snippets?.expressions],
    ["$.instructions.sql_snippets.measures", instructions?.sql_snippets?.measures],
    ["$.benchmarks.questions", space.benchmarks?.questions]
  ];
}
function checkIds(ctx) {
  const seen = /* @__PURE__ */ new Map();
  for (const [base, list] of idLists(ctx.space)) {
    (list ?? []).forEach((item, index) => {
      const path = `${base}[${index}].id`;
      if (typeof item.id !== "string" || !ID.test(item.id)) {
        ctx.add(path, `id ${JSON.stringify(item.id)} is not well formed: ${ID_FIX}`);
        return;
      }
      const first = seen.get(item.id);
      if (first)
        ctx.add(
          path,
          `id ${item.id} is also used at ${first}: ids must be unique across the file; give this item a new id`
        );
      else seen.set(item.id, path);
    });
  }
}
function checkColumns(ctx, table, path, columns) {
  const seen = /* @__PURE__ */ new Map();
  (table.column_configs ?? []).forEach((column, index) => {
    const columnPath = `${path}.column_configs[${index}]`;
    const name = typeof column.column_name === "string" ? column.column_name.toLowerCase() : "";
    const first = seen.get(name);
    if (first)
      ctx.add(
        `${columnPath}.column_name`,
        `column "${column.column_name}" is configured twice in this table (also at ${first}): merge the two entries`
      );
    else seen.set(name, columnPath);
    if (columns && name && !columns.has(name)) {
      ctx.add(
        `${columnPath}.column_name`,
        `column "${column.column_name}" does not exist in ${table.identifier}: fix the name or remove the entry (columns: ${[...columns].slice(0, 12).join(", ")})`
      );
    }
    if (hasEntityMatching(column) && !hasFormatAssistance(column)) {
      const [flag, needed] = column.build_value_dictionary === true ? ["build_value_dictionary", "get_example_values"] : ["enable_entity_matching", "enable_format_assistance"];
      ctx.add(`${columnPath}.${flag}`, `entity matching requires format assistance: also set ${needed} to true`);
    }
  });
}
function suggestTable(ctx, identifier) {
  const name = identifier.replace(/`/g, "").split(".").pop()?.toLowerCase();
  const match = [...ctx.warehouse?.keys() ?? []].find((key) => key.split(".").pop() === name);
  return match ? ` (did you mean ${match}?)` : "";
}
function checkTables(ctx, key) {
  const seen = /* @__PURE__ */ new Map();
  (ctx.space.data_sources?.[key] ?? []).forEach((table, index) => {
    const path = `$.data_sources.${key}[${index}]`;
    if (!isThreePart(table.identifier)) {
      ctx.add(
        `${path}.identifier`,
        `\`${table.identifier}\` is not a three-part name: write catalog.schema.${key === "tables" ? "table" : "metric_view"} (backticks allowed)`
      );
    }
    const normalized = normalizeIdentifier(table.identifier);
    const first = seen.get(normalized);
    if (first)
      ctx.add(`${path}.identifier`, `${table.identifier} is listed twice (also at ${first}): merge the two entries`);
    else seen.set(normalized, path);
    const columns = ctx.warehouse?.get(normalized);
    if (ctx.warehouse && !columns && key === "tables") {
      ctx.add(
        `${path}.identifier`,
        `table ${table.identifier} does not exist in the warehouse${suggestTable(ctx, table.identifier)}: fix the identifier or remove the table`
      );
    }
    checkColumns(ctx, table, path, columns);
  });
}
function checkTextInstructions(ctx) {
  const count = ctx.space.instructions?.text_instructions?.length ?? 0;
  if (count > 1) {
    ctx.add(
      "$.instructions.text_instructions",
      `holds ${count} items; Genie accepts at most one: merge their content into the first and remove the others`
    );
  }
}
function checkFunctions(ctx) {
  (ctx.space.instructions?.sql_functions ?? []).forEach((fn, index) => {
    if (!isThreePart(fn.identifier)) {
      ctx.add(
        `$.instructions.sql_functions[${index}].identifier`,
        `\`${fn.identifier}\` is not a three-part name: write catalog.schema.function`
      );
    }
  });
}
function checkReferences(ctx, sql, path) {
  const reported = /* @__PURE__ */ new Set();
  for (const name of findThreePartNames((sql ?? []).join(""))) {
    const key = normalizeIdentifier(name);
    if (ctx.tables.has(key) || reported.has(key)) continue;
    reported.add(key);
    ctx.add(
      path,
      `refers to ${name}, which is not a table of this space: add it to data_sources.tables or change the SQL`
    );
  }
}
function checkGate(ctx, sql, path, snippet) {
  const text = (sql ?? []).join("");
  const gate = checkReadOnly(snippet ? `SELECT ${text}
` : text);
  if (!gate.ok) ctx.add(path, `${snippet ? "the snippet" : "example SQL"} must be read-only: ${gate.reason}`);
}
function checkSqlReferences(ctx) {
  const instructions = ctx.space.instructions;
  (instructions?.example_question_sqls ?? []).forEach((example, index) => {
    const path = `$.instructions.example_question_sqls[${index}].sql`;
    checkReferences(ctx, example.sql, path);
    checkGate(ctx, example.sql, path, false);
  });
  for (const kind of ["filters", "expressions", "measures"]) {
    (instructions?.sql_snippets?.[kind] ?? []).forEach((snippet, index) => {
      const path = `$.instructions.sql_snippets.${kind}[${index}].sql`;
      checkReferences(ctx, snippet.sql, path);
      checkGate(ctx, snippet.sql, path, true);
    });
  }
}
function checkInvariants(space, options) {
  const ctx = createContext(space, options.file, options.warehouseSchema);
  checkIds(ctx);
  checkTables(ctx, "tables");
  checkTables(ctx, "metric_views");
  checkTextInstructions(ctx);
  checkFunctions(ctx);
  checkJoinSpecs(ctx);
  checkSqlReferences(ctx);
  for (const issue of limitIssues(space)) ctx.add(issue.path, issue.message);
  return ctx.issues;
}

export {
  GENIE_LIMITS,
  slotUsage,
  limitIssues,
  usageText,
  checkInvariants
};
