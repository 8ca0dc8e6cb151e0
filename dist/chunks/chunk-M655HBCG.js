import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  pct
} from "./chunk-PFNWRXII.js";

// src/scoring/errored-gate.ts
var DEFAULT_MAX_ERRORED = 0.1;
var MAX_NAMED = 20;
function erroredIds(card) {
  return card.questions.filter((q) => q.errored).map((q) => q.id);
}
function erroredSide(label, card) {
  const ids = erroredIds(card);
  const total = card.questions.length;
  return { label, ids, total, fraction: total ? ids.length / total : 0 };
}
function nameIds(ids) {
  const shown = ids.slice(0, MAX_NAMED).join(", ");
  return ids.length > MAX_NAMED ? `${shown} and ${ids.length - MAX_NAMED} more` : shown;
}
function inconclusiveVerdict(cards, maxErrored = DEFAULT_MAX_ERRORED) {
  const sides = cards.map((c) => erroredSide(c.label, c.card)).filter((s) => s.fraction > maxErrored + 1e-9);
  if (sides.length === 0) return void 0;
  const parts = sides.map(
    (s) => `${s.ids.length} of ${s.total} questions (${pct(s.fraction)}) errored on ${s.label}: ${nameIds(s.ids)}`
  );
  return {
    sides,
    message: `inconclusive: ${parts.join("; ")}. That is more than max-errored ${pct(maxErrored)}: these are infrastructure failures (throttling, HTTP errors, stuck messages), not wrong answers, so the check neither fails nor passes; re-run it`
  };
}
function pairedAnswered(head, base) {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const ids = [];
  const left = [];
  let headPassed = 0;
  let basePassed = 0;
  for (const q of head.questions) {
    const b = before.get(q.id);
    if (!b) continue;
    if (q.errored || b.errored) {
      left.push(q.id);
      continue;
    }
    ids.push(q.id);
    if (q.passed) headPassed++;
    if (b.passed) basePassed++;
  }
  const n = ids.length;
  return {
    ids,
    head: { passed: headPassed, answered: n, score: n ? headPassed / n : 0 },
    base: { passed: basePassed, answered: n, score: n ? basePassed / n : 0 },
    erroredIds: left
  };
}

export {
  DEFAULT_MAX_ERRORED,
  nameIds,
  inconclusiveVerdict,
  pairedAnswered
};
