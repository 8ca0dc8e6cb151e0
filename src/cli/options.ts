import { GenieGitopsError } from '../errors.js';

export const HELP = `usage: genie-gitops <command> [options]

commands:
  validate [--space NAME]                       check space files, targets and benchmarks; exit 1 on any problem
  score --space NAME [--backend local]          score a space's benchmarks and print the scorecard
        [--repeats N] [--concurrency N] [--qpm N] [--noise P --seed N]
        [--min-score X] [--json FILE] [--markdown FILE] [--quiet]
  enhance --space NAME [--backend local]        improve a space config from its failing train questions
          [--analyst rules|llm] [--max-iterations N] [--target-score X] [--dry-run]
          [--max-regressions N] [--allow-taught-examples]
          [--json FILE] [--markdown FILE] [--quiet]
          llm analyst: [--llm-provider openai|databricks] [--llm-model M] [--llm-base-url URL] [--llm-endpoint NAME] [--llm-timeout-ms MS]
          (or OPENAI_BASE_URL, OPENAI_API_KEY, GENIE_GITOPS_LLM_MODEL, GENIE_GITOPS_SERVING_ENDPOINT, DATABRICKS_HOST/TOKEN)
  import-benchmarks --space NAME --from FILE.md [--force]
                                                convert question/SQL Markdown into benchmarks/NAME.yml
  init --space NAME --backend local             write a thin spaces/NAME/space.json from a database
       [--from-sqlite FILE | --from-sql FILE] [--force]
  deploy (--space NAME... | --all | --before SHA [--after SHA])
         [--backend local] [--on-drift fail|overwrite]
                                                apply configs to live spaces; drift guard against --before's config
  export (--space NAME | --all) [--backend local]
                                                write a live space canonically to spaces/NAME/space.json
  serve [--port 0] [--latency-ms MS] [--qpm N] [--fault-rate P] [--stuck-rate P] [--token T] [--seed N]   loopback Databricks API emulator (point DATABRICKS_HOST at it)

common options:
  --root DIR      the repository root (default: the current directory)`;

/** Options every space command takes. */
export const SPACE_OPTIONS = {
  space: { type: 'string' },
  backend: { type: 'string' },
  root: { type: 'string' },
} as const;

/** Parses a numeric option, naming the flag and the allowed range when it is wrong. */
export function numberOption(
  value: string | undefined,
  flag: string,
  bounds: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const bad =
    value.trim() === '' ||
    !Number.isFinite(n) ||
    (bounds.integer && !Number.isInteger(n)) ||
    (bounds.min !== undefined && n < bounds.min) ||
    (bounds.max !== undefined && n > bounds.max);
  if (bad) {
    const range = [
      bounds.min !== undefined ? `>= ${bounds.min}` : '',
      bounds.max !== undefined ? `<= ${bounds.max}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new GenieGitopsError(
      `${flag} ${value} is not valid`,
      `pass ${bounds.integer ? 'a whole number' : 'a number'}${range ? ` ${range}` : ''}`,
    );
  }
  return n;
}
