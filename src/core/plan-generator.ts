/**
 * The workout generator: pure and deterministic. The same request, date, seed and knowledge give the same plan,
 * byte for byte. Every number comes from knowledge/training-rules.yaml, which cites the library.
 */
import { LOCAL_DATE_PATTERN, dayNumber as calendarDayNumber, isLocalDate } from './daily-rotation.ts';
import { fitsEquipment, mainMuscle, type Exercise } from './exercise.ts';
import type { Plan, PlanActivity, PlanExercise, PlanRequest, Technique } from './plan-types.ts';
import type { ActivityBlock, PlanKnowledge, SessionSlot, TechniqueRule, TrainingRules } from './training-rules.ts';

export type { PlanKnowledge } from './training-rules.ts';

/** The date and seed a plan is built for; the caller reads the clock, never the generator. */
export interface PlanContext {
  /** YYYY-MM-DD. */
  date: string;
  seed: number;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date (pure arithmetic, no clock). Throws on a malformed date. */
export function dayNumber(date: string): number {
  const days = calendarDayNumber(date);
  if (days !== undefined) return days;
  throw new RangeError(LOCAL_DATE_PATTERN.test(date) ? `"${date}" is not a calendar date` : `date must be YYYY-MM-DD, got "${date}"`);
}

/** True when `date` is a real YYYY-MM-DD calendar date. */
export const isIsoDate: (date: string) => boolean = isLocalDate;

function mod(value: number, n: number): number {
  return ((value % n) + n) % n;
}

function dedupe(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The items an equipment level may use (`'any'` for a gym). */
export function allowedItems(rules: TrainingRules, equipment: PlanRequest['equipment']): readonly string[] | 'any' {
  return rules.equipmentLevels[equipment].items;
}

function matchesSlot(exercise: Exercise, slot: SessionSlot): boolean {
  if (!exercise.pattern || !slot.patterns.includes(exercise.pattern)) return false;
  if (slot.mechanics && exercise.mechanics !== slot.mechanics) return false;
  if (slot.muscle && mainMuscle(exercise) !== slot.muscle) return false;
  if (slot.unilateral !== undefined && exercise.unilateral !== slot.unilateral) return false;
  return true;
}

/** Working exercises of a group that fit the request's equipment, in catalogue order. */
export function candidatesFor(request: PlanRequest, knowledge: PlanKnowledge): Exercise[] {
  const slots = knowledge.rules.groups[request.group].slots;
  const allowed = allowedItems(knowledge.rules, request.equipment);
  return knowledge.exercises.filter(
    (e) => e.role !== 'warm-up' && fitsEquipment(e, allowed) && slots.some((slot) => matchesSlot(e, slot)),
  );
}

/**
 * Narrows a slot's pool: home substitutes that do not use the level's own kit give way to the sources' exercises
 * (a gym plan uses gym kit), then, for the pump goal, pump-suited ones win; each step falls back to the wider pool
 * when it would leave nothing.
 */
function preferred(pool: Exercise[], request: PlanRequest, rules: TrainingRules): Exercise[] {
  const prefer = rules.equipmentLevels[request.equipment].prefer;
  const kit: readonly string[] | 'all' = prefer;
  const withKit = kit === 'all' ? pool : pool.filter((e) => !e.substitute || e.equipment.some((item) => kit.includes(item)));
  const narrowed = withKit.length ? withKit : pool;
  if (request.goal !== 'pump') return narrowed;
  const pumpy = narrowed.filter((e) => e.pump);
  return pumpy.length ? pumpy : narrowed;
}

/** Leading words that name a tool or a side, not a movement ("Dumbbell Romanian deadlift" is a Romanian deadlift). */
const VARIANT_PREFIX = /^(?:(?:barbell|dumbbell|banded|band|cable|machine|bodyweight|kettlebell|single-leg|single-arm|one-arm|one-leg)\s+)+/;

/** The movement a name describes, without its tool or side words. */
function movementName(name: string): string {
  return name.toLowerCase().replace(VARIANT_PREFIX, '').trim();
}

/**
 * Whether two exercises are versions of one movement: same pattern, and one's movement name (of at least two words,
 * so "row" alone does not make every row a variant) is contained in the other's. A session with a Romanian deadlift
 * and a single-leg Romanian deadlift repeats itself.
 */
export function isVariant(a: Pick<Exercise, 'name' | 'pattern'>, b: Pick<Exercise, 'name' | 'pattern'>): boolean {
  if (a.pattern !== b.pattern) return false;
  const [x, y] = [movementName(a.name), movementName(b.name)];
  const shorter = x.length <= y.length ? x : y;
  const longer = shorter === x ? y : x;
  return shorter.split(/\s+/).length >= 2 && longer.includes(shorter);
}

/** A pool without versions of movements already chosen, or the whole pool when that would leave nothing. */
function freshMovements(pool: Exercise[], chosen: readonly Exercise[]): Exercise[] {
  const fresh = pool.filter((e) => !chosen.some((c) => isVariant(c, e)));
  return fresh.length ? fresh : pool;
}

/** Picks exercises slot by slot, rotated by day and seed, then orders compound before isolation. */
function chooseExercises(request: PlanRequest, knowledge: PlanKnowledge, rotation: number): Exercise[] {
  const { rules } = knowledge;
  const candidates = candidatesFor(request, knowledge);
  const chosen: Exercise[] = [];
  rules.groups[request.group].slots.forEach((slot, i) => {
    if (chosen.length >= rules.exerciseCount.max) return;
    const pool = preferred(
      freshMovements(
        candidates.filter((e) => matchesSlot(e, slot) && !chosen.includes(e)),
        chosen,
      ),
      request,
      rules,
    );
    const pick = pool[mod(rotation + i, pool.length || 1)];
    if (pick) chosen.push(pick);
  });
  // Slots with nothing at this equipment level: fill from the group's other candidates so the session stays full.
  const rest = preferred(
    candidates.filter((e) => !chosen.includes(e)),
    request,
    rules,
  );
  for (let k = 0; chosen.length < rules.exerciseCount.fullSession && k < rest.length; k++) {
    const pick = rest[mod(rotation + k, rest.length)];
    if (pick && !chosen.includes(pick) && !chosen.some((c) => isVariant(c, pick))) chosen.push(pick);
  }
  // Stable sort: compound before isolation, slot order kept within each.
  return [...chosen.filter((e) => e.mechanics === 'compound'), ...chosen.filter((e) => e.mechanics === 'isolation')];
}

/** Whether a technique may be applied to an exercise. */
export function techniqueApplies(rule: TechniqueRule, exercise: Pick<Exercise, 'mechanics' | 'equipment'>): boolean {
  if (!rule.mechanics.includes(exercise.mechanics)) return false;
  const avoid: readonly string[] = rule.avoid;
  const needs: readonly string[] | undefined = rule.needsAnyOf;
  if (exercise.equipment.some((item) => avoid.includes(item))) return false;
  if (needs && !exercise.equipment.some((item) => needs.includes(item))) return false;
  return true;
}

/** The technique note shown to members, with the superset partner named. */
export function techniqueNote(rule: TechniqueRule, partnerName: string | null): string {
  return rule.note.replace('{partner}', partnerName ?? 'the next exercise');
}

interface Assigned {
  technique: Technique | null;
  partner: number | null;
}

/** How many techniques the request allows (0 for beginners and for goals outside the technique goals). */
export function techniqueCap(request: PlanRequest, rules: TrainingRules): number {
  return rules.techniques.goals.includes(request.goal) ? rules.techniques.capByLevel[request.level] : 0;
}

/** Places at most `cap` distinct techniques, each where it applies; a superset takes two adjacent exercises. */
function assignTechniques(list: Exercise[], request: PlanRequest, rules: TrainingRules, rotation: number): Assigned[] {
  const assigned: Assigned[] = list.map(() => ({ technique: null, partner: null }));
  const cap = techniqueCap(request, rules);
  const options = rules.techniques.byGroup[request.group];
  let used = 0;
  for (let k = 0; k < options.length && used < cap; k++) {
    const technique = options[mod(rotation + k, options.length)] as Technique;
    const rule = rules.techniques.definitions[technique];
    const free = (i: number) => assigned[i]?.technique === null && techniqueApplies(rule, list[i] as Exercise);
    if (technique === 'superset') {
      for (let j = list.length - 2; j >= 0; j--) {
        // Partners train the area two different ways (extension + curl, pulldown + straight-arm), never twice alike.
        if (free(j) && free(j + 1) && list[j]?.pattern !== list[j + 1]?.pattern) {
          assigned[j] = { technique, partner: j + 1 };
          assigned[j + 1] = { technique, partner: j };
          used++;
          break;
        }
      }
    } else {
      for (let j = list.length - 1; j >= 0; j--) {
        if (free(j)) {
          assigned[j] = { technique, partner: null };
          used++;
          break;
        }
      }
    }
  }
  return assigned;
}

/**
 * Seconds one exercise takes: sets × (work + rest) plus what its technique adds. Work = mean reps × tempo, ×2 per
 * side. A superset's skipped in-between rest is still counted, so its estimate errs long, never short.
 */
export function exerciseSeconds(exercise: Pick<PlanExercise, 'sets' | 'reps' | 'perSide' | 'restSeconds' | 'technique'>, rules: TrainingRules): number {
  const meanReps = (exercise.reps.min + exercise.reps.max) / 2;
  const work = meanReps * rules.tempo.secondsPerRep * (exercise.perSide ? 2 : 1);
  const extra = exercise.technique ? rules.techniques.definitions[exercise.technique].extraSeconds : 0;
  return exercise.sets * (work + exercise.restSeconds) + extra;
}

/** The plan's estimated minutes: Σ exercise seconds + warm-up + cool-down, rounded up to whole minutes. */
export function estimateMinutes(
  exercises: readonly Pick<PlanExercise, 'sets' | 'reps' | 'perSide' | 'restSeconds' | 'technique'>[],
  warmup: readonly PlanActivity[],
  cooldown: readonly PlanActivity[],
  rules: TrainingRules,
): number {
  const seconds =
    exercises.reduce((sum, e) => sum + exerciseSeconds(e, rules), 0) +
    [...warmup, ...cooldown].reduce((sum, a) => sum + a.minutes * 60, 0);
  // Guard against float noise (e.g. 12.5 reps × 3 s) before rounding up.
  return Math.ceil(Math.round(seconds * 1000) / 1000 / 60);
}

const docOf = (id: string) => id.slice(0, id.indexOf('#'));

/**
 * A general rule cites every document that states it; a plan cites the ones from its own group's documents
 * (those its group's slots cite), or all of them when none is.
 */
function forGroup(ids: readonly string[], request: PlanRequest, rules: TrainingRules): string[] {
  const home = new Set(rules.groups[request.group].sources.map(docOf));
  const own = ids.filter((id) => home.has(docOf(id)));
  return own.length ? own : [...ids];
}

/** Sources of one plan exercise: the exercise's own, the dose rules, and its technique's. */
export function exerciseSources(
  exercise: Pick<Exercise, 'sources'>,
  request: PlanRequest,
  technique: Technique | null,
  rules: TrainingRules,
): string[] {
  return dedupe([
    ...exercise.sources,
    ...rules.prescriptions[request.goal][request.group].sources,
    ...rules.sets.sources,
    ...(technique ? forGroup(rules.techniques.definitions[technique].sources, request, rules) : []),
  ]);
}

/** Every source a plan relies on, deduplicated in first-use order. */
export function planSources(
  request: PlanRequest,
  parts: { warmup: readonly PlanActivity[]; exercises: readonly PlanExercise[]; cooldown: readonly PlanActivity[] },
  rules: TrainingRules,
): string[] {
  return dedupe([
    ...parts.warmup.flatMap((a) => a.sources),
    ...rules.groups[request.group].sources,
    ...forGroup(rules.order.sources, request, rules),
    ...(request.goal === 'pump' ? forGroup(rules.pumpPreference.sources, request, rules) : []),
    ...parts.exercises.flatMap((e) => e.sources),
    ...forGroup(rules.tempo.sources, request, rules),
    ...parts.cooldown.flatMap((a) => a.sources),
  ]);
}

/** Splits `minutes` over a block's items by weight (each item at least a minute while minutes last). */
function activities(block: ActivityBlock, minutes: number, allowed: readonly string[] | 'any'): PlanActivity[] {
  const items = block.items;
  const counts = items.map(() => 0);
  let left = minutes;
  for (let i = 0; i < items.length && left > 0; i++, left--) counts[i] = 1;
  if (left > 0) {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    const shares = items.map((item) => (left * item.weight) / total);
    const floors = shares.map(Math.floor);
    floors.forEach((f, i) => (counts[i] = (counts[i] ?? 0) + f));
    let remainder = left - floors.reduce((a, b) => a + b, 0);
    // Largest fractional part first; ties go to the earlier item.
    const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) {
      if (remainder <= 0) break;
      counts[i] = (counts[i] ?? 0) + 1;
      remainder--;
    }
  }
  return items
    .map((item, i) => ({
      name: !item.equipment || fitsEquipment({ equipment: item.equipment }, allowed) ? item.name : (item.fallback ?? item.name),
      minutes: counts[i] ?? 0,
      sources: [...block.sources],
    }))
    .filter((a) => a.minutes > 0);
}

type BlockMode = 'scaled' | 'documented' | 'short';
type SetsMode = 'level' | 'floor' | 'minimum';

/** Warm-up or cool-down minutes for a budget: scaled within the documented range, or cut for short sessions. */
export function blockMinutes(block: ActivityBlock, minutes: number, mode: BlockMode, floor: number, rules: TrainingRules): number {
  const [low, high] = block.minutes;
  if (mode === 'short') return Math.min(low, floor);
  if (mode === 'documented') return low;
  const { fromMinutes, toMinutes } = rules.scaling;
  const t = Math.min(1, Math.max(0, (minutes - fromMinutes) / Math.max(1, toMinutes - fromMinutes)));
  return low + Math.round((high - low) * t);
}

interface Dosed {
  exercise: Exercise;
  sets: number;
  reps: { min: number; max: number };
  perSide: boolean;
  restSeconds: number;
  technique: Technique | null;
  partnerName: string | null;
}

/** Doses one candidate list: sets, reps, rest and techniques (cheap; the search tries many of these). */
function doseExercises(list: Exercise[], request: PlanRequest, rules: TrainingRules, rotation: number, setsMode: SetsMode): Dosed[] {
  const assigned = assignTechniques(list, request, rules, rotation);
  const dose = rules.prescriptions[request.goal][request.group];
  const levelSets = rules.sets.byLevel[request.level];
  const setsFor = (exercise: Exercise) =>
    setsMode === 'minimum' ? rules.sets.min : setsMode === 'floor' ? Math.min(levelSets.floor, levelSets[exercise.mechanics]) : levelSets[exercise.mechanics];
  return list.map((exercise, i) => {
    const { technique, partner } = assigned[i] ?? { technique: null, partner: null };
    const prescription = dose[exercise.mechanics];
    const partnerExercise = partner === null ? undefined : list[partner];
    return {
      exercise,
      // Superset partners are done back to back, so they share a set count (the smaller one).
      sets: partnerExercise ? Math.min(setsFor(exercise), setsFor(partnerExercise)) : setsFor(exercise),
      reps: { min: prescription.reps[0], max: prescription.reps[1] },
      perSide: exercise.unilateral,
      restSeconds: prescription.restSeconds,
      technique,
      partnerName: partnerExercise?.name ?? null,
    };
  });
}

/** The plan's view of a dosed exercise, with cues and sources. */
function toPlanExercise(dosed: Dosed, request: PlanRequest, rules: TrainingRules): PlanExercise {
  const { exercise, technique } = dosed;
  return {
    id: exercise.id,
    name: exercise.name,
    equipment: [...exercise.equipment],
    sets: dosed.sets,
    reps: { ...dosed.reps },
    perSide: dosed.perSide,
    restSeconds: dosed.restSeconds,
    technique,
    techniqueNote: technique ? techniqueNote(rules.techniques.definitions[technique], dosed.partnerName) : null,
    cues: [...exercise.cues],
    sources: exerciseSources(exercise, request, technique, rules),
  };
}

/**
 * Generates a session. Exercises are chosen slot by slot (rotated by the date's day number plus the seed), ordered
 * compound before isolation and dosed per goal, group and level. They are then fitted to the budget greedily in that
 * order (one that does not fit is dropped, never squeezed); warm-up and cool-down scale within their documented
 * ranges and fall to the short-session floors only when not even one exercise would fit.
 */
export function generatePlan(request: PlanRequest, ctx: PlanContext, knowledge: PlanKnowledge): Plan {
  const { rules } = knowledge;
  if (!Number.isFinite(ctx.seed)) throw new RangeError(`seed must be a finite number, got ${ctx.seed}`);
  const rotation = dayNumber(ctx.date) + Math.trunc(ctx.seed);
  const allowed = allowedItems(rules, request.equipment);
  const chosen = chooseExercises(request, knowledge, rotation);
  const warmBlock = rules.warmup[request.group];
  const coolBlock = rules.cooldown[request.group];

  const floors = rules.shortSession;
  const estimate = (list: Exercise[], blockMinutesTotal: number, setsMode: SetsMode) => {
    const dosed = doseExercises(list, request, rules, rotation, setsMode);
    // Same formula as estimateMinutes (activities always add up to their block's minutes).
    return { dosed, estimatedMinutes: estimateMinutes(dosed, [{ name: '', minutes: blockMinutesTotal, sources: [] }], [], rules) };
  };
  // Greedy in plan order (compounds first): keep each exercise that still fits, skip one that does not, so a
  // short budget drops exercises rather than cramming them, and keeps the foundation lifts first.
  const fit = (blockMode: BlockMode, setsMode: SetsMode) => {
    const warmMinutes = blockMinutes(warmBlock, request.minutes, blockMode, floors.warmupFloorMinutes, rules);
    const coolMinutes = blockMinutes(coolBlock, request.minutes, blockMode, floors.cooldownFloorMinutes, rules);
    let kept: Exercise[] = [];
    let result = estimate(kept, warmMinutes + coolMinutes, setsMode);
    for (const exercise of chosen) {
      const trial = chosen.filter((e) => e === exercise || kept.includes(e));
      const trialResult = estimate(trial, warmMinutes + coolMinutes, setsMode);
      if (trialResult.estimatedMinutes <= request.minutes) {
        kept = trial;
        result = trialResult;
      }
    }
    return { warmMinutes, coolMinutes, ...result };
  };

  // Within one warm-up length, fewer sets (the level's floor; the global minimum only in a short session) are used
  // only when they let in a compound, more exercises, or the main lift: a session with a compound beats one
  // without, then more exercises win, then keeping the main lift wins.
  const rank = (c: ReturnType<typeof fit>) =>
    (c.dosed.some((d) => d.exercise.mechanics === 'compound') ? 100 : 0) + c.dosed.length * 2 + (c.dosed[0]?.exercise === chosen[0] ? 1 : 0);
  let best: ReturnType<typeof fit> | undefined;
  for (const blockMode of ['scaled', 'documented', 'short'] as const) {
    const setsModes: SetsMode[] = blockMode === 'short' ? ['level', 'floor', 'minimum'] : ['level', 'floor'];
    for (const setsMode of setsModes) {
      const candidate = fit(blockMode, setsMode);
      if (candidate.dosed.length > 0 && (!best || rank(candidate) > rank(best))) best = candidate;
    }
    if (best) break;
  }
  // Unreachable with the shipped rules (the tests prove every budget from 15 minutes holds one exercise);
  // the last resort keeps the function total.
  best ??= fit('short', 'minimum');

  const warmup = activities(warmBlock, best.warmMinutes, allowed);
  const cooldown = activities(coolBlock, best.coolMinutes, allowed);
  const exercises = best.dosed.map((d) => toPlanExercise(d, request, rules));
  const parts = { warmup, exercises, cooldown };
  return {
    group: request.group,
    goal: request.goal,
    level: request.level,
    equipment: request.equipment,
    minutes: request.minutes,
    date: ctx.date,
    seed: ctx.seed,
    estimatedMinutes: best.estimatedMinutes,
    warmup: parts.warmup,
    exercises: parts.exercises,
    cooldown: parts.cooldown,
    sources: planSources(request, parts, rules),
  };
}
