/** Short locks in a SQLite table: one UPSERT takes a free or expired lock, so processes sharing the file exclude each other. */
import { randomUUID } from 'node:crypto';
import type { LockStore } from '../../app/ports.ts';
import type { SqlQuery } from '../keyv/keyv-backend.ts';

/** Table name; lives beside keyv's own table in the store's file. @default locks */
export const LOCKS_TABLE = 'locks';

/** The lock store over a connection to the store's SQLite file (the keyv store's own, in the app). */
export async function createSqlLockStore(query: SqlQuery): Promise<LockStore> {
  await query(`CREATE TABLE IF NOT EXISTS ${LOCKS_TABLE} (key TEXT PRIMARY KEY, token TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
  return {
    async acquire(key, ttlMs) {
      const token = randomUUID();
      const now = Date.now();
      // Inserted when free; taken over only when the holder's lock has expired (it died mid-work).
      const rows = await query(
        `INSERT INTO ${LOCKS_TABLE} (key, token, expires_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at WHERE ${LOCKS_TABLE}.expires_at <= ?
         RETURNING token`,
        key,
        token,
        now + ttlMs,
        now,
      );
      return rows[0]?.token === token ? token : undefined;
    },
    async release(key, token) {
      await query(`DELETE FROM ${LOCKS_TABLE} WHERE key = ? AND token = ?`, key, token);
    },
  };
}
