import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIRST_DAY, DEMO_LAST_DAY, DEMO_SEED, generateDemoData } from '../../src/local/demo-data.js';
import { loadSqlJs, type SqlJsDatabase } from '../../src/local/sqljs-loader.js';

const T = (name: string) => `"main.community.${name}"`;

async function build(seed: number): Promise<{ db: SqlJsDatabase; counts: Record<string, number> }> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  const counts = generateDemoData(db, { seed });
  return { db, counts };
}

const rows = (db: SqlJsDatabase, sql: string) => db.exec(sql)[0]?.values ?? [];
const one = (db: SqlJsDatabase, sql: string) => Number(rows(db, sql)[0][0]);

/** A fingerprint of the content: aggregates over every table and column. */
function fingerprint(db: SqlJsDatabase): string {
  const queries = [
    `SELECT group_concat(channel_id || channel_name || category || is_private || created_at, '|') FROM ${T('channels')}`,
    `SELECT count(*), sum(member_id), group_concat(country_code || plan || joined_at || display_name, '') FROM ${T('members')}`,
    `SELECT count(*), sum(channel_id * member_id), sum(word_count), sum(is_reply), min(sent_at), max(sent_at), sum(length(sent_at) * message_id % 9973) FROM ${T('messages')}`,
    `SELECT count(*), sum(message_id), sum(member_id), group_concat(DISTINCT emoji), max(reacted_at) FROM ${T('reactions')}`,
    `SELECT count(*), sum(active_members), sum(messages_count), sum(new_joins) FROM ${T('daily_channel_stats')}`,
  ];
  return createHash('sha256')
    .update(JSON.stringify(queries.map((q) => rows(db, q))))
    .digest('hex');
}

let demo: SqlJsDatabase;
let counts: Record<string, number>;
beforeAll(async () => {
  ({ db: demo, counts } = await build(DEMO_SEED));
});
afterAll(() => demo.close());

describe('demo data', () => {
  it('is identical for the same seed and different for another', async () => {
    const again = await build(DEMO_SEED);
    const other = await build(DEMO_SEED + 1);
    expect(fingerprint(again.db)).toBe(fingerprint(demo));
    expect(fingerprint(other.db)).not.toBe(fingerprint(demo));
    expect(again.counts).toEqual(counts);
    again.db.close();
    other.db.close();
  });

  it('has the documented size', () => {
    expect(counts.channels).toBeGreaterThanOrEqual(12);
    expect(counts.channels).toBeLessThanOrEqual(16);
    expect(counts.members).toBe(2000);
    expect(counts.messages).toBeGreaterThan(30_000);
    expect(counts.reactions).toBeGreaterThan(10_000);
    expect(counts.daily_channel_stats).toBeGreaterThan(8_000);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(50_000);
    for (const [table, n] of Object.entries(counts)) expect(one(demo, `SELECT count(*) FROM ${T(table)}`)).toBe(n);
  });

  it('covers two years of messages and nothing after the window', () => {
    expect(
      rows(demo, `SELECT substr(min(sent_at), 1, 10), substr(max(sent_at), 1, 10) FROM ${T('messages')}`)[0],
    ).toEqual([DEMO_FIRST_DAY, DEMO_LAST_DAY]);
    expect(one(demo, `SELECT count(*) FROM ${T('reactions')} WHERE reacted_at > '${DEMO_LAST_DAY} 23:59:59'`)).toBe(0);
    expect(rows(demo, `SELECT min(stat_date), max(stat_date) FROM ${T('daily_channel_stats')}`)[0]).toEqual([
      DEMO_FIRST_DAY,
      DEMO_LAST_DAY,
    ]);
  });

  it('uses the documented value sets', () => {
    const values = (sql: string) => rows(demo, sql).map((r) => r[0]);
    expect(values(`SELECT DISTINCT country_code FROM ${T('members')} ORDER BY 1`)).toEqual([
      'BR',
      'DE',
      'FR',
      'GB',
      'IN',
      'JP',
      'KR',
      'US',
    ]);
    expect(values(`SELECT DISTINCT plan FROM ${T('members')} ORDER BY 1`)).toEqual(['enterprise', 'free', 'pro']);
    expect(values(`SELECT DISTINCT category FROM ${T('channels')} ORDER BY 1`)).toEqual([
      'community',
      'engineering',
      'social',
      'support',
    ]);
    expect(values(`SELECT DISTINCT emoji FROM ${T('reactions')}`)).toEqual(
      expect.arrayContaining(['thumbsup', 'heart', 'laugh', 'eyes', 'rocket', 'tada']),
    );
    expect(values(`SELECT channel_name FROM ${T('channels')}`)).toEqual(
      expect.arrayContaining(['general', 'announcements', 'help', 'korea', 'sql-tips']),
    );
    expect(one(demo, `SELECT count(DISTINCT display_name) FROM ${T('members')}`)).toBe(2000);
  });

  it('is skewed: a few channels and members produce most messages', () => {
    const total = counts.messages;
    const top3Channels = one(
      demo,
      `SELECT sum(n) FROM (SELECT count(*) AS n FROM ${T('messages')} GROUP BY channel_id ORDER BY n DESC LIMIT 3)`,
    );
    expect(top3Channels / total).toBeGreaterThan(0.45);
    const posters = one(demo, `SELECT count(DISTINCT member_id) FROM ${T('messages')}`);
    const topTenth = one(
      demo,
      `SELECT sum(n) FROM (SELECT count(*) AS n FROM ${T('messages')} GROUP BY member_id ORDER BY n DESC LIMIT ${Math.round(posters / 10)})`,
    );
    expect(topTenth / total).toBeGreaterThan(0.5);
  });

  it('is quieter on weekends and grows over time', () => {
    const perDay = (where: string) =>
      one(
        demo,
        `SELECT avg(n) FROM (SELECT count(*) AS n FROM ${T('messages')} WHERE ${where} GROUP BY substr(sent_at, 1, 10))`,
      );
    const weekday = perDay("strftime('%w', sent_at) IN ('1','2','3','4')");
    const weekend = perDay("strftime('%w', sent_at) IN ('0','6')");
    expect(weekday / weekend).toBeGreaterThan(1.8);
    const firstHalfYear = one(demo, `SELECT count(*) FROM ${T('messages')} WHERE sent_at < '2025-05-01'`);
    const lastHalfYear = one(demo, `SELECT count(*) FROM ${T('messages')} WHERE sent_at >= '2026-05-01'`);
    expect(lastHalfYear / firstHalfYear).toBeGreaterThan(1.5);
  });

  it('puts Korean members mostly in #korea', () => {
    const [[krInKorea, krTotal, koreaTotal]] = rows(
      demo,
      `SELECT sum(c.channel_name = 'korea' AND m.country_code = 'KR'), sum(m.country_code = 'KR'), sum(c.channel_name = 'korea')
       FROM ${T('messages')} x JOIN ${T('members')} m USING (member_id) JOIN ${T('channels')} c USING (channel_id)`,
    ) as number[][];
    expect(krInKorea / krTotal).toBeGreaterThan(0.4);
    expect(krInKorea / koreaTotal).toBeGreaterThan(0.9);
  });

  it('never has a message before its member joined or its channel opened', () => {
    expect(
      one(
        demo,
        `SELECT count(*) FROM ${T('messages')} x JOIN ${T('members')} m USING (member_id) WHERE substr(x.sent_at, 1, 10) < m.joined_at`,
      ),
    ).toBe(0);
    expect(
      one(
        demo,
        `SELECT count(*) FROM ${T('messages')} x JOIN ${T('channels')} c USING (channel_id) WHERE substr(x.sent_at, 1, 10) < c.created_at`,
      ),
    ).toBe(0);
    expect(
      one(
        demo,
        `SELECT count(*) FROM ${T('reactions')} r JOIN ${T('messages')} x USING (message_id) WHERE r.reacted_at < x.sent_at OR r.member_id = x.member_id`,
      ),
    ).toBe(0);
  });

  it('keeps daily_channel_stats consistent with messages', () => {
    const mismatches = one(
      demo,
      `SELECT count(*) FROM ${T('daily_channel_stats')} s
       LEFT JOIN (SELECT channel_id, substr(sent_at, 1, 10) AS d, count(*) AS n, count(DISTINCT member_id) AS posters FROM ${T('messages')} GROUP BY 1, 2) m
         ON m.channel_id = s.channel_id AND m.d = s.stat_date
       WHERE s.messages_count <> coalesce(m.n, 0) OR s.active_members < coalesce(m.posters, 0)`,
    );
    expect(mismatches).toBe(0);
    expect(
      one(
        demo,
        `SELECT count(*) FROM (SELECT stat_date, channel_id FROM ${T('daily_channel_stats')} GROUP BY 1, 2 HAVING count(*) > 1)`,
      ),
    ).toBe(0);
  });
});
