/** The /daily use cases: save a server's settings (after checking the channel), show them, preview the next post, turn off. */
import type { DailySettings } from '../core/daily-settings.ts';
import { dailyMessages } from './daily-messages.ts';
import type { ComposeDailyPost, DailyPost } from './daily-post.ts';
import { localDateIn, nextSlot } from './daily-schedule.ts';
import { claimKey } from './daily-scheduler.ts';
import { validateDailyInput, type DailyInput } from './daily-input.ts';
import type { ClaimStore, Clock, DailyClaimRecord, DailySettingsStore, Poster } from './ports.ts';

/** How a server's daily posts stand, for `/daily show`. */
export interface DailyStatus {
  settings: DailySettings;
  /** The next post instant, absent while paused. */
  next?: Date;
  /** What the store knows about the most recent slot. */
  last?: DailyClaimRecord;
}

/** Collaborators of the daily service. */
export interface DailyServiceDeps {
  settings: DailySettingsStore;
  claims: ClaimStore;
  poster: Pick<Poster, 'checkChannel'>;
  clock: Clock;
  compose: ComposeDailyPost;
}

/** The daily use cases over injected stores, poster and clock. */
export function createDailyService(deps: DailyServiceDeps) {
  return {
    /**
     * Validates input, checks the bot can post in the channel, then saves (resuming a paused schedule); `setBy`
     * is the member told should the schedule pause.
     */
    async configure(guildId: string, input: DailyInput, setBy?: string): Promise<{ ok: true; settings: DailySettings; next: Date } | { ok: false; message: string }> {
      const valid = validateDailyInput(input);
      if (!valid.ok) return valid;
      const check = await deps.poster.checkChannel(valid.choice.channelId, { thread: valid.choice.thread });
      if (!check.ok) {
        return { ok: false, message: check.kind === 'gone' ? dailyMessages.channelGone : dailyMessages.missingPermission(check.missing ?? [check.reason]) };
      }
      const now = deps.clock.now();
      const settings: DailySettings = { ...valid.choice, guildId, activeFrom: now.toISOString(), ...(setBy ? { setBy } : {}) };
      const next = nextSlot(settings, now);
      // The split starts on the first post after this /daily set.
      settings.startDate = localDateIn(next, settings.timezone);
      await deps.settings.set(settings);
      return { ok: true, settings, next };
    },

    /** The saved settings, next post time and latest slot record, or undefined when not set up. */
    async status(guildId: string): Promise<DailyStatus | undefined> {
      const settings = await deps.settings.get(guildId);
      if (!settings) return undefined;
      const now = deps.clock.now();
      const status: DailyStatus = { settings };
      if (!settings.paused) status.next = nextSlot(settings, now);
      const last = await deps.claims.get(claimKey(guildId, localDateIn(now, settings.timezone)));
      if (last) status.last = last;
      return status;
    },

    /** The post the next slot would get, without sending it (null: a rest day that posts nothing). */
    async preview(guildId: string): Promise<{ ok: true; post: DailyPost | null; localDate: string; at: Date } | { ok: false; message: string }> {
      const settings = await deps.settings.get(guildId);
      if (!settings) return { ok: false, message: dailyMessages.notConfigured };
      const at = nextSlot(settings, deps.clock.now());
      const localDate = localDateIn(at, settings.timezone);
      return { ok: true, post: deps.compose(settings, localDate), localDate, at };
    },

    /** Stops a server's daily posts. */
    async turnOff(guildId: string): Promise<{ message: string }> {
      const settings = await deps.settings.get(guildId);
      if (!settings) return { message: dailyMessages.alreadyOff };
      await deps.settings.delete(guildId);
      return { message: dailyMessages.turnedOff };
    },
  };
}

/** The daily service's interface. */
export type DailyService = ReturnType<typeof createDailyService>;
