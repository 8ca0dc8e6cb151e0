/**
 * zod shapes of the answers genie-gitops reads. Loose objects (unknown fields kept) and
 * optional fields wherever the public sources are thin, so only what we rely on can fail.
 */
import { z } from 'zod';

const text = z.union([z.string(), z.array(z.string())]);

export const StatementStatusSchema = z.looseObject({
  state: z.string(),
  error: z.looseObject({ error_code: z.string().optional(), message: z.string().optional() }).nullish(),
});

export const ColumnSchema = z.looseObject({
  name: z.string(),
  type_name: z.string().optional(),
  type_text: z.string().optional(),
  position: z.number().optional(),
});

export const ManifestSchema = z.looseObject({
  schema: z.looseObject({ column_count: z.number().optional(), columns: z.array(ColumnSchema).optional() }).optional(),
  total_row_count: z.number().optional(),
  total_chunk_count: z.number().optional(),
  truncated: z.boolean().optional(),
});

export const ResultChunkSchema = z.looseObject({
  data_array: z.array(z.array(z.union([z.string(), z.null()]))).optional(),
  row_count: z.number().optional(),
  chunk_index: z.number().optional(),
  next_chunk_index: z.number().optional(),
});

export const StatementResponseSchema = z.looseObject({
  statement_id: z.string().optional(),
  status: StatementStatusSchema,
  manifest: ManifestSchema.nullish(),
  result: ResultChunkSchema.nullish(),
});

/** The statements API always names the statement. */
export const SubmittedStatementSchema = StatementResponseSchema.extend({ statement_id: z.string() });

export const QueryResultSchema = z.looseObject({ statement_response: StatementResponseSchema });

export const ThoughtSchema = z.looseObject({ thought_type: z.string().optional(), content: text.optional() });

export const AttachmentSchema = z.looseObject({
  attachment_id: z.string().optional(),
  id: z.string().optional(),
  query: z
    .looseObject({
      query: z.string().optional(),
      title: z.string().optional(),
      statement_id: z.string().optional(),
      thoughts: z.array(ThoughtSchema).nullish(),
    })
    .nullish(),
  text: z.looseObject({ content: z.string().optional(), purpose: z.string().optional() }).nullish(),
});

export const MessageSchema = z.looseObject({
  message_id: z.string().optional(),
  id: z.string().optional(),
  conversation_id: z.string().optional(),
  status: z.string(),
  attachments: z.array(AttachmentSchema).nullish(),
  error: z.looseObject({ error: z.string().optional(), type: z.string().optional() }).nullish(),
});

export const StartConversationSchema = z.looseObject({
  conversation_id: z.string(),
  message_id: z.string(),
  message: MessageSchema.optional(),
});

export const SpaceResponseSchema = z.looseObject({
  space_id: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  warehouse_id: z.string().optional(),
  parent_path: z.string().optional(),
  serialized_space: z.string().optional(),
  etag: z.string().optional(),
});

export const ListSpacesSchema = z.looseObject({
  spaces: z.array(SpaceResponseSchema).optional(),
  next_page_token: z.string().optional(),
});

export const EmptySchema = z.unknown();

export type StatementResponse = z.infer<typeof StatementResponseSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type SpaceResponse = z.infer<typeof SpaceResponseSchema>;
