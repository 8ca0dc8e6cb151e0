import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  backoffDelay,
  sleep
} from "./chunk-2YFC7YIM.js";
import {
  SpaceSchema,
  parseSpaceText,
  serializeSpace
} from "./chunk-XWFLS6EG.js";
import {
  GenieGitopsError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/commands/deploy-apply.ts
function liveSpaceOf(stored, label) {
  if (typeof stored.serializedSpace === "string") return parseSpaceText(stored.serializedSpace, label);
  return SpaceSchema.parse(stored.serializedSpace);
}
function liveText(stored, label) {
  return serializeSpace(liveSpaceOf(stored, label));
}
function mayHaveApplied(error) {
  const e = error;
  const status = typeof e.status === "number" ? e.status : void 0;
  return e.retryable === true || status === 0 || status === 409 || status !== void 0 && status >= 500;
}
async function applyConfig(store, spaceId, space, config, etag, options) {
  try {
    await store.update(spaceId, space, { etag });
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    if (await readsBack(store, spaceId, config, options))
      return ` (the update answered "${messageOf(error)}", but reading back shows the new config: it was applied)`;
    if (error.status === 409)
      throw new GenieGitopsError(
        `live space ${spaceId} changed while deploying (etag mismatch): someone edited it between the read and the update; it was left as it is`,
        "re-run deploy: the drift guard then checks the edit"
      );
    throw error;
  }
  await verify(store, spaceId, config, options);
  return "";
}
async function readsBack(store, spaceId, config, options) {
  const attempts = options.verifyAttempts ?? 5;
  for (let i = 0; i < attempts; i++) {
    if (liveText(await store.get(spaceId), `live space ${spaceId}`) === config) return true;
    if (i < attempts - 1) await sleep(backoffDelay(i, options.verifyDelayMs ?? 1e3));
  }
  return false;
}
async function verify(store, spaceId, config, options) {
  if (await readsBack(store, spaceId, config, options)) return;
  throw new GenieGitopsError(
    `live space ${spaceId} does not equal the deployed config after ${options.verifyAttempts ?? 5} read(s)`,
    "check the space in the Genie UI and re-run deploy"
  );
}

export {
  liveSpaceOf,
  applyConfig
};
