import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTarget, parseTargetText } from '../../src/space/target.js';
import { issuesOf } from './helpers.js';

const FILE = 'spaces/demo/target.yml';

const VALID = `title: Community analytics
live_space_id: 01f0aaaabbbbccccddddeeeeffff0000
staging_space_id: 01f0aaaabbbbccccddddeeeeffff0001
warehouse_id: abcdef1234567890
parent_path: /Workspace/Shared/genie
local:
  data: demo
  as_of: 2026-11-01
`;

describe('parseTargetText', () => {
  it('returns a camelCase Target', () => {
    expect(parseTargetText(VALID, FILE)).toEqual({
      title: 'Community analytics',
      liveSpaceId: '01f0aaaabbbbccccddddeeeeffff0000',
      stagingSpaceId: '01f0aaaabbbbccccddddeeeeffff0001',
      warehouseId: 'abcdef1234567890',
      parentPath: '/Workspace/Shared/genie',
      local: { data: 'demo', asOf: '2026-11-01' },
      file: FILE,
      dataLine: 7,
    });
  });

  it('reads the staging mode; the shared space id is optional with temporary staging (the default)', () => {
    const temporary = parseTargetText(VALID.replace(/^staging_space_id:.*\n/m, ''), FILE);
    expect(temporary).not.toHaveProperty('stagingSpaceId');
    expect(temporary).not.toHaveProperty('staging');
    const shared = parseTargetText(`${VALID}staging: shared\n`, FILE);
    expect(shared).toMatchObject({ staging: 'shared', stagingSpaceId: '01f0aaaabbbbccccddddeeeeffff0001' });
  });

  it('leaves optional parts out when absent', () => {
    const text = VALID.split('\n')
      .filter((l) => l.startsWith('title') || l.includes('_id:'))
      .join('\n');
    const target = parseTargetText(text, FILE);
    expect(target).not.toHaveProperty('parentPath');
    expect(target).not.toHaveProperty('local');
  });

  const cases: { name: string; text: string; path: string; line: number; message: string }[] = [
    {
      name: 'missing field',
      text: VALID.replace(/^warehouse_id:.*\n/m, ''),
      path: '$.warehouse_id',
      line: 1,
      message: 'missing required field "warehouse_id"',
    },
    {
      name: 'shared staging without its id',
      text: VALID.replace(/^staging_space_id:.*\n/m, 'staging: shared\n'),
      path: '$.staging_space_id',
      line: 3,
      message: 'staging: shared needs staging_space_id (the id of the space to share); or use staging: temporary',
    },
    {
      name: 'unknown staging mode',
      text: VALID.replace(/^staging_space_id:.*\n/m, 'staging: borrowed\n'),
      path: '$.staging',
      line: 3,
      message: 'expected one of',
    },
    {
      name: 'misspelt key',
      text: VALID.replace('warehouse_id: abcdef1234567890', 'warehouse_id: abcdef1234567890\nwarehose_id: x'),
      path: '$.warehose_id',
      line: 5,
      message: 'unknown field "warehose_id"',
    },
    {
      name: 'bad as_of format',
      text: VALID.replace('2026-11-01', '01/11/2026'),
      path: '$.local.as_of',
      line: 8,
      message: 'YYYY-MM-DD',
    },
    {
      name: 'impossible as_of date',
      text: VALID.replace('2026-11-01', '2026-02-30'),
      path: '$.local.as_of',
      line: 8,
      message: 'real calendar date',
    },
    {
      name: 'numeric id',
      text: VALID.replace('abcdef1234567890', '1234567890'),
      path: '$.warehouse_id',
      line: 4,
      message: 'quote it: "1234567890"',
    },
    {
      name: 'empty title',
      text: VALID.replace('Community analytics', '""'),
      path: '$.title',
      line: 1,
      message: 'must not be empty',
    },
    {
      name: 'unknown local key',
      text: VALID.replace('  data: demo', '  dataset: demo'),
      path: '$.local.dataset',
      line: 7,
      message: 'unknown field "dataset"',
    },
    { name: 'a list instead of a mapping', text: '- a\n- b\n', path: '$', line: 1, message: 'expected an object' },
  ];

  it.each(cases)('$name: names file, path and line', ({ text, path: jsonPath, line, message }) => {
    const issues = issuesOf(() => parseTargetText(text, FILE));
    const issue = issues.find((i) => i.path === jsonPath);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue).toMatchObject({ file: FILE, line });
    expect(issue!.message).toContain(message);
  });

  it('reports malformed YAML with its line', () => {
    const issues = issuesOf(() => parseTargetText('title: x\nlocal:\n  data: [demo\n', FILE));
    expect(issues[0]).toMatchObject({ file: FILE, path: '$' });
    expect(issues[0]!.line).toBeGreaterThanOrEqual(3);
    expect(issues[0]!.message).toContain('invalid YAML');
  });

  it('reports a duplicated key as a YAML error', () => {
    const issues = issuesOf(() => parseTargetText(`${VALID}title: again\n`, FILE));
    expect(issues[0]!.message).toContain('invalid YAML');
    expect(issues[0]!.line).toBe(9);
  });

  it('reports an empty file', () => {
    expect(issuesOf(() => parseTargetText('# nothing yet\n', FILE))[0]!.message).toContain('the file is empty');
  });
});

describe('loadTarget', () => {
  it('reads a file and labels errors with the given name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'genie-target-'));
    const file = path.join(dir, 'target.yml');
    writeFileSync(file, VALID);
    expect(loadTarget(file).title).toBe('Community analytics');
    writeFileSync(file, 'title: 1\n');
    expect(issuesOf(() => loadTarget(file, FILE)).every((i) => i.file === FILE)).toBe(true);
  });
});
