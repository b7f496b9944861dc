import { beforeEach, describe, expect, test } from 'vitest';
import type { DailyService } from '../../src/app/daily-service.ts';
import type { TickReport } from '../../src/app/daily-scheduler.ts';
import { dailyMessages } from '../../src/app/daily-messages.ts';
import { dailyText } from '../../src/commands/messages.ts';
import { ALL_PERMISSIONS, snowflake, type CommandInteractionInput, type RecordedRequest } from '../fakes/fake-discord.ts';
import { ManualClock } from '../fakes/daily-fakes.ts';
import { embedText, logCapture, str, sub, useE2e } from './e2e-harness.ts';

// Without Manage Server (32) or Administrator (8): the member Discord would normally hide the command from.
const NOT_ADMIN = String(BigInt(ALL_PERMISSIONS) & ~(32n | 8n));

describe('/daily and the daily post through the real discord.js client', () => {
  // Every test starts on Tuesday 2026-06-09, 06:00 in Berlin, with a fresh bot and store.
  const START = '2026-06-09T04:00:00Z';
  const clock = new ManualClock(START);
  const logs = logCapture();
  beforeEach(() => {
    clock.set(START);
    logs.clear();
  });
  const e2e = useE2e({ LOG_LEVEL: 'info' }, { clock, logDestination: logs.stream });

  const daily = (): DailyService => {
    const service = e2e.app.daily?.service;
    if (!service) throw new Error('daily posts are not wired');
    return service;
  };
  /** One tick, retried if the job's own minute tick happened to be running. */
  const tick = async (): Promise<TickReport> => {
    const scheduler = e2e.app.daily?.scheduler;
    if (!scheduler) throw new Error('daily posts are not wired');
    for (;;) {
      const report = await scheduler.tick();
      if (!report.skipped) return report;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const channelSet = () => [
    { name: 'channel', type: 7, value: e2e.fake.channelId },
    str('time', '07:00'),
    str('timezone', 'Europe/Berlin'),
    str('split', 'legs,back,glutes'),
    { name: 'thread', type: 5, value: true },
  ];

  /** A /daily interaction as Discord sends it, with resolved channel data for the channel option. */
  const interaction = (type: 2 | 4, options: CommandInteractionInput['options'], permissions = ALL_PERMISSIONS) =>
    e2e.fake.command({
      name: 'daily',
      type,
      options,
      permissions,
      resolved: { channels: { [e2e.fake.channelId]: { id: e2e.fake.channelId, type: 0, name: 'general', permissions: ALL_PERMISSIONS } } },
    });

  /** The server admin gives @everyone full rights; the gateway tells the bot. */
  const grantPermissions = async () => {
    e2e.fake.dispatch('GUILD_ROLE_UPDATE', {
      guild_id: e2e.fake.guildId,
      role: { id: e2e.fake.guildId, name: '@everyone', permissions: ALL_PERMISSIONS, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
  };
  /** Grants the permissions and runs /daily set (07:00 Berlin, legs,back,glutes, thread); resolves with its edited reply. */
  const setUpDaily = async () => {
    await grantPermissions();
    const { token } = interaction(2, sub('set', channelSet()));
    return e2e.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${e2e.fake.appId}/${token}/messages/@original`);
  };
  /** Opening a thread answers like Discord does. */
  const routeThreads = (onThread: (body: unknown) => void = () => undefined) =>
    e2e.fake.route('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/, (r) => {
      onThread(r.body);
      return { status: 201, body: { id: snowflake(), type: 11, guild_id: e2e.fake.guildId, parent_id: e2e.fake.channelId, name: (r.body as { name: string }).name, owner_id: e2e.fake.botUser.id, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } } };
    });
  const posts = () => e2e.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${e2e.fake.channelId}/messages`);
  /** Set up, then let 07:00 Berlin pass: the day's post goes out. */
  const postFirstDay = async () => {
    await setUpDaily();
    routeThreads();
    clock.set('2026-06-09T05:00:05Z');
    await tick();
  };

  test('GIVEN the bot only has View Channel and a thread is asked for THEN /daily set names each missing permission and saves nothing', async () => {
    const { id, token } = interaction(2, sub('set', channelSet()));
    const deferred = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await e2e.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${e2e.fake.appId}/${token}/messages/@original`);
    expect(edit.body.content).toBe(dailyMessages.missingPermission(['Send Messages', 'Embed Links', 'Create Public Threads']));
    expect(await daily().status(e2e.fake.guildId)).toBeUndefined();
  });

  test('GIVEN a member without Manage Server THEN /daily is refused', async () => {
    const { id } = e2e.fake.command({ name: 'daily', options: sub('show'), permissions: NOT_ADMIN });
    const reply = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(reply.body.data.content).toMatch(/manage the server/);
  });

  test('GIVEN the permission granted THEN /daily set saves and shows the next post as a Discord timestamp', async () => {
    const edit = await setUpDaily();
    const text = embedText(edit.body.data ? edit.body : { data: edit.body });
    // 07:00 Berlin on 2026-06-09 is 05:00 UTC.
    expect(text).toContain(`<t:${Date.parse('2026-06-09T05:00:00Z') / 1000}:F>`);
    expect(text).toContain('07:00 Europe/Berlin');
    expect(edit.body.allowed_mentions.parse).toEqual([]);
  });

  test('GIVEN a partial zone typed THEN the timezone option autocompletes', async () => {
    const { id } = interaction(4, [{ name: 'set', type: 1, options: [{ name: 'timezone', type: 3, value: 'kolk', focused: true }] }]);
    const reply = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(reply.body.type).toBe(8);
    expect(reply.body.data.choices).toContainEqual({ name: 'Asia/Kolkata', value: 'Asia/Kolkata' });
  });

  test('GIVEN /daily show and /daily preview THEN both answer ephemerally; the preview is the post with its tip', async () => {
    await setUpDaily();
    const show = e2e.fake.command({ name: 'daily', options: sub('show') });
    const shown = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${show.id}/`));
    expect(shown.body.data.flags & 64).toBe(64);
    expect(embedText(shown.body)).toContain('legs → back → glutes');
    const preview = e2e.fake.command({ name: 'daily', options: sub('preview') });
    const previewed = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${preview.id}/`));
    expect(previewed.body.data.flags & 64).toBe(64);
    expect(embedText(previewed.body)).toContain(dailyText.tipField);
  });

  test('GIVEN 07:00 Berlin arrives THEN one POST /channels/{id}/messages carries the plan, the cited tip, no mentions and a nonce; then the thread opens', async () => {
    await setUpDaily();
    let threadBody: unknown;
    routeThreads((body) => (threadBody = body));
    clock.set('2026-06-09T04:59:00Z');
    expect((await tick()).posted).toEqual([]);
    clock.set('2026-06-09T05:00:05Z');
    const report = await tick();
    expect(report.posted).toEqual([`${e2e.fake.guildId}:2026-06-09`]);
    const posts = e2e.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${e2e.fake.channelId}/messages`);
    expect(posts).toHaveLength(1);
    const body = posts[0]?.body;
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.nonce).toMatch(/^d[0-9a-z]+$/);
    expect(body.enforce_nonce).toBe(true);
    const embed = body.embeds[0];
    // 2026-06-09 is day 20613 since 1970-01-01; 20613 mod 3 = 0 → legs.
    expect(embed.title).toMatch(/^Daily workout · Legs/);
    const tip = embed.fields.find((f: { name: string }) => f.name === dailyText.tipField);
    expect(tip.value).toMatch(/^“.+”\n— .+ \[leg-training#[a-z0-9-]+\]$/);
    expect(threadBody).toEqual(expect.objectContaining({ name: 'Legs day — 2026-06-09' }));

    clock.set('2026-06-09T05:30:00Z');
    expect((await tick()).posted).toEqual([]);
    expect(e2e.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${e2e.fake.channelId}/messages`)).toHaveLength(1);
  });

  test('GIVEN a restart inside the catch-up window after the post THEN the start-up tick does not post again', async () => {
    await postFirstDay();
    expect(posts()).toHaveLength(1);
    clock.set('2026-06-09T06:00:00Z');
    await e2e.restart();
    expect((await tick()).posted).toEqual([]);
    expect(e2e.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${e2e.fake.channelId}/messages`)).toHaveLength(1);
    expect(e2e.fake.gatewayOps.filter((op) => op === 2)).toHaveLength(2);
  });

  test('GIVEN the channel is deleted THEN the next slot pauses the schedule, no retry follows, and /daily show gives the reason', async () => {
    await postFirstDay();
    e2e.fake.dispatch('CHANNEL_DELETE', { id: e2e.fake.channelId, type: 0, guild_id: e2e.fake.guildId, name: 'general', position: 0, permission_overwrites: [] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    clock.set('2026-06-10T05:00:05Z');
    const report = await tick();
    expect(report.paused).toEqual([{ guildId: e2e.fake.guildId, reason: dailyMessages.pausedGone }]);
    const lookups = () => e2e.fake.requests.filter((r) => r.path === `/channels/${e2e.fake.channelId}` || r.path === `/channels/${e2e.fake.channelId}/messages`).length;
    const before = lookups();
    clock.set('2026-06-10T05:10:00Z');
    await tick();
    clock.set('2026-06-11T05:00:05Z');
    await tick();
    expect(lookups()).toBe(before);
    const show = e2e.fake.command({ name: 'daily', options: sub('show') });
    const shown = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${show.id}/`));
    expect(embedText(shown.body)).toContain(dailyMessages.paused(dailyMessages.pausedGone));
  });

  /** Refuses the daily post (a message with an embed) in the daily channel with a 403; plain text still goes through. */
  const refuseDailyPosts = (code: number, message: string) =>
    e2e.fake.route('POST', new RegExp(`^/channels/${e2e.fake.channelId}/messages$`), (r) =>
      r.body?.embeds?.length ? { status: 403, body: { message, code } } : undefined,
    );
  /** What the bot sent to the DM channel it opened with a member (empty when it opened none). */
  const dmsTo = (userId: string): RecordedRequest[] => {
    const dm = e2e.fake.dmChannels.get(userId);
    return dm ? e2e.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${dm}/messages`) : [];
  };
  const ADMIN_ID = '1400000000000000001';

  test('GIVEN a 403 whose message echoes the Authorization header THEN the token is in no paused reason: not in /daily show, the warn log, the SQLite row or the notice', async () => {
    await postFirstDay();
    refuseDailyPosts(50001, `Missing Access (request sent Authorization: Bot ${e2e.fake.token})`);
    clock.set('2026-06-10T05:00:05Z');
    const report = await tick();
    expect(report.paused).toHaveLength(1);
    expect(report.paused[0]?.reason).toContain('[redacted]');
    const show = e2e.fake.command({ name: 'daily', options: sub('show') });
    const shown = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${show.id}/`));
    expect(embedText(shown.body)).toContain('Missing Access');
    const rows = await e2e.app.store.sql!(`SELECT value FROM keyv WHERE key LIKE 'daily:%'`);
    const everything = [embedText(shown.body), logs.text(), JSON.stringify(rows), JSON.stringify(dmsTo(ADMIN_ID).map((r) => r.body))].join('\n');
    expect(logs.text()).toContain('daily post paused');
    expect(everything).not.toContain(e2e.fake.token);
  });

  test('GIVEN the bot loses a permission in the daily channel THEN the admin who set it gets one DM saying why and how to resume, and /daily show keeps the reason', async () => {
    await postFirstDay();
    refuseDailyPosts(50013, 'Missing Permissions');
    clock.set('2026-06-10T05:00:05Z');
    expect((await tick()).paused).toHaveLength(1);
    const [notice, ...more] = dmsTo(ADMIN_ID);
    expect(notice?.body.content).toMatch(/Daily workout posts in Iron Temple are paused: I lost a permission in the channel \(Missing Permissions\)/);
    expect(notice?.body.content).toContain('/daily set');
    expect(notice?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // Once: the paused schedule is not visited again, so no second notice follows.
    clock.set('2026-06-11T05:00:05Z');
    await tick();
    expect(more).toEqual([]);
    expect(dmsTo(ADMIN_ID)).toHaveLength(1);
    const show = e2e.fake.command({ name: 'daily', options: sub('show') });
    const shown = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${show.id}/`));
    expect(embedText(shown.body)).toContain(dailyMessages.paused(dailyMessages.pausedForbidden('Missing Permissions')));
  });

  test('GIVEN the admin takes no DMs THEN the notice goes to the server\'s system channel; with no system channel either, an error is logged', async () => {
    await postFirstDay();
    refuseDailyPosts(50013, 'Missing Permissions');
    e2e.fake.route('POST', /^\/channels\/\d+\/messages$/, (r) =>
      r.path !== `/channels/${e2e.fake.channelId}/messages` ? { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 } } : undefined,
    );
    // The server names its one text channel as its system channel.
    e2e.fake.dispatch('GUILD_UPDATE', { ...e2e.fake.guildObject(), system_channel_id: e2e.fake.channelId });
    await e2e.help();
    clock.set('2026-06-10T05:00:05Z');
    await tick();
    const notices = posts().filter((r) => !r.body.embeds?.length);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body.content).toMatch(/are paused: I lost a permission/);

    // Set up again, on a server without a system channel: nobody can be told, so the log says so.
    e2e.fake.dispatch('GUILD_UPDATE', { ...e2e.fake.guildObject(), system_channel_id: null });
    await setUpDaily();
    clock.set('2026-06-11T05:00:05Z');
    await tick();
    expect(logs.lines.filter((line) => line.includes(dailyMessages.nobodyTold) && line.includes('"level":50'))).toHaveLength(1);
  });

  test('GIVEN /daily off THEN the settings are gone', async () => {
    await setUpDaily();
    const off = e2e.fake.command({ name: 'daily', options: sub('off') });
    const reply = await e2e.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${off.id}/`));
    expect(reply.body.data.content).toBe(dailyMessages.turnedOff);
    expect(await daily().status(e2e.fake.guildId)).toBeUndefined();
  });
});
