/** Daily-post settings in keyv: one key per server plus a version key the scheduler polls to know when to reload. */
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { dailySettingsSchema, type DailySettings } from '../../core/daily-settings.ts';
import type { DailySettingsStore } from '../../app/ports.ts';

const GUILD_PREFIX = 'guild:';
const VERSION_KEY = 'version';

/**
 * Wraps a keyv instance (give it its own namespace, e.g. `daily`). Values failing the schema are
 * skipped with a warning rather than crashing the tick, and never silently rewritten.
 */
export function createKeyvDailySettingsStore(keyv: Keyv, options: { onInvalid?: (guildId: string, problem: string) => void } = {}): DailySettingsStore {
  const parse = (guildId: string, value: unknown): DailySettings | undefined => {
    const result = dailySettingsSchema.safeParse(value);
    if (result.success) return result.data;
    options.onInvalid?.(guildId, result.error.message);
    return undefined;
  };
  // Written after the data, so a reader that saw the new version also sees the new data.
  const bump = () => keyv.set(VERSION_KEY, randomUUID());

  return {
    async get(guildId) {
      const value: unknown = await keyv.get(`${GUILD_PREFIX}${guildId}`);
      return value === undefined ? undefined : parse(guildId, value);
    },
    async set(settings) {
      await keyv.set(`${GUILD_PREFIX}${settings.guildId}`, dailySettingsSchema.parse(settings));
      await bump();
    },
    async delete(guildId) {
      await keyv.delete(`${GUILD_PREFIX}${guildId}`);
      await bump();
    },
    async all() {
      if (!keyv.iterator) throw new Error('this keyv store cannot list its keys; use sqlite:// or redis://');
      const found: DailySettings[] = [];
      // The generated iterator ignores its argument and lists this keyv namespace.
      for await (const [key, value] of keyv.iterator(undefined) as AsyncGenerator<[unknown, unknown]>) {
        if (typeof key !== 'string' || !key.startsWith(GUILD_PREFIX)) continue;
        const settings = parse(key.slice(GUILD_PREFIX.length), value);
        if (settings) found.push(settings);
      }
      return found;
    },
    async version() {
      return ((await keyv.get(VERSION_KEY)) as string | undefined) ?? 'none';
    },
  };
}
