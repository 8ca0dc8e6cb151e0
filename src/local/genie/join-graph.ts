/** Join paths along the space's join specs only (shortest path, breadth first). */
import type { Catalog, JoinEdge, TableInfo } from './catalog.js';

export interface JoinStep { edge: JoinEdge; from: TableInfo; to: TableInfo }

/** Steps joining every table in `needed` to `base`, or the tables that cannot be reached. */
export function joinPath(base: TableInfo, needed: TableInfo[], catalog: Catalog): { steps: JoinStep[]; unreachable: TableInfo[] } {
  const steps: JoinStep[] = [];
  const joined = new Set<TableInfo>([base]);
  const unreachable: TableInfo[] = [];
  for (const target of needed) {
    if (joined.has(target)) continue;
    const path = bfs(joined, target, catalog.joins);
    if (!path) { unreachable.push(target); continue; }
    for (const step of path) {
      if (joined.has(step.to)) continue;
      steps.push(step);
      joined.add(step.to);
    }
  }
  return { steps, unreachable };
}

function bfs(start: Set<TableInfo>, target: TableInfo, edges: JoinEdge[]): JoinStep[] | undefined {
  const prev = new Map<TableInfo, JoinStep | null>();
  const queue: TableInfo[] = [];
  for (const t of start) { prev.set(t, null); queue.push(t); }
  while (queue.length > 0) {
    const current = queue.shift() as TableInfo;
    if (current === target) break;
    for (const edge of edges) {
      const next = edge.left === current ? edge.right : edge.right === current ? edge.left : undefined;
      if (!next || prev.has(next)) continue;
      prev.set(next, { edge, from: current, to: next });
      queue.push(next);
    }
  }
  if (!prev.has(target)) return undefined;
  const path: JoinStep[] = [];
  for (let step = prev.get(target); step; step = prev.get(step.from)) path.unshift(step);
  return path;
}
