/** `spaces/<space>/target.yml`: where a space deploys (no secrets) and how it runs locally. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { describeIssue } from './zod-issues.js';
import { parseYamlSource } from './yaml-source.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'expected a real calendar date (YYYY-MM-DD)',
  );

/** How score and enhance on the databricks backend get a space to ask. */
export const STAGING_MODES = ['temporary', 'shared'] as const;
export type StagingMode = (typeof STAGING_MODES)[number];

/** The file as written (snake_case). Strict: a misspelt key is an error, not silently ignored. */
export const TargetFileSchema = z.strictObject({
  title: z.string().min(1).describe('Title of the Genie space.'),
  live_space_id: z.string().min(1).describe('Id of the live space that deploy updates.'),
  staging: z
    .enum(STAGING_MODES)
    .optional()
    .describe(
      "How score and enhance on the databricks backend ask Genie. 'temporary' (default): each run creates its own space from the candidate config and trashes it at the end, so concurrent runs never score each other's configs. 'shared': use staging_space_id, for workspaces where creating spaces is not allowed; before each question the run checks the space still holds the config it set, and stops when someone else changed it.",
    ),
  staging_space_id: z
    .string()
    .min(1)
    .optional()
    .describe("Id of the shared staging space: needed with staging: shared, unused with 'temporary'."),
  warehouse_id: z.string().min(1).describe('Id of the SQL warehouse the space runs on.'),
  parent_path: z.string().min(1).optional().describe('Workspace folder of the space.'),
  local: z
    .strictObject({
      data: z
        .string()
        .min(1)
        .optional()
        .describe("'demo' or a path, relative to the repository root, to a .sqlite or .sql file."),
      as_of: isoDate.optional().describe('The date current_date returns on the local warehouse (YYYY-MM-DD).'),
    })
    .optional()
    .describe('Settings of the embedded local backend.'),
});

export type TargetFile = z.infer<typeof TargetFileSchema>;

export interface Target {
  title: string;
  liveSpaceId: string;
  /** The shared staging space, when target.yml names one. */
  stagingSpaceId?: string;
  /** Default 'temporary' (see TargetFileSchema). */
  staging?: StagingMode;
  warehouseId: string;
  parentPath?: string;
  local?: { data?: string; asOf?: string };
}

function toTarget(file: TargetFile): Target {
  const target: Target = {
    title: file.title,
    liveSpaceId: file.live_space_id,
    warehouseId: file.warehouse_id,
  };
  if (file.staging_space_id !== undefined) target.stagingSpaceId = file.staging_space_id;
  if (file.staging !== undefined) target.staging = file.staging;
  if (file.parent_path !== undefined) target.parentPath = file.parent_path;
  if (file.local) {
    target.local = {};
    if (file.local.data !== undefined) target.local.data = file.local.data;
    if (file.local.as_of !== undefined) target.local.asOf = file.local.as_of;
  }
  return target;
}

/** Parses target.yml text; `file` is only used in messages. */
export function parseTargetText(text: string, file: string): Target {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === undefined) {
    throw new ValidationError([
      {
        file,
        path: '$',
        line: 1,
        message: 'the file is empty: expected title, live_space_id and warehouse_id',
      },
    ]);
  }
  const result = TargetFileSchema.safeParse(source.value);
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((issue) => {
        const described = describeIssue(issue, source.value);
        return { file, path: described.path, message: described.message, line: source.lineOf(described.segments) };
      }),
    );
  }
  if (result.data.staging === 'shared' && result.data.staging_space_id === undefined) {
    throw new ValidationError([
      {
        file,
        path: '$.staging_space_id',
        line: source.lineOf(['staging']),
        message: 'staging: shared needs staging_space_id (the id of the space to share); or use staging: temporary',
      },
    ]);
  }
  return toTarget(result.data);
}

/** Reads and validates target.yml; `label` is the name used in messages (default: the path). */
export function loadTarget(file: string, label: string = file): Target {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError([
      { file: label, path: '$', message: `cannot read target.yml (${(error as Error).message})` },
    ]);
  }
  return parseTargetText(text, label);
}
