import { describe, expect, it } from 'vitest';
import { canonicalizeSpace } from '../../src/space/canonical.js';
import { checkInvariants } from '../../src/space/invariants.js';
import { SpaceSchema } from '../../src/space/schema.js';
import { bareSpace, v1Space, v2Space, WAREHOUSE } from './fixture-space.js';

describe('fix test fixtures', () => {
  it.each([
    ['v2', v2Space],
    ['bare', bareSpace],
    ['v1', v1Space],
  ])('%s space is valid and canonical', (_name, make) => {
    const space = make();
    expect(SpaceSchema.safeParse(space).success).toBe(true);
    expect(checkInvariants(space, { file: 'space.json', warehouseSchema: WAREHOUSE })).toEqual([]);
    expect(JSON.stringify(canonicalizeSpace(space))).toBe(JSON.stringify(space));
  });
});
