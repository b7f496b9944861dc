/** The daily-post job: a croner tick every minute (and one at start-up) over the scheduler. */
import { Cron } from 'croner';
import type { DailyScheduler } from './daily-scheduler.ts';
import type { Log } from './ports.ts';

/** A running daily job. */
export interface DailyJob {
  /** Resolves when the start-up tick has finished. */
  started: Promise<void>;
  /** Stops the minute ticks and waits for the posts already under way to finish and be marked. */
  stop(): Promise<void>;
}

/** Ticks the scheduler at second 5 of every minute (after the minute's slots) and once now, for catch-up after a restart. */
export function startDailyJob(scheduler: DailyScheduler, log: Log): DailyJob {
  const tick = async () => {
    try {
      const report = await scheduler.tick();
      if (report.posted.length || report.missed.length || report.paused.length || report.retrying.length) {
        log.info({ posted: report.posted.length, missed: report.missed.length, paused: report.paused.length, retrying: report.retrying.length }, 'daily tick');
      }
    } catch (error) {
      log.error({ err: error }, 'daily tick failed');
    }
  };
  // protect: a slow tick (many posts) is never overlapped by the next minute's.
  const cron = new Cron('5 * * * * *', { protect: true, unref: true }, tick);
  return {
    started: tick(),
    async stop() {
      cron.stop();
      await scheduler.stop();
    },
  };
}
