/** Join specs: both sides are tables of the space, sql[0] is one equality on the aliases, sql[1] the relationship marker. */
import type { InvariantContext } from './invariant-context.js';
import { lastPart, normalizeIdentifier, normalizeName } from '../sql/identifiers.js';
import { isRelationshipMarker, parseJoinCondition, type QualifiedColumn } from './join-condition.js';
import type { JoinSpec } from './schema.js';

const MARKER_EXAMPLE = '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--';

interface Side {
  identifier: string;
  alias: string;
}

function sideOf(side: JoinSpec['left'] | undefined): Side | undefined {
  if (!side || typeof side.identifier !== 'string') return undefined;
  return {
    identifier: side.identifier,
    alias: typeof side.alias === 'string' && side.alias !== '' ? side.alias : lastPart(side.identifier),
  };
}

function checkSide(ctx: InvariantContext, side: Side | undefined, path: string): void {
  if (!side) {
    ctx.add(path, 'missing join side: expected { identifier, alias } naming a table of the space');
    return;
  }
  if (!ctx.tables.has(normalizeIdentifier(side.identifier))) {
    ctx.add(
      `${path}.identifier`,
      `\`${side.identifier}\` is not a table of this space: add it to data_sources.tables or fix the identifier`,
    );
  }
}

function checkColumnExists(ctx: InvariantContext, column: QualifiedColumn, side: Side, path: string): void {
  const columns = ctx.warehouse?.get(normalizeIdentifier(side.identifier));
  if (columns && !columns.has(column.column.toLowerCase())) {
    ctx.add(
      path,
      `column \`${column.qualifier}.${column.column}\` does not exist in ${side.identifier}: use one of its columns (${[...columns].slice(0, 12).join(', ')})`,
    );
  }
}

function checkCondition(ctx: InvariantContext, sql: string, left: Side, right: Side, path: string): void {
  const condition = parseJoinCondition(sql);
  if (!condition) {
    ctx.add(
      path,
      `expected one equality condition written with the aliases, like \`${left.alias}\`.\`<column>\` = \`${right.alias}\`.\`<column>\` (a compound key is several join specs), got ${JSON.stringify(sql)}`,
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
      `the condition must use the aliases \`${left.alias}\` and \`${right.alias}\` as qualifiers, got \`${condition.left.qualifier}\` and \`${condition.right.qualifier}\``,
    );
    return;
  }
  const [first, second] = straight ? [left, right] : [right, left];
  checkColumnExists(ctx, condition.left, first, path);
  checkColumnExists(ctx, condition.right, second, path);
}

export function checkJoinSpecs(ctx: InvariantContext): void {
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
    if (left && right) checkCondition(ctx, sql[0]!, left, right, `${base}.sql[0]`);
    if (sql.length < 2 || !isRelationshipMarker(sql[1]!)) {
      ctx.add(
        `${base}.sql[1]`,
        `expected a relationship marker such as "${MARKER_EXAMPLE}" (MANY_TO_ONE, ONE_TO_MANY, ONE_TO_ONE or MANY_TO_MANY); Genie fails to read exports without it`,
      );
    }
    if (sql.length > 2) {
      ctx.add(
        `${base}.sql`,
        `holds ${sql.length} items; expected exactly two (the condition and the marker): a compound key is several join specs`,
      );
    }
  });
}
