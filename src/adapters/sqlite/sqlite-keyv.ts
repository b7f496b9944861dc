/** The SQLite side of the keyv store: one shared connection, its pragmas, and the maintenance keyv cannot do (prefix delete, expiry sweep). */
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { KeyvBackend, SqlQuery } from '../keyv/keyv-backend.ts';

/** Milliseconds SQLite waits on a lock held by another connection or process. @default 5000 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** `text%` for LIKE, with the wildcards in `text` escaped. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Switches the file to WAL once. Switching needs a moment alone with the file, and SQLite's busy handler does not
 * cover it: two processes opening one new file at the same instant would see SQLITE_BUSY, so it is retried briefly.
 * A file already in WAL (every open after the first) is only read.
 */
async function enableWal(sql: SqlQuery): Promise<void> {
  const [row] = await sql('PRAGMA journal_mode');
  if (String(row?.journal_mode ?? '').toLowerCase() === 'wal') return;
  for (let waited = 0; ; waited += 25) {
    try {
      await sql('PRAGMA journal_mode=WAL');
      return;
    } catch (error) {
      if (!/SQLITE_BUSY/.test((error as Error).message) || waited >= SQLITE_BUSY_TIMEOUT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Opens the SQLite file behind keyv; throws what SQLite said when the file is unusable. */
export async function openSqliteBackend(path: string, onError: (error: unknown) => void): Promise<KeyvBackend> {
  // One connection for every namespace: several connections to one file contend for its write lock, and
  // SQLite's busy handler then sleeps for milliseconds at a time. Each namespace gets a view of the shared
  // adapter with its own `namespace` (keyv sets it on the adapter it is given).
  // iterationLimit: listing pages with LIMIT/OFFSET, and the default page of 10 makes listing the 10,000 daily
  // settings a scheduler reads take ~2 s instead of ~0.1 s.
  const shared = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, iterationLimit: 1000 });
  shared.on('error', onError);
  // Every namespace's keyv listens for the shared adapter's errors.
  shared.setMaxListeners(100);
  const sql: SqlQuery = (statement, ...params) => shared.query(statement, ...params) as Promise<Record<string, unknown>[]>;
  try {
    if (path !== ':memory:') {
      // WAL lets a second process (another bot on the same file) read while this one writes; NORMAL sync in WAL
      // mode survives a crash of the process (only a power cut can lose the last commits) and avoids an fsync per write.
      await enableWal(sql);
      await sql('PRAGMA synchronous=NORMAL');
    }
  } catch (error) {
    await shared.disconnect().catch(() => undefined);
    throw error;
  }
  return {
    sql,
    redis: undefined,
    makeKeyv(name) {
      const view = Object.create(shared) as KeyvSqlite;
      view.namespace = name;
      return new Keyv({ store: view, namespace: name, throwOnErrors: true });
    },
    async deletePrefix(name, prefix) {
      await sql(`DELETE FROM keyv WHERE key LIKE ? ESCAPE '\\'`, likePrefix(`${name}:${prefix}`));
    },
    async purgeExpired() {
      const rows = await sql(
        `DELETE FROM keyv WHERE json_valid(value) AND json_extract(value, '$.expires') IS NOT NULL AND json_extract(value, '$.expires') < ? RETURNING key`,
        Date.now(),
      );
      return rows.length;
    },
    close: () => shared.disconnect(),
  };
}
