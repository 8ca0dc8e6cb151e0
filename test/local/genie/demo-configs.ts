/** Small demo-warehouse configs for knob tests: the thin config plus exactly one extra piece. */
import type { Space } from '../../../src/space/schema.js';

const tables: Record<string, string[]> = {
  channels: ['category', 'channel_id', 'channel_name', 'created_at', 'is_private'],
  daily_channel_stats: ['active_members', 'channel_id', 'messages_count', 'new_joins', 'stat_date'],
  members: ['country_code', 'display_name', 'joined_at', 'member_id', 'plan'],
  messages: ['channel_id', 'is_reply', 'member_id', 'message_id', 'sent_at', 'word_count'],
  reactions: ['emoji', 'member_id', 'message_id', 'reacted_at', 'reaction_id'],
};

export const ID = (n: number): string => n.toString(16).padStart(32, '0');

/** Table and column names only. */
export function thinSpace(): Space {
  return {
    version: 2,
    data_sources: {
      tables: Object.entries(tables).map(([name, cols]) => ({
        identifier: `main.community.${name}`,
        column_configs: cols.map((column_name) => ({ column_name })),
      })),
    },
  };
}

type ColumnPatch = Record<string, unknown>;

export function withColumn(space: Space, table: string, column: string, patch: ColumnPatch): Space {
  const copy = structuredClone(space);
  const t = copy.data_sources?.tables?.find((x) => x.identifier === `main.community.${table}`);
  const c = t?.column_configs?.find((x) => x.column_name === column);
  if (!c) throw new Error(`no ${table}.${column}`);
  Object.assign(c, patch);
  return copy;
}

export function withInstructions(space: Space, instructions: NonNullable<Space['instructions']>): Space {
  return { ...structuredClone(space), instructions };
}

export const joinSpec = (id: string, left: string, right: string, column: string) => ({
  id,
  left: { identifier: `main.community.${left}`, alias: left },
  right: { identifier: `main.community.${right}`, alias: right },
  sql: [`\`${left}\`.\`${column}\` = \`${right}\`.\`${column}\``, '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
});
