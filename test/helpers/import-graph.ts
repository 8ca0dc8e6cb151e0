/**
 * The import graph of src/ (and scripts/), read with the TypeScript compiler's own pre-processor:
 * which file imports which, which folder ("room") imports which, and the cycles of both. The
 * code-shape test holds the layout to it, so a new cycle or an upward import fails a test.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Path from the project root, forward slashes (src/commands/score.ts). */
  file: string;
  text: string;
  /** Project files this one imports (static and dynamic imports, re-exports, `import type` included). */
  imports: string[];
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listTs(full));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export function readSources(root: string, folders: readonly string[] = ['src', 'scripts']): SourceFile[] {
  const files = folders.flatMap((f) => listTs(path.join(root, f)));
  const known = new Set(files.map((f) => path.relative(root, f).split(path.sep).join('/')));
  return files.map((full) => {
    const file = path.relative(root, full).split(path.sep).join('/');
    const text = readFileSync(full, 'utf8');
    const imports = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts'))
      .filter((target) => known.has(target));
    return { file, text, imports: [...new Set(imports)] };
  });
}

/** The room a file belongs to: a top-level folder of src/ (src/commands), a top-level file (src/ports.ts), or scripts. */
export function roomOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src') return parts[0];
  return parts.length > 2 ? `src/${parts[1]}` : file;
}

/** Strongly connected components with more than one node (Tarjan): each is an import cycle. */
export function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!indexOf.has(v)) visit(v);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

export function fileEdges(sources: readonly SourceFile[]): Map<string, Set<string>> {
  return new Map(sources.map((s) => [s.file, new Set(s.imports)]));
}

/** Functions (declarations, methods, arrows, expressions) longer than `limit` lines, as file:line name. */
export function longFunctions(source: SourceFile, limit: number): string[] {
  const sf = ts.createSourceFile(source.file, source.text, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.end).line;
      if (end - start + 1 > limit) out.push(`${source.file} ${functionName(node, sf)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function functionName(node: ts.Node, sf: ts.SourceFile): string {
  const named = (node as { name?: ts.Node }).name;
  if (named) return named.getText(sf);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText(sf);
  return '(anonymous)';
}

export function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
