import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keyvProfileStore } from '../../src/adapters/keyv/keyv-member-stores.ts';
import { openStore, StoreError, type OpenStore } from '../../src/adapters/keyv/open-store.ts';
import { redisReconnectDelay } from '../../src/adapters/redis/redis-connection.ts';
import { openClaimStore } from '../../src/adapters/open-claim-store.ts';
import { openSqliteConnection } from '../../src/adapters/sqlite/sqlite-connection.ts';
import { PURGE_WINDOW_ROWS } from '../../src/adapters/sqlite/sqlite-keyv.ts';
import { describeWithRedis, freePort, useRedisServer } from '../support/redis-server.ts';
import { parseStoreUrl, redactStoreUrl } from '../../src/adapters/keyv/store-url.ts';

let dir: string;
let opened: OpenStore[] = [];
const open = async (file = 'coach.sqlite') => {
  const store = await openStore(`sqlite://${join(dir, file)}`);
  opened.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pump-coach-store-'));
  opened = [];
});
afterEach(async () => {
  for (const store of opened) await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore on SQLite', () => {
  test('GIVEN a path in a folder that does not exist THEN the folder is created and data survives a reopen', async () => {
    const first = await openStore(`sqlite://${join(dir, 'nested', 'deeper', 'coach.sqlite')}`);
    await keyvProfileStore(first).set('m1', { level: 'advanced', updatedAt: 'now' });
    await first.close();
    const second = await open(join('nested', 'deeper', 'coach.sqlite'));
    expect(await keyvProfileStore(second).get('m1')).toEqual({ level: 'advanced', updatedAt: 'now' });
  });

  test('GIVEN hundreds of writes, then reads, asked at once THEN every write lands (the last to a key wins) and each read gets its own key', async () => {
    const store = await open();
    const keyv = store.namespace<number>('grouped');
    await Promise.all(Array.from({ length: 900 }, (_, i) => keyv.set(`k${i % 300}`, i)));
    expect(await Promise.all(Array.from({ length: 301 }, (_, i) => keyv.get(`k${i}`)))).toEqual([...Array.from({ length: 300 }, (_, i) => 600 + i), undefined]);
    expect(await Promise.all([keyv.delete('k7'), keyv.delete('k8'), keyv.delete('none')])).toEqual([true, true, false]);
    expect(await keyv.get('k7')).toBeUndefined();
    // A second connection (another process) sees every write.
    const other = await open();
    expect(await other.namespace<number>('grouped').get('k299')).toBe(899);
  });

  test('GIVEN keyv\'s own statements asked at once on the raw connection THEN they run in the order asked', async () => {
    const store = await open();
    const sql = store.sql!;
    const upsert = 'INSERT INTO keyv (key, value)\n\t\t\tVALUES(?, ?) \n\t\t\tON CONFLICT(key) \n\t\t\tDO UPDATE SET value=excluded.value;';
    const read = 'SELECT * FROM keyv WHERE key = ?';
    const steps = [sql(upsert, 'a', '1'), sql(read, 'a'), sql(upsert, 'a', '2'), sql(upsert, 'b', '3'), sql(read, 'a'), sql(read, 'b'), sql('DELETE FROM keyv WHERE key = ?', 'a'), sql(read, 'a')];
    const rows = await Promise.all(steps);
    expect([rows[1], rows[4], rows[5], rows[7]]).toEqual([[{ key: 'a', value: '1' }], [{ key: 'a', value: '2' }], [{ key: 'b', value: '3' }], []]);
  });

  test('GIVEN two kinds of data under the same key THEN each namespace keeps its own value', async () => {
    const store = await open();
    await store.namespace('profiles').set('k', 'profile');
    await store.namespace('votes').set('k', 'vote');
    expect(await store.namespace('profiles').get('k')).toBe('profile');
    expect(await store.namespace('votes').get('k')).toBe('vote');
  });

  test('GIVEN a file that is not a SQLite database THEN opening fails with a StoreError saying what to do', async () => {
    const file = join(dir, 'corrupt.sqlite');
    writeFileSync(file, 'definitely not sqlite '.repeat(200));
    await expect(openStore(`sqlite://${file}`)).rejects.toThrow(StoreError);
    await expect(openStore(`sqlite://${file}`)).rejects.toThrow(/is damaged .*restore .* from a backup, or move it aside/);
  });

  test('GIVEN a path that cannot be created (its parent is a file) THEN opening fails with a StoreError', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    await expect(openStore(`sqlite://${join(file, 'coach.sqlite')}`)).rejects.toThrow(/cannot be written/);
  });

  test('GIVEN an unsupported URL THEN opening fails naming the supported ones', async () => {
    await expect(openStore('mysql://db/coach')).rejects.toThrow(/sqlite:\/\/.*redis:\/\//);
  });

  test('GIVEN KEYV_URL forms THEN they parse to a backend and an absolute path, and passwords are hidden', () => {
    expect(parseStoreUrl('sqlite://data/coach.sqlite', '/srv/app')).toEqual({ kind: 'sqlite', url: 'sqlite://data/coach.sqlite', path: '/srv/app/data/coach.sqlite' });
    expect(parseStoreUrl('sqlite:///var/lib/coach.sqlite')).toMatchObject({ path: '/var/lib/coach.sqlite' });
    expect(parseStoreUrl('redis://:secret@cache:6379')).toEqual({ kind: 'redis', url: 'redis://:secret@cache:6379' });
    expect(redactStoreUrl('redis://user:secret@cache:6379')).toBe('redis://user:[redacted]@cache:6379');
  });
});

describe('SQLite while another process holds the write lock', () => {
  test('GIVEN another connection mid-transaction THEN reads still answer, the event loop keeps running while a write waits, and the write lands once the lock is released', async () => {
    const store = await open();
    const keyv = store.namespace<string>('locked');
    await keyv.set('before', 'x');
    const other = new Database(join(dir, 'coach.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    expect(await keyv.get('before')).toBe('x');
    let written = false;
    const write = keyv.set('during', 'y').then(() => (written = true));
    // The write waits on a timer, not inside SQLite: other timers keep firing meanwhile.
    let ticks = 0;
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(() => resolve(ticks++), 10));
    expect(ticks).toBe(5);
    expect(written).toBe(false);
    other.exec('COMMIT');
    other.close();
    await write;
    expect(await keyv.get('during')).toBe('y');
  });

  test('GIVEN the lock is never released THEN the write fails with SQLITE_BUSY after the busy timeout, and the next write after release succeeds', async () => {
    const file = join(dir, 'busy.sqlite');
    const connection = openSqliteConnection(file, { busyTimeoutMs: 100 });
    await connection.query('CREATE TABLE t (x)');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    await expect(connection.query('INSERT INTO t VALUES (1)')).rejects.toThrow(/SQLITE_BUSY/);
    other.exec('ROLLBACK');
    other.close();
    await connection.query('INSERT INTO t VALUES (2)');
    expect(await connection.query('SELECT x FROM t')).toEqual([{ x: 2 }]);
    await connection.close();
  });

  test('GIVEN statements that fail inside a group of writes THEN only they fail; the others commit', async () => {
    const connection = openSqliteConnection(join(dir, 'group.sqlite'));
    await connection.query('CREATE TABLE t (x INTEGER PRIMARY KEY)');
    const results = await Promise.allSettled([connection.query('INSERT INTO t VALUES (1)'), connection.query('INSERT INTO t VALUES (1)'), connection.query('INSERT INTO t VALUES (2)')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/SQLITE_CONSTRAINT/);
    expect(await connection.query('SELECT x FROM t ORDER BY x')).toEqual([{ x: 1 }, { x: 2 }]);
    await connection.close();
  });
});

describe('SQLite maintenance', () => {
  test('GIVEN expired entries THEN purgeExpired deletes them and keeps live ones', async () => {
    const store = await open();
    const kv = store.namespace<string>('workout-sessions');
    await kv.set('old', 'x', 1);
    await kv.set('live', 'y', 60_000);
    await kv.set('forever', 'z');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.purgeExpired()).toBe(1);
    expect(await kv.get('live')).toBe('y');
    expect(await kv.get('forever')).toBe('z');
  });

  test('GIVEN more entries than one sweep window, expired ones among them THEN every expired one goes, window by window, and live ones stay', async () => {
    const store = await open();
    const kv = store.namespace<number>('workout-sessions');
    const total = PURGE_WINDOW_ROWS * 2 + 7;
    await Promise.all(Array.from({ length: total }, (_, i) => kv.set(`k${i}`, i, i % 3 === 0 ? 1 : 60_000)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const expired = Array.from({ length: total }, (_, i) => i).filter((i) => i % 3 === 0);
    expect(await store.purgeExpired()).toBe(expired.length);
    const left = await store.sql!(`SELECT count(*) AS n FROM keyv WHERE key LIKE 'workout-sessions:%'`);
    expect(left[0]?.n).toBe(total - expired.length);
    expect(await kv.get('k1')).toBe(1);
  });

  test('GIVEN the store stays open THEN expired entries are swept on its own schedule, not only at start-up', async () => {
    const store = await openStore(`sqlite://${join(dir, 'swept.sqlite')}`, { sweepEveryMs: 10 });
    opened.push(store);
    const kv = store.namespace<string>('workout-sessions');
    await kv.set('old', 'x', 1);
    await kv.set('live', 'y', 60_000);
    const stored = async () => (await store.sql?.(`SELECT key FROM keyv WHERE key LIKE 'workout-sessions:%' ORDER BY key`))?.map((r) => r.key);
    // Nothing reads 'old' again; only the sweep can remove it.
    for (let i = 0; i < 200 && (await stored())?.length !== 1; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await stored()).toEqual(['workout-sessions:live']);
  });

  test('GIVEN the store is closed THEN operations fail loudly instead of losing data silently', async () => {
    const store = await open();
    const profiles = keyvProfileStore(store);
    await store.close();
    await expect(profiles.set('m1', { updatedAt: 'x' })).rejects.toThrow();
  });
});

describe('Redis reconnection policy', () => {
  test.each([
    [false, 0, false],
    [true, 0, 100],
    [true, 3, 800],
    [true, 30, 5000],
  ])('GIVEN connected before %s and retry %i THEN the reconnect delay is %s', (connected, retries, expected) => {
    expect(redisReconnectDelay(connected, retries)).toBe(expected);
  });
});

describeWithRedis('openStore on a real Redis', () => {
  const redis = useRedisServer();

  test('GIVEN nothing listens at the Redis URL THEN start-up fails at once with a StoreError, without retrying', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(openStore(url)).rejects.toThrow(StoreError);
    await expect(openStore(url)).rejects.toThrow(/Cannot reach Redis/);
  });

  test('GIVEN the Redis connections drop after start-up THEN the shared client reconnects: profiles and daily claims keep working', async () => {
    const store = await openStore(redis.url);
    opened.push(store);
    const profiles = keyvProfileStore(store);
    // The daily claims use the shared client directly, without keyv's reconnect-on-use.
    const claims = await openClaimStore(store);
    await profiles.set('m1', { level: 'beginner', updatedAt: 'x' });
    await redis.dropClients();
    // Calls fail fast while the link is down; once it is back they succeed again.
    const eventually = async (work: () => Promise<unknown>) => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        if (await work().then(() => true, () => false)) return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return false;
    };
    expect(await eventually(() => claims.get('g1:2026-06-10'))).toBe(true);
    expect(await claims.claim('g1:2026-06-10', 'p1', new Date('2026-06-10T05:00:00Z'))).toBe(true);
    expect(await eventually(() => profiles.set('m2', { level: 'advanced', updatedAt: 'y' }))).toBe(true);
    expect(await profiles.get('m2')).toMatchObject({ level: 'advanced' });
    expect(await profiles.get('m1')).toMatchObject({ level: 'beginner' });
  });

  test('GIVEN keys of other namespaces and other tools in the same Redis THEN a prefix delete takes only its own', async () => {
    const store = await openStore(redis.url);
    opened.push(store);
    await store.namespace('workout-sessions').set('m1:s1', 'a');
    await store.namespace('workout-sessions').set('m10:s1', 'b');
    await store.namespace('profiles').set('m1:s1', 'c');
    await redis.command('SET', 'workout-sessions:m1:raw', 'someone else');
    await store.deletePrefix('workout-sessions', 'm1:');
    expect(await store.namespace('workout-sessions').get('m1:s1')).toBeUndefined();
    expect(await store.namespace('workout-sessions').get('m10:s1')).toBe('b');
    expect(await store.namespace('profiles').get('m1:s1')).toBe('c');
    expect(await redis.command('GET', 'workout-sessions:m1:raw')).toContain('someone else');
  });
});

describe('values as keyv stores them (its escaping of strings that start with ":")', () => {
  const values: Array<[string, unknown]> = [
    ['a plain record', { level: 'advanced', sets: [3, 4], note: 'felt strong', nested: { at: '2026-01-01T10:00:00.000Z' } }],
    ['a note that starts with a colon', { note: ':) easy day', tags: [':smile:', 'ok'] }],
    ['a string alone that starts with a colon', '::double'],
    ['an array whose first string starts with a colon', [':a', 'b', { c: ':d' }]],
    ['text holding a colon and quotes inside', { note: 'he said ":" then left, [":"]' }],
  ];

  test.each(values)('GIVEN %s THEN another connection reads it back exactly as written', async (_name, value) => {
    const [writer, reader] = [await open(), await open()];
    await writer.namespace('values').set('k', value);
    expect(await reader.namespace('values').get('k')).toEqual(value);
  });
});
