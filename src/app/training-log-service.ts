/**
 * The training log as use cases: /log, "Log this workout", /history (pages and CSV), /prs, the streak, and the
 * "Last time" and next-target lines of /workout. It owns every write to the log: one member's writes run in turn,
 * and each keeps the head (the per-exercise summary /workout reads) in step with the entries.
 */
import type { Exercise } from '../core/exercise.ts';
import { loggableExercises, nearestExercises, resolveExercise } from '../core/exercise-lookup.ts';
import type { Plan } from '../core/plan-types.ts';
import { formPrefill, planProgress, type ExerciseProgress } from '../core/progression-targets.ts';
import { recordsOf, type ExerciseRecords } from '../core/records.ts';
import { streakOf, weekOf, type Streak } from '../core/streak.ts';
import {
  emptyHead,
  entriesCsv,
  foldLog,
  parseSetLine,
  summaryIds,
  validateSet,
  type EntryEffect,
  type ExerciseSummary,
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
/** Most entries read from the store at a time while scanning the log. @default 1000 */
const SCAN_BLOCK = 1000;

/** What /log received (null = left out). */
export interface LogRequest extends SetInput {
  exercise: string;
}

/** Who the member is to the log: the unit loads are shown in and the zone their dates and weeks use. */
export interface LogViewer {
  unit: WeightUnit;
  timezone: string;
}

/** A logged entry with what it means for the member: the records it broke, those before it, whether it is the first. */
export interface LoggedEntry extends EntryEffect {
  entry: LogEntry;
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

/** The member's profile when the caller has just read it (`profile` undefined: they have none), to save a read. */
export interface KnownProfile {
  profile: Profile | undefined;
  /** From hasLog read alongside the profile: false means there is nothing to show, and nothing more is read. */
  logged?: boolean;
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
  progress(memberId: string, plan: Plan, known?: KnownProfile): Promise<PlanProgressView>;
  /** Whether the member has a training log at all (one key read, which a store can group with the profile read). */
  hasLog(memberId: string): Promise<boolean>;
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
    await store.save(memberId, { head: rezoned });
    return rezoned;
  };

  /**
   * The summaries of `ids` as the committed entries make them. A summary at or past the head's count (or one the
   * head lists but that is missing) belongs to a write that never committed: it is rebuilt from the entries. Rare.
   */
  const committedSummaries = async (memberId: string, head: TrainingLogHead, summaries: Record<string, ExerciseSummary>, ids: readonly string[]) => {
    const stale = ids.filter((id) => (summaries[id] ? (summaries[id] as ExerciseSummary).throughSeq >= head.count : id in head.exercises));
    if (!stale.length) return summaries;
    const entries = (await allEntries(memberId, head.count)).filter((e) => stale.includes(e.exerciseId));
    const rebuilt = foldLog(emptyHead(head.zone), {}, entries, () => 0).summaries;
    const fresh = { ...summaries };
    for (const id of stale) {
      if (rebuilt[id]) fresh[id] = rebuilt[id];
      else delete fresh[id];
    }
    return fresh;
  };

  const streakNow = (head: TrainingLogHead, timezone: string) => streakOf(head.weeks, localDateIn(clock.now(), timezone));

  /**
   * One write, run in turn with the member's other writes: reads the profile, head and the summaries of `exerciseIds`
   * once, lets `prepare` validate in the member's unit, then stores the entries as one session.
   */
  const write = <R>(
    memberId: string,
    sessionId: string,
    exerciseIds: readonly string[],
    prepare: (viewer: LogViewer) => { values: { exercise: Exercise; value: SetValues }[] } | { refused: R },
  ) =>
    serial(memberId, async () => {
      const [profile, read] = await Promise.all([deps.profiles.get(memberId), store.read(memberId, exerciseIds)]);
      const viewer = viewerOf(profile, read.head);
      const prepared = prepare(viewer);
      if ('refused' in prepared) return prepared;
      const head = await headIn(memberId, read.head, viewer.timezone);
      const summaries = await committedSummaries(memberId, head, read.summaries, exerciseIds);
      const at = clock.now().toISOString();
      const entries: LogEntry[] = prepared.values.map(({ exercise, value }, i) => ({ seq: head.count + i, at, sessionId, exerciseId: exercise.id, exerciseName: exercise.name, ...value }));
      const update = foldLog(head, summaries, entries, (instant) => weekIn(instant, viewer.timezone));
      // A new exercise is listed in the head before its summary is stored, so /profile forget always finds every key.
      if (Object.keys(update.head.exercises).some((id) => !(id in head.exercises))) await store.save(memberId, { head: { ...head, exercises: update.head.exercises } });
      await store.append(memberId, entries, Object.values(update.summaries), update.head);
      const logged: LoggedEntry[] = entries.map((entry, i) => ({ entry, ...(update.effects[i] as EntryEffect) }));
      return { logged, viewer: viewerOf(profile, update.head), streak: streakNow(update.head, viewer.timezone) };
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
    // Entries are stored in time order, so a scan back stops at the first entry older than the window. Blocks start
    // at one page and grow, so an unfiltered page reads about ten entries and a filtered one a few thousand at most.
    let size = skip + take + 1;
    scan: for (let to = count; to > 0; to -= size, size = Math.min(size * 4, SCAN_BLOCK)) {
      const block = await store.range(memberId, Math.max(0, to - size), to);
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

  /** "Last time" and targets: read-only, the head and the plan's few summaries whatever the size of the log. */
  const progress = async (memberId: string, plan: Plan, known?: KnownProfile): Promise<PlanProgressView> => {
    if (known?.logged === false) return { unit: viewerOf(known.profile, undefined).unit, items: [] };
    const ids = plan.exercises.map((e) => e.id);
    const [profile, read] = await Promise.all([known ? known.profile : deps.profiles.get(memberId), store.read(memberId, ids)]);
    const { unit } = viewerOf(profile, read.head);
    if (!read.head) return { unit, items: [] };
    const { head } = read;
    let summaries = read.summaries;
    // An exercise whose catalogue id changed is found under the name it was logged with (a second, rare read).
    const renamed = plan.exercises.flatMap((e) => (summaries[e.id] ? [] : summaryIds(head, e.id, e.name).slice(1)));
    if (renamed.length) summaries = { ...summaries, ...(await store.read(memberId, renamed)).summaries };
    // A summary holding a write that never committed is left out rather than shown; the next /log repairs it.
    const committed = Object.fromEntries(Object.entries(summaries).filter(([, summary]) => summary.throughSeq < head.count));
    return { unit, items: planProgress(plan, head, committed, unit) };
  };

  /** The member's profile and head, with the head's weeks in the member's zone. */
  const load = async (memberId: string) => {
    const [profile, { head: stored }] = await Promise.all([deps.profiles.get(memberId), store.read(memberId, [])]);
    const viewer = viewerOf(profile, stored);
    const head = stored && stored.zone !== viewer.timezone ? await serial(memberId, () => headIn(memberId, stored, viewer.timezone)) : (stored ?? emptyHead(viewer.timezone));
    return { viewer, head };
  };

  return {
    async log(memberId, sessionId, request) {
      const found = exerciseFor(request.exercise);
      const exercise = 'exercise' in found ? found.exercise : undefined;
      const result = await write<LogOutcome>(memberId, sessionId, exercise ? [exercise.id] : [], (viewer) => {
        const checked = validateSet(request, viewer.unit);
        const problems = [...('problem' in found ? [found.problem] : []), ...(checked.ok ? [] : checked.problems)];
        if (!exercise || !checked.ok) return { refused: { kind: 'invalid', problems } };
        return { values: [{ exercise, value: checked.value }] };
      });
      if ('refused' in result) return result.refused;
      return { kind: 'logged', ...(result.logged[0] as LoggedEntry), ...result.viewer, streak: result.streak };
    },

    async logSession(memberId, sessionId, lines) {
      const skipped: SkippedLine[] = [];
      const known = lines.flatMap((line) => {
        const exercise = byId.get(line.exerciseId);
        if (!exercise) skipped.push({ exerciseId: line.exerciseId, exerciseName: line.exerciseId, reason: 'unknown-exercise' });
        return exercise ? [{ ...line, exercise }] : [];
      });
      const result = await write<SessionOutcome>(memberId, sessionId, [...new Set(known.map((line) => line.exercise.id))], ({ unit }) => {
        const bad: BadLine[] = [];
        const values: { exercise: Exercise; value: SetValues }[] = [];
        known.forEach(({ exercise, text }) => {
          const parsed = parseSetLine(text, unit);
          if (parsed.kind === 'ok') values.push({ exercise, value: parsed.value });
          else if (parsed.kind === 'skipped') skipped.push({ exerciseId: exercise.id, exerciseName: exercise.name, reason: parsed.reason });
          else bad.push({ position: lines.findIndex((line) => line.exerciseId === exercise.id) + 1, exerciseName: exercise.name, text, problems: parsed.kind === 'invalid' ? parsed.problems : [] });
        });
        if (bad.length) return { refused: { kind: 'invalid', lines: bad } };
        if (!values.length) return { refused: { kind: 'empty', skipped } };
        return { values };
      });
      if ('refused' in result) return result.refused;
      return { kind: 'logged', entries: result.logged, skipped, streak: result.streak, ...result.viewer };
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

    async hasLog(memberId) {
      return (await store.read(memberId, [])).head !== undefined;
    },

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
