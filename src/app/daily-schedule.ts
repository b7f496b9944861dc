/**
 * When a server's daily post is due. The slot instant comes from croner in the server's IANA zone, which
 * handles daylight saving: a time inside a spring-forward gap runs at the next valid minute, and a time
 * that occurs twice at fall-back runs once.
 */
import { Cron } from 'croner';

/** The parts of a server's settings that decide when it posts. */
export interface DailyScheduleSpec {
  /** Local `HH:MM`. */
  time: string;
  /** IANA zone. */
  timezone: string;
  /** ISO instant; slots before it are ignored (a schedule set at 09:00 for 07:00 starts tomorrow). */
  activeFrom?: string;
}

/** Where a server's schedule stands at an instant. */
export type SlotState =
  /** Today's slot has passed and is within the catch-up window: claim and post it. */
  | { kind: 'due'; slot: Date; localDate: string; next: Date }
  /** The latest slot is older than the catch-up window: record it as missed, do not post. */
  | { kind: 'missed'; slot: Date; localDate: string; next: Date }
  /** Nothing to do until `next`. */
  | { kind: 'waiting'; next: Date };

const crons = new Map<string, Cron>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The paused croner job computing a `HH:MM` slot in a zone; shared by every server with the same pair. */
function cronFor(time: string, timezone: string): Cron {
  const key = `${time}|${timezone}`;
  let cron = crons.get(key);
  if (!cron) {
    const [hour, minute] = time.split(':').map(Number);
    // Fixed-time pattern (single hour and minute), which croner moves out of a DST gap and runs once on a repeat.
    cron = new Cron(`0 ${minute} ${hour} * * *`, { timezone, paused: true });
    crons.set(key, cron);
  }
  return cron;
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a zone. */
export function localDateIn(instant: Date, timezone: string): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timezone, format);
  }
  return format.format(instant);
}

/** The latest slot at or before an instant and the next one after it, for one time and zone. */
interface Bracket {
  latest: Date | undefined;
  next: Date;
}

const brackets = new Map<string, Bracket>();

/**
 * The slots either side of `at`. Cached per time and zone: the answer holds for every instant in
 * [latest, next), so servers sharing a time (most post at a round hour) cost one croner search a day.
 */
function bracket(time: string, timezone: string, at: Date): Bracket {
  const key = `${time}|${timezone}`;
  const ms = at.getTime();
  const cached = brackets.get(key);
  if (cached && cached.latest && cached.latest.getTime() <= ms && ms < cached.next.getTime()) return cached;
  const cron = cronFor(time, timezone);
  // previousRuns excludes its reference instant; slots are whole minutes, so 1 ms later includes a slot at `at`.
  const latest = cron.previousRuns(1, new Date(ms + 1))[0];
  const next = cron.nextRun(at);
  // A daily fixed-time pattern always has a next run; null would mean croner rejected the zone.
  if (!next) throw new RangeError(`no next run for ${time} in ${timezone}`);
  const found = { latest, next };
  if (brackets.size > 50_000) brackets.clear();
  brackets.set(key, found);
  return found;
}

/** The next slot strictly after `after` (and not before `activeFrom`). */
export function nextSlot(spec: DailyScheduleSpec, after: Date): Date {
  const activeFrom = spec.activeFrom ? Date.parse(spec.activeFrom) : Number.NEGATIVE_INFINITY;
  if (activeFrom > after.getTime()) return bracket(spec.time, spec.timezone, new Date(activeFrom - 1)).next;
  return bracket(spec.time, spec.timezone, after).next;
}

/**
 * The local date the split started: the stored `startDate`, or for settings saved before it was kept, the date of
 * the first slot at or after `activeFrom` (when /daily set ran).
 */
export function rotationStart(spec: DailyScheduleSpec & { startDate?: string | undefined }): string | undefined {
  if (spec.startDate) return spec.startDate;
  if (!spec.activeFrom) return undefined;
  const first = nextSlot({ ...spec, activeFrom: undefined }, new Date(Date.parse(spec.activeFrom) - 1));
  return localDateIn(first, spec.timezone);
}

/** The latest slot at or before `at`, or undefined when there is none. */
export function latestSlot(spec: DailyScheduleSpec, at: Date): Date | undefined {
  return bracket(spec.time, spec.timezone, at).latest;
}

/** Due if slot ≤ now < slot + catch-up window; an older latest slot is missed. */
export function slotState(spec: DailyScheduleSpec, now: Date, catchupMinutes: number): SlotState {
  const next = nextSlot(spec, now);
  const slot = latestSlot(spec, now);
  if (!slot) return { kind: 'waiting', next };
  if (spec.activeFrom && slot.getTime() < Date.parse(spec.activeFrom)) return { kind: 'waiting', next };
  const localDate = localDateIn(slot, spec.timezone);
  if (now.getTime() < slot.getTime() + catchupMinutes * 60_000) return { kind: 'due', slot, localDate, next };
  return { kind: 'missed', slot, localDate, next };
}

/** Modern zone names some ICU builds leave out of Intl.supportedValuesOf but accept. */
const EXTRA_ZONES = ['UTC', 'Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu'];

let zoneList: string[] | undefined;

/** Every IANA zone name this runtime accepts, sorted, for autocomplete. */
export function timeZoneNames(): string[] {
  if (!zoneList) {
    const names = new Set([...Intl.supportedValuesOf('timeZone'), ...EXTRA_ZONES.filter((zone) => canonicalTimeZone(zone) !== undefined)]);
    zoneList = [...names].sort();
  }
  return zoneList;
}

/**
 * The zone name to store for what a member typed, or undefined when it is not an IANA zone.
 * Keeps the member's spelling (Asia/Kolkata stays Asia/Kolkata) but fixes letter case.
 */
export function canonicalTimeZone(input: string): string | undefined {
  const name = input.trim();
  // Intl also accepts offsets like +01:00 on newer runtimes; the command asks for a named zone.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved;
  const listed = (zoneList ?? Intl.supportedValuesOf('timeZone')).find((zone) => zone.toLowerCase() === name.toLowerCase());
  if (listed) return listed;
  const extra = EXTRA_ZONES.find((zone) => zone.toLowerCase() === name.toLowerCase());
  return extra ?? name;
}

/** Zones whose name contains the typed text (case-insensitive), best matches first, at most `limit`. */
export function suggestTimeZones(typed: string, limit = 25): string[] {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const names = timeZoneNames();
  if (!needle) return ['Europe/Berlin', 'America/New_York', 'Europe/London', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'].slice(0, limit);
  const starts = names.filter((zone) => zone.toLowerCase().startsWith(needle) || zone.toLowerCase().split('/').some((part) => part.startsWith(needle)));
  if (starts.length >= limit) return starts.slice(0, limit);
  // A set: with one letter typed most zones match, and a list lookup per zone would be quadratic on every keystroke.
  const started = new Set(starts);
  const contains = names.filter((zone) => !started.has(zone) && zone.toLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, limit);
}
