import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFailure, renderLessons, renderSchema, renderSpace } from '../../../src/fixes/llm/evidence.js';
import {
  buildAnalystPrompt,
  loadPromptTemplate,
  parsePromptTemplate,
  renderTemplate,
  resolvePromptsDir,
} from '../../../src/fixes/llm/prompt.js';
import { communitySpace, failures, JOIN_ID, SCHEMA } from './fixture.js';

describe('renderTemplate', () => {
  it.each([
    ['one pass, values are not re-scanned', 'a {{x}} b', { x: '{{y}} $& $1' }, 'a {{y}} $& $1 b'],
    ['spaces inside braces', '{{ x }}-{{x}}', { x: 'v' }, 'v-v'],
    ['no placeholders', 'plain {text}', {}, 'plain {text}'],
  ])('%s', (_name, template, values, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });

  it('fails on a placeholder without a value', () => {
    expect(() => renderTemplate('{{missing}}', {})).toThrow(/\{\{missing\}\} has no value/);
  });
});

describe('parsePromptTemplate', () => {
  it('splits system and user sections and drops the maintainer header', () => {
    const template = parsePromptTemplate(
      '<!-- notes -->\nheader\n<!-- section: system -->\nS {{a}}\n<!-- section: user -->\nU {{b}}\n',
    );
    expect(template).toEqual({ system: 'S {{a}}', user: 'U {{b}}' });
  });

  it('requires both sections', () => {
    expect(() => parsePromptTemplate('<!-- section: system -->\nonly system')).toThrow(/needs both/);
  });

  it('loads a template from a given folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    writeFileSync(join(dir, 'analyst.md'), '<!-- section: system -->\nsys\n<!-- section: user -->\nuser\n');
    expect(loadPromptTemplate('analyst', dir)).toEqual({ system: 'sys', user: 'user' });
    expect(() => loadPromptTemplate('judge', dir)).toThrow(/not found/);
  });
});

describe('prompts/analyst.md', () => {
  const template = loadPromptTemplate('analyst');

  it('is found by walking up from the module', () => {
    expect(resolvePromptsDir()).toMatch(/prompts$/);
  });

  it('documents every fix type with an example and fills every placeholder', () => {
    for (const type of [
      'add_synonym',
      'add_column_description',
      'update_table_description',
      'add_join',
      'fix_join',
      'add_example_query',
      'add_sql_snippet',
      'enable_get_example_values',
      'enable_build_value_dictionary',
      'add_text_instruction',
    ]) {
      expect(template.system).toContain(`"type": "${type}"`);
    }
    const built = buildAnalystPrompt(
      template,
      { space: 'SPACE', schema: 'SCHEMA', failures: ['F1'], lessons: 'LESSONS', maxFixes: 5 },
      100_000,
    );
    const all = built.messages.map((message) => message.content).join('\n');
    expect(all).not.toMatch(/\{\{/);
    expect(built.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(built.messages[0].content).toContain('At most 5 fixes');
    for (const part of ['SPACE', 'SCHEMA', 'F1', 'LESSONS']) expect(built.messages[1].content).toContain(part);
  });
});

describe('buildAnalystPrompt budget', () => {
  const template = parsePromptTemplate(
    '<!-- section: system -->\nsys\n<!-- section: user -->\n{{space}}\n{{schema}}\n{{failures}}\n{{lessons}}',
  );
  const block = (i: number) => `## f${i}\n${'x'.repeat(900)}`;

  it('keeps whole failures while they fit and says how many were left out', () => {
    const built = buildAnalystPrompt(
      template,
      { space: 's', schema: 'c', failures: [1, 2, 3, 4, 5].map(block), lessons: 'l', maxFixes: 3 },
      2500,
    );
    expect(built.omittedFailures).toBe(3);
    expect(built.messages[1].content).toContain('## f1');
    expect(built.messages[1].content).toContain('## f2');
    expect(built.messages[1].content).not.toContain('## f3');
    expect(built.messages[1].content).toContain('(3 more failing questions omitted to stay within the prompt budget)');
    expect(built.chars).toBeLessThanOrEqual(2500 + 100);
  });

  it('keeps at least one failure, clipped, and clips an oversized space', () => {
    const built = buildAnalystPrompt(
      template,
      { space: 'S'.repeat(5000), schema: 'c', failures: [`## big\n${'y'.repeat(5000)}`], lessons: 'l', maxFixes: 3 },
      3000,
    );
    expect(built.clipped).toEqual(['space']);
    expect(built.omittedFailures).toBe(0);
    expect(built.messages[1].content).toContain('## big');
    expect(built.messages[1].content).toContain('(failure truncated to fit the prompt budget)');
    expect(built.messages[1].content).toContain('(space truncated to fit the prompt budget)');
    expect(built.chars).toBeLessThan(3500);
  });
});

describe('evidence rendering', () => {
  it('renders the space compactly, with join ids and without Genie benchmark SQL', () => {
    const text = renderSpace(communitySpace());
    expect(text).toContain(
      'table {"identifier":"main.community.channels","description":"Chat channels.","columns":[{"name":"channel_name","synonyms":["room"]}]}',
    );
    expect(text).toContain('"example_values":true');
    expect(text).toContain(`"id":"${JOIN_ID}"`);
    expect(text).toContain('--rt=FROM_RELATIONSHIP_TYPE_ONE_TO_MANY--');
    expect(text).toContain(
      'measure {"display_name":"Total words","alias":"total_words","sql":"SUM(messages.word_count)"}',
    );
    expect(text).toContain('text instructions:\n  Weeks start on Monday.');
    expect(text).not.toContain('holdout');
  });

  it('renders the schema with sample values', () => {
    const samples = new Map([
      [
        'main.community.members',
        new Map([
          ['country_code', { values: ['KR', 'US'], more: false }],
          ['display_name', { values: ['Ann'], more: true }],
        ]),
      ],
    ]);
    const text = renderSchema(SCHEMA, samples);
    expect(text).toContain(
      "main.community.members: member_id INTEGER, display_name TEXT (e.g. 'Ann', ...), country_code TEXT (values: 'KR', 'US'), plan TEXT",
    );
    expect(renderSchema({ tables: [] })).toMatch(/not available/);
    expect(text).not.toContain('[not in the space');
  });

  it('marks warehouse tables that are not in the space', () => {
    const text = renderSchema(SCHEMA, new Map(), communitySpace());
    expect(text).toContain('main.community.reactions [not in the space: no fixes on it]: reaction_id INTEGER');
    expect(text).toContain('main.community.members: member_id INTEGER');
  });

  it('renders a failure with SQL, error, instructions used and result rows', () => {
    const [withRows, withError] = failures(2);
    const rows = renderFailure(withRows);
    expect(rows).toContain('## korea-members: 한국 회원은 몇 명인가요?');
    expect(rows).toContain('category: wrong_filter; verdict: mismatch');
    expect(rows).toContain("WHERE country_code = 'KR'");
    expect(rows).toContain('expected result (1 row):\n    n\n    251');
    expect(rows).toContain('Genie result (1 row):\n    n\n    2000');
    const error = renderFailure(withError);
    expect(error).toContain('Genie SQL: (none)');
    expect(error).toContain('Genie error: no such column: channel');
    expect(error).toContain(`instructions Genie reports using: ${JOIN_ID}`);
  });

  it('limits result rows', () => {
    const failure = {
      ...failures(1)[0],
      expectedResult: { columns: [{ name: 'v', type: '' }], rows: [[1], [2], [3], [null]], truncated: true },
    };
    expect(renderFailure(failure, { maxRows: 2, maxSqlChars: 100 })).toContain(
      'expected result (4+ rows, first 2 shown):\n    v\n    1\n    2',
    );
  });

  it('lists lessons and fixes already tried', () => {
    expect(renderLessons(undefined, new Set())).toBe('(none yet)');
    const text = renderLessons('synonyms helped wrong_filter twice', new Set(['b key', 'a key']), 1);
    expect(text).toBe(
      'synonyms helped wrong_filter twice\n\nFixes already tried (do not propose them again):\n- a key\n- ... and 1 more',
    );
  });
});
