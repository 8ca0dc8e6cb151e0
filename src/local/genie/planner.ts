/**
 * From linked items to a query plan: which table is counted or aggregated,
 * which mentions are filters, groupings, rankings or ratios. Rules only; the
 * words come from the vocabulary and the config.
 */
import type { Catalog, ColumnInfo, TableInfo } from './catalog.js';
import type { Item } from './linker.js';
import type { Token } from './text.js';
import type { DateRange } from './dates.js';
import type { Target } from './lexicon.js';
import type { Condition, Dimension, Measure } from './plan.js';
import type { CompareOp } from './quantities.js';
import type { MarkerKind, TimeGrain } from './vocabulary.js';
import { BUCKET_STEMS, BUCKET_WORDS } from './vocabulary.js';
import { finishPlan as finish } from './plan-finish.js';
import {
  QUANTITY_RANKS,
  childRowsOf,
  dimKey,
  measureTable,
  pluralTable,
  pluralText,
  preferContext,
  tablesNamed,
} from './plan-helpers.js';
import type { Agg, ColumnMention, Entity, PlanChoice, PlanOutcome } from './plan-state.js';

export type { PlanChoice, PlanOutcome } from './plan-state.js';

export function planQuery(items: Item[], catalog: Catalog, choice: PlanChoice, tokens: Token[] = []): PlanOutcome {
  const tokensBetween = (from: number, to: number): string[] => tokens.slice(from, to).map((t) => t.forms[0]);
  const prevRaw = (end: number): string => tokens[end - 1]?.raw ?? '';
  const notes: string[] = [];
  const measures: Measure[] = [];
  const measureAt: number[] = [];
  const dims: Dimension[] = [];
  /** Dimensions a "which"/"what" asked for; with nothing to aggregate they are a listing, not a grouping. */
  const askedDims = new Set<Dimension>();
  const where: Condition[] = [];
  const entities: Entity[] = [];
  const columns: ColumnMention[] = [];
  const dates: Array<{ range: DateRange; at: number }> = [];
  const compares: Array<{ op: CompareOp; value: number; at: number; end: number; dim?: string; against?: 'avg' }> = [];
  const buckets: TimeGrain[] = [];
  let pendingAgg: Agg | undefined;
  const extraAggs: Agg[] = [];
  let lastMarkerAt = -10;
  /** Where a relative clause starts ("members who ..."): tables named after it only qualify. */
  let relativeFrom: number | undefined;
  let softBy = false;
  /** A ranking without a size ("the longest rivers", "from highest to lowest"): order only. */
  let openRank = false;
  /** "sorted by their earnings descending": the column a listing is ordered by, and the direction. */
  let pendingSort: { dir: 'ASC' | 'DESC'; at: number } | undefined;
  let sortBy: { column: ColumnInfo; dir: 'ASC' | 'DESC' } | undefined;
  let sortDir: 'ASC' | 'DESC' | undefined;
  /** "the most recent treatment": a time superlative, ranking by a date unless a date is what it aggregates. */
  let temporal: { dir: 'DESC' | 'ASC'; at: number } | undefined;
  let pendingDistinct = false;
  let pendingBy: 'by' | 'which' | undefined;
  let pendingNot = false;
  let rank: { dir: 'DESC' | 'ASC'; limit?: number; at: number } | undefined;
  let ratio: { percent: boolean; at: number } | undefined;
  let byMeasure = false;
  let limitHint: number | undefined;
  let lastMention:
    { kind: 'dim' | 'measure' | 'entity' | 'column' | 'where' | 'other'; index: number; target: Target } | undefined;

  const contextTables = tablesNamed(items);
  const addMeasure = (m: Measure, at: number): void => {
    measures.push(m);
    measureAt.push(at);
  };
  const addDim = (d: Dimension): void => {
    if (!dims.some((x) => dimKey(x) === dimKey(d))) dims.push(d);
  };
  const tableDim = (table: TableInfo): Dimension | undefined => {
    const col = table.label ?? table.key;
    return col ? { kind: 'column', column: col } : undefined;
  };

  items.forEach((item, index) => {
    if (item.type === 'marker') {
      const kind: MarkerKind = item.marker.kind;
      if (pendingBy === 'which' && kind !== 'not' && kind !== 'most' && kind !== 'least') pendingBy = undefined;
      // English "member counts": a count word right after a noun counts that noun.
      const prevItem = items[index - 1];
      if (
        kind === 'count' &&
        !item.marker.postfix &&
        prevItem?.type === 'mention' &&
        lastMention?.index === index - 1 &&
        (lastMention.kind === 'entity' || lastMention.kind === 'column') &&
        items[index + 1]?.type !== 'mention'
      ) {
        toCount(lastMention.target, pendingDistinct, lastMention.index);
        pendingDistinct = false;
        return;
      }
      if (
        kind === 'count' &&
        item.marker.postfix &&
        lastMention &&
        (lastMention.kind === 'entity' || lastMention.kind === 'column')
      ) {
        // "회원 수": the noun before the counter is what gets counted.
        toCount(lastMention.target, pendingDistinct, lastMention.index);
        pendingDistinct = false;
        return;
      }
      if (kind === 'by' && item.marker.postfix) {
        const stem = items[index - 1];
        const bucket = stem?.type === 'word' ? BUCKET_STEMS[stem.text] : undefined;
        if (bucket) {
          if (!buckets.includes(bucket)) buckets.push(bucket);
          return;
        }
        if (lastMention) makeDim(lastMention.target, lastMention.kind);
        return;
      }
      switch (kind) {
        case 'count':
        case 'sum':
        case 'avg':
        case 'min':
        case 'max':
          if (kind === 'sum' && pendingAgg === 'count') return;
          if (kind === 'count' && pendingAgg === 'avg') {
            pendingAgg = 'avg';
            notes.push('avg-count');
            return;
          }
          if (pendingBy === 'by' && rank) byMeasure = true;
          if (pendingBy === 'which') pendingBy = undefined;
          // "the average, minimum and maximum age": several aggregates of one column.
          if (pendingAgg && pendingAgg !== 'count' && kind !== 'count' && index - lastMarkerAt <= 3)
            extraAggs.push(pendingAgg);
          pendingAgg = kind;
          lastMarkerAt = index;
          temporal = item.marker.temporal ? { dir: kind === 'max' ? 'DESC' : 'ASC', at: index } : undefined;
          return;
        case 'distinct':
          pendingDistinct = true;
          if (pendingBy === 'which') pendingBy = undefined;
          return;
        case 'by':
        case 'each':
          pendingBy = 'by';
          // Bare "each"/"every" ("the weight of every pet") groups only when something is aggregated.
          softBy = item.marker.words.some((w) => w === 'each' || w === 'every');
          return;
        case 'which':
          // "members who ...": a relative pronoun right after the noun it describes does not ask "which".
          if (
            lastMention &&
            lastMention.index === index - 1 &&
            (lastMention.kind === 'entity' || lastMention.kind === 'measure')
          ) {
            relativeFrom ??= index;
            return;
          }
          pendingBy = 'which';
          return;
        case 'most':
        case 'least':
          rank = {
            dir: kind === 'most' ? 'DESC' : 'ASC',
            // "the highest mountains" orders them all; "the highest mountain" is one. (A quantity word is
            // different: "the breed with the most dogs" counts the dogs and still means one breed; and "the
            // lowest earnings" is one value of a column, not several rows.)
            limit:
              rank?.limit ??
              (!QUANTITY_RANKS.has(item.marker.words.join(' ')) && pluralTable(items[index + 1]) ? undefined : 1),
            at: index,
          };
          if (rank.limit === undefined) openRank = true;
          if (pendingBy === 'by') pendingBy = undefined;
          return;
        case 'desc':
        case 'asc': {
          // A direction word orders; it ranks only what a ranking word already ranks.
          const dir = kind === 'desc' ? 'DESC' : 'ASC';
          if (rank) rank = { ...rank, dir };
          sortDir = dir;
          if (sortBy) sortBy.dir = dir;
          return;
        }
        case 'sort':
          pendingSort = { dir: sortDir ?? item.marker.dir ?? 'ASC', at: index };
          return;
        case 'ratio':
        case 'percent':
          ratio = { percent: kind === 'percent' || ratio?.percent === true, at: index };
          return;
        case 'not':
          pendingNot = true;
          return;
        case 'bucket':
          if (item.marker.bucket && !buckets.includes(item.marker.bucket)) buckets.push(item.marker.bucket);
          pendingBy = undefined;
          return;
        default:
          return;
      }
    }
    if (item.type === 'word' && pendingBy === 'by' && BUCKET_WORDS[item.text.toLowerCase().replace(/s$/, '')]) {
      const bucket = BUCKET_WORDS[item.text.toLowerCase().replace(/s$/, '')];
      if (!buckets.includes(bucket)) buckets.push(bucket);
      pendingBy = undefined;
      return;
    }
    if (item.type === 'top') {
      // A superlative adjective's ranking (zero width, then its column): plural only when a table follows.
      const open = !item.n && (item.end > item.start || pluralTable(items[index + 2]));
      rank = { dir: item.dir === 'desc' ? 'DESC' : 'ASC', limit: open ? undefined : item.n || 1, at: index };
      if (open) openRank = true;
      return;
    }
    if (item.type === 'date') {
      dates.push({ range: item.range, at: index });
      return;
    }
    if (item.type === 'compare') {
      compares.push({ op: item.op, value: item.value, at: index, end: item.end, dim: item.dim, against: item.against });
      return;
    }
    if (item.type === 'number') {
      // "Which 3 countries ...", "회원 5명": a small count next to a noun sizes the ranking.
      const nextItem = items[index + 1];
      if (
        Number.isInteger(item.value) &&
        item.value > 0 &&
        item.value <= 100 &&
        (nextItem?.type === 'mention' || lastMention?.index === index - 1 || nextItem?.type === 'word')
      )
        limitHint = item.value;
      notes.push(`number:${item.value}`);
      return;
    }
    if (item.type !== 'mention') return;

    const target = choice.pick(
      index,
      preferContext(item.candidates, contextTables).map((c) => c.target),
    );
    if (pendingSort && pendingAgg === 'count' && lastMarkerAt > pendingSort.at && target.kind === 'table') {
      // "sorted by the number of orchestras": the count orders the groups.
      sortDir = pendingSort.dir;
      pendingSort = undefined;
    } else if (pendingSort && (target.kind === 'column' || target.kind === 'table')) {
      const column = target.kind === 'column' ? target.column : (target.table.label ?? target.table.key);
      if (column) sortBy = { column, dir: pendingSort.dir };
      // "sorted by the number of final tables made": that number is the column itself.
      if (pendingAgg === 'count' && lastMarkerAt > pendingSort.at) pendingAgg = undefined;
      pendingSort = undefined;
      lastMention = { kind: 'other', index, target };
      return;
    }
    if (/^(id|ids|identifier)$/i.test(item.text) && target.kind === 'column') {
      // "Show the ID of the high schooler named Kyle": the key is what is asked, not the row's name.
      columns.push({ column: target.column, at: index });
      lastMention = { kind: 'column', index, target };
      return;
    }
    if (item.candidates[0]?.source === 'adjective' && target.kind === 'column') {
      // "the youngest dog": the adjective's column only ranks; it takes no other role.
      columns.push({ column: target.column, at: index, implied: true });
      lastMention = { kind: 'column', index, target };
      return;
    }
    handleMention(target, index);
    // "the names of ...": a column asked in the plural lists values (and groups an aggregate beside it).
    if (pluralText(item.text)) for (const c of columns) if (c.at === index) c.plural = true;
  });

  function handleMention(target: Target, index: number): void {
    if (pendingNot && (target.kind === 'table' || target.kind === 'column')) {
      // "never posted": the negated thing is a table whose rows point at a table already named.
      const negated = target.kind === 'table' ? target.table : target.column.table;
      const named = [...measures.map(measureTable), ...entities.map((e) => e.table)];
      const parent = named.find((t): t is TableInfo => !!t && t !== negated && !!childRowsOf(t, negated, catalog));
      const child = parent ? childRowsOf(parent, negated, catalog) : undefined;
      if (parent && child) {
        where.push({ kind: 'absent', parent, child });
        pendingNot = false;
        lastMention = { kind: 'where', index, target };
        return;
      }
    }
    if (target.kind === 'snippet') {
      const s = target.snippet;
      if (s.kind === 'measure') {
        addMeasure({ kind: 'snippet', snippet: s }, index);
        lastMention = { kind: 'measure', index, target };
        pendingAgg = undefined;
        if (pendingBy === 'by' && rank) byMeasure = true;
        pendingBy = undefined;
      } else if (s.kind === 'filter') {
        where.push({ kind: 'snippet', snippet: s, negate: pendingNot });
        pendingNot = false;
        lastMention = { kind: 'where', index, target };
      } else {
        addDim({ kind: 'snippet', snippet: s });
        pendingBy = undefined;
        lastMention = { kind: 'dim', index, target };
      }
      return;
    }
    if (target.kind === 'value') {
      // "raised by female students": a value after "by" filters, it does not group.
      if (pendingBy === 'by') pendingBy = undefined;
      if (
        lastMention?.kind === 'entity' &&
        lastMention.index === index - 1 &&
        lastMention.target.kind === 'table' &&
        lastMention.target.table === target.column.table
      )
        removeAt(index - 1);
      const existing = where.find(
        (w): w is Extract<Condition, { kind: 'value' }> =>
          w.kind === 'value' && w.column === target.column && w.negate === pendingNot,
      );
      if (existing) {
        if (!existing.values.includes(target.value)) existing.values.push(target.value);
      } else where.push({ kind: 'value', column: target.column, values: [target.value], negate: pendingNot });
      pendingNot = false;
      lastMention = { kind: 'where', index, target };
      return;
    }
    if (
      lastMention?.kind === 'dim' &&
      lastMention.index === index - 1 &&
      conjoined(index) &&
      (target.kind === 'column' || target.kind === 'table') &&
      !(target.kind === 'column' && target.column.type === 'number')
    ) {
      const asked = dims.length > 0 && askedDims.has(dims[dims.length - 1]);
      const before = dims.length;
      makeDim(target, 'other', index);
      if (asked) dims.slice(before).forEach((d) => askedDims.add(d));
      return;
    }
    if (
      target.kind === 'table' &&
      lastMention?.index === index - 1 &&
      lastMention.target.kind === 'value' &&
      lastMention.target.column.table === target.table
    ) {
      // "the general channel": a table word right after one of its values mostly names the value's kind,
      // unless it is what "how many" counts ("how many rocket reactions").
      const firstWhere = where[0];
      if (
        pendingAgg === 'count' &&
        firstWhere &&
        firstWhere.kind !== 'snippet' &&
        firstWhere.kind !== 'absent' &&
        firstWhere.column.table === target.table
      ) {
        toCount(target, pendingDistinct, index);
        pendingAgg = undefined;
        return;
      }
      entities.push({ table: target.table, at: index, context: true });
      return;
    }
    if (pendingBy) {
      if (pendingBy === 'by' && rank && pendingAgg === undefined && target.kind === 'table' && entities.length > 0) {
        // "top 5 members by messages": the ranked entity came first; this table is what is counted.
        addMeasure({ kind: 'count', table: target.table }, index);
        pendingBy = undefined;
        lastMention = { kind: 'measure', index, target };
        return;
      }
      if (pendingBy === 'by' && rank && target.kind === 'column' && target.column.type === 'number' && !pendingAgg) {
        byMeasure = true;
        columns.push({ column: target.column, at: index });
        pendingBy = undefined;
        lastMention = { kind: 'column', index, target };
        return;
      }
      if (!(pendingAgg && pendingBy === 'by')) {
        const asked = pendingBy === 'which' || softBy;
        const before = dims.length;
        makeDim(target, 'other', index);
        if (asked) dims.slice(before).forEach((d) => askedDims.add(d));
        pendingBy = undefined;
        return;
      }
    }
    if (pendingAgg) {
      const agg = pendingAgg;
      if (target.kind === 'table' && (agg === 'count' || agg === 'sum')) {
        toCount(target, pendingDistinct, index);
        pendingAgg = undefined;
        pendingDistinct = false;
        return;
      }
      if (target.kind === 'table' && agg !== 'count' && agg !== 'sum') {
        // "average post length": the column may follow the table word; decided at the end otherwise.
        entities.push({ table: target.table, at: index });
        lastMention = { kind: 'entity', index, target };
        return;
      }
      if (target.kind === 'column') {
        const c = target.column;
        if (agg === 'count' && c.type !== 'date' && c.type !== 'timestamp' && c.type !== 'bool') {
          toCount(target, pendingDistinct, index);
          pendingAgg = undefined;
          pendingDistinct = false;
          return;
        }
        if (c.type === 'number' && !c.isKey && temporal) {
          // "How much does the most recent treatment cost": the cost of the latest row, not the largest cost.
          columns.push({ column: c, at: index });
          pendingAgg = undefined;
          lastMention = { kind: 'column', index, target };
          return;
        }
        if (c.type === 'number' && !c.isKey) {
          for (const fn of [...extraAggs, agg])
            if (fn !== 'count') addMeasure({ kind: 'agg', fn: fn.toUpperCase() as 'SUM', column: c }, index);
          extraAggs.length = 0;
          pendingAgg = undefined;
          lastMention = { kind: 'measure', index, target };
          return;
        }
        if ((c.type === 'date' || c.type === 'timestamp') && (agg === 'min' || agg === 'max')) {
          addMeasure({ kind: 'agg', fn: agg === 'min' ? 'MIN' : 'MAX', column: c }, index);
          pendingAgg = undefined;
          return;
        }
      }
    }
    if (target.kind === 'column' && target.column.type === 'bool') {
      where.push({ kind: 'bool', column: target.column, negate: pendingNot });
      pendingNot = false;
      lastMention = { kind: 'where', index, target };
      return;
    }
    if (target.kind === 'table') {
      // "the general channel": a table word next to one of its values only names the value's kind.
      entities.push({ table: target.table, at: index, require: relativeFrom !== undefined && index > relativeFrom });
      lastMention = { kind: 'entity', index, target };
      return;
    }
    if (target.kind === 'column') {
      if (target.column.isKey && !pendingAgg) {
        entities.push({ table: target.column.table, at: index });
        lastMention = { kind: 'entity', index, target };
        return;
      }
      columns.push({ column: target.column, at: index });
      lastMention = { kind: 'column', index, target };
    }
  }

  /** "plan and country", "요금제와 국가": the mention is joined to the previous one by a conjunction. */
  function conjoined(index: number): boolean {
    const prev = items[index - 1];
    const here = items[index];
    if (!prev || !here) return false;
    const gap = tokensBetween(prev.end, here.start);
    return gap.some((w) => w === 'and' || w === '&' || w === '및') || /[와과]$/.test(prevRaw(prev.end));
  }

  function toCount(target: Target, distinct: boolean, index: number): void {
    // Replace an entity or column registration made for the same mention.
    removeAt(index);
    if (target.kind === 'table')
      addMeasure({ kind: 'count', table: target.table, distinct: distinct ? target.table.key : undefined }, index);
    else if (target.kind === 'column') {
      const c = target.column;
      addMeasure(
        c.isKey && c.table.key === c
          ? { kind: 'count', table: c.table, distinct: distinct ? c : undefined }
          : { kind: 'count', table: c.table, distinct: c },
        index,
      );
    } else if (target.kind === 'snippet' && target.snippet.kind === 'measure')
      addMeasure({ kind: 'snippet', snippet: target.snippet }, index);
    lastMention = { kind: 'measure', index, target };
  }

  function removeAt(index: number): void {
    for (const list of [entities, columns] as Array<Array<{ at: number }>>) {
      const k = list.findIndex((e) => e.at === index);
      if (k >= 0) list.splice(k, 1);
    }
  }

  function makeDim(target: Target, previousRole: string, index?: number): void {
    if (index === undefined && lastMention) removeAt(lastMention.index);
    if (previousRole === 'measure' && measures.length > 0) {
      measures.pop();
      measureAt.pop();
    }
    let dim: Dimension | undefined;
    if (target.kind === 'table') dim = tableDim(target.table);
    else if (target.kind === 'column' && target.column.references && !target.column.isKey)
      // "the student with the most likes" grouped by likes.student_id: name the student it points at.
      dim = tableDim(target.column.references) ?? { kind: 'column', column: target.column };
    else if (target.kind === 'column')
      dim = target.column.isKey
        ? (tableDim(target.column.table) ?? { kind: 'column', column: target.column })
        : {
            kind: 'column',
            column: target.column,
            bucket: target.column.type === 'date' || target.column.type === 'timestamp' ? 'day' : undefined,
          };
    else if (target.kind === 'snippet' && target.snippet.kind === 'expression')
      dim = { kind: 'snippet', snippet: target.snippet };
    else if (target.kind === 'value') dim = { kind: 'column', column: target.column };
    if (dim) addDim(dim);
    lastMention = { kind: 'dim', index: index ?? lastMention?.index ?? -1, target };
  }

  return finish({
    catalog,
    items,
    notes,
    measures,
    measureAt,
    dims,
    buckets,
    where,
    entities,
    columns,
    dates,
    compares,
    rank:
      rank && limitHint && ((rank.limit === undefined && !openRank) || rank.limit === 1)
        ? { ...rank, limit: limitHint }
        : rank,
    ratio,
    byMeasure,
    pendingAgg,
    distinctList: pendingDistinct,
    askedDims,
    temporal: pendingAgg === undefined ? temporal : undefined,
    sortBy,
    sortDir,
  });
}
