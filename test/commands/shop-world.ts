/**
 * A small shop repository for the post-deploy tests: one table of sales, staging data where
 * every sale is online and live data that also holds in-store sales (target.yml's local.data and
 * local.live_data). Config A filters online sales through a filter snippet; config B lacks it,
 * which goes unnoticed on staging (every sale is online there) and answers wrongly on live.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeSpace } from '../../src/space/canonical.js';
import type { Space } from '../../src/space/schema.js';

export const SHOP_LIVE = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
export const SHOP_STAGING = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
export const SHOP_WAREHOUSE = 'shopwarehouse';

const REGIONS = ['north', 'south', 'east'];

function salesScript(withStore: boolean): string {
  const rows: string[] = [];
  for (let i = 1; i <= 12; i++) rows.push(`(${i}, '${REGIONS[i % 3]}', 'online', ${10 * i})`);
  if (withStore) for (let i = 13; i <= 20; i++) rows.push(`(${i}, '${REGIONS[i % 3]}', 'store', ${7 * i})`);
  return [
    'CREATE TABLE sales (sale_id INTEGER PRIMARY KEY, region TEXT, channel TEXT, amount REAL);',
    `INSERT INTO sales VALUES ${rows.join(',\n  ')};`,
    '',
  ].join('\n');
}

const ONLINE = "`sales`.`channel` = 'online'";

/** The shop config; `withOnlineFilter` adds the snippet that makes "online" a filter. */
export function shopSpace(options: { withOnlineFilter: boolean; tableDescription?: string }): Space {
  return {
    version: 2,
    data_sources: {
      tables: [
        {
          identifier: 'main.default.sales',
          description: [options.tableDescription ?? 'One row per sale.'],
          column_configs: [
            { column_name: 'amount', description: ['Sale amount in euros.'] },
            { column_name: 'channel', description: ['Where the sale happened.'] },
            { column_name: 'region', description: ['Sales region.'] },
            { column_name: 'sale_id' },
          ],
        },
      ],
    },
    ...(options.withOnlineFilter
      ? {
          instructions: {
            sql_snippets: {
              filters: [
                {
                  id: '0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c',
                  sql: [ONLINE],
                  display_name: 'online',
                  synonyms: ['online sales', 'web sales'],
                },
              ],
            },
          },
        }
      : {}),
  } as Space;
}

export const SHOP_BENCHMARKS = `- id: online-total
  question: What is the total online sales amount?
  sql: SELECT SUM(amount) FROM main.default.sales WHERE channel = 'online'
  split: train
  tags: [totals]
- id: online-count
  question: How many online sales are there?
  sql: SELECT COUNT(*) FROM main.default.sales WHERE channel = 'online'
  split: train
  tags: [counts]
- id: online-by-region
  question: What is the total online sales amount per region?
  sql: SELECT region, SUM(amount) FROM main.default.sales WHERE channel = 'online' GROUP BY region
  split: holdout
  tags: [totals]
- id: online-count-by-region
  question: How many online sales are there per region?
  sql: SELECT region, COUNT(*) FROM main.default.sales WHERE channel = 'online' GROUP BY region
  split: train
  tags: [counts]
- id: online-average
  question: What is the average online sale amount?
  sql: SELECT AVG(amount) FROM main.default.sales WHERE channel = 'online'
  split: holdout
  tags: [averages]
- id: online-largest
  question: What is the largest online sale amount?
  sql: SELECT MAX(amount) FROM main.default.sales WHERE channel = 'online'
  split: train
  tags: [extremes]
`;

/** Writes the shop space (config A), its benchmarks and both data scripts under `root`. */
export function writeShopRepo(root: string, options: { liveData?: string } = {}): void {
  mkdirSync(path.join(root, 'spaces/shop'), { recursive: true });
  mkdirSync(path.join(root, 'benchmarks'), { recursive: true });
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'data/staging.sql'), salesScript(false));
  writeFileSync(path.join(root, 'data/live.sql'), salesScript(true));
  writeFileSync(path.join(root, 'spaces/shop/space.json'), serializeSpace(shopSpace({ withOnlineFilter: true })));
  writeFileSync(
    path.join(root, 'spaces/shop/target.yml'),
    [
      'title: Shop',
      `live_space_id: ${SHOP_LIVE}`,
      `staging_space_id: ${SHOP_STAGING}`,
      `warehouse_id: ${SHOP_WAREHOUSE}`,
      'local:',
      '  data: data/staging.sql',
      `  live_data: ${options.liveData ?? 'data/live.sql'}`,
      '  as_of: 2026-06-30',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(root, 'benchmarks/shop.yml'), SHOP_BENCHMARKS);
}
