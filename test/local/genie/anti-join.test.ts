import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalGenie } from '../../../src/local/genie/index.js';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import type { Warehouse } from '../../../src/ports.js';
import { ID, joinSpec, thinSpace, withInstructions } from './demo-configs.js';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ data: 'demo' });
});

const withJoins = () =>
  withInstructions(thinSpace(), {
    join_specs: [
      joinSpec(ID(1), 'messages', 'members', 'member_id'),
      joinSpec(ID(2), 'reactions', 'members', 'member_id'),
    ],
  });

const count = async (sql: string): Promise<unknown> => (await warehouse.execute(sql)).rows[0]?.[0];

describe('"never" / "no" along a join spec', () => {
  it.each([
    ['How many members have never sent a message?', 'messages'],
    ['How many members who joined in 2025 never reacted?', 'reactions'],
  ])('%s -> NOT EXISTS on %s', async (question, child) => {
    const genie = await createLocalGenie(withJoins(), warehouse);
    const answer = await genie.ask(question);
    expect(answer.sql).toMatch(new RegExp(`NOT EXISTS \\(SELECT 1 FROM main\\.community\\.${child} AS`));
    const year = question.includes('2025') ? " AND joined_at >= '2025-01-01' AND joined_at < '2026-01-01'" : '';
    const expected = await count(
      `SELECT COUNT(*) FROM main.community.members mb WHERE mb.member_id NOT IN (SELECT member_id FROM main.community.${child})${year}`,
    );
    expect(answer.result?.rows[0]?.[0]).toBe(expected);
    expect(answer.instructionsUsed).toContain(child === 'messages' ? ID(1) : ID(2));
  });

  it('without a join spec there is nothing to negate along, so no NOT EXISTS', async () => {
    const genie = await createLocalGenie(thinSpace(), warehouse);
    const answer = await genie.ask('How many members have never sent a message?');
    expect(answer.sql ?? '').not.toMatch(/NOT EXISTS/);
  });
});
