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
  LINT,
  LIST_SPACES,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import {
  numberOption
} from "./chunk-LSOMVX3T.js";
import "./chunk-VDN3VUND.js";
import "./chunk-K7TKUAUP.js";
import {
  lintCommand,
  lintFailures,
  renderLintMarkdown
} from "./chunk-BHBGXAJQ.js";
import "./chunk-XK4MYMYO.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-YUT4RWDR.js";
import "./chunk-MBZJZHDO.js";
import "./chunk-3YQJKESU.js";
import {
  listChecks
} from "./chunk-PXHFY66S.js";
import "./chunk-EF4L5O5C.js";
import {
  CATEGORIES
} from "./chunk-PFNWRXII.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import "./chunk-2YFC7YIM.js";
import {
  listSpaceEntries,
  writeFileAtomic
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  GenieGitopsError
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/cli/lint-command.ts
import path from "node:path";
function where(space, line) {
  return `${space.file}${line ? `:${line}` : ""}`;
}
function printSpace(space, io, quiet) {
  for (const issue of space.issues) io.out(`${where(space, issue.line)}: error ${issue.path}: ${issue.message}`);
  if (!quiet)
    for (const f of space.findings)
      io.out(`${where(space, f.line)}: ${f.severity} [${f.check}] ${f.path}: ${f.message} (fix: ${f.fix})`);
  for (const a of space.fix?.applied ?? []) io.out(`fixed [${a.check}] ${a.path}: ${a.description}`);
  for (const s of space.fix?.skipped ?? []) io.out(`not fixed [${s.check}] ${s.path}: ${s.description}`);
  const q = space.quality;
  if (!q) {
    io.out(`${space.space}: not linted (${space.issues.length} problem(s) above; run validate)`);
    return;
  }
  const parts = CATEGORIES.map((c) => `${c} ${q.categories[c].score.toFixed(0)}`).join(", ");
  io.out(
    `${space.space}: quality ${q.score.toFixed(1)}/100 (${parts}); ${q.findings.error} error(s), ${q.findings.warning} warning(s), ${q.findings.info} info`
  );
}
async function runLint(args, io) {
  const values = parseCommandArgs(LINT, args);
  if (values["list-checks"]) {
    for (const line of listChecks()) io.out(line);
    return 0;
  }
  if (values.all && values.space?.length)
    throw new GenieGitopsError("--space and --all exclude each other", "pass --space NAME or --all (the default)");
  const minQuality = numberOption(values["min-quality"], "--min-quality", { min: 0, max: 100 });
  const root = path.resolve(io.cwd, values.root ?? ".");
  const result = await lintCommand({
    root,
    spaces: values.space,
    layout: { bundleTarget: values.target },
    warehouse: values.warehouse ? backendOption(values.backend) : void 0,
    fix: values.fix
  });
  if (result.spaces.length === 0)
    throw new GenieGitopsError(
      "no space found",
      "create spaces/<name>/space.json or declare genie_spaces in databricks.yml"
    );
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(result, null, 2)}
`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), renderLintMarkdown(result));
  for (const note of result.notes) io.err(`note: ${note}`);
  for (const space of result.spaces) printSpace(space, io, values.quiet ?? false);
  const failures = lintFailures(result, minQuality);
  for (const failure of failures) io.err(`error: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}
function runListSpaces(args, io) {
  const values = parseCommandArgs(LIST_SPACES, args);
  const entries = listSpaceEntries(path.resolve(io.cwd, values.root ?? "."), { bundleTarget: values.target });
  if (values.json) io.out(JSON.stringify(entries.map((e) => e.name)));
  else
    for (const e of entries)
      io.out(`${e.name}	${e.configPath}	${e.source === "bundle" ? `bundle ${e.bundle?.file}` : "folder"}`);
  return 0;
}
export {
  runLint,
  runListSpaces
};
