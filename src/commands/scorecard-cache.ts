/**
 * Scorecards kept by (space, config hash, benchmark hash, backend), so the PR check reuses the
 * base branch's card instead of asking every question again. A card is only reused when both
 * hashes match: any change to the config or the benchmarks means a fresh score.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScorecard, type Scorecard } from '../scoring/scorecard.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export function defaultCacheDir(root: string): string {
  return path.join(root, '.genie-gitops', 'cache', 'scorecards');
}

function cacheFile(dir: string, space: string, configHash: string, benchmarksHash: string, backend: string): string {
  return path.join(dir, space, `${backend}-${configHash.slice(0, 20)}-${benchmarksHash.slice(0, 20)}.json`);
}

export function readCachedScorecard(
  dir: string,
  key: { space: string; configHash: string; benchmarksHash: string; backend: string },
): Scorecard | undefined {
  const file = cacheFile(dir, key.space, key.configHash, key.benchmarksHash, key.backend);
  if (!existsSync(file)) return undefined;
  try {
    const card = parseScorecard(JSON.parse(readFileSync(file, 'utf8')));
    // The file name is a prefix; the card itself must carry the full hashes.
    return card.configHash === key.configHash &&
      card.benchmarksHash === key.benchmarksHash &&
      card.backend === key.backend
      ? card
      : undefined;
  } catch {
    return undefined; // a damaged cache entry is just a miss
  }
}

export function writeCachedScorecard(dir: string, card: Scorecard): void {
  writeFileAtomic(
    cacheFile(dir, card.space, card.configHash, card.benchmarksHash, card.backend),
    `${JSON.stringify(card)}\n`,
  );
}
