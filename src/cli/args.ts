/**
 * One argument parser for every subcommand. node:util's parseArgs does the splitting (in
 * non-strict mode, so it never throws); this module checks the tokens against the command's
 * spec and turns every problem into a one-line ConfigError that names the option, so no raw
 * Node parser text (or the 25-line usage) reaches the user.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../errors.js';
import type { CommandSpec, OptionSpec, OptionValues } from './command-spec.js';

export { numberOption, describeRange, type NumberBounds } from '../util/number-option.js';
export { durationOption } from '../util/duration-option.js';

const NUMBER_LIKE = /^-(\d|\.\d)/;

/** --data FILE: the local warehouse's data for this run (any path: the user named it), or 'demo'. */
export function dataOf(value: string | undefined, io: { cwd: string }): string | undefined {
  if (value === undefined || value === 'demo') return value;
  return path.resolve(io.cwd, value);
}

/** True when the arguments ask for help (`-h` or `--help` anywhere before `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

/** Parses `args` against the command's options; throws a ConfigError naming the first problem. */
export function parseCommandArgs<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  args: readonly string[],
): OptionValues<O> {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }]),
  );
  const { values, tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seeHelp = `run genie-gitops ${spec.name} --help for its options`;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      throw new ConfigError(`${spec.name} takes no argument ${JSON.stringify(token.value)}`, seeHelp);
    }
    if (token.kind !== 'option') continue;
    const option = spec.options[token.name] as OptionSpec | undefined;
    if (!option) {
      const close = closestOption(token.name, Object.keys(spec.options));
      throw new ConfigError(
        `unknown option ${token.rawName} for ${spec.name}`,
        close ? `did you mean --${close}? (${seeHelp})` : seeHelp,
      );
    }
    const example = `e.g. --${token.name} ${option.value ?? 'VALUE'}`;
    if (option.type === 'boolean') {
      if (token.value !== undefined)
        throw new ConfigError(`--${token.name} takes no value`, `write just --${token.name}`);
    } else if (token.value === undefined) {
      throw new ConfigError(`--${token.name} needs a value`, example);
    } else if (!token.inlineValue && token.value.startsWith('-') && !NUMBER_LIKE.test(token.value)) {
      throw new ConfigError(`--${token.name} needs a value, got the option ${token.value}`, example);
    }
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && values[name] === undefined)
      throw new ConfigError(
        `--${name} is required`,
        option.requiredHint ?? `e.g. --${name} ${option.value ?? 'VALUE'}`,
      );
  }
  return values as OptionValues<O>;
}

/** The known option nearest to a misspelt one (edit distance ≤ 2), for "did you mean". */
function closestOption(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
