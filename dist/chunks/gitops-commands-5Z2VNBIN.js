import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  deployCommand
} from "./chunk-BRJHTD6L.js";
import {
  exportCommand
} from "./chunk-EZOAWCRU.js";
import {
  VERIFY_MODES
} from "./chunk-C5WQ4U7A.js";
import {
  createBackendOpener,
  parseBackend
} from "./chunk-6NUU62MQ.js";
import "./chunk-HVV74R4J.js";
import "./chunk-EZP4HJED.js";
import {
  DEPLOY,
  EXPORT,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import {
  numberOption
} from "./chunk-LSOMVX3T.js";
import "./chunk-3443OS2J.js";
import "./chunk-PCSHFWB7.js";
import {
  SYNC_BENCHMARK_MODES
} from "./chunk-DJ6MWIOZ.js";
import "./chunk-K7Y7CMMX.js";
import "./chunk-4M7ZRCS6.js";
import "./chunk-YVJ3JIWB.js";
import "./chunk-EHVKGPEZ.js";
import "./chunk-I525QUES.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-UVXPPNWU.js";
import "./chunk-SEDCU7OP.js";
import "./chunk-CQEPQ6KE.js";
import "./chunk-BW4AWTUS.js";
import "./chunk-3B4C4VZZ.js";
import "./chunk-LDMAKOZE.js";
import "./chunk-HEP3S6NT.js";
import "./chunk-THICYPHM.js";
import "./chunk-JGOCHXVT.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-EFNUJ345.js";
import "./chunk-BK7TUYVM.js";
import "./chunk-3AWU6MYT.js";
import "./chunk-BNNOTYHF.js";
import {
  GitCli
} from "./chunk-IPCHUKOB.js";
import "./chunk-2YFC7YIM.js";
import {
  listSpaces
} from "./chunk-3MUARM3J.js";
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
  const result = await deployCommand({
    root,
    backend: createBackendOpener({ backend: parseBackend(values.backend), env: process.env }),
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
  const backend = createBackendOpener({ backend: parseBackend(values.backend), env: process.env });
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
