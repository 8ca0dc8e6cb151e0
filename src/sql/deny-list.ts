/**
 * What the SQL gate refuses inside an otherwise read-only query, for both engines it guards:
 * Databricks (Spark SQL) and the embedded SQLite. Names are compared normalised (quotes,
 * backticks and brackets stripped, lower case), because both engines call a quoted name as a
 * function: SQLite runs `"load_extension"('x')` and `[load_extension]('x')`, Spark runs
 * `` `reflect`(...) ``.
 */

/** Statement keywords that change data, schema, session or files: refused anywhere as bare words. */
export const WRITE_KEYWORDS = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'DROP',
  'CREATE',
  'ALTER',
  'ATTACH',
  'DETACH',
  'PRAGMA',
  'VACUUM',
  'TRUNCATE',
  'GRANT',
  'REVOKE',
  'REINDEX',
  'REPLACE',
  'COPY',
  'OPTIMIZE',
  'RESTORE',
  'MSCK',
  'UNCACHE',
]);

/**
 * Functions no benchmark, Genie answer or example needs, each of which reaches outside the
 * query's tables or runs code:
 * - Spark/Databricks: JVM reflection (`reflect`, `java_method`, `try_reflect` call any static
 *   Java method, e.g. Runtime.exec); secrets (`secret`, `try_secret`, `list_secrets` would put a
 *   credential into a result that ends up in a PR comment); outbound calls (`http_request`,
 *   `remote_query` against federated databases, `vector_search`).
 * - SQLite and its shell extensions: `load_extension` (native code), `readfile`/`writefile`/
 *   `edit`/`fsdir` (files), `zipfile`/`sqlar_*` (archives on disk), `fts3_tokenizer` (takes a
 *   raw function pointer: a known memory-corruption vector), `eval`/`sha3_query` (run SQL
 *   given as a string, which the gate cannot see).
 */
export const DENIED_FUNCTIONS = new Set([
  'reflect',
  'java_method',
  'try_reflect',
  'secret',
  'try_secret',
  'list_secrets',
  'http_request',
  'remote_query',
  'vector_search',
  'load_extension',
  'readfile',
  'writefile',
  'edit',
  'fsdir',
  'zipfile',
  'sqlar_compress',
  'sqlar_uncompress',
  'fts3_tokenizer',
  'eval',
  'sha3_query',
]);

/**
 * Whole families refused by prefix:
 * - `ai_` (ai_query, ai_gen, ai_classify, ...): each call sends rows to a model serving
 *   endpoint, costs money per row and answers nondeterministically, so a result built on it
 *   can neither be scored nor trusted;
 * - `read_` (read_files, read_kafka, read_kinesis, read_pubsub, read_pulsar, read_statestore,
 *   ...): table functions that read files or streams instead of catalog tables.
 */
export const DENIED_FUNCTION_PREFIXES = ['ai_', 'read_'];

/**
 * Spark reads files directly when a table name is `<format>.` followed by a quoted path
 * (`` json.`/Volumes/x/y` ``, `` text.`s3://b/k` ``): refused like readfile.
 */
export const FILE_FORMATS = new Set([
  'parquet',
  'json',
  'csv',
  'text',
  'orc',
  'avro',
  'binaryfile',
  'delta',
  'xml',
  'jdbc',
  'libsvm',
  'image',
  'cloudfiles',
]);

/** The comparable form of a function name as written: unquoted, trimmed, lower case. */
export function normaliseName(value: string): string {
  return value.trim().toLowerCase();
}

/** Why a (normalised) function name is refused, or undefined when it is allowed. */
export function deniedFunction(name: string): string | undefined {
  if (DENIED_FUNCTIONS.has(name)) return `the function ${name} is not allowed`;
  const prefix = DENIED_FUNCTION_PREFIXES.find((p) => name.startsWith(p));
  return prefix ? `the function ${name} is not allowed (no ${prefix}* function may run)` : undefined;
}
