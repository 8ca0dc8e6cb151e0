/**
 * Compile one fix to RFC 6902 operations against a canonical space. The operations create
 * missing containers, insert at sorted positions and use deterministic ids, so the patched
 * space is canonical without re-sorting. An empty result means the space already has it.
 * Throws FixCompileError when the fix names something the space lacks or clashes with it.
 */
import type { Operation } from 'fast-json-patch';
import type { Space } from '../../space/schema.js';
import {
  compileAddColumnDescription,
  compileAddSynonym,
  compileEnableBuildValueDictionary,
  compileEnableGetExampleValues,
  compileUpdateTableDescription,
} from './column-fixes.js';
import {
  compileAddExampleQuery,
  compileAddJoin,
  compileAddSqlSnippet,
  compileAddTextInstruction,
  compileFixJoin,
} from './instruction-fixes.js';
import type { Fix } from '../fix-types.js';

export function compileFix(space: Space, fix: Fix): Operation[] {
  switch (fix.type) {
    case 'add_synonym':
      return compileAddSynonym(space, fix);
    case 'add_column_description':
      return compileAddColumnDescription(space, fix);
    case 'update_table_description':
      return compileUpdateTableDescription(space, fix);
    case 'add_join':
      return compileAddJoin(space, fix);
    case 'fix_join':
      return compileFixJoin(space, fix);
    case 'add_example_query':
      return compileAddExampleQuery(space, fix);
    case 'add_sql_snippet':
      return compileAddSqlSnippet(space, fix);
    case 'enable_get_example_values':
      return compileEnableGetExampleValues(space, fix);
    case 'enable_build_value_dictionary':
      return compileEnableBuildValueDictionary(space, fix);
    case 'add_text_instruction':
      return compileAddTextInstruction(space, fix);
  }
}
