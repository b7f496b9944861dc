import { describe, expect, test } from 'vitest';
import { splitWords, validateDailyInput } from '../../src/app/daily-input.ts';
import { createDailyScheduler, slotNonce, type DailySchedulerDeps } from '../../src/app/daily-scheduler.ts';
import { createDailyService } from '../../src/app/daily-service.ts';
import { dailyMessages } from '../../src/app/daily-messages.ts';
import { composeDailyPost } from '../../src/app/daily-post.ts';
import { dailyPostCard } from '../../src/commands/cards/daily-post-card.ts';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { dailySettingsSchema } from '../../src/core/daily-settings.ts';
import { ManualClock, MemoryClaimStore, MemoryDailySettingsStore, RecordingPoster, dailySettings, fakeCompose } from '../fakes/daily-fakes.ts';

function world(start: string, overrides: Partial<DailySchedulerDeps> = {}) {
  const clock = new ManualClock(start);
  const settings = new MemoryDailySettingsStore();
  const claims = new MemoryClaimStore();
  const poster = new RecordingPoster(clock);
  // The /daily use cases and the scheduler over the same stores, as main.ts wires them.
  const make = (owner = 'p1') => {
    const deps = { settings, claims, poster, clock, compose: fakeCompose, catchupMinutes: 180, owner, ...overrides };
    return { ...createDailyService(deps), ...createDailyScheduler(deps) };
  };
  return { clock, settings, claims, poster, make, service: make() };
}

/** Ticks once a minute from the clock's time for `minutes`, like the croner job. */
async function runMinutes(w: ReturnType<typeof world>, minutes: number, service = w.service) {
  for (let i = 0; i < minutes; i += 1) {
    await service.tick();
    w.clock.advanceMinutes(1);
  }
}

describe('validating /daily set', () => {
  test.each([
    [{ time: '7:00' }, true],
    [{ time: '24:00' }, dailyMessages.badTime('24:00')],
    [{ time: '07:60' }, dailyMessages.badTime('07:60')],
    [{ time: 'seven' }, dailyMessages.badTime('seven')],
    [{ timezone: 'Mars/Base' }, dailyMessages.badTimezone('Mars/Base')],
    [{ timezone: 'GMT+2 please' }, dailyMessages.badTimezone('GMT+2 please')],
    [{ split: 'legs,arms' }, dailyMessages.badSplit('arms', splitWords())],
    [{ split: 'legs,back,rest,hamstrings' }, true],
    [{ restDays: 'tip' }, true],
    [{ restDays: 'sometimes' }, dailyMessages.badChoice('rest-day setting', 'sometimes', ['quiet', 'tip'])],
    [{ goal: 'bulk' }, dailyMessages.badChoice('goal', 'bulk', ['pump', 'hypertrophy', 'strength'])],
  ])('GIVEN %j THEN the result is %s', (change, expected) => {
    const result = validateDailyInput({ channelId: 'c1', time: '07:00', timezone: 'Europe/Berlin', ...change });
    if (expected === true) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, message: expected });
  });

  test('GIVEN no split THEN the default legs, back, glutes rotation is used and time is normalised', () => {
    const result = validateDailyInput({ channelId: 'c1', time: '7:05', timezone: 'europe/berlin' });
    expect(result).toMatchObject({ ok: true, choice: { time: '07:05', timezone: 'Europe/Berlin', split: ['legs', 'back', 'glutes'] } });
  });

  test('GIVEN an invalid time THEN nothing is saved', async () => {
    const w = world('2026-06-10T04:00:00Z');
    const result = await w.service.configure('g1', { channelId: 'c1', time: '25:00', timezone: 'Europe/Berlin' });
    expect(result.ok).toBe(false);
    expect(w.settings.map.size).toBe(0);
  });

  test('GIVEN the bot lacks Send Messages and Embed Links THEN the missing permissions are named and nothing is saved', async () => {
    const w = world('2026-06-10T04:00:00Z');
    w.poster.missing.set('c1', ['SendMessages', 'EmbedLinks']);
    const result = await w.service.configure('g1', { channelId: 'c1', time: '07:00', timezone: 'Europe/Berlin' });
    expect(result).toEqual({ ok: false, message: dailyMessages.missingPermission(['SendMessages', 'EmbedLinks']) });
    expect(w.settings.map.size).toBe(0);
  });

  test('GIVEN valid input THEN settings are saved and the next post time is returned', async () => {
    const w = world('2026-06-10T04:00:00Z');
    const result = await w.service.configure('g1', { channelId: 'c1', time: '07:00', timezone: 'Europe/Berlin', split: 'glutes,legs', level: 'beginner' });
    expect(result).toMatchObject({ ok: true, next: new Date('2026-06-10T05:00:00Z') });
    expect(await w.settings.get('g1')).toMatchObject({ split: ['glutes', 'legs'], level: 'beginner', activeFrom: '2026-06-10T04:00:00.000Z' });
  });
});

describe('the rotation starts when the schedule is set (rule 9)', () => {
  const knowledge = loadPlanKnowledge();
  const real = { compose: composeDailyPost(knowledge) };
  /** A world posting real daily posts, recorded as the card members would see. */
  const realWorld = (start: string) => {
    const w = world(start, real);
    w.poster.render = (post) => dailyPostCard(post, knowledge);
    return w;
  };

  test.each([
    ['before today\'s slot', '2026-06-10T04:00:00Z', '2026-06-10'],
    ['after today\'s slot', '2026-06-10T09:00:00Z', '2026-06-11'],
  ])('GIVEN /daily set %s THEN the first post, on %s, is the split\'s first day', async (_when, setAt, firstDate) => {
    const w = realWorld(setAt);
    const result = await w.service.configure('g1', { channelId: 'c1', time: '07:00', timezone: 'Europe/Berlin', split: 'glutes,back,legs' });
    expect(result.ok && result.settings.startDate).toBe(firstDate);
    await runMinutes(w, 60 * 26);
    expect(w.poster.sent[0]?.card.title).toMatch(/^Daily workout · Glutes · /);
    expect(w.poster.sent[0]?.card.description).toContain(firstDate);
  });

  test('GIVEN a rest day that posts nothing THEN no message goes out, the slot is let go, and the next day posts', async () => {
    const w = realWorld('2026-06-10T04:00:00Z');
    await w.service.configure('g1', { channelId: 'c1', time: '07:00', timezone: 'Europe/Berlin', split: 'rest,legs' });
    await runMinutes(w, 60 * 4);
    expect(w.poster.sent).toEqual([]);
    expect(w.claims.rows.get('g1:2026-06-10')).toBeUndefined();
    w.clock.set('2026-06-11T04:59:00Z');
    await runMinutes(w, 3);
    expect(w.poster.sent.map((p) => p.card.title)).toEqual([expect.stringMatching(/^Daily workout · Legs · /)]);
  });

  test('GIVEN rest days set to a tip THEN the rest day posts a short cited recovery card', async () => {
    const w = realWorld('2026-06-10T04:00:00Z');
    await w.service.configure('g1', { channelId: 'c1', time: '07:00', timezone: 'Europe/Berlin', split: 'rest,legs', restDays: 'tip' });
    await runMinutes(w, 60 * 2);
    expect(w.poster.sent.map((p) => p.card.title)).toEqual(['Daily post · Rest day · 2026-06-10']);
  });

  test('GIVEN settings stored before the start date was kept THEN they load and the split starts at the first slot after activeFrom', async () => {
    const w = realWorld('2026-06-12T04:30:00Z');
    const old = dailySettings({ guildId: 'g1', split: ['back', 'legs', 'glutes'], activeFrom: '2026-06-10T09:00:00.000Z' });
    expect(dailySettingsSchema.parse(old)).toMatchObject({ split: ['back', 'legs', 'glutes'] });
    await w.settings.set(old);
    await runMinutes(w, 60);
    // Set after the 10 June slot: 11 June is day one (back), 12 June day two (legs).
    expect(w.poster.sent[0]?.card.title).toMatch(/^Daily workout · Legs · /);
  });
});

describe('the tick', () => {
  test('GIVEN a slot at 07:00 Berlin THEN it posts at the first tick at or after 07:00 and only once that day', async () => {
    const w = world('2026-06-10T04:55:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await runMinutes(w, 60 * 6);
    expect(w.poster.sent).toHaveLength(1);
    expect(w.poster.sent[0]?.at.toISOString()).toBe('2026-06-10T05:00:00.000Z');
    expect(w.poster.sent[0]?.card.title).toBe('Daily g1 2026-06-10');
    expect(w.claims.rows.get('g1:2026-06-10')).toMatchObject({ status: 'posted', messageId: 'm1' });
  });

  test.each([
    ['before the slot', '2026-06-10T04:30:00Z', 1, 'posted'],
    ['during the window', '2026-06-10T06:10:00Z', 1, 'posted'],
    ['at the last minute of the window', '2026-06-10T07:59:00Z', 1, 'posted'],
    ['exactly at the end of the window', '2026-06-10T08:00:00Z', 0, 'missed'],
    ['after the window', '2026-06-10T09:00:00Z', 0, 'missed'],
  ])('GIVEN the bot starts %s THEN today is %s', async (_label, start, posts, status) => {
    const w = world(start);
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await runMinutes(w, 1);
    if (start < '2026-06-10T05:00:00Z') await runMinutes(w, 40);
    expect(w.poster.sent).toHaveLength(posts);
    expect(w.claims.rows.get('g1:2026-06-10')?.status).toBe(status);
  });

  test('GIVEN a restart after posting, inside the window THEN the new process does not post again', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await runMinutes(w, 5);
    const restarted = w.make('p2');
    await runMinutes(w, 60, restarted);
    expect(w.poster.sent).toHaveLength(1);
  });

  test('GIVEN a process died after claiming the slot THEN the restarted one takes it over once the claim is stale and posts it once', async () => {
    const w = world('2026-06-10T05:00:30Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await w.claims.claim('g1:2026-06-10', 'dead', new Date('2026-06-10T05:00:05Z'));
    await runMinutes(w, 10, w.make('restarted'));
    expect(w.poster.sent.map((p) => p.at.toISOString())).toEqual(['2026-06-10T05:02:30.000Z']);
    expect(w.claims.rows.get('g1:2026-06-10')).toMatchObject({ status: 'posted', owner: 'restarted' });
  });

  test('GIVEN the other process is still posting THEN a fresh claim is left alone', async () => {
    const w = world('2026-06-10T05:01:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await w.claims.claim('g1:2026-06-10', 'busy', new Date('2026-06-10T05:00:05Z'));
    const report = await w.service.tick();
    expect(report.alreadyClaimed).toEqual(['g1:2026-06-10']);
    expect(w.poster.sent).toHaveLength(0);
    expect(w.claims.rows.get('g1:2026-06-10')?.owner).toBe('busy');
  });

  test('GIVEN two processes ticking at the same minute on one claim store THEN exactly one posts', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    const [a, b] = await Promise.all([w.make('a').tick(), w.make('b').tick()]);
    expect(w.poster.sent).toHaveLength(1);
    expect([...a.posted, ...b.posted]).toEqual(['g1:2026-06-10']);
    expect([...a.alreadyClaimed, ...b.alreadyClaimed]).toEqual(['g1:2026-06-10']);
  });

  test('GIVEN a deleted channel THEN the schedule pauses with the reason, nothing is retried, and status shows why', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    w.poster.gone.add('c-g1');
    const report = await w.service.tick();
    expect(report.paused).toEqual([{ guildId: 'g1', reason: dailyMessages.pausedGone }]);
    await runMinutes(w, 60 * 30);
    expect(w.poster.sent).toHaveLength(0);
    expect(w.claims.rows.get('g1:2026-06-10')?.status).toBe('failed');
    expect(w.claims.rows.has('g1:2026-06-11')).toBe(false);
    const status = await w.service.status('g1');
    expect(status?.settings.paused?.reason).toBe(dailyMessages.pausedGone);
    expect(status?.next).toBeUndefined();
  });

  test('GIVEN a lost permission THEN the schedule pauses; a new /daily set resumes it', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    w.poster.missing.set('c-g1', ['SendMessages']);
    const report = await w.service.tick();
    expect(report.paused[0]?.reason).toBe(dailyMessages.pausedForbidden('missing SendMessages'));
    w.poster.missing.delete('c-g1');
    w.clock.set('2026-06-10T09:00:00Z');
    const saved = await w.service.configure('g1', { channelId: 'c-g1', time: '07:00', timezone: 'Europe/Berlin' });
    expect(saved.ok).toBe(true);
    expect((await w.settings.get('g1'))?.paused).toBeUndefined();
    await runMinutes(w, 60 * 24);
    expect(w.poster.sent.map((p) => p.card.title)).toEqual(['Daily g1 2026-06-11']);
  });

  test('GIVEN a transient failure THEN the slot is retried on a later minute and posted once', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    w.poster.transientFailures = 1;
    const first = await w.service.tick();
    expect(first.retrying).toEqual(['g1:2026-06-10']);
    await runMinutes(w, 10);
    expect(w.poster.sent).toHaveLength(1);
  });

  test('GIVEN failures on every try THEN the slot is given up after three attempts, not retried all window', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    w.poster.transientFailures = 1000;
    await runMinutes(w, 180);
    expect(w.poster.transientFailures).toBe(997);
    expect(w.claims.rows.get('g1:2026-06-10')?.status).toBe('failed');
  });

  test('GIVEN thread on THEN the post asks for the day\'s thread; the nonce is stable per slot', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1', thread: true }));
    await w.service.tick();
    expect(w.poster.sent[0]).toMatchObject({ threadName: 'Thread 2026-06-10', nonce: slotNonce('g1:2026-06-10') });
    expect(slotNonce('g1:2026-06-10').length).toBeLessThanOrEqual(25);
    expect(slotNonce('g1:2026-06-10')).not.toBe(slotNonce('g1:2026-06-11'));
  });

  test('GIVEN settings unchanged between ticks THEN the store is listed once, and a later change re-reads only that server', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await runMinutes(w, 30);
    expect(w.settings.allCalls).toBe(1);
    const reads = w.settings.getCalls;
    await w.settings.set(dailySettings({ guildId: 'g2', time: '07:40' }));
    await runMinutes(w, 30);
    expect(w.settings.allCalls).toBe(1);
    expect(w.settings.getCalls - reads).toBe(1);
    expect(w.poster.sent.map((p) => p.card.title)).toEqual(['Daily g1 2026-06-10', 'Daily g2 2026-06-10']);
  });

  test('GIVEN a schedule moved to a later time after today\'s post THEN the new time does not post twice today, and /daily off stops tomorrow', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await runMinutes(w, 5);
    expect(w.poster.sent).toHaveLength(1);
    // Moved to 08:00 Berlin the same day: today's slot is already claimed, so nothing more goes out today.
    await w.settings.set({ ...dailySettings({ guildId: 'g1' }), time: '08:00' });
    await runMinutes(w, 120);
    expect(w.poster.sent).toHaveLength(1);
    await w.settings.delete('g1');
    await runMinutes(w, 24 * 60);
    expect(w.poster.sent).toHaveLength(1);
  });

  test('GIVEN /daily off THEN nothing more is posted', async () => {
    const w = world('2026-06-10T04:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    expect((await w.service.turnOff('g1')).message).toBe(dailyMessages.turnedOff);
    await runMinutes(w, 120);
    expect(w.poster.sent).toHaveLength(0);
    expect((await w.service.turnOff('g1')).message).toBe(dailyMessages.alreadyOff);
  });

  test('GIVEN a preview THEN it is the next slot\'s post and nothing is sent', async () => {
    const w = world('2026-06-10T06:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    const preview = await w.service.preview('g1');
    expect(preview).toMatchObject({ ok: true, localDate: '2026-06-11', at: new Date('2026-06-11T05:00:00Z') });
    expect(w.poster.sent).toHaveLength(0);
    expect(await w.service.preview('nope')).toEqual({ ok: false, message: dailyMessages.notConfigured });
  });
});

describe('daylight saving, minute by minute', () => {
  async function postsOver(timezone: string, time: string, from: string, hours: number) {
    const w = world(from);
    await w.settings.set(dailySettings({ guildId: 'g1', timezone, time }));
    await runMinutes(w, hours * 60);
    return w.poster.sent.map((p) => `${p.card.title.slice(-10)} ${p.at.toISOString()}`);
  }

  test.each([
    ['Europe/Berlin', '07:00', '2026-03-28T00:00:00Z', ['2026-03-28 2026-03-28T06:00:00.000Z', '2026-03-29 2026-03-29T05:00:00.000Z']],
    ['Europe/Berlin', '07:00', '2026-10-24T00:00:00Z', ['2026-10-24 2026-10-24T05:00:00.000Z', '2026-10-25 2026-10-25T06:00:00.000Z']],
    ['Europe/Berlin', '02:30', '2026-03-28T00:00:00Z', ['2026-03-28 2026-03-28T01:30:00.000Z', '2026-03-29 2026-03-29T01:00:00.000Z']],
    ['Europe/Berlin', '02:30', '2026-10-24T00:00:00Z', ['2026-10-24 2026-10-24T00:30:00.000Z', '2026-10-25 2026-10-25T00:30:00.000Z']],
    ['America/New_York', '07:00', '2026-03-07T00:00:00Z', ['2026-03-07 2026-03-07T12:00:00.000Z', '2026-03-08 2026-03-08T11:00:00.000Z']],
    ['America/New_York', '07:00', '2026-10-31T00:00:00Z', ['2026-10-31 2026-10-31T11:00:00.000Z', '2026-11-01 2026-11-01T12:00:00.000Z']],
    ['America/New_York', '02:30', '2026-03-07T00:00:00Z', ['2026-03-07 2026-03-07T07:30:00.000Z', '2026-03-08 2026-03-08T07:00:00.000Z']],
    ['America/New_York', '01:30', '2026-10-31T00:00:00Z', ['2026-10-31 2026-10-31T05:30:00.000Z', '2026-11-01 2026-11-01T05:30:00.000Z']],
    ['Pacific/Auckland', '07:00', '2026-04-03T12:00:00Z', ['2026-04-04 2026-04-03T18:00:00.000Z', '2026-04-05 2026-04-04T19:00:00.000Z']],
    ['Pacific/Auckland', '02:30', '2026-09-25T12:00:00Z', ['2026-09-26 2026-09-25T14:30:00.000Z', '2026-09-27 2026-09-26T14:00:00.000Z']],
    ['Asia/Kolkata', '07:00', '2026-06-10T00:00:00Z', ['2026-06-10 2026-06-10T01:30:00.000Z', '2026-06-11 2026-06-11T01:30:00.000Z']],
  ])('GIVEN %s at %s ticked every minute for two days from %s THEN exactly one post per local day', async (timezone, time, from, expected) => {
    expect(await postsOver(timezone, time, from, 48)).toEqual(expected);
  });
});

describe('pausing does not undo an admin', () => {
  test('GIVEN an admin moved the schedule to a new channel while the old one failed THEN the new settings are not paused', async () => {
    const w = world('2026-06-10T05:00:00Z');
    await w.settings.set(dailySettings({ guildId: 'g1', channelId: 'old' }));
    w.poster.gone.add('old');
    const original = w.poster.post.bind(w.poster);
    // The admin's /daily set lands while the post to the old channel is in flight.
    w.poster.post = async (channelId, card, options) => {
      await w.settings.set(dailySettings({ guildId: 'g1', channelId: 'new', activeFrom: '2026-06-10T05:00:01.000Z' }));
      return original(channelId, card, options);
    };
    const report = await w.service.tick();
    expect(report.paused).toEqual([]);
    expect((await w.settings.get('g1'))?.paused).toBeUndefined();
    expect((await w.settings.get('g1'))?.channelId).toBe('new');
  });
});

describe('stopping', () => {
  test('GIVEN a post in flight WHEN the service stops THEN stop waits until it is marked posted and no other server is visited', async () => {
    const w = world('2026-06-10T05:00:00Z', { concurrency: 1 });
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    await w.settings.set(dailySettings({ guildId: 'g2' }));
    const original = w.poster.post.bind(w.poster);
    let release = () => {};
    let started = () => {};
    const postStarted = new Promise<void>((resolve) => (started = resolve));
    w.poster.post = async (channelId, card, options) => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      return original(channelId, card, options);
    };
    const tick = w.service.tick();
    await postStarted;
    let stopped = false;
    const stopping = w.service.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect([...w.claims.rows.values()].map((r) => `${r.key} ${r.status}`)).toEqual(['g1:2026-06-10 posted']);
    expect((await tick).posted).toEqual(['g1:2026-06-10']);
    expect((await w.service.tick()).skipped).toBe(true);
  });
});

describe('a post in flight across processes', () => {
  /** A poster whose sends wait until released; resolves `started` when the first send begins. */
  function stallingPoster(w: ReturnType<typeof world>) {
    const original = w.poster.post.bind(w.poster);
    let release = () => {};
    let started = () => {};
    const postStarted = new Promise<void>((resolve) => (started = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    w.poster.post = async (channelId, card, options) => {
      started();
      await gate;
      return original(channelId, card, options);
    };
    return { postStarted, release: () => release(), restore: () => (w.poster.post = original) };
  }

  test('GIVEN a send stalled past the stale window THEN the owner\'s renewals keep another process from taking the slot over', async () => {
    const w = world('2026-06-10T05:00:00Z', { renewEveryMs: 5 });
    await w.settings.set(dailySettings({ guildId: 'g1' }));
    const stall = stallingPoster(w);
    const tick = w.service.tick();
    await stall.postStarted;
    // Three minutes pass (the stale window is two) while the send hangs; the owner renews meanwhile.
    w.clock.set('2026-06-10T05:03:00Z');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const other = w.make('p2');
    const report = await other.tick();
    expect(report.posted).toEqual([]);
    expect(report.alreadyClaimed).toEqual(['g1:2026-06-10']);
    stall.release();
    expect((await tick).posted).toEqual(['g1:2026-06-10']);
    expect(w.poster.sent).toHaveLength(1);
    expect(w.claims.rows.get('g1:2026-06-10')).toMatchObject({ status: 'posted', owner: 'p1' });
  });

  test('GIVEN a slot taken over while its owner\'s send hung THEN the owner\'s late failure neither overwrites the taker\'s post nor pauses the schedule', async () => {
    // No renewal inside the test's time: the owner is as good as dead to the other process.
    const w = world('2026-06-10T05:00:00Z', { renewEveryMs: 60 * 60_000 });
    await w.settings.set(dailySettings({ guildId: 'g1', channelId: 'c1' }));
    const stall = stallingPoster(w);
    const tick = w.service.tick();
    await stall.postStarted;
    w.clock.set('2026-06-10T05:03:00Z');
    stall.restore();
    const taker = w.make('p2');
    expect((await taker.tick()).posted).toEqual(['g1:2026-06-10']);
    // The stalled send finally fails for good (the channel went away after the taker posted).
    w.poster.gone.add('c1');
    stall.release();
    const late = await tick;
    expect(late.paused).toEqual([]);
    expect(w.claims.rows.get('g1:2026-06-10')).toMatchObject({ status: 'posted', owner: 'p2' });
    expect((await w.settings.get('g1'))?.paused).toBeUndefined();
  });
});

describe('shards', () => {
  test('GIVEN two shard processes ticking over one store THEN each posts only for the servers its shard serves, and every server gets one post', async () => {
    const w = world('2026-06-10T05:00:00Z');
    // (guild_id >> 22) % 2: an even timestamp part is shard 0, an odd one shard 1.
    const guilds = Array.from({ length: 6 }, (_, k) => String((BigInt(1_000_000 + k) << 22n) | 5n));
    for (const guildId of guilds) await w.settings.set(dailySettings({ guildId }));
    const [zero, one] = [0, 1].map((id) => createDailyScheduler({ settings: w.settings, claims: w.claims, poster: w.poster, clock: w.clock, compose: fakeCompose, owner: `shard${id}`, shard: { id, count: 2 } }));
    const [a, b] = [await zero!.tick(), await one!.tick()];
    expect(a.posted).toEqual([0, 2, 4].map((k) => `${guilds[k]}:2026-06-10`));
    expect(b.posted).toEqual([1, 3, 5].map((k) => `${guilds[k]}:2026-06-10`));
    expect([...a.alreadyClaimed, ...b.alreadyClaimed]).toEqual([]);
    expect(w.poster.sent).toHaveLength(6);
  });
});
