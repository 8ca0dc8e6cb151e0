/**
 * `score --scorer both` against serve: our verdicts and Genie's eval run side by side. The
 * emulator assesses its eval runs with our comparator, so the two agree on every question,
 * passes and failures alike (100%); the eval run reads the benchmarks synced into the staging space.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scorerCommand } from '../../src/commands/genie-eval-score.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { SHOP_BENCHMARKS, shopSpace, writeShopRepo } from '../commands/shop-world.js';
import { captureIo } from '../helpers/temp-repo.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

let root: string;
let serve: ServeHandle;
let env: Record<string, string>;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-eval-'));
  writeShopRepo(root);
  // Staging on the data with in-store sales, a config without the online filter: some questions fail.
  writeFileSync(path.join(root, 'spaces/shop/space.json'), serializeSpace(shopSpace({ withOnlineFilter: false })));
  const target = path.join(root, 'spaces/shop/target.yml');
  writeFileSync(
    target,
    `title: Shop\nlive_space_id: a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1\nwarehouse_id: shopwarehouse\nlocal:\n  data: data/live.sql\n`,
  );
  writeFileSync(
    path.join(root, 'benchmarks/shop.yml'),
    `${SHOP_BENCHMARKS}- id: all-count\n  question: How many sales are there?\n  sql: SELECT COUNT(*) FROM main.default.sales\n- id: all-by-region\n  question: What is the total sales amount per region?\n  sql: SELECT region, SUM(amount) FROM main.default.sales GROUP BY region\n`,
  );
  serve = await startServe({ root });
  env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN, GENIE_GITOPS_POLL_FIRST_MS: '5' };
});
afterAll(async () => {
  await serve?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('score --scorer both on serve', () => {
  it('prints both verdicts per question and a 100% agreement rate', async () => {
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    try {
      const io = captureIo(root);
      const code = await main(
        ['score', '--space', 'shop', '--backend', 'databricks', '--scorer', 'both', '--quiet'],
        io,
      );
      expect(code, io.stderr.join('\n')).toBe(0);
      const out = io.stdout.join('\n');
      expect(out).toContain('## Scorers side by side: `shop`');
      expect(out).toMatch(/agreement 100\.0% \(8 of 8 questions answered by both\)/);
      expect(out).toContain('| `online-total` | ❌ fail | ❌ fail | yes |');
      expect(out).toContain('| `all-count` | ✅ pass | ✅ pass | yes |');
    } finally {
      vi.unstubAllEnvs();
    }
    // The run's temporary staging space (which held the synced benchmarks) is trashed.
    expect(serve.listSpaces().every((s) => !s.title.startsWith('genie-gitops tmp'))).toBe(true);
  }, 60_000);

  it("genie-eval alone gives a scorecard in our format from Genie's assessments", async () => {
    const result = await scorerCommand({
      root,
      space: 'shop',
      backend: createBackendOpener({ backend: 'databricks', env }),
      scorer: 'genie-eval',
    });
    const card = result.primary;
    expect(result.ours).toBeUndefined();
    expect(card.totals.all).toMatchObject({ passed: 2, answered: 8, errored: 0 });
    const total = card.questions.find((q) => q.id === 'online-total')!;
    expect(total).toMatchObject({ passed: false, category: 'result_mismatch' });
    expect(total.reason).toMatch(/^Genie eval BAD: SINGLE_CELL_DIFFERENCE/);
    expect(total.genieSql).toMatch(/SUM\(s\.amount\)/);
    expect(card.backend).toMatch(/^databricks \(genie-eval [0-9a-f]{32}\)$/);
  }, 60_000);

  it('genie-eval on the local backend says what it needs', async () => {
    await expect(
      scorerCommand({ root, space: 'shop', backend: createBackendOpener({ backend: 'local' }), scorer: 'genie-eval' }),
    ).rejects.toThrow(/needs Genie's eval runs, which the local backend does not have/);
  });
});
