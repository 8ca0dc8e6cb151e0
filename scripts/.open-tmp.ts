import { openLocalWarehouse } from '../src/local/warehouse.js';
import { loadSqlJs } from '../src/local/sqljs-loader.js';
const t0 = performance.now(); await loadSqlJs(); const t1 = performance.now();
await openLocalWarehouse({ data: 'demo' }); const t2 = performance.now();
console.log('sqljs', (t1-t0).toFixed(0), 'open', (t2-t1).toFixed(0));
