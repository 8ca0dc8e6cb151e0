import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { Space } from '../../src/space/schema.js';
import { addIssueLines, parseSpaceText, readSpaceFile, writeSpaceFile } from '../../src/space/space-file.js';
import { issuesOf, richSpace, richText } from './helpers.js';

const FILE = 'spaces/demo/space.json';

describe('parseSpaceText: malformed JSON', () => {
  const cases = [
    {
      name: 'missing comma',
      text: '{\n  "version": 2\n  "config": {}\n}\n',
      line: 3,
      column: 3,
      message: "expected ',' or '}'",
    },
    {
      name: 'trailing comma in object',
      text: '{\n  "version": 2,\n}\n',
      line: 3,
      column: 1,
      message: 'trailing comma',
    },
    { name: 'trailing comma in array', text: '{\n  "a": [1,\n  ]\n}', line: 3, column: 3, message: 'trailing comma' },
    {
      name: 'unterminated string',
      text: '{\n  "version": 2,\n  "x": "abc\n}',
      line: 3,
      column: 12,
      message: 'unterminated string',
    },
    { name: 'tab inside a string', text: '{"x": "a\tb"}', line: 1, column: 9, message: 'control character' },
    {
      name: 'single quotes',
      text: "{\n  'version': 2\n}",
      line: 2,
      column: 3,
      message: 'property name in double quotes',
    },
    { name: 'content after the document', text: '{"version": 2}\n{}', line: 2, column: 1, message: 'after the end' },
    { name: 'empty file', text: '  \n', line: 2, column: 1, message: 'empty' },
    {
      name: 'truncated file',
      text: '{\n  "version": 2,\n  "config": {',
      line: 3,
      column: 14,
      message: 'the end of the file',
    },
  ];

  it.each(cases)('$name: names file, line and column', ({ text, line, column, message }) => {
    const issues = issuesOf(() => parseSpaceText(text, FILE));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: FILE, path: '$', line });
    expect(issues[0]!.message).toContain(`line ${line}, column ${column}`);
    expect(issues[0]!.message).toContain(message);
  });

  it('puts the file and line in the error message itself', () => {
    expect(() => parseSpaceText('{\n  "version": 2,\n}', FILE)).toThrow(
      /spaces\/demo\/space\.json:3 \$: invalid JSON at line 3/,
    );
  });

  it('reports duplicate keys with their path and line', () => {
    const issues = issuesOf(() =>
      parseSpaceText('{\n  "version": 2,\n  "config": {\n    "a": 1,\n    "a": 2\n  }\n}', FILE),
    );
    expect(issues).toEqual([expect.objectContaining({ file: FILE, path: '$.config.a', line: 5 })]);
    expect(issues[0]!.message).toContain('duplicate key');
  });

  it.each(['[]', '"text"', '42', 'null'])('rejects a top level that is not an object: %s', (text) => {
    const issues = issuesOf(() => parseSpaceText(text, FILE));
    expect(issues[0]!.message).toContain('expected a JSON object');
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseSpaceText(`\uFEFF${richText()}`, FILE)).toEqual(richSpace());
  });
});

describe('parseSpaceText: schema violations', () => {
  const withJoinId = (id: string) => {
    const space = richSpace();
    space.instructions!.join_specs![0]!.id = id;
    return JSON.stringify(space, null, 2);
  };

  it('names the JSON path, the line and what was expected for a malformed id', () => {
    const text = withJoinId('ABC');
    const issues = issuesOf(() => parseSpaceText(text, FILE));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('$.instructions.join_specs[0].id');
    expect(issues[0]!.message).toContain('32 lowercase hex');
    expect(issues[0]!.message).toContain('"ABC"');
    const line = text.split('\n').findIndex((l) => l.includes('"ABC"')) + 1;
    expect(issues[0]!.line).toBe(line);
  });

  const cases: { name: string; mutate: (s: Record<string, any>) => void; path: string; message: string }[] = [
    {
      name: 'missing identifier',
      mutate: (s) => delete s.data_sources.tables[1].identifier,
      path: '$.data_sources.tables[1].identifier',
      message: 'missing required field "identifier"',
    },
    {
      name: 'description as a string',
      mutate: (s) => (s.data_sources.tables[0].description = 'text'),
      path: '$.data_sources.tables[0].description',
      message: 'expected an array',
    },
    {
      name: 'missing version',
      mutate: (s) => delete s.version,
      path: '$.version',
      message: 'missing required field "version"',
    },
    {
      name: 'version as a string',
      mutate: (s) => (s.version = '2'),
      path: '$.version',
      message: 'expected a number, got the string "2"',
    },
    {
      name: 'exclude as a string',
      mutate: (s) => (s.data_sources.tables[1].column_configs[0].exclude = 'no'),
      path: '$.data_sources.tables[1].column_configs[0].exclude',
      message: 'expected a boolean',
    },
    {
      name: 'two text instructions',
      mutate: (s) => s.instructions.text_instructions.push({ id: 'f'.repeat(32), content: [] }),
      path: '$.instructions.text_instructions',
      message: 'at most one',
    },
    {
      name: 'sql line not a string',
      mutate: (s) => (s.instructions.example_question_sqls[0].sql[1] = 7),
      path: '$.instructions.example_question_sqls[0].sql[1]',
      message: 'expected a string, got number 7',
    },
    {
      name: 'empty column name',
      mutate: (s) => (s.data_sources.tables[0].column_configs[0].column_name = ''),
      path: '$.data_sources.tables[0].column_configs[0].column_name',
      message: 'must not be empty',
    },
  ];

  it.each(cases)('$name', ({ mutate, path: jsonPath, message }) => {
    const space = richSpace() as Record<string, any>;
    mutate(space);
    const text = JSON.stringify(space, null, 2);
    const issues = issuesOf(() => parseSpaceText(text, FILE));
    const issue = issues.find((i) => i.path === jsonPath);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.file).toBe(FILE);
    expect(issue!.message).toContain(message);
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('reports every violation at once', () => {
    const space = richSpace() as Record<string, any>;
    space.version = 'x';
    space.config.sample_questions[0].id = 'nope';
    const issues = issuesOf(() => parseSpaceText(JSON.stringify(space), FILE));
    expect(issues.map((i) => i.path).sort()).toEqual(['$.config.sample_questions[0].id', '$.version']);
  });
});

describe('readSpaceFile and writeSpaceFile', () => {
  const tempDir = () => mkdtempSync(path.join(tmpdir(), 'genie-space-file-'));

  it('names the file when it does not exist', () => {
    const file = path.join(tempDir(), 'space.json');
    const issues = issuesOf(() => readSpaceFile(file));
    expect(issues[0]).toMatchObject({ file, path: '$' });
    expect(issues[0]!.message).toContain('file not found');
  });

  it('uses the label in messages when given', () => {
    const dir = tempDir();
    const file = path.join(dir, 'space.json');
    writeFileSync(file, '{');
    expect(issuesOf(() => readSpaceFile(file, 'spaces/x/space.json'))[0]!.file).toBe('spaces/x/space.json');
  });

  it('writes canonical text that reads back to the same space', () => {
    const file = path.join(tempDir(), 'nested', 'space.json');
    const space = richSpace();
    space.data_sources!.tables!.reverse();
    writeSpaceFile(file, space);
    expect(readFileSync(file, 'utf8')).toBe(richText());
    expect(readSpaceFile(file)).toEqual(richSpace());
  });

  it('leaves the old file intact and no temp file behind when writing fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'space.json');
    writeFileSync(file, 'old content');
    const unserialisable = { version: 2, extra: 10n } as unknown as Space;
    expect(() => writeSpaceFile(file, unserialisable)).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['space.json']);
  });

  it('cleans up its temp file when the rename fails', () => {
    const dir = tempDir();
    const target = path.join(dir, 'space.json');
    mkdirSync(path.join(target, 'occupied'), { recursive: true });
    expect(() => writeSpaceFile(target, richSpace())).toThrow();
    expect(readdirSync(dir)).toEqual(['space.json']);
  });

  it('throws ValidationError (not a raw SyntaxError) for a broken file', () => {
    const file = path.join(tempDir(), 'space.json');
    writeFileSync(file, '{"version": 2,,}');
    expect(() => readSpaceFile(file)).toThrow(ValidationError);
  });
});

describe('addIssueLines', () => {
  it('adds the line of the value at each path, or of its nearest parent', () => {
    const text = richText();
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const issues = addIssueLines(text, [
      { file: FILE, path: '$.instructions.join_specs[1].sql[0]', message: 'a' },
      { file: FILE, path: '$.data_sources.tables[2].column_configs', message: 'b' },
      { file: FILE, path: '$.nowhere.deep[3]', message: 'c' },
      { file: FILE, path: '$.version', message: 'd', line: 99 },
    ]);
    expect(issues.map((i) => i.line)).toEqual([
      lineOf('`messages`.`member_id` = `members`.`member_id`'),
      lineOf('"identifier": "main.community.messages"') - 1,
      1,
      99,
    ]);
  });
});
