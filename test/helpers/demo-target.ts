import type { Target } from '../../src/space/target.js';

/** The demo space's target, as spaces/demo/target.yml declares it: the generated demo data. */
export const DEMO_TARGET: Target = {
  title: 'Community analytics (demo)',
  liveSpaceId: '6e97962f94ee5d2af582125013aecf67',
  stagingSpaceId: '5cd2bcd2c18a2712b733e9681fdf7bfc',
  warehouseId: 'local-demo',
  local: { data: 'demo', asOf: '2026-11-01' },
};
