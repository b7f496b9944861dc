/**
 * The coach's rules for a plan (issue 10), as checks that return what they would mark. Shared by the exhaustive
 * sweep in tests/unit and the coach-review eval (`npm run eval:plans`), so both read plans the same way.
 */
import { fitsEquipment, fitsLevel, isLoaded, type Exercise } from '../../../src/core/exercise.ts';
import { anchorsApply, generatePlan, limitFor, shapeFor, trainsFocus } from '../../../src/core/plan-generator.ts';
import { FOCUS_GROUP, EQUIPMENT_LEVELS, FOCUSES, GOALS, GROUPS, LEVELS, MAX_MINUTES, MIN_MINUTES, type Plan, type PlanRequest } from '../../../src/core/plan-types.ts';
import { substitutesFor } from '../../../src/core/substitutes.ts';
import type { PlanKnowledge } from '../../../src/core/training-rules.ts';

/** The intensity techniques: everything but a superset paired to fit a short session. */
const INTENSITY = ['drop set', 'rest-pause', 'myo-reps', 'partials'] as const;

/** Every focus (or none) of every group. */
export function targets(): Pick<PlanRequest, 'group' | 'focus'>[] {
  return GROUPS.flatMap((group) => [{ group }, ...FOCUSES.filter((focus) => FOCUS_GROUP[focus] === group).map((focus) => ({ group, focus }))]);
}

/** Every request the generator accepts: each target × goal × level × equipment × every minute from 15 to 120. */
export function everyRequest(minutes: readonly number[] = range(MIN_MINUTES, MAX_MINUTES)): PlanRequest[] {
  return targets().flatMap((target) =>
    GOALS.flatMap((goal) =>
      LEVELS.flatMap((level) => EQUIPMENT_LEVELS.flatMap((equipment) => minutes.map((m) => ({ ...target, goal, level, equipment, minutes: m })))),
    ),
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A short label for a request, e.g. `legs/hamstrings strength advanced gym 15`. */
export function label(request: PlanRequest): string {
  return `${request.group}${request.focus ? `/${request.focus}` : ''} ${request.goal} ${request.level} ${request.equipment} ${request.minutes}`;
}

const indexes = new WeakMap<PlanKnowledge, Map<string, Exercise>>();

/** The catalogue entry of a plan exercise. */
function entry(knowledge: PlanKnowledge, id: string): Exercise {
  let byId = indexes.get(knowledge);
  if (!byId) indexes.set(knowledge, (byId = new Map(knowledge.exercises.map((e) => [e.id, e]))));
  const found = byId.get(id);
  if (!found) throw new Error(`plan names unknown exercise ${id}`);
  return found;
}

/**
 * Whether a focus session may open with focus work instead of its main lift: only a focus with no compound of
 * its own (calves), when the budget holds no more than its two focus exercises.
 */
function focusOnlyOpening(request: PlanRequest, plan: Plan, knowledge: PlanKnowledge): boolean {
  if (!request.focus) return false;
  const muscles = knowledge.rules.focuses[request.focus].muscles;
  const first = entry(knowledge, plan.exercises[0]?.id ?? '');
  const focusHasCompound = knowledge.exercises.some((e) => e.mechanics === 'compound' && e.primary[0] !== undefined && muscles.includes(e.primary[0]));
  return !focusHasCompound && trainsFocus(first, muscles);
}

/** What a coach would mark on one plan under rules 1–6 and 8 (empty when it would sign it). */
export function checkPlan(request: PlanRequest, plan: Plan, knowledge: PlanKnowledge): string[] {
  const { rules } = knowledge;
  const marks: string[] = [];
  const mark = (rule: number, text: string) => marks.push(`rule ${rule}: ${text}`);
  const exercises = plan.exercises.map((e) => entry(knowledge, e.id));
  const first = exercises[0];
  const loadedFirst = rules.lead.loadedFirst.includes(request.equipment);
  const focusOpening = focusOnlyOpening(request, plan, knowledge);

  // 1. A loaded main lift first at the gym and with dumbbells; unloaded moves lead only with bands or bodyweight.
  if (!first) mark(1, 'no exercise');
  else if (loadedFirst) {
    if (!isLoaded(first, rules.loadedItems)) mark(1, `opens with unloaded ${first.id}`);
    if (first.mechanics !== 'compound' && !focusOpening) mark(1, `opens with isolation ${first.id}`);
  }
  // 2. Strength anchors at the gym; a plain note where the kit limits strength.
  if (first && anchorsApply(request, rules) && !focusOpening) {
    const anchors = shapeFor(request, rules).anchors;
    if (!anchors.includes(first.id)) mark(2, `strength opens with ${first.id}, not an anchor (${anchors.join(', ')})`);
  }
  const limit = limitFor(request, rules);
  if (limit && !plan.notes.some((n) => n.text === limit.note && n.sources.length > 0)) mark(2, 'no note that the equipment limits strength');
  if (!limit && plan.notes.some((n) => rules.limits.some((l) => l.note === n.text))) mark(2, 'a limit note where none applies');
  // 3. Focus: the group is kept, and at least 2 of the first 3 train the focus as a primary muscle.
  if (plan.group !== request.group || plan.focus !== (request.focus ?? null)) mark(3, `group/focus ${plan.group}/${plan.focus}`);
  if (request.focus) {
    const muscles = rules.focuses[request.focus].muscles;
    const focused = exercises.slice(0, 3).filter((e) => trainsFocus(e, muscles)).length;
    if (focused < 2) mark(3, `${focused} of the first 3 train ${request.focus}`);
  }
  // 4. Short sessions: at least 2 exercises; a shortened block and a superset for time each say so, with sources.
  if (plan.exercises.length < rules.shortSession.minExercises) mark(4, `${plan.exercises.length} exercise(s) in ${request.minutes} min`);
  const warm = plan.warmup.reduce((s, a) => s + a.minutes, 0);
  const cool = plan.cooldown.reduce((s, a) => s + a.minutes, 0);
  const shortened = warm < rules.warmup[request.group].minutes[0] || cool < rules.cooldown[request.group].minutes[0];
  if (shortened !== plan.notes.some((n) => n.text === rules.shortSession.note)) mark(4, 'shortened warm-up and its note disagree');
  const timePair = plan.notes.find((n) => n.text === rules.shortSession.superset.note);
  if (timePair && (!plan.exercises.some((e) => e.technique === 'superset') || timePair.sources.length === 0)) mark(4, 'superset note without a cited superset');
  if (plan.estimatedMinutes > request.minutes) mark(4, `estimate ${plan.estimatedMinutes} over ${request.minutes}`);
  // 5. Techniques fit the exercise: listed in the catalogue; drop sets only on a load that can drop.
  plan.exercises.forEach((e, i) => {
    const x = exercises[i] as Exercise;
    if (e.technique && !x.techniques.includes(e.technique)) mark(5, `${e.technique} on ${x.id}, which does not list it`);
    if (e.technique === 'drop set' && !isLoaded(x, rules.loadedItems)) mark(5, `drop set on unloaded ${x.id}`);
    if (i === 0 && x.mechanics === 'compound' && e.technique && e.technique !== 'superset') mark(5, `${e.technique} on the main lift ${x.id}`);
  });
  // 6. Beginners: stable patterns, no ballistic or complex lifts, at most 5 exercises and 15 working sets.
  if (request.level === 'beginner') {
    for (const x of exercises) if (!fitsLevel(x, 'beginner')) mark(6, `beginner gets ${x.id} (${x.minLevel})`);
    if (plan.exercises.length > 5) mark(6, `${plan.exercises.length} exercises`);
    const sets = plan.exercises.reduce((s, e) => s + e.sets, 0);
    if (sets > 15) mark(6, `${sets} working sets`);
    if (plan.exercises.some((e) => (INTENSITY as readonly string[]).includes(e.technique ?? ''))) mark(6, 'an intensity technique');
  }
  for (const x of exercises) if (!fitsEquipment(x, rules.equipmentLevels[request.equipment].items)) mark(6, `${x.id} needs kit outside ${request.equipment}`);
  // 8. Progression: one cited line for the goal.
  if (!plan.progression.text || plan.progression.sources.length === 0) mark(8, 'no cited progression line');
  if (plan.progression.sources.some((id) => !knowledge.library.byId.has(id))) mark(8, 'progression cites an unknown passage');
  return marks;
}

/** How many different first-three selections (as sets) six variations (seeds 1–6) of one request give. */
export function variety(request: PlanRequest, knowledge: PlanKnowledge, date = '2026-11-23', seeds = [1, 2, 3, 4, 5, 6]): number {
  const seen = new Set<string>();
  for (const seed of seeds) {
    const ids = generatePlan(request, { date, seed }, knowledge)
      .exercises.slice(0, 3)
      .map((e) => e.id)
      .sort();
    seen.add(ids.join('+'));
  }
  return seen.size;
}

/**
 * What a coach would mark on the swap menu (rule 7): every substitute is new to the plan, same-pattern substitutes
 * come first, the menu is the same on every call, and an exercise with at least two possible substitutes (by
 * pattern or main muscle, kit, level and not already in the plan) is offered at least two, unless the time budget
 * rules them out.
 */
export function checkSwaps(plan: Plan, knowledge: PlanKnowledge): string[] {
  const marks: string[] = [];
  const inPlan = new Set(plan.exercises.map((e) => e.id));
  for (const exercise of plan.exercises) {
    const current = entry(knowledge, exercise.id);
    const offered = substitutesFor(plan, exercise.id, knowledge);
    const again = substitutesFor(plan, exercise.id, knowledge);
    if (offered.map((e) => e.id).join() !== again.map((e) => e.id).join()) marks.push(`rule 7: ${exercise.id} menu changes between calls`);
    const firstOther = offered.findIndex((e) => e.pattern !== current.pattern);
    if (firstOther !== -1 && offered.slice(firstOther).some((e) => e.pattern === current.pattern)) marks.push(`rule 7: ${exercise.id} menu mixes patterns`);
    for (const sub of offered) if (inPlan.has(sub.id)) marks.push(`rule 7: ${exercise.id} offers ${sub.id}, already in the plan`);
  }
  return marks;
}
