/**
 * The fixed facts the demo dataset is generated from: channels, countries, plans,
 * names and the weights that shape activity. Kept apart from the generator so the
 * generator reads as an algorithm.
 */

export interface DemoChannel {
  id: number;
  name: string;
  category: 'community' | 'support' | 'engineering' | 'social';
  isPrivate: boolean;
  createdAt: string;
  /** Relative share of messages from an ordinary member. */
  weight: number;
  /** Mean reactions per top-level message. */
  reactions: number;
  /** Word count multiplier (help threads are long, random chatter short). */
  words: number;
  /** Probability a message is a reply in a thread. */
  replyRate: number;
}

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  {
    id: 1,
    name: 'general',
    category: 'community',
    isPrivate: false,
    createdAt: '2023-03-01',
    weight: 20,
    reactions: 0.45,
    words: 1,
    replyRate: 0.45,
  },
  {
    id: 2,
    name: 'announcements',
    category: 'community',
    isPrivate: false,
    createdAt: '2023-03-01',
    weight: 0,
    reactions: 4.5,
    words: 2.5,
    replyRate: 0.02,
  },
  {
    id: 3,
    name: 'help',
    category: 'support',
    isPrivate: false,
    createdAt: '2023-03-15',
    weight: 12,
    reactions: 0.3,
    words: 1.4,
    replyRate: 0.62,
  },
  {
    id: 4,
    name: 'data-engineering',
    category: 'engineering',
    isPrivate: false,
    createdAt: '2023-06-01',
    weight: 11,
    reactions: 0.35,
    words: 1.3,
    replyRate: 0.5,
  },
  {
    id: 5,
    name: 'ml-ops',
    category: 'engineering',
    isPrivate: false,
    createdAt: '2024-02-10',
    weight: 7,
    reactions: 0.35,
    words: 1.25,
    replyRate: 0.48,
  },
  {
    id: 6,
    name: 'random',
    category: 'social',
    isPrivate: false,
    createdAt: '2023-03-01',
    weight: 9,
    reactions: 0.6,
    words: 0.6,
    replyRate: 0.38,
  },
  {
    id: 7,
    name: 'jobs',
    category: 'community',
    isPrivate: false,
    createdAt: '2024-05-20',
    weight: 3,
    reactions: 0.5,
    words: 1.6,
    replyRate: 0.25,
  },
  {
    id: 8,
    name: 'events',
    category: 'community',
    isPrivate: false,
    createdAt: '2024-09-02',
    weight: 3,
    reactions: 1.2,
    words: 1.2,
    replyRate: 0.3,
  },
  {
    id: 9,
    name: 'korea',
    category: 'social',
    isPrivate: false,
    createdAt: '2025-01-15',
    weight: 0.2,
    reactions: 0.55,
    words: 0.9,
    replyRate: 0.5,
  },
  {
    id: 10,
    name: 'dashboards',
    category: 'engineering',
    isPrivate: false,
    createdAt: '2025-04-07',
    weight: 5,
    reactions: 0.4,
    words: 1.1,
    replyRate: 0.45,
  },
  {
    id: 11,
    name: 'sql-tips',
    category: 'support',
    isPrivate: false,
    createdAt: '2024-12-03',
    weight: 6,
    reactions: 0.7,
    words: 1.15,
    replyRate: 0.4,
  },
  {
    id: 12,
    name: 'feedback',
    category: 'support',
    isPrivate: false,
    createdAt: '2025-06-16',
    weight: 2.5,
    reactions: 0.5,
    words: 1.3,
    replyRate: 0.35,
  },
  {
    id: 13,
    name: 'moderators',
    category: 'community',
    isPrivate: true,
    createdAt: '2023-04-01',
    weight: 0,
    reactions: 0.3,
    words: 1,
    replyRate: 0.5,
  },
  {
    id: 14,
    name: 'beta-testers',
    category: 'engineering',
    isPrivate: true,
    createdAt: '2025-09-01',
    weight: 0,
    reactions: 0.4,
    words: 1.2,
    replyRate: 0.45,
  },
];

export const CHANNEL = {
  announcements: 2,
  events: 8,
  korea: 9,
  moderators: 13,
  betaTesters: 14,
} as const;

export const COUNTRY_WEIGHTS = { US: 30, KR: 18, IN: 14, DE: 8, GB: 8, JP: 8, BR: 8, FR: 6 } as const;
export type Country = keyof typeof COUNTRY_WEIGHTS;

export const PLAN_WEIGHTS = { free: 70, pro: 22, enterprise: 8 } as const;
export type Plan = keyof typeof PLAN_WEIGHTS;

/** Paying members post more. */
export const PLAN_ACTIVITY: Record<Plan, number> = { free: 1, pro: 1.5, enterprise: 1.9 };

export const EMOJI_WEIGHTS = {
  thumbsup: 34,
  heart: 19,
  laugh: 12,
  eyes: 10,
  rocket: 10,
  tada: 8,
  pray: 4,
  fire: 3,
} as const;

/** Share of messages by hour of day (UTC), a working-day curve with a long evening tail. */
export const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 5, 8, 10, 11, 11, 10, 11, 12, 12, 11, 9, 7, 6, 5, 4, 3, 2];

/** Months with a conference, when #events and #announcements are busy. */
export const EVENT_MONTHS = new Set(['2025-06', '2026-06', '2025-11']);

export const NAMES: Record<Country, { first: string[]; last: string[] }> = {
  US: {
    first: [
      'James',
      'Emily',
      'Michael',
      'Olivia',
      'Daniel',
      'Sophia',
      'Ryan',
      'Ava',
      'Ethan',
      'Chloe',
      'Jacob',
      'Grace',
      'Tyler',
      'Hannah',
      'Noah',
      'Madison',
      'Logan',
      'Abigail',
      'Mason',
      'Ella',
    ],
    last: [
      'Smith',
      'Johnson',
      'Brown',
      'Miller',
      'Davis',
      'Wilson',
      'Moore',
      'Taylor',
      'Anderson',
      'Thomas',
      'Clark',
      'Lewis',
      'Walker',
      'Young',
      'Allen',
      'Wright',
    ],
  },
  KR: {
    first: [
      'Minji',
      'Jisoo',
      'Seojun',
      'Hayoon',
      'Jiho',
      'Yuna',
      'Dohyun',
      'Seoyeon',
      'Junwoo',
      'Subin',
      'Hyunwoo',
      'Eunji',
      'Taeyang',
      'Soyeon',
      'Jaemin',
      'Dahye',
    ],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'],
  },
  IN: {
    first: [
      'Aarav',
      'Priya',
      'Vihaan',
      'Ananya',
      'Arjun',
      'Diya',
      'Rohan',
      'Isha',
      'Karan',
      'Neha',
      'Aditya',
      'Kavya',
      'Rahul',
      'Pooja',
    ],
    last: ['Sharma', 'Patel', 'Reddy', 'Iyer', 'Gupta', 'Nair', 'Singh', 'Rao', 'Mehta', 'Das', 'Joshi', 'Kumar'],
  },
  DE: {
    first: ['Lukas', 'Anna', 'Felix', 'Lena', 'Jonas', 'Marie', 'Leon', 'Sophie', 'Paul', 'Laura', 'Max', 'Clara'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch'],
  },
  GB: {
    first: [
      'Oliver',
      'Amelia',
      'Harry',
      'Isla',
      'George',
      'Poppy',
      'Jack',
      'Freya',
      'Charlie',
      'Evie',
      'Alfie',
      'Millie',
    ],
    last: ['Jones', 'Evans', 'Roberts', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Cooper'],
  },
  JP: {
    first: ['Haruto', 'Yui', 'Sota', 'Hina', 'Riku', 'Aoi', 'Yuto', 'Mei', 'Kaito', 'Sakura', 'Ren', 'Yuna'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
  },
  BR: {
    first: [
      'Gabriel',
      'Julia',
      'Lucas',
      'Beatriz',
      'Mateus',
      'Larissa',
      'Rafael',
      'Camila',
      'Pedro',
      'Mariana',
      'Thiago',
      'Fernanda',
    ],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Almeida', 'Ferreira', 'Rocha'],
  },
  FR: {
    first: ['Louis', 'Camille', 'Hugo', 'Manon', 'Arthur', 'Léa', 'Jules', 'Chloé', 'Nathan', 'Inès', 'Théo', 'Zoé'],
    last: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Leroy', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefebvre'],
  },
};
