import type { Fix } from '../fixes/fix-types.js';

/** A one-line human summary of a fix, for lessons and the PR body. */
export function summarizeFix(fix: Fix): string {
  switch (fix.type) {
    case 'add_synonym':
      return `synonyms ${fix.synonyms.map((s) => `"${s}"`).join(', ')} for ${fix.table}.${fix.column}`;
    case 'add_column_description':
      return `description of ${fix.table}.${fix.column}`;
    case 'update_table_description':
      return `description of ${fix.table}`;
    case 'add_join':
      return `join ${fix.left.table}.${fix.left.column} = ${fix.right.table}.${fix.right.column} (${fix.relationship})`;
    case 'fix_join':
      return `join ${fix.joinId} relationship ${fix.relationship}`;
    case 'add_example_query':
      return `example "${fix.question}"`;
    case 'add_sql_snippet':
      return `${fix.kind} "${fix.display_name}"`;
    case 'enable_get_example_values':
      return `example values on ${fix.table}.${fix.column}`;
    case 'enable_build_value_dictionary':
      return `value dictionary on ${fix.table}.${fix.column}`;
    case 'add_text_instruction':
      return `text instruction "${fix.text.slice(0, 60)}"`;
  }
}
