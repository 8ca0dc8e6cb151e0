/** The action's entry: starts the embedded warehouse's thread early when the command needs it, then runs. */
import { sqliteHost } from '../local/sqlite-host.js';
import { opensLocalWarehouse } from '../wiring/warm-start.js';

// A failure to start is reported when the command opens the warehouse, not here.
if (opensLocalWarehouse(process.env))
  sqliteHost()
    .start()
    .catch(() => undefined);

const { run } = await import('./main.js');
await run();
