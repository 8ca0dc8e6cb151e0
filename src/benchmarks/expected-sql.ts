/**
 * Static checks of a benchmark's expected SQL, beyond the read-only gate the loader applies:
 * it is well formed (closed strings and comments, balanced parentheses) and the tables it names
 * exist in the warehouse. No SQL grammar is applied: Databricks SQL is larger than any parser
 * we have (node-sql-parser rejects INTERSECT and EXCEPT, for one), and a false alarm on valid
 * SQL would be worse than none. `validate --execute` runs the SQL for the full check.
 */
import type { WarehouseSchema } from '../ports.js';
import { findThreePartNames, lastPart, normalizeIdentifier } from '../sql/identifiers.js';
import { isSymbol, significant, tokenize } from '../sql/tokenize.js';

/** What is wrong with one expected SQL text, in words; empty when nothing is. */
export function expectedSqlProblems(sql: string, warehouse?: WarehouseSchema): string[] {
  const problems: string[] = [];
  const unbalanced = parenthesisProblem(sql);
  if (unbalanced) problems.push(unbalanced);
  if (warehouse) problems.push(...unknownTables(sql, warehouse));
  return problems;
}

function parenthesisProblem(sql: string): string | undefined {
  let depth = 0;
  for (const token of significant(tokenize(sql, 'spark'))) {
    if (isSymbol(token, '(')) depth++;
    else if (isSymbol(token, ')') && --depth < 0)
      return `unbalanced parentheses: a ')' at offset ${token.start} closes nothing`;
  }
  return depth > 0 ? `unbalanced parentheses: ${depth} '(' never closed` : undefined;
}

/**
 * Three-part names whose catalog the warehouse has but whose table it does not. Names in other
 * catalogs are left alone (`alias.struct.field` looks like a three-part name too).
 */
function unknownTables(sql: string, warehouse: WarehouseSchema): string[] {
  const tables = new Set(warehouse.tables.map((t) => normalizeIdentifier(t.identifier)));
  const catalogs = new Set([...tables].map((t) => t.split('.')[0]));
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const name of findThreePartNames(sql)) {
    const key = normalizeIdentifier(name);
    if (tables.has(key) || reported.has(key) || !catalogs.has(key.split('.')[0])) continue;
    reported.add(key);
    const short = lastPart(name).toLowerCase();
    const similar = [...tables].find((t) => t.split('.').pop() === short);
    problems.push(
      `refers to table ${name}, which the warehouse does not have${similar ? ` (did you mean ${similar}?)` : ''}: fix the name or the warehouse`,
    );
  }
  return problems;
}
