/** The SQLite side of the keyv store: one shared connection, its pragmas, and the maintenance keyv cannot do (prefix delete, expiry sweep). */
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import sqlite3 from 'sqlite3';
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
export function likePrefix(text: string): string {
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

/** Distinct statements kept prepared; past this, a statement is prepared for its one call (keyv's own way). @default 256 */
export const PREPARED_STATEMENTS = 256;
/** Rows per grouped upsert (two parameters each, well inside SQLite's limit). @default 400 */
export const GROUP_ROWS = 400;

/** keyv's upsert and reads, as @keyv/sqlite words them (spacing aside): calls with this text are grouped. */
const KEYV_UPSERT = 'INSERT INTO keyv (key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value;';
const KEYV_SELECT = 'SELECT * FROM keyv WHERE key = ?';
const KEYV_SELECT_MANY = 'SELECT * FROM keyv WHERE key IN (SELECT value FROM json_each(?))';

type Rows = Record<string, unknown>[];
/** A query waiting its turn. */
interface Pending {
  sql: string;
  params: unknown[];
  resolve(rows: Rows): void;
  reject(error: unknown): void;
}

/**
 * A connection of our own that keeps each distinct statement prepared and runs queries one after another, in the
 * order they were asked, grouping what keyv asks most (group commit): the writes queued while the previous
 * statement ran become one multi-row upsert (one commit, each page written once), the single-key reads one
 * `IN (…)` read. Each caller's promise still settles when its own row is written or read. keyv's SQLite adapter
 * prepared a new statement per call and committed every write alone: most of a /workout's store cost.
 * One at a time also keeps another process's lock from freezing the event loop: SQLite's busy handler sleeps holding
 * the connection's mutex, and node-sqlite3 finalizes statements on the main thread, so a second statement of the
 * connection finishing meanwhile froze every interaction for as long as the lock was held.
 */
async function openGroupedConnection(path: string): Promise<{ query: SqlQuery; close(): Promise<void> }> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const handle = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(handle)));
  });
  db.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
  const statements = new Map<string, sqlite3.Statement>();
  const finalize = (statement: sqlite3.Statement) => new Promise<void>((resolve) => statement.finalize(() => resolve()));
  let closed = false;
  const run = (sql: string, params: unknown[]) =>
    new Promise<Rows>((resolve, reject) => {
      // sqlite3 never calls back a statement prepared on a closed database; fail as keyv's own connection would.
      if (closed) return reject(new Error('SQLITE_MISUSE: Database is closed'));
      let statement = statements.get(sql);
      const kept = statement !== undefined || statements.size < PREPARED_STATEMENTS;
      statement ??= db.prepare(sql);
      if (kept) statements.set(sql, statement);
      const used = statement;
      used.all(params, (error: Error | null, rows: Rows) => {
        // A statement that failed is prepared afresh next time (the schema may have changed under it).
        if (error || !kept) {
          if (statements.get(sql) === used) statements.delete(sql);
          void finalize(used);
        }
        if (error) reject(error);
        else resolve(rows);
      });
    });

  const kinds = new Map<string, 'upsert' | 'read' | 'readMany' | 'other'>();
  const kindOf = (sql: string) => {
    let kind = kinds.get(sql);
    if (!kind) {
      const words = sql.replace(/\s+/g, ' ').trim();
      kind = words === KEYV_UPSERT ? 'upsert' : words === KEYV_SELECT ? 'read' : words === KEYV_SELECT_MANY ? 'readMany' : 'other';
      if (kinds.size < PREPARED_STATEMENTS) kinds.set(sql, kind);
    }
    return kind;
  };
  /** The keys a read asks for. */
  const keysOf = (op: Pending): string[] => (kindOf(op.sql) === 'read' ? [String(op.params[0])] : (JSON.parse(String(op.params[0])) as unknown[]).map(String));

  /** Runs a group and settles each of its queries; a failure fails the whole group. */
  const settle = async (group: Pending[], work: () => Promise<Rows[]>) => {
    if (!group.length) return;
    try {
      const results = await work();
      group.forEach((op, i) => op.resolve(results[i] ?? []));
    } catch (error) {
      for (const op of group) op.reject(error);
    }
  };
  const upsert = async (group: Pending[]): Promise<Rows[]> => {
    for (let first = 0; first < group.length; first += GROUP_ROWS) {
      const chunk = group.slice(first, first + GROUP_ROWS);
      // One statement, one commit; rows of one key apply in order, so the last write wins as it would one by one.
      await run(`INSERT INTO keyv (key, value) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT(key) DO UPDATE SET value=excluded.value`, chunk.flatMap((op) => op.params.slice(0, 2)));
    }
    return group.map(() => []);
  };
  const read = async (group: Pending[]): Promise<Rows[]> => {
    const wanted = group.map(keysOf);
    const keys = [...new Set(wanted.flat())];
    // One key (a lone /workout's profile read) needs no JSON list: the plain lookup costs SQLite less.
    const rows = keys.length === 1 ? await run(KEYV_SELECT, keys) : await run(KEYV_SELECT_MANY, [JSON.stringify(keys)]);
    const byKey = new Map(rows.map((row) => [String(row.key), row]));
    return wanted.map((keys) => keys.flatMap((key): Rows => { const row = byKey.get(key); return row ? [row] : []; }));
  };

  /**
   * Queries asked while the previous batch ran, in the order asked, between barriers (any statement other than keyv's
   * own read and write): reads that come before any write of their keys run first as one read, then every write as
   * one upsert, then the reads that must see those writes. A write to a key that a later read already waits on starts
   * a new segment, so every query sees exactly what it would have seen one by one.
   */
  const runBatch = async (ops: Pending[]) => {
    let early: Pending[] = [];
    let writes: Pending[] = [];
    let late: Pending[] = [];
    let written = new Set<string>();
    let lateKeys = new Set<string>();
    const flush = async () => {
      await settle(early, () => read(early));
      await settle(writes, () => upsert(writes));
      await settle(late, () => read(late));
      [early, writes, late, written, lateKeys] = [[], [], [], new Set(), new Set()];
    };
    for (const op of ops) {
      const kind = kindOf(op.sql);
      if (kind === 'other') {
        await flush();
        await settle([op], async () => [await run(op.sql, op.params)]);
      } else if (kind === 'upsert') {
        const key = String(op.params[0]);
        if (lateKeys.has(key)) await flush();
        writes.push(op);
        written.add(key);
      } else {
        const keys = keysOf(op);
        if (keys.some((key) => written.has(key))) {
          late.push(op);
          for (const key of keys) lateKeys.add(key);
        } else early.push(op);
      }
    }
    await flush();
  };

  let pending: Pending[] = [];
  let draining = false;
  const drain = async () => {
    while (pending.length) {
      const ops = pending;
      pending = [];
      await runBatch(ops);
    }
    draining = false;
  };
  const query: SqlQuery = (sql, ...params) =>
    new Promise((resolve, reject) => {
      pending.push({ sql, params, resolve, reject });
      if (!draining) {
        draining = true;
        setImmediate(() => void drain());
      }
    });
  const close = async () => {
    closed = true;
    await Promise.all([...statements.values()].map(finalize));
    statements.clear();
    await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
  };
  return { query, close };
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
  let prepared: Awaited<ReturnType<typeof openGroupedConnection>> | undefined;
  const sql: SqlQuery = (statement, ...params) => shared.query(statement, ...params) as Promise<Record<string, unknown>[]>;
  try {
    if (path !== ':memory:') {
      // keyv's connection has created its table once this resolves; from then on every query (keyv's and ours)
      // runs on the grouped connection. (A second connection to :memory: would be another database.)
      await sql('SELECT 1');
      prepared = await openGroupedConnection(path);
      shared.query = prepared.query as typeof shared.query;
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
    await prepared?.close().catch(() => undefined);
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
    close: async () => {
      await prepared?.close();
      await shared.disconnect();
    },
  };
}
