/**
 * The training log as use cases: /log, "Log this workout", /history (pages and CSV), /prs, the streak, and the
 * "Last time" and next-target lines of /workout. It owns every write to the log: one member's writes run in turn,
 * and each keeps the head (the per-exercise summary /workout reads) in step with the entries.
 */
import type { Exercise } from '../core/exercise.ts';
import { loggableExercises, nearestExercises, resolveExercise } from '../core/exercise-lookup.ts';
import type { Plan } from '../core/plan-types.ts';
import { formPrefill, planProgress, type ExerciseProgress } from '../core/progression-targets.ts';
import { recordsOf, type ExerciseRecords, type RecordKind } from '../core/records.ts';
import { streakOf, weekOf, type Streak } from '../core/streak.ts';
import {
  emptyHead,
  entriesCsv,
  foldHead,
  parseSetLine,
  validateSet,
  type FieldProblem,
  type LogEntry,
  type SetInput,
  type SetValues,
  type TrainingLogHead,
} from '../core/training-log.ts';
import type { WeightUnit } from '../core/units.ts';
import { localDateIn } from './daily-schedule.ts';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.ts';
import type { Clock, Profile, ProfileStore, TrainingLogStore } from './ports.ts';

/** The zone a member's dates and weeks use until they set one. */
export const DEFAULT_TIMEZONE = 'UTC';
/** Entries per /history page. @default 10 */
export const HISTORY_PAGE_SIZE = 10;
/** Entries read from the store at a time while scanning the log. @default 500 */
const SCAN_BLOCK = 500;

/** What /log received (null = left out). */
export interface LogRequest extends SetInput {
  exercise: string;
}

/** Who the member is to the log: the unit loads are shown in and the zone their dates and weeks use. */
export interface LogViewer {
  unit: WeightUnit;
  timezone: string;
}

/** A logged entry with what it means for the member. */
export interface LoggedEntry {
  entry: LogEntry;
  /** Records this entry broke (empty for a first entry, which sets the baseline). */
  broken: RecordKind[];
  /** The records before this entry, for "was …" in the announcement. */
  before: ExerciseRecords | undefined;
  /** First time this exercise is logged. */
  first: boolean;
}

/** The outcome of /log. */
export type LogOutcome = ({ kind: 'logged'; streak: Streak } & LoggedEntry & LogViewer) | { kind: 'invalid'; problems: FieldProblem[] };

/** One line of the "Log this workout" form: the exercise it is for and what the member wrote. */
export interface FormLine {
  exerciseId: string;
  text: string;
}

/** A form line that could not be read; `problems` is empty for a line not in the `3x10 @ 60 kg` shape. */
export interface BadLine {
  /** 1-based position in the form. */
  position: number;
  exerciseName: string;
  text: string;
  problems: FieldProblem[];
}

/** A form line left empty or without a weight, so not logged. */
export interface SkippedLine {
  exerciseId: string;
  exerciseName: string;
  reason: 'empty' | 'no-weight' | 'unknown-exercise';
}

/** The outcome of a submitted form: every line is logged as one session, or nothing is. */
export type SessionOutcome =
  | ({ kind: 'logged'; entries: LoggedEntry[]; skipped: SkippedLine[]; streak: Streak } & LogViewer)
  | { kind: 'invalid'; lines: BadLine[] }
  /** Every line was left empty. */
  | { kind: 'empty'; skipped: SkippedLine[] };

/** What /history shows and exports. */
export interface HistoryQuery {
  /** Only this exercise (a catalogue id). */
  exerciseId?: string | undefined;
  /** Only the last this-many days. */
  days?: number | undefined;
}

/** An entry with the member's local date. */
export interface DatedEntry extends LogEntry {
  localDate: string;
}

/** One page of /history, newest first. */
export interface HistoryPage extends LogViewer {
  entries: DatedEntry[];
  /** 0-based. */
  page: number;
  hasOlder: boolean;
  /** Entries in the whole log. */
  total: number;
  streak: Streak;
}

/** The records of one exercise for /prs. */
export interface ExerciseRecordsView {
  exerciseId: string;
  name: string;
  count: number;
  lastAt: string;
  records: ExerciseRecords;
}

/** /prs: every logged exercise's records, most recently logged first. */
export interface RecordsView extends LogViewer {
  exercises: ExerciseRecordsView[];
}

/** The log at a glance, for /profile show. */
export interface LogOverview extends LogViewer {
  entries: number;
  streak: Streak;
}

/** "Last time" and next targets for a plan, in the member's unit. */
export interface PlanProgressView {
  unit: WeightUnit;
  items: ExerciseProgress[];
}

/** One prefilled line of the "Log this workout" form. */
export interface FormPrefill {
  exerciseId: string;
  name: string;
  value: string;
}

/** The training-log use cases. */
export interface TrainingLogService {
  /** /log: validates everything, stores one entry, reports records. Nothing is stored when anything is invalid. */
  log(memberId: string, sessionId: string, request: LogRequest): Promise<LogOutcome>;
  /** "Log this workout": every filled line stored as one session, or nothing when any line is bad. */
  logSession(memberId: string, sessionId: string, lines: readonly FormLine[]): Promise<SessionOutcome>;
  /** A page of entries, newest first. */
  history(memberId: string, query: HistoryQuery, page: number): Promise<HistoryPage>;
  /** The matching entries as CSV, oldest first. */
  exportCsv(memberId: string, query: HistoryQuery): Promise<{ csv: string; rows: number }>;
  /** Records computed from the whole log (optionally one exercise). */
  records(memberId: string, exerciseId?: string): Promise<RecordsView>;
  /** Entry count and streak. */
  overview(memberId: string): Promise<LogOverview>;
  /** "Last time" and the next target for each plan exercise the member has logged. */
  progress(memberId: string, plan: Plan): Promise<PlanProgressView>;
  /** The "Log this workout" form's prefilled lines for a plan. */
  formFor(memberId: string, plan: Plan): Promise<FormPrefill[]>;
  /** Deletes the member's whole log. */
  forget(memberId: string): Promise<void>;
}

/** What the training-log use cases need. */
export interface TrainingLogDeps {
  store: TrainingLogStore;
  profiles: ProfileStore;
  exercises: readonly Exercise[];
  clock: Clock;
  /** Serialises one member's writes. @default a per-process queue */
  serial?: KeyedQueue;
}

/** The member's display unit and zone: the profile's, else the unit of their newest entry, else kg and UTC. */
export function viewerOf(profile: Profile | undefined, head: TrainingLogHead | undefined): LogViewer {
  return { unit: profile?.units ?? head?.lastUnit ?? 'kg', timezone: profile?.timezone ?? DEFAULT_TIMEZONE };
}

/** The local week (its Monday's day number) of an instant in a zone. */
export function weekIn(at: string, timezone: string): number {
  return weekOf(localDateIn(new Date(at), timezone));
}

/** Creates the training-log service. */
export function createTrainingLogService(deps: TrainingLogDeps): TrainingLogService {
  const { store, clock } = deps;
  const exercises = loggableExercises(deps.exercises);
  const byId = new Map(exercises.map((e) => [e.id, e]));
  // Two writes at once would each read the same head and the later would drop the earlier's entries.
  const serial = deps.serial ?? createKeyedQueue();

  /** Every entry of the log, oldest first, read a block at a time. */
  const allEntries = async (memberId: string, count: number): Promise<LogEntry[]> => {
    const blocks: Promise<LogEntry[]>[] = [];
    for (let from = 0; from < count; from += SCAN_BLOCK) blocks.push(store.range(memberId, from, Math.min(count, from + SCAN_BLOCK)));
    return (await Promise.all(blocks)).flat();
  };

  /** The head with its weeks in `timezone`: recomputed from the entries (and saved) when the member changed zone. */
  const headIn = async (memberId: string, head: TrainingLogHead | undefined, timezone: string): Promise<TrainingLogHead> => {
    if (!head) return emptyHead(timezone);
    if (head.zone === timezone) return head;
    const weeks = [...new Set((await allEntries(memberId, head.count)).map((e) => weekIn(e.at, timezone)))].sort((a, b) => a - b);
    const rezoned = { ...head, zone: timezone, weeks };
    await store.saveHead(memberId, rezoned);
    return rezoned;
  };

  const streakNow = (head: TrainingLogHead, timezone: string) => streakOf(head.weeks, localDateIn(clock.now(), timezone));

  /** Stores validated entries of one session after the member's log; the records each broke. */
  const append = (memberId: string, sessionId: string, values: { exercise: Exercise; value: SetValues }[]) =>
    serial(memberId, async () => {
      const [profile, stored] = await Promise.all([deps.profiles.get(memberId), store.head(memberId)]);
      const { timezone } = viewerOf(profile, stored);
      const head = await headIn(memberId, stored, timezone);
      const at = clock.now().toISOString();
      const entries: LogEntry[] = values.map(({ exercise, value }, i) => ({ seq: head.count + i, at, sessionId, exerciseId: exercise.id, exerciseName: exercise.name, ...value }));
      const update = foldHead(head, entries, (instant) => weekIn(instant, timezone));
      await store.append(memberId, entries, update.head);
      // Records before each entry: the head before the write, then each earlier entry of the same write folded in.
      const logged: LoggedEntry[] = entries.map((entry, i) => {
        const earlier = foldHead(head, entries.slice(0, i), () => 0).head.exercises[entry.exerciseId];
        return { entry, broken: update.broken[i] ?? [], before: earlier?.records, first: !earlier };
      });
      return { logged, viewer: viewerOf(profile, update.head), streak: streakNow(update.head, timezone) };
    });

  /** The exercise the text names, or the problem naming the three nearest. */
  const exerciseFor = (text: string): { exercise: Exercise } | { problem: FieldProblem } => {
    const exercise = resolveExercise(text, exercises);
    if (exercise) return { exercise };
    return { problem: { field: 'exercise', given: text.trim(), nearest: text.trim() ? nearestExercises(text, exercises) : [] } };
  };

  /** Entries matching a query, newest first: skips `skip` matches and returns up to `take` (and whether more exist). */
  const newest = async (memberId: string, count: number, query: HistoryQuery, skip: number, take: number) => {
    const cutoff = query.days ? new Date(clock.now().getTime() - query.days * 86_400_000).toISOString() : undefined;
    const found: LogEntry[] = [];
    let skipped = 0;
    let more = false;
    // Entries are stored in time order, so a scan back stops at the first entry older than the window.
    scan: for (let to = count; to > 0; to -= SCAN_BLOCK) {
      const block = await store.range(memberId, Math.max(0, to - SCAN_BLOCK), to);
      for (let i = block.length - 1; i >= 0; i--) {
        const entry = block[i] as LogEntry;
        if (cutoff && entry.at < cutoff) break scan;
        if (query.exerciseId && entry.exerciseId !== query.exerciseId) continue;
        if (skipped < skip) {
          skipped += 1;
          continue;
        }
        if (found.length === take) {
          more = true;
          break scan;
        }
        found.push(entry);
      }
    }
    return { entries: found, more };
  };

  /** "Last time" and targets: read-only, one small document whatever the size of the log, so /workout stays as fast. */
  const progress = async (memberId: string, plan: Plan): Promise<PlanProgressView> => {
    const [profile, head] = await Promise.all([deps.profiles.get(memberId), store.head(memberId)]);
    const { unit } = viewerOf(profile, head);
    return { unit, items: planProgress(plan, head, unit) };
  };

  /** The member's profile and head, with the head's weeks in the member's zone. */
  const load = async (memberId: string) => {
    const [profile, stored] = await Promise.all([deps.profiles.get(memberId), store.head(memberId)]);
    const viewer = viewerOf(profile, stored);
    const head = stored && stored.zone !== viewer.timezone ? await serial(memberId, () => headIn(memberId, stored, viewer.timezone)) : (stored ?? emptyHead(viewer.timezone));
    return { viewer, head };
  };

  return {
    async log(memberId, sessionId, request) {
      const found = exerciseFor(request.exercise);
      const [profile, stored] = await Promise.all([deps.profiles.get(memberId), store.head(memberId)]);
      const checked = validateSet(request, viewerOf(profile, stored).unit);
      const problems = [...('problem' in found ? [found.problem] : []), ...(checked.ok ? [] : checked.problems)];
      if (problems.length || !checked.ok || !('exercise' in found)) return { kind: 'invalid', problems };
      const { logged, viewer, streak } = await append(memberId, sessionId, [{ exercise: found.exercise, value: checked.value }]);
      return { kind: 'logged', ...(logged[0] as LoggedEntry), ...viewer, streak };
    },

    async logSession(memberId, sessionId, lines) {
      const [profile, stored] = await Promise.all([deps.profiles.get(memberId), store.head(memberId)]);
      const { unit } = viewerOf(profile, stored);
      const bad: BadLine[] = [];
      const skipped: SkippedLine[] = [];
      const values: { exercise: Exercise; value: SetValues }[] = [];
      lines.forEach((line, index) => {
        const exercise = byId.get(line.exerciseId);
        if (!exercise) {
          skipped.push({ exerciseId: line.exerciseId, exerciseName: line.exerciseId, reason: 'unknown-exercise' });
          return;
        }
        const parsed = parseSetLine(line.text, unit);
        if (parsed.kind === 'ok') values.push({ exercise, value: parsed.value });
        else if (parsed.kind === 'skipped') skipped.push({ exerciseId: exercise.id, exerciseName: exercise.name, reason: parsed.reason });
        else bad.push({ position: index + 1, exerciseName: exercise.name, text: line.text, problems: parsed.kind === 'invalid' ? parsed.problems : [] });
      });
      if (bad.length) return { kind: 'invalid', lines: bad };
      if (!values.length) return { kind: 'empty', skipped };
      const { logged, viewer, streak } = await append(memberId, sessionId, values);
      return { kind: 'logged', entries: logged, skipped, streak, ...viewer };
    },

    async history(memberId, query, page) {
      const { viewer, head } = await load(memberId);
      const { entries, more } = await newest(memberId, head.count, query, page * HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE);
      return {
        ...viewer,
        entries: entries.map((e) => ({ ...e, localDate: localDateIn(new Date(e.at), viewer.timezone) })),
        page,
        hasOlder: more,
        total: head.count,
        streak: streakNow(head, viewer.timezone),
      };
    },

    async exportCsv(memberId, query) {
      const { viewer, head } = await load(memberId);
      const { entries } = await newest(memberId, head.count, query, 0, head.count);
      const oldestFirst = entries.reverse();
      return { csv: entriesCsv(oldestFirst, (at) => localDateIn(new Date(at), viewer.timezone)), rows: oldestFirst.length };
    },

    async records(memberId, exerciseId) {
      const { viewer, head } = await load(memberId);
      const entries = (await allEntries(memberId, head.count)).filter((e) => !exerciseId || e.exerciseId === exerciseId);
      const byExercise = new Map<string, LogEntry[]>();
      for (const entry of entries) byExercise.set(entry.exerciseId, [...(byExercise.get(entry.exerciseId) ?? []), entry]);
      const views = [...byExercise.entries()].map(([id, list]): ExerciseRecordsView => {
        const last = list.at(-1) as LogEntry;
        return { exerciseId: id, name: last.exerciseName, count: list.length, lastAt: last.at, records: recordsOf(list.map(({ weight, unit, reps, at }) => ({ weight, unit, reps, at }))) };
      });
      return { ...viewer, exercises: views.sort((a, b) => b.lastAt.localeCompare(a.lastAt)) };
    },

    async overview(memberId) {
      const { viewer, head } = await load(memberId);
      return { ...viewer, entries: head.count, streak: streakNow(head, viewer.timezone) };
    },

    progress,

    async formFor(memberId, plan) {
      const { items } = await progress(memberId, plan);
      return plan.exercises.map((exercise) => ({
        exerciseId: exercise.id,
        name: exercise.name,
        value: formPrefill(exercise, items.find((p) => p.exerciseId === exercise.id)),
      }));
    },

    forget: (memberId) => serial(memberId, () => store.deleteMember(memberId)),
  };
}
