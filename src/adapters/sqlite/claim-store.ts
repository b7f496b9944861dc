/**
 * The daily-post claim table on SQLite, used directly (not through keyv) because keyv has no compare-and-set:
 * `INSERT … ON CONFLICT DO NOTHING RETURNING` makes exactly one of several processes win a key.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ClaimStore, DailyClaimRecord } from '../../app/ports.ts';
import type { SqlQuery } from '../keyv/keyv-backend.ts';
import { openSqliteConnection } from './sqlite-connection.ts';

/** Table name; lives beside keyv's own table when they share a file. @default daily_claims */
export const CLAIMS_TABLE = 'daily_claims';

/** A claim store that could not open its file. */
export class ClaimStoreError extends Error {
  override readonly name = 'ClaimStoreError';
}

interface Row {
  key: string;
  status: DailyClaimRecord['status'];
  owner: string;
  claimed_at: string;
  posted_at: string | null;
  message_id: string | null;
  note: string | null;
}


const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${CLAIMS_TABLE} (
  key TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  owner TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  posted_at TEXT,
  message_id TEXT,
  note TEXT
)`;

/**
 * The claim store over any connection to the SQLite file: the app passes the keyv store's own connection
 * (one writer per process, no lock contention with keyv); tests and tools may open their own.
 */
export async function createSqlClaimStore(query: SqlQuery, close: () => Promise<void> = async () => undefined): Promise<ClaimStore> {
  await query(CREATE_TABLE);
  // Marks and renewals touch only the caller's own unmarked claim (owner and status in the WHERE): a process whose
  // send stalled past the stale window must not overwrite the record of the process that took the slot over.
  const mark = async (key: string, owner: string, assignments: string, ...values: unknown[]) =>
    (await query(`UPDATE ${CLAIMS_TABLE} SET ${assignments} WHERE key = ? AND owner = ? AND status = 'claimed' RETURNING key`, ...values, key, owner)).length === 1;
  return {
    async claim(key, owner, at) {
      const rows = await query(
        `INSERT INTO ${CLAIMS_TABLE} (key, status, owner, claimed_at) VALUES (?, 'claimed', ?, ?)
         ON CONFLICT(key) DO NOTHING RETURNING key`,
        key,
        owner,
        at.toISOString(),
      );
      return rows.length === 1;
    },
    markPosted: (key, owner, messageId, at) => mark(key, owner, `status = 'posted', posted_at = ?, message_id = ?`, at.toISOString(), messageId),
    markFailed: (key, owner, note, at) => mark(key, owner, `status = 'failed', posted_at = ?, note = ?`, at.toISOString(), note),
    renew: (key, owner, at) => mark(key, owner, 'claimed_at = ?', at.toISOString()),
    async release(key, owner) {
      // Only our own unposted claim: never free a slot someone else holds or one that went out.
      await query(`DELETE FROM ${CLAIMS_TABLE} WHERE key = ? AND owner = ? AND status = 'claimed'`, key, owner);
    },
    async reclaimStale(key, owner, staleBefore, at) {
      // ISO instants of one format compare correctly as text.
      const rows = await query(
        `UPDATE ${CLAIMS_TABLE} SET owner = ?, claimed_at = ? WHERE key = ? AND status = 'claimed' AND claimed_at < ? RETURNING key`,
        owner,
        at.toISOString(),
        key,
        staleBefore.toISOString(),
      );
      return rows.length === 1;
    },
    async recordMissed(key, note, at) {
      const rows = await query(
        `INSERT INTO ${CLAIMS_TABLE} (key, status, owner, claimed_at, note) VALUES (?, 'missed', '', ?, ?)
         ON CONFLICT(key) DO NOTHING RETURNING key`,
        key,
        at.toISOString(),
        note,
      );
      return rows.length === 1;
    },
    async get(key) {
      const [row] = (await query(`SELECT * FROM ${CLAIMS_TABLE} WHERE key = ?`, key)) as unknown as Row[];
      if (!row) return undefined;
      const record: DailyClaimRecord = { key: row.key, status: row.status, owner: row.owner, claimedAt: row.claimed_at };
      if (row.posted_at) record.postedAt = row.posted_at;
      if (row.message_id) record.messageId = row.message_id;
      if (row.note) record.note = row.note;
      return record;
    },
    close,
  };
}

/** Opens its own connection to a file (WAL, busy timeout) and the claim store on it. */
export async function openSqliteClaimStore(path: string, options: { busyTimeoutMs?: number } = {}): Promise<ClaimStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let connection: ReturnType<typeof openSqliteConnection>;
  try {
    // Another process may hold the write lock for a moment; wait rather than fail the claim.
    connection = openSqliteConnection(path, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
  } catch (error) {
    throw new ClaimStoreError(`cannot open claim store ${path}: ${(error as Error).message}`);
  }
  try {
    // WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes.
    await connection.query('PRAGMA journal_mode = WAL');
    await connection.query('PRAGMA synchronous = NORMAL');
    return await createSqlClaimStore(connection.query, connection.close);
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new ClaimStoreError(`cannot prepare claim store ${path}: ${(error as Error).message}`);
  }
}
