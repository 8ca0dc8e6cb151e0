/**
 * The fix types an analyst may propose, as a zod discriminated union on `type`.
 * Fixes come from code (rules analyst) and from LLM output, so every field is validated;
 * unknown keys are stripped because they mean nothing to the compiler.
 */
import { z } from 'zod';
import { isThreePart, normalizeIdentifier, normalizeName } from '../sql/identifiers.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const tableId = nonEmpty.refine(isThreePart, 'a table is a three-part identifier catalog.schema.table');

const columnName = nonEmpty.refine(
  (value) => !value.includes('.') || value.startsWith('`'),
  'a column is a bare column name, not table-qualified',
);

export const RelationshipSchema = z.enum(['MANY_TO_ONE', 'ONE_TO_MANY', 'ONE_TO_ONE', 'MANY_TO_MANY']);
export type Relationship = z.infer<typeof RelationshipSchema>;

/** Fields every fix carries: why (one line, for the PR) and which benchmark ids it aims at. */
const common = {
  rationale: nonEmpty.transform((value) => value.replace(/\s+/g, ' ')),
  targets: z.array(nonEmpty).default([]),
};

const AddSynonymSchema = z.object({
  type: z.literal('add_synonym'),
  table: tableId,
  column: columnName,
  synonyms: z.array(nonEmpty).min(1, 'give at least one synonym'),
  ...common,
});

const AddColumnDescriptionSchema = z.object({
  type: z.literal('add_column_description'),
  table: tableId,
  column: columnName,
  description: nonEmpty,
  ...common,
});

const UpdateTableDescriptionSchema = z.object({
  type: z.literal('update_table_description'),
  table: tableId,
  description: nonEmpty,
  ...common,
});

const JoinSideSchema = z.object({ table: tableId, column: columnName });

const AddJoinSchema = z
  .object({
    type: z.literal('add_join'),
    left: JoinSideSchema,
    right: JoinSideSchema,
    relationship: RelationshipSchema,
    comment: nonEmpty.optional(),
    ...common,
  })
  .superRefine((fix, ctx) => {
    const side = (s: { table: string; column: string }) => `${normalizeIdentifier(s.table)}.${normalizeName(s.column)}`;
    if (side(fix.left) === side(fix.right))
      ctx.addIssue({ code: 'custom', path: ['right'], message: 'a join links two different columns' });
  });

const FixJoinSchema = z.object({
  type: z.literal('fix_join'),
  joinId: z.string().regex(/^[0-9a-f]{32}$/, 'joinId is the 32-hex id of an existing join spec'),
  relationship: RelationshipSchema,
  ...common,
});

const ParameterSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a parameter name is a SQL identifier (letters, digits, _)'),
  type_hint: nonEmpty.optional(),
  description: nonEmpty.optional(),
  /** One default value, or several for a multi-value parameter. */
  default_value: z.union([z.string(), z.array(z.string())]).optional(),
});
export type ExampleParameter = z.infer<typeof ParameterSchema>;

const AddExampleQuerySchema = z
  .object({
    type: z.literal('add_example_query'),
    question: nonEmpty,
    sql: nonEmpty,
    usage_guidance: nonEmpty.optional(),
    parameters: z.array(ParameterSchema).optional(),
    ...common,
  })
  .superRefine((fix, ctx) => {
    const names = new Set<string>();
    (fix.parameters ?? []).forEach((param, i) => {
      if (names.has(param.name))
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', i, 'name'],
          message: `parameter "${param.name}" is declared twice`,
        });
      names.add(param.name);
      // `:name` marks a parameter; a preceding ':' would be a `::` cast instead.
      if (!new RegExp(`(^|[^:A-Za-z0-9_]):${param.name}\\b`).test(fix.sql)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', i, 'name'],
          message: `parameter "${param.name}" is not used as :${param.name} in the SQL`,
        });
      }
    });
  });

export const SnippetKindSchema = z.enum(['measure', 'filter', 'expression']);
export type SnippetKind = z.infer<typeof SnippetKindSchema>;

const AddSqlSnippetSchema = z
  .object({
    type: z.literal('add_sql_snippet'),
    kind: SnippetKindSchema,
    display_name: nonEmpty,
    sql: nonEmpty,
    alias: z
      .string()
      .regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, 'an alias is a SQL identifier')
      .optional(),
    synonyms: z.array(nonEmpty).optional(),
    instruction: nonEmpty.optional(),
    comment: nonEmpty.optional(),
    ...common,
  })
  .superRefine((fix, ctx) => {
    if (fix.kind === 'filter' && fix.alias !== undefined)
      ctx.addIssue({ code: 'custom', path: ['alias'], message: 'a filter has no alias' });
    if (fix.kind === 'filter' && /^\s*where\b/i.test(fix.sql))
      ctx.addIssue({ code: 'custom', path: ['sql'], message: 'a filter is a boolean condition without WHERE' });
  });

const EnableGetExampleValuesSchema = z.object({
  type: z.literal('enable_get_example_values'),
  table: tableId,
  column: columnName,
  ...common,
});

const EnableBuildValueDictionarySchema = z.object({
  type: z.literal('enable_build_value_dictionary'),
  table: tableId,
  column: columnName,
  ...common,
});

const AddTextInstructionSchema = z.object({
  type: z.literal('add_text_instruction'),
  text: nonEmpty,
  ...common,
});

export const FixSchema = z.discriminatedUnion('type', [
  AddSynonymSchema,
  AddColumnDescriptionSchema,
  UpdateTableDescriptionSchema,
  AddJoinSchema,
  FixJoinSchema,
  AddExampleQuerySchema,
  AddSqlSnippetSchema,
  EnableGetExampleValuesSchema,
  EnableBuildValueDictionarySchema,
  AddTextInstructionSchema,
]);

/** A validated fix (rationale collapsed to one line, targets defaulted). */
export type Fix = z.infer<typeof FixSchema>;
/** A fix as an analyst may write it (targets optional). */
export type FixInput = z.input<typeof FixSchema>;
export type FixType = Fix['type'];
export type FixOf<T extends FixType> = Extract<Fix, { type: T }>;

export const FIX_TYPES: readonly FixType[] = FixSchema.options.map((option) => option.shape.type.value);
