import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { listSpaces, loadSpaceDir } from '../../src/space/repository.js';
import { issuesOf, richSpace, richText } from './helpers.js';

function repo(spaces: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'genie-repo-'));
  for (const [name, files] of Object.entries(spaces)) {
    const dir = path.join(root, 'spaces', name);
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  }
  return root;
}

const TARGET = 'title: Demo\nlive_space_id: l\nstaging_space_id: s\nwarehouse_id: w\n';

describe('listSpaces', () => {
  it('lists the folders that hold a space.json, sorted', () => {
    const root = repo({
      zeta: { 'space.json': richText() },
      alpha: { 'space.json': richText() },
      empty: {},
      other: { 'target.yml': TARGET },
    });
    writeFileSync(path.join(root, 'spaces', 'stray.json'), '{}');
    expect(listSpaces(root)).toEqual(['alpha', 'zeta']);
  });

  it('returns nothing when there is no spaces/ folder', () => {
    expect(listSpaces(mkdtempSync(path.join(tmpdir(), 'genie-repo-')))).toEqual([]);
  });
});

describe('loadSpaceDir', () => {
  it('loads the space and its target', () => {
    const root = repo({ demo: { 'space.json': richText(), 'target.yml': TARGET } });
    const loaded = loadSpaceDir(root, 'demo');
    expect(loaded.name).toBe('demo');
    expect(loaded.dir).toBe(path.join(root, 'spaces', 'demo'));
    expect(loaded.spaceFile).toBe(path.join(root, 'spaces', 'demo', 'space.json'));
    expect(loaded.targetFile).toBe(path.join(root, 'spaces', 'demo', 'target.yml'));
    expect(loaded.space).toEqual(richSpace());
    expect(loaded.target).toEqual({ title: 'Demo', liveSpaceId: 'l', stagingSpaceId: 's', warehouseId: 'w' });
  });

  it('leaves target undefined when target.yml is absent', () => {
    const root = repo({ demo: { 'space.json': richText() } });
    expect(loadSpaceDir(root, 'demo').target).toBeUndefined();
  });

  it('says which folder to create, listing the known spaces', () => {
    const root = repo({ demo: { 'space.json': richText() } });
    const issues = issuesOf(() => loadSpaceDir(root, 'sales'));
    expect(issues[0]!.file).toBe('spaces/sales');
    expect(issues[0]!.message).toContain('no folder spaces/sales/');
    expect(issues[0]!.message).toContain('known spaces: demo');
  });

  it('says to create space.json when the folder has none', () => {
    const root = repo({ demo: { 'target.yml': TARGET } });
    const issues = issuesOf(() => loadSpaceDir(root, 'demo'));
    expect(issues[0]!.file).toBe('spaces/demo/space.json');
    expect(issues[0]!.message).toContain('create spaces/demo/space.json');
  });

  it.each(['../etc', 'a/b', '', '.hidden', 'Sales', 'my.space'])('refuses the space name %j', (name) => {
    const root = repo({});
    expect(() => loadSpaceDir(root, name)).toThrow(ConfigError);
    expect(() => loadSpaceDir(root, name)).toThrow(/invalid space name/);
  });

  it('names files relative to the repository root in errors', () => {
    const root = repo({ demo: { 'space.json': '{"version": 2,}', 'target.yml': TARGET } });
    expect(issuesOf(() => loadSpaceDir(root, 'demo'))[0]).toMatchObject({ file: 'spaces/demo/space.json', line: 1 });
    const root2 = repo({ demo: { 'space.json': richText(), 'target.yml': 'title: x\n' } });
    expect(issuesOf(() => loadSpaceDir(root2, 'demo'))[0]!.file).toBe('spaces/demo/target.yml');
  });
});
