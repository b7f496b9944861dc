/**
 * A shard process for shards.test.ts: exactly what main.ts runs in a ShardingManager child (startApp on the
 * environment discord.js gives it), but with a clock the test sets. The clock starts from the file named by
 * TEST_CLOCK_FILE (so a restarted shard starts at the test's time) and moves on `{ clock }` messages; `{ tick }`
 * runs one daily tick and answers with its report.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { startApp } from '../../src/main.ts';
import type { TickReport } from '../../src/app/daily-scheduler.ts';
import { ManualClock } from '../fakes/daily-fakes.ts';

/** A message from the test to its shards. */
export type ShardCommand = { clock: string } | { tick: number };
/** A shard's answer to `{ tick }`. */
export interface ShardTickAnswer {
  tick: number;
  shard: number;
  pid: number;
  report: TickReport;
}

const clock = new ManualClock(readFileSync(process.env.TEST_CLOCK_FILE ?? '', 'utf8').trim());
const app = await startApp(process.env, { stdin: Readable.from([]), stdout: () => undefined, clock });
const shard = Number(process.env.SHARDS);

process.on('message', (message: ShardCommand) => {
  if ('clock' in message) clock.set(message.clock);
  if ('tick' in message) {
    void (async () => {
      // The job's own minute tick may be running: try again until this one runs.
      for (;;) {
        const report = await app.daily!.scheduler.tick();
        if (!report.skipped) return process.send?.({ tick: message.tick, shard, pid: process.pid, report } satisfies ShardTickAnswer);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
  }
});
const stop = () => void app.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);
