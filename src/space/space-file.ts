/** Reading and writing `spaces/<space>/space.json` with errors that name file, line and JSON path. */
import { readFileSync } from 'node:fs';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { serializeSpace } from './canonical.js';
import { formatPath, lineColumnAt } from './json-path.js';
import { scanJson } from './json-scan.js';
import { SpaceSchema, type Space } from './schema.js';
import { salvageSpace } from './space-salvage.js';
import { describeIssue } from './zod-issues.js';

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Nearest recorded line for a path: a missing key is reported on its parent object. */
function lineOfPath(text: string, offsets: Map<string, number>, segments: readonly PropertyKey[]): number | undefined {
  for (let length = segments.length; length >= 0; length--) {
    const offset = offsets.get(formatPath(segments.slice(0, length)));
    if (offset !== undefined) return lineColumnAt(text, offset).line;
  }
  return undefined;
}

/** Parses and validates the text of a space file; `file` is only used in messages. */
export function parseSpaceText(text: string, file: string): Space {
  const source = stripBom(text);
  const scan = scanJson(source);
  if (!scan.ok) {
    const { line, column } = lineColumnAt(source, scan.offset);
    throw new ValidationError([
      { file, path: '$', line, message: `invalid JSON at line ${line}, column ${column}: ${scan.message}` },
    ]);
  }
  if (scan.duplicateKeys.length > 0) {
    throw new ValidationError(
      scan.duplicateKeys.map(({ path, offset }) => ({
        file,
        path,
        line: lineColumnAt(source, offset).line,
        message: 'duplicate key (often left over from a merge): keep one of them',
      })),
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    // The scanner accepted the text, so this is a JSON.parse corner the scanner does not model.
    throw new ValidationError([{ file, path: '$', message: `invalid JSON: ${(error as Error).message}` }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ValidationError([
      { file, path: '$', line: 1, message: 'expected a JSON object: the decoded serialized_space of a Genie space' },
    ]);
  }
  const result = SpaceSchema.safeParse(data);
  if (!result.success) {
    const issues: ValidationIssue[] = result.error.issues.map((issue) => {
      const described = describeIssue(issue, data);
      return {
        file,
        path: described.path,
        message: described.message,
        line: lineOfPath(source, scan.offsets, described.segments),
      };
    });
    throw new ValidationError(issues);
  }
  return result.data;
}

/** Reads and validates a space file; `label` is the name used in messages (default: the path). */
const LAST_SEGMENT = /(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/;

/**
 * Fills in `line` for issues found on the parsed space (e.g. by checkInvariants),
 * so they can be shown as annotations on the file: the line of the value at the
 * issue's path, or of its nearest existing parent.
 */
export function addIssueLines(text: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  const source = stripBom(text);
  const scan = scanJson(source);
  if (!scan.ok) return [...issues];
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    for (let path = issue.path; path !== ''; path = path.replace(LAST_SEGMENT, '')) {
      const offset = scan.offsets.get(path);
      if (offset !== undefined) return { ...issue, line: lineColumnAt(source, offset).line };
      if (!LAST_SEGMENT.test(path)) break;
    }
    return issue;
  });
}

export function readSpaceFile(file: string, label: string = file): Space {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ValidationError([
      {
        file: label,
        path: '$',
        message: `cannot read the space file (${reason}): create it, or run \`genie-gitops export\` to pull a live space`,
      },
    ]);
  }
  return parseSpaceText(text, label);
}

/**
 * Every problem of a space file's text, with the part of the space that can still be checked:
 * the whole space when it is valid, the schema-valid remainder when only the schema failed
 * (so invariants and references are checked too), nothing when the JSON itself is broken.
 */
export function inspectSpaceText(text: string, file: string): { space?: Space; issues: ValidationIssue[] } {
  try {
    return { space: parseSpaceText(text, file), issues: [] };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    let data: unknown;
    try {
      data = JSON.parse(stripBom(text));
    } catch {
      return { issues: error.issues };
    }
    return { space: salvageSpace(data), issues: error.issues };
  }
}

/** Writes the canonical text atomically (temp file in the same folder, then rename). */
export function writeSpaceFile(file: string, space: Space): void {
  writeFileAtomic(file, serializeSpace(space));
}
