import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  deployCommand
} from "./chunk-E3CFCOR7.js";
import {
  exportCommand
} from "./chunk-7EGXW4TW.js";
import {
  VERIFY_MODES
} from "./chunk-KM6YRFL5.js";
import {
  DEPLOY,
  EXPORT,
  parseCommandArgs
} from "./chunk-HMLRC3T2.js";
import {
  numberOption
} from "./chunk-SIBL6UGT.js";
import "./chunk-OSMUXYUV.js";
import {
  SYNC_BENCHMARK_MODES
} from "./chunk-DJ6MWIOZ.js";
import "./chunk-K7Y7CMMX.js";
import "./chunk-KZD2HRWT.js";
import "./chunk-XQO3YVW2.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-GXJMX2VI.js";
import "./chunk-YRSZRZTN.js";
import "./chunk-TNXXPIVX.js";
import "./chunk-5EWIOULF.js";
import "./chunk-THICYPHM.js";
import "./chunk-HF5AKT2U.js";
import "./chunk-AZP5Q53T.js";
import "./chunk-TO6ASSJM.js";
import "./chunk-C22NKHPE.js";
import {
  parseBackend
} from "./chunk-JUBDQXCT.js";
import "./chunk-4BRCAOTG.js";
import {
  GitCli
} from "./chunk-KXRDL3YZ.js";
import {
  listSpaces
} from "./chunk-VGNGMADH.js";
import "./chunk-CSAISFHI.js";
import {
  ConfigError
} from "./chunk-JJFKRBHB.js";
import "./chunk-C6B32G2J.js";

// src/cli/gitops-commands.ts
import path from "node:path";
async function runDeployCli(args, io) {
  const values = parseCommandArgs(DEPLOY, args);
  const onDrift = values["on-drift"] ?? "fail";
  if (onDrift !== "fail" && onDrift !== "overwrite")
    throw new ConfigError(`--on-drift must be fail or overwrite (got ${onDrift})`, "e.g. --on-drift fail");
  const root = path.resolve(io.cwd, values.root ?? ".");
  const choice = (name, value, allowed) => {
    if (allowed.includes(value)) return value;
    throw new ConfigError(
      `--${name} must be one of ${allowed.join(", ")} (got ${value})`,
      `e.g. --${name} ${allowed[0]}`
    );
  };
  const verify = choice("verify", values.verify ?? "smoke", VERIFY_MODES);
  const sync = choice("sync-benchmarks", values["sync-benchmarks"] ?? "none", SYNC_BENCHMARK_MODES);
  const autoRollback = choice("auto-rollback", values["auto-rollback"] ?? "off", ["off", "push"]);
  if (!values.all && !values.space?.length && !values.before) {
    throw new ConfigError(
      "say what to deploy",
      "pass --space NAME, --all, or --before SHA (deploys the spaces changed in SHA..HEAD)"
    );
  }
  const result = await deployCommand({
    env: process.env,
    root,
    backend: parseBackend(values.backend),
    git: new GitCli({ cwd: root, env: process.env }),
    spaces: values.all ? "all" : values.space,
    before: values.before,
    after: values.after,
    onDrift,
    layout: { bundleTarget: values.target },
    syncBenchmarks: sync,
    verify: {
      mode: verify,
      sampleSize: numberOption(values["verify-sample"], "--verify-sample", { min: 1, integer: true }),
      maxRegression: numberOption(values["max-regression"], "--max-regression", { fraction: true }),
      maxErrored: numberOption(values["max-errored"], "--max-errored", { fraction: true }),
      autoRollback,
      baseBranch: await new GitCli({ cwd: root, env: process.env }).tryCurrentBranch()
    },
    log: (line) => io.err(line)
  });
  io.out(`spaces: ${result.selection}`);
  for (const s of result.spaces) io.out(`${s.status.padEnd(9)} ${s.space}: ${s.message}`);
  return result.ok ? 0 : 1;
}
async function runExportCli(args, io) {
  const values = parseCommandArgs(EXPORT, args);
  const root = path.resolve(io.cwd, values.root ?? ".");
  const layout = { bundleTarget: values.target };
  const spaces = values.all ? listSpaces(root, layout) : values.space ? [values.space] : [];
  if (spaces.length === 0)
    throw new ConfigError("--space is required", "name a folder under spaces/ (with a target.yml), or pass --all");
  for (const space of spaces) {
    const result = await exportCommand({
      root,
      space,
      backend: parseBackend(values.backend),
      layout,
      env: process.env
    });
    io.out(`${result.outcome}: ${result.message}`);
  }
  return 0;
}
export {
  runDeployCli,
  runExportCli
};
