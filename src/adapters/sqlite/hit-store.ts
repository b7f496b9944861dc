/**
 * Rate-limit hits in a SQLite table, each request one statement: an UPSERT that drops the hits outside the window
 * and adds this one only if the budget allows, so processes sharing the file share one budget (SQLite runs each
 * statement under the file's write lock).
 */
import type { HitStore } from '../../app/ports.ts';
import type { SqlQuery } from '../keyv/keyv-backend.ts';

/** Table name; lives beside keyv's own table in the store's file. @default rate_hits */
export const HITS_TABLE = 'rate_hits';
/** How often expired rows are swept while the store is in use. @default 1 hour */
export const HITS_SWEEP_MS = 60 * 60_000;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${HITS_TABLE} (
  key TEXT PRIMARY KEY,
  hits TEXT NOT NULL,
  recorded INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
)`;

// Named parameters: @key, @now, @window (ms) and @limit. The SET expressions all read the row as it was, so `recorded`, `hits` and
// `expires_at` agree with one another; RETURNING gives the row as written. A hit later than now (the clock was
// stepped back) is kept as made now, as recordHit does.
const KEPT = `(SELECT min(value, @now) AS value FROM json_each(${HITS_TABLE}.hits) WHERE value > @now - @window)`;
const FITS = `((SELECT count(*) FROM ${KEPT}) < @limit)`;
const HIT = `INSERT INTO ${HITS_TABLE} (key, hits, recorded, expires_at) VALUES (@key, json_array(@now), 1, @now + @window)
ON CONFLICT(key) DO UPDATE SET
  recorded = ${FITS},
  hits = (SELECT json_group_array(value) FROM (SELECT value FROM ${KEPT} UNION ALL SELECT @now WHERE ${FITS})),
  expires_at = CASE WHEN ${FITS} THEN @now + @window ELSE ${HITS_TABLE}.expires_at END
RETURNING hits, recorded`;

/** The hit store over a connection to the store's SQLite file (the keyv store's own, in the app). */
export async function createSqlHitStore(query: SqlQuery, now: () => number = Date.now): Promise<HitStore> {
  await query(CREATE_TABLE);
  let sweptAt = 0;
  const sweep = async () => {
    sweptAt = now();
    await query(`DELETE FROM ${HITS_TABLE} WHERE expires_at < ?`, sweptAt);
  };
  await sweep();
  return {
    async hit(key, nowMs, window) {
      if (now() - sweptAt > HITS_SWEEP_MS) await sweep();
      const [row] = await query(HIT, { key, now: nowMs, window: window.windowMs, limit: window.limit });
      const hits = (JSON.parse(String(row?.hits ?? '[]')) as number[]).sort((a, b) => a - b);
      return { recorded: Number(row?.recorded) === 1, hits };
    },
    async delete(key) {
      await query(`DELETE FROM ${HITS_TABLE} WHERE key = ?`, key);
    },
  };
}
