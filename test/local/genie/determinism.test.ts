import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import { createLocalGenie } from '../../../src/local/genie/index.js';
import type { Warehouse } from '../../../src/ports.js';
import type { Space } from '../../../src/space/schema.js';

const described = JSON.parse(
  readFileSync(new URL('../../fixtures/demo-described/space.json', import.meta.url), 'utf8'),
) as Space;
const QUESTIONS = [
  'How many messages were sent in the last 7 days?',
  'Which channel had the most messages last month?',
  'Number of members by country',
  '국가별 회원 수',
  'top 5 members by number of messages',
  'monthly messages in 2026',
  'What percentage of messages are replies?',
  '지난 30일 동안 채널별 메시지 수',
];

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ data: 'demo' });
});

describe('determinism and noise', () => {
  it('gives the same SQL for the same config and question, across calls and engines', async () => {
    const a = await createLocalGenie(described, warehouse);
    const b = await createLocalGenie(described, warehouse);
    for (const q of QUESTIONS) {
      const first = await a.ask(q);
      expect(first.sql).toBeDefined();
      expect((await a.ask(q)).sql).toBe(first.sql);
      expect((await b.ask(q)).sql).toBe(first.sql);
    }
  });

  it('with noise, repeats of one question sometimes take the second-best interpretation', async () => {
    const genie = await createLocalGenie(described, warehouse, { noise: 0.5, seed: 7 });
    const seen = new Set<string>();
    for (let k = 0; k < 20; k++)
      seen.add((await genie.ask('Which channel had the most messages last month?')).sql ?? '');
    expect(seen.size).toBeGreaterThan(1);
  });

  it('noise is reproducible for the same seed', async () => {
    const run = async (seed: number): Promise<string[]> => {
      const genie = await createLocalGenie(described, warehouse, { noise: 0.5, seed });
      const out: string[] = [];
      for (let k = 0; k < 8; k++) out.push((await genie.ask('How many members joined last month?')).sql ?? '');
      return out;
    };
    expect(await run(3)).toEqual(await run(3));
  });

  it('asks for clarification when nothing in the question matches the space', async () => {
    const genie = await createLocalGenie(described, warehouse);
    const answer = await genie.ask('What is the meaning of life?');
    expect(answer.sql).toBeUndefined();
    expect(answer.text).toBeTruthy();
  });

  it('reports the join specs and snippets it used', async () => {
    const genie = await createLocalGenie(described, warehouse);
    const answer = await genie.ask('How many replies were posted in the general channel?');
    const snippetIds = (described.instructions?.sql_snippets?.filters ?? []).map((f) => f.id);
    const joinIds = (described.instructions?.join_specs ?? []).map((j) => j.id);
    expect(answer.instructionsUsed?.some((id) => snippetIds.includes(id))).toBe(true);
    expect(answer.instructionsUsed?.some((id) => joinIds.includes(id))).toBe(true);
  });
});
