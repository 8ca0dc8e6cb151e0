import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  CATEGORIES,
  canonicalQuestion,
  canonicalSql,
  exampleKeys
} from "./chunk-PFNWRXII.js";
import {
  tryExtractSqlShape
} from "./chunk-UNMHX7W3.js";
import {
  GENIE_LIMITS,
  checkInvariants
} from "./chunk-IHHUWFZN.js";
import {
  isRelationshipMarker,
  parseJoinCondition
} from "./chunk-SD433YDN.js";
import {
  checkReadOnly
} from "./chunk-5G2X2JKW.js";
import {
  isThreePart,
  lastPart,
  normalizeIdentifier,
  normalizeName,
  splitIdentifier
} from "./chunk-6CTQWAUY.js";
import {
  addIssueLines,
  formatPath,
  hasEntityMatching,
  joinText
} from "./chunk-XWFLS6EG.js";

// src/lint/checks-coverage.ts
var SHORT_DESCRIPTION = 15;
var squash = (text2) => text2.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
function describedness(description, name) {
  const text2 = joinText(description).trim();
  if (text2 === "") return 0;
  if (text2.length < SHORT_DESCRIPTION || squash(text2) === squash(name)) return 0.5;
  return 1;
}
function usedBy(uses, benchmarks) {
  return benchmarks > 0 ? ` (read by ${uses} of ${benchmarks} benchmark questions)` : "";
}
function byUse(items) {
  return items.sort((a, b) => (b.uses ?? 0) - (a.uses ?? 0));
}
function tableName(t) {
  return t.identifier;
}
var COVERAGE_CHECKS = [
  {
    id: "table-description-missing",
    severity: "warning",
    category: "coverage",
    measured: true,
    title: "A table has no description",
    run: (ctx) => byUse(
      ctx.tables.filter((t) => describedness(t.table.description, t.short) === 0).map((t) => ({
        path: t.path,
        message: `${tableName(t)} has no description${usedBy(t.uses, ctx.benchmarks.length)}`,
        fix: "describe what one row is and what the table is for, in the words people ask with",
        uses: t.uses
      }))
    )
  },
  {
    id: "column-description-missing",
    severity: "info",
    category: "coverage",
    measured: true,
    title: "A column has no description",
    run: (ctx) => {
      const out = [];
      for (const t of ctx.tables)
        for (const c of t.columns.values())
          if (!c.hidden && describedness(c.config.description, c.name) === 0)
            out.push({
              path: c.path,
              message: `${t.short}.${c.name} has no description${usedBy(c.uses, ctx.benchmarks.length)}`,
              fix: "say what the column holds: its unit, its codes and what they mean, and which table it points to if it is a key",
              uses: c.uses
            });
      return byUse(out);
    }
  },
  {
    id: "description-too-short",
    severity: "info",
    category: "coverage",
    measured: true,
    title: "A description only repeats the name or is very short",
    run: (ctx) => {
      const out = [];
      const check = (description, name, path, uses) => {
        if (describedness(description, name) === 0.5)
          out.push({
            path: `${path}.description`,
            message: `"${joinText(description).trim()}" says little more than the name ${name}`,
            fix: `write at least ${SHORT_DESCRIPTION} characters: what it means, its unit or codes, how it relates to other tables`,
            uses
          });
      };
      for (const t of ctx.tables) {
        check(t.table.description, t.short, t.path, t.uses);
        for (const c of t.columns.values()) if (!c.hidden) check(c.config.description, c.name, c.path, c.uses);
      }
      return byUse(out);
    }
  }
];

// src/space/text-pieces.ts
function toTextPieces(text2) {
  const lines = text2.replace(/\r\n?/g, "\n").split("\n");
  return lines.map((line, i) => i < lines.length - 1 ? line + "\n" : line).filter((piece) => piece !== "");
}
function collapseWhitespace(text2) {
  return text2.replace(/\s+/g, " ").trim();
}
function normalizeSqlText(sql) {
  return collapseWhitespace(sql.toLowerCase()).replace(/(\s*;)+$/, "").trim();
}
function dedupeCaseInsensitive(values, existing = []) {
  const seen = new Set(existing.map((value) => value.trim().toLowerCase()));
  const out = [];
  for (const value of values) {
    const trimmed = value.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

// src/lint/context.ts
var SNIPPET_SOURCE = "snippet_source";
function pairKey(a, b) {
  return a.key < b.key ? `${a.key}|${b.key}` : `${b.key}|${a.key}`;
}
function withoutParameters(sql) {
  return sql.replace(/(^|[^:\w]):([A-Za-z_]\w*)/g, "$1'p'");
}
function readShape(sql) {
  const shape = tryExtractSqlShape(sql);
  if (shape || !/\b(intersect|except|minus)\b/i.test(sql)) return shape;
  return tryExtractSqlShape(sql.replace(/\b(intersect|except|minus)(\s+(all|distinct))?\b/gi, "UNION"));
}
function buildTables(space) {
  const tables = [];
  for (const list of ["tables", "metric_views"]) {
    (space.data_sources?.[list] ?? []).forEach((table, index) => {
      const path = `$.data_sources.${list}[${index}]`;
      const parts = splitIdentifier(table.identifier);
      const info = {
        identifier: table.identifier,
        key: normalizeIdentifier(table.identifier),
        short: (parts?.[parts.length - 1] ?? table.identifier).toLowerCase(),
        path,
        table,
        columns: /* @__PURE__ */ new Map(),
        uses: 0
      };
      (table.column_configs ?? []).forEach((config, j) => {
        const key = config.column_name.replace(/`/g, "").toLowerCase();
        if (info.columns.has(key)) return;
        info.columns.set(key, {
          table: info,
          name: config.column_name,
          key,
          path: `${path}.column_configs[${j}]`,
          config,
          hidden: config.exclude === true,
          uses: 0
        });
      });
      tables.push(info);
    });
  }
  return tables;
}
function tableFinder(tables) {
  const byKey = new Map(tables.map((t) => [t.key, t]));
  return (name) => {
    const key = normalizeIdentifier(name);
    const exact = byKey.get(key);
    if (exact) return exact;
    const matches = tables.filter((t) => t.key.endsWith(`.${key}`));
    return matches.length === 1 ? matches[0] : void 0;
  };
}
function resolveShape(item, shape, find) {
  const byQualifier = /* @__PURE__ */ new Map();
  for (const ref of shape.tables) {
    if (ref.identifier === SNIPPET_SOURCE) continue;
    const table = find(ref.identifier);
    if (!table) {
      item.unknownTables.push(ref.identifier);
      continue;
    }
    if (!item.tables.includes(table)) item.tables.push(table);
    byQualifier.set(ref.name, table);
    if (ref.alias) byQualifier.set(ref.alias, table);
  }
  const resolve = (qualifier) => qualifier === null || qualifier === SNIPPET_SOURCE ? void 0 : byQualifier.get(qualifier) ?? (item.kind === "example" ? void 0 : find(qualifier));
  for (const ref of shape.columns) {
    const table = resolve(ref.table);
    if (table && !item.tables.includes(table)) item.tables.push(table);
    const qualifier = ref.table === null || ref.table === SNIPPET_SOURCE ? void 0 : ref.table;
    item.columns.push({ table, qualifier, column: ref.column.toLowerCase() });
  }
  for (const join of shape.joins) {
    const left = resolve(join.left.table);
    const right = resolve(join.right.table);
    const key = left && right && left !== right ? pairKey(left, right) : void 0;
    if (key && !item.pairs.has(key))
      item.pairs.set(key, {
        left: { table: left, column: join.left.column },
        right: { table: right, column: join.right.column }
      });
  }
}
function sqlItem(kind, path, sql, find) {
  const gate = checkReadOnly(kind === "example" ? sql : `SELECT ${sql}`);
  const condition = sql.replace(/^\s*where\b/i, "");
  const wrapped = kind === "example" ? withoutParameters(sql) : kind === "filter" ? `SELECT 1 FROM ${SNIPPET_SOURCE} WHERE ${condition}` : `SELECT ${sql} AS snippet_value FROM ${SNIPPET_SOURCE}`;
  const item = {
    kind,
    path,
    sql,
    gate,
    shape: null,
    tables: [],
    unknownTables: [],
    columns: [],
    pairs: /* @__PURE__ */ new Map()
  };
  if (!gate.ok) return item;
  item.shape = readShape(wrapped);
  if (item.shape) resolveShape(item, item.shape, find);
  return item;
}
function snippetItems(space, find) {
  const items = [];
  const lists = [
    ["filters", "filter"],
    ["expressions", "expression"],
    ["measures", "measure"]
  ];
  for (const [list, kind] of lists) {
    (space.instructions?.sql_snippets?.[list] ?? []).forEach((snippet, index) => {
      items.push(sqlItem(kind, `$.instructions.sql_snippets.${list}[${index}]`, joinText(snippet.sql), find));
    });
  }
  return items;
}
function buildContext(input) {
  const tables = buildTables(input.space);
  const findTable = tableFinder(tables);
  const examples2 = (input.space.instructions?.example_question_sqls ?? []).map(
    (example, index) => sqlItem("example", `$.instructions.example_question_sqls[${index}]`, joinText(example.sql), findTable)
  );
  const benchmarks = input.benchmarks ?? [];
  const benchmarkSql = benchmarks.map((benchmark) => ({
    benchmark,
    item: sqlItem("example", "$", benchmark.sql, findTable)
  }));
  for (const { item } of benchmarkSql) {
    for (const table of item.tables) table.uses++;
    const seen = /* @__PURE__ */ new Set();
    for (const use of item.columns) {
      const column2 = (use.table ? [use.table] : item.tables).map((t) => t.columns.get(use.column)).find(Boolean);
      if (column2 && !seen.has(column2)) {
        seen.add(column2);
        column2.uses++;
      }
    }
  }
  return {
    space: input.space,
    benchmarks,
    warehouse: input.warehouse,
    tables,
    examples: examples2,
    snippets: snippetItems(input.space, findTable),
    benchmarkSql,
    findTable
  };
}
function normalizeQuestion(text2) {
  return text2.toLowerCase().replace(/\s+/g, " ").trim().replace(/[\s?.!。？！]+$/u, "");
}
function entityFlagPath(column2) {
  return `${column2.path}.${column2.config.build_value_dictionary === true ? "build_value_dictionary" : "enable_entity_matching"}`;
}

// src/lint/checks-examples.ts
var PARAMETER = /(^|[^:\w]):([A-Za-z_]\w*)/g;
function parameterMarkers(sql) {
  return new Set([...sql.matchAll(PARAMETER)].map((m) => m[2]));
}
function copiedBenchmark(ctx, index) {
  const example = ctx.space.instructions?.example_question_sqls?.[index];
  if (!example) return void 0;
  const keys = exampleKeys(joinText(example.question), joinText(example.sql), example.parameters ?? []);
  for (const b of ctx.benchmarks) {
    if (keys.question !== "" && canonicalQuestion(b.question) === keys.question) return { id: b.id, by: "question" };
    if (keys.sql && canonicalSql(b.sql) === keys.sql) return { id: b.id, by: "SQL" };
  }
  return void 0;
}
function unknownColumns(ctx, item) {
  const out = /* @__PURE__ */ new Set();
  for (const use of item.columns) {
    if (!use.table) continue;
    const schema = ctx.warehouse?.schema.tables.find((t) => t.identifier.toLowerCase() === use.table.key);
    const known = schema ? schema.columns.some((c) => c.name.toLowerCase() === use.column) : use.table.columns.size === 0 || use.table.columns.has(use.column);
    if (!known) out.add(`${use.table.short}.${use.column}`);
  }
  return [...out];
}
function usableExample(ctx, index) {
  const item = ctx.examples[index];
  return item !== void 0 && item.gate.ok && item.shape !== null && item.unknownTables.length === 0 && unknownColumns(ctx, item).length === 0 && copiedBenchmark(ctx, index) === void 0;
}
function perExample(ctx, fn) {
  return ctx.examples.map((item, i) => fn(item, i)).filter((f) => f !== void 0);
}
var EXAMPLE_CHECKS = [
  {
    id: "example-not-read-only",
    severity: "error",
    category: "examples",
    title: "Example SQL that is not one read-only query",
    run: (ctx) => perExample(
      ctx,
      (item) => item.gate.ok ? void 0 : {
        path: `${item.path}.sql`,
        message: `example SQL refused by the read-only gate: ${item.gate.reason}`,
        fix: "write one SELECT (or WITH ... SELECT) query that answers the question"
      }
    )
  },
  {
    id: "example-sql-unparsable",
    severity: "warning",
    category: "examples",
    title: "Example SQL that does not parse",
    run: (ctx) => perExample(
      ctx,
      (item) => item.gate.ok && item.shape === null ? {
        path: `${item.path}.sql`,
        message: "the project's SQL parser cannot read this example (a syntax error, or Databricks syntax the parser lacks)",
        fix: "run the SQL on the warehouse; fix it if it fails, or simplify the construct if it runs"
      } : void 0
    )
  },
  {
    id: "sql-unknown-reference",
    severity: "warning",
    category: "examples",
    title: "Example or snippet SQL naming a table or column the space lacks",
    run: (ctx) => [...ctx.examples, ...ctx.snippets].flatMap((item) => {
      const tables = item.unknownTables.filter((t) => !isThreePart(t));
      const columns = unknownColumns(ctx, item);
      if (tables.length + columns.length === 0) return [];
      return [
        {
          path: `${item.path}.sql`,
          message: `refers to ${[...tables.map((t) => `table ${t}`), ...columns.map((c) => `column ${c}`)].join(", ")}, which the space does not have`,
          fix: "correct the name (column names come from the table config), or add the table to the space"
        }
      ];
    })
  },
  {
    id: "example-copies-benchmark",
    severity: "warning",
    category: "examples",
    title: "An example copies a benchmark question",
    run: (ctx) => perExample(ctx, (item, i) => {
      const copy = copiedBenchmark(ctx, i);
      return copy ? {
        path: item.path,
        message: `same ${copy.by} as benchmark ${copy.id}: that question is taught, so its pass measures memory, not the config`,
        fix: "generalise the example (a parameter, another filter value) or drop it; keep benchmarks as tests"
      } : void 0;
    })
  },
  {
    id: "example-uses-hidden-column",
    severity: "warning",
    category: "examples",
    title: "Example or snippet SQL reading a hidden column",
    run: (ctx) => [...ctx.examples, ...ctx.snippets].flatMap((item) => {
      const hidden = [
        ...new Set(
          item.columns.map((use) => use.table?.columns.get(use.column)).filter((c) => c?.hidden).map((c) => `${c.table.short}.${c.name}`)
        )
      ];
      return hidden.length === 0 ? [] : [
        {
          path: `${item.path}.sql`,
          message: `reads ${hidden.join(", ")}, hidden from Genie with exclude: true: Genie cannot follow the example`,
          fix: "show the column again (drop exclude), or rewrite the SQL without it"
        }
      ];
    })
  },
  {
    id: "example-duplicate",
    severity: "warning",
    category: "examples",
    title: "Two examples with the same question or SQL",
    run: (ctx) => {
      const seen = /* @__PURE__ */ new Map();
      const out = [];
      (ctx.space.instructions?.example_question_sqls ?? []).forEach((example, i) => {
        const path = `$.instructions.example_question_sqls[${i}]`;
        const keys = [
          `q:${normalizeQuestion(joinText(example.question))}`,
          `s:${normalizeSqlText(joinText(example.sql))}`
        ];
        const first = keys.map((k) => seen.get(k)).find(Boolean);
        if (first)
          out.push({
            path,
            message: `repeats the ${seen.get(keys[0]) ? "question" : "SQL"} of ${first}: one instruction slot spent twice`,
            fix: "merge the two (a parameter covers variants) or delete one"
          });
        for (const k of keys) if (!k.endsWith(":") && !seen.has(k)) seen.set(k, path);
      });
      return out;
    }
  },
  {
    id: "example-parameter-undocumented",
    severity: "warning",
    category: "examples",
    title: "An example parameter without a description or default",
    run: (ctx) => (ctx.space.instructions?.example_question_sqls ?? []).flatMap(
      (example, i) => (example.parameters ?? []).flatMap((p, j) => {
        const missing = [
          joinText(p.description).trim() === "" ? "a description" : "",
          (p.default_value?.values ?? []).length === 0 ? "a default value" : ""
        ].filter(Boolean);
        return missing.length === 0 ? [] : [
          {
            path: `$.instructions.example_question_sqls[${i}].parameters[${j}]`,
            message: `parameter :${p.name} has no ${missing.join(" and no ")}: Genie guesses what to fill in`,
            fix: "describe what the parameter selects (and its format), and give a typical default"
          }
        ];
      })
    )
  },
  {
    id: "example-parameter-mismatch",
    severity: "error",
    category: "examples",
    title: "Example SQL parameters and declarations disagree",
    run: (ctx) => (ctx.space.instructions?.example_question_sqls ?? []).flatMap((example, i) => {
      const used = parameterMarkers(joinText(example.sql));
      const declared = new Set((example.parameters ?? []).map((p) => p.name));
      const undeclared = [...used].filter((n) => !declared.has(n));
      const unused = [...declared].filter((n) => !used.has(n));
      if (undeclared.length + unused.length === 0) return [];
      return [
        {
          path: `$.instructions.example_question_sqls[${i}]`,
          message: [
            undeclared.length ? `uses ${undeclared.map((n) => `:${n}`).join(", ")} without declaring it` : "",
            unused.length ? `declares ${unused.join(", ")} but the SQL never uses it` : ""
          ].filter(Boolean).join("; "),
          fix: "declare every :name the SQL uses under parameters (name, type_hint, description, default_value), and drop unused ones"
        }
      ];
    })
  },
  {
    id: "example-question-empty",
    severity: "error",
    category: "examples",
    title: "An example with an empty question or SQL",
    run: (ctx) => (ctx.space.instructions?.example_question_sqls ?? []).flatMap((example, i) => {
      const empty = ["question", "sql"].filter((k) => joinText(example[k]).trim() === "");
      return empty.map((k) => ({
        path: `$.instructions.example_question_sqls[${i}].${k}`,
        message: `the example's ${k} is empty: Genie cannot match or follow it`,
        fix: k === "question" ? "write the question the SQL answers" : "write the SQL that answers the question"
      }));
    })
  },
  {
    id: "examples-missing",
    severity: "info",
    category: "examples",
    measured: true,
    title: "No example SQL",
    run: (ctx) => ctx.tables.length > 0 && ctx.examples.length === 0 ? [
      {
        path: "$.instructions",
        message: "the space has no example SQL: Genie learns joins, filters and business rules best from examples",
        fix: "add example question/SQL pairs for common question shapes (parameterised where values vary)"
      }
    ] : []
  }
];

// src/fixes/fix-key.ts
import { createHash } from "node:crypto";
var EXCLUSIVE_TYPES = /* @__PURE__ */ new Set([
  "add_column_description",
  "update_table_description",
  "add_join",
  "fix_join",
  "add_example_query",
  "add_sql_snippet"
]);
function isExclusive(fix) {
  return EXCLUSIVE_TYPES.has(fix.type);
}
var FLIPPED = {
  MANY_TO_ONE: "ONE_TO_MANY",
  ONE_TO_MANY: "MANY_TO_ONE",
  ONE_TO_ONE: "ONE_TO_ONE",
  MANY_TO_MANY: "MANY_TO_MANY"
};
function flipRelationship(relationship) {
  return FLIPPED[relationship];
}
function column(table, name) {
  return `${normalizeIdentifier(table)}.${normalizeName(name)}`;
}
function sortedSet(values) {
  return [...new Set(values.map((value) => value.trim().toLowerCase()))].sort();
}
function normalizedSql(sql) {
  return collapseWhitespace(sql).replace(/(\s*;)+$/, "");
}
function orientedJoin(fix) {
  const left = column(fix.left.table, fix.left.column);
  const right = column(fix.right.table, fix.right.column);
  return left <= right ? { left, right, relationship: fix.relationship } : { left: right, right: left, relationship: flipRelationship(fix.relationship) };
}
function fixContent(fix) {
  switch (fix.type) {
    case "add_synonym":
      return { type: fix.type, column: column(fix.table, fix.column), synonyms: sortedSet(fix.synonyms) };
    case "add_column_description":
      return { type: fix.type, column: column(fix.table, fix.column), description: fix.description.trim() };
    case "update_table_description":
      return { type: fix.type, table: normalizeIdentifier(fix.table), description: fix.description.trim() };
    case "add_join":
      return { type: fix.type, ...orientedJoin(fix), comment: fix.comment?.trim() };
    case "fix_join":
      return { type: fix.type, joinId: fix.joinId, relationship: fix.relationship };
    case "add_example_query":
      return {
        type: fix.type,
        question: collapseWhitespace(fix.question),
        sql: normalizedSql(fix.sql),
        usage_guidance: fix.usage_guidance?.trim(),
        parameters: fix.parameters && [...fix.parameters].sort((a, b) => compareStrings(a.name, b.name))
      };
    case "add_sql_snippet":
      return {
        type: fix.type,
        kind: fix.kind,
        display_name: collapseWhitespace(fix.display_name),
        sql: normalizedSql(fix.sql),
        alias: fix.alias,
        synonyms: fix.synonyms && sortedSet(fix.synonyms),
        instruction: fix.instruction?.trim(),
        comment: fix.comment?.trim()
      };
    case "enable_get_example_values":
    case "enable_build_value_dictionary":
      return { type: fix.type, column: column(fix.table, fix.column) };
    case "add_text_instruction":
      return { type: fix.type, text: fix.text.trim() };
  }
}
function fixTarget(fix) {
  switch (fix.type) {
    case "add_synonym":
      return `${column(fix.table, fix.column)} synonyms`;
    case "add_column_description":
      return `${column(fix.table, fix.column)} description`;
    case "update_table_description":
      return `${normalizeIdentifier(fix.table)} description`;
    case "add_join": {
      const join = orientedJoin(fix);
      return `join ${join.left} = ${join.right}`;
    }
    case "fix_join":
      return `join ${fix.joinId}`;
    case "add_example_query":
      return `example "${collapseWhitespace(fix.question).toLowerCase()}"`;
    case "add_sql_snippet":
      return `${fix.kind} "${collapseWhitespace(fix.display_name).toLowerCase()}"`;
    case "enable_get_example_values":
      return `${column(fix.table, fix.column)} example values`;
    case "enable_build_value_dictionary":
      return `${column(fix.table, fix.column)} value dictionary`;
    case "add_text_instruction":
      return "text instruction";
  }
}
function stableJson(value) {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const member = value[key];
      if (member !== void 0) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}
function fixKey(fix) {
  try {
    return `${fix.type} ${fixTarget(fix)} #${shortHash(stableJson(fixContent(fix)))}`;
  } catch {
    return invalidFixKey(fix);
  }
}
function invalidFixKey(input) {
  const type = typeof input?.type === "string" ? input.type : "unknown";
  return `${type} invalid #${shortHash(stableJson(input) ?? String(input))}`;
}
function shortHash(text2) {
  return createHash("sha256").update(text2).digest("hex").slice(0, 12);
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareFixes(a, b) {
  return compareStrings(a.type, b.type) || compareStrings(stableJson(fixContent(a)), stableJson(fixContent(b)));
}

// src/lint/checks-format.ts
var text = (value) => typeof value === "string" ? value : "";
function sortedLists(space) {
  const lists = [];
  const add = (segments, items, keyOf) => {
    if (Array.isArray(items)) lists.push({ segments, items, keyOf });
  };
  const byId = (item) => text(item.id);
  for (const key of ["tables", "metric_views"]) {
    const tables = space.data_sources?.[key];
    add(["data_sources", key], tables, (t) => text(t.identifier));
    (tables ?? []).forEach(
      (t, i) => add(["data_sources", key, String(i), "column_configs"], t.column_configs, (c) => text(c.column_name))
    );
  }
  const ins = space.instructions;
  add(["config", "sample_questions"], space.config?.sample_questions, byId);
  add(["instructions", "text_instructions"], ins?.text_instructions, byId);
  add(["instructions", "example_question_sqls"], ins?.example_question_sqls, byId);
  (ins?.example_question_sqls ?? []).forEach(
    (e, i) => add(["instructions", "example_question_sqls", String(i), "parameters"], e.parameters, (p) => text(p.name))
  );
  add(["instructions", "sql_functions"], ins?.sql_functions, (f) => `${text(f.id)}\0${text(f.identifier)}`);
  add(["instructions", "join_specs"], ins?.join_specs, byId);
  for (const key of ["filters", "expressions", "measures"])
    add(["instructions", "sql_snippets", key], ins?.sql_snippets?.[key], byId);
  add(["benchmarks", "questions"], space.benchmarks?.questions, byId);
  return lists;
}
function isSorted(list) {
  return list.items.every(
    (item, i) => i === 0 || compareStrings(list.keyOf(list.items[i - 1]), list.keyOf(item)) <= 0
  );
}
function jsonPath(segments) {
  return formatPath(segments.map((s) => /^\d+$/.test(s) ? Number(s) : s));
}
function coveredElsewhere(path, message) {
  return path.endsWith(".id") || path.endsWith(".sql[1]") && message.startsWith("expected a relationship marker") || // The read-only gate on examples and snippets has checks of its own (example-not-read-only, snippet-invalid-sql).
  / must be read-only: /.test(message);
}
function idEntries(space) {
  const out = [];
  for (const list of sortedLists(space)) {
    if (list.segments.at(-1) === "parameters" || list.segments.at(-1) === "column_configs") continue;
    if (list.segments[1] === "tables" || list.segments[1] === "metric_views") continue;
    list.items.forEach((item, i) => out.push({ segments: [...list.segments, String(i), "id"], id: text(item.id) }));
  }
  return out;
}
function untrimmedStrings(space) {
  const out = [];
  const visit = (segments, value) => {
    if (typeof value === "string" && value !== value.trim()) out.push({ segments, value });
  };
  for (const key of ["tables", "metric_views"])
    (space.data_sources?.[key] ?? []).forEach(
      (t, i) => (t.column_configs ?? []).forEach(
        (c, j) => (c.synonyms ?? []).forEach(
          (s, k) => visit(["data_sources", key, String(i), "column_configs", String(j), "synonyms", String(k)], s)
        )
      )
    );
  for (const key of ["filters", "expressions", "measures"])
    (space.instructions?.sql_snippets?.[key] ?? []).forEach((s, i) => {
      const base = ["instructions", "sql_snippets", key, String(i)];
      visit([...base, "display_name"], s.display_name);
      if ("alias" in s) visit([...base, "alias"], s.alias);
      (s.synonyms ?? []).forEach((v, k) => visit([...base, "synonyms", String(k)], v));
    });
  (space.config?.sample_questions ?? []).forEach((q2, i) => {
    if (q2.question.length === 1) visit(["config", "sample_questions", String(i), "question", "0"], q2.question[0]);
  });
  (space.instructions?.example_question_sqls ?? []).forEach((e, i) => {
    if (e.question.length === 1)
      visit(["instructions", "example_question_sqls", String(i), "question", "0"], e.question[0]);
  });
  return out;
}
var FORMAT_CHECKS = [
  {
    id: "config-invalid",
    severity: "error",
    category: "limits",
    title: "The config breaks a rule Genie enforces (as `validate` reports)",
    run: (ctx) => checkInvariants(ctx.space, { file: "", warehouseSchema: ctx.warehouse?.schema }).filter((issue) => !coveredElsewhere(issue.path, issue.message)).map((issue) => ({
      path: issue.path,
      message: issue.message,
      fix: "edit the file as the message says; `genie-gitops validate` reports the same problem"
    }))
  },
  {
    id: "list-unsorted",
    severity: "error",
    category: "limits",
    fixable: true,
    title: "A list is not in the order Genie requires",
    run: (ctx) => sortedLists(ctx.space).filter((list) => !isSorted(list)).map((list) => ({
      path: jsonPath(list.segments),
      message: "not sorted the way Genie requires: Genie rejects unsorted lists on import",
      fix: "run `genie-gitops lint --fix` (or save the file through any genie-gitops command) to sort it"
    }))
  },
  {
    id: "id-invalid",
    severity: "error",
    category: "limits",
    fixable: true,
    title: "An id is missing, malformed or used twice",
    run: (ctx) => {
      const seen = /* @__PURE__ */ new Map();
      const out = [];
      for (const entry of idEntries(ctx.space)) {
        const path = jsonPath(entry.segments);
        const first = seen.get(entry.id);
        if (first)
          out.push({
            path,
            message: `id ${entry.id} is also used at ${first}: Genie needs ids unique across the file`,
            fix: "run `genie-gitops lint --fix` to give this item a new id"
          });
        else seen.set(entry.id, path);
      }
      return out;
    }
  },
  {
    id: "text-untrimmed",
    severity: "info",
    category: "limits",
    fixable: true,
    title: "A synonym, name or question has stray whitespace",
    run: (ctx) => untrimmedStrings(ctx.space).map((entry) => ({
      path: jsonPath(entry.segments),
      message: `${JSON.stringify(entry.value)} has leading or trailing whitespace, which Genie keeps`,
      fix: "run `genie-gitops lint --fix` to trim it"
    }))
  }
];

// src/lint/checks-joins.ts
var squash2 = (text2) => text2.toLowerCase().replace(/[^a-z0-9]/g, "");
var singular = (word) => word.replace(/ies$/, "y").replace(/(ss|x|ch|sh)es$/, "$1").replace(/([^s])s$/, "$1");
function isOwnKey(table, column2) {
  const c = squash2(column2);
  const names = [squash2(table.short), squash2(singular(table.short))];
  return c === "id" || names.some((n) => c === `${n}id` || c === `${n}key`);
}
function specInfos(ctx) {
  return (ctx.space.instructions?.join_specs ?? []).map((spec, index) => {
    const info = {
      index,
      path: `$.instructions.join_specs[${index}]`,
      spec,
      left: ctx.findTable(spec.left.identifier),
      right: ctx.findTable(spec.right.identifier),
      hasMarker: spec.sql.slice(1).some(isRelationshipMarker)
    };
    const condition = spec.sql[0] === void 0 ? void 0 : parseJoinCondition(spec.sql[0]);
    if (condition) {
      const leftAlias = normalizeName(spec.left.alias || lastPart(spec.left.identifier));
      const straight = normalizeName(condition.left.qualifier) === leftAlias;
      const [l, r] = straight ? [condition.left, condition.right] : [condition.right, condition.left];
      info.columns = { left: l.column, right: r.column };
    }
    return info;
  });
}
function inferRelationship(info, ctx) {
  if (!info.left || !info.right || !info.columns) return void 0;
  const unique = (t, column2) => {
    const stats = ctx.warehouse?.stats.get(`${t.key}.${column2.toLowerCase()}`);
    return stats ? stats.rows > 0 && stats.distinct === stats.rows : isOwnKey(t, column2);
  };
  const l = unique(info.left, info.columns.left);
  const r = unique(info.right, info.columns.right);
  if (l && r) return "ONE_TO_ONE";
  if (r) return "MANY_TO_ONE";
  if (l) return "ONE_TO_MANY";
  return void 0;
}
function inferredPairs(ctx) {
  const out = [];
  for (const owner of ctx.tables)
    for (const column2 of owner.columns.values()) {
      if (squash2(column2.key) === "id" || !isOwnKey(owner, column2.key)) continue;
      for (const other of ctx.tables) {
        if (other === owner || isOwnKey(other, column2.key) || !other.columns.has(column2.key)) continue;
        out.push({
          key: pairKey(owner, other),
          evidence: { left: { table: other, column: column2.name }, right: { table: owner, column: column2.name } },
          path: other.path,
          reason: `${other.short}.${column2.name} looks like a reference to the key of ${owner.short}`
        });
      }
    }
  return out;
}
function neededPairs(ctx) {
  const needed = /* @__PURE__ */ new Map();
  const add = (pair) => {
    if (!needed.has(pair.key)) needed.set(pair.key, pair);
  };
  for (const item of [...ctx.examples, ...ctx.snippets])
    for (const [key, evidence] of item.pairs)
      add({ key, evidence, path: item.path, reason: `this ${item.kind} joins them` });
  const counts = /* @__PURE__ */ new Map();
  for (const { item } of ctx.benchmarkSql)
    for (const [key, evidence] of item.pairs)
      counts.set(key, { n: (counts.get(key)?.n ?? 0) + 1, evidence: counts.get(key)?.evidence ?? evidence });
  for (const [key, { n, evidence }] of counts)
    add({ key, evidence, path: evidence.left.table.path, reason: `${n} benchmark question(s) join them` });
  for (const pair of inferredPairs(ctx)) add(pair);
  return needed;
}
function linkedPairs(ctx) {
  const linked = /* @__PURE__ */ new Set();
  for (const info of specInfos(ctx)) if (info.left && info.right) linked.add(pairKey(info.left, info.right));
  return linked;
}
var q = (name) => `\`${name}\``;
var JOIN_CHECKS = [
  {
    id: "join-spec-missing",
    severity: "warning",
    category: "relationships",
    measured: true,
    title: "Tables used together have no join spec",
    run: (ctx) => {
      const linked = linkedPairs(ctx);
      return [...neededPairs(ctx).values()].filter((pair) => !linked.has(pair.key)).map((pair) => {
        const { left, right } = pair.evidence;
        return {
          path: pair.path,
          message: `${left.table.identifier} and ${right.table.identifier} have no join spec, but ${pair.reason}`,
          fix: `add a join spec ${q(left.table.short)}.${q(left.column)} = ${q(right.table.short)}.${q(right.column)} with its relationship marker (e.g. --rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--)`
        };
      });
    }
  },
  {
    id: "join-relationship-missing",
    severity: "error",
    category: "relationships",
    fixable: true,
    title: "A join spec has no relationship type",
    run: (ctx) => specInfos(ctx).filter((info) => !info.hasMarker).map((info) => {
      const inferred = inferRelationship(info, ctx);
      return {
        path: `${info.path}.sql`,
        message: "no relationship marker: Genie cannot tell one-to-many from many-to-many, and exports without it have failed to import",
        fix: inferred ? `add "--rt=FROM_RELATIONSHIP_TYPE_${inferred}--" (inferred from the key names; \`lint --fix\` adds it)` : 'add "--rt=FROM_RELATIONSHIP_TYPE_<MANY_TO_ONE|ONE_TO_MANY|ONE_TO_ONE|MANY_TO_MANY>--" as its second item'
      };
    })
  },
  {
    id: "join-spec-duplicate",
    severity: "warning",
    category: "relationships",
    title: "Two join specs join the same columns",
    run: (ctx) => {
      const seen = /* @__PURE__ */ new Map();
      const out = [];
      for (const info of specInfos(ctx)) {
        if (!info.left || !info.right || !info.columns) continue;
        const sides = [
          `${info.left.key}.${info.columns.left.toLowerCase()}`,
          `${info.right.key}.${info.columns.right.toLowerCase()}`
        ].sort();
        const key = sides.join("=");
        const first = seen.get(key);
        if (!first) {
          seen.set(key, info);
          continue;
        }
        out.push({
          path: info.path,
          message: `joins the same columns as ${first.path}: Genie sees two relationships for one key and may pick either`,
          fix: "keep one join spec per key (with the right relationship type) and delete the other"
        });
      }
      return out;
    }
  },
  {
    id: "table-isolated",
    severity: "info",
    category: "relationships",
    measured: true,
    title: "A table no join spec reaches",
    run: (ctx) => {
      if (ctx.tables.length < 2) return [];
      const touched = /* @__PURE__ */ new Set();
      for (const info of specInfos(ctx)) for (const t of [info.left, info.right]) if (t) touched.add(t);
      return ctx.tables.filter((t) => !touched.has(t)).map((t) => ({
        path: t.path,
        message: `no join spec links ${t.identifier} to another table of the space`,
        fix: "add a join spec to the table it references (or that references it), or remove the table if no question needs it",
        uses: t.uses
      }));
    }
  }
];

// src/lint/checks-limits.ts
var LIMITS = {
  // The three slot limits are the ones validate and enhance enforce (one source: src/space/limits.ts).
  tables: GENIE_LIMITS.tables,
  instructions: GENIE_LIMITS.instructions,
  snippets: GENIE_LIMITS.snippets,
  entityMatchingColumns: 120,
  dictionaryValues: 1024,
  dictionaryValueLength: 127
};
var NEAR = 0.9;
function limitCounts(ctx) {
  const i = ctx.space.instructions;
  const text2 = (i?.text_instructions ?? []).some((t) => joinText(t.content).trim() !== "") ? 1 : 0;
  const described = ctx.tables.filter((t) => joinText(t.table.description).trim() !== "").length;
  const s = i?.sql_snippets;
  return {
    tables: ctx.tables.length,
    instructions: (i?.example_question_sqls?.length ?? 0) + (i?.sql_functions?.length ?? 0) + text2,
    snippets: described + (i?.join_specs?.length ?? 0) + (s?.filters?.length ?? 0) + (s?.expressions?.length ?? 0) + (s?.measures?.length ?? 0),
    entityMatchingColumns: ctx.tables.reduce(
      (n, t) => n + [...t.columns.values()].filter((c) => hasEntityMatching(c.config)).length,
      0
    )
  };
}
var WHAT = {
  tables: {
    path: "$.data_sources",
    noun: "tables and metric views",
    fix: "split the space by audience, or drop tables no question needs"
  },
  instructions: {
    path: "$.instructions",
    noun: "instructions (example SQLs + SQL functions + the text block)",
    fix: "merge near-duplicate examples into parameterised ones and drop examples no question needs"
  },
  snippets: {
    path: "$.instructions",
    noun: "knowledge-store snippets (table descriptions + join specs + SQL expressions)",
    fix: "drop snippets no question uses; a table without questions needs no description"
  },
  entityMatchingColumns: {
    path: "$.data_sources",
    noun: "columns with entity matching",
    fix: "keep entity matching for columns users name values of (categories, names); turn it off elsewhere"
  }
};
function over(key, limit) {
  return (ctx) => {
    const count = limitCounts(ctx)[key];
    if (count <= limit) return [];
    const what = WHAT[key];
    return [
      {
        path: what.path,
        message: `${count} ${what.noun}: Genie allows at most ${limit} per space`,
        fix: what.fix
      }
    ];
  };
}
var LIMIT_CHECKS = [
  {
    id: "limit-tables",
    severity: "error",
    category: "limits",
    title: `More than ${LIMITS.tables} tables and metric views`,
    run: over("tables", LIMITS.tables)
  },
  {
    id: "limit-instructions",
    severity: "error",
    category: "limits",
    title: `More than ${LIMITS.instructions} instructions`,
    run: over("instructions", LIMITS.instructions)
  },
  {
    id: "limit-snippets",
    severity: "error",
    category: "limits",
    title: `More than ${LIMITS.snippets} knowledge-store snippets`,
    run: over("snippets", LIMITS.snippets)
  },
  {
    id: "limit-entity-matching",
    severity: "error",
    category: "limits",
    title: `More than ${LIMITS.entityMatchingColumns} columns with entity matching`,
    run: over("entityMatchingColumns", LIMITS.entityMatchingColumns)
  },
  {
    id: "limit-near",
    severity: "warning",
    category: "limits",
    title: `A limit is ${NEAR * 100}% used`,
    run: (ctx) => {
      const counts = limitCounts(ctx);
      const limits = {
        tables: LIMITS.tables,
        instructions: LIMITS.instructions,
        snippets: LIMITS.snippets,
        entityMatchingColumns: LIMITS.entityMatchingColumns
      };
      return Object.keys(counts).filter((key) => counts[key] >= NEAR * limits[key] && counts[key] <= limits[key]).map((key) => ({
        path: WHAT[key].path,
        message: `${counts[key]} of ${limits[key]} ${WHAT[key].noun} used: little room for the next fixes`,
        fix: WHAT[key].fix
      }));
    }
  },
  {
    id: "dictionary-over-limit",
    severity: "warning",
    category: "limits",
    warehouse: true,
    title: `A value dictionary over ${LIMITS.dictionaryValues} values or ${LIMITS.dictionaryValueLength} characters`,
    run: (ctx) => {
      const out = [];
      for (const table of ctx.tables) {
        for (const column2 of table.columns.values()) {
          if (!hasEntityMatching(column2.config)) continue;
          const stats = ctx.warehouse?.stats.get(`${table.key}.${column2.key}`);
          if (!stats) continue;
          const problems = [
            stats.distinct > LIMITS.dictionaryValues ? `${stats.distinct} distinct values (Genie keeps ${LIMITS.dictionaryValues})` : "",
            (stats.maxLength ?? 0) > LIMITS.dictionaryValueLength ? `values up to ${stats.maxLength} characters (Genie matches ${LIMITS.dictionaryValueLength})` : ""
          ].filter(Boolean);
          if (problems.length === 0) continue;
          out.push({
            path: entityFlagPath(column2),
            message: `${table.short}.${column2.name} has ${problems.join(" and ")}: the dictionary is cut and misses values`,
            fix: "turn entity matching off for this column and describe its common values instead",
            uses: column2.uses
          });
        }
      }
      return out;
    }
  }
];

// src/lint/checks-samples.ts
function samples(ctx) {
  return (ctx.space.config?.sample_questions ?? []).map((q2, i) => ({
    path: `$.config.sample_questions[${i}]`,
    text: joinText(q2.question)
  }));
}
var SAMPLE_CHECKS = [
  {
    id: "sample-question-empty",
    severity: "warning",
    category: "examples",
    title: "An empty sample question",
    run: (ctx) => samples(ctx).filter((q2) => q2.text.trim() === "").map((q2) => ({
      path: `${q2.path}.question`,
      message: "the sample question is empty: users see a blank starter",
      fix: "write a question the space answers well, or delete the entry"
    }))
  },
  {
    id: "sample-question-duplicate",
    severity: "warning",
    category: "examples",
    fixable: true,
    title: "A sample question listed twice",
    run: (ctx) => {
      const seen = /* @__PURE__ */ new Map();
      const out = [];
      for (const q2 of samples(ctx)) {
        const key = normalizeQuestion(q2.text);
        if (key === "") continue;
        const first = seen.get(key);
        if (first)
          out.push({
            path: q2.path,
            message: `"${q2.text.trim()}" repeats ${first}`,
            fix: "run `genie-gitops lint --fix` to drop the repeat, or ask something else"
          });
        else seen.set(key, q2.path);
      }
      return out;
    }
  },
  {
    id: "sample-questions-missing",
    severity: "info",
    category: "examples",
    measured: true,
    title: "No sample questions",
    run: (ctx) => samples(ctx).length === 0 && ctx.tables.length > 0 ? [
      {
        path: "$.config",
        message: "the space shows users no sample questions",
        fix: "add two or three questions the space answers well, so users see what to ask"
      }
    ] : []
  }
];

// src/lint/checks-synonyms.ts
function normalizeTerm(text2) {
  return text2.toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
}
function columnsOf(ctx) {
  return ctx.tables.flatMap((t) => [...t.columns.values()]);
}
function nameWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
var ID_WORDS = /* @__PURE__ */ new Set(["id", "uuid", "guid", "key", "pk", "fk"]);
var FREE_TEXT_WORDS = /* @__PURE__ */ new Set([
  "description",
  "desc",
  "comment",
  "comments",
  "note",
  "notes",
  "text",
  "body",
  "content",
  "message",
  "email",
  "url",
  "address",
  "phone",
  "summary",
  "bio",
  "review",
  "remarks"
]);
var STRING_TYPES = /^(string|varchar|char|text)/i;
function looksLikeKey(column2) {
  const words = nameWords(column2.name);
  const last = words[words.length - 1] ?? "";
  return ID_WORDS.has(last) || isOwnKey(column2.table, column2.name);
}
function dictionaryProblem(column2, ctx) {
  const words = nameWords(column2.name);
  if (looksLikeKey(column2)) return "its name says it is an identifier: users never type ids to filter";
  if (FREE_TEXT_WORDS.has(words[words.length - 1] ?? ""))
    return "its name says it holds free text: almost every value is distinct";
  const type = ctx.warehouse?.schema.tables.find((t) => t.identifier.toLowerCase() === column2.table.key)?.columns.find((c) => c.name.toLowerCase() === column2.key)?.type;
  if (type && !STRING_TYPES.test(type)) return `it is a ${type} column: entity matching is for text values`;
  const stats = ctx.warehouse?.stats.get(`${column2.table.key}.${column2.key}`);
  if (stats && stats.rows >= 50 && stats.distinct / stats.rows > 0.9)
    return `${stats.distinct} distinct values in ${stats.rows} rows: nearly unique, like an id or free text`;
  return void 0;
}
var SYNONYM_CHECKS = [
  {
    id: "synonym-duplicate-across-columns",
    severity: "warning",
    category: "semantics",
    title: "One synonym on two different columns",
    run: (ctx) => {
      const first = /* @__PURE__ */ new Map();
      const out = [];
      for (const column2 of columnsOf(ctx))
        (column2.config.synonyms ?? []).forEach((synonym, k) => {
          const term = normalizeTerm(synonym);
          const owner = first.get(term);
          if (!owner) return void first.set(term, column2);
          if (owner.key === column2.key || owner === column2) return;
          out.push({
            path: `${column2.path}.synonyms[${k}]`,
            message: `"${synonym}" is also a synonym of ${owner.table.short}.${owner.name}: Genie cannot tell which column a question means`,
            fix: "keep the synonym on the column it really means, and make the other one more specific",
            uses: column2.uses
          });
        });
      return out;
    }
  },
  {
    id: "synonym-names-other-column",
    severity: "warning",
    category: "semantics",
    title: "A synonym is another column's name",
    run: (ctx) => {
      const names = /* @__PURE__ */ new Map();
      for (const column2 of columnsOf(ctx))
        if (!names.has(normalizeTerm(column2.name))) names.set(normalizeTerm(column2.name), column2);
      const out = [];
      for (const column2 of columnsOf(ctx))
        (column2.config.synonyms ?? []).forEach((synonym, k) => {
          const other = names.get(normalizeTerm(synonym));
          if (!other || other.key === column2.key) return;
          out.push({
            path: `${column2.path}.synonyms[${k}]`,
            message: `"${synonym}" is the name of ${other.table.short}.${other.name}: a question naming that column may land on ${column2.table.short}.${column2.name}`,
            fix: `remove the synonym, or make it specific (e.g. "${column2.table.short} ${synonym}")`
          });
        });
      return out;
    }
  },
  {
    id: "synonym-repeated",
    severity: "info",
    category: "semantics",
    fixable: true,
    title: "A column lists the same synonym twice",
    run: (ctx) => {
      const out = [];
      for (const column2 of columnsOf(ctx)) {
        const seen = /* @__PURE__ */ new Set();
        (column2.config.synonyms ?? []).forEach((synonym, k) => {
          const key = synonym.trim().toLowerCase();
          if (seen.has(key))
            out.push({
              path: `${column2.path}.synonyms[${k}]`,
              message: `"${synonym}" is listed twice for ${column2.table.short}.${column2.name}`,
              fix: "run `genie-gitops lint --fix` to drop the repeat"
            });
          seen.add(key);
        });
      }
      return out;
    }
  },
  {
    id: "synonym-conflicts-snippet",
    severity: "warning",
    category: "semantics",
    title: "A column synonym is a snippet's name",
    run: (ctx) => {
      const terms = /* @__PURE__ */ new Map();
      const s = ctx.space.instructions?.sql_snippets;
      for (const [list, items] of [
        ["filters", s?.filters],
        ["expressions", s?.expressions],
        ["measures", s?.measures]
      ])
        (items ?? []).forEach((snippet, i) => {
          for (const term of [snippet.display_name ?? "", ...snippet.synonyms ?? []])
            if (term.trim()) terms.set(normalizeTerm(term), `$.instructions.sql_snippets.${list}[${i}]`);
        });
      const out = [];
      for (const column2 of columnsOf(ctx))
        (column2.config.synonyms ?? []).forEach((synonym, k) => {
          const snippet = terms.get(normalizeTerm(synonym));
          if (snippet)
            out.push({
              path: `${column2.path}.synonyms[${k}]`,
              message: `"${synonym}" names both ${column2.table.short}.${column2.name} and the snippet at ${snippet}: the word means two things`,
              fix: "keep the word on the snippet when it stands for that calculation, and drop it from the column"
            });
        });
      return out;
    }
  },
  {
    id: "synonyms-missing",
    severity: "info",
    category: "semantics",
    measured: true,
    title: "A column benchmarks use has no synonyms",
    run: (ctx) => columnsOf(ctx).filter((c) => !c.hidden && c.uses > 0 && !looksLikeKey(c) && (c.config.synonyms ?? []).length === 0).sort((a, b) => b.uses - a.uses).map((c) => ({
      path: c.path,
      message: `${c.table.short}.${c.name} has no synonyms (read by ${c.uses} of ${ctx.benchmarks.length} benchmark questions)`,
      fix: 'add the words people use for it (other languages too), e.g. "signup date" for joined_at',
      uses: c.uses
    }))
  },
  {
    id: "dictionary-on-id-or-free-text",
    severity: "warning",
    category: "semantics",
    title: "A value dictionary on an id or free-text column",
    run: (ctx) => {
      const out = [];
      for (const column2 of columnsOf(ctx)) {
        if (!hasEntityMatching(column2.config)) continue;
        const problem = dictionaryProblem(column2, ctx);
        if (problem)
          out.push({
            path: entityFlagPath(column2),
            message: `entity matching on ${column2.table.short}.${column2.name}, but ${problem}`,
            fix: "turn entity matching off for this column (keep format assistance if example values help)",
            uses: column2.uses
          });
      }
      return out;
    }
  }
];
function synonymCoverage(ctx) {
  let total = 0;
  let covered = 0;
  for (const c of columnsOf(ctx)) {
    if (c.hidden || looksLikeKey(c)) continue;
    const weight = 1 + c.uses;
    total += weight;
    if ((c.config.synonyms ?? []).some((s) => s.trim() !== "")) covered += weight;
  }
  return total === 0 ? 1 : covered / total;
}

// src/lint/checks-snippets.ts
var NOT_COLUMNS = /* @__PURE__ */ new Set(["current_date", "current_timestamp", "current_user", "true", "false", "null"]);
var NOUN = {
  example: "example",
  filter: "filter",
  expression: "expression (dimension)",
  measure: "measure"
};
var SNIPPET_CHECKS = [
  {
    id: "snippet-invalid-sql",
    severity: "error",
    category: "semantics",
    title: "A snippet whose SQL is not valid",
    run: (ctx) => ctx.snippets.flatMap((item) => {
      if (item.sql.trim() === "")
        return [{ path: `${item.path}.sql`, message: `the ${NOUN[item.kind]} has no SQL`, fix: "write its SQL" }];
      if (!item.gate.ok)
        return [
          {
            path: `${item.path}.sql`,
            message: `the ${NOUN[item.kind]} is refused by the read-only gate: ${item.gate.reason}`,
            fix: "a snippet is one SQL expression or condition, never a statement"
          }
        ];
      if (item.shape === null)
        return [
          {
            path: `${item.path}.sql`,
            message: `the ${NOUN[item.kind]} does not parse as a SQL ${item.kind === "filter" ? "condition" : "expression"}`,
            fix: "fix the syntax; run it as SELECT <sql> FROM <table> to check it"
          }
        ];
      return [];
    })
  },
  {
    id: "filter-starts-with-where",
    severity: "warning",
    category: "semantics",
    fixable: true,
    title: "A filter snippet written with its WHERE",
    run: (ctx) => ctx.snippets.filter((item) => item.kind === "filter" && /^\s*where\b/i.test(item.sql)).map((item) => ({
      path: `${item.path}.sql`,
      message: "a filter is the condition alone; Genie adds WHERE itself",
      fix: "run `genie-gitops lint --fix` to drop the leading WHERE"
    }))
  },
  {
    id: "snippet-kind-mismatch",
    severity: "warning",
    category: "semantics",
    title: "A measure without an aggregate, or a filter or expression with one",
    run: (ctx) => ctx.snippets.flatMap((item) => {
      if (!item.shape) return [];
      const aggregates = item.shape.aggregates.length > 0;
      if (item.kind === "measure" && !aggregates)
        return [
          {
            path: `${item.path}.sql`,
            message: "a measure without an aggregate (SUM, COUNT, AVG...) is a per-row value",
            fix: "aggregate it (e.g. SUM(orders.amount)), or move it to expressions"
          }
        ];
      if (item.kind !== "measure" && aggregates)
        return [
          {
            path: `${item.path}.sql`,
            message: `an ${item.kind} with an aggregate cannot be used per row${item.kind === "filter" ? " (it would belong in HAVING)" : ""}`,
            fix: "move it to measures, or remove the aggregate"
          }
        ];
      return [];
    })
  },
  {
    id: "snippet-unqualified-column",
    severity: "warning",
    category: "semantics",
    title: "A snippet column without its table",
    run: (ctx) => ctx.tables.length < 2 ? [] : ctx.snippets.flatMap((item) => {
      const bare = [
        ...new Set(
          item.columns.filter((c) => c.qualifier === void 0 && !NOT_COLUMNS.has(c.column)).map((c) => c.column)
        )
      ];
      return bare.length === 0 ? [] : [
        {
          path: `${item.path}.sql`,
          message: `${bare.join(", ")} has no table: with several tables Genie may apply it to the wrong one`,
          fix: "qualify each column with its table name, e.g. orders.amount"
        }
      ];
    })
  },
  {
    id: "snippet-duplicate",
    severity: "warning",
    category: "semantics",
    title: "Two snippets with the same SQL or name",
    run: (ctx) => {
      const seen = /* @__PURE__ */ new Map();
      const out = [];
      const s = ctx.space.instructions?.sql_snippets;
      for (const [list, items] of [
        ["filters", s?.filters],
        ["expressions", s?.expressions],
        ["measures", s?.measures]
      ])
        (items ?? []).forEach((snippet, i) => {
          const path = `$.instructions.sql_snippets.${list}[${i}]`;
          const alias = "alias" in snippet && typeof snippet.alias === "string" ? snippet.alias : "";
          const keys = [
            `sql:${list}:${normalizeSqlText(joinText(snippet.sql))}`,
            `name:${normalizeTerm(snippet.display_name ?? "")}`,
            `alias:${alias.toLowerCase()}`
          ].filter((k) => !k.endsWith(":"));
          const hit = keys.find((k) => seen.has(k));
          if (hit)
            out.push({
              path,
              message: `has the same ${hit.split(":")[0]} as ${seen.get(hit)}: Genie cannot tell which one a question means`,
              fix: "merge the two snippets or rename one"
            });
          for (const k of keys) if (!seen.has(k)) seen.set(k, path);
        });
      return out;
    }
  }
];

// src/lint/checks-text.ts
var LONG_TEXT = 3e3;
var PATH = "$.instructions.text_instructions[0].content";
function textOf(ctx) {
  return (ctx.space.instructions?.text_instructions ?? []).map((t) => joinText(t.content)).join("\n");
}
function sentences(text2) {
  return text2.split(/\n+|(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 0);
}
var NEGATION = /\b(never|not|don't|dont|do not|must not|should not|avoid|exclude|excluding|without)\b/i;
var DIRECTIVE = /\b(always|must|should|use|include|only|count|treat)\b/i;
var STOP = new Set(
  "the a an and or of to in on for by with from as is are be it this that these those when what which any all each use always never not dont do must should avoid exclude excluding without include only count treat".split(
    " "
  )
);
function contentWords(sentence) {
  return new Set(
    sentence.toLowerCase().replace(/n't\b/g, " not").split(/[^\p{L}\p{N}_]+/u).filter((w) => w.length >= 3 && !STOP.has(w))
  );
}
function overlap(a, b) {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared < 2 ? 0 : shared / (/* @__PURE__ */ new Set([...a, ...b])).size;
}
function squashSql(sql) {
  return sql.toLowerCase().replace(/[`"]/g, "").replace(/\s+/g, " ").trim();
}
function restated(ctx, text2) {
  const haystack = squashSql(text2);
  const out = [];
  const s = ctx.space.instructions?.sql_snippets;
  const candidates = [];
  for (const [list, items] of [
    ["filters", s?.filters],
    ["expressions", s?.expressions],
    ["measures", s?.measures]
  ])
    (items ?? []).forEach(
      (snippet, i) => candidates.push({ sql: joinText(snippet.sql), where: `$.instructions.sql_snippets.${list}[${i}]` })
    );
  (ctx.space.instructions?.join_specs ?? []).forEach(
    (spec, i) => candidates.push({ sql: spec.sql[0] ?? "", where: `$.instructions.join_specs[${i}]` })
  );
  for (const candidate of candidates) {
    const needle = squashSql(candidate.sql);
    if (needle.length >= 10 && haystack.includes(needle))
      out.push({
        path: PATH,
        message: `the text repeats the SQL of ${candidate.where} (${candidate.sql.trim().slice(0, 60)}): two copies of one rule drift apart`,
        fix: "delete the sentence from the text; the snippet or join spec already teaches Genie this"
      });
  }
  return out;
}
var TEXT_CHECKS = [
  {
    id: "text-instruction-missing",
    severity: "info",
    category: "semantics",
    measured: true,
    title: "No general text instruction",
    run: (ctx) => textOf(ctx).trim() === "" && ctx.tables.length > 0 ? [
      {
        path: "$.instructions",
        message: "the space has no general instruction",
        fix: "add a short text instruction: what the space covers, date conventions, how codes are written"
      }
    ] : []
  },
  {
    id: "text-instruction-long",
    severity: "warning",
    category: "semantics",
    title: `The text instruction is over ${LONG_TEXT} characters`,
    run: (ctx) => {
      const length = textOf(ctx).length;
      return length > LONG_TEXT ? [
        {
          path: PATH,
          message: `${length} characters of general instructions: long text is hard to keep consistent, and every rule in it competes for Genie's attention`,
          fix: "move definitions into SQL snippets, column descriptions and example SQL; keep the text for what has no better home"
        }
      ] : [];
    }
  },
  {
    id: "text-instruction-contradiction",
    severity: "warning",
    category: "semantics",
    title: "Two sentences of the text instruction contradict each other",
    run: (ctx) => {
      const all = sentences(textOf(ctx)).map((s) => ({ s, words: contentWords(s), negative: NEGATION.test(s) }));
      const out = [];
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const [a, b] = [all[i], all[j]];
          if (a.negative === b.negative || !(DIRECTIVE.test(a.s) || DIRECTIVE.test(b.s))) continue;
          if (overlap(a.words, b.words) < 0.6) continue;
          out.push({
            path: PATH,
            message: `"${a.s}" and "${b.s}" say opposite things about the same subject`,
            fix: "keep one rule (or state when each applies)"
          });
        }
      return out;
    }
  },
  {
    id: "text-instruction-repeated",
    severity: "info",
    category: "semantics",
    title: "A sentence of the text instruction is repeated",
    run: (ctx) => {
      const seen = /* @__PURE__ */ new Set();
      const out = [];
      for (const sentence of sentences(textOf(ctx))) {
        const key = sentence.toLowerCase().replace(/\s+/g, " ");
        if (seen.has(key)) out.push({ path: PATH, message: `"${sentence}" appears twice`, fix: "delete the repeat" });
        seen.add(key);
      }
      return out;
    }
  },
  {
    id: "text-restates-snippet",
    severity: "info",
    category: "semantics",
    title: "The text instruction restates a snippet or join spec",
    run: (ctx) => {
      const text2 = textOf(ctx);
      return text2.trim() === "" ? [] : restated(ctx, text2);
    }
  }
];

// src/lint/registry.ts
var CHECKS = [
  ...FORMAT_CHECKS,
  ...LIMIT_CHECKS,
  ...COVERAGE_CHECKS,
  ...JOIN_CHECKS,
  ...SYNONYM_CHECKS,
  ...SNIPPET_CHECKS,
  ...TEXT_CHECKS,
  ...EXAMPLE_CHECKS,
  ...SAMPLE_CHECKS
];
function listChecks() {
  const width = Math.max(...CHECKS.map((c) => c.id.length));
  return CHECKS.map(
    (c) => `${c.id.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.category.padEnd(13)}  ${c.title}${c.fixable ? " [--fix]" : ""}${c.warehouse ? " [--warehouse]" : ""}`
  );
}

// src/lint/quality.ts
var CATEGORY_WEIGHTS = {
  coverage: 30,
  relationships: 20,
  semantics: 20,
  examples: 20,
  limits: 10
};
var PENALTY = { error: 15, warning: 5, info: 0 };
var MAX_PENALIZED_FINDINGS = 3;
function coverage(ctx) {
  if (ctx.tables.length === 0) return 0;
  const weighted = (items) => {
    const total = items.reduce((n, i) => n + i.weight, 0);
    return total === 0 ? void 0 : items.reduce((n, i) => n + i.weight * i.value, 0) / total;
  };
  const tables = weighted(
    ctx.tables.map((t) => ({ weight: 1 + t.uses, value: describedness(t.table.description, t.short) }))
  );
  const columns = weighted(
    ctx.tables.flatMap(
      (t) => [...t.columns.values()].filter((c) => !c.hidden).map((c) => ({ weight: 1 + c.uses, value: describedness(c.config.description, c.name) }))
    )
  );
  return columns === void 0 ? tables ?? 0 : 0.4 * (tables ?? 0) + 0.6 * columns;
}
function relationships(ctx) {
  if (ctx.tables.length < 2) return 1;
  const needed = neededPairs(ctx);
  if (needed.size === 0) return 1;
  const linked = linkedPairs(ctx);
  return [...needed.keys()].filter((key) => linked.has(key)).length / needed.size;
}
function semantics(ctx) {
  if (ctx.tables.length === 0) return 0;
  const text2 = (ctx.space.instructions?.text_instructions ?? []).some((t) => joinText(t.content).trim() !== "");
  const snippets = ctx.snippets.filter((s) => s.shape !== null).length;
  const wanted = Math.max(2, Math.ceil(ctx.tables.length / 2));
  return 0.5 * synonymCoverage(ctx) + 0.2 * (text2 ? 1 : 0) + 0.3 * Math.min(1, snippets / wanted);
}
function examples(ctx) {
  if (ctx.tables.length === 0) return 0;
  const usable = ctx.examples.filter((_, i) => usableExample(ctx, i));
  const target = Math.min(10, Math.max(3, ctx.tables.length));
  const samples2 = new Set(
    (ctx.space.config?.sample_questions ?? []).map((q2) => normalizeQuestion(joinText(q2.question))).filter(Boolean)
  ).size;
  const read = /* @__PURE__ */ new Set();
  for (const item of [...usable, ...ctx.snippets.filter((s) => s.shape !== null)])
    for (const t of item.tables) read.add(t);
  return 0.6 * Math.min(1, usable.length / target) + 0.2 * Math.min(1, samples2 / 3) + 0.2 * (read.size / ctx.tables.length);
}
var MEASURES = {
  coverage,
  relationships,
  semantics,
  examples,
  limits: () => 1
};
var round1 = (x) => Math.round(x * 10) / 10;
function qualityScore(ctx, findings, measured) {
  const perCheck = /* @__PURE__ */ new Map();
  for (const f of findings) perCheck.set(f.check, [...perCheck.get(f.check) ?? [], f]);
  const categories = {};
  for (const category of CATEGORIES) {
    const measure = round1(100 * MEASURES[category](ctx));
    let penalty = 0;
    for (const [check, list] of perCheck) {
      if (measured.has(check) || list[0].category !== category) continue;
      penalty += PENALTY[list[0].severity] * Math.min(list.length, MAX_PENALIZED_FINDINGS);
    }
    categories[category] = { score: Math.max(0, round1(measure - penalty)), measure, penalty };
  }
  const score = round1(CATEGORIES.reduce((n, c) => n + CATEGORY_WEIGHTS[c] * categories[c].score, 0) / 100);
  const count = (s) => findings.filter((f) => f.severity === s).length;
  return { score, categories, findings: { error: count("error"), warning: count("warning"), info: count("info") } };
}

// src/lint/lint-space.ts
var SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
function runChecks(ctx, only) {
  const findings = [];
  for (const check of CHECKS) {
    if (only && !only.has(check.id)) continue;
    if (check.warehouse && !ctx.warehouse) continue;
    for (const raw of check.run(ctx))
      findings.push({ check: check.id, severity: check.severity, category: check.category, ...raw });
  }
  return findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map(({ f }) => f);
}
var MEASURED = new Set(CHECKS.filter((c) => c.measured).map((c) => c.id));
function lintSpace(input) {
  const ctx = buildContext(input);
  let findings = [...input.extra ?? [], ...runChecks(ctx)];
  if (input.text !== void 0) {
    const lines = addIssueLines(
      input.text,
      findings.map((f) => ({ file: "", path: f.path, message: "", line: f.line }))
    );
    findings = findings.map((f, i) => lines[i]?.line !== void 0 ? { ...f, line: lines[i].line } : f);
  }
  return { findings, quality: qualityScore(ctx, findings, MEASURED) };
}
function lintQuality(input) {
  return lintSpace(input).quality;
}

export {
  buildContext,
  normalizeQuestion,
  toTextPieces,
  collapseWhitespace,
  normalizeSqlText,
  dedupeCaseInsensitive,
  specInfos,
  inferRelationship,
  isExclusive,
  flipRelationship,
  fixTarget,
  fixKey,
  invalidFixKey,
  compareStrings,
  compareFixes,
  sortedLists,
  isSorted,
  jsonPath,
  idEntries,
  untrimmedStrings,
  listChecks,
  lintSpace,
  lintQuality
};
