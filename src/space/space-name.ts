/**
 * The one rule for space names, used by every command. A name becomes the folder
 * `spaces/<name>/`, the file `benchmarks/<name>.yml`, the branch `genie-gitops/enhance/<name>`
 * and the label `space:<name>`, so it must be safe in all four on every file system:
 * lowercase (case-insensitive disks would merge `Sales` and `sales`), no dots or slashes
 * (no `..`, no hidden folders), and short.
 */
import { ConfigError } from '../errors.js';

const SPACE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const SPACE_NAME_RULE =
  "lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters";

/** Returns the name when it follows the rule; throws a ConfigError that says the rule otherwise. */
export function validateSpaceName(name: string): string {
  if (SPACE_NAME.test(name)) return name;
  const suggestion = suggestSpaceName(name);
  throw new ConfigError(
    `invalid space name ${JSON.stringify(name)}: use ${SPACE_NAME_RULE} (it names the folder spaces/<name>/ and benchmarks/<name>.yml)`,
    suggestion ? `e.g. --space ${suggestion}` : 'e.g. --space sales',
  );
}

/** True when the name follows the rule (for listings that skip other folders). */
export function isValidSpaceName(name: string): boolean {
  return SPACE_NAME.test(name);
}

function suggestSpaceName(name: string): string | undefined {
  const fixed = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 64);
  return fixed && fixed !== name && SPACE_NAME.test(fixed) ? fixed : undefined;
}
