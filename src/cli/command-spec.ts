/**
 * What a subcommand accepts, written once: the parser checks arguments against it, `--help`
 * and the global usage are rendered from it, and a test holds the README's CLI block to it.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder or its choices: `N`, `FILE`, `local|databricks`. */
  value?: string;
  /** The default, as the help shows it. */
  default?: string;
  description: string;
  /** Repeatable (`--space a --space b`). */
  multiple?: boolean;
  required?: boolean;
  /** What the "is required" error suggests. */
  requiredHint?: string;
  /** Shown in the usage line as part of an alternative, not as its own `[--x]`. */
  inSynopsis?: false;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  /** One line: what the command does. */
  summary: string;
  /** The usage after `genie-gitops <name>`, e.g. `--space NAME [options]`; generated when absent. */
  usage?: string;
  options: O;
  /** Extra lines after the options (environment variables, notes). */
  notes?: string[];
  /** One runnable example. */
  example: string;
}

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : string;

/** Parsed values: every option may be absent. */
export type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]?: ValueOf<O[K]> };

/** Identity with the option names kept as literal types, so parsed values are typed. */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

function optionUsage(name: string, option: OptionSpec): string {
  return option.type === 'boolean' ? `--${name}` : `--${name} ${option.value ?? 'VALUE'}`;
}

/** The usage line: required options bare, the others in brackets. */
export function synopsis(spec: CommandSpec): string {
  if (spec.usage) return `genie-gitops ${spec.name} ${spec.usage}`;
  const parts = Object.entries(spec.options)
    .filter(([, o]) => o.inSynopsis !== false)
    .map(([name, o]) => (o.required ? optionUsage(name, o) : `[${optionUsage(name, o)}]`));
  return `genie-gitops ${spec.name} ${parts.join(' ')}`.trimEnd();
}

/** `genie-gitops <command> --help`: usage, summary, every option with its default, one example. */
export function renderCommandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const left = `  ${optionUsage(name, o)}`;
    const extra = [o.required ? 'required' : '', o.default !== undefined ? `default: ${o.default}` : '']
      .filter(Boolean)
      .join('; ');
    return { left, right: extra ? `${o.description} (${extra})` : o.description };
  });
  rows.push({ left: '  -h, --help', right: 'show this help' });
  const width = Math.min(34, Math.max(...rows.map((r) => r.left.length)) + 2);
  const lines = rows.map((r) =>
    r.left.length + 2 > width ? `${r.left}\n${' '.repeat(width)}${r.right}` : `${r.left.padEnd(width)}${r.right}`,
  );
  return [
    `usage: ${synopsis(spec)}`,
    '',
    spec.summary,
    '',
    'options:',
    ...lines,
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
    '',
    'example:',
    `  ${spec.example}`,
  ].join('\n');
}
