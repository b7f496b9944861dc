/**
 * The training log's domain: what one entry holds, the limits every input is checked against, the line format of
 * "Log this workout" (`3x10 @ 60 kg`), the per-member summary kept beside the entries, and the CSV export.
 */
import { z } from 'zod';
import { addToRecords, emptyRecords, type ExerciseRecords, type RecordKind } from './records.ts';
import { isWeightUnit, WEIGHT_UNITS, type WeightUnit } from './units.ts';

/** What each logged value may be. */
export const LOG_LIMITS = {
  sets: { min: 1, max: 20 },
  reps: { min: 1, max: 100 },
  weight: { min: 0, max: 1000 },
  /** RPE in half steps (8, 8.5, 9). */
  rpe: { min: 6, max: 10, step: 0.5 },
  note: { maxLength: 200 },
} as const;

/** Sets × reps at one load: what a line of the log says, and what the summary keeps of a session's work. */
export interface SetGroup {
  sets: number;
  reps: number;
  /** 0 = bodyweight (no added load). */
  weight: number;
  /** The unit it was logged in; kept as is, converted for display only. */
  unit: WeightUnit;
}

/** The validated values of one line. */
export interface SetValues extends SetGroup {
  rpe?: number;
  note?: string;
}

/** One logged line, for one exercise. */
export interface LogEntry extends SetValues {
  /** Position in the member's log, from 0; entries are stored in this order. */
  seq: number;
  /** ISO instant it was logged. */
  at: string;
  /** Entries logged together (one /log, or one "Log this workout" form) share it. */
  sessionId: string;
  exerciseId: string;
  /** The catalogue name when logged, so an entry stays readable if the catalogue changes. */
  exerciseName: string;
}

/** Zod schema for a stored entry (the store skips entries that fail it). */
export const logEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string().min(1),
  sessionId: z.string().min(1),
  exerciseId: z.string().min(1),
  exerciseName: z.string().min(1),
  sets: z.number().int().min(LOG_LIMITS.sets.min).max(LOG_LIMITS.sets.max),
  reps: z.number().int().min(LOG_LIMITS.reps.min).max(LOG_LIMITS.reps.max),
  weight: z.number().min(LOG_LIMITS.weight.min).max(LOG_LIMITS.weight.max),
  unit: z.enum(WEIGHT_UNITS),
  rpe: z.number().min(LOG_LIMITS.rpe.min).max(LOG_LIMITS.rpe.max).optional(),
  note: z.string().max(LOG_LIMITS.note.maxLength).optional(),
});

/** The fields a member fills in. */
export type LogField = 'exercise' | 'sets' | 'reps' | 'weight' | 'unit' | 'rpe' | 'note';

/** A value that is not allowed, named by field; `given` echoes what was typed where that helps. */
export type FieldProblem =
  | { field: Exclude<LogField, 'exercise'>; given?: string }
  | { field: 'exercise'; given: string; nearest: string[] };

/** Raw values of one entry as a command received them (null = left out). */
export interface SetInput {
  sets: number | null;
  reps: number | null;
  weight: number | null;
  unit: string | null;
  rpe: number | null;
  note: string | null;
}

const inRange = (value: number, limits: { min: number; max: number }) => Number.isFinite(value) && value >= limits.min && value <= limits.max;
const isHalfStep = (value: number) => Number.isInteger(value * 2);

/** Checks every value of one entry; every problem is reported, not only the first. `unit` falls back to `defaultUnit`. */
export function validateSet(input: SetInput, defaultUnit: WeightUnit): { ok: true; value: SetValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const whole = (field: 'sets' | 'reps', value: number | null) => {
    if (value === null || !Number.isInteger(value) || !inRange(value, LOG_LIMITS[field])) problems.push({ field, ...(value === null ? {} : { given: String(value) }) });
  };
  whole('sets', input.sets);
  whole('reps', input.reps);
  if (input.weight === null || !inRange(input.weight, LOG_LIMITS.weight)) problems.push({ field: 'weight', ...(input.weight === null ? {} : { given: String(input.weight) }) });
  const unitText = input.unit?.trim().toLowerCase().replace(/s$/, '') ?? null;
  if (unitText !== null && !isWeightUnit(unitText)) problems.push({ field: 'unit', given: input.unit ?? '' });
  if (input.rpe !== null && (!inRange(input.rpe, LOG_LIMITS.rpe) || !isHalfStep(input.rpe))) problems.push({ field: 'rpe', given: String(input.rpe) });
  const note = input.note?.replace(/\s+/g, ' ').trim() ?? '';
  if (note.length > LOG_LIMITS.note.maxLength) problems.push({ field: 'note', given: String(note.length) });
  if (problems.length) return { ok: false, problems };
  const value: SetValues = {
    sets: input.sets as number,
    reps: input.reps as number,
    weight: input.weight as number,
    unit: unitText !== null && isWeightUnit(unitText) ? unitText : defaultUnit,
  };
  if (input.rpe !== null) value.rpe = input.rpe;
  if (note) value.note = note;
  return { ok: true, value };
}

/** Longest line the form accepts (a full line is about 30 characters). @default 100 */
export const LOG_LINE_MAX_LENGTH = 100;

/** What one line of the "Log this workout" form says. */
export type ParsedLine =
  | { kind: 'ok'; value: SetValues }
  /** Nothing to log: left empty, or left as the prescription without a weight (`3x10 @ `). */
  | { kind: 'skipped'; reason: 'empty' | 'no-weight' }
  /** Not in the `3x10 @ 60 kg` shape at all. */
  | { kind: 'malformed' }
  /** In shape, but a value is not allowed. */
  | { kind: 'invalid'; problems: FieldProblem[] };

/** Words that mean "no added load". */
const UNLOADED = new Set(['bodyweight', 'bw', 'band', 'bands']);
const LINE = /^(\d+)\s*x\s*(\d+)\s*(?:@\s*(.*))?$/;
const LOAD = /^(?:(?<word>[a-z]+)|(?<weight>\d+(?:[.,]\d+)?)\s*(?<unit>[a-z]+)?)(?:\s+(?:rpe\s*|@\s*)(?<rpe>\d+(?:[.,]\d+)?))?$/;

/** A decimal as typed, with a comma allowed as the decimal mark (62,5). */
const decimal = (text: string) => Number(text.replace(',', '.'));

/**
 * Parses one line of the form: `<sets>x<reps> @ <weight> [kg|lb] [rpe <n>]`, e.g. `3x10 @ 62.5 kg rpe 8`,
 * `4 × 12 @ bodyweight`. The unit defaults to `defaultUnit`.
 */
export function parseSetLine(text: string, defaultUnit: WeightUnit): ParsedLine {
  const line = text.trim().toLowerCase().replace(/[×*]/g, 'x').replace(/\s+/g, ' ');
  if (!line || line === '-' || line === 'skip') return { kind: 'skipped', reason: 'empty' };
  const match = LINE.exec(line);
  if (!match) return { kind: 'malformed' };
  const sets = Number(match[1]);
  const reps = Number(match[2]);
  const load = match[3]?.trim() ?? '';
  if (!load) return { kind: 'skipped', reason: 'no-weight' };
  const parts = LOAD.exec(load)?.groups;
  if (!parts) return { kind: 'malformed' };
  if (parts.word !== undefined && !UNLOADED.has(parts.word)) return { kind: 'malformed' };
  const weight = parts.weight !== undefined ? decimal(parts.weight) : 0;
  const checked = validateSet(
    { sets, reps, weight, unit: parts.unit ?? null, rpe: parts.rpe !== undefined ? decimal(parts.rpe) : null, note: null },
    defaultUnit,
  );
  return checked.ok ? { kind: 'ok', value: checked.value } : { kind: 'invalid', problems: checked.problems };
}

/** One line as the form prefills it and as "Last time" shows it: `3x10 @ 60 kg`. */
export function formatSetLine(sets: number, reps: number, load: string): string {
  return `${sets}x${reps} @ ${load}`;
}

// The summary kept beside the entries.

/**
 * What is kept per exercise beside the entries: enough for "Last time", the next target and record announcements.
 * Stored under its own key, so /workout reads the plan's few exercises and /log the one it logs, whatever the log's size.
 */
export interface ExerciseSummary {
  /** The catalogue id logged against. */
  id: string;
  name: string;
  /** Entries logged for it. */
  count: number;
  /** The seq of the newest entry folded in: a summary at or past the head's count holds a write that never committed. */
  throughSeq: number;
  /** The most recent session with it: every entry of that session, in order. */
  last: { at: string; sessionId: string; groups: SetGroup[] };
  records: ExerciseRecords;
}

/**
 * The small document kept beside a member's entries and summaries, and written after them: it is the commit point.
 * Its size grows with the exercises and weeks a member has logged, never with the number of entries.
 */
export interface TrainingLogHead {
  v: 2;
  /** Entries committed; seq 0 … count-1. */
  count: number;
  /** The unit of the newest entry (the display unit when the profile sets none). */
  lastUnit?: WeightUnit;
  /** The IANA zone `weeks` were computed in. */
  zone: string;
  /** Local weeks with at least one entry, as the day number of their Monday, ascending. */
  weeks: number[];
  /** Every exercise with a summary: id → name (finding a summary by name when a catalogue id changes, deleting them all). */
  exercises: Record<string, string>;
}

/** The head of a member with no log, weeks in `zone`. */
export function emptyHead(zone: string): TrainingLogHead {
  return { v: 2, count: 0, zone, weeks: [], exercises: {} };
}

/** Adds a week (a Monday's day number) to a sorted list of weeks, once. */
export function addWeek(weeks: readonly number[], week: number): number[] {
  if (weeks.includes(week)) return [...weeks];
  return [...weeks, week].sort((a, b) => a - b);
}

/** What one entry of a write meant. */
export interface EntryEffect {
  /** Records it broke (none for an exercise's first entry, which sets the baseline). */
  broken: RecordKind[];
  /** The exercise's records just before it. */
  before: ExerciseRecords | undefined;
  /** First entry ever for its exercise. */
  first: boolean;
}

/** A write folded into the head and summaries. */
export interface LogUpdate {
  head: TrainingLogHead;
  /** The summaries the write changed, by exercise id. */
  summaries: Record<string, ExerciseSummary>;
  /** Per entry, in order. */
  effects: EntryEffect[];
}

/**
 * Folds new entries (numbered from `head.count`) into the head and the summaries of their exercises (`summaries`
 * must hold every one that exists). `weekOf` gives an entry's local week in `head.zone`. Pure: the same entries give
 * the same result whether written at once or in many writes.
 */
export function foldLog(head: TrainingLogHead, summaries: Readonly<Record<string, ExerciseSummary>>, entries: readonly LogEntry[], weekOf: (at: string) => number): LogUpdate {
  const changed: Record<string, ExerciseSummary> = {};
  const exercises = { ...head.exercises };
  let weeks = head.weeks;
  const effects: EntryEffect[] = [];
  for (const entry of entries) {
    const previous = changed[entry.exerciseId] ?? summaries[entry.exerciseId];
    const group: SetGroup = { sets: entry.sets, reps: entry.reps, weight: entry.weight, unit: entry.unit };
    const sameSession = previous?.last.sessionId === entry.sessionId;
    const added = addToRecords(previous?.records ?? emptyRecords(), { weight: entry.weight, unit: entry.unit, reps: entry.reps, at: entry.at });
    effects.push({ broken: added.broken, before: previous?.records, first: !previous });
    changed[entry.exerciseId] = {
      id: entry.exerciseId,
      name: entry.exerciseName,
      count: (previous?.count ?? 0) + 1,
      throughSeq: entry.seq,
      last: { at: entry.at, sessionId: entry.sessionId, groups: sameSession && previous ? [...previous.last.groups, group] : [group] },
      records: added.records,
    };
    exercises[entry.exerciseId] = entry.exerciseName;
    weeks = addWeek(weeks, weekOf(entry.at));
  }
  const last = entries.at(-1);
  return {
    head: { ...head, count: head.count + entries.length, ...(last ? { lastUnit: last.unit } : {}), weeks, exercises },
    summaries: changed,
    effects,
  };
}

/** The ids whose summaries hold an exercise: its own, and any id logged under the same name (a catalogue id that changed). */
export function summaryIds(head: TrainingLogHead | undefined, exerciseId: string, exerciseName: string): string[] {
  if (!head) return [exerciseId];
  const name = exerciseName.toLowerCase();
  return [exerciseId, ...Object.entries(head.exercises).filter(([id, logged]) => id !== exerciseId && logged.toLowerCase() === name).map(([id]) => id)];
}

// CSV export.

/** The CSV header of an export. */
export const CSV_HEADER = 'date,exercise,sets,reps,weight,unit,rpe,note';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text a spreadsheet would run as a
 * formula (starting with = + - @) is prefixed with an apostrophe, so a note cannot become a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Entries as CSV (header first, one line per entry, in the given order); `dateOf` gives an entry's local date. */
export function entriesCsv(entries: readonly LogEntry[], dateOf: (at: string) => string): string {
  const lines = entries.map((e) =>
    [dateOf(e.at), csvField(e.exerciseName), String(e.sets), String(e.reps), String(e.weight), e.unit, e.rpe === undefined ? '' : String(e.rpe), csvField(e.note ?? '')].join(','),
  );
  return `${[CSV_HEADER, ...lines].join('\r\n')}\r\n`;
}
