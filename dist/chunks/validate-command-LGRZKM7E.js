import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  VALIDATE,
  dataOf,
  parseCommandArgs
} from "./chunk-HMLRC3T2.js";
import "./chunk-SIBL6UGT.js";
import {
  validateCommand
} from "./chunk-HFRKQ535.js";
import "./chunk-THICYPHM.js";
import "./chunk-TO6ASSJM.js";
import "./chunk-C22NKHPE.js";
import {
  parseBackend
} from "./chunk-JUBDQXCT.js";
import "./chunk-4BRCAOTG.js";
import "./chunk-VGNGMADH.js";
import "./chunk-CSAISFHI.js";
import {
  formatIssue
} from "./chunk-JJFKRBHB.js";
import "./chunk-C6B32G2J.js";

// src/cli/validate-command.ts
import path from "node:path";
async function runValidate(args, io) {
  const values = parseCommandArgs(VALIDATE, args);
  const result = await validateCommand({
    env: process.env,
    layout: { bundleTarget: values.target },
    dataFile: dataOf(values.data, io),
    root: path.resolve(io.cwd, values.root ?? "."),
    space: values.space,
    execute: values.execute ?? false,
    backend: parseBackend(values.backend)
  });
  for (const issue of result.issues) io.err(`error: ${formatIssue(issue)}`);
  for (const space of result.spaces) {
    const executed = space.executed !== void 0 ? `, ${space.executed} expected SQL statements run` : space.notExecuted ? `, expected SQL not run: ${space.notExecuted}` : "";
    io.out(
      `${space.issues.length === 0 ? "ok" : "invalid"}: ${space.space} (${space.benchmarks} benchmark questions${executed}, ${space.issues.length} problem${space.issues.length === 1 ? "" : "s"})`
    );
  }
  return result.ok ? 0 : 1;
}
export {
  runValidate
};
