/**
 * Size limits for the files genie-gitops reads from a repository, checked before a byte is
 * parsed: YAML parsers and zod build a node per item, so a few megabytes of `[a,a,a,...]` cost
 * gigabytes of memory. Each limit is far above what a real file holds.
 */
import { statSync } from 'node:fs';
import { ValidationError } from '../errors.js';

/** benchmarks/<space>.yml and target.yml: 1 MB is several thousand benchmark questions. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** space.json and lessons/<space>.json: a Genie space with every limit used is well under 10 MB. */
export const MAX_JSON_BYTES = 10 * 1024 * 1024;
/** Markdown imported as benchmarks. */
export const MAX_MARKDOWN_BYTES = 4 * 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;

/** The issue for text larger than `maxBytes`, or undefined. `label` names the file in messages. */
export function tooLarge(text: string, label: string, maxBytes: number): ValidationError | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return undefined;
  return new ValidationError([
    {
      file: label,
      path: '$',
      message: `the file is ${bytes} bytes, over the limit of ${megabytes(maxBytes)}: split or trim it`,
    },
  ]);
}

/**
 * Throws a ValidationError naming `label` when `file` is a folder or larger than `maxBytes`.
 * A file that does not exist passes: the caller reports that in its own words.
 */
export function checkReadable(file: string, label: string, maxBytes: number): void {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return;
  }
  if (stat.isDirectory())
    throw new ValidationError([{ file: label, path: '$', message: 'is a folder, expected a file' }]);
  if (stat.size > maxBytes) {
    throw new ValidationError([
      {
        file: label,
        path: '$',
        message: `the file is ${stat.size} bytes, over the limit of ${megabytes(maxBytes)}: split or trim it`,
      },
    ]);
  }
}
