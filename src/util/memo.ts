/**
 * Memoises a pure function of one text, bounded (oldest out first). What it throws is remembered
 * too, so a text that fails to parse is not parsed again. Results are deep-frozen: one caller
 * cannot change what the next one reads.
 */
export function memoByText<T>(compute: (text: string) => T, max = 4096): (text: string) => T {
  const memo = new Map<string, { value: T } | { error: unknown }>();
  return (text) => {
    let entry = memo.get(text);
    if (entry === undefined) {
      try {
        entry = { value: deepFreeze(compute(text)) };
      } catch (error) {
        entry = { error };
      }
      if (memo.size >= max) memo.delete(memo.keys().next().value as string);
      memo.set(text, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.value;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
