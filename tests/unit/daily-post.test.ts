import { describe, expect, test } from 'vitest';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { dailyPostFor, hasContent } from '../../src/app/daily-post.ts';
import { dailyPostCard } from '../../src/commands/cards/daily-post-card.ts';
import { dailyText } from '../../src/commands/messages.ts';
import { dailyMessages } from '../../src/app/daily-messages.ts';
import { makeDailyCommand, dailyJson } from '../../src/cli/daily-command.ts';
import { makeWorkoutCommand } from '../../src/cli/workout-command.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';

const knowledge = loadPlanKnowledge();

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const sink: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} };
  return { sink, out, err };
}

const cli = makeDailyCommand({ today: () => '2026-06-10', loadKnowledge: () => knowledge });

describe('the daily post', () => {
  test.each([
    ['2026-03-28', 'glutes'],
    ['2026-03-29', 'legs'],
    ['2026-03-30', 'back'],
    ['2026-03-31', 'glutes'],
  ] as const)('GIVEN the default split on %s THEN the post is a %s plan for that date', (date, group) => {
    const post = dailyPostFor({ split: ['legs', 'back', 'glutes'] }, date, knowledge);
    expect(post.group).toBe(group);
    expect(post.plan).toMatchObject({ group, date, goal: 'pump', level: 'intermediate', equipment: 'gym' });
  });

  test('GIVEN the same settings and date THEN the post is identical every time (previewable, reproducible)', () => {
    const settings = { split: ['back', 'legs'] as ('back' | 'legs')[], level: 'beginner' as const, equipment: 'dumbbells' as const };
    expect(dailyPostFor(settings, '2026-06-10', knowledge)).toEqual(dailyPostFor(settings, '2026-06-10', knowledge));
  });

  test('GIVEN server defaults THEN the plan uses them', () => {
    const post = dailyPostFor({ split: ['glutes'], goal: 'strength', level: 'advanced', equipment: 'bands' }, '2026-06-10', knowledge);
    expect(post.plan).toMatchObject({ goal: 'strength', level: 'advanced', equipment: 'bands' });
  });

  test('GIVEN any day THEN the card quotes a trusted passage verbatim, cites it, and has no member buttons', () => {
    for (let day = 1; day <= 28; day += 1) {
      const date = `2026-02-${String(day).padStart(2, '0')}`;
      const post = dailyPostFor({ split: ['legs', 'back', 'glutes'] }, date, knowledge);
      const tip = post.tip;
      const passage = knowledge.library.byId.get(tip?.passageId ?? '');
      expect(passage?.reliability).toBe('high');
      expect(passage?.text).toContain(tip?.quote);
      const card = dailyPostCard(post, knowledge);
      const field = card.fields.find((f) => f.name === dailyText.tipField);
      expect(field?.value).toBe(dailyText.tipValue(tip?.quote ?? '', passage?.sourceTitle ?? '', passage?.id ?? ''));
      expect(card.actions).toBeUndefined();
      expect(card.fields.length).toBeLessThanOrEqual(25);
    }
  });

  test('GIVEN the same group on its next turn THEN the tip differs', () => {
    const first = dailyPostFor({ split: ['legs', 'back', 'glutes'] }, '2026-03-29', knowledge);
    const next = dailyPostFor({ split: ['legs', 'back', 'glutes'] }, '2026-04-01', knowledge);
    expect(next.group).toBe(first.group);
    expect(next.tip?.quote).not.toBe(first.tip?.quote);
  });
});

describe('rest days, focus days and the start of the split', () => {
  const split = ['legs', 'back', 'rest', 'hamstrings'] as const;

  test('GIVEN a start date THEN the first post is the split\'s first day and the days follow in order', () => {
    const days = ['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14'].map((date) => dailyPostFor({ split: [...split], startDate: '2026-06-10' }, date, knowledge).day);
    expect(days).toEqual(['legs', 'back', 'rest', 'hamstrings', 'legs']);
  });

  test('GIVEN a focus day THEN the post is a plan of its group with the focus', () => {
    const post = dailyPostFor({ split: [...split], startDate: '2026-06-10' }, '2026-06-13', knowledge);
    expect(post).toMatchObject({ day: 'hamstrings', group: 'legs', plan: { group: 'legs', focus: 'hamstrings' } });
    expect(post.threadTitle).toBe('Hamstrings day — 2026-06-13');
  });

  test('GIVEN a rest day and the default setting THEN nothing is posted', () => {
    const post = dailyPostFor({ split: [...split], startDate: '2026-06-10' }, '2026-06-12', knowledge);
    expect(post).toMatchObject({ day: 'rest', group: null });
    expect(hasContent(post)).toBe(false);
    expect(post.plan).toBeUndefined();
  });

  test('GIVEN a rest day with tips on THEN the card is a short rest-day card quoting a trusted recovery passage', () => {
    const post = dailyPostFor({ split: [...split], startDate: '2026-06-10', restDays: 'tip' }, '2026-06-12', knowledge);
    const card = dailyPostCard(post, knowledge);
    expect(card.title).toBe(dailyText.restTitle('2026-06-12'));
    const passage = knowledge.library.byId.get(post.tip?.passageId ?? '');
    expect(knowledge.rules.restDay.sources).toContain(passage?.id);
    expect(passage?.text).toContain(post.tip?.quote);
    expect(card.fields).toHaveLength(1);
  });
});

describe('coach daily', () => {
  test('GIVEN --json THEN it prints the workout JSON keys plus "tip", matching the post a server would get', async () => {
    const daily = io();
    expect(await cli(['--date', '2026-03-29', '--start', '2026-03-28', '--split', 'glutes,back', '--level', 'beginner', '--json'], daily.sink)).toBe(0);
    const printed = JSON.parse(daily.out.join(''));
    expect(printed).toEqual(dailyJson(dailyPostFor({ split: ['glutes', 'back'], level: 'beginner', startDate: '2026-03-28' }, '2026-03-29', knowledge)));
    expect(printed.group).toBe('back');
    const workout = io();
    await makeWorkoutCommand({ today: () => '2026-03-29', loadKnowledge: () => knowledge })(['legs', '--json'], workout.sink);
    expect(Object.keys(printed)).toEqual([...Object.keys(JSON.parse(workout.out.join(''))), 'tip']);
    expect(printed.tip).toMatchObject({ passageId: expect.stringMatching(/#/), quote: expect.any(String), sourceTitle: expect.any(String) });
  });

  test('GIVEN no --start THEN the date is the split\'s first day', async () => {
    const run = io();
    expect(await cli(['--date', '2026-03-29', '--split', 'back,legs', '--json'], run.sink)).toBe(0);
    expect(JSON.parse(run.out.join('')).group).toBe('back');
  });

  test('GIVEN a rest day THEN text says nothing is posted, or with --rest-days tip the recovery card prints', async () => {
    const quiet = io();
    expect(await cli(['--date', '2026-03-29', '--split', 'rest,legs'], quiet.sink)).toBe(0);
    expect(quiet.out.join('')).toBe('2026-03-29 is a rest day: nothing is posted.\n');
    const tip = io();
    expect(await cli(['--date', '2026-03-29', '--split', 'rest,legs', '--rest-days', 'tip', '--json'], tip.sink)).toBe(0);
    expect(JSON.parse(tip.out.join(''))).toMatchObject({ date: '2026-03-29', day: 'rest', tip: { passageId: expect.stringMatching(/#/) } });
  });

  test('GIVEN no --json THEN it prints the card as text with the tip', async () => {
    const run = io();
    expect(await cli(['--date', '2026-03-29'], run.sink)).toBe(0);
    expect(run.out.join('')).toContain(`## ${dailyText.tipField}`);
  });

  test('GIVEN no --date THEN today is used', async () => {
    const run = io();
    await cli(['--json'], run.sink);
    expect(JSON.parse(run.out.join('')).date).toBe('2026-06-10');
  });

  test.each([
    [['--date', '2026-02-30'], dailyMessages.badDate('2026-02-30')],
    [['--date', '2026-03-29', '--split', 'legs,arms'], 'arms'],
    [['--date', '2026-03-29', '--start', 'soon'], 'soon'],
    [['--date', '2026-03-29', '--rest-days', 'loud'], 'loud'],
    [['--date', '2026-03-29', '--goal', 'bulk'], 'bulk'],
    [['--frobnicate'], '--frobnicate'],
    [['legs'], 'legs'],
  ])('GIVEN %j THEN exit 2, one line on stderr naming the problem, nothing on stdout', async (args, fragment) => {
    const run = io();
    expect(await cli(args, run.sink)).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err.join('')).toContain(fragment);
    expect(run.err.join('').trim().split('\n')).toHaveLength(1);
  });
});
