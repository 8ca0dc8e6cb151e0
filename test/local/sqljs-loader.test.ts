import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlJs, sqlJsDirectory } from '../../src/local/sqljs-loader.js';

describe('loadSqlJs', () => {
  it('finds sql.js in node_modules when running from source', () => {
    const dir = sqlJsDirectory();
    expect(dir.split(path.sep).join('/')).toMatch(/node_modules\/sql\.js\/dist$/);
    expect(existsSync(path.join(dir, 'sql-wasm.wasm'))).toBe(true);
  });

  it('loads once and runs SQLite with native math functions', async () => {
    const [a, b] = await Promise.all([loadSqlJs(), loadSqlJs()]);
    expect(a).toBe(b);
    const db = new a.Database();
    expect(db.exec("SELECT floor(2.5), sqlite_version() >= '3.44'")[0].values).toEqual([[2, 1]]);
    db.close();
  });
});
