import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/gitops/enhancement-labels.ts
var PENDING_LABEL = "genie-gitops: pending";
var DEPLOYED_LABEL = "genie-gitops: deployed";
var LESSONS_RECORDED_LABEL = "genie-gitops: lessons-recorded";
function enhanceBranch(space) {
  return `genie-gitops/enhance/${space}`;
}
function mergedPending(pulls) {
  return pulls.filter((pr) => pr.state === "closed" && pr.merged && pr.labels.includes(PENDING_LABEL));
}
function closedUnrecorded(pulls) {
  return pulls.filter((pr) => pr.state === "closed" && !pr.merged && !pr.labels.includes(LESSONS_RECORDED_LABEL)).sort((a, b) => a.number - b.number);
}
async function relabel(github, pr, change) {
  const add = (change.add ?? []).filter((l) => !pr.labels.includes(l));
  if (add.length > 0) await github.addLabels(pr.number, add);
  for (const label of change.remove ?? []) if (pr.labels.includes(label)) await github.removeLabel(pr.number, label);
}

export {
  PENDING_LABEL,
  DEPLOYED_LABEL,
  LESSONS_RECORDED_LABEL,
  enhanceBranch,
  mergedPending,
  closedUnrecorded,
  relabel
};
