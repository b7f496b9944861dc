/**
 * One connection to the SQLite file, through better-sqlite3: statements run on the main thread, in the order asked.
 * A statement on a warm page cache takes microseconds, far less than handing it to a worker thread and back, which
 * was most of a /workout's cost with the asynchronous driver (about 0.15 ms of CPU per statement against ~5 µs).
 *
 * A read asked while nothing is queued runs at once. Other queries asked in one turn of the event loop run together
 * at the next, in the order asked, the writes among them inside one transaction (group commit: one commit, each page
 * written once). The connection never waits inside SQLite for
 * another process's lock (that would freeze the event loop): a busy file is retried on a timer, with every query
 * still in its order, until SQLITE_BUSY_TIMEOUT_MS have passed.
 */
import Database from 'better-sqlite3';
import type { SqlQuery } from '../keyv/keyv-backend.ts';

/** Milliseconds a query keeps retrying while another connection or process holds the file's write lock. @default 5000 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** Distinct statements kept prepared; past this, a statement is prepared for its one call. @default 256 */
export const PREPARED_STATEMENTS = 256;
/** The longest pause between two tries of a busy file. @default 25 */
const BUSY_RETRY_MAX_MS = 25;

type Rows = Record<string, unknown>[];

/** A query waiting its turn. */
interface Pending {
  sql: string;
  params: unknown[];
  resolve(rows: Rows): void;
  reject(error: unknown): void;
  /** When the file was first found busy for this query (ms since the epoch). */
  busySince?: number;
}

/** An open connection. */
export interface SqliteConnection {
  query: SqlQuery;
  /** Runs what is queued, then closes the file; later queries fail. */
  close(): Promise<void>;
}

/** An error of SQLite's, worded as `SQLITE_CODE: message` (as logs, tests and the store's explanations expect). */
function sqliteError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE') || error.message.startsWith(code)) return error;
  const worded = new Error(`${code}: ${error.message}`, { cause: error });
  Object.assign(worded, { code });
  return worded;
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown })?.code ?? ''));

/** Statements that cannot run inside a transaction, or must not share one: each runs alone. */
const ALONE = /^\s*(PRAGMA|VACUUM|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|ATTACH|DETACH)\b/i;

/** SQLite takes numbers, text, bigints, buffers and null: booleans become 1/0 and undefined null. */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Opens (creating if needed) the file at `path`, or ':memory:'. Throws what SQLite said when it cannot. */
export function openSqliteConnection(path: string, options: { busyTimeoutMs?: number; now?: () => number } = {}): SqliteConnection {
  const busyTimeoutMs = options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  let db: Database.Database;
  try {
    // timeout 0: a locked file answers SQLITE_BUSY at once, and the retry waits on a timer instead of in SQLite.
    db = new Database(path, { timeout: 0 });
  } catch (error) {
    throw sqliteError(error);
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size < PREPARED_STATEMENTS) statements.set(sql, statement);
    }
    return statement;
  };
  const execute = (op: Pending): Rows => {
    const statement = prepare(op.sql);
    const params = op.params.map(bindable);
    if (statement.reader) return statement.all(...params) as Rows;
    statement.run(...params);
    return [];
  };
  const writes = (op: Pending): boolean => {
    try {
      return !prepare(op.sql).readonly;
    } catch {
      // A statement SQLite cannot prepare fails when it runs, alone.
      return false;
    }
  };

  let pending: Pending[] = [];
  let scheduled = false;
  let closed = false;
  let idle: (() => void) | undefined;

  /** The file was busy at `ops[0]`: they go back to the front of the queue and are tried again shortly. */
  const retryLater = (ops: Pending[], error: unknown) => {
    const at = now();
    const waiting: Pending[] = [];
    for (const op of ops) {
      op.busySince ??= at;
      if (at - op.busySince >= busyTimeoutMs) op.reject(sqliteError(error));
      else waiting.push(op);
    }
    pending = [...waiting, ...pending];
    // 1 ms at first, then longer the longer the lock is held.
    return Math.min(BUSY_RETRY_MAX_MS, 1 + Math.floor((at - (waiting[0]?.busySince ?? at)) / 10));
  };

  /** Runs `ops` (all asked before this turn) in order; returns a pause in ms when the file was busy. */
  const runBatch = (ops: Pending[]): number | undefined => {
    let i = 0;
    while (i < ops.length) {
      const op = ops[i] as Pending;
      if (ALONE.test(op.sql) || !writes(op)) {
        // A read, or a statement that runs alone, outside any transaction.
        try {
          op.resolve(execute(op));
        } catch (error) {
          if (isBusy(error)) return retryLater(ops.slice(i), error);
          op.reject(sqliteError(error));
        }
        i += 1;
        continue;
      }
      // A run of statements with no lone one among them, in one transaction: each settles once the commit is done.
      let end = i;
      while (end < ops.length && !ALONE.test((ops[end] as Pending).sql)) end += 1;
      const run = ops.slice(i, end);
      try {
        prepare('BEGIN IMMEDIATE').run();
      } catch (error) {
        if (isBusy(error)) return retryLater(ops.slice(i), error);
        for (const each of run) each.reject(sqliteError(error));
        i = end;
        continue;
      }
      const outcomes: ({ rows: Rows } | { error: unknown })[] = [];
      let aborted: unknown;
      for (const each of run) {
        try {
          outcomes.push({ rows: execute(each) });
        } catch (error) {
          // A failed statement undoes only itself, unless SQLite gave up the whole transaction (disk full, I/O).
          if (!db.inTransaction) {
            aborted = error;
            break;
          }
          outcomes.push({ error: sqliteError(error) });
        }
      }
      if (aborted === undefined) {
        try {
          prepare('COMMIT').run();
        } catch (error) {
          aborted = error;
          if (db.inTransaction) prepare('ROLLBACK').run();
        }
      }
      if (aborted !== undefined) {
        if (isBusy(aborted)) return retryLater(ops.slice(i), aborted);
        for (const each of run) each.reject(sqliteError(aborted));
      } else {
        run.forEach((each, k) => {
          const outcome = outcomes[k] as { rows: Rows } | { error: unknown };
          if ('rows' in outcome) each.resolve(outcome.rows);
          else each.reject(outcome.error);
        });
      }
      i = end;
    }
    return undefined;
  };

  const drain = () => {
    scheduled = false;
    const ops = pending;
    pending = [];
    const pause = runBatch(ops);
    if (pause !== undefined) schedule(pause);
    else if (pending.length) schedule();
    else idle?.();
  };
  const schedule = (pauseMs?: number) => {
    if (scheduled) return;
    scheduled = true;
    if (pauseMs === undefined) setImmediate(drain);
    else setTimeout(drain, pauseMs);
  };

  const query: SqlQuery = (sql, ...params) =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('SQLITE_MISUSE: Database is closed'));
      const op: Pending = { sql, params, resolve, reject };
      // A read with nothing queued before it runs now: no write of ours can be waiting for it to see, and the caller
      // goes on without waiting a turn of the event loop. Writes wait for the turn, to commit together.
      if (!pending.length && !ALONE.test(sql) && !writes(op)) {
        try {
          return resolve(execute(op));
        } catch (error) {
          if (!isBusy(error)) return reject(sqliteError(error));
        }
      }
      pending.push(op);
      schedule();
    });

  const close = async () => {
    if (closed) return;
    closed = true;
    if (pending.length || scheduled) await new Promise<void>((resolve) => (idle = resolve));
    statements.clear();
    db.close();
  };
  return { query, close };
}
