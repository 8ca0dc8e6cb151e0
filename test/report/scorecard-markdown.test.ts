import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/benchmarks/types.js';
import { questionChanges } from '../../src/report/comparison-markdown.js';
import {
  renderComparisonMarkdown,
  renderScorecardMarkdown,
  renderScorecardText,
} from '../../src/report/scorecard-markdown.js';
import type { Category } from '../../src/scoring/failure-category.js';
import type { Verdict } from '../../src/scoring/result-comparator.js';
import { buildScorecard, summarizeQuestion, type RepeatResult, type Scorecard } from '../../src/scoring/scorecard.js';

interface Spec {
  id: string;
  question: string;
  split: Benchmark['split'];
  /** One entry per repeat: a verdict when it passed, a category when it failed. */
  outcomes: (Verdict | Category)[];
}

const PASSING = new Set(['exact', 'equivalent', 'superset']);

function card(specs: Spec[], overrides: Partial<Scorecard> = {}, expectedError?: Record<string, string>): Scorecard {
  const repeats = Math.max(1, ...specs.map((s) => s.outcomes.length));
  const questions = specs.map((s) => {
    const results: RepeatResult[] = s.outcomes.map((o) => {
      const passed = PASSING.has(o);
      return {
        passed,
        verdict: passed ? (o as Verdict) : o === 'timeout' || o === 'no_sql' || o === 'api_error' ? null : 'mismatch',
        // A broken benchmark's repeats have no category: the expected SQL failed, Genie was not asked.
        category: passed || expectedError?.[s.id] ? null : (o as Category),
        genieSql: 'SELECT 1',
        durationMs: 1200,
        attempts: 1,
      };
    });
    return summarizeQuestion(
      { id: s.id, question: s.question, sql: 'SELECT 1', split: s.split, tags: [] },
      results,
      expectedError?.[s.id],
    );
  });
  return {
    ...buildScorecard({
      space: 'demo',
      configHash: '3f2a9c0d1e4b5a6978877665544332211',
      benchmarksHash: 'b7e1c2d3a4f5e6d7c8b9a0f1e2d3c4b5',
      backend: 'local',
      repeats,
      questions,
      calls: { genie: questions.length * repeats, statements: questions.length, retries: 1, rateLimited: 0 },
      durationMs: 12_345,
      startedAt: '2026-11-01T09:00:00.000Z',
    }),
    ...overrides,
  };
}

const HEAD = card([
  { id: 'msgs-total', question: 'How many messages were sent in total?', split: 'train', outcomes: ['exact'] },
  { id: 'pro-members', question: 'How many members are on the pro plan?', split: 'train', outcomes: ['wrong_filter'] },
  {
    id: 'top-channels',
    question: 'Which 5 channels had the most messages in the last 30 days | by count?',
    split: 'holdout',
    outcomes: ['superset'],
  },
  { id: 'kr-members', question: '한국 회원은 몇 명인가요?', split: 'holdout', outcomes: ['no_sql'] },
]);

const BASE = card(
  [
    {
      id: 'msgs-total',
      question: 'How many messages were sent in total?',
      split: 'train',
      outcomes: ['wrong_aggregation'],
    },
    { id: 'pro-members', question: 'How many members are on the pro plan?', split: 'train', outcomes: ['exact'] },
    {
      id: 'top-channels',
      question: 'Which 5 channels had the most messages in the last 30 days | by count?',
      split: 'holdout',
      outcomes: ['timeout'],
    },
    { id: 'old-q', question: 'An old question', split: 'train', outcomes: ['exact'] },
  ],
  { configHash: '0011223344556677', benchmarksHash: 'ffeeddccbbaa' },
);

describe('renderScorecardMarkdown', () => {
  it('renders headline, totals, categories, questions and footer', () => {
    expect(renderScorecardMarkdown(HEAD)).toMatchInlineSnapshot(`
      "## Genie score: \`demo\` — 50.0% (2/4)

      | split | score |
      |---|---:|
      | all | 50.0% (2/4) |
      | train | 50.0% (1/2) |
      | train-untaught | 50.0% (1/2) |
      | holdout | 50.0% (1/2) |

      | split | 95% interval | repeatability |
      |---|---:|---:|
      | all | 15.0–85.0% | – |
      | train | 9.5–90.5% | – |
      | holdout | 9.5–90.5% | – |

      _Each question was asked once, so repeatability is not measured; repeatability is the share of questions asked more than once that gave the same result every time._

      | failure category | questions |
      |---|---:|
      | no_sql | 1 |
      | wrong_filter | 1 |

      ### Questions

      | id | split | question | result | verdict | category |
      |---|---|---|:-:|---|---|
      | \`msgs-total\` | train | How many messages were sent in total? | ✅ | exact |  |
      | \`pro-members\` | train | How many members are on the pro plan? | ❌ | mismatch | wrong_filter |
      | \`top-channels\` | holdout | Which 5 channels had the most messages in the last 30 days … | ✅ | superset |  |
      | \`kr-members\` | holdout | 한국 회원은 몇 명인가요? | ❌ | – | no_sql |

      <sub>backend \`local\` · 4 Genie questions · 4 statements · 1 retry · 0 rate-limited · 12.3 s · config \`3f2a9c0d\` · benchmarks \`b7e1c2d3\` · started 2026-11-01T09:00:00.000Z</sub>
      "
    `);
  });

  it('adds pass rates when there are repeats, and flags broken benchmarks', () => {
    const repeated = card(
      [
        { id: 'a', question: 'Flaky one', split: 'train', outcomes: ['exact', 'wrong_join', 'exact'] },
        { id: 'b', question: 'Broken benchmark', split: 'holdout', outcomes: ['api_error', 'api_error', 'api_error'] },
      ],
      {},
      { b: 'no such table: nothing' },
    );
    expect(renderScorecardMarkdown(repeated, { title: 'PR #12 score' })).toMatchInlineSnapshot(`
      "## PR #12 score — 100.0% (1/1; 1 broken)

      | split | score | mean pass rate |
      |---|---:|---:|
      | all | 100.0% (1/1; 1 broken) | 66.7% |
      | train | 100.0% (1/1) | 66.7% |
      | train-untaught | 100.0% (1/1) | 66.7% |
      | holdout | – (1 broken) | – |

      | split | 95% interval | repeatability |
      |---|---:|---:|
      | all | 20.7–100.0% | 0.0% (0/1) |
      | train | 20.7–100.0% | 0.0% (0/1) |

      _Repeatability is the share of questions asked more than once that gave the same result every time._ Flaky (passes/asks): \`a\` 2/3.

      No failing questions.

      ### Broken benchmarks (1)

      Their expected SQL failed on the warehouse, so they were not asked and are left out of the score. Fix them in the benchmark file (\`genie-gitops validate --execute\` checks every expected SQL).

      | id | split | question | error |
      |---|---|---|---|
      | \`b\` | holdout | Broken benchmark | no such table: nothing |

      ### Questions (3 repeats each; passed = passed in most repeats)

      | id | split | question | result | verdict | category | pass rate |
      |---|---|---|:-:|---|---|---:|
      | \`a\` | train | Flaky one | ✅ | exact |  | 66.7% |
      | \`b\` | holdout | Broken benchmark | ⚠️ broken | – |  | 0.0% |

      <sub>backend \`local\` · 6 Genie questions · 2 statements · 1 retry · 0 rate-limited · 12.3 s · config \`3f2a9c0d\` · benchmarks \`b7e1c2d3\` · started 2026-11-01T09:00:00.000Z</sub>
      "
    `);
  });

  it('stays within maxChars, keeping failing questions first', () => {
    const many = card(
      Array.from({ length: 400 }, (_, i) => ({
        id: `q${String(i).padStart(3, '0')}`,
        question: `Question number ${i} about messages, members and channels in the community`,
        split: i % 3 === 0 ? ('holdout' as const) : ('train' as const),
        outcomes: [i % 10 === 0 ? ('wrong_filter' as const) : ('exact' as const)],
      })),
    );
    const full = renderScorecardMarkdown(many, { maxChars: 1_000_000 });
    expect(full).not.toMatch(/not shown/);
    const md = renderScorecardMarkdown(many, { maxChars: 8000 });
    expect(md.length).toBeLessThanOrEqual(8000);
    expect(md).toMatch(/_\d+ more question\(s\) not shown to stay within 8000 characters/);
    // All 40 failing questions are listed; the rest of the budget goes to passing ones, in benchmark order.
    const listed = [...md.matchAll(/^\| `(q\d+)` .*\| (✅|❌) \|/gm)].map((m) => [m[1], m[2]]);
    expect(listed.filter(([, r]) => r === '❌')).toHaveLength(40);
    expect(listed.some(([, r]) => r === '✅')).toBe(true);
    expect(listed.map(([id]) => id)).toEqual([...listed.map(([id]) => id)].sort());
  });

  it('escapes table-breaking characters in questions', () => {
    const md = renderScorecardMarkdown(
      card([{ id: 'x', question: 'a | b <script>\nnext line', split: 'train', outcomes: ['exact'] }]),
    );
    expect(md).toContain('| a \\| b &lt;script&gt; next line |');
  });

  it('never exceeds a tiny budget', () => {
    expect(renderScorecardMarkdown(HEAD, { maxChars: 300 }).length).toBeLessThanOrEqual(300);
  });
});

describe('renderScorecardText', () => {
  it('renders an aligned table for the terminal', () => {
    expect(renderScorecardText(HEAD)).toMatchInlineSnapshot(`
      "Genie score for demo: 50.0% (2/4) · train 50.0% (1/2) · train-untaught 50.0% (1/2) · holdout 50.0% (1/2)

      ID            SPLIT    RESULT  VERDICT   CATEGORY      QUESTION
      msgs-total    train    pass    exact     -             How many messages were sent in total?
      pro-members   train    FAIL    mismatch  wrong_filter  How many members are on the pro plan?
      top-channels  holdout  pass    superset  -             Which 5 channels had the most messages in the last 30 days …
      kr-members    holdout  FAIL    -         no_sql        한국 회원은 몇 명인가요?

      Failures: no_sql 1, wrong_filter 1
      Evidence: 95% intervals all 15.0–85.0% · train 9.5–90.5% · holdout 9.5–90.5%; repeatability not measured (each question asked once)
      Calls: 4 Genie questions, 4 statements, 1 retry, 0 rate-limited · 12.3 s · config 3f2a9c0d · benchmarks b7e1c2d3
      "
    `);
  });
});

describe('renderComparisonMarkdown', () => {
  it('classifies per-question changes by id', () => {
    const c = questionChanges(HEAD, BASE);
    expect({
      regressed: c.regressed.map((q) => q.id),
      fixed: c.fixed.map((q) => q.id),
      stillFailing: c.stillFailing.map((q) => q.id),
      stillPassing: c.stillPassing.map((q) => q.id),
      added: c.added.map((q) => q.id),
      removed: c.removed.map((q) => q.id),
    }).toEqual({
      regressed: ['pro-members'],
      fixed: ['msgs-total', 'top-channels'],
      stillFailing: [],
      stillPassing: [],
      added: ['kr-members'],
      removed: ['old-q'],
    });
  });

  it('renders split deltas and the changes', () => {
    expect(renderComparisonMarkdown(HEAD, BASE)).toMatchInlineSnapshot(`
      "## Genie score: \`demo\` — 50.0% (2/4), ±0.0 pp vs base

      | split | base | head | change |
      |---|---:|---:|---:|
      | all | 50.0% (2/4) | 50.0% (2/4) | ±0.0 pp |
      | train | 66.7% (2/3) | 50.0% (1/2) | −16.7 pp |
      | train-untaught | 66.7% (2/3) | 50.0% (1/2) | −16.7 pp |
      | holdout | 0.0% (0/1) | 50.0% (1/2) | +50.0 pp |

      > [!NOTE]
      > The benchmarks changed between base and head, so the split scores compare different question sets; the per-question changes below are like for like.

      **Regressed** 1 · **Fixed** 2 · **Still failing** 0 · **Still passing** 0 · **New** 1 · **Removed** 1

      ### Regressed (1)

      | id | split | question | base | head |
      |---|---|---|---|---|
      | \`pro-members\` | train | How many members are on the pro plan? | ✅ exact | ❌ wrong_filter |

      ### Fixed (2)

      | id | split | question | base | head |
      |---|---|---|---|---|
      | \`msgs-total\` | train | How many messages were sent in total? | ❌ wrong_aggregation | ✅ exact |
      | \`top-channels\` | holdout | Which 5 channels had the most messages in the last 30 days … | ❌ timeout | ✅ superset |

      ### New questions (1)

      | id | split | question | result |
      |---|---|---|---|
      | \`kr-members\` | holdout | 한국 회원은 몇 명인가요? | ❌ no_sql |

      ### Removed questions (1)

      | id | split | question | result |
      |---|---|---|---|
      | \`old-q\` | train | An old question | ✅ exact |

      <sub>config \`00112233\` → \`3f2a9c0d\` · benchmarks \`ffeeddcc\` → \`b7e1c2d3\` · head run: 4 Genie questions, 4 statements, 12.3 s</sub>
      "
    `);
  });

  it('stays within maxChars with many changes', () => {
    const specs = (fail: (i: number) => boolean) =>
      Array.from({ length: 300 }, (_, i) => ({
        id: `q${i}`,
        question: `A fairly long benchmark question number ${i} that takes space`,
        split: 'train' as const,
        outcomes: [fail(i) ? ('wrong_column' as const) : ('exact' as const)],
      }));
    const head = card(specs((i) => i % 2 === 0));
    const base = card(specs((i) => i % 3 === 0));
    const md = renderComparisonMarkdown(head, base, { maxChars: 6000 });
    expect(md.length).toBeLessThanOrEqual(6000);
    expect(md).toMatch(/_…and \d+ more not shown/);
    expect(md.indexOf('### Regressed')).toBeLessThan(md.indexOf('### Fixed'));
  });
});

describe('evidence in the scorecard Markdown', () => {
  it('names at most 40 flaky questions and points to the JSON for the rest', () => {
    const many = card(
      Array.from({ length: 50 }, (_, i) => ({
        id: `f${i}`,
        question: `Flaky ${i}`,
        split: 'train' as const,
        outcomes: ['exact', 'wrong_filter'] as (Verdict | Category)[],
      })),
    );
    const md = renderScorecardMarkdown(many);
    expect(md).toContain('| all | 0.0–7.1% | 0.0% (0/50) |');
    expect(md).toContain('`f39` 1/2, and 10 more in the JSON.');
    expect(md).not.toContain('`f40` 1/2');
  });
});

describe('errored questions in the reports', () => {
  const erroredRepeat: RepeatResult = {
    passed: false,
    verdict: null,
    category: 'api_error',
    genieSql: null,
    durationMs: 10,
    attempts: 4,
    error: 'Genie request failed: HTTP 503 after 4 attempts',
    errored: true,
  };
  const withErrored = (base: Scorecard, id: string): Scorecard => {
    const questions = base.questions.map((q) =>
      q.id === id
        ? summarizeQuestion({ id: q.id, question: q.question, sql: 'SELECT 1', split: q.split, tags: [] }, [
            erroredRepeat,
          ])
        : q,
    );
    return { ...base, ...buildScorecard({ ...base, questions }) };
  };

  it('shows the errored count beside passed / answered, flags the question, and says it is left out', () => {
    const head = withErrored(HEAD, 'pro-members');
    const md = renderScorecardMarkdown(head);
    expect(md).toContain('## Genie score: `demo` — 66.7% (2/3, 1 errored)');
    expect(md).toMatch(/\| `pro-members` \| train \| .* \| ⚠️ errored \|/);
    expect(md).toMatch(/1 question\(s\) errored: .* left out of the score, which is passed \/ answered: `pro-members`/);
    expect(renderScorecardText(head)).toMatch(/pro-members\s+train\s+ERRORED/);
  });

  it('measures no change when the only difference is an outage', () => {
    const md = renderComparisonMarkdown(withErrored(HEAD, 'msgs-total'), HEAD);
    expect(md).toMatch(/^## .* ±0\.0 pp vs base \(on the questions answered in both\)$/m);
    expect(md).toMatch(/\| all \| 50\.0% \(2\/4\) \| 33\.3% \(1\/3, 1 errored\) \| ±0\.0 pp \|/);
  });

  it('keeps a question that errored on head out of regressed and fixed', () => {
    const c = questionChanges(withErrored(HEAD, 'pro-members'), BASE);
    expect(c.regressed.map((q) => q.id)).toEqual([]);
    expect(c.errored.map((q) => q.id)).toEqual(['pro-members']);
    const md = renderComparisonMarkdown(withErrored(HEAD, 'pro-members'), BASE);
    expect(md).toContain('### Errored (1)');
    // The change is measured on the questions answered in both (as the gate does), not on different sets.
    expect(md).toContain('vs base (on the questions answered in both)');
  });
});
