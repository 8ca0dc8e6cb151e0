/** Action inputs, parsed once into a typed object. The only module that reads inputs. */
import * as core from '@actions/core';
import { GenieGitopsError } from '../errors.js';
import { numberOption } from '../cli/options.js';
import { parseBackend, type BackendName } from '../commands/workspace.js';

export const INPUT = {
  command: 'command',
  space: 'space',
  backend: 'backend',
  repeats: 'repeats',
  minScore: 'min-score',
  workingDirectory: 'working-directory',
} as const;

export type ActionCommand = 'validate' | 'score';

export interface ActionInputs {
  command: ActionCommand;
  space?: string;
  backend: BackendName;
  repeats?: number;
  minScore?: number;
  workingDirectory: string;
}

/** An empty input is the same as an absent one. */
function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

export function readInputs(): ActionInputs {
  const command = optional(INPUT.command) ?? 'score';
  if (command !== 'validate' && command !== 'score') {
    throw new GenieGitopsError(`input command '${command}' is not supported`, 'set command to validate or score');
  }
  return {
    command,
    space: optional(INPUT.space),
    backend: parseBackend(optional(INPUT.backend)),
    repeats: numberOption(optional(INPUT.repeats), INPUT.repeats, { min: 1, integer: true }),
    minScore: numberOption(optional(INPUT.minScore), INPUT.minScore, { min: 0, max: 1 }),
    workingDirectory: optional(INPUT.workingDirectory) ?? '.',
  };
}
