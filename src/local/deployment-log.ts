/**
 * The deployment log of the CLI and the local backend: one JSON file per space in the local
 * state folder (`<state>/deployments/<space>.json`, newest record first). It sits beside the
 * local live spaces (`<state>/spaces/`), so the record lasts exactly as long as the spaces it
 * describes; a workspace deployed from a laptop keeps its record there too. The action records
 * in GitHub deployments instead, since a runner's disk is gone after each job.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GenieGitopsError } from '../errors.js';
import type { DeploymentLog, DeploymentRecord } from '../ports.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** Older records never matter to the guard (it stops at the last success); keep the file small. */
const KEEP = 50;

const RecordSchema = z.looseObject({
  id: z.string(),
  space: z.string(),
  liveSpaceId: z.string(),
  configHash: z.string(),
  commit: z.string(),
  state: z.enum(['in_progress', 'success', 'failure']),
  createdAt: z.string(),
});
const FileSchema = z.looseObject({ records: z.array(RecordSchema) });

export function createLocalDeploymentLog(stateDir: string, now: () => Date = () => new Date()): DeploymentLog {
  const fileOf = (space: string) => path.join(stateDir, 'deployments', `${encodeURIComponent(space)}.json`);
  const read = (space: string): DeploymentRecord[] => {
    const file = fileOf(space);
    if (!existsSync(file)) return [];
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new GenieGitopsError(
        `the deployment record ${file} is damaged`,
        'restore it from a backup, or delete it: the next deploy then treats the space as never deployed (drift unless the live space equals the config)',
      );
    return parsed.data.records as DeploymentRecord[];
  };
  const write = (space: string, records: DeploymentRecord[]) =>
    writeFileAtomic(fileOf(space), `${JSON.stringify({ records: records.slice(0, KEEP) }, null, 2)}\n`);
  const spaceOfId = new Map<string, string>();

  return {
    describe: (space) => `the deployment record ${fileOf(space)}`,
    async history(space, liveSpaceId) {
      return read(space).filter((r) => r.liveSpaceId === liveSpaceId);
    },
    async start(input) {
      const record: DeploymentRecord = {
        ...input,
        id: `${now().getTime()}-${randomBytes(3).toString('hex')}`,
        state: 'in_progress',
        createdAt: now().toISOString(),
      };
      write(input.space, [record, ...read(input.space)]);
      spaceOfId.set(record.id, input.space);
      return record.id;
    },
    async finish(id, state) {
      const space = spaceOfId.get(id);
      if (space === undefined) throw new GenieGitopsError(`no deployment ${id} was started by this run`);
      write(
        space,
        read(space).map((r) => (r.id === id ? { ...r, state } : r)),
      );
    },
  };
}
