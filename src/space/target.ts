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

/** The file as written (snake_case). Strict: a misspelt key is an error, not silently ignored. */
export const TargetFileSchema = z.strictObject({
  title: z.string().min(1).describe('Title of the Genie space.'),
  live_space_id: z.string().min(1).describe('Id of the live space that deploy updates.'),
  staging_space_id: z.string().min(1).describe('Id of the staging space that score and enhance use.'),
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
  stagingSpaceId: string;
  warehouseId: string;
  parentPath?: string;
  local?: { data?: string; asOf?: string };
  /**
   * Set when the space ids were derived offline (a bundle-declared space without a `<name>.target.yml`):
   * they name local state only, never a workspace space.
   */
  idsDerived?: boolean;
}

function toTarget(file: TargetFile): Target {
  const target: Target = {
    title: file.title,
    liveSpaceId: file.live_space_id,
    stagingSpaceId: file.staging_space_id,
    warehouseId: file.warehouse_id,
  };
  if (file.parent_path !== undefined) target.parentPath = file.parent_path;
  if (file.local) {
    target.local = {};
    if (file.local.data !== undefined) target.local.data = file.local.data;
    if (file.local.as_of !== undefined) target.local.asOf = file.local.as_of;
  }
  return target;
}

function parseTargetFile<S extends z.ZodType>(text: string, file: string, schema: S, required = true): z.infer<S> {
  const source = parseYamlSource(text, file);
  if ((source.value === null || source.value === undefined) && required) {
    throw new ValidationError([
      {
        file,
        path: '$',
        line: 1,
        message: 'the file is empty: expected title, live_space_id, staging_space_id and warehouse_id',
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
  return result.data as z.infer<S>;
}

/** Parses target.yml text; `file` is only used in messages. */
export function parseTargetText(text: string, file: string): Target {
  return toTarget(parseTargetFile(text, file, TargetFileSchema));
}

/** A bundle-declared space's optional `<name>.target.yml`: any target.yml field, each overriding the bundle's. */
export const TargetOverlaySchema = TargetFileSchema.partial();
export type TargetOverlay = z.infer<typeof TargetOverlaySchema>;

export function loadTargetOverlay(file: string, label: string): TargetOverlay {
  return parseTargetFile(readText(file, label), label, TargetOverlaySchema, false);
}

/** Applies an overlay to the target a bundle declares (ids derived offline unless the overlay names both). */
export function overlayTarget(base: Target, overlay: TargetOverlay | undefined): Target {
  if (!overlay) return base;
  const merged = toTarget({
    title: overlay.title ?? base.title,
    live_space_id: overlay.live_space_id ?? base.liveSpaceId,
    staging_space_id: overlay.staging_space_id ?? base.stagingSpaceId,
    warehouse_id: overlay.warehouse_id ?? base.warehouseId,
    parent_path: overlay.parent_path ?? base.parentPath,
    local: overlay.local,
  });
  if (base.idsDerived && !(overlay.live_space_id && overlay.staging_space_id)) merged.idsDerived = true;
  return merged;
}

function readText(file: string, label: string): string {
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
