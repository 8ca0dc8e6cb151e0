import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/databricks/secrets.ts
var SecretScrubber = class {
  /** `onSecret`: told of every secret learned, including OAuth tokens fetched at run time. */
  constructor(onSecret) {
    this.onSecret = onSecret;
  }
  onSecret;
  values = /* @__PURE__ */ new Set();
  add(value) {
    if (!value || value.length < 6 || this.values.has(value)) return;
    this.values.add(value);
    this.onSecret?.(value);
  }
  scrub(text) {
    let out = text;
    for (const value of this.values) out = out.split(value).join("***");
    return out;
  }
};

export {
  SecretScrubber
};
