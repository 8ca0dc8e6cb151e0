/**
 * Round trip of a bundle-declared space (databricks.yml + genie_spaces resource + .geniespace.json, no
 * spaces/ folder, no target.yml) on the embedded backend: list-spaces, validate, lint, score, enhance,
 * deploy and export treat it exactly like a spaces/ one.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { listSpaceEntries, loadSpaceDir } from '../../src/space/repository.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { REPO_ROOT, captureIo } from '../helpers/temp-repo.js';

let root: string;
const CONFIG = 'src/community.geniespace.json';

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'genie-bundle-repo-'));
  cpSync(path.join(REPO_ROOT, 'test/fixtures/bundle'), root, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'benchmarks/demo.yml'), path.join(root, 'benchmarks/community.yml'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[]) {
  const io = captureIo(root);
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('a space declared in databricks.yml', () => {
  it('is listed by list-spaces with its config file, and passes validate', async () => {
    const listed = await run(['list-spaces']);
    expect(listed.code).toBe(0);
    expect(listed.out).toBe(`community\t${CONFIG}\tbundle databricks.yml`);
    expect((await run(['list-spaces', '--json'])).out).toBe('["community"]');
    const validated = await run(['validate']);
    expect(validated.code, validated.err).toBe(0);
    expect(validated.out).toContain('ok: community');
    // The local live space starts as the repository's config (the embedded store seeds it on first read).
    expect((await run(['deploy', '--space', 'community'])).out).toMatch(/unchanged\s+community/);
  });

  it('is linted with findings on its own file and the same quality as the same config in spaces/', async () => {
    const json = path.join(root, 'lint.json');
    const linted = await run(['lint', '--space', 'community', '--json', json, '--quiet']);
    expect(linted.code, linted.err).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.spaces[0].file).toBe(CONFIG);
    expect(result.spaces[0].findings.length).toBeGreaterThan(0);
    const demo = path.join(root, 'demo-lint.json');
    const io = captureIo(REPO_ROOT);
    expect(await main(['lint', '--space', 'demo', '--json', demo, '--quiet'], io)).toBe(0);
    expect(result.spaces[0].quality).toEqual(JSON.parse(readFileSync(demo, 'utf8')).spaces[0].quality);
  });

  it('is scored and enhanced in place, the config file rewritten canonically', async () => {
    const card = path.join(root, 'card.json');
    const scored = await run(['score', '--space', 'community', '--json', card, '--quiet']);
    expect(scored.code, scored.err).toBe(0);
    const before = JSON.parse(readFileSync(card, 'utf8'));
    expect(before.space).toBe('community');
    expect(before.totals.all.total).toBeGreaterThan(40);
    expect(before.quality.score).toBe(10);

    const enhanced = await run(['enhance', '--space', 'community', '--max-iterations', '1', '--quiet']);
    expect(enhanced.code, enhanced.err).toBe(0);
    expect(enhanced.out).toContain(`wrote ${CONFIG}`);
    const text = readFileSync(path.join(root, CONFIG), 'utf8');
    expect(serializeSpace(parseSpaceText(text, CONFIG))).toBe(text);
    expect(existsSync(path.join(root, 'lessons/community.json'))).toBe(true);
    expect(existsSync(path.join(root, 'spaces'))).toBe(false);
  }, 120_000);

  it('deploys the enhanced config to the live space its bundle target names; export then finds nothing to adopt', async () => {
    const deployed = await run(['deploy', '--space', 'community', '--backend', 'local']);
    expect(deployed.code, deployed.err).toBe(0);
    expect(deployed.out).toMatch(/deployed\s+community: updated and verified/);
    const target = loadSpaceDir(root, 'community').target!;
    const live = JSON.parse(
      readFileSync(path.join(root, `.genie-gitops/state/spaces/${target.liveSpaceId}.json`), 'utf8'),
    );
    expect(live.title).toBe('Community analytics');
    expect(serializeSpace(parseSpaceText(live.serialized_space, 'live'))).toBe(
      readFileSync(path.join(root, CONFIG), 'utf8'),
    );
    expect((await run(['deploy', '--space', 'community'])).out).toMatch(/unchanged\s+community/);
    expect((await run(['export', '--space', 'community'])).out).toContain('unchanged');
  });

  it('reads another bundle target with --target: its variables, and live ids of its own', async () => {
    const [entry] = listSpaceEntries(root, { bundleTarget: 'prod' });
    expect(entry?.bundle?.target).toBe('prod');
    const prod = loadSpaceDir(root, 'community', { bundleTarget: 'prod' }).target!;
    expect(prod.warehouseId).toBe('prod-warehouse');
    expect(prod.liveSpaceId).not.toBe(loadSpaceDir(root, 'community').target!.liveSpaceId);
    const deployed = await run(['deploy', '--space', 'community', '--target', 'prod']);
    expect(deployed.code, deployed.err).toBe(0);
    expect(existsSync(path.join(root, `.genie-gitops/state/spaces/${prod.liveSpaceId}.json`))).toBe(true);
    const unknown = await run(['lint', '--target', 'qa']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("the bundle has no target 'qa'");
  });

  it('refuses the databricks backend without workspace ids, naming the overlay file to add', async () => {
    const scored = await run(['score', '--space', 'community', '--backend', 'databricks', '--quiet']);
    expect(scored.code).toBe(1);
    expect(scored.err).toContain('target.yml beside its .geniespace.json');
  });
});
