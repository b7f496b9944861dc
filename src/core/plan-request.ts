/** Turns what a member typed (CLI flags, slash-command options) into a resolved PlanRequest, or a one-line message. */
import { describeFocuses, describeGroups, focusesOf, focusWords, normalise, resolveTarget } from './group-aliases.ts';
import {
  FOCUS_GROUP,
  EQUIPMENT_LEVELS,
  GOALS,
  LEVELS,
  MAX_MINUTES,
  MIN_MINUTES,
  type EquipmentLevel,
  type Goal,
  type Group,
  type Level,
  type PlanRequest,
} from './plan-types.ts';

/** Defaults applied to options left out. */
export const PLAN_DEFAULTS = { goal: 'pump', level: 'intermediate', equipment: 'gym', minutes: 60 } as const satisfies Omit<
  PlanRequest,
  'group'
>;

/** Raw options as typed; every field may be missing. */
export interface PlanRequestInput {
  /** A group or a focus word ("legs", "hammies"). */
  group?: string | undefined;
  /** A focus within the group ("hamstrings"); may stand alone, its group is implied. */
  focus?: string | undefined;
  goal?: string | undefined;
  level?: string | undefined;
  equipment?: string | undefined;
  minutes?: string | number | undefined;
}

/** Echoed input on one short line: control characters become spaces, long text is cut. */
function shown(text: string): string {
  const flat = text.replace(/\p{Cc}+/gu, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** User-facing messages of request resolution (one line each, naming the valid values). */
export const PLAN_REQUEST_MESSAGES = {
  missingGroup: () => `Name a muscle group: ${describeGroups()}.`,
  unknownFocus: (text: string) => `Unknown focus "${shown(text)}". Choose one of: ${describeFocuses()}.`,
  focusOutsideGroup: (focus: string, focusGroup: Group, group: Group) => `${focus} is part of ${focusGroup}, not ${group}. Focuses for ${group}: ${focusesOf(group)}.`,
  unknownGroup: (text: string) => `Unknown muscle group "${shown(text)}". Choose one of: ${describeGroups()}.`,
  badGoal: (text: string) => `Unknown goal "${shown(text)}". Choose one of: ${GOALS.join(', ')}.`,
  badLevel: (text: string) => `Unknown level "${shown(text)}". Choose one of: ${LEVELS.join(', ')}.`,
  badEquipment: (text: string) => `Unknown equipment "${shown(text)}". Choose one of: ${EQUIPMENT_LEVELS.join(', ')}.`,
  badMinutes: (text: string) =>
    `Minutes must be a whole number from ${MIN_MINUTES} to ${MAX_MINUTES}, not "${shown(text)}".`,
} as const;

// Extra words members use; the canonical names are always accepted. Maps, not plain objects: what a member types is
// data, and a plain object would answer "constructor" or "__proto__" from Object.prototype.
const GOAL_ALIASES: ReadonlyMap<string, Goal> = new Map([['growth', 'hypertrophy'], ['size', 'hypertrophy'], ['muscle', 'hypertrophy'], ['strong', 'strength']]);
const LEVEL_ALIASES: ReadonlyMap<string, Level> = new Map([
  ['beginners', 'beginner'],
  ['novice', 'beginner'],
  ['new', 'beginner'],
  ['expert', 'advanced'],
]);
const EQUIPMENT_ALIASES: ReadonlyMap<string, EquipmentLevel> = new Map([
  ['dumbbell', 'dumbbells'],
  ['db', 'dumbbells'],
  ['dbs', 'dumbbells'],
  ['band', 'bands'],
  ['resistance bands', 'bands'],
  ['resistance band', 'bands'],
  ['body weight', 'bodyweight'],
  ['none', 'bodyweight'],
  ['no equipment', 'bodyweight'],
  ['bw', 'bodyweight'],
]);

function resolveChoice<T extends string>(text: string, values: readonly T[], aliases: ReadonlyMap<string, T>): T | undefined {
  const key = normalise(text);
  return values.find((value) => value === key) ?? aliases.get(key);
}

function present(value: string | number | undefined): value is string | number {
  return value !== undefined && String(value).trim() !== '';
}

/** The default when the option was left out, the value it names, or null when it names none. */
function choose<T extends string>(text: string | undefined, values: readonly T[], aliases: ReadonlyMap<string, T>, fallback: T): T | null {
  return present(text) ? (resolveChoice(text, values, aliases) ?? null) : fallback;
}

/** Applies defaults and resolves aliases; bad input yields a one-line message naming the valid values. */
export function resolvePlanRequest(
  input: PlanRequestInput,
): { ok: true; request: PlanRequest } | { ok: false; message: string } {
  let focusTarget: ReturnType<typeof resolveTarget>;
  if (present(input.focus)) {
    focusTarget = resolveTarget(input.focus);
    if (!focusTarget?.focus) return { ok: false, message: PLAN_REQUEST_MESSAGES.unknownFocus(input.focus) };
  }
  if (!present(input.group) && !focusTarget) return { ok: false, message: PLAN_REQUEST_MESSAGES.missingGroup() };
  const target = present(input.group) ? resolveTarget(input.group) : focusTarget;
  if (!target) return { ok: false, message: PLAN_REQUEST_MESSAGES.unknownGroup(input.group ?? '') };
  const { group } = target;
  // An explicit focus wins over one the group word implies ("hamstrings" with focus quads is a quads day).
  const focus = focusTarget?.focus ?? target.focus;
  if (focus && FOCUS_GROUP[focus] !== group) {
    return { ok: false, message: PLAN_REQUEST_MESSAGES.focusOutsideGroup(focusWords(focus), FOCUS_GROUP[focus], group) };
  }

  const goal = choose<Goal>(input.goal, GOALS, GOAL_ALIASES, PLAN_DEFAULTS.goal);
  if (!goal) return { ok: false, message: PLAN_REQUEST_MESSAGES.badGoal(input.goal ?? '') };
  const level = choose<Level>(input.level, LEVELS, LEVEL_ALIASES, PLAN_DEFAULTS.level);
  if (!level) return { ok: false, message: PLAN_REQUEST_MESSAGES.badLevel(input.level ?? '') };
  const equipment = choose<EquipmentLevel>(input.equipment, EQUIPMENT_LEVELS, EQUIPMENT_ALIASES, PLAN_DEFAULTS.equipment);
  if (!equipment) return { ok: false, message: PLAN_REQUEST_MESSAGES.badEquipment(input.equipment ?? '') };
  let minutes: number = PLAN_DEFAULTS.minutes;
  if (present(input.minutes)) {
    const text = String(input.minutes).trim();
    const value = typeof input.minutes === 'number' ? input.minutes : /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(value) || value < MIN_MINUTES || value > MAX_MINUTES) {
      return { ok: false, message: PLAN_REQUEST_MESSAGES.badMinutes(text) };
    }
    minutes = value;
  }
  return { ok: true, request: focus ? { group, focus, goal, level, equipment, minutes } : { group, goal, level, equipment, minutes } };
}
