/** `spaces/<space>/target.yml`: where a space deploys (no secrets) and how it runs locally. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { describeIssue } from './zod-issues.js';
import { checkReadable, MAX_YAML_BYTES } from '../util/text-file.js';
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
      live_data: z
        .string()
        .min(1)
        .optional()
        .describe(
          "The data the live space answers from, when it differs from staging's (a production workspace): 'demo' or a path like data. Used by deploy's post-deploy verification on the local backend and by serve; default: data.",
        ),
      as_of: isoDate.optional().describe('The date current_date returns on the local warehouse (YYYY-MM-DD).'),
      statement_timeout_s: z
        .number()
        .positive()
        .max(3600)
        .optional()
        .describe('Longest a statement may run on the local warehouse, in seconds (default 30); it is then stopped.'),
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
  local?: { data?: string; liveData?: string; asOf?: string; statementTimeoutMs?: number };
  /**
   * Set when the space ids were derived offline (a bundle-declared space without a `<name>.target.yml`):
   * they name local state only, never a workspace space.
   */
  idsDerived?: boolean;
  /** Where it was read from, as messages name it (repository-relative). */
  file?: string;
  /** Line of local.data in that file, for messages about it. */
  dataLine?: number;
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
    if (file.local.live_data !== undefined) target.local.liveData = file.local.live_data;
    if (file.local.as_of !== undefined) target.local.asOf = file.local.as_of;
    if (file.local.statement_timeout_s !== undefined)
      target.local.statementTimeoutMs = Math.round(file.local.statement_timeout_s * 1000);
  }
  return target;
}

interface ParsedTargetFile<T> {
  data: T;
  /** Line of a key path in the file, for messages. */
  lineOf: (segments: (string | number)[]) => number | undefined;
}

function parseTargetFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  required = true,
): ParsedTargetFile<z.infer<S>> {
  const source = parseYamlSource(text, file);
  if ((source.value === null || source.value === undefined) && required) {
    throw new ValidationError([
      {
        file,
        path: '$',
        line: 1,
        message: 'the file is empty: expected title, live_space_id and warehouse_id',
      },
    ]);
  }
  const result = schema.safeParse(source.value ?? {});
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((issue) => {
        const described = describeIssue(issue, source.value, source.sourceOf);
        return { file, path: described.path, message: described.message, line: source.lineOf(described.segments) };
      }),
    );
  }
  const data = result.data as z.infer<S> & { staging?: string; staging_space_id?: string };
  if (data.staging === 'shared' && data.staging_space_id === undefined) {
    throw new ValidationError([
      {
        file,
        path: '$.staging_space_id',
        line: source.lineOf(['staging']),
        message: 'staging: shared needs staging_space_id (the id of the space to share); or use staging: temporary',
      },
    ]);
  }
  return { data, lineOf: source.lineOf };
}

/** Parses target.yml text; `file` is only used in messages. */
export function parseTargetText(text: string, file: string): Target {
  const parsed = parseTargetFile(text, file, TargetFileSchema);
  return located(toTarget(parsed.data), file, parsed.lineOf);
}

/** Records where a target was read from, so messages about its local.data name the file and line. */
function located(target: Target, file: string, lineOf: ParsedTargetFile<unknown>['lineOf']): Target {
  target.file = file;
  const dataLine = lineOf(['local', 'data']);
  if (target.local?.data !== undefined && dataLine !== undefined) target.dataLine = dataLine;
  return target;
}

/** A bundle-declared space's optional `<name>.target.yml`: any target.yml field, each overriding the bundle's. */
export const TargetOverlaySchema = TargetFileSchema.partial();
export type TargetOverlay = z.infer<typeof TargetOverlaySchema>;

export interface LoadedOverlay {
  overlay: TargetOverlay;
  file: string;
  lineOf: ParsedTargetFile<unknown>['lineOf'];
}

export function loadTargetOverlay(file: string, label: string): LoadedOverlay {
  const parsed = parseTargetFile(readText(file, label), label, TargetOverlaySchema, false);
  return { overlay: parsed.data, file: label, lineOf: parsed.lineOf };
}

/** Applies an overlay to the target a bundle declares (ids derived offline unless the overlay names both). */
export function overlayTarget(base: Target, loaded: LoadedOverlay | undefined): Target {
  if (!loaded) return base;
  const { overlay } = loaded;
  const merged = toTarget({
    title: overlay.title ?? base.title,
    live_space_id: overlay.live_space_id ?? base.liveSpaceId,
    staging_space_id: overlay.staging_space_id ?? base.stagingSpaceId,
    staging: overlay.staging ?? base.staging,
    warehouse_id: overlay.warehouse_id ?? base.warehouseId,
    parent_path: overlay.parent_path ?? base.parentPath,
    local: overlay.local,
  });
  if (base.idsDerived && !(overlay.live_space_id && overlay.staging_space_id)) merged.idsDerived = true;
  return located(merged, loaded.file, loaded.lineOf);
}

function readText(file: string, label: string): string {
  checkReadable(file, label, MAX_YAML_BYTES);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError([
      { file: label, path: '$', message: `cannot read the file (${(error as Error).message})` },
    ]);
  }
}

/** Reads and validates target.yml; `label` is the name used in messages (default: the path). */
export function loadTarget(file: string, label: string = file): Target {
  checkReadable(file, label, MAX_YAML_BYTES);
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
