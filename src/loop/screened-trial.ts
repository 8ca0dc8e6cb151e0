/**
 * Trying one iteration's fixes by screening (screening.ts) instead of scoring every candidate
 * on the whole benchmark. The batch is screened; when a passing question regresses, the fixes
 * whose parts touch it are blamed: a fix made of parts loses the part that touches it (the
 * "people" alias of a description), any other is left out, and the rest is screened again.
 * Only the questions the change touches are re-asked. A regression no fix touches means the
 * impact model missed: the question is watched from then on and the batch falls back to the
 * fix-by-fix trial (trial.ts), screened. An accepted candidate whose canary changed, or that
 * keeps a regression within the budget, is confirmed by a full scoring before it is kept.
 */
import { applyFixes } from '../fixes/apply/apply-fixes.js';
import { fixKey } from '../fixes/fix-key.js';
import type { Fix } from '../fixes/fix-types.js';
import { judge, type Verdict } from './acceptance.js';
import { partVariants } from './refine.js';
import type { IterationScreen, ScreenResult } from './screening.js';
import { acceptedTrial, tryBatch, type TrialContext, type TrialFix, type TrialResult } from './trial.js';

/** Rounds of blame per batch before it is rejected. */
const MAX_ROUNDS = 4;

export interface ScreenedBatch extends TrialResult {
  /** Candidate configs screened for this batch. */
  candidates: number;
  /** Whether `card` is a full scoring (confirmed) rather than a screened one. */
  confirmed: boolean;
}

interface Blame {
  next: Fix[];
  hurt: TrialFix[];
  rolled: { fix: Fix; key: string; reason: string }[];
  /** Regressed questions no fix touches: the impact model missed them. */
  unexplained: string[];
}

export async function screenBatch(
  context: TrialContext,
  screen: IterationScreen,
  watch: Set<string>,
  fixes: Fix[],
): Promise<ScreenedBatch> {
  let current = fixes;
  const hurt: TrialFix[] = [];
  const rolled: { fix: Fix; key: string; reason: string }[] = [];
  const start = screen.count;
  const done = (result: TrialResult, confirmed = false): ScreenedBatch => ({
    ...result,
    rolledBack: [...result.rolledBack, ...rolled.filter((r) => !result.rolledBack.some((x) => x.key === r.key))],
    candidates: screen.count - start,
    confirmed,
  });
  for (let round = 1; round <= MAX_ROUNDS && current.length > 0; round++) {
    const applied = applyFixes(context.space, current, context.options);
    const active = applied.applied.map((a) => a.fix);
    if (active.length === 0) break;
    const screened = await screen.screen(active, applied.space);
    context.log(
      `  screened ${active.length} fix(es): asked ${screened.asked.length}, reused ${screened.reused.length}, carried ${screened.card.questions.length - screened.asked.length - screened.reused.length}`,
    );
    let card = screened.card;
    let verdict = judge(context.card, card, context.acceptance);
    if (
      screened.stop === 'no-gain' ||
      (!verdict.accepted && verdict.regressions.length === 0 && verdict.holdoutDelta >= 0)
    )
      return done(
        rejectAll(
          context,
          fixes,
          hurt,
          screened.stop === 'no-gain' ? 'no target question improved' : verdict.reason,
          verdict,
        ),
      );
    const needsFull = screened.canaryChanged.length > 0 || (verdict.accepted && verdict.regressions.length > 0);
    if (verdict.accepted && needsFull) {
      // The prediction was off (the canary moved) or a regression is kept: look at everything.
      context.log(`  confirming with a full scoring (${describeWhy(screened, verdict)})`);
      card = await screen.full(applied.space);
      const seen = new Set([...screened.asked, ...screened.reused]);
      const fresh = judge(context.card, card, context.acceptance);
      for (const id of fresh.regressions) if (!seen.has(id)) watch.add(id);
      verdict = fresh;
    }
    if (!verdict.accepted) {
      const blame = assignBlame(screen, verdict.regressions, screened, current, context.tried);
      if (blame.unexplained.length > 0) {
        for (const id of blame.unexplained) watch.add(id);
        context.log(`  ${blame.unexplained.join(', ')} regressed where no fix reaches: trying the fixes one by one`);
        return done(await tryBatch(context, current));
      }
      hurt.push(...blame.hurt);
      rolled.push(...blame.rolled);
      current = blame.next;
      continue;
    }
    const run = { applied, card, verdict };
    if (context.confirmGain) {
      const gain = await context.confirmGain(
        { space: context.space, card: context.card },
        { space: applied.space, card },
      );
      if (!gain.significant) return done(rejectAll(context, fixes, hurt, gain.reason, verdict));
      run.card = gain.card;
      run.verdict = { ...verdict, reason: `${verdict.reason}; ${gain.reason}` };
    }
    const kept = `kept ${active.length} of ${fixes.length} fixes`;
    return done(acceptedTrial(context, run, `${run.verdict.reason} (${kept})`, hurt), card !== screened.card);
  }
  return done(rejectAll(context, fixes, hurt, 'every fix broke a passing question or was left out'));
}

function describeWhy(screened: ScreenResult, verdict: Verdict): string {
  if (screened.canaryChanged.length > 0) return `canary ${screened.canaryChanged.join(', ')} changed`;
  return `${verdict.regressions.join(', ')} regressed within the budget`;
}

function rejectAll(
  context: TrialContext,
  fixes: Fix[],
  hurt: TrialFix[],
  reason: string,
  verdict: Verdict = judge(context.card, context.card, context.acceptance),
): TrialResult {
  const hurtKeys = new Set(hurt.map((h) => fixKey(h.fix)));
  const dropped: TrialFix[] = [
    ...hurt,
    ...fixes
      .filter((f) => !hurtKeys.has(fixKey(f)))
      .map((fix) => ({ fix, ops: [], outcome: 'no_effect' as const, delta: 0 })),
  ];
  return {
    accepted: false,
    reason,
    verdict,
    space: context.space,
    card: context.card,
    kept: [],
    dropped,
    rolledBack: fixes.map((fix) => ({ fix, key: fixKey(fix), reason })),
    patch: [],
  };
}

/** The fixes touching the regressed questions lose the parts that touch them, or are left out. */
function assignBlame(
  screen: IterationScreen,
  regressed: readonly string[],
  screened: ScreenResult,
  fixes: readonly Fix[],
  tried: ReadonlySet<string> | undefined,
): Blame {
  const blamed = new Map<string, string[]>();
  const unexplained: string[] = [];
  for (const id of regressed) {
    const hits = screened.touching.get(id) ?? [];
    if (hits.length === 0) unexplained.push(id);
    for (const h of hits) blamed.set(fixKey(h.fix), [...(blamed.get(fixKey(h.fix)) ?? []), id]);
  }
  const blame: Blame = { next: [], hurt: [], rolled: [], unexplained };
  for (const fix of fixes) {
    const broke = blamed.get(fixKey(fix));
    if (!broke) {
      blame.next.push(fix);
      continue;
    }
    const refined = refineAway(screen, fix, broke, tried);
    const key = fixKey(fix);
    blame.hurt.push({ fix, ops: [], outcome: 'hurt', delta: 0 });
    if (refined) {
      blame.next.push(refined);
      blame.rolled.push({
        fix,
        key,
        reason: `one of its parts broke ${broke.join(', ')} (screened); a variant without it was tried`,
      });
    } else {
      blame.rolled.push({ fix, key, reason: `broke ${broke.join(', ')}, which it touches (screened)` });
    }
  }
  return blame;
}

/** The fix without the parts that touch `ids`, when it has such parts; undefined otherwise. */
function refineAway(
  screen: IterationScreen,
  fix: Fix,
  ids: readonly string[],
  tried: ReadonlySet<string> | undefined,
): Fix | undefined {
  let current = fix;
  let touching = screen.touchingParts(fix, ids);
  // Only its targets touch them: there is no part to remove.
  if (touching === 0) return undefined;
  while (touching > 0) {
    const best = partVariants(current)
      .filter((v) => !tried?.has(fixKey(v)))
      .map((v) => ({ v, n: screen.touchingParts(v, ids) }))
      .sort((a, b) => a.n - b.n)[0];
    if (!best || best.n >= touching) return undefined;
    current = best.v;
    touching = best.n;
  }
  return current;
}
