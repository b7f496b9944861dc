/** The SQLite side of the keyv store: one shared connection, its pragmas, and the maintenance keyv cannot do (prefix delete, expiry sweep). */
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { KeyvBackend, SqlQuery } from '../keyv/keyv-backend.ts';

/** Milliseconds a statement waits while another connection or process holds the file's lock. @default 5000 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** SQLite's own check found the file damaged (a torn or overwritten page): its first findings. */
export class SqliteDamage extends Error {
  override readonly name = 'SqliteDamage';
  constructor(readonly problems: string[]) {
    super(`PRAGMA quick_check: ${problems.join('; ')}`);
  }
}

/** Findings PRAGMA quick_check reports at most (the first few say enough). @default 3 */
const QUICK_CHECK_FINDINGS = 3;

/** `text%` for LIKE, with the wildcards in `text` escaped. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

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

/**
 * Runs the statements of one connection one after another. SQLite's busy handler sleeps holding the connection's
 * mutex while another process has the file locked, and node-sqlite3 finalizes statements on the main thread: a
 * second statement of this connection finishing meanwhile froze the whole event loop (no interaction could even
 * be acknowledged) for as long as the lock was held. In turn, only the statement that waits is held up, off the
 * main thread; SQLite serialises a connection's statements anyway.
 */
function oneAtATime<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const next = tail.then(() => run(...args));
    tail = next.catch(() => undefined);
    return next;
  };
}

/** A statement that only reads (keyv's get, getMany, has and listing, the training log's ranges). */
const READ_ONLY = /^\s*SELECT\b/i;

/** Opens the SQLite file behind keyv; throws what SQLite said when the file is unusable. */
export async function openSqliteBackend(path: string, onError: (error: unknown) => void): Promise<KeyvBackend> {
  // One connection writes, for every namespace: several writing connections to one file contend for its write
  // lock, and SQLite's busy handler then sleeps for milliseconds at a time. Each namespace gets a view of the
  // shared adapter with its own `namespace` (keyv sets it on the adapter it is given).
  // iterationLimit: listing pages with LIMIT/OFFSET, and the default page of 10 makes listing the 10,000 daily
  // settings a scheduler reads take ~2 s instead of ~0.1 s.
  const options = { uri: `sqlite://${path}`, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, iterationLimit: 1000 };
  const shared = new KeyvSqlite(options);
  shared.on('error', onError);
  // Every namespace's keyv listens for the shared adapter's errors.
  shared.setMaxListeners(100);
  // Writes run one at a time (oneAtATime). Reads go to a second connection (a file's; ':memory:' has only one),
  // where they run side by side: in WAL a reader neither waits for the writer nor takes its lock, and a read
  // that fails has nothing to undo.
  const reader = path === ':memory:' ? undefined : new KeyvSqlite(options);
  reader?.on('error', onError);
  const write = oneAtATime(shared.query.bind(shared));
  const read = reader ? reader.query.bind(reader) : write;
  // The namespaces' views inherit `query` from the shared adapter, so this one wrapper covers every statement.
  shared.query = (statement: string, ...params: unknown[]) => (READ_ONLY.test(statement) ? read(statement, ...params) : write(statement, ...params));
  const sql: SqlQuery = (statement, ...params) => shared.query(statement, ...params) as Promise<Record<string, unknown>[]>;
  // The reader first: the connection that closes last folds the WAL back into the file.
  const disconnect = async () => {
    await reader?.disconnect();
    await shared.disconnect();
  };
  try {
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
    await disconnect().catch(() => undefined);
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
    close: disconnect,
  };
}
