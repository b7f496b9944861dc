/**
 * A burst: 500 mixed interactions (/workout, /ask, /profile set, /help, clicks) dispatched within 100 ms to the bot
 * started exactly as `npm start` starts it, by the fake Discord in its own process. Reports how long each waited
 * for its acknowledgement (Discord drops a token not acknowledged within 3 s) and for its final answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, percentile, section } from './bench-kit.ts';
import { spawnBot, START, startIpcHost } from './bench-processes.ts';
import { BURST_KINDS, type BurstRequest, type BurstSample } from './burst-host.ts';

/** Interactions in the burst, and the time they all arrive within. */
const TOTAL = 500;
const SPREAD_MS = 100;
/** Discord's deadline for the first response. */
const DEADLINE_MS = 3000;

/** Runs the burst section of `npm run bench`. */
export async function run(): Promise<void> {
  section(`burst (${TOTAL} mixed interactions within ${SPREAD_MS} ms; bot as \`${START}\`, fake Discord in its own process)`);
  const host = await startIpcHost<{ apiUrl: string; token: string }>(fileURLToPath(new URL('./burst-host.ts', import.meta.url)));
  const dir = mkdtempSync(join(tmpdir(), 'pump-coach-burst-'));
  const bot = await spawnBot({ DISCORD_TOKEN: host.ready.token, DISCORD_API_URL: host.ready.apiUrl, KEYV_URL: `sqlite://${join(dir, 'coach.sqlite')}` });
  try {
    const request: BurstRequest = { total: TOTAL, spreadMs: SPREAD_MS, warmup: 20 };
    const samples = await host.ask<BurstSample[]>({ cmd: 'burst', request });
    const acks = samples.map((s) => s.ackMs ?? Number.POSITIVE_INFINITY);
    const answers = samples.map((s) => s.answerMs ?? Number.POSITIVE_INFINITY);
    figure('acknowledgement p50', percentile(acks, 50), 'ms');
    figure('acknowledgement p99', percentile(acks, 99), 'ms', { max: 1000 });
    figure('acknowledgement max', Math.max(...acks), 'ms');
    figure(`acknowledged after ${DEADLINE_MS / 1000} s or never (Discord would show them as failed)`, acks.filter((ms) => ms > DEADLINE_MS).length, 'of 500', { max: 1 });
    figure('refused by the fake (token expired or acknowledged twice)', samples.filter((s) => s.ackStatus !== null && s.ackStatus >= 400).length, 'of 500', { max: 1 });
    figure('final answer p99 (deferred replies: to the edit)', percentile(answers, 99), 'ms');
    for (const kind of BURST_KINDS) {
      const mine = samples.filter((s) => s.kind === kind);
      const deferred = mine.filter((s) => s.answerMs !== s.ackMs).length;
      console.log(`  ${kind.padEnd(8)} ack p99 ${percentile(mine.map((s) => s.ackMs ?? Infinity), 99).toFixed(0).padStart(5)} ms · answer p99 ${percentile(mine.map((s) => s.answerMs ?? Infinity), 99).toFixed(0).padStart(5)} ms · ${deferred}/${mine.length} deferred`);
    }
    const limited = bot.log().split('\n').filter((line) => line.includes('REST rate limited'));
    console.log(`bot log: ${limited.length} "REST rate limited" lines (${limited.filter((line) => line.includes('"global":true')).length} global)`);
  } finally {
    await bot.stop();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
