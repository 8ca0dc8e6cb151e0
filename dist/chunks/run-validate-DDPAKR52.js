import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  annotate
} from "./chunk-UNOROZ26.js";
import {
  validateCommand
} from "./chunk-2CLHHU7S.js";
import "./chunk-THICYPHM.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import {
  setOutput,
  summary
} from "./chunk-DSJGBVOR.js";
import "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  formatIssue
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/action/run-validate.ts
async function runValidate(run) {
  const result = await validateCommand({
    root: run.root,
    space: run.inputs.space,
    execute: true,
    backend: run.backend,
    layout: run.layout
  });
  annotate(result.issues);
  const rows = result.spaces.map(
    (s) => `| ${s.space} | ${s.issues.length === 0 ? "\u2705 valid" : `\u274C ${s.issues.length} problem(s)`} | ${s.benchmarks} | ${s.executed ?? "\u2013"} |`
  );
  const problems = result.issues.map((i) => `- \`${formatIssue(i)}\``);
  await summary.addRaw(
    [
      "## genie-gitops validate",
      "",
      "| space | result | benchmark questions | expected SQL run |",
      "|---|---|---|---:|",
      ...rows,
      "",
      ...problems
    ].join("\n")
  ).write();
  setOutput("valid", String(result.ok));
  setOutput("spaces", JSON.stringify(result.spaces.map((s) => s.space)));
  return result.ok ? {} : { failure: `${result.issues.length} validation problem(s); see the annotations` };
}
export {
  runValidate
};
