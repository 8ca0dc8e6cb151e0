/** init bootstraps a thin config from the user's own SQLite file; validate accepts it and score uses that data. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { main } from '../../src/cli/main.js';
import { loadSqlJs } from '../../src/local/sqljs-loader.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

/** A small shop database written by sql.js, as a user would bring one. */
async function writeShopDatabase(file: string): Promise<void> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, city TEXT);
          CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL, ordered_on TEXT);`);
  const cities = ['Seoul', 'Busan', 'Lisbon'];
  for (let i = 1; i <= 30; i++) db.run('INSERT INTO customers VALUES (?, ?, ?)', [i, `customer ${i}`, cities[i % 3]]);
  for (let i = 1; i <= 200; i++)
    db.run('INSERT INTO orders VALUES (?, ?, ?, ?)', [
      i,
      (i % 30) + 1,
      (i * 7) % 100,
      `2026-0${(i % 9) + 1}-1${i % 10}`,
    ]);
  writeFileSync(file, Buffer.from(db.export()));
  db.close();
}

describe('init --from-sqlite', () => {
  it('writes a thin, canonical, valid config that score can use', async () => {
    mkdirSync(path.join(repo.root, 'data'));
    await writeShopDatabase(path.join(repo.root, 'data/shop.sqlite'));
    const io = captureIo(repo.root);
    expect(
      await main(['init', '--space', 'shop', '--backend', 'local', '--from-sqlite', 'data/shop.sqlite'], io),
      io.stderr.join('\n'),
    ).toBe(0);

    const spaceFile = path.join(repo.root, 'spaces/shop/space.json');
    const text = readFileSync(spaceFile, 'utf8');
    const space = parseSpaceText(text, spaceFile);
    expect(serializeSpace(space)).toBe(text);
    expect(space.data_sources?.tables?.map((t) => t.identifier)).toEqual([
      'main.default.customers',
      'main.default.orders',
    ]);
    expect(space.data_sources?.tables?.[1].column_configs?.map((c) => c.column_name)).toEqual([
      'amount',
      'customer_id',
      'order_id',
      'ordered_on',
    ]);
    // Thin: nothing but tables and columns, as a new Genie space has.
    expect(space.instructions).toBeUndefined();
    expect(JSON.stringify(space)).not.toMatch(/description|synonyms/);
    const target = YAML.parse(readFileSync(path.join(repo.root, 'spaces/shop/target.yml'), 'utf8'));
    expect(target.local.data).toBe('data/shop.sqlite');

    const validateIo = captureIo(repo.root);
    expect(await main(['validate', '--space', 'shop'], validateIo), validateIo.stderr.join('\n')).toBe(0);

    writeFileSync(
      path.join(repo.root, 'benchmarks/shop.yml'),
      YAML.stringify([
        {
          id: 's1',
          question: 'How many orders are there?',
          sql: 'SELECT COUNT(*) FROM main.default.orders',
          split: 'train',
        },
        {
          id: 's2',
          question: 'How many customers are there in each city?',
          sql: 'SELECT city, COUNT(*) FROM main.default.customers GROUP BY city',
          split: 'holdout',
        },
        {
          id: 's3',
          question: 'What is the total amount of orders?',
          sql: 'SELECT SUM(amount) FROM main.default.orders',
          split: 'train',
        },
      ]),
    );
    const scoreIo = captureIo(repo.root);
    const json = path.join(repo.root, 'shop-card.json');
    expect(
      await main(['score', '--space', 'shop', '--backend', 'local', '--json', json, '--quiet'], scoreIo),
      scoreIo.stderr.join('\n'),
    ).toBe(0);
    const card = JSON.parse(readFileSync(json, 'utf8'));
    expect(card.totals.all.total).toBe(3);
    // Questions phrased with the schema's own words are answerable from a thin config on the user's data.
    expect(card.totals.all.passed).toBeGreaterThanOrEqual(2);
  });

  it('refuses to overwrite an existing space without --force', async () => {
    const io = captureIo(repo.root);
    expect(await main(['init', '--space', 'demo', '--backend', 'local'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/spaces\/demo\/target\.yml already exists[\s\S]*--force/);
  });

  it('names a missing database file', async () => {
    const io = captureIo(repo.root);
    expect(await main(['init', '--space', 'x', '--backend', 'local', '--from-sqlite', 'nope.sqlite'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/nope\.sqlite does not exist/);
  });
});
