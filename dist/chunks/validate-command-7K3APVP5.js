import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  backendOption
} from "./chunk-BLCXI765.js";
import "./chunk-2IJHNQCW.js";
import "./chunk-DTHPFF6N.js";
import "./chunk-I525QUES.js";
import "./chunk-EZP4HJED.js";
import {
  VALIDATE,
  dataOf,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import "./chunk-LSOMVX3T.js";
import "./chunk-VDN3VUND.js";
import "./chunk-K7TKUAUP.js";
import {
  validateCommand
} from "./chunk-2CLHHU7S.js";
import "./chunk-YUT4RWDR.js";
import "./chunk-MBZJZHDO.js";
import "./chunk-3YQJKESU.js";
import "./chunk-THICYPHM.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import "./chunk-2YFC7YIM.js";
import "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  formatIssue
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/cli/validate-command.ts
import path from "node:path";
async function runValidate(args, io) {
  const values = parseCommandArgs(VALIDATE, args);
  const result = await validateCommand({
    layout: { bundleTarget: values.target },
    dataFile: dataOf(values.data, io),
    root: path.resolve(io.cwd, values.root ?? "."),
    space: values.space,
    execute: values.execute ?? false,
    backend: backendOption(values.backend)
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
