import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/benchmarks/genie-benchmarks.ts
import { createHash } from "node:crypto";
var SYNC_BENCHMARK_MODES = ["none", "train", "all"];
var HEX32 = /^[0-9a-f]{32}$/;
function genieQuestionId(id) {
  if (HEX32.test(id)) return id;
  return createHash("sha256").update(`genie-gitops benchmark\0${id}`, "utf8").digest("hex").slice(0, 32);
}
function toPieces(text) {
  return text.split(/(?<=\n)/);
}
function toGenieQuestions(benchmarks, mode) {
  if (mode === "none") return [];
  return benchmarks.filter((b) => mode === "all" || b.split === "train").map((b) => ({
    id: genieQuestionId(b.id),
    question: toPieces(b.question),
    answer: [{ format: "SQL", content: toPieces(b.sql) }]
  })).sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function withSyncedBenchmarks(space, benchmarks, mode) {
  if (mode === "none") return space;
  const copy = structuredClone(space);
  copy.benchmarks = { ...copy.benchmarks ?? {}, questions: toGenieQuestions(benchmarks, mode) };
  return copy;
}
function readGenieQuestions(space) {
  return (space.benchmarks?.questions ?? []).map((q) => {
    const sqlAnswer = (q.answer ?? []).find((a) => a.format.toUpperCase() === "SQL");
    return {
      id: q.id,
      question: q.question.join("").trim(),
      ...sqlAnswer ? { sql: sqlAnswer.content.join("").trim() } : {}
    };
  });
}
function withoutBenchmarks(space) {
  if (!space.benchmarks) return space;
  const copy = structuredClone(space);
  const rest = { ...copy.benchmarks };
  delete rest.questions;
  if (Object.keys(rest).length === 0) delete copy.benchmarks;
  else copy.benchmarks = rest;
  return copy;
}

export {
  SYNC_BENCHMARK_MODES,
  genieQuestionId,
  withSyncedBenchmarks,
  readGenieQuestions,
  withoutBenchmarks
};
