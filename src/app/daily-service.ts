/**
 * Daily posts as use cases: validate and save a server's settings, show and preview them, and the
 * minute tick that posts each due slot exactly once (claim, post, mark posted).
 */
import { DAILY_TIME_PATTERN, DEFAULT_DAILY_SPLIT, REST_DAY_POSTS, type DailySettings, type RestDayPost } from '../core/daily-settings.ts';
import { parseSplit, seedForDate } from '../core/daily-rotation.ts';
import { describeFocuses } from '../core/group-aliases.ts';
import { EQUIPMENT_LEVELS, GOALS, GROUPS, LEVELS, type EquipmentLevel, type Goal, type Level } from '../core/plan-types.ts';
import type { Card } from './card.ts';
import { dailyMessages } from './daily-messages.ts';
import { canonicalTimeZone, localDateIn, nextSlot, slotState } from './daily-schedule.ts';
import type { ClaimStore, Clock, DailyClaimRecord, DailySettingsStore, Poster } from './ports.ts';

/** What an admin typed into `/daily set` (all text, as it arrives). */
export interface DailyInput {
  channelId: string;
  time: string;
  timezone: string;
  /** Comma-separated days: groups, focuses, rest. @default legs,back,glutes */
  split?: string | undefined;
  /** What a rest day posts: quiet or tip. @default quiet */
  restDays?: string | undefined;
  goal?: string | undefined;
  level?: string | undefined;
  equipment?: string | undefined;
  thread?: boolean | undefined;
}

/** The validated parts of a `/daily set`. */
export type DailyChoice = Omit<DailySettings, 'guildId' | 'activeFrom' | 'paused' | 'startDate'>;

/** A post ready to send: the card and the title of its optional thread. */
export interface ComposedDailyPost {
  card: Card;
  threadTitle: string;
}

/** Builds a server's post for a local date (dailyPostFor in production); null on a rest day that posts nothing. */
export type ComposeDailyPost = (settings: DailySettings, localDate: string) => ComposedDailyPost | null;

/** The slice of a pino logger the service writes to. */
export interface DailyLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** What one tick did, for logs, tests and the benchmark. */
export interface TickReport {
  /** `<guild>:<date>` keys posted by this process. */
  posted: string[];
  /** Keys another process (or an earlier tick) already held. */
  alreadyClaimed: string[];
  /** Keys recorded as missed (older than the catch-up window). */
  missed: string[];
  /** Guilds paused in this tick, with the reason. */
  paused: { guildId: string; reason: string }[];
  /** Keys whose post failed in a way a later tick may retry. */
  retrying: string[];
  /** Keys on a rest day that posts nothing. */
  resting: string[];
  /** True when a tick was still running (or the service was stopping) and this one did nothing. */
  skipped: boolean;
}

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
  poster: Poster;
  clock: Clock;
  compose: ComposeDailyPost;
  /** How late a slot may still be posted. @default 180 */
  catchupMinutes?: number;
  /** This process's name in claims (host:pid in production). */
  owner: string;
  log?: DailyLog;
  /** Posts sent at once within one tick. @default 8 */
  concurrency?: number;
  /** Transient failures of one slot before it is given up. @default 3 */
  maxAttempts?: number;
}

/**
 * A claim still unmarked after this long is taken over by another tick or process. Far longer than a post takes
 * (seconds, a minute with REST retries), and within Discord's few minutes of nonce checks, so if the dead owner
 * did send the message, the repeat with the same nonce is dropped by Discord. @default 2 minutes
 */
export const STALE_CLAIM_MS = 2 * 60_000;

/** The claim key of a server's local date. */
export function claimKey(guildId: string, localDate: string): string {
  return `${guildId}:${localDate}`;
}

/** A Discord message nonce (≤ 25 chars) stable per slot, so Discord drops a duplicate send of the same slot. */
export function slotNonce(key: string): string {
  return `d${seedForDate(key, 'a').toString(36)}${seedForDate(key, 'b').toString(36)}`.slice(0, 25);
}

function pick<T extends string>(option: string, typed: string | undefined, allowed: readonly T[]): { ok: true; value: T | undefined } | { ok: false; message: string } {
  if (typed === undefined || typed.trim() === '') return { ok: true, value: undefined };
  const value = allowed.find((name) => name === typed.trim().toLowerCase());
  return value ? { ok: true, value } : { ok: false, message: dailyMessages.badChoice(option, typed, allowed) };
}

/** The words a split may use, for its error message: `legs, glutes, back; focuses legs: hamstrings, …; rest`. */
export function splitWords(): string {
  return `${GROUPS.join(', ')}; focuses ${describeFocuses()}; rest`;
}

/** Normalises `7:05` to `07:05`; undefined when the text is not a 24-hour time. */
export function normaliseTime(typed: string): string | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(typed);
  if (!match) return undefined;
  const time = `${match[1]?.padStart(2, '0')}:${match[2]}`;
  return DAILY_TIME_PATTERN.test(time) ? time : undefined;
}

/** Checks `/daily set` input; an invalid value gives the message to show and nothing else happens. */
export function validateDailyInput(input: DailyInput): { ok: true; choice: DailyChoice } | { ok: false; message: string } {
  const time = normaliseTime(input.time);
  if (!time) return { ok: false, message: dailyMessages.badTime(input.time) };
  const timezone = canonicalTimeZone(input.timezone);
  if (!timezone) return { ok: false, message: dailyMessages.badTimezone(input.timezone) };
  let split = [...DEFAULT_DAILY_SPLIT];
  if (input.split !== undefined && input.split.trim() !== '') {
    const parsed = parseSplit(input.split);
    if (!parsed.ok) return { ok: false, message: dailyMessages.badSplit(parsed.unknown, splitWords()) };
    if (parsed.split.length > 14) return { ok: false, message: dailyMessages.badSplit(input.split, splitWords()) };
    split = parsed.split;
  }
  const restDays = pick<RestDayPost>('rest-day setting', input.restDays, REST_DAY_POSTS);
  if (!restDays.ok) return restDays;
  const goal = pick<Goal>('goal', input.goal, GOALS);
  if (!goal.ok) return goal;
  const level = pick<Level>('level', input.level, LEVELS);
  if (!level.ok) return level;
  const equipment = pick<EquipmentLevel>('equipment', input.equipment, EQUIPMENT_LEVELS);
  if (!equipment.ok) return equipment;
  const choice: DailyChoice = { channelId: input.channelId, time, timezone, split, thread: input.thread ?? false };
  if (goal.value) choice.goal = goal.value;
  if (level.value) choice.level = level.value;
  if (equipment.value) choice.equipment = equipment.value;
  if (restDays.value) choice.restDays = restDays.value;
  return { ok: true, choice };
}

interface Memo {
  /** The settings object last seen: the same object means the same fingerprint, without rebuilding it. */
  settings: DailySettings;
  /** The settings fields the cached answer depends on. */
  fingerprint: string;
  /** Nothing to do for this guild before this instant (ms). */
  until: number;
}

function fingerprint(settings: DailySettings): string {
  return `${settings.time}|${settings.timezone}|${settings.activeFrom}|${settings.paused ? 'p' : ''}|${settings.channelId}`;
}

/** The daily-post use cases over injected stores, poster and clock. */
export function createDailyService(deps: DailyServiceDeps) {
  const catchupMinutes = deps.catchupMinutes ?? 180;
  const concurrency = deps.concurrency ?? 8;
  const maxAttempts = deps.maxAttempts ?? 3;
  const memo = new Map<string, Memo>();
  const attempts = new Map<string, number>();
  let cachedVersion: string | undefined;
  let cachedSettings: DailySettings[] = [];
  /** The tick in progress, so stop() can wait for its posts to be marked. */
  let running: Promise<TickReport> | undefined;
  let stopping = false;

  async function currentSettings(): Promise<DailySettings[]> {
    // Read the version before the data: a change landing in between is picked up on the next tick.
    const version = await deps.settings.version();
    if (version !== cachedVersion) {
      cachedSettings = await deps.settings.all();
      cachedVersion = version;
    }
    return cachedSettings;
  }

  async function pause(settings: DailySettings, reason: string, report: TickReport): Promise<void> {
    const now = deps.clock.now();
    // Re-read: if an admin has meanwhile pointed the schedule elsewhere (here or in another process), keep their change.
    const current = await deps.settings.get(settings.guildId);
    if (!current || current.channelId !== settings.channelId || current.activeFrom !== settings.activeFrom) return;
    await deps.settings.set({ ...current, paused: { reason, at: now.toISOString() } });
    report.paused.push({ guildId: settings.guildId, reason });
    deps.log?.warn({ guildId: settings.guildId, channelId: settings.channelId, reason }, 'daily post paused');
  }

  /** Claims, posts and marks one slot; returns when to look at it again, if that is sooner than the next slot. */
  async function postSlot(settings: DailySettings, localDate: string, report: TickReport): Promise<number | undefined> {
    const key = claimKey(settings.guildId, localDate);
    const now = deps.clock.now();
    const claimed =
      (await deps.claims.claim(key, deps.owner, now)) ||
      // A claim never marked long after it was taken belongs to a process that died mid-post: take the slot over.
      (await deps.claims.reclaimStale(key, deps.owner, new Date(now.getTime() - STALE_CLAIM_MS), now));
    if (!claimed) {
      report.alreadyClaimed.push(key);
      // Held but not yet marked: look again once that claim would count as stale, in case its owner has died.
      const held = await deps.claims.get(key);
      return held?.status === 'claimed' ? Date.parse(held.claimedAt) + STALE_CLAIM_MS : undefined;
    }
    let outcome;
    try {
      const post = deps.compose(settings, localDate);
      if (post === null) {
        // A rest day that posts nothing: let the slot go, and look again at the next one.
        await deps.claims.release(key, deps.owner);
        report.resting.push(key);
        return undefined;
      }
      const options: { nonce: string; threadName?: string } = { nonce: slotNonce(key) };
      if (settings.thread) options.threadName = post.threadTitle;
      outcome = await deps.poster.post(settings.channelId, post.card, options);
    } catch (error) {
      outcome = { ok: false as const, kind: 'transient' as const, reason: (error as Error).message };
    }
    if (outcome.ok) {
      await deps.claims.markPosted(key, outcome.messageId, deps.clock.now());
      attempts.delete(key);
      report.posted.push(key);
      deps.log?.info({ key, messageId: outcome.messageId }, 'daily post sent');
      return undefined;
    }
    if (outcome.kind === 'transient') {
      const tries = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, tries);
      if (tries >= maxAttempts) {
        // Give the slot up rather than retry every minute for the whole window.
        await deps.claims.markFailed(key, outcome.reason, deps.clock.now());
        attempts.delete(key);
        deps.log?.warn({ key, reason: outcome.reason, tries }, 'daily post given up');
        return undefined;
      }
      await deps.claims.release(key, deps.owner);
      report.retrying.push(key);
      deps.log?.warn({ key, reason: outcome.reason, tries }, 'daily post failed; will retry next minute');
      return deps.clock.now().getTime() + 60_000;
    }
    const reason = outcome.kind === 'gone' ? dailyMessages.pausedGone : dailyMessages.pausedForbidden(outcome.reason);
    await deps.claims.markFailed(key, reason, deps.clock.now());
    await pause(settings, reason, report);
    return undefined;
  }

  /** Cheap, synchronous: whether a server may have something to do now (most ticks answer no for every server). */
  function needsVisit(settings: DailySettings, nowMs: number): boolean {
    if (settings.paused) return false;
    const cached = memo.get(settings.guildId);
    if (!cached || nowMs >= cached.until) return true;
    if (cached.settings === settings) return false;
    if (cached.fingerprint !== fingerprint(settings)) return true;
    cached.settings = settings;
    return false;
  }

  async function visit(settings: DailySettings, now: Date, report: TickReport): Promise<void> {
    const print = fingerprint(settings);
    const state = slotState(settings, now, catchupMinutes);
    let until = state.next.getTime();
    if (state.kind === 'due') {
      const retryAt = await postSlot(settings, state.localDate, report);
      if (retryAt !== undefined) until = Math.min(until, retryAt);
    } else if (state.kind === 'missed') {
      const key = claimKey(settings.guildId, state.localDate);
      const note = `missed: the slot at ${state.slot.toISOString()} was more than ${catchupMinutes} minutes ago when the bot checked`;
      if (await deps.claims.recordMissed(key, note, now)) {
        report.missed.push(key);
        deps.log?.info({ key }, 'daily slot missed');
      }
    }
    memo.set(settings.guildId, { settings, fingerprint: print, until });
  }

  async function runTick(report: TickReport): Promise<TickReport> {
    const now = deps.clock.now();
    const nowMs = now.getTime();
    const all = (await currentSettings()).filter((settings) => needsVisit(settings, nowMs));
    let next = 0;
    // A few guilds at a time: posts overlap, but a slow channel cannot hold up the rest for long.
    let visited = 0;
    const worker = async () => {
      while (!stopping && next < all.length) {
        const settings = all[next++] as DailySettings;
        // Computing many slots (the start-up tick) is CPU work: let interactions in between batches.
        if (++visited % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
        try {
          await visit(settings, now, report);
        } catch (error) {
          deps.log?.warn({ guildId: settings.guildId, err: (error as Error).message }, 'daily tick failed for one server');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, all.length) }, worker));
    return report;
  }

  return {
    /** Validates input, checks the bot can post in the channel, then saves (resuming a paused schedule). */
    async configure(guildId: string, input: DailyInput): Promise<{ ok: true; settings: DailySettings; next: Date } | { ok: false; message: string }> {
      const valid = validateDailyInput(input);
      if (!valid.ok) return valid;
      const check = await deps.poster.checkChannel(valid.choice.channelId, { thread: valid.choice.thread });
      if (!check.ok) {
        return { ok: false, message: check.kind === 'gone' ? dailyMessages.channelGone : dailyMessages.missingPermission(check.missing ?? [check.reason]) };
      }
      const now = deps.clock.now();
      const settings: DailySettings = { ...valid.choice, guildId, activeFrom: now.toISOString() };
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
    async preview(guildId: string): Promise<{ ok: true; post: ComposedDailyPost | null; localDate: string; at: Date } | { ok: false; message: string }> {
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
      memo.delete(guildId);
      return { message: dailyMessages.turnedOff };
    },

    /** One pass over every configured server: post what is due, record what was missed. Never throws for one server. */
    async tick(): Promise<TickReport> {
      const report: TickReport = { posted: [], alreadyClaimed: [], missed: [], paused: [], retrying: [], resting: [], skipped: false };
      if (running || stopping) return { ...report, skipped: true };
      running = runTick(report);
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },

    /**
     * Ends the ticks: no new server is visited, and the posts already under way finish and are marked, so a
     * shutdown never closes the store under a claimed slot (which would then never be posted). Servers left
     * unvisited are caught up after the restart, within the catch-up window.
     */
    async stop(): Promise<void> {
      stopping = true;
      await running?.catch(() => undefined);
    },
  };
}

/** The daily service's interface. */
export type DailyService = ReturnType<typeof createDailyService>;
