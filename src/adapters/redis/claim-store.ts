/** The daily-post claim store on Redis: `SET key value NX PX ttl` makes exactly one process win a slot. */
import type { ClaimStore, DailyClaimRecord } from '../../app/ports.ts';

/** The few node-redis v5 calls the store uses (the shared client from openStore satisfies it). */
export interface RedisClaimClient {
  set(key: string, value: string, options: { condition?: 'NX'; expiration?: { type: 'PX'; value: number } }): Promise<unknown>;
  get(key: string): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Key prefix of claim records. @default daily-claim: */
export const REDIS_CLAIM_PREFIX = 'daily-claim:';
/** How long a record is kept: long enough to cover any catch-up window, short enough not to pile up. @default 8 days */
export const REDIS_CLAIM_TTL_MS = 8 * 24 * 60 * 60 * 1000;

// Deletes the record only while it is still this owner's unposted claim (check and delete in one step).
const RELEASE_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.owner == ARGV[1] and record.status == 'claimed' then return redis.call('DEL', KEYS[1]) end
return 0`;

// Merges ARGV[2] (a JSON object) into the record only while it is still ARGV[1]'s unmarked claim, keeping its expiry:
// a process whose send stalled past the stale window must not overwrite the record of the process that took over.
const MARK_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.owner ~= ARGV[1] or record.status ~= 'claimed' then return 0 end
for field, value in pairs(cjson.decode(ARGV[2])) do record[field] = value end
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1`;

// Takes over a claim left `claimed` since before ARGV[1] (ISO instants compare as text), keeping its expiry.
const RECLAIM_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.status ~= 'claimed' or record.claimedAt >= ARGV[1] then return 0 end
record.owner = ARGV[2]
record.claimedAt = ARGV[3]
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1`;

/** Claims on a connected Redis client. */
export function createRedisClaimStore(client: RedisClaimClient): ClaimStore {
  const keyOf = (key: string) => `${REDIS_CLAIM_PREFIX}${key}`;
  const read = async (key: string): Promise<DailyClaimRecord | undefined> => {
    const raw = await client.get(keyOf(key));
    return raw ? (JSON.parse(raw) as DailyClaimRecord) : undefined;
  };
  const insert = async (record: DailyClaimRecord) =>
    (await client.set(keyOf(record.key), JSON.stringify(record), { condition: 'NX', expiration: { type: 'PX', value: REDIS_CLAIM_TTL_MS } })) === 'OK';
  const mark = async (key: string, owner: string, change: Partial<DailyClaimRecord>) =>
    (await client.eval(MARK_SCRIPT, { keys: [keyOf(key)], arguments: [owner, JSON.stringify(change)] })) === 1;

  return {
    claim: (key, owner, at) => insert({ key, status: 'claimed', owner, claimedAt: at.toISOString() }),
    markPosted: (key, owner, messageId, at) => mark(key, owner, { status: 'posted', messageId, postedAt: at.toISOString() }),
    markFailed: (key, owner, note, at) => mark(key, owner, { status: 'failed', note, postedAt: at.toISOString() }),
    renew: (key, owner, at) => mark(key, owner, { claimedAt: at.toISOString() }),
    async release(key, owner) {
      await client.eval(RELEASE_SCRIPT, { keys: [keyOf(key)], arguments: [owner] });
    },
    async reclaimStale(key, owner, staleBefore, at) {
      return (await client.eval(RECLAIM_SCRIPT, { keys: [keyOf(key)], arguments: [staleBefore.toISOString(), owner, at.toISOString()] })) === 1;
    },
    recordMissed: (key, note, at) => insert({ key, status: 'missed', owner: '', claimedAt: at.toISOString(), note }),
    get: read,
    // The client is shared with keyv and closed by the store that opened it.
    close: async () => undefined,
  };
}
