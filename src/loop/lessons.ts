/**
 * Lessons learned: how each fix type fared per failure category, and which fixes were
 * applied or rejected, persisted as canonical JSON in lessons/<space>.json and merged across runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { checkReadable, MAX_JSON_BYTES } from '../util/text-file.js';

export type Outcome = 'helped' | 'no_effect' | 'hurt';

const StatSchema = z.object({
  fix_type: z.string(),
  category: z.string(),
  helped: z.number().int().min(0),
  no_effect: z.number().int().min(0),
  hurt: z.number().int().min(0),
  /** Sum of the train score change (fraction) over the trials, for the average. */
  score_delta_sum: z.number(),
});

const FixRecordSchema = z.object({
  key: z.string(),
  type: z.string(),
  summary: z.string(),
  reason: z.string().optional(),
});

export const LessonsSchema = z.object({
  version: z.literal(1),
  space: z.string(),
  stats: z.array(StatSchema),
  applied_fixes: z.array(FixRecordSchema),
  rejected_fixes: z.array(FixRecordSchema),
});

export type Lessons = z.infer<typeof LessonsSchema>;
export type LessonStat = z.infer<typeof StatSchema>;
export type FixRecord = z.infer<typeof FixRecordSchema>;

export function emptyLessons(space: string): Lessons {
  return { version: 1, space, stats: [], applied_fixes: [], rejected_fixes: [] };
}

export function readLessons(file: string, space: string): Lessons {
  if (!existsSync(file)) return emptyLessons(space);
  checkReadable(file, file, MAX_JSON_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ValidationError([
      {
        file,
        path: '$',
        message: `not valid JSON (${(error as Error).message}); fix it or delete the file to start over`,
      },
    ]);
  }
  const parsed = LessonsSchema.safeParse(data);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        file,
        path: `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
        message: i.message,
      })),
    );
  }
  return parsed.data;
}

/** Adds one trial of a fix to the stats. */
export function recordOutcome(
  lessons: Lessons,
  fixType: string,
  category: string,
  outcome: Outcome,
  scoreDelta: number,
): void {
  let stat = lessons.stats.find((s) => s.fix_type === fixType && s.category === category);
  if (!stat) {
    stat = { fix_type: fixType, category, helped: 0, no_effect: 0, hurt: 0, score_delta_sum: 0 };
    lessons.stats.push(stat);
  }
  stat[outcome] += 1;
  stat.score_delta_sum = round(stat.score_delta_sum + scoreDelta);
}

export function recordFix(lessons: Lessons, list: 'applied_fixes' | 'rejected_fixes', record: FixRecord): void {
  if (!lessons[list].some((r) => r.key === record.key)) lessons[list].push(record);
}

/** Keys of fixes already applied or rejected: an analyst must not propose them again. */
export function triedKeys(lessons: Lessons): Set<string> {
  return new Set([...lessons.applied_fixes, ...lessons.rejected_fixes].map((r) => r.key));
}

function trials(s: LessonStat): number {
  return s.helped + s.no_effect + s.hurt;
}

/** Short pattern notes, one per (fix type, category), most tried first: fed to the LLM analyst and shown in the PR. */
export function lessonNotes(lessons: Lessons): string[] {
  return sortedStats(lessons).map((s) => {
    const n = trials(s);
    const avg = n === 0 ? 0 : (s.score_delta_sum / n) * 100;
    return `${s.fix_type} on ${s.category}: helped ${s.helped}/${n}, no effect ${s.no_effect}, hurt ${s.hurt}; average train change ${avg >= 0 ? '+' : ''}${avg.toFixed(1)} points`;
  });
}

function sortedStats(lessons: Lessons): LessonStat[] {
  return [...lessons.stats].sort(
    (a, b) => trials(b) - trials(a) || a.fix_type.localeCompare(b.fix_type) || a.category.localeCompare(b.category),
  );
}

/** Canonical text: sorted lists, 2-space indent, trailing newline, so reruns diff cleanly. */
export function serializeLessons(lessons: Lessons): string {
  const byKey = (a: FixRecord, b: FixRecord) => a.key.localeCompare(b.key);
  const canonical: Lessons = {
    version: 1,
    space: lessons.space,
    stats: [...lessons.stats]
      .sort((a, b) => a.fix_type.localeCompare(b.fix_type) || a.category.localeCompare(b.category))
      .map((s) => ({
        fix_type: s.fix_type,
        category: s.category,
        helped: s.helped,
        no_effect: s.no_effect,
        hurt: s.hurt,
        score_delta_sum: s.score_delta_sum,
      })),
    applied_fixes: [...lessons.applied_fixes].sort(byKey).map(canonicalRecord),
    rejected_fixes: [...lessons.rejected_fixes].sort(byKey).map(canonicalRecord),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

function canonicalRecord(r: FixRecord): FixRecord {
  return r.reason === undefined
    ? { key: r.key, type: r.type, summary: r.summary }
    : { key: r.key, type: r.type, summary: r.summary, reason: r.reason };
}

export function writeLessons(file: string, lessons: Lessons): void {
  writeFileAtomic(file, serializeLessons(lessons));
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
