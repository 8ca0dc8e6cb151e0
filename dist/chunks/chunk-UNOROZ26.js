import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  error
} from "./chunk-DSJGBVOR.js";

// src/action/annotate.ts
function annotate(issues) {
  for (const issue of issues) {
    error(`${issue.path}: ${issue.message}`, {
      title: "genie-gitops validate",
      file: issue.file,
      startLine: issue.line
    });
  }
}

export {
  annotate
};
