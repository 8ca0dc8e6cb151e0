/**
 * Genie's per-space limits as a loop constraint: the fixes of one iteration must fit in the
 * slots the config has left. When they do not all fit, the slots go to the fixes that aim at
 * more questions per slot; the others wait with the reason.
 */
import type { Fix } from '../fixes/fix-types.js';
import { fixKey } from '../fixes/fix-key.js';
import { normalizeIdentifier } from '../sql/identifiers.js';
import { GENIE_LIMITS, slotUsage } from '../space/limits.js';
import { joinText, type Space } from '../space/schema.js';

interface Cost {
  instructions: number;
  snippets: number;
}

function costOf(space: Space, fix: Fix): Cost {
  switch (fix.type) {
    case 'add_example_query':
      return { instructions: 1, snippets: 0 };
    case 'add_text_instruction':
      return { instructions: (space.instructions?.text_instructions?.length ?? 0) > 0 ? 0 : 1, snippets: 0 };
    case 'add_join':
    case 'add_sql_snippet':
      return { instructions: 0, snippets: 1 };
    case 'update_table_description': {
      const table = (space.data_sources?.tables ?? []).find(
        (t) => normalizeIdentifier(t.identifier) === normalizeIdentifier(fix.table),
      );
      return { instructions: 0, snippets: table && joinText(table.description).trim() !== '' ? 0 : 1 };
    }
    default:
      return { instructions: 0, snippets: 0 };
  }
}

export function fitToSlots(
  space: Space,
  fixes: readonly Fix[],
): { kept: Fix[]; deferred: { fix: Fix; key: string; reason: string }[] } {
  const used = slotUsage(space);
  const left = {
    instructions: GENIE_LIMITS.instructions - used.instructions,
    snippets: GENIE_LIMITS.snippets - used.snippets,
  };
  const costs = fixes.map((fix) => costOf(space, fix));
  const need = costs.reduce(
    (n, c) => ({ instructions: n.instructions + c.instructions, snippets: n.snippets + c.snippets }),
    {
      instructions: 0,
      snippets: 0,
    },
  );
  if (need.instructions <= left.instructions && need.snippets <= left.snippets)
    return { kept: [...fixes], deferred: [] };
  // Near a limit: most questions aimed at per slot first (stable on ties).
  const order = fixes
    .map((fix, i) => ({ fix, i, cost: costs[i] }))
    .sort((a, b) => {
      const slots = (x: typeof a) => Math.max(1, x.cost.instructions + x.cost.snippets);
      return b.fix.targets.length / slots(b) - a.fix.targets.length / slots(a) || a.i - b.i;
    });
  const keep = new Set<number>();
  const deferred: { fix: Fix; key: string; reason: string }[] = [];
  for (const { fix, i, cost } of order) {
    if (cost.instructions <= left.instructions && cost.snippets <= left.snippets) {
      left.instructions -= cost.instructions;
      left.snippets -= cost.snippets;
      keep.add(i);
    } else
      deferred.push({
        fix,
        key: fixKey(fix),
        reason: `no slot left under Genie's limits (${used.instructions}/${GENIE_LIMITS.instructions} instructions, ${used.snippets}/${GENIE_LIMITS.snippets} snippets used); fixes aiming at more questions per slot went first`,
      });
  }
  return { kept: fixes.filter((_, i) => keep.has(i)), deferred };
}
