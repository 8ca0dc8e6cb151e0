/**
 * The benchmark file `benchmarks/<space>.yml`: a list of questions with their
 * expected SQL, or `{ benchmarks: [...] }`. Items are strict so a misspelt key
 * (`order_mattters`) is reported instead of silently ignored.
 */
import { z } from 'zod';

/** Small integer ids (`id: 1`) are read as text; larger numbers must be quoted so no digit is lost. */
const BenchmarkId = z
  .union([z.string().trim().min(1), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform((value) => String(value))
  .describe('Stable id of the question, unique in the file.');

export const BenchmarkItemSchema = z.strictObject({
  id: BenchmarkId,
  question: z.string().trim().min(1).describe('The question as a user would ask Genie.'),
  sql: z.string().trim().min(1).describe('Expected SQL: a single read-only query whose result is the right answer.'),
  split: z
    .enum(['train', 'holdout'])
    .optional()
    .describe('train: the enhancer may learn from it; holdout: only measured. Derived from the SQL when absent.'),
  tags: z.array(z.string().min(1)).optional().describe('Free labels for grouping results.'),
  order_matters: z
    .boolean()
    .optional()
    .describe('Compare row order too. When absent, order matters if the expected SQL has ORDER BY.'),
});

export const BenchmarkListSchema = z.array(BenchmarkItemSchema);

export const BenchmarkFileSchema = z.union([BenchmarkListSchema, z.strictObject({ benchmarks: BenchmarkListSchema })]);

/** One item as written in the file (and as the Markdown importer produces it). */
export type BenchmarkInput = z.output<typeof BenchmarkItemSchema>;
