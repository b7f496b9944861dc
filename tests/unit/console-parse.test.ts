import { describe, expect, test } from 'vitest';
import { parseLine } from '../../src/console/console-parse.ts';
import { commands } from '../../src/commands/index.ts';

const parse = (line: string) => parseLine(line, commands);
const options = (line: string) => {
  const parsed = parse(line);
  if (parsed.kind !== 'command') throw new Error(`not a command: ${JSON.stringify(parsed)}`);
  return { sub: parsed.subcommand, ...Object.fromEntries(parsed.options) };
};

describe('parseLine', () => {
  test.each([
    ['/workout legs', { sub: null, group: 'legs' }],
    ['/workout legs level:beginner', { sub: null, group: 'legs', level: 'beginner' }],
    ['/workout level:advanced hammies minutes:30', { sub: null, group: 'hammies', level: 'advanced', minutes: 30 }],
    ['/ask does a pump mean growth?', { sub: null, question: 'does a pump mean growth?' }],
    ['/ask question: what is time: under tension?', { sub: null, question: 'what is time: under tension?' }],
    ['/profile set level:beginner equipment:bands', { sub: 'set', level: 'beginner', equipment: 'bands' }],
    ['/profile show', { sub: 'show' }],
    ['/help', { sub: null }],
    ['/log exercise:back squat sets:3 reps:8 weight:100 unit:kg rpe:8', { sub: null, exercise: 'back squat', sets: 3, reps: 8, weight: 100, unit: 'kg', rpe: 8 }],
    ['/log exercise:rdl sets:3 reps:10 weight:62.5 note:grip gave out, rest: 2 min', { sub: null, exercise: 'rdl', sets: 3, reps: 10, weight: 62.5, note: 'grip gave out, rest: 2 min' }],
    ['/history', { sub: 'show' }],
    ['/history back squat', { sub: 'show', exercise: 'back squat' }],
    ['/history exercise:back squat days:30', { sub: 'show', exercise: 'back squat', days: 30 }],
    ['/history export', { sub: 'export' }],
    ['/prs lat pulldown', { sub: null, exercise: 'lat pulldown' }],
    ['/profile set timezone:America/New_York units:lb', { sub: 'set', timezone: 'America/New_York', units: 'lb' }],
  ])('GIVEN %s THEN the command and options are read like Discord would send them', (line, expected) => {
    expect(options(line)).toEqual(expected);
  });

  test.each([
    ['2', { kind: 'choice', n: 2 }],
    ['   ', { kind: 'empty' }],
  ])('GIVEN %j THEN it is a %s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  test.each([
    ['/nope', /Unknown command \/nope/],
    ['hello', /Start with a slash command/],
    ['/workout', /Missing required option "group"/],
    ['/workout legs minutes:lots', /minutes: must be a whole number/],
    ['/workout legs colour:red', /Unknown option "colour"/],
    ['/profile', /needs one of: set, show, forget/],
    ['/log exercise:back squat sets:3 reps:8', /Missing required option "weight"/],
    ['/log exercise:back squat sets:3 reps:8 weight:heavy', /weight: must be a number/],
    ['/log exercise:back squat sets:three reps:8 weight:100', /sets: must be a whole number/],
  ])('GIVEN %s THEN the error says what is wrong', (line, message) => {
    const parsed = parse(line);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });
});
