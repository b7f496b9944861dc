import { describe, expect, test } from 'vitest';
import { member } from '../fakes/fake-discord.ts';
import { embedText, str, sub, useE2e } from './e2e-harness.ts';

const DANA = member('1400000000000000021', 'dana');

describe('/profile and /help through the real discord.js client', () => {
  const e2e = useE2e();

  test('GIVEN /profile set THEN the saved profile is shown back, ephemerally', async () => {
    const { id } = e2e.fake.command({ name: 'profile', options: sub('set', [str('level', 'advanced'), str('units', 'kg')]), user: DANA });
    const reply = await e2e.callback(id);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.allowed_mentions.parse).toEqual([]);
    const text = embedText(reply.body);
    expect(text).toContain('advanced');
    expect(text).toContain('kg');
  });

  test('GIVEN /profile set with nothing to set THEN an ephemeral error says what to type', async () => {
    const { id } = e2e.fake.command({ name: 'profile', options: sub('set'), user: DANA });
    const reply = await e2e.callback(id);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.content).toMatch(/\/profile set level:/);
  });

  test('GIVEN a saved profile WHEN the bot restarts on the same SQLite file THEN /profile show still has it', async () => {
    const set = e2e.fake.command({ name: 'profile', options: sub('set', [str('level', 'advanced'), str('units', 'kg')]), user: DANA });
    await e2e.callback(set.id);
    await e2e.restart();
    const { id } = e2e.fake.command({ name: 'profile', options: sub('show'), user: DANA });
    const reply = await e2e.callback(id);
    expect(embedText(reply.body)).toContain('advanced');
    expect(e2e.fake.gatewayOps.filter((op) => op === 2)).toHaveLength(2);
  });

  test('GIVEN /profile forget THEN profile, votes, sessions and rate-limit history are all gone', async () => {
    const ask = e2e.fake.command({ name: 'ask', options: [str('question', 'does a pump mean growth?')], user: DANA });
    await e2e.callback(ask.id);
    const vote = e2e.fake.component({ customId: `ask:vote:up:o:${ask.id}`, user: DANA });
    await e2e.callback(vote.id);
    const workout = e2e.fake.command({ name: 'workout', options: [str('group', 'legs')], user: DANA });
    const shown = await e2e.callback(workout.id);
    // A swap stores the session (under the pick's id).
    const menu = await e2e.callback(e2e.fake.component({ customId: shown.body.data.components[0].components[1].custom_id, user: DANA }).id);
    const select = menu.body.data.components.flatMap((row: { components: { type: number }[] }) => row.components).find((c: { type: number }) => c.type === 3);
    const pick = e2e.fake.component({ customId: select.custom_id, componentType: 3, values: [select.options[0].value], user: DANA });
    await e2e.callback(pick.id);
    await e2e.fake.waitForRequest((r) => r.path.includes(ask.token ?? ''));
    expect(await e2e.app.stores.sessions.get(DANA.id, pick.id)).toBeDefined();
    const rateHistory = async () => (await e2e.app.store.sql?.('SELECT key FROM rate_hits WHERE key = ?', `ask:${DANA.id}`)) ?? [];
    expect(await rateHistory()).toHaveLength(1);

    const { id } = e2e.fake.command({ name: 'profile', options: sub('forget'), user: DANA });
    const reply = await e2e.callback(id);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.content).toMatch(/deleted/);
    expect(await e2e.app.services.profiles.show(DANA.id)).toBeUndefined();
    expect(await e2e.app.stores.votes.byMember(DANA.id)).toEqual([]);
    expect(await e2e.app.stores.sessions.get(DANA.id, pick.id)).toBeUndefined();
    expect(await rateHistory()).toEqual([]);
  });

  test('GIVEN /help THEN it lists every command and the titles of the library sources', async () => {
    const { id } = e2e.fake.command({ name: 'help', user: DANA });
    const reply = await e2e.callback(id);
    const text = embedText(reply.body);
    for (const name of ['/workout', '/ask', '/profile', '/help']) expect(text).toContain(name);
    for (const doc of e2e.app.services.library.documents) expect(text).toContain(doc.origin.title);
    expect(reply.body.data.allowed_mentions.parse).toEqual([]);
  });

  test('GIVEN the store fails under a command THEN the member gets an ephemeral apology and the bot keeps running', async () => {
    await e2e.app.store.close();
    const { id } = e2e.fake.command({ name: 'profile', options: sub('show'), user: DANA });
    const reply = await e2e.callback(id);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.content).toMatch(/sorry/i);
    const help = e2e.fake.command({ name: 'help', user: DANA });
    expect((await e2e.callback(help.id)).body.type).toBe(4);
  });
});
