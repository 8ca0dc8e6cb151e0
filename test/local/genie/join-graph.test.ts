import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildCatalog, type Catalog, type TableInfo } from '../../../src/local/genie/catalog.js';
import { createLocalGenie } from '../../../src/local/genie/index.js';
import { isFanOut, joinPath } from '../../../src/local/genie/join-graph.js';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import type { Warehouse, WarehouseSchema } from '../../../src/ports.js';
import type { Space } from '../../../src/space/schema.js';
import { ID, joinSpec, thinSpace, withInstructions } from './demo-configs.js';

let warehouse: Warehouse;
let schema: WarehouseSchema;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ data: 'demo' });
  schema = await warehouse.schema();
});

const star = () =>
  withInstructions(thinSpace(), {
    join_specs: [
      joinSpec(ID(1), 'messages', 'channels', 'channel_id'),
      joinSpec(ID(2), 'messages', 'members', 'member_id'),
      joinSpec(ID(3), 'reactions', 'messages', 'message_id'),
      joinSpec(ID(4), 'daily_channel_stats', 'channels', 'channel_id'),
    ],
  });

const table = (catalog: Catalog, name: string): TableInfo => catalog.tables.find((t) => t.name === name) as TableInfo;

describe('joinPath and fan-out traps', () => {
  it.each([
    [
      'up to every dimension from the fact table',
      'messages',
      ['channels', 'members'],
      ['messages->channels', 'messages->members'],
      [],
    ],
    ['one chain down, then up', 'channels', ['messages', 'members'], ['channels->messages', 'messages->members'], []],
    ['a chain down two levels', 'channels', ['reactions'], ['channels->messages', 'messages->reactions'], []],
    [
      'two facts through a shared dimension (up, then down)',
      'daily_channel_stats',
      ['members'],
      ['daily_channel_stats->channels', 'channels->messages', 'messages->members'],
      ['members'],
    ],
    [
      'two down branches from the base',
      'channels',
      ['messages', 'daily_channel_stats'],
      ['channels->messages', 'channels->daily_channel_stats'],
      ['daily_channel_stats'],
    ],
  ])('%s', (_name, base, needed, joins, chasm) => {
    const catalog = buildCatalog(star(), schema);
    const plan = joinPath(
      table(catalog, base),
      needed.map((n) => table(catalog, n)),
      catalog,
    );
    expect(plan.steps.map((s) => `${s.from.name}->${s.to.name}`)).toEqual(joins);
    expect(plan.chasm.map((t) => t.name)).toEqual(chasm);
    expect(plan.unreachable).toEqual([]);
  });

  it('prefers a path without a chasm when there is one', () => {
    // An artificial one-to-one spec gives stats a second route: messages -> members -> stats.
    const oneToOne = {
      ...joinSpec(ID(5), 'members', 'daily_channel_stats', 'member_id'),
      sql: ['`members`.`member_id` = `daily_channel_stats`.`channel_id`', '--rt=FROM_RELATIONSHIP_TYPE_ONE_TO_ONE--'],
    };
    const space = withInstructions(thinSpace(), { join_specs: [...(star().instructions?.join_specs ?? []), oneToOne] });
    const catalog = buildCatalog(space, schema);
    const plan = joinPath(table(catalog, 'messages'), [table(catalog, 'daily_channel_stats')], catalog);
    expect(plan.chasm).toEqual([]);
    expect(plan.steps.map((s) => `${s.from.name}->${s.to.name}`)).toEqual([
      'messages->members',
      'members->daily_channel_stats',
    ]);
  });

  it('reads the relationship marker in the spec direction, and infers it from keys when absent', () => {
    const swapped = withInstructions(thinSpace(), {
      join_specs: [
        {
          id: ID(1),
          left: { identifier: 'main.community.channels', alias: 'channels' },
          right: { identifier: 'main.community.messages', alias: 'messages' },
          sql: ['`messages`.`channel_id` = `channels`.`channel_id`', '--rt=FROM_RELATIONSHIP_TYPE_ONE_TO_MANY--'],
        },
        {
          id: ID(2),
          left: { identifier: 'main.community.messages', alias: 'messages' },
          right: { identifier: 'main.community.members', alias: 'members' },
          sql: ['`messages`.`member_id` = `members`.`member_id`'],
        },
      ],
    } as NonNullable<Space['instructions']>);
    const catalog = buildCatalog(swapped, schema);
    const [toChannels, toMembers] = catalog.joins;
    const messages = table(catalog, 'messages');
    expect(toChannels.relationship).toBe('MANY_TO_ONE'); // the condition names messages first
    expect(isFanOut(toChannels, messages, table(catalog, 'channels'))).toBe(false);
    expect(isFanOut(toChannels, table(catalog, 'channels'), messages)).toBe(true);
    expect(toMembers.relationship).toBeUndefined();
    expect(isFanOut(toMembers, messages, table(catalog, 'members'))).toBe(false);
    expect(isFanOut(toMembers, table(catalog, 'members'), messages)).toBe(true);
  });
});

describe('the engine and fan-out traps', () => {
  it('asks instead of joining two many sides, and answers at once', async () => {
    const described = JSON.parse(
      readFileSync(new URL('../../fixtures/demo-described/space.json', import.meta.url), 'utf8'),
    ) as Space;
    const genie = await createLocalGenie(described, warehouse);
    const started = performance.now();
    const answer = await genie.ask(
      'On average, how many active members does a channel have per day, by member country?',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer.sql).toBeUndefined();
    expect(answer.text).toMatch(/count rows several times/);
  });
});
