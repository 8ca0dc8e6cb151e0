/**
 * Refining a fix that helps some questions and breaks another: a fix made of parts (several
 * synonyms, a description listing several aliases) is often right but for one part, such as an
 * alias that is also an ordinary word of another question ("people"). Its variants with one
 * part left out are tried alone, and the best one that breaks nothing takes its place.
 */
import type { Fix } from '../fixes/fix-types.js';

const ALIASES = /(Also called:\s*)([^.]+)(\.)/;

/** The fix without each one of its parts in turn; empty when it has fewer than two parts. */
export function partVariants(fix: Fix): Fix[] {
  if (fix.type === 'add_synonym' && fix.synonyms.length >= 2)
    return fix.synonyms.map((_, k) => ({ ...fix, synonyms: fix.synonyms.filter((_, j) => j !== k) }));
  if (fix.type === 'update_table_description') {
    const m = ALIASES.exec(fix.description);
    const parts = m ? m[2].split(',').map((p) => p.trim()) : [];
    if (!m || parts.length < 2) return [];
    return parts.map((_, k) => ({
      ...fix,
      description: fix.description.replace(ALIASES, `$1${parts.filter((_, j) => j !== k).join(', ')}$3`),
    }));
  }
  return [];
}
