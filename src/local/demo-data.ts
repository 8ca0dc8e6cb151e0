/**
 * Generates the demo community dataset deterministically from a seed: channels,
 * members, messages, reactions and daily channel stats over two years
 * (2024-11-01 .. 2026-10-31). Shaped like a real community: a few channels and
 * members produce most messages, weekends are quiet, activity grows, Korean members
 * mostly talk in #korea, conference months are busy. daily_channel_stats agrees with
 * the messages and reactions tables (messages_count, active_members).
 */
import type { SqlJsDatabase } from './sqljs-loader.js';
import { SeededRandom } from '../util/seeded-random.js';
import { formatDate, formatTimestamp } from './spark-dates.js';
import {
  CHANNEL,
  COUNTRY_WEIGHTS,
  DEMO_CHANNELS,
  EMOJI_WEIGHTS,
  EVENT_MONTHS,
  HOUR_WEIGHTS,
  NAMES,
  PLAN_ACTIVITY,
  PLAN_WEIGHTS,
  type Country,
  type DemoChannel,
  type Plan,
} from './demo-catalog.js';
import { quoteIdentifier } from './sql-dialect.js';
import { DEMO_TABLES, demoCreateTables } from './demo-schema.js';

export const DEMO_SEED = 20261101;
export const DEMO_AS_OF = '2026-11-01';
export const DEMO_FIRST_DAY = '2024-11-01';
export const DEMO_LAST_DAY = '2026-10-31';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2024, 10, 1);
const DAYS = 730;
const MEMBER_COUNT = 2000;
/** Mean messages on an ordinary weekday at the start; grows ~2.2x by the end. */
const BASE_PER_DAY = 37;

export interface DemoDataOptions {
  catalog?: string;
  schema?: string;
  seed?: number;
  /** false: create the tables (and their bare-name views) without rows, for statements that need the schema only. */
  rows?: boolean;
}

interface Member {
  id: number;
  name: string;
  country: Country;
  plan: Plan;
  joinedMs: number;
  activity: number;
  favourite: number;
  moderator: boolean;
}

interface Message {
  id: number;
  channel: number;
  member: number;
  sentMs: number;
  words: number;
  reply: boolean;
}

interface Reaction {
  message: number;
  member: number;
  emoji: string;
  atMs: number;
}

/** Bare names too, so `FROM messages` works as with a default catalog and schema. */
function createBareViews(db: SqlJsDatabase, catalog: string, schema: string): void {
  for (const name of DEMO_TABLES)
    db.exec(`CREATE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${quoteIdentifier(`${catalog}.${schema}.${name}`)}`);
}

/** Creates the demo tables in `db` and fills them. Returns the row count of each table. */
export function generateDemoData(db: SqlJsDatabase, options: DemoDataOptions = {}): Record<string, number> {
  const catalog = options.catalog ?? 'main';
  const schema = options.schema ?? 'community';
  if (options.rows === false) {
    db.exec(demoCreateTables(catalog, schema));
    createBareViews(db, catalog, schema);
    return Object.fromEntries(DEMO_TABLES.map((name) => [name, 0]));
  }
  const rng = new SeededRandom(options.seed ?? DEMO_SEED);
  const members = makeMembers(rng.fork('members'));
  const messages = makeMessages(rng.fork('messages'), members);
  const reactions = makeReactions(rng.fork('reactions'), members, messages);
  const stats = makeStats(rng.fork('stats'), messages, reactions);

  const table = (name: string) => quoteIdentifier(`${catalog}.${schema}.${name}`);
  db.exec(demoCreateTables(catalog, schema));

  db.exec('BEGIN');
  insertAll(db, table('channels'), DEMO_CHANNELS, (c) => [c.id, c.name, c.category, c.isPrivate ? 1 : 0, c.createdAt]);
  insertAll(db, table('members'), members, (m) => [m.id, m.name, m.country, m.plan, formatDate(m.joinedMs)]);
  insertAll(db, table('messages'), messages, (m) => [
    m.id,
    m.channel,
    m.member,
    stamp(m.sentMs),
    m.words,
    m.reply ? 1 : 0,
  ]);
  insertAll(db, table('reactions'), reactions, (r, i) => [i + 1, r.message, r.member, r.emoji, stamp(r.atMs)]);
  insertAll(db, table('daily_channel_stats'), stats, (row) => row);
  db.exec('COMMIT');

  // Foreign keys and event times: joins look rows up by key, date filters become range scans.
  const indexes: Array<[string, string]> = [
    ['messages', 'member_id'],
    ['messages', 'channel_id'],
    ['messages', 'sent_at'],
    ['reactions', 'message_id'],
    ['reactions', 'member_id'],
    ['reactions', 'reacted_at'],
    ['members', 'joined_at'],
    ['daily_channel_stats', 'channel_id'],
  ];
  for (const [name, column] of indexes) {
    db.exec(
      `CREATE INDEX ${quoteIdentifier(`${catalog}.${schema}.${name}_by_${column}`)} ON ${table(name)} (${column})`,
    );
  }
  db.exec('ANALYZE');
  createBareViews(db, catalog, schema);

  return {
    channels: DEMO_CHANNELS.length,
    members: members.length,
    messages: messages.length,
    reactions: reactions.length,
    daily_channel_stats: stats.length,
  };
}

type Row = (string | number)[];

/**
 * Rows go in 100 at a time: one bound multi-row INSERT is much cheaper than 100 single
 * ones in sql.js. `toRow` is called once per item, right before binding (no row arrays kept).
 */
function insertAll<T>(
  db: SqlJsDatabase,
  table: string,
  items: readonly T[],
  toRow: (item: T, index: number) => Row,
): void {
  if (items.length === 0) return;
  const columns = toRow(items[0], 0).length;
  const batch = 100;
  const tuple = `(${Array(columns).fill('?').join(',')})`;
  const sqlFor = (n: number) => `INSERT INTO ${table} VALUES ${Array(n).fill(tuple).join(',')}`;
  const fill = (from: number, count: number, params: Row) => {
    for (let r = 0; r < count; r++) {
      const row = toRow(items[from + r], from + r);
      for (let c = 0; c < columns; c++) params[r * columns + c] = row[c];
    }
    return params;
  };
  const full = db.prepare(sqlFor(batch));
  const params: Row = new Array(batch * columns);
  try {
    let i = 0;
    for (; i + batch <= items.length; i += batch) full.run(fill(i, batch, params));
    const rest = items.length - i;
    if (rest > 0) db.run(sqlFor(rest), fill(i, rest, new Array(rest * columns)));
  } finally {
    full.free();
  }
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const DAY_TEXT: string[] = [];

/** formatTimestamp for the window's instants without a Date per row (the hot path at start-up). */
function stamp(ms: number): string {
  const day = Math.floor((ms - FIRST) / DAY_MS);
  if (day < 0 || day > DAYS) return formatTimestamp(ms);
  const date = (DAY_TEXT[day] ??= formatDate(FIRST + day * DAY_MS));
  const seconds = Math.floor((ms - FIRST - day * DAY_MS) / 1000);
  return `${date} ${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
}

const channelById = new Map(DEMO_CHANNELS.map((c) => [c.id, c]));
const CREATED_MS = new Map(DEMO_CHANNELS.map((c) => [c.id, Date.parse(`${c.createdAt}T00:00:00Z`)]));
const createdMs = (c: DemoChannel) => CREATED_MS.get(c.id)!;
const HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

function makeMembers(rng: SeededRandom): Member[] {
  const seen = new Set<string>();
  const drafts = Array.from({ length: MEMBER_COUNT }, (_, index) => {
    const country = rng.pickWeighted(COUNTRY_WEIGHTS);
    const plan = rng.pickWeighted(PLAN_WEIGHTS);
    // A quarter joined before the window; the rest join at a rising rate during it.
    const joinedDay = rng.chance(0.25) ? -rng.int(1, 610) : Math.floor(Math.sqrt(rng.next()) * DAYS);
    const lurker = rng.chance(0.35);
    const activity = lurker ? 0 : Math.exp(1.25 * rng.normal()) * PLAN_ACTIVITY[plan];
    const favourite = rng.pick(
      DEMO_CHANNELS,
      DEMO_CHANNELS.map((c) => c.weight),
    ).id;
    return {
      index,
      country,
      plan,
      joinedMs: FIRST + joinedDay * DAY_MS,
      activity,
      favourite,
      name: uniqueName(rng, country, seen),
    };
  });
  // Member ids follow the join order, as an auto-increment key would.
  drafts.sort((a, b) => a.joinedMs - b.joinedMs || a.index - b.index);
  const members: Member[] = drafts.map((d, i) => ({ ...d, id: i + 1, moderator: false }));
  const veterans = members.filter((m) => m.joinedMs < FIRST).sort((a, b) => b.activity - a.activity || a.id - b.id);
  for (const m of veterans.slice(0, 12)) m.moderator = true;
  return members;
}

function uniqueName(rng: SeededRandom, country: Country, seen: Set<string>): string {
  const { first, last } = NAMES[country];
  const given = rng.pick(first);
  const family = rng.pick(last);
  let name = `${given} ${family}`;
  for (let k = 0; seen.has(name); k++) {
    const initial = String.fromCharCode(65 + (k % 26));
    name = k < 26 ? `${given} ${initial}. ${family}` : `${given} ${family} ${k - 24}`;
  }
  seen.add(name);
  return name;
}

function dayFactor(dayMs: number): number {
  const date = new Date(dayMs);
  const weekday = date.getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.42 : weekday === 5 ? 0.85 : 1;
  const month = formatDate(dayMs).slice(0, 7);
  const holidays =
    (date.getUTCMonth() === 11 && date.getUTCDate() >= 20) || (date.getUTCMonth() === 0 && date.getUTCDate() <= 3)
      ? 0.55
      : 1;
  const event = EVENT_MONTHS.has(month) ? 1.15 : 1;
  return weekend * holidays * event;
}

function activityPrefix(members: Member[]): Float64Array {
  return cumulative(members.map((m) => m.activity));
}

/** A member's channel preferences (running totals over `open`), cached: they change only when a channel opens. */
function channelWeights(
  cache: Map<string, Float64Array>,
  member: Member,
  open: readonly DemoChannel[],
  eventMonth: boolean,
): Float64Array {
  const key = `${member.id}/${open.length}/${eventMonth ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const weights = open.map((c) => {
    let w = c.weight;
    if (c.id === CHANNEL.korea) w = member.country === 'KR' ? 60 : 0.25;
    else if (member.country === 'KR') w *= 0.55;
    if (c.id === CHANNEL.announcements || c.id === CHANNEL.moderators) w = member.moderator ? 5 : 0;
    if (c.id === CHANNEL.betaTesters) w = member.plan === 'free' ? 0 : 3;
    if (c.id === CHANNEL.events && eventMonth) w *= 5;
    if (c.id === member.favourite) w *= 4;
    return w;
  });
  const result = cumulative(weights);
  cache.set(key, result);
  return result;
}

function makeMessages(rng: SeededRandom, members: Member[]): Message[] {
  const prefix = activityPrefix(members);
  const moderators = members.filter((m) => m.moderator);
  const preferences = new Map<string, Float64Array>();
  const messages: Message[] = [];
  let joined = 0;
  for (let day = 0; day < DAYS; day++) {
    const dayMs = FIRST + day * DAY_MS;
    while (joined < members.length && members[joined].joinedMs <= dayMs) joined++;
    const eventMonth = EVENT_MONTHS.has(formatDate(dayMs).slice(0, 7));
    const mean = BASE_PER_DAY * (1 + (1.2 * day) / DAYS) * dayFactor(dayMs);
    const open = DEMO_CHANNELS.filter((c) => createdMs(c) <= dayMs);
    const today: Message[] = [];
    for (let n = rng.poisson(mean); n > 0; n--) {
      const member = members[rng.pickIndexCumulative(prefix, joined)];
      const channel = open[rng.pickIndexCumulative(channelWeights(preferences, member, open, eventMonth))];
      const hour = rng.pickIndexCumulative(HOUR_CUMULATIVE);
      const sentMs = dayMs + hour * 3_600_000 + rng.int(0, 3599) * 1000;
      const words = Math.max(1, Math.min(400, Math.round(Math.exp(2.6 + 0.8 * rng.normal()) * channel.words)));
      today.push({
        id: 0,
        channel: channel.id,
        member: member.id,
        sentMs,
        words,
        reply: rng.chance(channel.replyRate),
      });
    }
    // A few scheduled announcements by moderators, more in conference months.
    if (new Date(dayMs).getUTCDay() === 2 || (eventMonth && rng.chance(0.3))) {
      today.push({
        id: 0,
        channel: CHANNEL.announcements,
        member: rng.pick(moderators).id,
        sentMs: dayMs + 15 * 3_600_000 + rng.int(0, 3599) * 1000,
        words: rng.int(40, 220),
        reply: false,
      });
    }
    today.sort((a, b) => a.sentMs - b.sentMs || a.member - b.member);
    for (const m of today) {
      m.id = messages.length + 1;
      messages.push(m);
    }
  }
  return messages;
}

function makeReactions(rng: SeededRandom, members: Member[], messages: Message[]): Reaction[] {
  const prefix = activityPrefix(members);
  const end = FIRST + DAYS * DAY_MS;
  const reactions: Reaction[] = [];
  let joined = 0;
  for (const message of messages) {
    while (joined < members.length && members[joined].joinedMs <= message.sentMs) joined++;
    const channel = channelById.get(message.channel)!;
    const mean = channel.reactions * (message.reply ? 0.45 : 1) * (message.words > 60 ? 1.3 : 1);
    const given = new Set<string>();
    for (let n = rng.poisson(mean); n > 0; n--) {
      const member = members[rng.pickIndexCumulative(prefix, joined)].id;
      const emoji = rng.pickWeighted(EMOJI_WEIGHTS);
      const key = `${member}/${emoji}`;
      if (member === message.member || given.has(key)) continue;
      given.add(key);
      const atMs = message.sentMs + Math.round(Math.exp(5.5 + 1.6 * rng.normal())) * 1000;
      if (atMs < end) reactions.push({ message: message.id, member, emoji, atMs });
    }
  }
  reactions.sort((a, b) => a.atMs - b.atMs || a.message - b.message || a.member - b.member);
  return reactions;
}

function makeStats(rng: SeededRandom, messages: Message[], reactions: Reaction[]): Row[] {
  const key = (channel: number, dayMs: number) => `${channel}/${Math.floor((dayMs - FIRST) / DAY_MS)}`;
  const counts = new Map<string, number>();
  const active = new Map<string, Set<number>>();
  const touch = (k: string, member: number) => {
    let set = active.get(k);
    if (!set) active.set(k, (set = new Set()));
    set.add(member);
  };
  const channelOfMessage = new Map<number, number>();
  for (const m of messages) {
    const k = key(m.channel, m.sentMs);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    touch(k, m.member);
    channelOfMessage.set(m.id, m.channel);
  }
  for (const r of reactions) touch(key(channelOfMessage.get(r.message)!, r.atMs), r.member);

  const rows: Row[] = [];
  for (let day = 0; day < DAYS; day++) {
    const dayMs = FIRST + day * DAY_MS;
    for (const channel of DEMO_CHANNELS) {
      const opened = createdMs(channel);
      if (opened > dayMs) continue;
      const k = key(channel.id, dayMs);
      const growth = 1 + (1.2 * day) / DAYS;
      const launch = opened === dayMs ? rng.poisson(30) : 0;
      const joins = launch + rng.poisson(0.12 * Math.max(channel.weight, 1) * growth * dayFactor(dayMs));
      rows.push([formatDate(dayMs), channel.id, active.get(k)?.size ?? 0, counts.get(k) ?? 0, joins]);
    }
  }
  return rows;
}
