/** The SQLite side of the keyv store: one shared connection, its pragmas, and the maintenance keyv cannot do (prefix delete, expiry sweep). */
import Keyv from 'keyv';
import type { KeyvBackend, SqlQuery } from '../keyv/keyv-backend.ts';
import { openSqliteConnection, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-connection.ts';
import { CREATE_KEYV_TABLE, keysWithPrefix, SqliteKeyvAdapter } from './sqlite-keyv-adapter.ts';


/** SQLite's own check found the file damaged (a torn or overwritten page): its first findings. */
export class SqliteDamage extends Error {
  override readonly name = 'SqliteDamage';
  constructor(readonly problems: string[]) {
    super(`PRAGMA quick_check: ${problems.join('; ')}`);
  }
}

/** Rows the expiry sweep looks at per statement. @default 2000 */
export const PURGE_WINDOW_ROWS = 2000;

/** Findings PRAGMA quick_check reports at most (the first few say enough). @default 3 */
const QUICK_CHECK_FINDINGS = 3;

/**
 * Switches the file to WAL once. Switching needs a moment alone with the file, and SQLite's busy handler does not
 * cover it: while another connection has the file open in a transaction it answers SQLITE_BUSY, or quietly keeps
 * the old mode, so it is retried briefly until the file says WAL. A file already in WAL (every open after the
 * first) is only read.
 */
async function enableWal(sql: SqlQuery): Promise<void> {
  const [row] = await sql('PRAGMA journal_mode');
  if (String(row?.journal_mode ?? '').toLowerCase() === 'wal') return;
  for (let waited = 0; ; waited += 25) {
    try {
      const [switched] = await sql('PRAGMA journal_mode=WAL');
      if (String(switched?.journal_mode ?? '').toLowerCase() === 'wal') return;
    } catch (error) {
      if (!/SQLITE_BUSY/.test((error as Error).message)) throw error;
    }
    if (waited >= SQLITE_BUSY_TIMEOUT_MS) throw new Error(`SQLITE_BUSY: the file could not be switched to WAL within ${SQLITE_BUSY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Opens the SQLite file behind keyv; throws what SQLite said when the file is unusable. */
export async function openSqliteBackend(path: string): Promise<KeyvBackend> {
  // One connection for every namespace and every table: several connections to one file would contend for its
  // write lock.
  const connection = openSqliteConnection(path);
  const { query: sql } = connection;
  try {
    await sql(CREATE_KEYV_TABLE);
    if (path !== ':memory:') {
      // WAL lets a second process (another bot on the same file) read while this one writes; NORMAL sync in WAL
      // mode survives a crash of the process (only a power cut can lose the last commits) and avoids an fsync per write.
      await enableWal(sql);
      await sql('PRAGMA synchronous=NORMAL');
      // Every page's structure, before the bot relies on any of them: a damaged file stops start-up with a message
      // saying what to do, instead of failing some reads later (or a start-up sweep with a bare SQLITE_CORRUPT).
      const findings = (await sql(`PRAGMA quick_check(${QUICK_CHECK_FINDINGS})`)).map((row) =>
        String(Object.values(row)[0]).replace(/\*\*\* in database \w+ \*\*\*/g, '').replace(/\s+/g, ' ').trim(),
      );
      if (findings.join() !== 'ok') throw new SqliteDamage(findings);
    }
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  return {
    sql,
    redis: undefined,
    makeKeyv(name) {
      return new Keyv({ store: new SqliteKeyvAdapter(sql), namespace: name, throwOnErrors: true });
    },
    async deletePrefix(name, prefix) {
      const { where, params } = keysWithPrefix(`${name}:${prefix}`);
      await sql(`DELETE FROM keyv WHERE ${where}`, ...params);
    },
    async purgeExpired() {
      // A window of rows at a time: statements run on the main thread, and one pass over a large table (every value
      // parsed as JSON) would hold up every interaction meanwhile. Between windows the event loop takes its turn.
      const now = Date.now();
      let purged = 0;
      for (let after = 0; ; ) {
        const [window] = await sql('SELECT max(rowid) AS last FROM (SELECT rowid FROM keyv WHERE rowid > ? ORDER BY rowid LIMIT ?)', after, PURGE_WINDOW_ROWS);
        if (window?.last === null || window?.last === undefined) return purged;
        const last = Number(window.last);
        const rows = await sql(
          `DELETE FROM keyv WHERE rowid > ? AND rowid <= ? AND json_valid(value) AND json_extract(value, '$.expires') IS NOT NULL AND json_extract(value, '$.expires') < ? RETURNING key`,
          after,
          last,
          now,
        );
        purged += rows.length;
        after = last;
      }
    },
    close: () => connection.close(),
  };
}
