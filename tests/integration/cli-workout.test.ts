/** `coach workout`: the JSON contract, readable text, exit codes, and one run through the real entry point. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { makeWorkoutCommand } from '../../src/cli/workout-command.ts';
import { localToday } from '../../src/cli/cli-kit.ts';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} });
  return { code, stdout, stderr };
}

const CONTRACT_KEYS = ['group', 'goal', 'level', 'equipment', 'minutes', 'date', 'estimatedMinutes', 'warmup', 'exercises', 'cooldown', 'sources'];
/** Added by issue 10, and nothing else. */
const ADDED_KEYS = ['focus', 'notes', 'progression'];
const EXERCISE_KEYS = ['id', 'name', 'equipment', 'sets', 'reps', 'restSeconds', 'technique', 'cues', 'sources'];

describe('coach workout', () => {
  test('GIVEN --json THEN stdout is exactly one JSON document with the contract keys', async () => {
    const { code, stdout, stderr } = await run(['workout', 'hammies', '--goal', 'pump', '--level', 'advanced', '--equipment', 'dumbbells', '--minutes', '45', '--date', '2026-11-23', '--seed', '3', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(CONTRACT_KEYS));
    expect(Object.keys(doc).sort()).toEqual([...CONTRACT_KEYS, ...ADDED_KEYS, 'seed'].sort());
    expect(doc).toMatchObject({ group: 'legs', goal: 'pump', level: 'advanced', equipment: 'dumbbells', minutes: 45, date: '2026-11-23', seed: 3 });
    expect(doc.estimatedMinutes).toBeLessThanOrEqual(45);
    expect(doc.exercises.length).toBeGreaterThan(0);
    for (const e of doc.exercises) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(EXERCISE_KEYS));
      expect(e.reps).toEqual({ min: expect.any(Number), max: expect.any(Number) });
      expect(e.technique === null || typeof e.technique === 'string').toBe(true);
      expect(e.sources.length).toBeGreaterThan(0);
    }
    expect(doc.warmup[0]).toEqual({ name: expect.any(String), minutes: expect.any(Number), sources: expect.any(Array) });
  });

  test.each([
    [['workout', 'hamstrings'], 'hamstrings'],
    [['workout', 'hammies'], 'hamstrings'],
    [['workout', 'legs', '--focus', 'quads'], 'quads'],
    [['workout', '--focus', 'traps'], 'upper-back'],
    [['workout', 'legs'], null],
  ])('GIVEN %j --json THEN group stays the parent and focus is %s, with notes and a cited progression line', async (args, focus) => {
    const { code, stdout } = await run([...args, '--date', '2026-11-23', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.focus).toBe(focus);
    expect(doc.group).toBe(focus === 'upper-back' ? 'back' : 'legs');
    expect(Array.isArray(doc.notes)).toBe(true);
    for (const note of doc.notes) expect(note).toEqual({ text: expect.any(String), sources: expect.arrayContaining([expect.stringMatching(/#/)]) });
    expect(doc.progression).toEqual({ text: expect.any(String), sources: expect.arrayContaining([expect.stringMatching(/#/)]) });
  });

  test('GIVEN a focus word without --json THEN the card title names the focus and ends with how to progress', async () => {
    const { code, stdout } = await run(['workout', 'calves', '--date', '2026-11-23']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Legs \(calves focus\) · pump · intermediate\n/);
    expect(stdout).toMatch(/## How to progress\n.+\n\n## Sources/);
  });

  test('GIVEN the same arguments twice THEN the output is identical', async () => {
    const args = ['workout', 'glutes', '--date', '2026-11-23', '--json'];
    expect((await run(args)).stdout).toBe((await run(args)).stdout);
    const text = ['workout', 'back', '--date', '2026-11-23'];
    expect((await run(text)).stdout).toBe((await run(text)).stdout);
  });

  test('GIVEN no --json THEN readable text like the Discord card', async () => {
    const { code, stdout } = await run(['workout', 'legs', '--date', '2026-11-23']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Legs · pump · intermediate\n/);
    expect(stdout).toContain('## Warm-up');
    expect(stdout).toMatch(/## 1\. .+\n\d × \d+–\d+/);
    expect(stdout).toContain('## Cool-down');
    expect(stdout).toContain('## Sources');
  });

  test.each([
    [['workout', 'arms'], /muscle group "arms".*legs.*glutes.*back/],
    [['workout'], /Name a muscle group/],
    [['workout', 'legs', '--goal', 'bulk'], /pump, hypertrophy, strength/],
    [['workout', 'legs', '--level', 'pro'], /beginner, intermediate, advanced/],
    [['workout', 'legs', '--equipment', 'rocks'], /gym, dumbbells, bands, bodyweight/],
    [['workout', 'legs', '--minutes', '5'], /15 to 120/],
    [['workout', 'legs', '--date', '2026-02-30'], /--date must be a calendar date as YYYY-MM-DD/],
    [['workout', 'legs', '--seed=-4'], /--seed must be a whole number/],
    [['workout', 'legs', '--seed', 'abc'], /--seed must be a whole number/],
    [['workout', 'legs', '--colour', 'red'], /unknown option "--colour"; valid options: --focus, --goal, --level, --equipment, --minutes, --date, --seed, --json/],
    [['workout', 'back', '--focus', 'hamstrings'], /hamstrings is part of legs, not back\. Focuses for back: lats, upper back, lower back/],
    [['workout', 'legs', '--focus', 'biceps'], /Unknown focus "biceps"/],
    [['workout', 'legs', '--goal'], /option "--goal" needs a value/],
    [['workout', 'legs', 'back'], /one muscle group/],
  ])('GIVEN %j THEN one line on stderr naming the valid values, exit 2, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('GIVEN no --date THEN the plan is for the injected today', async () => {
    const command = makeWorkoutCommand({ today: () => '2027-01-05', loadKnowledge: () => loadPlanKnowledge() });
    let stdout = '';
    const code = await command(['legs', '--json'], { stdout: (t) => void (stdout += t), stderr: () => {}, env: {} });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).date).toBe('2027-01-05');
    expect(localToday(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });

  test('GIVEN the real entry point THEN `tsx src/cli/coach.ts workout legs --json` prints the plan', () => {
    const result = spawnSync('npx', ['tsx', 'src/cli/coach.ts', 'workout', 'legs', '--json', '--date', '2026-11-23'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ group: 'legs', goal: 'pump', level: 'intermediate', equipment: 'gym', minutes: 60, date: '2026-11-23' });
  });
});
