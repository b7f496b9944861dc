import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDailyScheduler } from '../../src/app/daily-scheduler.ts';
import { createDailyService } from '../../src/app/daily-service.ts';
import { dailyMessages } from '../../src/app/daily-messages.ts';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { openClaimStore } from '../../src/adapters/open-claim-store.ts';
import { openDailySettingsStore } from '../../src/adapters/keyv/daily-settings-store.ts';
import { ManualClock, RecordingPoster, dailySettings, fakeCompose } from '../fakes/daily-fakes.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daily-service-'));
  file = join(dir, 'coach.sqlite');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** One "process": its own connections to the shared file, its own service, the shared clock and poster. */
async function boot(clock: ManualClock, poster: RecordingPoster, owner: string) {
  const store = await openStore(`sqlite://${file}`);
  // The production composition: claims on the keyv store's own connection to the file.
  const claims = await openClaimStore(store);
  const settings = await openDailySettingsStore(store);
  const deps = { settings, claims, poster, clock, compose: fakeCompose, catchupMinutes: 180, owner };
  const service = { ...createDailyService(deps), ...createDailyScheduler(deps) };
  return {
    service,
    settings,
    claims,
    async stop() {
      await claims.close();
      await store.close();
    },
  };
}

async function tickMinutes(clock: ManualClock, service: { tick(): Promise<unknown> }, minutes: number) {
  for (let i = 0; i < minutes; i += 1) {
    await service.tick();
    clock.advanceMinutes(1);
  }
}

describe('daily posts on the SQLite store', () => {
  test('GIVEN settings saved through keyv THEN they read back validated and the change log names each write', async () => {
    const clock = new ManualClock('2026-06-10T04:00:00Z');
    const bot = await boot(clock, new RecordingPoster(clock), 'p1');
    const { cursor } = await bot.settings.changes(undefined);
    await bot.settings.set(dailySettings({ guildId: 'g1', split: ['glutes', 'legs'] }));
    const after = await bot.settings.changes(cursor);
    expect(after.changed).toEqual(['g1']);
    expect(await bot.settings.get('g1')).toMatchObject({ guildId: 'g1', split: ['glutes', 'legs'] });
    expect((await bot.settings.all()).map((s) => s.guildId)).toEqual(['g1']);
    await bot.settings.delete('g1');
    expect(await bot.settings.all()).toEqual([]);
    expect((await bot.settings.changes(after.cursor)).changed).toEqual(['g1']);
    await bot.stop();
  });

  test.each([
    // [when the process restarts, posts expected in total, today's record]
    ['before the slot', '2026-06-10T04:58:00Z', 1],
    ['a minute after posting', '2026-06-10T05:01:00Z', 1],
    ['late in the window', '2026-06-10T07:30:00Z', 1],
    ['after the window', '2026-06-10T09:00:00Z', 1],
  ])('GIVEN a restart %s THEN the slot is posted exactly once', async (_label, restartAt, posts) => {
    const clock = new ManualClock('2026-06-10T04:50:00Z');
    const poster = new RecordingPoster(clock);
    let bot = await boot(clock, poster, 'p1');
    await bot.settings.set(dailySettings({ guildId: 'g1' }));
    while (clock.now() < new Date(restartAt)) {
      await bot.service.tick();
      clock.advanceMinutes(1);
    }
    await bot.stop();
    bot = await boot(clock, poster, 'p2');
    await tickMinutes(clock, bot.service, 240);
    expect(poster.sent).toHaveLength(posts);
    expect((await bot.claims.get('g1:2026-06-10'))?.status).toBe('posted');
    await bot.stop();
  });

  test('GIVEN the bot was down from before the slot until after the window THEN the slot is recorded missed, not posted late', async () => {
    const clock = new ManualClock('2026-06-10T04:00:00Z');
    const poster = new RecordingPoster(clock);
    let bot = await boot(clock, poster, 'p1');
    await bot.settings.set(dailySettings({ guildId: 'g1' }));
    await bot.service.tick();
    await bot.stop();
    clock.set('2026-06-10T08:00:00Z');
    bot = await boot(clock, poster, 'p2');
    const report = await bot.service.tick();
    expect(report.missed).toEqual(['g1:2026-06-10']);
    expect(poster.sent).toHaveLength(0);
    expect(await bot.claims.get('g1:2026-06-10')).toMatchObject({ status: 'missed' });
    await bot.stop();
  });

  test('GIVEN the bot was down until one minute before the window closes THEN it still posts the slot', async () => {
    const clock = new ManualClock('2026-06-10T07:59:00Z');
    const poster = new RecordingPoster(clock);
    const bot = await boot(clock, poster, 'p1');
    await bot.settings.set(dailySettings({ guildId: 'g1' }));
    await bot.service.tick();
    expect(poster.sent.map((p) => p.at.toISOString())).toEqual(['2026-06-10T07:59:00.000Z']);
    await bot.stop();
  });

  test('GIVEN a deleted channel THEN the pause and its reason survive a restart and nothing is retried', async () => {
    const clock = new ManualClock('2026-06-10T05:00:00Z');
    const poster = new RecordingPoster(clock);
    poster.gone.add('c-g1');
    let bot = await boot(clock, poster, 'p1');
    await bot.settings.set(dailySettings({ guildId: 'g1' }));
    await bot.service.tick();
    await bot.stop();
    bot = await boot(clock, poster, 'p2');
    await tickMinutes(clock, bot.service, 60 * 26);
    expect(poster.sent).toHaveLength(0);
    const status = await bot.service.status('g1');
    expect(status?.settings.paused?.reason).toBe(dailyMessages.pausedGone);
    expect(status?.next).toBeUndefined();
    await bot.stop();
  });

  test('GIVEN Berlin and New York servers across both 2026 changes on SQLite THEN 07:00 local every day, once', async () => {
    const clock = new ManualClock('2026-03-06T00:00:00Z');
    const poster = new RecordingPoster(clock);
    const bot = await boot(clock, poster, 'p1');
    await bot.settings.set(dailySettings({ guildId: 'berlin', timezone: 'Europe/Berlin' }));
    await bot.settings.set(dailySettings({ guildId: 'nyc', timezone: 'America/New_York' }));
    // Jump straight to the days around each change (ticking minute by minute across each of them).
    const days = ['2026-03-07', '2026-03-08', '2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25', '2026-10-31', '2026-11-01'];
    for (const day of days) {
      clock.set(`${day}T04:00:00Z`);
      await tickMinutes(clock, bot.service, 9 * 60);
    }
    const local = poster.sent.map((p) => {
      const zone = p.channelId === 'c-berlin' ? 'Europe/Berlin' : 'America/New_York';
      return `${p.channelId} ${p.at.toLocaleString('sv-SE', { timeZone: zone })}`;
    });
    expect(local.filter((line) => line.startsWith('c-berlin'))).toEqual(days.map((d) => `c-berlin ${d} 07:00:00`));
    expect(local.filter((line) => line.startsWith('c-nyc'))).toEqual(days.map((d) => `c-nyc ${d} 07:00:00`));
    await bot.stop();
  });
});
