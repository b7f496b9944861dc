import { describe, expect, test } from 'vitest';
import { member } from '../fakes/fake-discord.ts';
import { customIds, embedText, str, useE2e } from './e2e-harness.ts';
import { unstoredSession } from '../../src/app/workout-session.ts';

const ALICE = member('1400000000000000001', 'alice');
const BOB = member('1400000000000000002', 'bob');

/** The `<owner>:<session>` state a reply's buttons carry. */
function buttonState(data: { components: { components: { custom_id?: string }[] }[] }): string {
  return customIds(data)[0]!.split(':').slice(2).join(':');
}

/** The session a reply's buttons carry, read from their custom ids (a session that was never stored). */
function shownSession(data: { components: { components: { custom_id?: string }[] }[] }) {
  const [owner = '', id = ''] = buttonState(data).split(':');
  return unstoredSession(owner, id);
}

describe('/workout through the real discord.js client', () => {
  const e2e = useE2e();

  test('GIVEN /workout legs THEN the reply is an embed with the plan, three buttons and no parsed mentions', async () => {
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'legs'), str('level', 'beginner')], user: ALICE });
    const callback = await e2e.callback(id);
    expect(callback.body.type).toBe(4);
    const data = callback.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.flags ?? 0).toBe(0);
    expect(data.embeds).toHaveLength(1);
    const text = embedText(callback.body);
    expect(text.toLowerCase()).toContain('legs');
    expect(text).toMatch(/\d+ × \d+/);
    expect(data.embeds[0].fields.length).toBeGreaterThan(2);
    const ids = customIds(data);
    // Nothing stored: the buttons carry the owner and the session's whole state.
    const state = buttonState(data);
    expect(ids).toEqual([`workout:variation:${state}`, `workout:swap:${state}`, `workout:log:${state}`]);
    expect(shownSession(data)).toMatchObject({ ownerId: ALICE.id, seed: 1, swaps: [], request: { group: 'legs', level: 'beginner' } });
    expect(await e2e.app.stores.sessions.get(ALICE.id, id)).toBeUndefined();
    expect(data.components[0].components.map((c: { label: string }) => c.label)).toEqual(['Another variation', 'Swap exercise', 'Log this workout']);
  });

  test('GIVEN /workout back focus:upper-back THEN the embed names the focus and leads with a row, a shrug or a rear-shoulder move', async () => {
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'back'), str('focus', 'upper-back')], user: ALICE });
    const callback = await e2e.callback(id);
    const embed = callback.body.data.embeds[0];
    expect(embed.title).toBe('Back (upper back focus) · pump · intermediate');
    expect(embed.fields.map((f: { name: string }) => f.name)).toContain('How to progress');
  });

  test('GIVEN the requester presses "Another variation" THEN the message is updated with the next seed', async () => {
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'back')], user: ALICE });
    const first = await e2e.callback(id);
    const press = e2e.fake.component({ customId: customIds(first.body.data)[0]!, user: ALICE });
    const update = await e2e.callback(press.id);
    expect(update.body.type).toBe(7);
    expect(update.body.data.allowed_mentions.parse).toEqual([]);
    expect(embedText(update.body)).not.toEqual(embedText(first.body));
    expect(shownSession(update.body.data)).toMatchObject({ ...shownSession(first.body.data), seed: 2, id: expect.any(String) });
    // The updated message's buttons move on from there.
    const again = e2e.fake.component({ customId: customIds(update.body.data)[0]!, user: ALICE });
    expect(shownSession((await e2e.callback(again.id)).body.data)?.seed).toBe(3);
  });

  test('GIVEN a stranger presses a button THEN they get an ephemeral note and the plan does not change', async () => {
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'glutes')], user: ALICE });
    const shown = await e2e.callback(id);
    const state = buttonState(shown.body.data);
    for (const action of ['variation', 'swap']) {
      const press = e2e.fake.component({ customId: `workout:${action}:${state}`, user: BOB });
      const note = await e2e.callback(press.id);
      expect(note.body.type).toBe(4);
      expect(note.body.data.flags & 64).toBe(64);
      expect(note.body.data.content).toMatch(/only the member who asked/i);
      expect(note.body.data.allowed_mentions.parse).toEqual([]);
    }
    // The stranger's presses sent nothing but their notes: the card was neither updated nor replaced.
    expect(e2e.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${id}/`))).toEqual([]);
  });

  test('GIVEN "Swap exercise" THEN a select menu of substitutes appears, and picking one swaps that exercise', async () => {
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'legs'), str('equipment', 'gym')], user: ALICE });
    const original = await e2e.callback(id);
    const state = buttonState(original.body.data);
    const press = e2e.fake.component({ customId: `workout:swap:${state}`, user: ALICE });
    const menu = await e2e.callback(press.id);
    expect(menu.body.type).toBe(7);
    const select = menu.body.data.components.flatMap((row: { components: unknown[] }) => row.components).find((c: { type: number }) => c.type === 3);
    expect(select.custom_id).toBe(`workout:pick:${state}`);
    expect(select.options.length).toBeGreaterThan(0);
    expect(select.options.length).toBeLessThanOrEqual(25);
    const choice = select.options[0] as { value: string; label: string };
    const [from, to] = choice.value.split('>');

    // A stranger cannot pick either.
    const stranger = e2e.fake.component({ customId: `workout:pick:${state}`, componentType: 3, values: [choice.value], user: BOB });
    expect((await e2e.callback(stranger.id)).body.data.flags & 64).toBe(64);

    const pick = e2e.fake.component({ customId: `workout:pick:${state}`, componentType: 3, values: [choice.value], user: ALICE });
    const swapped = await e2e.callback(pick.id);
    expect(swapped.body.type).toBe(7);
    expect(embedText(swapped.body)).not.toEqual(embedText(original.body));
    // A swapped session is stored, under the pick's interaction id, and the card's buttons now name it.
    expect(customIds(swapped.body.data)).toEqual(['variation', 'swap', 'log'].map((action) => `workout:${action}:${ALICE.id}:${pick.id}`));
    expect((await e2e.app.stores.sessions.get(ALICE.id, pick.id))?.swaps).toEqual([[from, to]]);
    // A second swap changes that stored session in place.
    const again = e2e.fake.component({ customId: `workout:swap:${ALICE.id}:${pick.id}`, user: ALICE });
    const second = (await e2e.callback(again.id)).body.data.components.flatMap((row: { components: unknown[] }) => row.components).find((c: { type: number }) => c.type === 3);
    const next = (second.options as { value: string }[]).find((o) => !o.value.startsWith(`${to}>`))!;
    const picked = e2e.fake.component({ customId: `workout:pick:${ALICE.id}:${pick.id}`, componentType: 3, values: [next.value], user: ALICE });
    expect((await e2e.callback(picked.id)).body.type).toBe(7);
    expect((await e2e.app.stores.sessions.get(ALICE.id, pick.id))?.swaps).toEqual([[from, to], next.value.split('>')]);
  });

  test('GIVEN a saved profile THEN /workout fills the options the member left out', async () => {
    const set = e2e.fake.command({ name: 'profile', options: [{ name: 'set', type: 1, options: [str('equipment', 'bodyweight'), str('level', 'beginner')] }], user: BOB });
    await e2e.callback(set.id);
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'legs')], user: BOB });
    const shown = await e2e.callback(id);
    expect(shownSession(shown.body.data)?.request).toMatchObject({ equipment: 'bodyweight', level: 'beginner', group: 'legs' });
    // What the member types still wins over the profile.
    const typed = e2e.fake.command({ name: 'workout', options: [str('group', 'legs'), str('level', 'advanced')], user: BOB });
    expect(shownSession((await e2e.callback(typed.id)).body.data)?.request).toMatchObject({ equipment: 'bodyweight', level: 'advanced' });
  });

  test('GIVEN an unknown group THEN the error is ephemeral and says what to do next', async () => {
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'chest')], user: ALICE });
    const callback = await e2e.callback(id);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & 64).toBe(64);
    expect(callback.body.data.content).toMatch(/legs/);
    expect(callback.body.data.content).toMatch(/try again/i);
  });
});
