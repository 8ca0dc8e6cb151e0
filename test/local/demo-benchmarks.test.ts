/**
 * The demo benchmarks must be answerable on the demo warehouse: every expected SQL runs
 * and returns rows. Self-contained on purpose (the real loader lives in src/benchmarks).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';

interface Item {
  id: string;
  question: string;
  sql: string;
  split: string;
  tags: string[];
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../benchmarks/demo.yml');
const items = YAML.parse(readFileSync(file, 'utf8')) as Item[];
const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim().toLowerCase();

let warehouse: LocalWarehouse;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ data: 'demo' });
});
afterAll(async () => {
  await warehouse.close();
});

describe('benchmarks/demo.yml', () => {
  it('has at least 44 well-formed items with unique ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(44);
    for (const item of items) {
      expect(item.id).toMatch(/^q\d{2,}$/);
      expect(item.question.trim().length).toBeGreaterThan(5);
      expect(['train', 'holdout']).toContain(item.split);
      expect(Array.isArray(item.tags)).toBe(true);
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.question)).size).toBe(items.length);
  });

  it('holds out about a third, keeping paraphrases in one split', () => {
    const holdout = items.filter((i) => i.split === 'holdout').length / items.length;
    expect(holdout).toBeGreaterThan(0.25);
    expect(holdout).toBeLessThan(0.4);
    const splitBySql = new Map<string, string>();
    for (const item of items) {
      const key = normalise(item.sql);
      expect(splitBySql.get(key) ?? item.split, `${item.id} is a paraphrase in another split`).toBe(item.split);
      splitBySql.set(key, item.split);
    }
  });

  it('asks at least 12 questions in Korean', () => {
    expect(items.filter((i) => /[가-힣]/.test(i.question)).length).toBeGreaterThanOrEqual(12);
  });

  it('names tables with three-part names', () => {
    for (const item of items) {
      const tables = [...item.sql.matchAll(/\b(?:FROM|JOIN)\s+([\w.`]+)/gi)].map((m) => m[1]);
      expect(tables.length, item.id).toBeGreaterThan(0);
      for (const table of tables) expect(table, item.id).toMatch(/^main\.community\.\w+$/);
    }
  });

  it.each(items.map((i) => [i.id, i] as const))('%s runs on the demo warehouse and returns rows', async (_id, item) => {
    const result = await warehouse.execute(item.sql);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.truncated).toBe(false);
    const limit = /\bLIMIT\s+(\d+)\s*;?\s*$/i.exec(item.sql.trim());
    if (limit) {
      // No tie at the cut: the row after the last one differs in the ordering (last) column.
      const n = Number(limit[1]);
      const wider = await warehouse.execute(item.sql.trim().replace(/\bLIMIT\s+\d+\s*;?\s*$/i, `LIMIT ${n + 1}`));
      if (wider.rows.length > n)
        expect(wider.rows[n].at(-1), `${item.id} has a tie at row ${n}`).not.toEqual(wider.rows[n - 1].at(-1));
    }
  });
});
