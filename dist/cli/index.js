import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  COMMAND_SPECS,
  renderCommandHelp,
  synopsis,
  wantsHelp
} from "../chunks/chunk-EPEBURQV.js";
import "../chunks/chunk-LSOMVX3T.js";
import {
  GenieGitopsError,
  ValidationError,
  formatIssue
} from "../chunks/chunk-IX2IGMNH.js";
import "../chunks/chunk-C6B32G2J.js";

// src/cli/help.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function renderUsage() {
  const width = Math.max(...COMMAND_SPECS.map((s) => s.name.length)) + 2;
  return [
    "usage: genie-gitops <command> [options]",
    "",
    "Keep Databricks AI/BI Genie spaces (Genie agents) as code: score, enhance, deploy and export them from git.",
    "",
    "commands:",
    ...COMMAND_SPECS.map((s) => `  ${s.name.padEnd(width)}${s.summary}`),
    "",
    "usage of each command:",
    ...COMMAND_SPECS.map((s) => `  ${synopsis(s)}`),
    "",
    "Every command takes -h or --help (its options, defaults and an example).",
    "  genie-gitops --version   print the version"
  ].join("\n");
}
var cachedVersion;
function packageVersion() {
  if (cachedVersion) return cachedVersion;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8"));
        if (pkg.name === "genie-gitops" && pkg.version) return cachedVersion = pkg.version;
      } catch {
      }
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}

// src/cli/main.ts
var defaultIo = {
  out: (line) => process.stdout.write(`${line}
`),
  err: (line) => process.stderr.write(`${line}
`),
  cwd: process.cwd()
};
var RUNNERS = {
  validate: async (args, io) => (await import("../chunks/validate-command-7K3APVP5.js")).runValidate(args, io),
  score: async (args, io) => (await import("../chunks/score-command-I7BIPCJA.js")).runScore(args, io),
  enhance: async (args, io) => (await import("../chunks/enhance-command-JKAI6EFH.js")).runEnhance(args, io),
  init: async (args, io) => (await import("../chunks/init-command-HQDKD3JR.js")).runInit(args, io),
  "import-benchmarks": async (args, io) => (await import("../chunks/init-command-HQDKD3JR.js")).runImportBenchmarks(args, io),
  deploy: async (args, io) => (await import("../chunks/gitops-commands-R26Q6JHW.js")).runDeployCli(args, io),
  export: async (args, io) => (await import("../chunks/gitops-commands-R26Q6JHW.js")).runExportCli(args, io),
  lint: async (args, io) => (await import("../chunks/lint-command-HBRTLSZI.js")).runLint(args, io),
  "list-spaces": async (args, io) => (await import("../chunks/lint-command-HBRTLSZI.js")).runListSpaces(args, io),
  serve: async (args, io) => (await import("../chunks/serve-command-VLW4E2CK.js")).runServe(args, io)
};
async function main(argv, io = defaultIo) {
  const [command, ...rest] = argv;
  try {
    if (command === "--version" || command === "-v" || command === "version") {
      io.out(packageVersion());
      return 0;
    }
    if (command === void 0 || command === "help" || command === "--help" || command === "-h") {
      const topic = command === "help" ? COMMAND_SPECS.find((s) => s.name === rest[0]) : void 0;
      io.out(topic ? renderCommandHelp(topic) : renderUsage());
      return command === void 0 ? 1 : 0;
    }
    const run = RUNNERS[command];
    const spec = COMMAND_SPECS.find((s) => s.name === command);
    if (!run || !spec) {
      io.err(`error: unknown command '${command}'`);
      io.err(`hint: the commands are ${COMMAND_SPECS.map((s) => s.name).join(", ")}; run genie-gitops --help`);
      return 1;
    }
    if (wantsHelp(rest)) {
      io.out(renderCommandHelp(spec));
      return 0;
    }
    return await run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}
function reportError(error, io) {
  if (error instanceof ValidationError) {
    for (const issue of error.issues) io.err(`error: ${formatIssue(issue)}`);
    if (error.hint) io.err(`hint: ${error.hint}`);
    return 1;
  }
  if (error instanceof GenieGitopsError) {
    io.err(`error: ${error.message}`);
    if (error.hint) io.err(`hint: ${error.hint}`);
    return 1;
  }
  io.err(`internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  return 2;
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2));
