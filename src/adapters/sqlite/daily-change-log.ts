/**
 * The daily settings' change log on SQLite: one row per server with the sequence number of its latest change, indexed
 * by that number, so a scheduler reads only what changed since it last looked (one indexed SELECT, empty when nothing
 * did) instead of listing every server after any `/daily set`.
 */
import type { SqlQuery } from '../keyv/keyv-backend.ts';
import type { DailyChangeLog } from '../keyv/daily-settings-store.ts';

/** Table name; lives beside keyv's own table. @default daily_changes */
export const CHANGES_TABLE = 'daily_changes';

/** The change log over the keyv store's connection to the SQLite file. */
export async function createSqlDailyChangeLog(query: SqlQuery): Promise<DailyChangeLog> {
  await query(`CREATE TABLE IF NOT EXISTS ${CHANGES_TABLE} (guild_id TEXT PRIMARY KEY, seq INTEGER NOT NULL)`);
  await query(`CREATE INDEX IF NOT EXISTS ${CHANGES_TABLE}_seq ON ${CHANGES_TABLE} (seq)`);
  const head = async () => Number((await query(`SELECT COALESCE(MAX(seq), 0) AS seq FROM ${CHANGES_TABLE}`))[0]?.seq ?? 0);
  return {
    async record(guildId) {
      // One statement: SQLite takes the write lock before reading MAX, so two processes never draw the same number,
      // and numbers commit in order (a reader never sees 8 before 7).
      await query(
        `INSERT INTO ${CHANGES_TABLE} (guild_id, seq) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ${CHANGES_TABLE}))
         ON CONFLICT(guild_id) DO UPDATE SET seq = excluded.seq`,
        guildId,
      );
    },
    async since(cursor) {
      const rows = await query(`SELECT guild_id, seq FROM ${CHANGES_TABLE} WHERE seq > ? ORDER BY seq`, cursor);
      const last = rows.at(-1);
      return { cursor: last ? Number(last.seq) : cursor, changed: rows.map((row) => String(row.guild_id)) };
    },
    head,
  };
}
