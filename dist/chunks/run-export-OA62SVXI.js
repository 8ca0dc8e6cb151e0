import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  exportCommand
} from "./chunk-V5XJSRJD.js";
import "./chunk-EUBBPXGV.js";
import "./chunk-4M7ZRCS6.js";
import "./chunk-NHHR2HFI.js";
import "./chunk-3YQJKESU.js";
import {
  group,
  requireGitHub,
  selectedSpaces
} from "./chunk-KMOKAQYL.js";
import "./chunk-DM6IOE3Q.js";
import "./chunk-QBJZ53VK.js";
import "./chunk-2YFC7YIM.js";
import {
  setOutput,
  summary
} from "./chunk-DSJGBVOR.js";
import "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  messageOf
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/action/run-export.ts
async function runExport(run) {
  const github = requireGitHub(run, "export");
  const results = [];
  const failures = [];
  for (const space of selectedSpaces(run, "export")) {
    try {
      results.push(
        await group(
          `export ${space}`,
          () => exportCommand({
            root: run.root,
            layout: run.layout,
            space,
            backend: run.backend,
            git: run.git,
            github,
            baseBranch: run.inputs.baseBranch ?? run.context.defaultBranch
          })
        )
      );
    } catch (error) {
      failures.push(`${space}: ${messageOf(error)}`);
    }
  }
  const rows = results.map(
    (r) => `| ${r.space} | ${r.outcome} | ${r.pr ? `[#${r.pr.number}](${r.pr.url})` : "\u2013"} | ${r.message.replace(/\|/g, "\\|")} |`
  );
  await summary.addRaw(
    ["## genie-gitops export", "", "| space | result | PR | details |", "|---|---|---|---|", ...rows, ""].join("\n")
  ).write();
  const single = results.length === 1 ? results[0] : void 0;
  if (single) {
    setOutput("outcome", single.outcome);
    setOutput("changed", String(single.outcome !== "unchanged"));
    if (single.pr) {
      setOutput("pr-number", String(single.pr.number));
      setOutput("pr-url", single.pr.url);
    }
  }
  setOutput(
    "results",
    JSON.stringify(results.map((r) => ({ space: r.space, outcome: r.outcome, pr: r.pr?.number ?? null })))
  );
  return failures.length ? { failure: failures.join("; ") } : {};
}
export {
  runExport
};
