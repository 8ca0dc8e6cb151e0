/** The embedded warehouse's data files for `init`: the DataFiles port over local/warehouse.ts. */
import { isSqliteImage, openLocalWarehouse } from '../local/warehouse.js';
import type { DataFiles } from '../ports.js';

export function localDataFiles(): DataFiles {
  return { isDatabase: isSqliteImage, open: (data) => openLocalWarehouse({ data }) };
}
