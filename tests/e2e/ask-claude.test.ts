import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { member } from '../fakes/fake-discord.ts';
import { citedAnswer, GOOD_KEY, startFakeMessagesApi, type FakeMessagesApi } from '../fakes/fake-messages-api.ts';
import { customIds, useE2e } from './e2e-harness.ts';

const IRIS = member('1400000000000000051', 'iris');
const question = (value: string) => [{ name: 'question', type: 3, value }];

describe('/ask and mentions answered by Claude (the local fake Messages API)', () => {
  let api: FakeMessagesApi;
  // Filled in once the fake API listens; each test's bot reads it when it starts.
  const env: Record<string, string> = { ANTHROPIC_API_KEY: GOOD_KEY, ASK_BUDGET_SECONDS: '1' };
  beforeAll(async () => {
    api = await startFakeMessagesApi();
    env.ANTHROPIC_BASE_URL = api.baseURL;
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    api.fallback = citedAnswer;
  });
  const e2e = useE2e(env);

  test('GIVEN Claude will answer THEN /ask is acknowledged first ("thinking…") and Claude\'s cited answer is edited in', async () => {
    const { id, token } = e2e.fake.command({ name: 'ask', options: question('how long should I rest between sets?'), user: IRIS });
    expect((await e2e.callback(id)).body.type).toBe(5);
    const edit = await e2e.edit(token);
    expect(edit.body.embeds[0].footer.text).not.toMatch(/offline/i);
    expect(customIds(edit.body)).toEqual([`ask:vote:up:c:${id}`, `ask:vote:down:c:${id}`]);
  });

  test('GIVEN the API sends headers and never finishes the body THEN the member gets the offline answer within the budget, saying why', async () => {
    api.fallback = { kind: 'slow-body', ms: Number.POSITIVE_INFINITY };
    const { id, token } = e2e.fake.command({ name: 'ask', options: question('how long should I rest between sets?'), user: IRIS });
    const deferred = await e2e.callback(id);
    const edit = await e2e.edit(token);
    expect(edit.at - deferred.at).toBeLessThan(3000);
    expect(edit.body.embeds[0].footer.text).toMatch(/did not answer within 1 s/);
  });

  test('GIVEN a mention while Claude writes THEN the channel shows the bot typing, then the reply comes', async () => {
    api.fallback = { kind: 'slow-body', ms: 300 };
    const messageId = e2e.fake.message({ content: `<@${e2e.fake.botUser.id}> how long should I rest between sets?`, user: IRIS });
    const reply = await e2e.fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId);
    const typing = e2e.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${e2e.fake.channelId}/typing`);
    expect(typing).toBeDefined();
    expect(typing!.at).toBeLessThan(reply.at);
  });
});
