/** The quality score: its formula, its weighting by benchmark use, and the demo configs' scores. */
import { describe, expect, it } from 'vitest';
import { CATEGORY_WEIGHTS, MAX_PENALIZED_FINDINGS, PENALTY } from '../../src/lint/quality.js';
import { CATEGORIES } from '../../src/lint/types.js';
import type { Space } from '../../src/space/schema.js';
import { described, lint, thin } from './helpers.js';

type Mutable = any; // test mutations reach into the JSON freely

describe('quality score', () => {
  it('puts the thin demo config far below the described fixture', () => {
    const low = lint(thin()).quality;
    const high = lint(described()).quality;
    expect(low.score).toBeLessThan(20);
    expect(high.score).toBeGreaterThan(85);
    expect(high.score - low.score).toBeGreaterThan(60);
    // The thin config has tables and nothing else: every category but limits is empty.
    for (const c of CATEGORIES) if (c !== 'limits') expect(low.categories[c].score).toBe(0);
  });

  it('is the weighted mean of the categories, weights summing to 100', () => {
    expect(Object.values(CATEGORY_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const q = lint(described()).quality;
    const mean = CATEGORIES.reduce((n, c) => n + CATEGORY_WEIGHTS[c] * q.categories[c].score, 0) / 100;
    expect(q.score).toBeCloseTo(mean, 1);
  });

  it('takes points for defects, capped per check, and none for gaps the measure counts', () => {
    const s = described() as Mutable;
    for (const c of s.data_sources.tables[2].column_configs) c.synonyms = [...(c.synonyms ?? []), 'author'];
    const q = lint(s as Space).quality;
    // Four repeats of one synonym across columns: a warning check, counted at most MAX_PENALIZED_FINDINGS times.
    expect(q.categories.semantics.penalty).toBe(PENALTY.warning * MAX_PENALIZED_FINDINGS);
    const gap = described() as Mutable;
    delete gap.data_sources.tables[0].description;
    const g = lint(gap as Space).quality;
    expect(g.categories.coverage.penalty).toBe(0);
    expect(g.categories.coverage.measure).toBeLessThan(100);
  });

  it('weights a missing description by how many benchmark questions read the column', () => {
    const busy = described() as Mutable; // members.plan: read by several benchmark questions
    delete busy.data_sources.tables[2].column_configs[4].description;
    const idle = described() as Mutable; // reactions.reacted_at: read by none
    delete idle.data_sources.tables[4].column_configs[3].description;
    const busyScore = lint(busy as Space).quality.categories.coverage.measure;
    const idleScore = lint(idle as Space).quality.categories.coverage.measure;
    expect(busyScore).toBeLessThan(idleScore);
    // Without benchmarks every column weighs the same.
    const unweighted = (s: Space) => lint(s, { benchmarks: [] }).quality.categories.coverage.measure;
    expect(unweighted(busy as Space)).toBe(unweighted(idle as Space));
  });
});
