/**
 * Genie reports which instructions it used (THOUGHT_TYPE_INSTRUCTIONS). When a failing answer
 * used a snippet whose SQL the expected query does not contain, that snippet probably matches
 * too broadly. No fix type removes or renames a snippet, so this becomes a note for reviewers
 * (and for the llm analyst, which reads notes through lessons).
 */
import { joinText, type Space } from '../../space/schema.js';
import type { FailureEvidence } from '../analyst.js';
import { normalizeSnippetSql } from './config.js';

interface Instruction {
  kind: string;
  name: string;
  sql: string;
}

function instructionsById(space: Space): Map<string, Instruction> {
  const byId = new Map<string, Instruction>();
  const snippets = space.instructions?.sql_snippets;
  const lists: [string, { id: string; sql: string[]; display_name?: string }[] | undefined][] = [
    ['measure', snippets?.measures],
    ['filter', snippets?.filters],
    ['expression', snippets?.expressions],
  ];
  for (const [kind, list] of lists) {
    for (const item of list ?? [])
      byId.set(item.id, { kind, name: item.display_name ?? item.id, sql: joinText(item.sql) });
  }
  return byId;
}

/** SQL compared without table qualifiers, quoting, case or spacing. */
function bare(sql: string): string {
  return normalizeSnippetSql(sql).replace(/\b[\p{L}_][\p{L}\p{N}_]*\./gu, '');
}

export function misleadingInstructionNotes(space: Space, failures: readonly FailureEvidence[]): string[] {
  const byId = instructionsById(space);
  const notes: string[] = [];
  for (const failure of failures) {
    const expected = bare(failure.expectedSql);
    for (const id of failure.instructionsUsed ?? []) {
      const used = byId.get(id);
      if (!used || expected.includes(bare(used.sql))) continue;
      notes.push(
        `${failure.id}: Genie used the ${used.kind} "${used.name}" (${used.sql.trim()}), which the expected SQL does not compute; it may match too broadly`,
      );
    }
  }
  return notes;
}
