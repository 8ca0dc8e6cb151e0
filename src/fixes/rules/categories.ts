/**
 * Value dictionaries for categorical text columns no failure has shown yet: a text column with
 * few distinct values (countries, types, statuses, names in a small table) is one whose values
 * questions name ("people who are not from Russia", "the high schooler named Kyle"), and Genie
 * can only map such a word to the stored value with entity matching on. Genie's guidance is to
 * turn it on for exactly these columns; the cap keeps well inside its 120-column limit.
 */
import { PRIORITY, spaceIdentifier, type Proposal, type RuleContext } from './proposal.js';

/** At most this many distinct values for a column to count as categorical. */
const MAX_DISTINCT = 60;
/** Most such dictionaries proposed per analysis. */
const MAX_PROPOSED = 12;

const isText = (type: string) => type === '' || /CHAR|TEXT|STRING|CLOB/i.test(type);

export async function proposeCategoryDictionaries(context: RuleContext): Promise<Proposal[]> {
  const { index, probe, views } = context;
  if (views.length === 0) return [];
  const proposals: Proposal[] = [];
  for (const table of [...index.tables.values()].filter((t) => t.inSpace)) {
    for (const column of table.columns) {
      if (proposals.length >= MAX_PROPOSED) return proposals;
      if (column.entityMatching || column.config?.exclude || !isText(column.type)) continue;
      const values = await probe.distinctValues(table.key, column.name, MAX_DISTINCT);
      // Free text, numbers and dates stored as text are not categories a question names.
      if (!values || values.length < 2 || !values.some((v) => /[A-Za-z\p{L}]{3}/u.test(v))) continue;
      if (values.some((v) => v.length > 60) || values.every((v) => /^[\d\s:./-]+$/.test(v))) continue;
      proposals.push({
        priority: PRIORITY.categoryDictionary,
        fix: {
          type: 'enable_build_value_dictionary',
          table: spaceIdentifier(index, table.key),
          column: column.name,
          rationale: `${table.identifier.split('.').pop()}.${column.name} holds ${values.length} distinct text values (e.g. ${values
            .slice(0, 3)
            .map((v) => `'${v}'`)
            .join(', ')}); a value dictionary lets Genie match the words of a question to them.`,
          targets: views.filter((v) => v.tables.includes(table.key)).map((v) => v.failure.id),
        },
      });
    }
  }
  return proposals;
}
