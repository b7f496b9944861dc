/** The interfaces the edges implement (interfaces only). app/ and commands/ depend on these, never on SDKs or stores. */

/** The time source; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

/** The slice of a structured logger (pino in production) that app/ and commands/ write to. */
export interface Log {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

// Storage
import type { EquipmentLevel, Goal, Level, PlanRequest } from '../core/plan-types.ts';

/** How a member likes to train; /workout fills options they leave out from here. */
export interface Profile {
  level?: Level;
  equipment?: EquipmentLevel;
  goal?: Goal;
  units?: 'kg' | 'lb';
  /** IANA time zone, for the training log's weeks and dates. @default UTC */
  timezone?: string;
  /** ISO timestamp of the last change. */
  updatedAt: string;
}

/** Saved member profiles, keyed by Discord user id. */
export interface ProfileStore {
  get(memberId: string): Promise<Profile | undefined>;
  set(memberId: string, profile: Profile): Promise<void>;
  /** True when something was deleted. */
  delete(memberId: string): Promise<boolean>;
}

/** A member's 👍/👎 on one answer. */
export interface Vote {
  answerId: string;
  memberId: string;
  value: 'up' | 'down';
  /** Which answerer wrote the answer voted on. */
  mode: 'offline' | 'claude';
  /** ISO timestamp. */
  at: string;
}

/** Votes on answers: one per member per answer (a new vote replaces the old one). */
export interface VoteStore {
  record(vote: Vote): Promise<void>;
  /** Anonymous counts for one answer. */
  tally(answerId: string): Promise<{ up: number; down: number }>;
  /** The member's own votes (for /profile forget and reviews). */
  byMember(memberId: string): Promise<Vote[]>;
  /** Deletes every vote the member cast; the anonymous tallies keep their counts. */
  deleteMember(memberId: string): Promise<void>;
  /** Remembers an answer that was shown with vote buttons, and who wrote it, for as long as its buttons are honoured. */
  rememberAnswer(answerId: string, mode: Vote['mode']): Promise<void>;
  /** Who wrote a remembered answer; undefined for an answer never shown (a forged button) or long expired. */
  answerMode(answerId: string): Promise<Vote['mode'] | undefined>;
}

/** A rate limit's window: at most `limit` requests in any `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** What one atomic step on a HitStore did. */
export interface HitResult {
  /** True when this request was recorded (it fits the budget). */
  recorded: boolean;
  /** The hits (ms) inside the window after the step, oldest first; this request's among them when recorded. */
  hits: number[];
}

/** Members' recent request times on the shared store, so every process draws on one budget per member. */
export interface HitStore {
  /**
   * One atomic operation across processes: forgets `key`'s hits at or before `nowMs - windowMs`, moves hits later
   * than `nowMs` (from before the clock was stepped back) to `nowMs`, then records `nowMs` when fewer than `limit`
   * remain (rate-limit.ts recordHit is the same step as a pure function).
   */
  hit(key: string, nowMs: number, window: RateWindow): Promise<HitResult>;
  delete(key: string): Promise<void>;
}

/** The outcome of asking the rate limiter for one more request. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/** A per-member rate limit. */
export interface RateLimiter {
  take(memberId: string): Promise<RateDecision>;
  forget(memberId: string): Promise<void>;
}

/** Short exclusive locks on the shared store, so a read-modify-write of one record runs in one process at a time. */
export interface LockStore {
  /** Takes `key` for at most `ttlMs` (it frees itself should the holder die); a token to release it with, or undefined while another holds it. */
  acquire(key: string, ttlMs: number): Promise<string | undefined>;
  /** Frees `key` if `token` still holds it (never a lock that expired and was taken by another). */
  release(key: string, token: string): Promise<void>;
}

/** The state of one /workout reply, so its buttons keep working across restarts. */
export interface WorkoutSession {
  /** The interaction id of the /workout that created it. */
  id: string;
  ownerId: string;
  request: PlanRequest;
  date: string;
  seed: number;
  /** Swaps applied in order: [exercise id replaced, substitute id]. */
  swaps: [string, string][];
}

/** Workout sessions, kept under their owner so /profile forget can delete them all at once. */
export interface WorkoutSessionStore {
  get(ownerId: string, id: string): Promise<WorkoutSession | undefined>;
  save(session: WorkoutSession): Promise<void>;
  deleteOwner(memberId: string): Promise<void>;
}

// Training log
import type { ExerciseSummary, LogEntry, TrainingLogHead } from '../core/training-log.ts';

/**
 * A member's training log (keyv in production, one namespace): the entries in the order logged, a summary per
 * exercise, and the small head that counts them. The head is written after the rest, so it is the commit point.
 */
export interface TrainingLogStore {
  /** The head (undefined for a member with no log) and the summaries of the given exercises that exist, in one read. */
  read(memberId: string, exerciseIds: readonly string[]): Promise<{ head: TrainingLogHead | undefined; summaries: Record<string, ExerciseSummary> }>;
  /** Stores a write: the entries (at their `seq`) and the summaries they changed, then the head that counts them. */
  append(memberId: string, entries: readonly LogEntry[], summaries: readonly ExerciseSummary[], head: TrainingLogHead): Promise<void>;
  /** Replaces summaries and then the head, without entries (a repaired summary, weeks for a new time zone). */
  save(memberId: string, changes: { head?: TrainingLogHead; summaries?: readonly ExerciseSummary[] }): Promise<void>;
  /** Entries with `from <= seq < to`, oldest first. */
  range(memberId: string, from: number, to: number): Promise<LogEntry[]>;
  /** Deletes the member's whole log: entries, summaries and head. */
  deleteMember(memberId: string): Promise<void>;
}

// Daily posts
import type { DailySettings } from '../core/daily-settings.ts';
import type { DailyPost } from './daily-post.ts';

/** Where each server's daily-post settings live (keyv in production). */
export interface DailySettingsStore {
  get(guildId: string): Promise<DailySettings | undefined>;
  set(settings: DailySettings): Promise<void>;
  delete(guildId: string): Promise<void>;
  /** Every configured server. */
  all(): Promise<DailySettings[]>;
  /**
   * The servers whose settings were set or deleted after `cursor` (from an earlier call), so a scheduler re-reads
   * only those; `'all'` when it cannot tell (no cursor yet, or a store without a change log): list them all.
   */
  changes(cursor: string | undefined): Promise<DailySettingsChanges>;
}

/** What changed in the daily settings since a cursor. */
export interface DailySettingsChanges {
  /** Pass this to the next call. */
  cursor: string;
  changed: string[] | 'all';
}

/** What the claim store knows about one `<guild>:<local date>` slot. */
export interface DailyClaimRecord {
  key: string;
  status: 'claimed' | 'posted' | 'missed' | 'failed';
  owner: string;
  /** ISO instants. */
  claimedAt: string;
  postedAt?: string;
  messageId?: string;
  note?: string;
}

/** Exactly-once bookkeeping for daily posts; `claim` must be atomic across processes sharing the store. */
export interface ClaimStore {
  /** True when this caller now holds the key; false when anyone (this process included) already did. */
  claim(key: string, owner: string, at: Date): Promise<boolean>;
  /**
   * Records the posted message for a key `owner` still holds unmarked; false (and nothing written) when the claim
   * was taken over meanwhile, so a late process never overwrites the taker's record.
   */
  markPosted(key: string, owner: string, messageId: string, at: Date): Promise<boolean>;
  /** Records a held key whose post failed for good (the slot is not retried); false, like markPosted, when not held. */
  markFailed(key: string, owner: string, note: string, at: Date): Promise<boolean>;
  /** Moves a held, unmarked claim's `claimedAt` to `at` while its post is in flight, so it never looks stale; false when not held. */
  renew(key: string, owner: string, at: Date): Promise<boolean>;
  /** Gives a claimed-but-unposted key back after a transient failure, so a later tick may retry it. */
  release(key: string, owner: string): Promise<void>;
  /**
   * Takes over a key still `claimed` (never marked) since before `staleBefore`: its owner died mid-post.
   * Atomic like `claim`; true when this caller now holds the key.
   */
  reclaimStale(key: string, owner: string, staleBefore: Date, at: Date): Promise<boolean>;
  /** Records a slot that was never posted because it was older than the catch-up window; false if already known. */
  recordMissed(key: string, note: string, at: Date): Promise<boolean>;
  get(key: string): Promise<DailyClaimRecord | undefined>;
  close(): Promise<void>;
}

/** Why a channel cannot take the daily post. */
export type ChannelCheck = { ok: true } | { ok: false; kind: 'gone' | 'forbidden'; reason: string; missing?: string[] };

/** The outcome of one daily post; expected failures are values. */
export type PostOutcome =
  | { ok: true; messageId: string }
  /** The channel is gone or the bot lost a permission: retrying will not help, so the schedule pauses. */
  | { ok: false; kind: 'gone' | 'forbidden'; reason: string }
  /** Anything else (network, 5xx): the slot may be retried on a later tick. */
  | { ok: false; kind: 'transient'; reason: string };

/** A schedule that just paused, for telling whoever set it. */
export interface PauseNotice {
  guildId: string;
  /** The daily channel that refused the post. */
  channelId: string;
  /** The member who last ran /daily set, when known. */
  setBy: string | undefined;
  /** Why it paused (already free of secrets). */
  reason: string;
}

/** Who was told of a pause: the member who set the schedule (a DM), the server's system channel, or nobody. */
export type NoticeOutcome = 'dm' | 'system-channel' | 'none';

/** Sends a daily post to a channel (discord.js in production, a recorder in tests). */
export interface Poster {
  /** Whether the bot can view the channel, send messages and embed links there (and open threads, when asked). */
  checkChannel(channelId: string, options?: { thread?: boolean }): Promise<ChannelCheck>;
  /**
   * Posts the day's post with no mentions parsed. `nonce` is stable per slot so a retried send of the same
   * slot is deduplicated by Discord; `thread` opens a thread for the day under the post.
   */
  post(channelId: string, post: DailyPost, options: { nonce: string; thread: boolean }): Promise<PostOutcome>;
  /**
   * Tells the member who set a schedule that it paused, and how to resume it: a DM, else the server's system
   * channel. Absent (a poster that cannot reach anyone): the pause is logged as an error.
   */
  notifyPaused?(notice: PauseNotice): Promise<NoticeOutcome>;
}

// Answering
import type { Passage } from '../core/library.ts';
import type { ScoredPassage } from '../core/relevance-gate.ts';
import type { LlmReply } from '../core/citation-check.ts';

export type { ScoredPassage, LlmReply };
export type { LlmCitation, LlmSegment } from '../core/citation-check.ts';

/** Finds the passages that answer a query, best first; an empty list means the library does not cover it. */
export interface Retriever {
  search(query: string, k: number): ScoredPassage[];
}

/** A language model that answers from the given passages only, citing them (Claude in production, a fake server in tests). */
export interface LlmAnswerer {
  /** Aborting `signal` abandons the request, retries and waits included. */
  answer(question: string, passages: Passage[], options?: { signal?: AbortSignal }): Promise<LlmReply>;
}
