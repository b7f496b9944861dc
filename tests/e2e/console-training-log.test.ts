import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { localDateUtc } from '../../src/core/dates.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';

const root = join(import.meta.dirname, '..', '..');
/**
 * Exactly what `npm start` runs, made to work from another folder: the working directory is a fresh one, so the
 * default store (KEYV_URL unset → sqlite://data/coach.sqlite) is created there and not in the checkout.
 */
const START = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.replace('dist/main.js', join(root, 'dist', 'main.js'));

/** Runs the console (no DISCORD_TOKEN, no KEYV_URL) in `cwd` with `stdin`; resolves with its output once it exits. */
function runConsole(cwd: string, stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn('sh', ['-c', `exec ${START}`], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe('the training log in the console, as npm start runs it with no token', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pump-coach-console-log-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN /log, a logged workout form, /history, /prs and an export THEN a second run on the default SQLite store still has them all', async () => {
    // The form asks one line per exercise of the plan, so the input gives exactly that many.
    const plan = generatePlan({ group: 'legs', goal: 'hypertrophy', level: 'beginner', equipment: 'gym', minutes: 60 }, { date: localDateUtc(new Date()), seed: 1 }, loadPlanKnowledge());
    const [lead, second] = plan.exercises;
    const formLines = plan.exercises.map((_e, i) => (i === 0 ? '' : i === 1 ? '3x12 @ 40 kg rpe 9' : '-'));
    const first = await runConsole(
      dir,
      [
        `/log exercise:${lead!.name.toLowerCase()} sets:3 reps:8 weight:100 unit:kg rpe:8 note:first time, felt good`,
        '/log exercise:bak squatt sets:3 reps:8 weight:100 unit:stone',
        '/workout legs goal:hypertrophy level:beginner',
        '3',
        ...formLines,
        '/history',
        '/prs',
        '/history export',
        '',
      ].join('\n'),
    );
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'data', 'coach.sqlite'))).toBe(true);
    const out = first.out;
    expect(out).toContain(`# Logged: ${lead!.name}\n3 × 8 @ 100 kg · RPE 8\nNote: first time, felt good`);
    expect(out).toMatch(/exercise "bak squatt" is not in the catalogue\. Did you mean: Barbell back squat/);
    expect(out).toContain('unit must be kg or lb (you gave stone)');
    // The card shows last time and the target; the form prefills it, and Enter keeps it.
    expect(out).toContain('Last time: 3 × 8 @ 100 kg');
    expect(out).toContain(`1. ${lead!.name} [3x9 @ 100 kg]`);
    expect(out).toContain(`2. ${second!.name} [`);
    expect(out).toContain('# Workout logged: 2 exercises');
    expect(out).toMatch(/# Your training log\n(\d{4}-\d{2}-\d{2} · [^\n]+\n){3}/);
    expect(out).toContain('# Your personal records');
    expect(out).toMatch(/--- training-log\.csv ---\ndate,exercise,sets,reps,weight,unit,rpe,note\n\d{4}-\d{2}-\d{2},[^,]+,3,8,100,kg,8,"first time, felt good"\n/);
    expect(first.err).toBe('');

    const again = await runConsole(dir, `/history\n/workout legs goal:hypertrophy level:beginner\n/prs ${lead!.name}\n`);
    expect(again.code).toBe(0);
    expect(again.out).toContain('3 entries in all');
    expect(again.out).toContain('Last time: 3 × 9 @ 100 kg');
    expect(again.out).toContain(`${lead!.name} (2 entries)`);
  });
});
