/**
 * Work that must happen even when the run is interrupted (Ctrl-C, or GitHub cancelling a job,
 * which sends SIGINT then SIGTERM): e.g. trashing a temporary Genie space. The signal
 * handlers exist only while some cleanup is registered, so a process with nothing to clean up
 * keeps Node's default behaviour; once the cleanups ran (or timed out), the signal is raised
 * again with the handlers gone, so the process ends the way it would have.
 */

type Cleanup = () => Promise<void>;

const pending = new Set<Cleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** GitHub gives a cancelled step about 7.5 s between SIGINT and SIGTERM; stay well inside it. */
const CLEANUP_TIMEOUT_MS = 5_000;

function onSignal(signal: NodeJS.Signals): void {
  uninstall();
  void runCleanups().finally(() => process.kill(process.pid, signal));
}

function install(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Registers a cleanup to run on SIGINT/SIGTERM; the returned function unregisters it (call it once done). */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (pending.size === 0) install();
  pending.add(cleanup);
  return () => {
    if (pending.delete(cleanup) && pending.size === 0) uninstall();
  };
}

/** Runs every registered cleanup once, in parallel, bounded in time; failures are swallowed (best effort). */
export async function runCleanups(timeoutMs = CLEANUP_TIMEOUT_MS): Promise<void> {
  const all = [...pending];
  pending.clear();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled(all.map((cleanup) => cleanup())), timeout]);
  clearTimeout(timer);
}
