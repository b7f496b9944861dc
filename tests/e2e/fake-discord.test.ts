import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';
import { useE2e } from './e2e-harness.ts';

describe('the fake Discord is as strict as Discord', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => fake.close());

  /** A REST call as a bot would make it. */
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${fake.apiUrl}/v10${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bot ${fake.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as { code?: number; errors?: unknown }) };
  };
  const original = (token: string) => `/webhooks/${fake.appId}/${token}/messages/@original`;

  test('GIVEN an interaction acknowledged once THEN a second acknowledgement gets 40060, and edits go through', async () => {
    const { id, token } = fake.command({ name: 'help' });
    expect((await call('POST', `/interactions/${id}/${token}/callback`, { type: 5 })).status).toBe(204);
    expect(await call('POST', `/interactions/${id}/${token}/callback`, { type: 4, data: { content: 'again' } })).toMatchObject({ status: 400, body: { code: 40060 } });
    expect((await call('PATCH', original(token), { content: 'done' })).status).toBe(200);
    expect((await call('POST', `/webhooks/${fake.appId}/${token}?wait=true`, { content: 'more' })).status).toBe(200);
  });

  test('GIVEN the first-response window passed THEN the callback gets 10062 Unknown interaction', async () => {
    fake.tokenLifetimes.firstResponseMs = 20;
    const { id, token } = fake.command({ name: 'help' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await call('POST', `/interactions/${id}/${token}/callback`, { type: 4, data: { content: 'late' } })).toMatchObject({ status: 404, body: { code: 10062 } });
    expect((await call('POST', `/interactions/1/never-dispatched/callback`, { type: 4, data: { content: 'x' } })).status).toBe(404);
  });

  test('GIVEN the follow-up window passed, or no acknowledgement yet THEN edits and follow-ups are refused', async () => {
    const { token } = fake.command({ name: 'help' });
    expect(await call('PATCH', original(token), { content: 'too soon' })).toMatchObject({ status: 404, body: { code: 10015 } });
    const acked = fake.command({ name: 'help' });
    await call('POST', `/interactions/${acked.id}/${acked.token}/callback`, { type: 5 });
    fake.tokenLifetimes.followUpMs = 0;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await call('PATCH', original(acked.token), { content: 'too late' })).toMatchObject({ status: 401, body: { code: 50027 } });
  });

  test('GIVEN a reply that breaks a limit THEN it is refused with 50035, recorded as a violation, and the interaction stays unacknowledged', async () => {
    const { id, token } = fake.command({ name: 'help' });
    const fields = Array.from({ length: 26 }, (_, i) => ({ name: `f${i}`, value: 'x' }));
    const refused = await call('POST', `/interactions/${id}/${token}/callback`, { type: 4, data: { content: 'x'.repeat(2001), embeds: [{ title: 'T', fields }] } });
    expect(refused).toMatchObject({ status: 400, body: { code: 50035, errors: { content: expect.anything(), 'embeds.0.fields': expect.anything() } } });
    expect(fake.violations).toEqual([{ method: 'POST', path: `/interactions/${id}/${token}/callback`, problems: [expect.stringMatching(/^content: must be 2000 or fewer/), expect.stringMatching(/^embeds\.0\.fields: must be 25 or fewer/)] }]);
    expect((await call('POST', `/interactions/${id}/${token}/callback`, { type: 4, data: { content: 'fits' } })).status).toBe(204);
  });

  test('GIVEN a channel message sent twice with one nonce and enforce_nonce THEN one message exists and both answers name it', async () => {
    const body = { content: 'daily', nonce: 'd123', enforce_nonce: true };
    const [first, second] = [await call('POST', `/channels/${fake.channelId}/messages`, body), await call('POST', `/channels/${fake.channelId}/messages`, body)];
    expect((first.body as { id: string }).id).toBe((second.body as { id: string }).id);
    expect(fake.createdMessages).toHaveLength(1);
  });
});

describe('the bot against the strict fake', () => {
  const e2e = useE2e();

  test('GIVEN the bot answers after the 3 s window THEN Discord refuses it (10062) and the bot keeps serving the next interaction', async () => {
    e2e.fake.tokenLifetimes.firstResponseMs = 0;
    const late = e2e.fake.command({ name: 'help' });
    const refused = await e2e.callback(late.id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(refused.status).toBe(404);
    e2e.fake.tokenLifetimes.firstResponseMs = 3000;
    const next = e2e.fake.command({ name: 'help' });
    const answered = await e2e.callback(next.id);
    await new Promise((resolve) => setImmediate(resolve));
    expect([answered.status, answered.body.type]).toEqual([204, 4]);
  });
});
