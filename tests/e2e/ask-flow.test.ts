import { describe, expect, test } from 'vitest';
import { member } from '../fakes/fake-discord.ts';
import { customIds, embedText, useE2e } from './e2e-harness.ts';

const ALICE = member('1400000000000000011', 'alice');
const BOB = member('1400000000000000012', 'bob');
const CAROL = member('1400000000000000013', 'carol');
const question = (value: string) => [{ name: 'question', type: 3, value }];

describe('/ask and mentions through the real discord.js client', () => {
  // No ANTHROPIC_API_KEY: the offline answerer replies.
  const e2e = useE2e({ ASK_RATE_LIMIT: '2', ASK_RATE_WINDOW_MINUTES: '10' });

  test('GIVEN /ask answered offline THEN the first response is the cited answer with vote buttons, with no "thinking…"', async () => {
    const { id } = e2e.fake.command({ name: 'ask', options: question('does a pump mean growth?'), user: ALICE });
    const reply = await e2e.callback(id);
    expect(reply.body.type).toBe(4);
    const data = reply.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = embedText({ data });
    expect(text).toMatch(/\[1\]/);
    expect(data.embeds[0].footer.text.toLowerCase()).toMatch(/offline/);
    expect(customIds(data)).toEqual([`ask:vote:up:o:${id}`, `ask:vote:down:o:${id}`]);
  });

  test('GIVEN a 👍 then a 👎 from the same member THEN one vote is stored and the tally follows the change', async () => {
    const { id } = e2e.fake.command({ name: 'ask', options: question('how long should I rest between sets?'), user: BOB });
    await e2e.callback(id);
    const up = e2e.fake.component({ customId: `ask:vote:up:o:${id}`, user: BOB });
    const thanks = await e2e.callback(up.id);
    expect(thanks.body.data.flags & 64).toBe(64);
    expect(await e2e.app.stores.votes.tally(id)).toEqual({ up: 1, down: 0 });
    const down = e2e.fake.component({ customId: `ask:vote:down:o:${id}`, user: BOB });
    await e2e.callback(down.id);
    expect(await e2e.app.stores.votes.tally(id)).toEqual({ up: 0, down: 1 });
    expect(await e2e.app.stores.votes.byMember(BOB.id)).toEqual([expect.objectContaining({ answerId: id, value: 'down', mode: 'offline' })]);
  });

  test('GIVEN a member over the rate limit THEN they get an ephemeral "try again in N minutes" instead of an answer', async () => {
    for (let i = 0; i < 2; i++) {
      const ok = e2e.fake.command({ name: 'ask', options: question('what rep range for a glute pump?'), user: CAROL });
      expect((await e2e.callback(ok.id)).body.data.embeds).toHaveLength(1);
    }
    const limited = e2e.fake.command({ name: 'ask', options: question('and for back?'), user: CAROL });
    const reply = await e2e.callback(limited.id);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.content).toMatch(/try again in 10 minutes/);
  });

  test('GIVEN a question containing @everyone THEN the reply payload parses no mentions', async () => {
    const { id } = e2e.fake.command({ name: 'ask', options: question('@everyone <@&1500000000000000001> does a pump mean growth?'), user: ALICE });
    const { data } = (await e2e.callback(id)).body;
    expect(data.allowed_mentions.parse).toEqual([]);
    expect(data.allowed_mentions.replied_user).toBe(false);
    // The markup is dropped from the question, so it is still answered from the library.
    expect(data.embeds[0].title).not.toMatch(/not covered/i);
  });

  test('GIVEN a message mentioning the bot with a question THEN the bot replies to that message, pinging no one', async () => {
    const messageId = e2e.fake.message({ content: `<@${e2e.fake.botUser.id}> @everyone what rest between sets for a back pump?`, user: BOB, mentionEveryone: true });
    const post = await e2e.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${e2e.fake.channelId}/messages` && r.body?.message_reference?.message_id === messageId);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.embeds[0].title).toBeTruthy();
    expect(customIds(post.body)).toEqual([`ask:vote:up:o:${messageId}`, `ask:vote:down:o:${messageId}`]);
  });

  test('GIVEN a message with @everyone but no mention of the bot THEN the bot stays quiet', async () => {
    const before = e2e.fake.requests.length;
    e2e.fake.message({ content: '@everyone leg day!', user: ALICE, mentionsBot: false, mentionEveryone: true });
    // A /help round trip proves the message event was processed before we look.
    const { id } = e2e.fake.command({ name: 'help', user: ALICE });
    await e2e.callback(id);
    const posts = e2e.fake.requests.slice(before).filter((r) => r.path.startsWith('/channels/'));
    expect(posts).toEqual([]);
  });
});
