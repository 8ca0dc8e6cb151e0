/** Bundle-declared spaces: databricks.yml + includes + targets feed the same space list as spaces/ folders. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GenieGitopsError, ValidationError } from '../../src/errors.js';
import { globRegex } from '../../src/space/bundle-glob.js';
import { readBundle } from '../../src/space/bundle.js';
import { listSpaceEntries, listSpaces, loadSpaceDir, spacesTouchedBy } from '../../src/space/repository.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';
import { issuesOf } from './helpers.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'genie-bundle-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

const DEMO = path.join(REPO_ROOT, 'spaces/demo/space.json');

function bundleRepo(): void {
  write(
    'databricks.yml',
    [
      'bundle:',
      '  name: analytics',
      'include:',
      '  - resources/*.yml',
      'variables:',
      '  warehouse_id:',
      '    default: wh-dev',
      'targets:',
      '  dev:',
      '    default: true',
      '  prod:',
      '    variables:',
      '      warehouse_id: wh-prod',
      '    resources:',
      '      genie_spaces:',
      '        community:',
      '          title: Community (prod)',
      '',
    ].join('\n'),
  );
  write(
    'resources/community.genie_space.yml',
    [
      'resources:',
      '  genie_spaces:',
      '    community:',
      '      title: Community',
      '      warehouse_id: ${var.warehouse_id}',
      '      parent_path: /Workspace/Shared/genie',
      '      file_path: ../src/community.geniespace.json',
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(root, 'src'), { recursive: true });
  cpSync(DEMO, path.join(root, 'src/community.geniespace.json'));
}

describe('bundle globs', () => {
  it.each([
    ['resources/*.yml', 'resources/a.yml', true],
    ['resources/*.yml', 'resources/sub/a.yml', false],
    ['resources/**/*.yml', 'resources/sub/a.yml', true],
    ['resources/**/*.yml', 'resources/a.yml', true],
    ['*.yml', 'databricks.yml', true],
    ['res?urces/*.yml', 'resources/a.yml', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globRegex(glob).test(file)).toBe(expected);
  });
});

describe('bundle-declared spaces', () => {
  it('are listed and loaded like spaces/ folders, file_path relative to the declaring file', () => {
    bundleRepo();
    expect(listSpaces(root)).toEqual(['community']);
    const [entry] = listSpaceEntries(root);
    expect(entry).toMatchObject({ source: 'bundle', configPath: 'src/community.geniespace.json' });
    const dir = loadSpaceDir(root, 'community');
    expect(dir.space.data_sources?.tables?.length).toBe(5);
    expect(dir.target).toMatchObject({
      title: 'Community',
      warehouseId: 'wh-dev',
      parentPath: '/Workspace/Shared/genie',
      idsDerived: true,
    });
    expect(dir.target?.liveSpaceId).toMatch(/^[0-9a-f]{32}$/);
    expect(dir.target?.liveSpaceId).not.toBe(dir.target?.stagingSpaceId);
  });

  it('reads a named target: its variables and resource overrides win, and the ids differ per target', () => {
    bundleRepo();
    const dev = loadSpaceDir(root, 'community');
    const prod = loadSpaceDir(root, 'community', { bundleTarget: 'prod' });
    expect(prod.target).toMatchObject({ title: 'Community (prod)', warehouseId: 'wh-prod' });
    expect(prod.target?.liveSpaceId).not.toBe(dev.target?.liveSpaceId);
    expect(readBundle(root)?.target).toBe('dev');
    expect(() => readBundle(root, { target: 'qa' })).toThrow(GenieGitopsError);
    expect(() => readBundle(root, { target: 'qa' })).toThrow(/no target 'qa'/);
  });

  it('takes workspace ids and local settings from an optional <name>.target.yml beside the config', () => {
    bundleRepo();
    write('src/community.target.yml', 'live_space_id: live-1\nstaging_space_id: stage-1\nlocal:\n  data: demo\n');
    const dir = loadSpaceDir(root, 'community');
    expect(dir.target).toMatchObject({ liveSpaceId: 'live-1', stagingSpaceId: 'stage-1', title: 'Community' });
    expect(dir.target?.idsDerived).toBeUndefined();
  });

  it('sits beside spaces/ folders, and a name used by both is an error naming the bundle line', () => {
    bundleRepo();
    mkdirSync(path.join(root, 'spaces/demo'), { recursive: true });
    cpSync(DEMO, path.join(root, 'spaces/demo/space.json'));
    expect(listSpaces(root)).toEqual(['community', 'demo']);
    mkdirSync(path.join(root, 'spaces/community'), { recursive: true });
    cpSync(DEMO, path.join(root, 'spaces/community/space.json'));
    const issues = issuesOf(() => listSpaces(root));
    expect(issues[0]).toMatchObject({ file: 'resources/community.genie_space.yml', line: 3 });
    expect(issues[0]?.message).toMatch(/spaces\/community/);
  });

  it('reports a resource without file_path, and invalid YAML, with file and line', () => {
    write('databricks.yml', 'resources:\n  genie_spaces:\n    sales:\n      title: Sales\n');
    const issues = issuesOf(() => listSpaces(root));
    expect(issues[0]).toMatchObject({ file: 'databricks.yml', line: 3 });
    expect(issues[0]?.message).toMatch(/file_path/);
    write('databricks.yml', 'resources:\n  genie_spaces: [\n');
    expect(() => listSpaces(root)).toThrow(ValidationError);
  });

  it('maps changed files to the spaces they touch', () => {
    bundleRepo();
    expect(spacesTouchedBy(root, ['src/community.geniespace.json'])).toEqual(['community']);
    expect(spacesTouchedBy(root, ['resources/community.genie_space.yml'])).toEqual(['community']);
    expect(spacesTouchedBy(root, ['README.md'])).toEqual([]);
    expect(spacesTouchedBy(root, ['spaces/gone/space.json'])).toEqual(['gone']);
    expect(spacesTouchedBy(root, ['benchmarks/community.yml'], { benchmarks: true })).toEqual(['community']);
  });
});
