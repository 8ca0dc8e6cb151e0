/** `genie-gitops enhance`: the enhancement loop from the terminal; ends by saying what was written and what to do next. */
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { enhanceCommand, type EnhanceResult } from '../commands/enhance.js';
import { llmAnalystFrom } from '../wiring/llm-analyst.js';
import { parseStaging } from '../commands/workspace.js';
import { SecretScrubber } from '../databricks/secrets.js';
import { backendOption } from './backend-option.js';
import type { LlmProvider } from '../llm/config.js';
import { renderEnhanceMarkdown } from '../report/enhance-report.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { repoPaths } from '../space/repo-paths.js';
import { dataOf, durationOption, numberOption, parseCommandArgs } from './args.js';
import { ENHANCE } from './command-specs.js';
import type { CliIo } from './cli-io.js';

export async function runEnhance(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(ENHANCE, args);
  const analyst = values.analyst ?? 'rules';
  if (analyst !== 'rules' && analyst !== 'llm')
    throw new ConfigError(`--analyst must be rules or llm (got ${analyst})`, 'e.g. --analyst rules');
  const provider = values['llm-provider'];
  if (provider !== undefined && provider !== 'openai' && provider !== 'databricks')
    throw new ConfigError(
      `--llm-provider must be openai or databricks (got ${provider})`,
      'e.g. --llm-provider openai',
    );
  const llmSettings = {
    provider: provider as LlmProvider | undefined,
    model: values['llm-model'],
    baseUrl: values['llm-base-url'],
    endpoint: values['llm-endpoint'],
  };
  const secrets = new SecretScrubber();
  const result = await enhanceCommand({
    layout: { bundleTarget: values.target },
    dataFile: dataOf(values.data, io),
    root: path.resolve(io.cwd, values.root ?? '.'),
    space: values.space!,
    backend: backendOption(values.backend, secrets),
    staging: parseStaging(values.staging),
    analyst,
    llmAnalyst:
      analyst === 'llm'
        ? llmAnalystFrom(
            llmSettings,
            process.env,
            {
              timeoutMs: numberOption(values['llm-timeout-ms'], '--llm-timeout-ms', { min: 1, integer: true }),
            },
            secrets,
          )
        : undefined,
    maxIterations: numberOption(values['max-iterations'], '--max-iterations', { min: 1, integer: true }),
    targetScore: numberOption(values['target-score'], '--target-score', { fraction: true }),
    maxRegressions: numberOption(values['max-regressions'], '--max-regressions', { min: 0, integer: true }),
    allowTaughtExamples: values['allow-taught-examples'] ?? false,
    confidence: numberOption(values.confidence, '--confidence', { min: 0.5, max: 0.999 }),
    maxRepeats: numberOption(values['max-repeats'], '--max-repeats', { min: 0, max: 20, integer: true }),
    maxGenieQuestions: numberOption(values['max-genie-questions'], '--max-genie-questions', { min: 1, integer: true }),
    timeBudgetMs: durationOption(values['time-budget'], '--time-budget'),
    screening: values['no-screening'] ? false : undefined,
    cacheDir: values['no-cache'] ? false : undefined,
    dryRun: values['dry-run'],
    log: values.quiet ? undefined : (line) => io.err(line),
  });
  const markdown = renderEnhanceMarkdown(result, {
    fullReportHint: values.json ? `the full report is ${values.json}` : undefined,
  });
  // The configs are in spaces/ (or would be); the JSON keeps the scorecards, iterations and patches.
  const { config: _config, startConfig: _start, ...json } = result;
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(json, null, 2)}\n`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), markdown);
  for (const line of summaryLines(result, io.cwd, values.markdown)) io.out(line);
  return 0;
}

/** The closing lines: scores, what was written, where the PR body is, and the next step. */
export function summaryLines(result: EnhanceResult, cwd: string, markdownFile?: string): string[] {
  const t = (c: EnhanceResult['before']) =>
    `train ${(c.totals.train.score * 100).toFixed(1)}%, train-untaught ${(c.totals.trainUntaught.score * 100).toFixed(1)}%, holdout ${(c.totals.holdout.score * 100).toFixed(1)}%`;
  const relative = (file: string) => path.relative(cwd, path.resolve(cwd, file)) || file;
  const lines = [
    `before: ${t(result.before)}`,
    `after:  ${t(result.after)}`,
    `${result.iterations.filter((i) => i.accepted).length} of ${result.iterations.length} iteration(s) kept; ${result.stopReason}`,
  ];
  if (markdownFile) lines.push(`pull request body: ${relative(markdownFile)}`);
  if (result.dryRun) {
    lines.push(
      result.changed
        ? `dry run: no file changed. To apply: run the same command without --dry-run (writes ${repoPaths.spaceFile(result.space)} and ${repoPaths.lessonsFile(result.space)})`
        : 'dry run: no file changed, and no fix was kept, so there is nothing to apply',
    );
  } else {
    lines.push(`wrote ${result.written.map(relative).join(', ') || 'nothing'}`);
  }
  if (result.usesDemoData)
    lines.push(
      'try your own data: genie-gitops init --space mine --from-sqlite FILE.sqlite (or --from-sql FILE.sql), then write benchmarks/mine.yml',
    );
  return lines;
}
