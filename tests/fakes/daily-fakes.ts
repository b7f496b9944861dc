/** In-memory stand-ins for the daily-post ports: a settings store, a claim store, a recording poster and a settable clock. */
import type { DailyPost } from '../../src/app/daily-post.ts';
import type { ChannelCheck, ClaimStore, Clock, DailyClaimRecord, DailySettingsChanges, DailySettingsStore, PostOutcome, Poster } from '../../src/app/ports.ts';
import type { DailySettings } from '../../src/core/daily-settings.ts';
import type { Plan } from '../../src/core/plan-types.ts';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: string | Date) {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(at: string | Date): void {
    this.ms = new Date(at).getTime();
  }
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

/** Settings in a Map, with a change log like the stores' (each write gives the server the next sequence number). */
export class MemoryDailySettingsStore implements DailySettingsStore {
  readonly map = new Map<string, DailySettings>();
  /** Server → sequence number of its latest change. */
  private readonly log = new Map<string, number>();
  private counter = 0;
  allCalls = 0;
  getCalls = 0;
  async get(guildId: string) {
    this.getCalls += 1;
    return this.map.get(guildId);
  }
  async set(settings: DailySettings) {
    this.map.set(settings.guildId, structuredClone(settings));
    this.log.set(settings.guildId, ++this.counter);
  }
  async delete(guildId: string) {
    this.map.delete(guildId);
    this.log.set(guildId, ++this.counter);
  }
  async all() {
    this.allCalls += 1;
    return [...this.map.values()].map((s) => structuredClone(s));
  }
  async changes(cursor: string | undefined): Promise<DailySettingsChanges> {
    if (cursor === undefined) return { cursor: String(this.counter), changed: 'all' };
    const since = Number(cursor);
    const changed = [...this.log].filter(([, seq]) => seq > since).sort((a, b) => a[1] - b[1]).map(([guildId]) => guildId);
    return { cursor: String(this.counter), changed };
  }
}

/** A claim table in a Map with the same semantics as the SQLite one (first insert wins). */
export class MemoryClaimStore implements ClaimStore {
  readonly rows = new Map<string, DailyClaimRecord>();
  async claim(key: string, owner: string, at: Date) {
    if (this.rows.has(key)) return false;
    this.rows.set(key, { key, status: 'claimed', owner, claimedAt: at.toISOString() });
    return true;
  }
  /** Changes the row only while it is `owner`'s unmarked claim, like the real stores. */
  private mark(key: string, owner: string, change: Partial<DailyClaimRecord>): boolean {
    const row = this.rows.get(key);
    if (!row || row.owner !== owner || row.status !== 'claimed') return false;
    Object.assign(row, change);
    return true;
  }
  async markPosted(key: string, owner: string, messageId: string, at: Date) {
    return this.mark(key, owner, { status: 'posted', messageId, postedAt: at.toISOString() });
  }
  async markFailed(key: string, owner: string, note: string, at: Date) {
    return this.mark(key, owner, { status: 'failed', note, postedAt: at.toISOString() });
  }
  async renew(key: string, owner: string, at: Date) {
    return this.mark(key, owner, { claimedAt: at.toISOString() });
  }
  async release(key: string, owner: string) {
    const row = this.rows.get(key);
    if (row && row.owner === owner && row.status === 'claimed') this.rows.delete(key);
  }
  async reclaimStale(key: string, owner: string, staleBefore: Date, at: Date) {
    const row = this.rows.get(key);
    if (!row || row.status !== 'claimed' || row.claimedAt >= staleBefore.toISOString()) return false;
    Object.assign(row, { owner, claimedAt: at.toISOString() });
    return true;
  }
  async recordMissed(key: string, note: string, at: Date) {
    if (this.rows.has(key)) return false;
    this.rows.set(key, { key, status: 'missed', owner: '', claimedAt: at.toISOString(), note });
    return true;
  }
  async get(key: string) {
    return this.rows.get(key);
  }
  async close() {}
}

/** One recorded send: what a member would see as the title, and the post itself. */
export interface SentPost {
  channelId: string;
  card: { title: string; description?: string };
  post: DailyPost;
  nonce: string;
  threadName?: string | undefined;
  at: Date;
}

/** Records posts; channels can be deleted or lose permissions, and sends can fail transiently. */
export class RecordingPoster implements Poster {
  readonly sent: SentPost[] = [];
  readonly gone = new Set<string>();
  readonly missing = new Map<string, string[]>();
  transientFailures = 0;
  /** How a post reads as a card; a test with real posts sets dailyPostCard here. @default the fake post's title */
  render: (post: DailyPost) => { title: string; description?: string } = (post) => ({ title: (post as FakeDailyPost).title ?? post.threadTitle });
  constructor(private readonly clock: Clock) {}
  async checkChannel(channelId: string): Promise<ChannelCheck> {
    if (this.gone.has(channelId)) return { ok: false, kind: 'gone', reason: 'Unknown Channel' };
    const missing = this.missing.get(channelId);
    if (missing?.length) return { ok: false, kind: 'forbidden', reason: 'Missing Permissions', missing };
    return { ok: true };
  }
  async post(channelId: string, post: DailyPost, options: { nonce: string; thread: boolean }): Promise<PostOutcome> {
    if (this.gone.has(channelId)) return { ok: false, kind: 'gone', reason: 'Unknown Channel' };
    const missing = this.missing.get(channelId);
    if (missing?.length) return { ok: false, kind: 'forbidden', reason: `missing ${missing.join(', ')}` };
    if (this.transientFailures > 0) {
      this.transientFailures -= 1;
      return { ok: false, kind: 'transient', reason: '503 Service Unavailable' };
    }
    this.sent.push({ channelId, card: this.render(post), post, nonce: options.nonce, threadName: options.thread ? post.threadTitle : undefined, at: this.clock.now() });
    return { ok: true, messageId: `m${this.sent.length}` };
  }
}

/** A post from fakeCompose: no real plan, but a title naming the guild and date. */
export type FakeDailyPost = DailyPost & { title: string };

/** A compose function that needs no knowledge: the post's title names the guild and date. */
export function fakeCompose(settings: DailySettings, localDate: string): FakeDailyPost {
  const day = settings.split[0] ?? 'legs';
  const group = day === 'legs' || day === 'glutes' || day === 'back' ? day : 'legs';
  return { title: `Daily ${settings.guildId} ${localDate}`, localDate, day, group, plan: { group } as Plan, threadTitle: `Thread ${localDate}` };
}

/** Settings with sensible defaults for tests. */
export function dailySettings(overrides: Partial<DailySettings> & Pick<DailySettings, 'guildId'>): DailySettings {
  return {
    channelId: `c-${overrides.guildId}`,
    time: '07:00',
    timezone: 'Europe/Berlin',
    split: ['legs', 'back', 'glutes'],
    thread: false,
    activeFrom: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
