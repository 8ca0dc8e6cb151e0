/**
 * Join rules: the expected SQL joins two tables the config has no join spec for -> add_join
 * with the ON clause's columns; an existing spec whose relationship contradicts the data ->
 * fix_join. The relationship comes from the data: a unique column is the "one" side.
 */
import type { JoinSpec } from '../../space/schema.js';
import type { Relationship } from '../fix-types.js';
import { normalizeIdentifier } from '../../sql/identifiers.js';
import { pairKey } from './config.js';
import type { ResolvedColumn } from './evidence.js';
import { PRIORITY, spaceIdentifier, type Proposal, type RuleContext } from './proposal.js';
import { relationshipFrom } from './warehouse.js';
import { findRelationshipMarker, parseJoinCondition } from '../../space/space-lookup.js';

interface JoinCandidate {
  left: ResolvedColumn;
  right: ResolvedColumn;
  targets: string[];
}

export async function proposeJoins(context: RuleContext): Promise<Proposal[]> {
  const { index, views, probe, notes } = context;
  const candidates = new Map<string, JoinCandidate>();
  const specChecks = new Map<string, string[]>();

  for (const view of views) {
    for (const join of view.joins) {
      const leftTable = index.tables.get(join.left.table);
      const rightTable = index.tables.get(join.right.table);
      if (!leftTable?.inSpace || !rightTable?.inSpace) {
        const missing = [join.left.table, join.right.table].filter((t) => !index.tables.get(t)?.inSpace);
        notes.push(
          `${view.failure.id}: the expected SQL joins ${missing.join(', ')}, which the space does not include; no fix type adds a table`,
        );
        continue;
      }
      const pair = pairKey(join.left.table, join.right.table);
      if (index.joinedPairs.has(pair)) {
        const list = specChecks.get(pair) ?? [];
        specChecks.set(pair, [...list, view.failure.id]);
        continue;
      }
      // Orient by column identity so a=b and b=a from two questions are one candidate.
      const [a, b] = [join.left, join.right].sort((x, y) => cmp(`${x.table}.${x.column}`, `${y.table}.${y.column}`));
      const key = `${a.table}.${a.column.toLowerCase()}=${b.table}.${b.column.toLowerCase()}`;
      const candidate = candidates.get(key) ?? { left: a, right: b, targets: [] };
      if (!candidate.targets.includes(view.failure.id)) candidate.targets.push(view.failure.id);
      candidates.set(key, candidate);
    }
  }

  const proposals: Proposal[] = [];
  for (const candidate of candidates.values()) {
    const leftUnique = await probe.isUnique(candidate.left.table, candidate.left.column);
    const rightUnique = await probe.isUnique(candidate.right.table, candidate.right.column);
    let { left, right } = candidate;
    let relationship: Relationship = relationshipFrom(leftUnique === true, rightUnique === true);
    // Write the many side on the left, the way join specs are usually read (facts -> dimensions).
    if (relationship === 'ONE_TO_MANY') {
      [left, right] = [right, left];
      relationship = 'MANY_TO_ONE';
    }
    const known = leftUnique !== undefined && rightUnique !== undefined;
    proposals.push({
      priority: PRIORITY.addJoin,
      fix: {
        type: 'add_join',
        left: { table: spaceIdentifier(index, left.table), column: left.column },
        right: { table: spaceIdentifier(index, right.table), column: right.column },
        relationship,
        rationale: `The expected SQL joins ${left.table.split('.').pop()}.${left.column} = ${right.table.split('.').pop()}.${right.column} and the space has no join spec for these tables${known ? ` (${relationship.toLowerCase().replace(/_/g, '-')} by column uniqueness in the warehouse)` : ''}.`,
        targets: candidate.targets,
      },
    });
  }

  for (const [pair, targets] of specChecks) proposals.push(...(await checkSpecs(context, pair, targets)));
  return proposals;
}

/** fix_join for specs between the pair whose relationship marker disagrees with the data. */
async function checkSpecs(context: RuleContext, pair: string, targets: string[]): Promise<Proposal[]> {
  const out: Proposal[] = [];
  for (const spec of context.space.instructions?.join_specs ?? []) {
    if (pairKey(normalizeIdentifier(spec.left.identifier), normalizeIdentifier(spec.right.identifier)) !== pair)
      continue;
    const sides = specSides(spec);
    if (!sides) continue;
    const leftUnique = await context.probe.isUnique(sides.left.table, sides.left.column);
    const rightUnique = await context.probe.isUnique(sides.right.table, sides.right.column);
    if (leftUnique === undefined || rightUnique === undefined) continue;
    const actual = relationshipFrom(leftUnique, rightUnique);
    const marker = findRelationshipMarker(spec)?.relationship;
    if (marker === actual) continue;
    out.push({
      priority: PRIORITY.fixJoin,
      fix: {
        type: 'fix_join',
        joinId: spec.id,
        relationship: actual,
        rationale: `Join spec ${spec.id} says ${marker ?? 'no relationship'} but the warehouse data is ${actual} (column uniqueness); the failing questions join these tables.`,
        targets: [...new Set(targets)],
      },
    });
  }
  return out;
}

/** The spec's condition columns as (spec.left side, spec.right side). */
function specSides(spec: JoinSpec): { left: ResolvedColumn; right: ResolvedColumn } | undefined {
  const condition = parseJoinCondition(spec);
  if (!condition) return undefined;
  const split = (qualified: string): ResolvedColumn => {
    const at = qualified.lastIndexOf('.');
    return { table: qualified.slice(0, at), column: qualified.slice(at + 1) };
  };
  const a = split(condition.left);
  const b = split(condition.right);
  const leftId = normalizeIdentifier(spec.left.identifier);
  // A self-join keeps the written order; otherwise put the spec's left table first.
  if (a.table === leftId || b.table !== leftId) return { left: a, right: b };
  return { left: b, right: a };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
