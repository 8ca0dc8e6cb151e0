/** Sample questions: the starters Genie shows users, so none empty and none repeated. */
import { joinText } from '../space/schema.js';
import { normalizeQuestion, type LintContext } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

function samples(ctx: LintContext): { path: string; text: string }[] {
  return (ctx.space.config?.sample_questions ?? []).map((q, i) => ({
    path: `$.config.sample_questions[${i}]`,
    text: joinText(q.question),
  }));
}

export const SAMPLE_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'sample-question-empty',
    severity: 'warning',
    category: 'examples',
    title: 'An empty sample question',
    run: (ctx) =>
      samples(ctx)
        .filter((q) => q.text.trim() === '')
        .map((q) => ({
          path: `${q.path}.question`,
          message: 'the sample question is empty: users see a blank starter',
          fix: 'write a question the space answers well, or delete the entry',
        })),
  },
  {
    id: 'sample-question-duplicate',
    severity: 'warning',
    category: 'examples',
    fixable: true,
    title: 'A sample question listed twice',
    run: (ctx) => {
      const seen = new Map<string, string>();
      const out: RawFinding[] = [];
      for (const q of samples(ctx)) {
        const key = normalizeQuestion(q.text);
        if (key === '') continue;
        const first = seen.get(key);
        if (first)
          out.push({
            path: q.path,
            message: `"${q.text.trim()}" repeats ${first}`,
            fix: 'run `genie-gitops lint --fix` to drop the repeat, or ask something else',
          });
        else seen.set(key, q.path);
      }
      return out;
    },
  },
  {
    id: 'sample-questions-missing',
    severity: 'info',
    category: 'examples',
    measured: true,
    title: 'No sample questions',
    run: (ctx) =>
      samples(ctx).length === 0 && ctx.tables.length > 0
        ? [
            {
              path: '$.config',
              message: 'the space shows users no sample questions',
              fix: 'add two or three questions the space answers well, so users see what to ask',
            },
          ]
        : [],
  },
];
