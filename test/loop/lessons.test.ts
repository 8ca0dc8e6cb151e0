import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import {
  emptyLessons,
  lessonNotes,
  readLessons,
  recordFix,
  recordOutcome,
  serializeLessons,
  triedKeys,
  writeLessons,
} from '../../src/loop/lessons.js';

describe('lessons', () => {
  it('counts outcomes per fix type and category and averages the score change', () => {
    const l = emptyLessons('demo');
    recordOutcome(l, 'add_synonym', 'wrong_table', 'helped', 0.1);
    recordOutcome(l, 'add_synonym', 'wrong_table', 'no_effect', 0);
    recordOutcome(l, 'add_join', 'wrong_join', 'hurt', -0.05);
    expect(l.stats).toHaveLength(2);
    expect(lessonNotes(l)[0]).toBe(
      'add_synonym on wrong_table: helped 1/2, no effect 1, hurt 0; average train change +5.0 points',
    );
    expect(lessonNotes(l)[1]).toMatch(
      /add_join on wrong_join: helped 0\/1, no effect 0, hurt 1; average train change -5\.0 points/,
    );
  });

  it('accumulates across runs without duplicating fix records', () => {
    const l = emptyLessons('demo');
    recordOutcome(l, 'add_synonym', 'wrong_table', 'helped', 0.1);
    recordFix(l, 'applied_fixes', { key: 'k1', type: 'add_synonym', summary: 's' });
    // A later run starts from the file the earlier one wrote and adds to it.
    const next = structuredClone(l);
    recordOutcome(next, 'add_synonym', 'wrong_table', 'hurt', -0.2);
    recordFix(next, 'applied_fixes', { key: 'k1', type: 'add_synonym', summary: 's' });
    recordFix(next, 'rejected_fixes', { key: 'k2', type: 'add_join', summary: 'j', reason: 'hurt holdout' });
    expect(next.stats[0]).toMatchObject({ helped: 1, hurt: 1, score_delta_sum: -0.1 });
    expect(next.applied_fixes).toHaveLength(1);
    expect([...triedKeys(next)].sort()).toEqual(['k1', 'k2']);
  });

  it('round-trips canonically and reports a broken file with its path', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lessons-'));
    const file = path.join(dir, 'demo.json');
    const l = emptyLessons('demo');
    recordFix(l, 'rejected_fixes', { key: 'b', type: 't', summary: 's', reason: 'r' });
    recordFix(l, 'rejected_fixes', { key: 'a', type: 't', summary: 's', reason: 'r' });
    writeLessons(file, l);
    const text = readFileSync(file, 'utf8');
    expect(serializeLessons(readLessons(file, 'demo'))).toBe(text);
    expect(readLessons(file, 'demo').rejected_fixes.map((r) => r.key)).toEqual(['a', 'b']);
    writeFileSync(
      file,
      JSON.stringify({ version: 1, space: 'demo', stats: [{ fix_type: 'x' }], applied_fixes: [], rejected_fixes: [] }),
    );
    expect(() => readLessons(file, 'demo')).toThrow(ValidationError);
    expect(() => readLessons(file, 'demo')).toThrow(/\$\.stats\[0\]\.category/);
  });
});
