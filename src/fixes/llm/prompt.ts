/**
 * Prompt templates: loading `prompts/<name>.md`, splitting it into system and user sections,
 * `{{name}}` substitution, and fitting the analyst prompt into a character budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GenieGitopsError } from '../../errors.js';
import type { ChatMessage } from '../../ports.js';

export interface PromptTemplate {
  system: string;
  user: string;
}

const SECTION = /^<!--\s*section:\s*(system|user)\s*-->\s*$/gm;

/**
 * The prompts folder: the given one, else the first `prompts/` found walking up from this
 * module (src/fixes/ in development, dist/ when bundled).
 */
export function resolvePromptsDir(promptsDir?: string, file = 'analyst.md'): string {
  if (promptsDir) return resolve(promptsDir);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'prompts');
    if (existsSync(join(candidate, file))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new GenieGitopsError(
    `prompt template ${file} not found`,
    'pass promptsDir, or run from a checkout that has the prompts/ folder',
  );
}

/** Parse a template file: text before the first section marker is a maintainer comment and is dropped. */
export function parsePromptTemplate(source: string, file = 'template'): PromptTemplate {
  const markers = [...source.matchAll(SECTION)];
  const sections: Partial<PromptTemplate> = {};
  markers.forEach((marker, i) => {
    const start = (marker.index ?? 0) + marker[0].length;
    const end = i + 1 < markers.length ? markers[i + 1].index : source.length;
    sections[marker[1] as keyof PromptTemplate] = source.slice(start, end).trim();
  });
  if (!sections.system || !sections.user) {
    throw new GenieGitopsError(
      `${file}: a prompt template needs both "<!-- section: system -->" and "<!-- section: user -->" markers`,
    );
  }
  return { system: sections.system, user: sections.user };
}

export function loadPromptTemplate(name: string, promptsDir?: string): PromptTemplate {
  const file = `${name}.md`;
  const path = join(resolvePromptsDir(promptsDir, file), file);
  if (!existsSync(path)) throw new GenieGitopsError(`prompt template not found: ${path}`);
  return parsePromptTemplate(readFileSync(path, 'utf8'), path);
}

/** Replace `{{name}}` in one pass (inserted values are never re-scanned); a placeholder without a value is an error. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new GenieGitopsError(`prompt template placeholder {{${name}}} has no value`);
    return value;
  });
}

export interface AnalystPromptParts {
  space: string;
  schema: string;
  /** Rendered failure blocks, most important first. */
  failures: string[];
  lessons: string;
  maxFixes: number;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  /** Failures left out to stay within the budget. */
  omittedFailures: number;
  /** Parts cut short to fit (space, schema, lessons). */
  clipped: string[];
  chars: number;
}

/**
 * Render the analyst prompt within `budgetChars`. Lessons, then schema, then space are clipped
 * when they alone crowd the budget; failures are then added whole while they fit (at least
 * one, clipped if need be), with a note naming how many were left out.
 */
export function buildAnalystPrompt(
  template: PromptTemplate,
  parts: AnalystPromptParts,
  budgetChars: number,
): BuiltPrompt {
  const clipped: string[] = [];
  const fixed = { space: parts.space, schema: parts.schema, lessons: parts.lessons };
  const caps: [keyof typeof fixed, number][] = [
    ['lessons', 0.1],
    ['schema', 0.25],
    ['space', 0.35],
  ];
  for (const [key, share] of caps) {
    const cap = Math.floor(budgetChars * share);
    if (fixed[key].length > cap) {
      fixed[key] = `${fixed[key].slice(0, cap)}\n… (${key} truncated to fit the prompt budget)`;
      clipped.push(key);
    }
  }
  const render = (failures: string) => {
    const values = { ...fixed, failures, max_fixes: String(parts.maxFixes) };
    return { system: renderTemplate(template.system, values), user: renderTemplate(template.user, values) };
  };
  const base = render('');
  let room = budgetChars - base.system.length - base.user.length;
  const kept: string[] = [];
  for (const block of parts.failures) {
    const cost = block.length + 2;
    if (cost <= room) {
      kept.push(block);
      room -= cost;
    } else if (kept.length === 0) {
      kept.push(`${block.slice(0, Math.max(200, room - 200))}\n… (failure truncated to fit the prompt budget)`);
      room = 0;
    } else {
      break;
    }
  }
  const omitted = parts.failures.length - kept.length;
  let failuresText = kept.length > 0 ? kept.join('\n\n') : '(no failures)';
  if (omitted > 0)
    failuresText += `\n\n(${omitted} more failing question${omitted === 1 ? '' : 's'} omitted to stay within the prompt budget)`;
  const rendered = render(failuresText);
  return {
    messages: [
      { role: 'system', content: rendered.system },
      { role: 'user', content: rendered.user },
    ],
    omittedFailures: omitted,
    clipped,
    chars: rendered.system.length + rendered.user.length,
  };
}
