import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';

/**
 * Writes through a temp file in the same folder and renames, so a failure never leaves a partial
 * file. A file system error (a folder in the way, no permission, disk full) names the file.
 */
export function writeFileAtomic(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new GenieGitopsError(
      `cannot write ${file}${code ? ` (${code})` : ''}: ${(error as Error).message}`,
      code === 'EISDIR' ? 'a folder has that name: choose a file path' : 'check the path and its permissions',
    );
  }
}
