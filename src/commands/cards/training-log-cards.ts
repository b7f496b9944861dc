/** The training log's replies as cards and text: /log, the workout form, /history and /prs, loads in the member's unit. */
import type { DatedEntry, HistoryPage, LoggedEntry, LogViewer, RecordsView, SessionOutcome } from '../../app/training-log-service.ts';
import { e1rmOf, SAME_LOAD_KG, type RecordKind } from '../../core/records.ts';
import type { Streak } from '../../core/streak.ts';
import type { FieldProblem, SetGroup } from '../../core/training-log.ts';
import { formatWeight, toKg, type WeightUnit } from '../../core/units.ts';
import { historyText, logText, prsText } from '../messages.ts';
import type { Card, CardAction } from './card.ts';

/** Exercises /prs lists in one card (the rest are named by count). @default 20 */
export const MAX_RECORD_EXERCISES = 20;

const LOG_COLOR = 0x3b82f6;
const RECORD_COLOR = 0xf5b301;

/** A load in the member's unit: as logged when the units match, else converted and rounded for display; 0 reads "bodyweight". */
export function loadText(weight: number, loggedIn: WeightUnit, shownIn: WeightUnit): string {
  return weight === 0 ? logText.bodyweight : formatWeight(weight, loggedIn, shownIn);
}

/** "3 × 8 @ 100 kg", in the member's unit. */
export function setText(group: SetGroup, shownIn: WeightUnit): string {
  return logText.set(group.sets, group.reps, loadText(group.weight, group.unit, shownIn));
}

/** The set, plus what was typed when it is shown converted: "3 × 8 @ 102.1 kg (logged as 225 lb)". */
function setWithOriginal(group: SetGroup, shownIn: WeightUnit): string {
  const shown = setText(group, shownIn);
  return group.unit === shownIn || group.weight === 0 ? shown : `${shown}${logText.loggedAs(loadText(group.weight, group.unit, group.unit))}`;
}

/** The streak as one phrase. */
export function streakText(streak: Streak): string {
  return logText.streak(streak.weeks, streak.thisWeek);
}

/** One line per problem, naming the field and what it allows. */
export function problemLines(problems: readonly FieldProblem[]): string[] {
  return problems.map((problem) => {
    if (problem.field === 'exercise') return problem.given ? logText.unknownExercise(problem.given, problem.nearest) : logText.missingExercise;
    if (problem.field === 'note') return logText.noteTooLong(problem.given ?? '');
    return logText.problem(problem.field, logText.allowed[problem.field], problem.given);
  });
}

/** The error reply of a /log that stored nothing. */
export function logProblemsText(problems: readonly FieldProblem[]): string {
  return [logText.nothingLogged, ...problemLines(problems), logText.tryAgain].join('\n');
}

/** What the records an entry broke were and are now, one line each. */
function recordLines(logged: LoggedEntry, unit: WeightUnit): string[] {
  const { entry, before } = logged;
  const load = (weight: number, from: WeightUnit) => loadText(weight, from, unit);
  return logged.broken.flatMap((kind: RecordKind) => {
    if (kind === 'weight' && before?.bestWeight) return [logText.records.weight(load(entry.weight, entry.unit), load(before.bestWeight.weight, before.bestWeight.unit))];
    if (kind === 'e1rm' && before?.bestE1rm) {
      return [logText.records.e1rm(load(e1rmOf(entry), entry.unit), load(e1rmOf(before.bestE1rm), before.bestE1rm.unit))];
    }
    if (kind === 'reps' && before) {
      const kg = toKg(entry.weight, entry.unit);
      const was = Math.max(0, ...before.repRecords.filter((r) => toKg(r.weight, r.unit) >= kg - SAME_LOAD_KG).map((r) => r.reps));
      return [logText.records.reps(entry.reps, load(entry.weight, entry.unit), was)];
    }
    return [];
  });
}

/** The /log confirmation: the entry, any record it set (or that it is the baseline), the streak. */
export function logCard(logged: LoggedEntry & LogViewer & { streak: Streak }): Card {
  const { entry } = logged;
  const description = [`${setWithOriginal(entry, logged.unit)}${entry.rpe === undefined ? '' : logText.rpeSuffix(entry.rpe)}`];
  if (entry.note) description.push(logText.noteLine(entry.note));
  const records = recordLines(logged, logged.unit);
  const fields = records.length ? [{ name: logText.recordTitle, value: records.join('\n') }] : [];
  if (logged.first) description.push(logText.baseline(entry.exerciseName));
  return {
    title: logText.loggedTitle(entry.exerciseName),
    description: description.join('\n'),
    fields,
    footer: logText.footer(streakText(logged.streak)),
    color: records.length ? RECORD_COLOR : LOG_COLOR,
  };
}

/** The reply to a submitted workout form: the logged lines with their records, the skipped ones, the streak. */
export function sessionCard(outcome: Extract<SessionOutcome, { kind: 'logged' }>, notInForm: readonly string[]): Card {
  const lines = outcome.entries.map((logged) => {
    const kinds = logged.broken.map((kind) => logText.recordNames[kind] ?? kind).join(', ');
    return logText.sessionLine(logged.entry.exerciseName, setText(logged.entry, outcome.unit), kinds ? logText.sessionRecord(kinds) : '');
  });
  const skipped = [
    ...outcome.skipped.map((s) => logText.skippedLine(s.exerciseName, logText.skipped[s.reason] ?? s.reason)),
    ...notInForm.map((name) => logText.notInForm(name)),
  ];
  const broke = outcome.entries.some((e) => e.broken.length > 0);
  return {
    title: logText.sessionTitle(outcome.entries.length),
    description: lines.join('\n'),
    fields: skipped.length ? [{ name: logText.skippedName, value: skipped.join('\n') }] : [],
    footer: logText.footer(streakText(outcome.streak)),
    color: broke ? RECORD_COLOR : LOG_COLOR,
  };
}

/** The error reply of a form that stored nothing: each bad line with what is wrong with it. */
export function formProblemsText(outcome: Extract<SessionOutcome, { kind: 'invalid' }>): string {
  const lines = outcome.lines.flatMap((line) => [
    logText.formBadLine(line.position, line.exerciseName, line.text),
    ...(line.problems.length ? problemLines(line.problems).map((p) => `  ${p}`) : [logText.formShape]),
  ]);
  return [logText.formBadTitle, ...lines].join('\n');
}

/** One /history line: local date, exercise, set, RPE and note. */
function historyLine(entry: DatedEntry, unit: WeightUnit): string {
  return historyText.line(entry.localDate, entry.exerciseName, setWithOriginal(entry, unit), entry.rpe === undefined ? '' : logText.rpeSuffix(entry.rpe), entry.note ?? '');
}

/** A /history page as a card; the transport renders `actions` as the paging buttons. */
export function historyCard(page: HistoryPage, title: string, actions: CardAction[]): Card {
  return {
    title,
    description: page.entries.map((entry) => historyLine(entry, page.unit)).join('\n'),
    fields: [],
    footer: historyText.footer(page.page + 1, page.total, streakText(page.streak), page.timezone),
    color: LOG_COLOR,
    ...(actions.length ? { actions } : {}),
  };
}

/** /prs as a card: per exercise its heaviest load, best estimated 1RM and rep records, most recently logged first. */
export function recordsCard(view: RecordsView, dateOf: (at: string) => string): Card {
  const { unit } = view;
  const shown = view.exercises.slice(0, MAX_RECORD_EXERCISES);
  const fields = shown.map(({ name, count, records }) => {
    const lines: string[] = [];
    const heaviest = records.bestWeight;
    if (heaviest) lines.push(prsText.heaviest(loadText(heaviest.weight, heaviest.unit, unit), heaviest.reps, dateOf(heaviest.at)));
    const best = records.bestE1rm;
    if (best) lines.push(prsText.e1rm(loadText(e1rmOf(best), best.unit, unit), loadText(best.weight, best.unit, unit), best.reps));
    lines.push(prsText.repRecords(records.repRecords.map((r) => prsText.repRecord(r.reps, loadText(r.weight, r.unit, unit))).join(' · ')));
    return { name: prsText.exerciseName(name, count), value: lines.join('\n') };
  });
  const more = view.exercises.length - shown.length;
  return {
    title: prsText.title,
    description: [prsText.intro, ...(more > 0 ? [prsText.more(more)] : [])].join('\n'),
    fields,
    color: RECORD_COLOR,
  };
}
