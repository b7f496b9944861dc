/**
 * Daily-post settings in keyv (one key per server), with a change log beside them that tells a scheduler which
 * servers changed since it last looked: a table on SQLite, a sorted set on Redis.
 */
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { dailySettingsSchema, type DailySettings } from '../../core/daily-settings.ts';
import type { DailySettingsStore } from '../../app/ports.ts';
import { createRedisDailyChangeLog, type RedisChangeLogClient } from '../redis/daily-change-log.ts';
import { createSqlDailyChangeLog } from '../sqlite/daily-change-log.ts';
import { keysWithPrefix } from '../sqlite/sqlite-keyv-adapter.ts';
import type { OpenStore } from './open-store.ts';

const GUILD_PREFIX = 'guild:';
const VERSION_KEY = 'version';
/** The keyv namespace of the settings. @default daily */
export const DAILY_NAMESPACE = 'daily';

/** Which servers changed, in order: what a store with more than keyv keeps beside the settings. */
export interface DailyChangeLog {
  /** Records that a server's settings were written or deleted (called after the write). */
  record(guildId: string): Promise<void>;
  /** The servers changed after `cursor`, and the cursor to pass next. */
  since(cursor: number): Promise<{ cursor: number; changed: string[] }>;
  /** The latest cursor. */
  head(): Promise<number>;
}

/** Options of the keyv settings store. */
export interface KeyvDailySettingsOptions {
  onInvalid?: (guildId: string, problem: string) => void;
  /** Without one, any change is announced as `'all'` through a version key (plain keyv cannot say which). */
  changeLog?: DailyChangeLog;
  /** Lists every stored value at once (one SELECT on SQLite); without it, keyv's paged iterator. */
  listRaw?: () => Promise<[guildId: string, value: unknown][]>;
}

/**
 * Wraps a keyv instance (give it its own namespace, e.g. `daily`). Values failing the schema are
 * skipped with a warning rather than crashing the tick, and never silently rewritten.
 */
export function createKeyvDailySettingsStore(keyv: Keyv, options: KeyvDailySettingsOptions = {}): DailySettingsStore {
  const parse = (guildId: string, value: unknown): DailySettings | undefined => {
    const result = dailySettingsSchema.safeParse(value);
    if (result.success) return result.data;
    options.onInvalid?.(guildId, result.error.message);
    return undefined;
  };
  const { changeLog } = options;
  // Written after the data, so a reader that saw the change also sees the new data.
  const changed = (guildId: string) => (changeLog ? changeLog.record(guildId) : keyv.set(VERSION_KEY, randomUUID()));

  const iterate = async (): Promise<[string, unknown][]> => {
    if (!keyv.iterator) throw new Error('this keyv store cannot list its keys; use sqlite:// or redis://');
    const found: [string, unknown][] = [];
    // The generated iterator ignores its argument and lists this keyv namespace.
    for await (const [key, value] of keyv.iterator(undefined) as AsyncGenerator<[unknown, unknown]>) {
      if (typeof key === 'string' && key.startsWith(GUILD_PREFIX)) found.push([key.slice(GUILD_PREFIX.length), value]);
    }
    return found;
  };

  return {
    async get(guildId) {
      const value: unknown = await keyv.get(`${GUILD_PREFIX}${guildId}`);
      return value === undefined ? undefined : parse(guildId, value);
    },
    async set(settings) {
      await keyv.set(`${GUILD_PREFIX}${settings.guildId}`, dailySettingsSchema.parse(settings));
      await changed(settings.guildId);
    },
    async delete(guildId) {
      await keyv.delete(`${GUILD_PREFIX}${guildId}`);
      await changed(guildId);
    },
    async all() {
      const found: DailySettings[] = [];
      for (const [guildId, value] of await (options.listRaw ?? iterate)()) {
        const settings = parse(guildId, value);
        if (settings) found.push(settings);
      }
      return found;
    },
    async changes(cursor) {
      if (changeLog) {
        // No cursor yet: take the log's head before the caller lists everything, so a change landing in between is
        // seen again on the next call (re-reading a server is harmless; missing one is not).
        if (cursor === undefined) return { cursor: String(await changeLog.head()), changed: 'all' };
        const { cursor: next, changed: guildIds } = await changeLog.since(Number(cursor));
        return { cursor: String(next), changed: guildIds };
      }
      const version = ((await keyv.get(VERSION_KEY)) as string | undefined) ?? 'none';
      return { cursor: version, changed: version === cursor ? [] : 'all' };
    },
  };
}

/** The settings store of an open store, with the change log of its backend (and one SELECT to list on SQLite). */
export async function openDailySettingsStore(store: OpenStore, options: Pick<KeyvDailySettingsOptions, 'onInvalid'> = {}): Promise<DailySettingsStore> {
  const keyv = store.namespace(DAILY_NAMESPACE);
  const { sql, redis } = store;
  if (sql) {
    // keyv keeps `<namespace>:<key>` → its serialised `{ value }`; reading the rows directly skips the paged iterator.
    const prefix = `${DAILY_NAMESPACE}:${GUILD_PREFIX}`;
    const listRaw = async () => {
      const { where, params } = keysWithPrefix(prefix);
      const rows = await sql(`SELECT key, value FROM keyv WHERE ${where}`, ...params);
      return Promise.all(
        rows.map(async (row): Promise<[string, unknown]> => [String(row.key).slice(prefix.length), (await keyv.deserialize?.(String(row.value)))?.value]),
      );
    };
    return createKeyvDailySettingsStore(keyv, { ...options, changeLog: await createSqlDailyChangeLog(sql), listRaw });
  }
  if (redis) return createKeyvDailySettingsStore(keyv, { ...options, changeLog: createRedisDailyChangeLog(redis as unknown as RedisChangeLogClient) });
  return createKeyvDailySettingsStore(keyv, options);
}
