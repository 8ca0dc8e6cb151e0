/**
 * Join paths along the space's join specs only (shortest path, breadth first).
 *
 * Fan-out traps: from the FROM table, a step to the "one" side of a many-to-one
 * (`up`) never multiplies rows; a step to the "many" side (`down`) does. Rows stay
 * countable as long as every down step extends one chain starting at the FROM table
 * (channels -> messages -> reactions). A down step after an up step (messages ->
 * channels <- daily_channel_stats), or a second down branch, joins two tables that are
 * both on the many side: every row of one pairs with every row of the other (a chasm),
 * aggregates are wrong and the join can run for minutes. Paths avoid that when another
 * path exists; otherwise the result says so (`chasm`), and the engine asks instead.
 */
import type { Catalog, JoinEdge, TableInfo } from './catalog.js';

export interface JoinStep {
  edge: JoinEdge;
  from: TableInfo;
  to: TableInfo;
}

export interface JoinPlan {
  steps: JoinStep[];
  unreachable: TableInfo[];
  /** Tables reached only by joining two many sides together. */
  chasm: TableInfo[];
}

/** Whether stepping from `from` to `to` along `edge` goes to the many side (rows multiply). */
export function isFanOut(edge: JoinEdge, from: TableInfo, to: TableInfo): boolean {
  const forward = edge.left === from;
  const rel = edge.relationship;
  if (rel === 'ONE_TO_ONE') return false;
  if (rel === 'MANY_TO_MANY') return true;
  if (rel === 'MANY_TO_ONE') return !forward;
  if (rel === 'ONE_TO_MANY') return forward;
  // No marker: the side joined on its own key is the one side.
  const toColumn = forward ? edge.rightColumn : edge.leftColumn;
  return to.key?.name !== toColumn;
}

/** Steps joining every table in `needed` to `base`, the tables that cannot be reached, and chasm joins. */
export function joinPath(base: TableInfo, needed: TableInfo[], catalog: Catalog): JoinPlan {
  const steps: JoinStep[] = [];
  const joined = new Set<TableInfo>([base]);
  // The end of the single chain of down steps from the base; only it may step down again.
  let chainEnd = base;
  const unreachable: TableInfo[] = [];
  const chasm: TableInfo[] = [];
  for (const target of needed) {
    if (joined.has(target)) continue;
    let path = search(joined, chainEnd, target, catalog.joins, true);
    if (!path) {
      path = search(joined, chainEnd, target, catalog.joins, false);
      if (path) chasm.push(target);
    }
    if (!path) {
      unreachable.push(target);
      continue;
    }
    for (const step of path) {
      if (joined.has(step.to)) continue;
      if (isFanOut(step.edge, step.from, step.to) && step.from === chainEnd) chainEnd = step.to;
      steps.push(step);
      joined.add(step.to);
    }
  }
  return { steps, unreachable, chasm };
}

interface Node {
  table: TableInfo;
  canDescend: boolean;
}

/** Breadth-first search over (table, may-still-step-down) states; `strict` forbids chasm steps. */
function search(
  start: Set<TableInfo>,
  chainEnd: TableInfo,
  target: TableInfo,
  edges: JoinEdge[],
  strict: boolean,
): JoinStep[] | undefined {
  const key = (n: Node) => `${n.table.identifier}|${n.canDescend}`;
  const prev = new Map<string, { step: JoinStep; from: Node } | null>();
  const queue: Node[] = [];
  for (const table of start) {
    const node = { table, canDescend: !strict || table === chainEnd };
    prev.set(key(node), null);
    queue.push(node);
  }
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    if (current.table === target) return unwind(current, prev, key);
    for (const edge of edges) {
      const next = edge.left === current.table ? edge.right : edge.right === current.table ? edge.left : undefined;
      if (!next || start.has(next)) continue;
      const down = isFanOut(edge, current.table, next);
      if (strict && down && !current.canDescend) continue;
      const node = { table: next, canDescend: !strict || (down && current.canDescend) };
      if (prev.has(key(node))) continue;
      prev.set(key(node), { step: { edge, from: current.table, to: next }, from: current });
      queue.push(node);
    }
  }
  return undefined;
}

function unwind(
  end: Node,
  prev: Map<string, { step: JoinStep; from: Node } | null>,
  key: (n: Node) => string,
): JoinStep[] {
  const path: JoinStep[] = [];
  for (let link = prev.get(key(end)); link; link = prev.get(key(link.from))) path.unshift(link.step);
  return path;
}
