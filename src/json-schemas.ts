/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas, shipped in
 * schemas/ so editors can validate space.json, benchmark and target files.
 * Loose zod objects keep `additionalProperties` open: Genie adds fields over time.
 */
import { z } from 'zod';
import { BenchmarkFileSchema } from './benchmarks/schema.js';
import { SpaceSchema } from './space/schema.js';
import { TargetFileSchema } from './space/target.js';

export interface JsonSchemaFile {
  /** File name inside schemas/. */
  name: string;
  content: string;
}

function render(schema: z.ZodType, title: string, description: string): string {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}

export function buildJsonSchemas(): JsonSchemaFile[] {
  return [
    {
      name: 'space.schema.json',
      content: render(
        SpaceSchema,
        'Genie space (serialized_space)',
        'spaces/<space>/space.json: the decoded serialized_space of a Databricks AI/BI Genie space. Text fields are arrays of strings; unknown fields are allowed and preserved.',
      ),
    },
    {
      name: 'benchmarks.schema.json',
      content: render(
        BenchmarkFileSchema,
        'genie-gitops benchmarks',
        'benchmarks/<space>.yml: benchmark questions with their expected SQL, as a list or under a "benchmarks" key.',
      ),
    },
    {
      name: 'target.schema.json',
      content: render(
        TargetFileSchema,
        'genie-gitops target',
        'spaces/<space>/target.yml: where a space deploys and how it runs locally.',
      ),
    },
  ];
}
