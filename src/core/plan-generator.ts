/**
 * The workout generator: pure and deterministic. The same request, date, seed and knowledge give the same plan,
 * byte for byte. Every number comes from knowledge/training-rules.yaml, which cites the library.
 *
 * How a session is built: a main lift from the shape's lead slots (loaded at the gym and with dumbbells, the barbell
 * staple for strength), then the focus slots, then the rest of the shape, compound before isolation; each pick is
 * one digit of the rotation (day number + seed) in a mixed radix, so successive seeds walk through the combinations.
 * The list is then fitted to the budget, with a shortened warm-up or a superset only when a session would
 * otherwise hold fewer than `shortSession.minExercises` exercises.
 */
import { dayNumber } from './dates.ts';
import { fitsEquipment, fitsLevel, isLoaded, type Exercise, type Muscle } from './exercise.ts';
import type { Goal, Plan, PlanActivity, PlanExercise, PlanNote, PlanRequest, Technique } from './plan-types.ts';
import { FOCUS_GROUP } from './plan-types.ts';
import type { ActivityBlock, PlanKnowledge, SessionSlot, TechniqueRule, TrainingRules } from './training-rules.ts';

export type { PlanKnowledge } from './training-rules.ts';

/** The date and seed a plan is built for; the caller reads the clock, never the generator. */
export interface PlanContext {
  /** YYYY-MM-DD. */
  date: string;
  seed: number;
}


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

/** What a session is filled from: its slots, the barbell staples strength opens with, and a focus's muscles. */
export interface SessionShape {
  slots: readonly SessionSlot[];
  anchors: readonly string[];
  /** The focus muscles, or null for a whole-group session. */
  muscles: readonly Muscle[] | null;
}

/** The shape of a request: its focus's when it has one, else its group's. */
export function shapeFor(request: Pick<PlanRequest, 'group' | 'focus'>, rules: TrainingRules): SessionShape {
  if (request.focus) {
    const focus = rules.focuses[request.focus];
    return { slots: focus.slots, anchors: focus.anchors, muscles: focus.muscles };
  }
  const group = rules.groups[request.group];
  return { slots: group.slots, anchors: group.anchors, muscles: null };
}

function matchesSlot(exercise: Exercise, slot: SessionSlot): boolean {
  if (!exercise.pattern || !slot.patterns.includes(exercise.pattern)) return false;
  if (slot.mechanics && exercise.mechanics !== slot.mechanics) return false;
  if (slot.muscle && exercise.primary[0] !== slot.muscle) return false;
  if (slot.unilateral !== undefined && exercise.unilateral !== slot.unilateral) return false;
  return true;
}

/** True when some slot of the shape could hold both exercises (the same job in the session). */
export function sharesSlot(a: Exercise, b: Exercise, shape: SessionShape): boolean {
  return shape.slots.some((slot) => matchesSlot(a, slot) && matchesSlot(b, slot));
}

/** True when the exercise trains one of the focus muscles as a primary muscle. */
export function trainsFocus(exercise: Pick<Exercise, 'primary'>, muscles: readonly Muscle[]): boolean {
  return exercise.primary.some((muscle) => muscles.includes(muscle));
}

// Candidates depend only on the knowledge and four request fields, so each list is built once per knowledge object
// (knowledge is never mutated after loading); the generator stays a pure function of its arguments.
const candidateCache = new WeakMap<PlanKnowledge, Map<string, Exercise[]>>();

/** Working exercises of the request's shape that fit its equipment and level, in catalogue order. */
export function candidatesFor(request: Pick<PlanRequest, 'group' | 'focus' | 'equipment' | 'level'>, knowledge: PlanKnowledge): readonly Exercise[] {
  let byKey = candidateCache.get(knowledge);
  if (!byKey) candidateCache.set(knowledge, (byKey = new Map()));
  const key = `${request.focus ?? request.group}|${request.equipment}|${request.level}`;
  let list = byKey.get(key);
  if (!list) {
    const shape = shapeFor(request, knowledge.rules);
    const allowed = allowedItems(knowledge.rules, request.equipment);
    list = knowledge.exercises.filter(
      (e) => e.role !== 'warm-up' && fitsEquipment(e, allowed) && fitsLevel(e, request.level) && shape.slots.some((slot) => matchesSlot(e, slot)),
    );
    byKey.set(key, list);
  }
  return list;
}

/** The limit an equipment level puts on the request's goal (strength with bands), if any. */
export function limitFor(request: Pick<PlanRequest, 'goal' | 'equipment'>, rules: TrainingRules): TrainingRules['limits'][number] | undefined {
  return rules.limits.find((limit) => limit.goal === request.goal && limit.equipment.includes(request.equipment));
}

/** The goal whose reps and rest the session is dosed with: the request's, unless its equipment limits it. */
export function doseGoal(request: Pick<PlanRequest, 'goal' | 'equipment'>, rules: TrainingRules): Goal {
  return limitFor(request, rules)?.doseAs ?? request.goal;
}

/** Keeps the entries that pass `keep`, or the whole pool when none (or all) do: a preference, never an empty pool. */
function prefer(pool: readonly Exercise[], keep: (e: Exercise) => boolean): readonly Exercise[] {
  let kept = 0;
  for (const e of pool) if (keep(e)) kept++;
  return kept === 0 || kept === pool.length ? pool : pool.filter(keep);
}

/** What narrows a slot's pool, in order. */
interface Preferences {
  /** Items a home substitute must use to be chosen over the sources' exercises (`all`: no preference). */
  kit: readonly string[] | 'all';
  /** Gym and dumbbells: among substitutes, loaded ones first. */
  loadedFirst: boolean;
  /** A full gym (anything in the catalogue fits). */
  gym: boolean;
  loadedItems: readonly string[];
  pump: boolean;
  /** Strength: heavy-work exercises first (no swings or band walks at 6–10 reps). */
  strength: boolean;
  unilateral: boolean;
}

function preferencesFor(request: PlanRequest, rules: TrainingRules): Preferences {
  return {
    kit: rules.equipmentLevels[request.equipment].prefer,
    loadedFirst: rules.lead.loadedFirst.includes(request.equipment),
    gym: rules.equipmentLevels[request.equipment].items === 'any',
    loadedItems: rules.loadedItems,
    pump: request.goal === 'pump',
    strength: doseGoal(request, rules) === 'strength',
    unilateral: limitFor(request, rules)?.preferUnilateral ?? false,
  };
}

/**
 * Narrows a pool: home substitutes that do not use the level's own kit give way to the sources' exercises (where
 * only substitutes are left at the gym, loaded ones first); then one-sided versions where the equipment limits the
 * goal (the hardest the kit allows); then pump-suited ones for the pump goal, heavy-work ones for strength. Each
 * step keeps the wider pool when it would leave nothing.
 */
function preferred(pool: readonly Exercise[], prefs: Preferences): readonly Exercise[] {
  const { kit } = prefs;
  let narrowed = pool;
  if (kit !== 'all') {
    const ownKit = (e: Exercise) => !e.substitute || e.equipment.some((item) => kit.includes(item));
    narrowed = narrowed.some(ownKit) ? prefer(narrowed, ownKit) : prefs.loadedFirst ? prefer(narrowed, (e) => isLoaded(e, prefs.loadedItems)) : narrowed;
  }
  if (prefs.unilateral) narrowed = prefer(narrowed, (e) => e.unilateral);
  if (prefs.pump) narrowed = prefer(narrowed, (e) => e.pump);
  // Heavy compounds are bilateral where the slot allows: a 6–10-rep set per side doubles the time for less load.
  if (prefs.strength) narrowed = prefer(prefer(narrowed, (e) => e.strength !== false), (e) => e.mechanics === 'isolation' || !e.unilateral);
  return narrowed;
}

/** Leading words that name a tool or a side, not a movement ("Dumbbell Romanian deadlift" is a Romanian deadlift). */
const VARIANT_PREFIX = /^(?:(?:barbell|dumbbell|banded|band|cable|machine|bodyweight|kettlebell|single-leg|single-arm|one-arm|one-leg)\s+)+/;

/** The movement a name describes, without its tool or side words, and how many words it has (cached by name). */
const movements = new Map<string, { movement: string; words: number }>();

function movementOf(name: string): { movement: string; words: number } {
  let found = movements.get(name);
  if (!found) {
    const movement = name.toLowerCase().replace(VARIANT_PREFIX, '').trim();
    movements.set(name, (found = { movement, words: movement.split(/\s+/).length }));
  }
  return found;
}

/**
 * Whether two exercises are versions of one movement: same pattern, and the same catalogue `movement`, or one's
 * movement name (of at least two words, so "row" alone does not make every row a variant) contained in the other's.
 * A session with a Romanian deadlift and a single-leg Romanian deadlift repeats itself.
 */
export function isVariant(a: Pick<Exercise, 'name' | 'pattern' | 'movement'>, b: Pick<Exercise, 'name' | 'pattern' | 'movement'>): boolean {
  if (a.pattern !== b.pattern) return false;
  if (a.movement !== undefined && a.movement === b.movement) return true;
  const x = movementOf(a.name);
  const y = movementOf(b.name);
  const [shorter, longer] = x.movement.length <= y.movement.length ? [x, y] : [y, x];
  return shorter.words >= 2 && longer.movement.includes(shorter.movement);
}

/** True when the request opens with its shape's anchors (strength at the gym from intermediate up). */
export function anchorsApply(request: Pick<PlanRequest, 'goal' | 'equipment' | 'level'>, rules: TrainingRules): boolean {
  const when = rules.lead.anchorsFor;
  return when.goals.includes(request.goal) && when.equipment.includes(request.equipment) && when.levels.includes(request.level);
}

/**
 * The pool the main lift is picked from. Gym and dumbbells: loaded main lifts of a lead slot (of any slot if no lead
 * slot has one), the anchors first where they apply; bands and bodyweight: any compound of a lead slot. A focus
 * prefers lifts that train it.
 */
function leadPool(request: PlanRequest, shape: SessionShape, candidates: readonly Exercise[], rules: TrainingRules, prefs: Preferences): readonly Exercise[] {
  const inLead = (e: Exercise) => shape.slots.some((slot) => slot.lead && matchesSlot(e, slot));
  const muscles = shape.muscles;
  const focused = (pool: readonly Exercise[]) => (muscles ? prefer(pool, (e) => trainsFocus(e, muscles)) : pool);
  if (prefs.loadedFirst) {
    const loadedMain = (e: Exercise) => e.mainLift === true && e.mechanics === 'compound' && isLoaded(e, rules.loadedItems);
    let pool = candidates.filter((e) => loadedMain(e) && inLead(e));
    if (pool.length === 0) pool = candidates.filter(loadedMain);
    if (pool.length > 0) {
      if (anchorsApply(request, rules)) {
        const anchors = pool.filter((e) => shape.anchors.includes(e.id));
        if (anchors.length > 0) return focused(anchors);
      }
      const kit = prefs.kit;
      if (kit !== 'all' && rules.lead.ownKitLevels.includes(request.level)) pool = prefer(pool, (e) => e.equipment.some((item) => kit.includes(item))) as Exercise[];
      return preferred(focused(pool), prefs);
    }
  }
  const compounds = candidates.filter((e) => e.mechanics === 'compound' && inLead(e));
  return preferred(prefer(focused(compounds.length > 0 ? compounds : candidates.filter(inLead)), (e) => e.mainLift === true), prefs);
}

/** A mixed-radix counter over the rotation: each pick is the next digit, so consecutive rotations differ early. */
interface Dial {
  rotation: number;
  place: number;
}

function turn(dial: Dial, n: number): number {
  const digit = mod(Math.floor(dial.rotation / dial.place), n);
  dial.place = Math.min(dial.place * n, 2 ** 40);
  return digit;
}

/** A slot of the shape in the order it is filled, and whether its pick is focus work. */
interface OrderedSlot {
  slot: SessionSlot;
  index: number;
  focus: boolean;
}

/**
 * How a session opens: the main lift and the picks of the next two slots filled. Openings are listed once per
 * request kind, each a different set of exercises, the main lifts taking turns; the rotation picks one, so six
 * variations of a request open six different ways wherever the catalogue has that many.
 */
interface Opening {
  lead: Exercise | undefined;
  /** The picks after the main lift, with the slots they fill. */
  picks: { exercise: Exercise; slot: OrderedSlot }[];
  /** The slots left to fill, in order. */
  rest: OrderedSlot[];
}

/** What every plan of one request kind (shape, equipment, level, goal) is chosen from. */
interface Selection {
  candidates: readonly Exercise[];
  prefs: Preferences;
  shape: SessionShape;
  openings: Opening[];
  /** How many main lifts the openings take turns with. */
  leads: number;
}

const selectionCache = new WeakMap<PlanKnowledge, Map<string, Selection>>();

/** How many slots after the main lift an opening fixes; the rest turn with the rotation. @default 2 */
const OPENING_DEPTH = 2;

/** The pool a slot picks from, given what is chosen: unchosen, not a version of a chosen movement, preferred first. */
function slotPool(ordered: OrderedSlot, chosen: readonly Exercise[], selection: Pick<Selection, 'candidates' | 'prefs' | 'shape'>): readonly Exercise[] {
  const open: Exercise[] = [];
  const unrepeated: Exercise[] = [];
  for (const e of selection.candidates) {
    if (!matchesSlot(e, ordered.slot) || chosen.includes(e)) continue;
    open.push(e);
    if (!chosen.some((c) => isVariant(c, e))) unrepeated.push(e);
  }
  const pool = unrepeated.length > 0 ? unrepeated : open;
  const muscles = selection.shape.muscles;
  if (!ordered.focus || !muscles) return preferred(pool, selection.prefs);
  // Focus work may use anything at home that trains the focus and fits the kit; the gym keeps to gym kit.
  const { kit, loadedItems } = selection.prefs;
  const focusKit = selection.prefs.gym ? kit : 'all';
  const focused = prefer(pool, (e) => trainsFocus(e, muscles));
  // A focus with no compound of its own (calves) may have to open with its first focus slot (see fitToBudget), so
  // that slot carries a load where the level does.
  const opensIfNeeded =
    selection.prefs.loadedFirst &&
    selection.shape.slots.find((slot) => slot.focus) === ordered.slot &&
    !selection.candidates.some((e) => e.mechanics === 'compound' && trainsFocus(e, muscles));
  return preferred(opensIfNeeded ? prefer(focused, (e) => isLoaded(e, loadedItems)) : focused, { ...selection.prefs, kit: focusKit });
}

/** The openings of a request kind (see Opening), built once per knowledge object. */
function selectionFor(request: PlanRequest, knowledge: PlanKnowledge): Selection {
  let byKey = selectionCache.get(knowledge);
  if (!byKey) selectionCache.set(knowledge, (byKey = new Map()));
  const key = `${request.focus ?? request.group}|${request.equipment}|${request.level}|${request.goal}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const { rules } = knowledge;
  const shape = shapeFor(request, rules);
  const candidates = candidatesFor(request, knowledge);
  const prefs = preferencesFor(request, rules);
  const base = { candidates, prefs, shape };
  const canHold = (slot: SessionSlot, loaded: boolean) =>
    candidates.some((e) => e.mechanics === 'compound' && matchesSlot(e, slot) && (!loaded || isLoaded(e, rules.loadedItems)));
  // Focus work first, then slots with a compound (a loaded one first at the gym and with dumbbells), then the rest.
  const rankOf = (slot: SessionSlot) => (slot.focus ? 0 : prefs.loadedFirst && canHold(slot, true) ? 1 : canHold(slot, false) ? 2 : 3);
  const slotOrder = (skip: number): OrderedSlot[] =>
    shape.slots
      .map((slot, index) => ({ slot, index, focus: slot.focus === true, rank: rankOf(slot) }))
      .filter((s) => s.index !== skip)
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ slot, index, focus }) => ({ slot, index, focus }));

  const leads = leadPool(request, shape, candidates, rules, prefs);
  const perLead: Opening[][] = (leads.length > 0 ? leads : [undefined]).map((lead) => {
    let skip = -1;
    if (lead) {
      skip = shape.slots.findIndex((slot) => slot.lead && matchesSlot(lead, slot));
      if (skip === -1) skip = shape.slots.findIndex((slot) => matchesSlot(lead, slot));
    }
    const order = slotOrder(skip);
    const start = lead ? [lead] : [];
    // The next two slots that can be filled, each pick in turn.
    const extend = (chosen: Exercise[], from: number, depth: number): Opening[] => {
      for (let i = from; i < order.length && depth > 0; i++) {
        const ordered = order[i] as OrderedSlot;
        const pool = slotPool(ordered, chosen, base);
        if (pool.length === 0) continue;
        return pool.flatMap((exercise) =>
          extend([...chosen, exercise], i + 1, depth - 1).map((o) => ({ ...o, picks: [{ exercise, slot: ordered }, ...o.picks] })),
        );
      }
      return [{ lead, picks: [], rest: order.slice(from) }];
    };
    return extend(start, 0, OPENING_DEPTH).map((o) => ({ ...o, rest: order.filter((s) => !o.picks.some((p) => p.slot === s)) }));
  });
  // Main lifts take turns; an opening that repeats an earlier one's exercises (in another order) is dropped.
  const openings: Opening[] = [];
  const seen = new Set<string>();
  const longest = Math.max(...perLead.map((list) => list.length));
  for (let k = 0; k < longest; k++) {
    for (const list of perLead) {
      const opening = list[k];
      if (!opening) continue;
      const ids = [opening.lead, ...opening.picks.map((p) => p.exercise)].map((e) => e?.id ?? '').sort().join('+');
      if (seen.has(ids)) continue;
      seen.add(ids);
      openings.push(opening);
    }
  }
  const selection: Selection = { ...base, openings, leads: perLead.length };
  byKey.set(key, selection);
  return selection;
}

/** The chosen exercises in plan order. */
interface Chosen {
  list: Exercise[];
  /** The main lift opens `list` (false only when no lead slot can be filled). */
  hasLead: boolean;
}

/**
 * Picks the opening for the rotation, fills the remaining slots (one mixed-radix digit each), tops the session up
 * to a full one from the shape's other candidates, and orders it: main lift, focus work, compounds, isolations.
 */
function chooseExercises(request: PlanRequest, knowledge: PlanKnowledge, rotation: number): Chosen {
  const { rules } = knowledge;
  const selection = selectionFor(request, knowledge);
  const cap = rules.exerciseCount.byLevel[request.level];
  const opening = selection.openings[mod(rotation, selection.openings.length)] as Opening;
  // The remaining slots turn once per round of main lifts, so short sessions (main lift plus one or two of these)
  // vary too.
  const dial: Dial = { rotation, place: Math.max(1, selection.leads) };
  const { lead } = opening;
  const chosen: Exercise[] = lead ? [lead] : [];
  const focusWork: Exercise[] = [];
  const others: Exercise[] = [];
  const add = (exercise: Exercise, focus: boolean) => {
    chosen.push(exercise);
    (focus ? focusWork : others).push(exercise);
  };
  for (const pick of opening.picks) if (chosen.length < cap) add(pick.exercise, pick.slot.focus);
  for (const ordered of opening.rest) {
    if (chosen.length >= cap) break;
    const pool = slotPool(ordered, chosen, selection);
    if (pool.length > 0) add(pool[turn(dial, pool.length)] as Exercise, ordered.focus);
  }
  // Slots with nothing at this equipment level: fill from the shape's other candidates so the session stays full.
  const full = Math.min(cap, rules.exerciseCount.fullSession);
  if (chosen.length < full) {
    const rest = preferred(
      selection.candidates.filter((e) => !chosen.includes(e)),
      selection.prefs,
    );
    const start = rest.length > 0 ? turn(dial, rest.length) : 0;
    for (let k = 0; chosen.length < full && k < rest.length; k++) {
      const pick = rest[(start + k) % rest.length] as Exercise;
      if (!chosen.some((c) => c === pick || isVariant(c, pick))) add(pick, false);
    }
  }
  // Plan order: the main lift, the focus work, then compounds before isolations.
  const list = lead ? [lead, ...focusWork] : focusWork;
  for (const e of others) if (e.mechanics === 'compound') list.push(e);
  for (const e of others) if (e.mechanics === 'isolation') list.push(e);
  return { list, hasLead: lead !== undefined };
}

/** Whether a technique's rule allows it on an exercise (mechanics, the load it needs, the kit it avoids). */
export function techniqueApplies(rule: TechniqueRule, exercise: Pick<Exercise, 'mechanics' | 'equipment'>): boolean {
  if (!rule.mechanics.includes(exercise.mechanics)) return false;
  const avoid: readonly string[] = rule.avoid;
  const needs: readonly string[] | undefined = rule.needsAnyOf;
  if (exercise.equipment.some((item) => avoid.includes(item))) return false;
  if (needs && !exercise.equipment.some((item) => needs.includes(item))) return false;
  return true;
}

/** Whether an intensity technique may go on an exercise: it suits the exercise (catalogue) and the rule allows it. */
export function techniqueFits(technique: Technique, exercise: Pick<Exercise, 'mechanics' | 'equipment' | 'techniques'>, rules: TrainingRules): boolean {
  return exercise.techniques.includes(technique) && techniqueApplies(rules.techniques.definitions[technique], exercise);
}

/** The technique note shown to members, with the superset partner named. */
export function techniqueNote(rule: TechniqueRule, partnerName: string | null): string {
  return rule.note.replace('{partner}', partnerName ?? 'the next exercise');
}

/** How many techniques the request allows (0 for beginners and for goals outside the technique goals). */
export function techniqueCap(request: Pick<PlanRequest, 'goal' | 'level'>, rules: TrainingRules): number {
  return rules.techniques.goals.includes(request.goal) ? rules.techniques.capByLevel[request.level] : 0;
}

/** The timing fields of a plan exercise. */
type Timed = Pick<PlanExercise, 'sets' | 'reps' | 'perSide' | 'restSeconds' | 'technique'>;

function workSeconds(exercise: Pick<PlanExercise, 'reps' | 'perSide'>, rules: TrainingRules): number {
  return ((exercise.reps.min + exercise.reps.max) / 2) * rules.tempo.secondsPerRep * (exercise.perSide ? 2 : 1);
}

/**
 * Seconds one exercise takes: sets × (work + rest) plus what its technique adds. Work = mean reps × tempo, ×2 per
 * side. The first exercise of a superset takes no rest before its partner (`restTaken` false).
 */
export function exerciseSeconds(exercise: Timed, rules: TrainingRules, restTaken = true): number {
  const extra = exercise.technique ? rules.techniques.definitions[exercise.technique].extraSeconds : 0;
  return exercise.sets * (workSeconds(exercise, rules) + (restTaken ? exercise.restSeconds : 0)) + extra;
}

/**
 * The plan's estimated minutes: Σ exercise seconds + warm-up + cool-down, rounded up to whole minutes. Superset
 * partners sit side by side; the first of each pair skips its rest (the pair rests once, after the second).
 */
export function estimateMinutes(exercises: readonly Timed[], warmup: readonly PlanActivity[], cooldown: readonly PlanActivity[], rules: TrainingRules): number {
  let seconds = 0;
  for (let i = 0; i < exercises.length; i++) {
    const exercise = exercises[i] as Timed;
    const partner = exercises[i + 1];
    if (exercise.technique === 'superset' && partner?.technique === 'superset') {
      seconds += exerciseSeconds(exercise, rules, false) + exerciseSeconds(partner, rules);
      i++;
    } else seconds += exerciseSeconds(exercise, rules);
  }
  for (const a of warmup) seconds += a.minutes * 60;
  for (const a of cooldown) seconds += a.minutes * 60;
  // Guard against float noise (e.g. 12.5 reps × 3 s) before rounding up.
  return Math.ceil(Math.round(seconds * 1000) / 1000 / 60);
}

const docOf = (id: string) => id.slice(0, id.indexOf('#'));

// forGroup's answers depend only on a rules array and a group; rules are never mutated, so each is computed once.
const groupSourceCache = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * A general rule cites every document that states it; a plan cites the ones from its own group's documents
 * (those its group's slots cite), or all of them when none is.
 */
function forGroup(ids: readonly string[], request: Pick<PlanRequest, 'group'>, rules: TrainingRules): readonly string[] {
  let byGroup = groupSourceCache.get(ids);
  if (!byGroup) groupSourceCache.set(ids, (byGroup = new Map()));
  let own = byGroup.get(request.group);
  if (!own) {
    const home = new Set(rules.groups[request.group].sources.map(docOf));
    const filtered = ids.filter((id) => home.has(docOf(id)));
    own = filtered.length ? filtered : [...ids];
    byGroup.set(request.group, own);
  }
  return own;
}

function addAll(into: Set<string> | string[], ids: readonly string[]): void {
  if (into instanceof Set) for (const id of ids) into.add(id);
  // A plan cites a few dozen passages: a linear check beats building a Set for every plan.
  else for (const id of ids) if (!into.includes(id)) into.push(id);
}

// Exercise sources depend on the exercise's own list, the dose goal, the group and the technique: computed once each.
const exerciseSourceCache = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/** Sources of one plan exercise: the exercise's own, the dose rules, and its technique's. */
export function exerciseSources(
  exercise: Pick<Exercise, 'sources'>,
  request: Pick<PlanRequest, 'group' | 'goal' | 'equipment'>,
  technique: Technique | null,
  rules: TrainingRules,
): string[] {
  const goal = doseGoal(request, rules);
  let byKey = exerciseSourceCache.get(exercise.sources);
  if (!byKey) exerciseSourceCache.set(exercise.sources, (byKey = new Map()));
  const key = `${goal}|${request.group}|${technique ?? ''}`;
  let cached = byKey.get(key);
  if (!cached) {
    const ids = new Set<string>(exercise.sources);
    addAll(ids, rules.prescriptions[goal][request.group].sources);
    addAll(ids, rules.sets.sources);
    if (technique) addAll(ids, forGroup(rules.techniques.definitions[technique].sources, request, rules));
    byKey.set(key, (cached = [...ids]));
  }
  return cached.slice();
}

/** Every source a plan relies on, deduplicated in first-use order. */
export function planSources(
  request: PlanRequest,
  parts: {
    warmup: readonly PlanActivity[];
    exercises: readonly PlanExercise[];
    cooldown: readonly PlanActivity[];
    notes: readonly PlanNote[];
    progression: PlanNote;
  },
  rules: TrainingRules,
): string[] {
  const ids: string[] = [];
  for (const a of parts.warmup) addAll(ids, a.sources);
  addAll(ids, rules.groups[request.group].sources);
  if (request.focus) addAll(ids, rules.focuses[request.focus].sources);
  addAll(ids, forGroup(rules.lead.sources, request, rules));
  addAll(ids, forGroup(rules.order.sources, request, rules));
  if (request.goal === 'pump') addAll(ids, forGroup(rules.pumpPreference.sources, request, rules));
  for (const e of parts.exercises) addAll(ids, e.sources);
  addAll(ids, forGroup(rules.tempo.sources, request, rules));
  for (const a of parts.cooldown) addAll(ids, a.sources);
  for (const n of parts.notes) addAll(ids, n.sources);
  addAll(ids, parts.progression.sources);
  return ids;
}

// A block's split depends on the block, its minutes and the kit: computed once, then copied into each plan.
const activityCache = new WeakMap<ActivityBlock, Map<string, readonly PlanActivity[]>>();

/** Splits `minutes` over a block's items by weight (each item at least a minute while minutes last). */
function activities(block: ActivityBlock, minutes: number, allowed: readonly string[] | 'any'): PlanActivity[] {
  let byKey = activityCache.get(block);
  if (!byKey) activityCache.set(block, (byKey = new Map()));
  const key = `${minutes}|${allowed === 'any' ? 'any' : allowed.join(',')}`;
  let split = byKey.get(key);
  if (!split) byKey.set(key, (split = splitActivities(block, minutes, allowed)));
  return split.map((a) => ({ name: a.name, minutes: a.minutes, sources: [...a.sources] }));
}

function splitActivities(block: ActivityBlock, minutes: number, allowed: readonly string[] | 'any'): PlanActivity[] {
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
const BLOCK_MODES: readonly BlockMode[] = ['scaled', 'documented', 'short'];
type SetsMode = 'level' | 'floor' | 'minimum';
const SETS_MODES: readonly SetsMode[] = ['level', 'floor', 'minimum'];
const setsAt = (c: Costed, mode: SetsMode) => (mode === 'level' ? c.setsLevel : mode === 'floor' ? c.setsFloor : c.setsMinimum);

/**
 * Warm-up or cool-down minutes for a budget: scaled within the documented range (`scaled`), its documented minimum
 * (`documented`), or, for a short session, `share` of the budget but at least `floor` and at most the minimum.
 */
export function blockMinutes(
  block: ActivityBlock,
  minutes: number,
  mode: BlockMode,
  short: { floor: number; share: number },
  rules: TrainingRules,
): number {
  const [low, high] = block.minutes;
  if (mode === 'short') return Math.min(low, Math.max(short.floor, Math.round(minutes * short.share)));
  if (mode === 'documented') return low;
  const { fromMinutes, toMinutes } = rules.scaling;
  const t = Math.min(1, Math.max(0, (minutes - fromMinutes) / Math.max(1, toMinutes - fromMinutes)));
  return low + Math.round((high - low) * t);
}

/** The numbers the budget search needs for one chosen exercise. */
interface Costed {
  exercise: Exercise;
  /** Sets at the level's count, its floor (short budgets) and the global minimum (the shortest sessions). */
  setsLevel: number;
  setsFloor: number;
  setsMinimum: number;
  work: number;
  rest: number;
  pairable: boolean;
  focus: boolean;
}

/** One way to fit the list: which exercises stay (a bit mask over `order`), which pair, at which sets. */
interface Fit {
  blockMode: BlockMode;
  warmMinutes: number;
  coolMinutes: number;
  setsMode: SetsMode;
  /** Indices into the chosen list, in plan order. */
  order: readonly number[];
  mask: number;
  /** Position (among kept exercises) of the first exercise of the time-saving superset, or -1. */
  pairAt: number;
  count: number;
  paired: boolean;
  /** The superset pairs a compound with an isolation move (the main lift's sets stay heavy). */
  pairMixed: boolean;
  leadKept: boolean;
  focusFirst: number;
  /** See rankOf. */
  rank: number;
}

/** What one budget trial found; reused across trials so the search allocates nothing per trial. */
interface Trial {
  seconds: number;
  mask: number;
  paired: boolean;
}

/**
 * Seconds of the kept exercises in `order` under `mask` (into `out.seconds`), with the kept exercises at positions
 * pairAt and pairAt+1 done as a superset when both allow it (the pair rests once, the longer rest, at the smaller
 * set count); `out.paired` says whether they were.
 */
function keptSeconds(costed: readonly Costed[], order: readonly number[], mask: number, pairAt: number, setsMode: SetsMode, out: Trial): void {
  let seconds = 0;
  let position = 0;
  let previous: Costed | undefined;
  out.paired = false;
  for (let k = 0; k < order.length; k++) {
    if ((mask & (1 << k)) === 0) continue;
    const c = costed[order[k] as number] as Costed;
    const sets = setsAt(c, setsMode);
    if (position === pairAt + 1 && previous && previous.pairable && c.pairable && !isVariant(previous.exercise, c.exercise)) {
      const previousSets = setsAt(previous, setsMode);
      seconds += Math.min(previousSets, sets) * (previous.work + c.work + Math.max(previous.rest, c.rest)) - previousSets * (previous.work + previous.rest);
      out.paired = true;
    } else seconds += sets * (c.work + c.rest);
    previous = c;
    position++;
  }
  out.seconds = seconds;
}

/**
 * Keeps each exercise of `order` that still fits, in order (a short budget drops exercises rather than cramming
 * them); the kept mask and whether the superset formed land in `out`.
 */
function greedyFit(costed: readonly Costed[], order: readonly number[], budgetSeconds: number, pairAt: number, setsMode: SetsMode, out: Trial): void {
  let mask = 0;
  let paired = false;
  for (let k = 0; k < order.length; k++) {
    keptSeconds(costed, order, mask | (1 << k), pairAt, setsMode, out);
    if (out.seconds <= budgetSeconds + 1e-6) {
      mask |= 1 << k;
      paired = out.paired;
    }
  }
  out.mask = mask;
  out.paired = paired;
}

/**
 * A fit's rank as one number (higher is better): main lift kept, then more focus work up front, more exercises, no
 * superset needed, a mixed pair (compound with isolation), the main lift done on its own, more sets.
 */
function rankOf(leadKept: boolean, focusFirst: number, count: number, paired: boolean, pairMixed: boolean, leadInPair: boolean, setsMode: SetsMode): number {
  let rank = leadKept ? 1 : 0;
  rank = rank * 4 + Math.min(3, focusFirst);
  rank = rank * 16 + Math.min(15, count);
  rank = rank * 2 + (paired ? 0 : 1);
  rank = rank * 2 + (pairMixed ? 1 : 0);
  rank = rank * 2 + (leadInPair ? 0 : 1);
  return rank * 3 + (2 - SETS_MODES.indexOf(setsMode));
}

/** Whether `a` is a better fit than `b` (see rankOf). */
function better(a: Fit, b: Fit): boolean {
  return a.rank > b.rank;
}

/** The kept exercises at positions `at` and `at`+1 of a fit are a compound and an isolation. */
function mixedPair(costed: readonly Costed[], order: readonly number[], mask: number, at: number): boolean {
  let position = 0;
  let mechanics = '';
  for (let k = 0; k < order.length; k++) {
    if ((mask & (1 << k)) === 0) continue;
    const m = (costed[order[k] as number] as Costed).exercise.mechanics;
    if (position === at) mechanics = m;
    if (position === at + 1) return m !== mechanics;
    position++;
  }
  return false;
}

/** One order the budget search tries: the chosen list, or the main lift paired or moved last, with its pairings. */
interface SearchOrder {
  order: readonly number[];
  /** Positions of a time-saving superset to try (-1: none). */
  pairAts: readonly number[];
  /** The main lift moved behind the focus work. */
  leadLast: boolean;
}

/** The orders the budget search tries for a chosen list. */
function searchOrders(costed: readonly Costed[], chosen: Chosen, request: PlanRequest, rules: TrainingRules): SearchOrder[] {
  const n = costed.length;
  const natural = costed.map((_, i) => i);
  const pairing = request.minutes <= rules.shortSession.pairUpToMinutes;
  const orders: SearchOrder[] = [{ order: natural, pairAts: pairing ? [-1, 1, 0] : [-1], leadLast: false }];
  // A focus session may have to drop its main lift so the focus work still leads (calves in 15 minutes).
  if (request.focus && chosen.hasLead && n > 1) orders.push({ order: [...natural.slice(1), 0], pairAts: pairing ? [-1, 0] : [-1], leadLast: true });
  // In a short session an isolation move may be pulled forward to pair with the main lift or with the compound
  // after it (a compound and an isolation move make the best pair: the heavy sets stay heavy).
  if (pairing && chosen.hasLead) {
    const second = n > 1 && (costed[1] as Costed).exercise.mechanics === 'compound';
    for (let j = 2; j < n; j++) {
      if ((costed[j] as Costed).exercise.mechanics !== 'isolation') continue;
      orders.push({ order: [0, j, ...natural.filter((i) => i !== 0 && i !== j)], pairAts: [0], leadLast: false });
      if (second && j > 2) orders.push({ order: [0, 1, j, ...natural.filter((i) => i > 1 && i !== j)], pairAts: [1], leadLast: false });
    }
  }
  return orders;
}

/**
 * Fits the chosen list to the budget. Warm-up lengths are tried longest first (scaled, documented, short); within
 * the first that gives a valid session (at least `minExercises`, the main lift first, a focus's work leading) the
 * best fit wins, equally good ones taking turns by rotation. Only when no length lets the main lift lead may a
 * focus drop it.
 */
function fitToBudget(
  costed: readonly Costed[],
  chosen: Chosen,
  request: PlanRequest,
  rules: TrainingRules,
  rotation: number,
  leadTurns: number,
): { fit: Fit; valid: boolean } {
  const warmBlock = rules.warmup[request.group];
  const coolBlock = rules.cooldown[request.group];
  const short = rules.shortSession;
  const orders = searchOrders(costed, chosen, request, rules);
  const minCount = Math.min(short.minExercises, costed.length);
  const trial: Trial = { seconds: 0, mask: 0, paired: false };
  let fallback: Fit | undefined;
  for (const allowLeadLast of [false, true]) {
    let lastBlock = '';
    for (const blockMode of BLOCK_MODES) {
      const warmMinutes = blockMinutes(warmBlock, request.minutes, blockMode, { floor: short.warmupFloorMinutes, share: short.warmupShare }, rules);
      const coolMinutes = blockMinutes(coolBlock, request.minutes, blockMode, { floor: short.cooldownFloorMinutes, share: short.cooldownShare }, rules);
      if (`${warmMinutes}|${coolMinutes}` === lastBlock) continue;
      lastBlock = `${warmMinutes}|${coolMinutes}`;
      const budgetSeconds = (request.minutes - warmMinutes - coolMinutes) * 60;
      // Fits as good as each other (the main lift paired with one isolation move or another) take turns by rotation.
      const best: Fit[] = [];
      for (const { order, pairAts, leadLast } of orders) {
        if (leadLast && !allowLeadLast) continue;
        for (const pairAt of pairAts) {
          for (const setsMode of SETS_MODES) {
            if (setsMode === 'minimum' && blockMode !== 'short') continue;
            greedyFit(costed, order, budgetSeconds, pairAt, setsMode, trial);
            const { mask, paired } = trial;
            if (pairAt >= 0 && !paired) continue;
            let count = 0;
            let focusFirst = 0;
            for (let k = 0; k < order.length; k++) {
              if ((mask & (1 << k)) === 0) continue;
              if (count < 3 && (costed[order[k] as number] as Costed).focus) focusFirst++;
              count++;
            }
            const leadKept = chosen.hasLead && order[0] === 0 && (mask & 1) === 1;
            const pairMixed = paired && mixedPair(costed, order, mask, pairAt);
            const rank = rankOf(leadKept, focusFirst, count, paired, pairMixed, paired && pairAt === 0 && leadKept, setsMode);
            const valid = count >= minCount && (!request.focus || focusFirst >= Math.min(2, count)) && (!chosen.hasLead || leadKept || leadLast);
            const top = best[0]?.rank ?? -1;
            const keep = valid && rank >= top;
            const fallsBack = count > 0 && rank > (fallback?.rank ?? -1);
            if (!keep && !fallsBack) continue;
            const fit: Fit = { blockMode, warmMinutes, coolMinutes, setsMode, order, mask, pairAt, count, paired, pairMixed, leadKept, focusFirst, rank };
            if (keep && rank > top) best.length = 0;
            if (keep) best.push(fit);
            if (fallsBack) fallback = fit;
          }
        }
      }
      // Consecutive rotations change the main lift first (see selectionFor), so the tie turns once per round of them.
      if (best.length > 0) return { fit: best[mod(Math.floor(rotation / leadTurns), best.length)] as Fit, valid: true };
    }
  }
  // The caller tries another opening; only a catalogue with nothing that fits even the shortest budget keeps this.
  const none: Fit = {
    blockMode: 'short', warmMinutes: 0, coolMinutes: 0, setsMode: 'minimum', order: [], mask: 0, pairAt: -1, count: 0, paired: false, pairMixed: false, leadKept: false, focusFirst: 0, rank: -1,
  };
  return { fit: fallback ?? none, valid: false };
}

/** A kept exercise with its dose and technique, before it becomes a PlanExercise. */
interface Dosed {
  exercise: Exercise;
  sets: number;
  reps: { min: number; max: number };
  perSide: boolean;
  restSeconds: number;
  technique: Technique | null;
  partner: number;
}

function dosedSeconds(list: readonly Dosed[], rules: TrainingRules): number {
  let seconds = 0;
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as Dosed;
    seconds += exerciseSeconds(d, rules, !(d.partner > i));
  }
  return seconds;
}

/** Makes two kept exercises a superset: one set count (the smaller), one rest (the longer). */
function pair(list: Dosed[], a: number, b: number): void {
  const x = list[a] as Dosed;
  const y = list[b] as Dosed;
  x.technique = y.technique = 'superset';
  x.partner = b;
  y.partner = a;
  x.sets = y.sets = Math.min(x.sets, y.sets);
  x.restSeconds = y.restSeconds = Math.max(x.restSeconds, y.restSeconds);
}

/**
 * Adds up to the request's cap of intensity techniques, each on an exercise it suits and only while the session
 * still fits; a superset takes two adjacent exercises of different patterns. A plan holds one superset at most.
 */
function addTechniques(list: Dosed[], request: PlanRequest, rules: TrainingRules, rotation: number, budgetSeconds: number, leadKept: boolean): void {
  const cap = techniqueCap(request, rules);
  const options = rules.techniques.byGroup[request.group];
  // The main lift keeps clean sets.
  const first = leadKept ? 1 : 0;
  let used = 0;
  for (let k = 0; k < options.length && used < cap; k++) {
    const technique = options[mod(rotation + k, options.length)] as Technique;
    const free = (i: number) => i >= first && list[i] !== undefined && list[i].technique === null && techniqueFits(technique, list[i].exercise, rules);
    if (technique === 'superset') {
      if (list.some((d) => d.technique === 'superset')) continue;
      for (let j = list.length - 2; j >= 0; j--) {
        // Partners train the area two different ways (extension + curl, pulldown + straight-arm), never twice alike.
        if (free(j) && free(j + 1) && list[j]?.exercise.pattern !== list[j + 1]?.exercise.pattern) {
          pair(list, j, j + 1);
          used++;
          break;
        }
      }
      continue;
    }
    for (let j = list.length - 1; j >= 0; j--) {
      if (!free(j)) continue;
      const d = list[j] as Dosed;
      d.technique = technique;
      if (dosedSeconds(list, rules) <= budgetSeconds + 1e-6) {
        used++;
        break;
      }
      d.technique = null;
    }
  }
}

/** The plan's view of a dosed exercise, with cues and sources. */
function toPlanExercise(list: readonly Dosed[], i: number, request: PlanRequest, rules: TrainingRules): PlanExercise {
  const d = list[i] as Dosed;
  const { exercise, technique } = d;
  const partnerName = d.partner >= 0 ? (list[d.partner]?.exercise.name ?? null) : null;
  return {
    id: exercise.id,
    name: exercise.name,
    equipment: [...exercise.equipment],
    sets: d.sets,
    reps: { ...d.reps },
    perSide: d.perSide,
    restSeconds: d.restSeconds,
    technique,
    techniqueNote: technique ? techniqueNote(rules.techniques.definitions[technique], partnerName) : null,
    cues: [...exercise.cues],
    sources: exerciseSources(exercise, request, technique, rules),
  };
}

/** The progression line for a request: by goal, or the no-added-weight line for bands and bodyweight. */
export function progressionFor(request: Pick<PlanRequest, 'group' | 'goal' | 'equipment'>, rules: TrainingRules): PlanNote {
  const p = rules.progression;
  const unloaded = p.unloadedEquipment.includes(request.equipment);
  return {
    text: unloaded ? p.unloaded : p.goals[request.goal],
    sources: [...(unloaded ? p.unloadedSources.sources[request.group] : p.sources[request.group])],
  };
}

/** How many openings a plan tries before it settles for the best effort (bounds the work per plan). @default 64 */
export const MAX_OPENING_TRIES = 64;

/**
 * Generates a session (see the file comment for the steps). Throws RangeError on a malformed date, a non-finite seed
 * or a focus outside the request's group; everything else is total.
 */
export function generatePlan(request: PlanRequest, ctx: PlanContext, knowledge: PlanKnowledge): Plan {
  const { rules } = knowledge;
  if (!Number.isFinite(ctx.seed)) throw new RangeError(`seed must be a finite number, got ${ctx.seed}`);
  if (request.focus && FOCUS_GROUP[request.focus] !== request.group) {
    throw new RangeError(`focus "${request.focus}" belongs to ${FOCUS_GROUP[request.focus]}, not ${request.group}`);
  }
  const rotation = dayNumber(ctx.date) + Math.trunc(ctx.seed);
  const allowed = allowedItems(rules, request.equipment);
  const dose = rules.prescriptions[doseGoal(request, rules)][request.group];
  const levelSets = rules.sets.byLevel[request.level];
  const muscles = selectionFor(request, knowledge).shape.muscles;
  const attempt = (turnOfRotation: number) => {
    const chosen = chooseExercises(request, knowledge, turnOfRotation);
    const costed: Costed[] = chosen.list.map((exercise) => {
      const prescription = dose[exercise.mechanics];
      return {
        exercise,
        setsLevel: levelSets[exercise.mechanics],
      setsFloor: Math.min(levelSets.floor, levelSets[exercise.mechanics]),
      setsMinimum: rules.sets.min,
        work: ((prescription.reps[0] + prescription.reps[1]) / 2) * rules.tempo.secondsPerRep * (exercise.unilateral ? 2 : 1),
        rest: prescription.restSeconds,
        pairable: exercise.techniques.includes('superset'),
        focus: muscles !== null && trainsFocus(exercise, muscles),
      };
    });
    return { costed, ...fitToBudget(costed, chosen, request, rules, turnOfRotation, Math.max(1, selectionFor(request, knowledge).leads)) };
  };
  // An opening that cannot make a valid session in this budget (a one-sided main lift in 15 minutes) gives way
  // to the next one; if none can, the best effort of them all stands.
  let chosenFit = attempt(rotation);
  const tries = Math.min(MAX_OPENING_TRIES, selectionFor(request, knowledge).openings.length);
  for (let k = 1; !chosenFit.valid && k < tries; k++) {
    const next = attempt(rotation + k);
    if (next.valid || better(next.fit, chosenFit.fit)) chosenFit = next;
  }
  const { costed, fit } = chosenFit;

  const kept: Dosed[] = [];
  fit.order.forEach((index, k) => {
    if ((fit.mask & (1 << k)) === 0) return;
    const c = costed[index] as Costed;
    const prescription = dose[c.exercise.mechanics];
    kept.push({
      exercise: c.exercise,
      sets: setsAt(c, fit.setsMode),
      reps: { min: prescription.reps[0], max: prescription.reps[1] },
      perSide: c.exercise.unilateral,
      restSeconds: prescription.restSeconds,
      technique: null,
      partner: -1,
    });
  });
  if (fit.paired) pair(kept, fit.pairAt, fit.pairAt + 1);
  const budgetSeconds = (request.minutes - fit.warmMinutes - fit.coolMinutes) * 60;
  addTechniques(kept, request, rules, rotation, budgetSeconds, fit.leadKept);

  const warmBlock = rules.warmup[request.group];
  const coolBlock = rules.cooldown[request.group];
  const warmup = activities(warmBlock, fit.warmMinutes, allowed);
  const cooldown = activities(coolBlock, fit.coolMinutes, allowed);
  const exercises = kept.map((_, i) => toPlanExercise(kept, i, request, rules));
  const notes: PlanNote[] = [];
  if (request.focus) notes.push({ text: rules.focuses[request.focus].note, sources: [...rules.focuses[request.focus].sources] });
  const limit = limitFor(request, rules);
  if (limit) notes.push({ text: limit.note, sources: [...limit.sources] });
  if (fit.warmMinutes < warmBlock.minutes[0] || fit.coolMinutes < coolBlock.minutes[0]) {
    notes.push({ text: rules.shortSession.note, sources: dedupe([...warmBlock.sources, ...coolBlock.sources]) });
  }
  if (fit.paired) notes.push({ text: rules.shortSession.superset.note, sources: [...rules.shortSession.superset.sources[request.group]] });
  const progression = progressionFor(request, rules);
  const parts = { warmup, exercises, cooldown, notes, progression };
  return {
    group: request.group,
    focus: request.focus ?? null,
    goal: request.goal,
    level: request.level,
    equipment: request.equipment,
    minutes: request.minutes,
    date: ctx.date,
    seed: ctx.seed,
    estimatedMinutes: estimateMinutes(exercises, warmup, cooldown, rules),
    warmup,
    exercises,
    cooldown,
    notes,
    progression,
    sources: planSources(request, parts, rules),
  };
}
