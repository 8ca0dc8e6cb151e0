import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  lintCommand,
  lintFailures,
  renderLintMarkdown
} from "./chunk-BHBGXAJQ.js";
import "./chunk-XK4MYMYO.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-YUT4RWDR.js";
import "./chunk-PXHFY66S.js";
import "./chunk-EF4L5O5C.js";
import "./chunk-PFNWRXII.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import {
  error,
  notice,
  setOutput,
  summary,
  warning
} from "./chunk-DSJGBVOR.js";
import "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/action/run-lint.ts
var ANNOTATIONS_PER_FILE = 10;
function annotateLint(result) {
  for (const space of result.spaces) {
    const all = [
      ...space.issues.map((i) => ({
        severity: "error",
        title: "genie-gitops lint",
        line: i.line,
        text: `${i.path}: ${i.message}`
      })),
      ...space.findings.map((f) => ({
        severity: f.severity,
        title: `genie-gitops lint [${f.check}]`,
        line: f.line,
        text: `${f.path}: ${f.message}. Fix: ${f.fix}`
      }))
    ];
    for (const a of all.slice(0, ANNOTATIONS_PER_FILE)) {
      const properties = { title: a.title, file: space.file, startLine: a.line };
      if (a.severity === "error") error(a.text, properties);
      else if (a.severity === "warning") warning(a.text, properties);
      else notice(a.text, properties);
    }
    if (all.length > ANNOTATIONS_PER_FILE)
      notice(
        `${all.length - ANNOTATIONS_PER_FILE} more lint finding(s) in ${space.file}: see the job summary (annotations are capped at ${ANNOTATIONS_PER_FILE} per file)`,
        { title: "genie-gitops lint", file: space.file }
      );
  }
}
async function runLint(run) {
  const spaces = run.inputs.all ? void 0 : run.inputs.space ? [run.inputs.space] : void 0;
  const result = await lintCommand({ root: run.root, spaces, layout: run.layout });
  if (result.spaces.length === 0)
    return { failure: "no space found: create spaces/<name>/space.json or declare genie_spaces in databricks.yml" };
  annotateLint(result);
  for (const note of result.notes) warning(note);
  await summary.addRaw(renderLintMarkdown(result)).write();
  const scores = result.spaces.filter((s) => s.quality).map((s) => s.quality.score);
  setOutput("quality", scores.length ? Math.min(...scores).toFixed(1) : "0");
  setOutput(
    "qualities",
    JSON.stringify(Object.fromEntries(result.spaces.map((s) => [s.space, s.quality?.score ?? null])))
  );
  setOutput("findings", String(result.spaces.reduce((n, s) => n + s.findings.length + s.issues.length, 0)));
  setOutput("spaces", JSON.stringify(result.spaces.map((s) => s.space)));
  const failures = lintFailures(result, run.inputs.minQuality, "min-quality");
  return failures.length ? { failure: failures.join("; ") } : {};
}
export {
  ANNOTATIONS_PER_FILE,
  annotateLint,
  runLint
};
