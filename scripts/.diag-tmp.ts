import path from 'node:path';
import { loadBenchmarks } from '../src/benchmarks/loader.js';
import { createLocalGenie } from '../src/local/genie/index.js';
import { openLocalWarehouse } from '../src/local/warehouse.js';
import { readSpaceFile } from '../src/space/space-file.js';
const which = process.argv[2] ?? 'described';
const only = process.argv[3];
const wh = await openLocalWarehouse({ data: 'demo' });
const bm = loadBenchmarks('benchmarks/demo.yml', 'demo').benchmarks;
const space = readSpaceFile(which === 'thin' ? 'spaces/demo/space.json' : 'test/fixtures/demo-described/space.json');
const g = await createLocalGenie(space, wh);
let expTotal = 0, genTotal = 0;
for (const b of bm) {
  if (only && b.id !== only) continue;
  const t0 = performance.now();
  try { await wh.execute(b.sql); } catch (e) { console.log(b.id, 'EXPECTED FAILED', String(e)); }
  const t1 = performance.now();
  const a = await g.answer(b.question);
  const t2 = performance.now();
  expTotal += t1 - t0; genTotal += t2 - t1;
  console.log(`${b.id} exp ${(t1 - t0).toFixed(1)}ms genie ${(t2 - t1).toFixed(1)}ms ${a.status} ${a.error?.message ?? ''}`);
  if (only || process.env.SQL) console.log('  EXPECTED:', b.sql.replace(/\n/g, ' '), '\n  GENIE:', (a.sql ?? a.text ?? '').replace(/\n/g, ' '));
}
console.log('expected total', expTotal.toFixed(0), 'genie total', genTotal.toFixed(0));
