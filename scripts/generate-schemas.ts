/** Writes schemas/*.schema.json from the zod schemas: `npm run schemas`. A test checks they are up to date. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJsonSchemas } from '../src/json-schemas.js';

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const file of buildJsonSchemas()) {
  writeFileSync(path.join(outDir, file.name), file.content);
  console.log(`wrote schemas/${file.name}`);
}
