/**
 * `lint --fix`: the mechanical repairs, as RFC 6902 operations built with the enhance fix machinery
 * (src/fixes: pointers, sorted inserts, deterministic ids; a missing relationship marker is a `fix_join`
 * fix compiled by compileFix). Each group is applied to the space as it stands and kept only when the
 * result passes the schema and introduces no new invariant problem, as applyFixes keeps fixes.
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { compileFix } from '../fixes/compile/compile-fix.js';
import { compareStrings } from '../fixes/fix-key.js';
import { FixSchema } from '../fixes/fix-types.js';
import { newId } from '../fixes/compile/new-id.js';
import { pointer } from '../fixes/compile/patch-ops.js';
import { dedupeCaseInsensitive } from '../space/text-pieces.js';
import { checkInvariants } from '../space/invariants.js';
import { SpaceSchema, joinText, type Space } from '../space/schema.js';
import { idEntries, isSorted, jsonPath, sortedLists, untrimmedStrings } from './checks-format.js';
import { inferRelationship, specInfos } from './checks-joins.js';
import { buildContext, normalizeQuestion } from './context.js';

export interface AppliedLintFix {
  check: string;
  path: string;
  description: string;
}

export interface LintFixResult {
  space: Space;
  /** Every operation, in order, against the space as loaded (after any id repair). */
  ops: Operation[];
  applied: AppliedLintFix[];
  /** Fixes left out, with the reason. */
  skipped: AppliedLintFix[];
}

interface Planned {
  check: string;
  path: string;
  description: string;
  ops: Operation[];
}

type Planner = (space: Space) => Planned[];

const replace = (segments: string[], from: unknown, value: unknown): Operation[] => [
  { op: 'test', path: pointer(segments), value: from },
  { op: 'replace', path: pointer(segments), value },
];

const duplicateIds: Planner = (space) => {
  const seen = new Set<string>();
  const out: Planned[] = [];
  for (const entry of idEntries(space)) {
    if (!seen.has(entry.id)) {
      seen.add(entry.id);
      continue;
    }
    const id = newId(space, `lint-duplicate:${entry.segments.join('/')}`);
    out.push({
      check: 'id-invalid',
      path: jsonPath(entry.segments),
      description: `new id ${id} for a duplicate of ${entry.id}`,
      ops: replace(entry.segments, entry.id, id),
    });
  }
  return out;
};

const relationshipMarkers: Planner = (space) => {
  const ctx = buildContext({ space });
  return specInfos(ctx).flatMap((info) => {
    const relationship = info.hasMarker ? undefined : inferRelationship(info, ctx);
    if (!relationship) return [];
    const fix = FixSchema.parse({
      type: 'fix_join',
      joinId: info.spec.id,
      relationship,
      rationale: 'lint: relationship type inferred from the key names',
    });
    return [
      {
        check: 'join-relationship-missing',
        path: `${info.path}.sql`,
        description: `relationship ${relationship} inferred from the key names`,
        ops: compileFix(space, fix),
      },
    ];
  });
};

/** Pointer segments of a user-facing path like `$.a.b[2].c` (keys here never hold dots or brackets). */
function segmentsOf(path: string): string[] {
  return path
    .replace(/^\$\.?/, '')
    .split(/[.[\]]+/)
    .filter(Boolean);
}

const repeatedSynonyms: Planner = (space) =>
  buildContext({ space }).tables.flatMap((t) =>
    [...t.columns.values()].flatMap((c) => {
      const synonyms = c.config.synonyms ?? [];
      const unique = dedupeCaseInsensitive(synonyms);
      if (unique.length === synonyms.length) return [];
      return [
        {
          check: 'synonym-repeated',
          path: `${c.path}.synonyms`,
          description: `dropped ${synonyms.length - unique.length} repeated synonym(s)`,
          ops: replace([...segmentsOf(c.path), 'synonyms'], synonyms, unique),
        },
      ];
    }),
  );

const untrimmed: Planner = (space) =>
  untrimmedStrings(space).map((entry) => ({
    check: 'text-untrimmed',
    path: jsonPath(entry.segments),
    description: 'trimmed whitespace',
    ops: replace(entry.segments, entry.value, entry.value.trim()),
  }));

const filterWhere: Planner = (space) =>
  (space.instructions?.sql_snippets?.filters ?? []).flatMap((filter, i) => {
    const first = filter.sql[0];
    if (first === undefined || !/^\s*where\b/i.test(first)) return [];
    const segments = ['instructions', 'sql_snippets', 'filters', String(i), 'sql', '0'];
    return [
      {
        check: 'filter-starts-with-where',
        path: jsonPath(segments),
        description: 'dropped the leading WHERE',
        ops: replace(segments, first, first.replace(/^\s*where\s*/i, '')),
      },
    ];
  });

const duplicateSamples: Planner = (space) => {
  const seen = new Set<string>();
  const repeats: number[] = [];
  (space.config?.sample_questions ?? []).forEach((q, i) => {
    const key = normalizeQuestion(joinText(q.question));
    if (key !== '' && seen.has(key)) repeats.push(i);
    seen.add(key);
  });
  // Remove from the end so earlier indexes stay valid.
  return repeats.reverse().map((i) => ({
    check: 'sample-question-duplicate',
    path: `$.config.sample_questions[${i}]`,
    description: 'removed a repeated sample question',
    ops: [{ op: 'remove', path: pointer(['config', 'sample_questions', String(i)]) }],
  }));
};

/** One unsorted list at a time: sorting a list of tables moves the column lists inside it. */
const sorting: Planner = (space) => {
  const list = sortedLists(space).find((l) => !isSorted(l));
  if (!list) return [];
  const sorted = [...list.items].sort((a, b) => compareStrings(list.keyOf(a), list.keyOf(b)));
  return [
    {
      check: 'list-unsorted',
      path: jsonPath(list.segments),
      description: 'sorted the list',
      ops: replace(list.segments, list.items, sorted),
    },
  ];
};

const PLANNERS: Planner[] = [
  duplicateIds,
  relationshipMarkers,
  untrimmed,
  repeatedSynonyms,
  filterWhere,
  duplicateSamples,
];

function problems(space: Space): string[] {
  if (!SpaceSchema.safeParse(space).success) return ['schema'];
  return checkInvariants(space, { file: '' }).map((issue) => issue.message);
}

/** Applies one planned fix when it leaves the space valid; returns the new space or the reason it was skipped. */
function tryApply(space: Space, fix: Planned, before: string[]): { space: Space } | { reason: string } {
  const next = structuredClone(space);
  try {
    jsonpatch.applyPatch(next, structuredClone(fix.ops), true);
  } catch (error) {
    return { reason: `the patch does not apply: ${(error as Error).message.split('\n')[0]}` };
  }
  const after = problems(next);
  const introduced = after.filter((p) => !before.includes(p));
  return introduced.length > 0 ? { reason: `it would make the config invalid: ${introduced[0]}` } : { space: next };
}

export function planLintFixes(input: Space): LintFixResult {
  let space = structuredClone(input);
  const ops: Operation[] = [];
  const applied: AppliedLintFix[] = [];
  const skipped: AppliedLintFix[] = [];
  const run = (planner: Planner, repeat: boolean) => {
    for (let round = 0; round < 1000; round++) {
      const planned = planner(space);
      if (planned.length === 0) return;
      for (const fix of planned) {
        const outcome = tryApply(space, fix, problems(space));
        const record = { check: fix.check, path: fix.path, description: fix.description };
        if ('reason' in outcome) {
          skipped.push({ ...record, description: outcome.reason });
          if (repeat) return;
          continue;
        }
        space = outcome.space;
        ops.push(...fix.ops);
        applied.push(record);
        // Later fixes of the same planner were computed before this one moved things: plan again.
        if (repeat) break;
      }
      if (!repeat) return;
    }
  };
  for (const planner of PLANNERS) run(planner, planner === duplicateIds);
  run(sorting, true);
  return { space, ops, applied, skipped };
}
