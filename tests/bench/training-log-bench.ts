/**
 * Training-log figures: /log and /workout through the command layer (handler, use cases, cards) on the default
 * SQLite store, as main.ts wires them, for a member with 10,000 logged entries beside a member with none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { startApp } from '../../src/main.ts';
import { createTrainingLogService } from '../../src/app/training-log-service.ts';
import { loggableExercises } from '../../src/core/exercise-lookup.ts';
import { createDispatcher } from '../../src/commands/dispatch.ts';
import { commands } from '../../src/commands/index.ts';
import type { Reply } from '../../src/commands/command-kit.ts';
import { commandContext, type Sent } from '../fakes/fake-contexts.ts';
import { ManualClock } from '../fakes/daily-fakes.ts';
import { figure, percentile, section } from './bench-kit.ts';

const ENTRIES = 10_000;
const PER_SESSION = 5;
const ROUNDS = 1000;
const HEAVY = '1500000000000000001';
/** A member with one entry per exercise: the same Last time lines as HEAVY, from a short log. */
const LIGHT = '1500000000000000002';

let counter = 0;

/** Runs `rounds` of each case, interleaved so both members see the same machine state; returns latencies per case. */
async function measure(cases: Record<string, () => Promise<void>>, rounds: number): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(cases)) {
      const start = performance.now();
      await run();
      times[name]!.push(performance.now() - start);
    }
  }
  return times;
}

/** Runs the training-log section of `npm run bench`. */
export async function run(): Promise<void> {
  section('training log: /log and /workout for a member with 10,000 entries beside one with none (SQLite, command layer)');
  const dir = mkdtempSync(join(tmpdir(), 'pump-coach-log-bench-'));
  const app = await startApp({ KEYV_URL: `sqlite://${join(dir, 'coach.sqlite')}`, LOG_LEVEL: 'silent' }, { stdin: Readable.from([]), stdout: () => undefined });
  try {
    // Seed as members would: sessions of five exercises, three a week for years, through the use case itself.
    const clock = new ManualClock(new Date(Date.now() - (ENTRIES / PER_SESSION) * 2.3 * 86_400_000));
    const seeder = createTrainingLogService({ store: app.stores.trainingLog, profiles: app.stores.profiles, exercises: app.services.knowledge.exercises, clock });
    const exercises = loggableExercises(app.services.knowledge.exercises);
    const seedStart = performance.now();
    for (let session = 0; session < ENTRIES / PER_SESSION; session++) {
      const lines = Array.from({ length: PER_SESSION }, (_, i) => {
        const exercise = exercises[(session * PER_SESSION + i) % exercises.length]!;
        return { exerciseId: exercise.id, text: `${3 + (session % 3)}x${6 + (session % 9)} @ ${20 + (session % 40) * 2.5} ${session % 4 ? 'kg' : 'lb'}` };
      });
      const outcome = await seeder.logSession(HEAVY, `seed-${session}`, lines);
      if (outcome.kind !== 'logged') throw new Error(`seeding failed: ${JSON.stringify(outcome)}`);
      clock.advanceMinutes(2.3 * 24 * 60);
    }
    const seeded = performance.now() - seedStart;
    const head = (await app.stores.trainingLog.read(HEAVY, [])).head;
    if (head?.count !== ENTRIES) throw new Error(`expected ${ENTRIES} entries, found ${head?.count}`);
    console.log(`seeded ${ENTRIES} entries in ${(seeded / 1000).toFixed(1)} s; the member's head is ${(JSON.stringify(head).length / 1024).toFixed(1)} KB (${Object.keys(head.exercises).length} exercises, ${head.weeks.length} weeks)`);

    for (let first = 0; first < exercises.length; first += PER_SESSION) {
      const lines = exercises.slice(first, first + PER_SESSION).map((exercise) => ({ exerciseId: exercise.id, text: '3x8 @ 40 kg' }));
      const outcome = await seeder.logSession(LIGHT, `light-${first}`, lines);
      if (outcome.kind !== 'logged') throw new Error(`seeding failed: ${JSON.stringify(outcome)}`);
    }

    const dispatch = createDispatcher(commands, app.services);
    const call = async (memberId: string, name: string, options: { strings: Record<string, string>; numbers?: Record<string, number> }, check: (reply: Reply) => boolean) => {
      const sent: Sent[] = [];
      await dispatch.command(commandContext({ name, memberId, id: String(++counter), ...options }, sent));
      const reply = sent.find((s) => s.reply)?.reply;
      if (!reply || !check(reply)) throw new Error(`/${name} did not answer as expected: ${JSON.stringify(reply).slice(0, 300)}`);
    };
    const logged = (reply: Reply) => Boolean(reply.card?.title.startsWith('Logged'));
    const workoutOptions = { strings: { group: 'legs', goal: 'hypertrophy', level: 'intermediate' } };
    const squat = { strings: { exercise: 'back squat', unit: 'kg' }, numbers: { sets: 3, reps: 8, weight: 100 } };
    const withHistory = (reply: Reply) => Boolean(reply.card?.fields.some((f) => f.value.includes('Last time')));
    const plain = (reply: Reply) => Boolean(reply.card) && !withHistory(reply);
    let fresh = 0;
    const cases = {
      // A new member each time: every /log of this case is by a member with no entries.
      'log-none': () => call(`160000000000${String(++fresh).padStart(7, '0')}`, 'log', squat, logged),
      'log-10k': () => call(HEAVY, 'log', squat, logged),
      'workout-none': () => call('1700000000000000001', 'workout', workoutOptions, plain),
      'workout-10k': () => call(HEAVY, 'workout', workoutOptions, withHistory),
      'workout-short': () => call(LIGHT, 'workout', workoutOptions, withHistory),
    };
    await measure(cases, 200);
    const times = await measure(cases, ROUNDS);
    const p99 = (name: keyof typeof cases) => percentile(times[name]!, 99);
    figure('/log p99, member with no entries', p99('log-none'), 'ms');
    figure('/log p99, member with 10,000 entries', p99('log-10k'), 'ms');
    figure('/log p99 difference (10,000 − none)', p99('log-10k') - p99('log-none'), 'ms', { max: 1 });
    figure('/workout p99, member with no entries', p99('workout-none'), 'ms');
    figure('/workout p99, member with 10,000 entries (with Last time lines)', p99('workout-10k'), 'ms');
    figure('/workout p99 difference (10,000 − none)', p99('workout-10k') - p99('workout-none'), 'ms', { max: 1 });
    // The same Last time lines from a log of one entry per exercise: what the log's length itself costs.
    figure(`/workout p99, member with ${exercises.length} entries (one per exercise, with Last time lines)`, p99('workout-short'), 'ms');
    figure(`/workout p99 difference (10,000 − ${exercises.length})`, p99('workout-10k') - p99('workout-short'), 'ms', { max: 1 });
    figure('/log p50, member with 10,000 entries', percentile(times['log-10k']!, 50), 'ms');
    figure('/workout p50, member with 10,000 entries', percentile(times['workout-10k']!, 50), 'ms');

    // The commands that read the whole log must still answer well inside Discord's 3 seconds.
    const whole = await measure(
      {
        prs: () => call(HEAVY, 'prs', { strings: {} }, (reply) => Boolean(reply.card)),
        'history-rare': () => call(HEAVY, 'history', { strings: { exercise: exercises.at(-1)!.id } }, (reply) => Boolean(reply.card)),
      },
      5,
    );
    figure('/prs over 10,000 entries (median of 5)', percentile(whole.prs!, 50), 'ms', { max: 1000 });
    figure('/history page 1, filtered to one exercise (median of 5)', percentile(whole['history-rare']!, 50), 'ms', { max: 1000 });
    const exportTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const { rows } = await app.services.trainingLog.exportCsv(HEAVY, {});
      exportTimes.push(performance.now() - start);
      if (rows < ENTRIES) throw new Error(`the export has ${rows} rows`);
    }
    figure('/history export of 10,000+ entries as CSV (median of 5)', percentile(exportTimes, 50), 'ms', { max: 1000 });
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
