import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/util/retry.ts
function parseRetryAfter(header, now = Date.now()) {
  if (header === null) return void 0;
  const value = header.trim();
  if (value === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1e3);
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function retryDelay(attempt, policy, retryAfterMs, random = Math.random) {
  if (retryAfterMs !== void 0) return Math.min(retryAfterMs, policy.maxDelayMs);
  return backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, random);
}
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function errorFacts(error) {
  if (typeof error !== "object" || error === null) return { retryable: false, rateLimited: false, retryAfterMs: null };
  const e = error;
  const status = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : null;
  const rateLimited = status === 429 || typeof e.code === "string" && e.code.startsWith("RATE_LIMIT");
  const retryable = e.retryable === true || rateLimited || status !== null && status >= 500 && status <= 599;
  const retryAfterMs = typeof e.retryAfterMs === "number" && Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0 ? e.retryAfterMs : null;
  return { retryable: retryable && e.retryable !== false, rateLimited, retryAfterMs };
}
function isRetryable(error) {
  return errorFacts(error).retryable;
}
function backoffDelay(attempt, backoffMs, maxDelayMs = 6e4, random = Math.random) {
  const ceiling = Math.min(maxDelayMs, backoffMs * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
async function withRetry(fn, options) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const facts = errorFacts(error);
      if (!facts.retryable || attempt >= options.retries || options.signal?.aborted) throw error;
      const delayMs = facts.retryAfterMs ?? backoffDelay(attempt, options.backoffMs, options.maxDelayMs, options.random);
      if (options.canRetry && !options.canRetry(delayMs)) throw error;
      options.onRetry?.({ attempt, delayMs, error, rateLimited: facts.rateLimited });
      await options.sleep(delayMs);
    }
  }
}

export {
  parseRetryAfter,
  retryDelay,
  sleep,
  errorFacts,
  isRetryable,
  backoffDelay,
  withRetry
};
