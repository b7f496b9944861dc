/**
 * Two shard processes on one real Redis against the fake Discord, started by the same shard manager `npm start`
 * uses (startShards), each child running startApp with a clock the test moves. The shards stay up for the whole
 * file (starting them is the slow part); each test uses its own members and servers, so the tests do not depend
 * on one another's order.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Shard } from 'discord.js';
import { startShards, type RunningShards } from '../../src/main.ts';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { openClaimStore } from '../../src/adapters/open-claim-store.ts';
import { ALL_PERMISSIONS, member, startFakeDiscord, type FakeDiscord, type FakeGuild, type RecordedRequest } from '../fakes/fake-discord.ts';
import { describeWithRedis, useRedisServer } from '../support/redis-server.ts';
import { embedText, str, sub } from './e2e-harness.ts';
import type { ShardCommand, ShardTickAnswer } from './shard-child.ts';

const CHILD = fileURLToPath(new URL('./shard-child.ts', import.meta.url));
const ASK_LIMIT = 3;

describeWithRedis('two shard processes on one Redis', () => {
  const redis = useRedisServer({ flushEachTest: false });
  let fake: FakeDiscord;
  let shards: RunningShards;
  let dir: string;
  let clockFile: string;
  /** Servers by the shard that serves them. */
  const guilds: [FakeGuild[], FakeGuild[]] = [[], []];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    fake.gatewayBot.shards = 2;
    fake.gatewayBot.maxConcurrency = 2;
    for (const [shard, count] of [[0, 2], [1, 3]] as const) {
      for (let i = 0; i < count; i += 1) guilds[shard].push(fake.addGuild({ shard, shardCount: 2, everyonePermissions: ALL_PERMISSIONS }));
    }
    dir = mkdtempSync(join(tmpdir(), 'pump-coach-shards-'));
    clockFile = join(dir, 'clock');
    writeFileSync(clockFile, '2026-06-09T04:00:00Z');
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      KEYV_URL: redis.url,
      SHARDS: '2',
      ASK_RATE_LIMIT: String(ASK_LIMIT),
      LOG_LEVEL: process.env.SHARDS_TEST_LOG ?? 'error',
      TEST_CLOCK_FILE: clockFile,
    };
    shards = await startShards(env, {}, { file: CHILD, execArgv: ['--import', 'tsx'] });
  }, 90_000);

  afterAll(async () => {
    await shards?.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const shard = (id: number) => shards.fleet.manager.shards.get(id) as Shard;
  /** Moves every shard's clock (and the one a restarted shard starts from). */
  const setClock = async (at: string) => {
    writeFileSync(clockFile, at);
    await shards.fleet.manager.broadcast({ clock: at } satisfies ShardCommand);
  };
  let ticks = 0;
  /** One daily tick in one shard process; resolves with its report. */
  const tick = (id: number): Promise<ShardTickAnswer> => {
    const n = (ticks += 1);
    const answer = new Promise<ShardTickAnswer>((resolve) => {
      const listener = (message: ShardTickAnswer) => {
        if (message?.tick !== n) return;
        shard(id).off('message', listener);
        resolve(message);
      };
      shard(id).on('message', listener);
    });
    void shard(id).send({ tick: n } satisfies ShardCommand);
    return answer;
  };
  const callback = (id: string) => fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`), 15_000);

  test('GIVEN a profile saved through one shard THEN /profile show through the other shard reads it', async () => {
    const erin = member('1400000000000000071', 'erin');
    const set = fake.command({ name: 'profile', options: sub('set', [str('level', 'advanced'), str('equipment', 'bands')]), user: erin, guildId: guilds[0][0]!.id });
    expect((await callback(set.id)).body.type).toBe(4);
    const show = fake.command({ name: 'profile', options: sub('show'), user: erin, guildId: guilds[1][0]!.id });
    const text = embedText((await callback(show.id)).body);
    expect(text).toContain('advanced');
    expect(text).toContain('bands');
  });

  test('GIVEN one member asking through both shards at once THEN the shards share one budget: exactly the limit are answered', async () => {
    const finn = member('1400000000000000072', 'finn');
    const asks = Array.from({ length: 2 * ASK_LIMIT }, (_, i) =>
      fake.command({ name: 'ask', options: [str('question', 'how long should I rest between sets?')], user: finn, guildId: guilds[i % 2]![0]!.id }),
    );
    const replies = await Promise.all(asks.map((ask) => callback(ask.id)));
    // Answered offline, so answers and refusals are both direct replies: an answer carries the card, a refusal is private.
    const answered = replies.filter((r) => r.body.data.embeds?.length === 1);
    const refused = replies.filter((r) => (r.body.data.flags ?? 0) & 64);
    expect(answered).toHaveLength(ASK_LIMIT);
    expect(refused).toHaveLength(ASK_LIMIT);
    for (const reply of refused) expect(reply.body.data.content).toMatch(new RegExp(`You have asked ${ASK_LIMIT} questions`));
    // Both shards took part: each was sent half of the questions.
    expect(new Set(asks.map((_, i) => i % 2)).size).toBe(2);
  });

  test('GIVEN /daily set on servers of both shards, and one shard killed (SIGKILL) mid-tick and restarted THEN each server gets exactly one post', async () => {
    const all = [...guilds[0], ...guilds[1]];
    // /daily set through the shard serving each server: 07:00 Berlin, which is 05:00 UTC on 2026-06-09.
    const edits = all.map((guild) => {
      const { token } = fake.command({
        name: 'daily',
        guildId: guild.id,
        options: sub('set', [{ name: 'channel', type: 7, value: guild.channelId }, str('time', '07:00'), str('timezone', 'Europe/Berlin')]),
        resolved: { channels: { [guild.channelId]: { id: guild.channelId, type: 0, name: 'general', permissions: ALL_PERMISSIONS } } },
      });
      return fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.appId}/${token}/messages/@original`, 15_000);
    });
    for (const edit of await Promise.all(edits)) expect(embedText(edit.body.data ? edit.body : { data: edit.body })).toContain('07:00 Europe/Berlin');

    // Shard 1's post to its first server hangs in flight until released.
    const stalled = guilds[1][0]!;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let arrived: (r: RecordedRequest) => void = () => {};
    const held = new Promise<RecordedRequest>((resolve) => (arrived = resolve));
    fake.route('POST', new RegExp(`^/channels/${stalled.channelId}/messages$`), async (r) => {
      arrived(r);
      await gate;
      return undefined;
    });

    await setClock('2026-06-09T05:00:05Z');
    const zeroTick = tick(0);
    void tick(1);
    await held;
    const victim = shard(1);
    const deadPid = victim.process?.pid;
    const restarted = once(victim, 'ready');
    victim.process?.kill('SIGKILL');
    await restarted;
    const livePid = victim.process?.pid;
    expect(livePid).not.toBe(deadPid);
    expect((await zeroTick).report.posted.sort()).toEqual(guilds[0].map((g) => `${g.id}:2026-06-09`).sort());

    const store = await openStore(redis.url);
    try {
      const claims = await openClaimStore(store);
      const ownerPid = async (guild: FakeGuild) => Number((await claims.get(`${guild.id}:2026-06-09`))?.owner.split(':').pop());
      // The dead process's send reaches Discord after all; its claim stays its own until stale (two minutes).
      release();
      await setClock('2026-06-09T05:01:00Z');
      expect((await tick(1)).report.posted).toEqual([]);
      expect(await ownerPid(stalled)).toBe(deadPid);
      await setClock('2026-06-09T05:03:00Z');
      const retaken = await tick(1);
      expect(retaken.report.posted).toContain(`${stalled.id}:2026-06-09`);
      expect((await tick(0)).report.posted).toEqual([]);

      for (const guild of all) expect(fake.createdMessages.filter((m) => m.channelId === guild.channelId), guild.id).toHaveLength(1);
      // The stalled server was sent twice with one nonce; Discord kept the first.
      expect(fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${stalled.channelId}/messages`)).toHaveLength(2);

      const shardZeroPid = shard(0).process?.pid;
      for (const [id, list] of [[0, guilds[0]], [1, guilds[1]]] as const) {
        for (const guild of list) {
          const record = await claims.get(`${guild.id}:2026-06-09`);
          expect(record?.status, guild.id).toBe('posted');
          expect(id === 0 ? [shardZeroPid] : [deadPid, livePid]).toContain(await ownerPid(guild));
        }
      }
      expect(await ownerPid(stalled)).toBe(livePid);
    } finally {
      await store.close();
    }
    expect(fake.violations).toEqual([]);
  }, 60_000);
});
