/** Maps a declared SQLite column type to the Databricks type name. */
export function databricksType(declared: string): string {
  const t = declared.trim().toUpperCase();
  if (t === '') return 'STRING';
  if (t.startsWith('BOOL')) return 'BOOLEAN';
  if (t === 'DATE') return 'DATE';
  if (t.startsWith('TIMESTAMP') || t.startsWith('DATETIME')) return 'TIMESTAMP';
  if (t.includes('INT')) return 'BIGINT';
  if (t.startsWith('DECIMAL') || t.startsWith('NUMERIC')) return 'DECIMAL';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'DOUBLE';
  if (t.includes('BLOB') || t.includes('BINARY')) return 'BINARY';
  return 'STRING';
}
