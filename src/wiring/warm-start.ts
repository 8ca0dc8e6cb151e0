/**
 * Whether the action's command will open the embedded warehouse, read from the runner's raw
 * INPUT_* variables before the rest of the code loads. The entry then starts the warehouse's
 * thread (sql.js compiling its WebAssembly) in parallel with loading and parsing: a cold
 * `validate` waits for the slower of the two, not for both. Only a hint: the inputs are still
 * parsed (and rejected when wrong) by inputs.ts; a wrong guess costs one idle thread.
 */
import type { Env } from '../ports.js';

/** Commands that open the embedded warehouse on the local backend. */
const OPENS_LOCAL_WAREHOUSE = new Set(['validate', 'score', 'enhance']);

/** The action's defaults (action.yml): command `score`, backend `local`. */
export function opensLocalWarehouse(env: Env): boolean {
  const command = env.INPUT_COMMAND?.trim() || 'score';
  const backend = env.INPUT_BACKEND?.trim() || 'local';
  return backend === 'local' && OPENS_LOCAL_WAREHOUSE.has(command);
}
