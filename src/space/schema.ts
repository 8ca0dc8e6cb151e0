/**
 * zod schema of Genie's decoded `serialized_space` (version 1 and 2).
 * Every object is loose: fields Genie adds later are preserved, never dropped.
 * Text fields are arrays of strings, as Genie stores them.
 */
import { z } from 'zod';

const text = z.array(z.string().max(25_000));
const id = z.string().regex(/^[0-9a-f]{32}$/, 'an id is 32 lowercase hex characters (a UUID without dashes)');

export const ColumnConfigSchema = z.looseObject({
  column_name: z.string().min(1),
  description: text.optional(),
  synonyms: text.optional(),
  exclude: z.boolean().optional(),
  /** Version 2 name of `get_example_values`. */
  enable_format_assistance: z.boolean().optional(),
  /** Version 2 name of `build_value_dictionary`; requires format assistance. */
  enable_entity_matching: z.boolean().optional(),
  get_example_values: z.boolean().optional(),
  build_value_dictionary: z.boolean().optional(),
});

export const TableSchema = z.looseObject({
  identifier: z.string().min(1),
  description: text.optional(),
  column_configs: z.array(ColumnConfigSchema).optional(),
});

export const SampleQuestionSchema = z.looseObject({ id, question: text });

export const TextInstructionSchema = z.looseObject({ id, content: text });

export const ParameterSchema = z.looseObject({
  name: z.string().min(1),
  type_hint: z.string().optional(),
  description: text.optional(),
  default_value: z.looseObject({ values: text }).optional(),
});

export const ExampleQuestionSqlSchema = z.looseObject({
  id,
  question: text,
  sql: text,
  parameters: z.array(ParameterSchema).optional(),
  usage_guidance: text.optional(),
});

export const SqlFunctionSchema = z.looseObject({ id, identifier: z.string().min(1) });

const JoinSideSchema = z.looseObject({ identifier: z.string().min(1), alias: z.string().optional() });

export const JoinSpecSchema = z.looseObject({
  id,
  left: JoinSideSchema,
  right: JoinSideSchema,
  sql: text,
  comment: text.optional(),
  instruction: text.optional(),
});

export const FilterSnippetSchema = z.looseObject({
  id,
  sql: text,
  display_name: z.string().optional(),
  synonyms: text.optional(),
  instruction: text.optional(),
  comment: text.optional(),
});

export const ExpressionSnippetSchema = z.looseObject({
  id,
  alias: z.string().optional(),
  sql: text,
  display_name: z.string().optional(),
  synonyms: text.optional(),
  instruction: text.optional(),
  comment: text.optional(),
});

export const MeasureSnippetSchema = ExpressionSnippetSchema;

export const BenchmarkQuestionSchema = z.looseObject({
  id,
  question: text,
  answer: z.array(z.looseObject({ format: z.string(), content: text })).optional(),
});

export const SpaceSchema = z.looseObject({
  version: z.number().int().min(1),
  config: z.looseObject({ sample_questions: z.array(SampleQuestionSchema).optional() }).optional(),
  data_sources: z
    .looseObject({
      tables: z.array(TableSchema).optional(),
      metric_views: z.array(TableSchema).optional(),
    })
    .optional(),
  instructions: z
    .looseObject({
      text_instructions: z
        .array(TextInstructionSchema)
        .max(1, 'text_instructions holds at most one item; put all text in its content')
        .optional(),
      example_question_sqls: z.array(ExampleQuestionSqlSchema).optional(),
      sql_functions: z.array(SqlFunctionSchema).optional(),
      join_specs: z.array(JoinSpecSchema).optional(),
      sql_snippets: z
        .looseObject({
          filters: z.array(FilterSnippetSchema).optional(),
          expressions: z.array(ExpressionSnippetSchema).optional(),
          measures: z.array(MeasureSnippetSchema).optional(),
        })
        .optional(),
    })
    .optional(),
  benchmarks: z.looseObject({ questions: z.array(BenchmarkQuestionSchema).optional() }).optional(),
});

export type Space = z.infer<typeof SpaceSchema>;
export type Table = z.infer<typeof TableSchema>;
export type ColumnConfig = z.infer<typeof ColumnConfigSchema>;
export type JoinSpec = z.infer<typeof JoinSpecSchema>;
export type ExampleQuestionSql = z.infer<typeof ExampleQuestionSqlSchema>;
export type FilterSnippet = z.infer<typeof FilterSnippetSchema>;
export type ExpressionSnippet = z.infer<typeof ExpressionSnippetSchema>;
export type MeasureSnippet = z.infer<typeof MeasureSnippetSchema>;
export type TextInstruction = z.infer<typeof TextInstructionSchema>;

/** Format assistance (v2) / example values (v1) on a column, whichever name the file uses. */
export function hasFormatAssistance(column: ColumnConfig): boolean {
  return column.enable_format_assistance === true || column.get_example_values === true;
}

/** Entity matching (v2) / value dictionary (v1) on a column, whichever name the file uses. */
export function hasEntityMatching(column: ColumnConfig): boolean {
  return column.enable_entity_matching === true || column.build_value_dictionary === true;
}

/** Join the pieces of a text field the way Genie does (concatenation). */
export function joinText(value: readonly string[] | undefined): string {
  return (value ?? []).join('');
}
