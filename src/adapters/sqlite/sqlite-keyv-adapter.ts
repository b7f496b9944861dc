/**
 * keyv's storage adapter for one namespace of the SQLite file: keyv's own table layout (`keyv (key, value)`, keys
 * `namespace:key`, values keyv's serialized text), over our connection. @keyv/sqlite has the same layout, but it is
 * bound to the asynchronous sqlite3 driver, whose hand-off to a worker thread per statement cost more than the rest
 * of a /workout reply; files it wrote open here unchanged.
 */
import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { SqlQuery } from '../keyv/keyv-backend.ts';

/** The table every namespace shares, as @keyv/sqlite names and shapes it. */
export const KEYV_TABLE = 'keyv';
export const CREATE_KEYV_TABLE = `CREATE TABLE IF NOT EXISTS ${KEYV_TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;
/** Rows read per page when a namespace is listed. @default 1000 */
export const ITERATION_PAGE = 1000;

/** `text%` for LIKE, with the wildcards in `text` escaped. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The keys that start with `prefix`, as a range of the key index: `key >= from AND key < to` (keys compare as bytes,
 * and UTF-8 keeps code point order). A LIKE cannot use the index (it ignores case), so it reads the whole table,
 * which on the main thread would hold up every interaction for as long. `to` is undefined when no key can follow
 * the prefix's last character (a prefix ending in U+FFFF or half a surrogate pair): then every key from `from` on.
 */
export function prefixRange(prefix: string): { from: string; to: string | undefined } {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (prefix === '' || last >= 0xd800) return { from: prefix, to: undefined };
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

/** SQL matching the keys of `prefix` by range (index), with LIKE kept as the exact test; its parameters follow. */
export function keysWithPrefix(prefix: string): { where: string; params: string[] } {
  const { from, to } = prefixRange(prefix);
  return to === undefined
    ? { where: `key >= ? AND key LIKE ? ESCAPE '\\'`, params: [from, likePrefix(prefix)] }
    : { where: `key >= ? AND key < ? AND key LIKE ? ESCAPE '\\'`, params: [from, to, likePrefix(prefix)] };
}

type Row = { key: string; value: string };

/** keyv's adapter for one namespace; every namespace's adapter shares the connection. */
export class SqliteKeyvAdapter extends EventEmitter implements KeyvStoreAdapter {
  readonly ttlSupport = false;
  /** keyv lists (iterates) adapters whose dialect it knows. */
  readonly opts = { dialect: 'sqlite', url: 'sqlite://', table: KEYV_TABLE };
  namespace?: string | undefined;

  constructor(private readonly sql: SqlQuery) {
    super();
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const [row] = (await this.sql(`SELECT * FROM ${KEYV_TABLE} WHERE key = ?`, key)) as Row[];
    return row?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    const rows = (await this.sql(`SELECT * FROM ${KEYV_TABLE} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(keys))) as Row[];
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.sql(`INSERT INTO ${KEYV_TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.sql(`DELETE FROM ${KEYV_TABLE} WHERE key = ? RETURNING key`, key)).length > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return (await this.sql(`DELETE FROM ${KEYV_TABLE} WHERE key IN (SELECT value FROM json_each(?)) RETURNING key`, JSON.stringify(keys))).length > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.sql(`SELECT 1 FROM ${KEYV_TABLE} WHERE key = ?`, key)).length > 0;
  }

  async clear(): Promise<void> {
    const { where, params } = keysWithPrefix(this.namespace ? `${this.namespace}:` : '');
    await this.sql(`DELETE FROM ${KEYV_TABLE} WHERE ${where}`, ...params);
  }

  /** Every entry of a namespace, a page at a time in key order (keyv strips the prefix and drops expired ones). */
  async *iterator<Value>(namespace?: string): AsyncGenerator<[string, Value], void> {
    const { where, params } = keysWithPrefix(namespace ? `${namespace}:` : '');
    let after = '';
    for (;;) {
      const rows = (await this.sql(`SELECT * FROM ${KEYV_TABLE} WHERE ${where} AND key > ? ORDER BY key LIMIT ?`, ...params, after, ITERATION_PAGE)) as Row[];
      for (const row of rows) yield [row.key, row.value as Value];
      if (rows.length < ITERATION_PAGE) return;
      after = (rows.at(-1) as Row).key;
    }
  }

  /** The connection is the backend's: closing one namespace closes nothing. */
  async disconnect(): Promise<void> {}
}
