import { describe, expect, test } from 'vitest';
import { member, type FakeUser } from '../fakes/fake-discord.ts';
import { customIds, embedText, str, useE2e } from './e2e-harness.ts';

const ERIN = member('1400000000000000031', 'erin');
const FINN = member('1400000000000000032', 'finn');

/** Option builders for the types /log uses: integer (4), number (10), boolean (5). */
const int = (name: string, value: number) => ({ name, type: 4, value });
const num = (name: string, value: number) => ({ name, type: 10, value });
const bool = (name: string, value: boolean) => ({ name, type: 5, value });
const history = (name: 'show' | 'export', options: { name: string; type: number; value: string | number }[] = []) => [{ name, type: 1, options }];

/** The text inputs of a modal callback, as [custom id, label, value]. */
function modalInputs(data: { components: { components: { custom_id: string; label: string; value?: string }[] }[] }) {
  return data.components.map((row) => row.components[0]!).map((input) => [input.custom_id, input.label, input.value ?? ''] as const);
}

describe('the training log through the real discord.js client', () => {
  const e2e = useE2e();

  const logSet = async (user: FakeUser, exercise: string, sets: number, reps: number, weight: number, extra: { name: string; type: number; value: string | number | boolean }[] = []) => {
    const { id } = e2e.fake.command({ name: 'log', user, options: [str('exercise', exercise), int('sets', sets), int('reps', reps), num('weight', weight), ...extra] });
    return (await e2e.callback(id)).body;
  };
  const workout = async (user: FakeUser) => {
    const sent = e2e.fake.command({ name: 'workout', user, options: [str('group', 'legs'), str('goal', 'hypertrophy'), str('level', 'beginner')] });
    return { ...sent, body: (await e2e.callback(sent.id)).body };
  };

  test('GIVEN a member typing an exercise THEN /log autocompletes names and aliases, and the picked id logs privately', async () => {
    const typing = e2e.fake.command({ name: 'log', type: 4, user: ERIN, options: [{ name: 'exercise', type: 3, value: 'rdl', focused: true }, int('sets', 3)] });
    const suggestions = (await e2e.callback(typing.id)).body;
    expect(suggestions.type).toBe(8);
    expect(suggestions.data.choices[0]).toEqual({ name: 'Romanian deadlift (rdl)', value: 'romanian-deadlift' });
    expect(suggestions.data.choices.length).toBeLessThanOrEqual(25);

    const body = await logSet(ERIN, 'romanian-deadlift', 3, 10, 60, [str('unit', 'kg'), num('rpe', 8), str('note', '@everyone grip held')]);
    expect(body.type).toBe(4);
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.allowed_mentions.parse).toEqual([]);
    const text = embedText(body);
    expect(text).toContain('Logged: Romanian deadlift');
    expect(text).toContain('3 × 10 @ 60 kg · RPE 8');
    expect(text).toContain('@everyone grip held');
    expect(text).toMatch(/baseline/);
  });

  test('GIVEN a heavier set than ever THEN /log announces the personal record and what it beat', async () => {
    await logSet(ERIN, 'back squat', 3, 8, 100);
    const body = await logSet(ERIN, 'back squat', 3, 8, 105);
    const text = embedText(body);
    expect(text).toContain('🏆 Personal record');
    expect(text).toContain('Heaviest load: 105 kg (was 100 kg)');
    expect(text).toMatch(/Best estimated 1RM: 133\.?\d* kg \(was 126\.67 kg\)/);
    // share:true posts it for the channel, still pinging no one.
    const shared = await logSet(ERIN, 'back squat', 1, 3, 110, [bool('share', true)]);
    expect(shared.data.flags ?? 0).toBe(0);
    expect(shared.data.allowed_mentions.parse).toEqual([]);
  });

  test('GIVEN bad input THEN the error is ephemeral, names each field and what it allows, and stores nothing', async () => {
    const body = await logSet(ERIN, 'bak squatt', 3, 8, 100, [str('unit', 'stone'), num('rpe', 5)]);
    expect(body.data.flags & 64).toBe(64);
    const content: string = body.data.content;
    expect(content).toMatch(/exercise "bak squatt" is not in the catalogue\. Did you mean: Barbell back squat, [^,]+, [^,]+\?/);
    expect(content).toContain('unit must be kg or lb (you gave stone)');
    expect(content).toContain('rpe must be a number from 6 to 10');
    expect((await e2e.app.stores.trainingLog.read(ERIN.id, [])).head).toBeUndefined();
  });

  test('GIVEN "Log this workout" on a /workout card THEN a form opens with a prefilled line per exercise, and its lines are stored as one session', async () => {
    const shown = await workout(ERIN);
    const logId = customIds(shown.body.data).find((id) => id.startsWith('workout:log:'))!;
    const press = e2e.fake.component({ customId: logId, user: ERIN });
    const modal = (await e2e.callback(press.id)).body;
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(logId.replace('workout:log:', 'workout:logged:'));
    const inputs = modalInputs(modal.data);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.length).toBeLessThanOrEqual(5);
    for (const [, label, value] of inputs) {
      expect(label.length).toBeLessThanOrEqual(45);
      expect(value).toMatch(/^\d+x\d+ @ /);
    }

    // One malformed line: nothing stored, and the reply names that line.
    const fields = Object.fromEntries(inputs.map(([id], i) => [id, i === 0 ? '3x10 @ 80 kg' : '']));
    const bad = e2e.fake.modalSubmit({ customId: modal.data.custom_id, user: ERIN, fields: { ...fields, [inputs[1]![0]]: 'a lot' } });
    const refused = (await e2e.callback(bad.id)).body;
    expect(refused.data.flags & 64).toBe(64);
    expect(refused.data.content).toContain(`Line 2 (${inputs[1]![1]}): "a lot"`);
    expect((await e2e.app.stores.trainingLog.read(ERIN.id, [])).head).toBeUndefined();

    const good = e2e.fake.modalSubmit({ customId: modal.data.custom_id, user: ERIN, fields: { ...fields, [inputs[1]![0]]: '3x12 @ 40 kg rpe 9' } });
    const logged = (await e2e.callback(good.id)).body;
    expect(logged.data.flags & 64).toBe(64);
    expect(embedText(logged)).toContain('Workout logged: 2 exercises');
    const entries = await e2e.app.stores.trainingLog.range(ERIN.id, 0, 10);
    expect(entries.map((e) => [e.exerciseId, e.weight, e.sessionId])).toEqual([
      [inputs[0]![0], 80, good.id],
      [inputs[1]![0], 40, good.id],
    ]);

    // Another member may log the same posted workout, to their own log.
    const theirs = e2e.fake.component({ customId: logId, user: FINN });
    expect((await e2e.callback(theirs.id)).body.type).toBe(9);
  });

  test('GIVEN a logged exercise THEN the next /workout shows "Last time" and a cited next target, and the form is prefilled with it', async () => {
    const first = await workout(FINN);
    const [, name] = /1\. ([^\n]+)/.exec(embedText(first.body))!;
    const exercise = e2e.app.services.knowledge.exercises.find((e) => e.name === name)!;
    await logSet(FINN, exercise.id, 3, 12, 100);
    const again = await workout(FINN);
    const text = embedText(again.body);
    expect(text).toContain('Last time: 3 × 12 @ 100 kg');
    expect(text).toMatch(/Next: \d+ × 8 @ 10[0-9.]+ kg \(add load\) \[leg-training#progressive-overload\]/);
    const press = e2e.fake.component({ customId: customIds(again.body.data).find((id) => id.startsWith('workout:log:'))!, user: FINN });
    const [id, , value] = modalInputs((await e2e.callback(press.id)).body.data)[0]!;
    expect(id).toBe(exercise.id);
    expect(value).toMatch(/^\d+x8 @ 10[0-9.]+ kg$/);
  });

  test('GIVEN twelve entries THEN /history pages ten at a time with buttons only its owner can use, and export attaches the CSV', async () => {
    for (let i = 1; i <= 12; i++) await logSet(ERIN, 'leg press', 3, i, 100 + i);
    const { id } = e2e.fake.command({ name: 'history', user: ERIN, options: history('show') });
    const first = (await e2e.callback(id)).body;
    expect(first.data.flags & 64).toBe(64);
    const lines = first.data.embeds[0].description.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toContain('Leg press · 3 × 12 @ 112 kg');
    expect(first.data.embeds[0].footer.text).toMatch(/Page 1 · 12 entries in all · Streak: 1 week in a row/);
    const [older] = customIds(first.data);
    expect(older).toBe(`history:page:${ERIN.id}:1:0:`);

    const stranger = e2e.fake.component({ customId: older!, user: FINN });
    expect((await e2e.callback(stranger.id)).body.data.content).toMatch(/belong to someone else/);

    const next = e2e.fake.component({ customId: older!, user: ERIN });
    const second = (await e2e.callback(next.id)).body;
    expect(second.type).toBe(7);
    expect(second.data.embeds[0].description.split('\n')).toHaveLength(2);
    expect(second.data.components[0].components.map((c: { label: string }) => c.label)).toEqual(['◀ Newer']);

    const exported = e2e.fake.command({ name: 'history', user: ERIN, options: history('export') });
    const deferred = await e2e.callback(exported.id);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    const request = await e2e.edit(exported.token);
    expect(request.body.content).toMatch(/12 entries as CSV/);
    expect(request.body.allowed_mentions.parse).toEqual([]);
    expect(request.files).toHaveLength(1);
    expect(request.files![0]!.name).toBe('training-log.csv');
    const csv = request.files![0]!.content.split('\r\n');
    expect(csv[0]).toBe('date,exercise,sets,reps,weight,unit,rpe,note');
    expect(csv).toHaveLength(14);
    expect(csv[1]).toMatch(/^\d{4}-\d{2}-\d{2},Leg press,3,1,101,kg,,$/);
  });

  test('GIVEN a log WHEN the bot restarts THEN /history, /prs, /workout and export still have it, and /profile forget then leaves nothing', async () => {
    await logSet(FINN, 'back squat', 3, 8, 225, [str('unit', 'lb')]);
    await logSet(FINN, 'back squat', 3, 9, 100, [str('unit', 'kg')]);
    const setZone = e2e.fake.command({ name: 'profile', user: FINN, options: [{ name: 'set', type: 1, options: [str('timezone', 'europe/berlin'), str('units', 'kg')] }] });
    expect(embedText((await e2e.callback(setZone.id)).body)).toContain('Europe/Berlin');
    await e2e.restart();

    const shown = e2e.fake.command({ name: 'history', user: FINN, options: history('show') });
    const page = embedText((await e2e.callback(shown.id)).body);
    expect(page).toContain('3 × 9 @ 100 kg');
    expect(page).toContain('3 × 8 @ 102.1 kg (logged as 225 lb)');
    expect(page).toContain('dates in Europe/Berlin');

    const prs = e2e.fake.command({ name: 'prs', user: FINN });
    expect((await e2e.callback(prs.id)).body.type).toBe(5);
    const records = embedText({ data: (await e2e.edit(prs.token)).body });
    expect(records).toContain('Barbell back squat (2 entries)');
    expect(records).toContain('Heaviest: 102.1 kg × 8');

    const profile = e2e.fake.command({ name: 'profile', user: FINN, options: [{ name: 'show', type: 1, options: [] }] });
    expect(embedText((await e2e.callback(profile.id)).body)).toMatch(/2 entries · Streak: 1 week in a row/);

    const forget = e2e.fake.command({ name: 'profile', user: FINN, options: [{ name: 'forget', type: 1, options: [] }] });
    expect((await e2e.callback(forget.id)).body.data.content).toMatch(/training log/);
    expect((await e2e.app.stores.trainingLog.read(FINN.id, [])).head).toBeUndefined();
    expect(await e2e.app.stores.trainingLog.range(FINN.id, 0, 10)).toEqual([]);
    const rows = await e2e.app.store.sql?.(`SELECT key FROM keyv WHERE key LIKE ?`, `training-log:${FINN.id}:%`);
    expect(rows).toEqual([]);
    const after = e2e.fake.command({ name: 'history', user: FINN, options: history('show') });
    expect((await e2e.callback(after.id)).body.data.content).toMatch(/Your log is empty/);
  });

  test('GIVEN a typed time zone THEN /profile set autocompletes it like /daily does', async () => {
    const { id } = e2e.fake.command({ name: 'profile', type: 4, user: ERIN, options: [{ name: 'set', type: 1, options: [{ name: 'timezone', type: 3, value: 'new_y', focused: true }] }] });
    const reply = (await e2e.callback(id)).body;
    expect(reply.type).toBe(8);
    expect(reply.data.choices).toContainEqual({ name: 'America/New_York', value: 'America/New_York' });
  });
});
