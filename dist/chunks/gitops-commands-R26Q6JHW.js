import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  deployCommand
} from "./chunk-4UOFPEOL.js";
import "./chunk-K7Y7CMMX.js";
import {
  exportCommand
} from "./chunk-V5XJSRJD.js";
import "./chunk-EUBBPXGV.js";
import {
  VERIFY_MODES
} from "./chunk-LDAN2STI.js";
import "./chunk-4M7ZRCS6.js";
import "./chunk-KFRJW6DD.js";
import {
  backendOption
} from "./chunk-BLCXI765.js";
import "./chunk-2IJHNQCW.js";
import "./chunk-DTHPFF6N.js";
import "./chunk-I525QUES.js";
import "./chunk-EZP4HJED.js";
import {
  DEPLOY,
  EXPORT,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import {
  numberOption
} from "./chunk-LSOMVX3T.js";
import "./chunk-VDN3VUND.js";
import "./chunk-K7TKUAUP.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-YUT4RWDR.js";
import "./chunk-IGYCMOL5.js";
import "./chunk-M655HBCG.js";
import {
  SYNC_BENCHMARK_MODES
} from "./chunk-NHHR2HFI.js";
import "./chunk-53C2HTLV.js";
import "./chunk-QWGNB65Z.js";
import "./chunk-OBC2LCYV.js";
import "./chunk-MBZJZHDO.js";
import "./chunk-3YQJKESU.js";
import "./chunk-THICYPHM.js";
import "./chunk-PFNWRXII.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import {
  GitCli
} from "./chunk-DM6IOE3Q.js";
import "./chunk-2YFC7YIM.js";
import {
  listSpaces
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  ConfigError
} from "./chunk-IX2IGMNH.js";
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
  const git = new GitCli({ cwd: root, env: process.env });
  const result = await deployCommand({
    root,
    backend: backendOption(values.backend),
    git,
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
      baseBranch: await git.tryCurrentBranch()
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
  const backend = backendOption(values.backend);
  if (spaces.length === 0)
    throw new ConfigError("--space is required", "name a folder under spaces/ (with a target.yml), or pass --all");
  for (const space of spaces) {
    const result = await exportCommand({
      root,
      space,
      backend,
      layout
    });
    io.out(`${result.outcome}: ${result.message}`);
  }
  return 0;
}
export {
  runDeployCli,
  runExportCli
};
