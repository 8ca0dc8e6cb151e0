/** Every space file this repository ships is canonical: loading and saving it changes no byte. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeSpace } from '../../src/space/canonical.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';

function spaceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return spaceFiles(full);
    return entry.name === 'space.json' ? [full] : [];
  });
}

const files = [...spaceFiles(path.join(REPO_ROOT, 'spaces')), ...spaceFiles(path.join(REPO_ROOT, 'test/fixtures'))];

describe('shipped space files round-trip byte for byte', () => {
  it('finds the demo space and the described fixture', () => {
    expect(files.map((f) => path.relative(REPO_ROOT, f))).toEqual(
      expect.arrayContaining(['spaces/demo/space.json', 'test/fixtures/demo-described/space.json']),
    );
  });
  it.each(files.map((f) => [path.relative(REPO_ROOT, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(serializeSpace(parseSpaceText(text, file))).toBe(text);
  });
});
