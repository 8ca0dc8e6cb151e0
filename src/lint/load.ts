/**
 * Reading a space file for lint. Unlike the other commands, lint keeps going when the only problem is
 * a missing or malformed id: it repairs the ids in memory (reported as `id-invalid`, with the patch
 * operations `--fix` writes) and lints the rest. Any other schema problem is reported as
 * `config-invalid` and nothing else is checked.
 */
import type { Operation } from 'fast-json-patch';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { newId } from '../fixes/compile/new-id.js';
import { pointer } from '../fixes/compile/patch-ops.js';
import { formatPath } from '../space/json-path.js';
import { SpaceSchema, type Space } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import type { Finding } from './types.js';

export interface LintLoad {
  /** Undefined when the file cannot be linted (see `issues`). */
  space?: Space;
  /** Operations that repaired ids, against the file as written. */
  repairs: Operation[];
  /** Findings about the repairs. */
  findings: Finding[];
  /** Problems that stop lint: invalid JSON or a schema error other than ids. */
  issues: ValidationIssue[];
}

const ID = /^[0-9a-f]{32}$/;
const ID_LISTS: string[][] = [
  ['config', 'sample_questions'],
  ['instructions', 'text_instructions'],
  ['instructions', 'example_question_sqls'],
  ['instructions', 'sql_functions'],
  ['instructions', 'join_specs'],
  ['instructions', 'sql_snippets', 'filters'],
  ['instructions', 'sql_snippets', 'expressions'],
  ['instructions', 'sql_snippets', 'measures'],
  ['benchmarks', 'questions'],
];

function at(document: unknown, segments: readonly string[]): unknown {
  let node = document;
  for (const s of segments)
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined;
  return node;
}

/** A UUID with dashes or capitals is the same id written another way; anything else gets a new id. */
function repairedId(document: unknown, value: unknown, seed: string): string {
  if (typeof value === 'string') {
    const compact = value.replace(/-/g, '').toLowerCase();
    if (ID.test(compact)) return compact;
  }
  return newId(document, seed);
}

/** Repairs missing or malformed ids in place; returns the operations and findings. */
export function repairIds(document: unknown): { ops: Operation[]; findings: Finding[] } {
  const ops: Operation[] = [];
  const findings: Finding[] = [];
  for (const segments of ID_LISTS) {
    const list = at(document, segments);
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, index) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
      const record = item as Record<string, unknown>;
      if (typeof record.id === 'string' && ID.test(record.id)) return;
      const path = [...segments, String(index), 'id'];
      const id = repairedId(document, record.id, `lint-id:${path.join('/')}`);
      ops.push({ op: record.id === undefined ? 'add' : 'replace', path: pointer(path), value: id });
      findings.push({
        check: 'id-invalid',
        severity: 'error',
        category: 'limits',
        path: formatPath([...segments, index, 'id']),
        message:
          record.id === undefined
            ? 'the item has no id: Genie needs a 32-hex id on every item of this list'
            : `id ${JSON.stringify(record.id)} is not 32 lowercase hex characters`,
        fix: `run \`genie-gitops lint --fix\` to set it to ${id}`,
      });
      record.id = id;
    });
  }
  return { ops, findings };
}

export function loadForLint(text: string, file: string): LintLoad {
  try {
    return { space: parseSpaceText(text, file), repairs: [], findings: [], issues: [] };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { repairs: [], findings: [], issues: error.issues };
    }
    const { ops, findings } = repairIds(data);
    const parsed = ops.length > 0 ? SpaceSchema.safeParse(data) : undefined;
    if (parsed?.success) return { space: parsed.data, repairs: ops, findings, issues: [] };
    return { repairs: [], findings: [], issues: error.issues };
  }
}
