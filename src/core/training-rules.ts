/** The plan generator's rules as data (knowledge/training-rules.yaml): zod schema, types and the PlanKnowledge bundle. */
import { z } from 'zod';
import { EQUIPMENT_ITEMS, MUSCLES, PATTERNS, type Exercise } from './exercise.ts';
import { passageIdSchema, type Library } from './library.ts';
import { EQUIPMENT_LEVELS, FOCUSES, GOALS, GROUPS, LEVELS, TECHNIQUES } from './plan-types.ts';

const sources = z.array(passageIdSchema).min(1);
const minutesRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([low, high]) => low <= high, 'the first number must not exceed the second');
const repRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([low, high]) => low <= high, 'the first number must not exceed the second');
const mechanics = z.enum(['compound', 'isolation']);

/** Reps and rest for one kind of exercise. */
const dose = z.strictObject({ reps: repRange, restSeconds: z.number().int().positive() });

/** Reps and rest per mechanics for one goal and group. */
const prescription = z.strictObject({ compound: dose, isolation: dose, sources });

/** A warm-up or cool-down item; `equipment` it needs, else `fallback` names the version done without it. */
const activity = z.strictObject({
  name: z.string().min(1),
  weight: z.number().int().positive(),
  equipment: z.array(z.enum(EQUIPMENT_ITEMS)).optional(),
  fallback: z.string().min(1).optional(),
});

const activityBlock = z.strictObject({ minutes: minutesRange, items: z.array(activity).min(1), sources });

/** One slot of a group's session: the patterns that may fill it, optionally narrowed. */
const slot = z.strictObject({
  patterns: z.array(z.enum(PATTERNS)).min(1),
  mechanics: mechanics.optional(),
  muscle: z.enum(MUSCLES).optional(),
  unilateral: z.boolean().optional(),
  /** The session's main lift may come from this slot; it then opens the session. */
  lead: z.boolean().optional(),
  /** Focus work: placed straight after the main lift, in slot order. */
  focus: z.boolean().optional(),
});

/** Catalogue ids (the loader checks they exist). */
const exerciseIds = z.array(z.string().regex(/^[a-z0-9-]+$/));

/** Passage ids per group. */
const sourcesByGroup = z.record(z.enum(GROUPS), sources);

const technique = z.strictObject({
  /** Shown next to the exercise; `{partner}` is replaced by the superset partner's name. */
  note: z.string().min(1),
  /** Our estimate of the time the technique adds to the exercise, in seconds. */
  extraSeconds: z.number().int().nonnegative(),
  mechanics: z.array(mechanics).min(1),
  /** At least one of these items is needed (an adjustable load); omit for "anything". */
  needsAnyOf: z.array(z.enum(EQUIPMENT_ITEMS)).optional(),
  /** Never on exercises using these items. */
  avoid: z.array(z.enum(EQUIPMENT_ITEMS)).default([]),
  sources,
});

/** Zod schema for knowledge/training-rules.yaml. */
export const trainingRulesSchema = z.strictObject({
  equipmentLevels: z.record(
    z.enum(EQUIPMENT_LEVELS),
    z.strictObject({
      items: z.union([z.literal('any'), z.array(z.enum(EQUIPMENT_ITEMS))]),
      /** Home substitutes are used only if they need one of these items (or a slot has nothing else); `all` = no preference. */
      prefer: z.union([z.literal('all'), z.array(z.enum(EQUIPMENT_ITEMS))]),
      note: z.string().min(1),
    }),
  ),
  tempo: z.strictObject({ secondsPerRep: z.number().positive(), sources }),
  sets: z.strictObject({
    min: z.number().int().positive(),
    max: z.number().int().positive(),
    byLevel: z.record(
      z.enum(LEVELS),
      z.strictObject({
        compound: z.number().int().positive(),
        isolation: z.number().int().positive(),
        /** Fewest sets the level drops to when time is short. */
        floor: z.number().int().positive(),
      }),
    ),
    sources,
  }),
  prescriptions: z.record(z.enum(GOALS), z.record(z.enum(GROUPS), prescription)),
  /** Where a number is our design the YAML says so. */
  loadedItems: z.array(z.enum(EQUIPMENT_ITEMS)).min(1),
  lead: z.strictObject({
    /** Equipment levels whose sessions open with a loaded compound (bands and bodyweight may open unloaded). */
    loadedFirst: z.array(z.enum(EQUIPMENT_LEVELS)),
    /** When a session opens with its shape's anchors (the barbell staples). */
    anchorsFor: z.strictObject({ goals: z.array(z.enum(GOALS)), equipment: z.array(z.enum(EQUIPMENT_LEVELS)), levels: z.array(z.enum(LEVELS)) }),
    /** At these levels the main lift uses the equipment level's own kit (a gym lift at the gym, not a goblet squat). */
    ownKitLevels: z.array(z.enum(LEVELS)),
    sources,
  }),
  /** Goals an equipment level cannot fully serve: dosed as another goal, with a plain note. */
  limits: z.array(
    z.strictObject({
      equipment: z.array(z.enum(EQUIPMENT_LEVELS)).min(1),
      goal: z.enum(GOALS),
      doseAs: z.enum(GOALS),
      /** Prefer one-sided versions: the hardest the kit allows. */
      preferUnilateral: z.boolean(),
      note: z.string().min(1),
      sources,
    }),
  ),
  exerciseCount: z.strictObject({
    max: z.number().int().positive(),
    fullSession: z.number().int().positive(),
    /** The most exercises per level (never above `max`). */
    byLevel: z.record(z.enum(LEVELS), z.number().int().positive()),
  }),
  order: z.strictObject({ rule: z.literal('compound-before-isolation'), sources }),
  pumpPreference: z.strictObject({ sources }),
  warmup: z.record(z.enum(GROUPS), activityBlock),
  cooldown: z.record(z.enum(GROUPS), activityBlock),
  scaling: z.strictObject({
    /** At or below this budget warm-up and cool-down take their documented minimum… */
    fromMinutes: z.number().int().positive(),
    /** …and at or above this one their documented maximum. */
    toMinutes: z.number().int().positive(),
  }),
  shortSession: z.strictObject({
    warmupFloorMinutes: z.number().int().positive(),
    cooldownFloorMinutes: z.number().int().positive(),
    /** A shortened warm-up and cool-down take these shares of the session (at least the floors). */
    warmupShare: z.number().positive().max(1),
    cooldownShare: z.number().positive().max(1),
    /** Every session holds at least this many exercises, if any budget can. */
    minExercises: z.number().int().positive(),
    /** Up to this budget two exercises may be paired as a superset to fit the time. */
    pairUpToMinutes: z.number().int().positive(),
    note: z.string().min(1),
    superset: z.strictObject({ note: z.string().min(1), sources: sourcesByGroup }),
  }),
  techniques: z.strictObject({
    capByLevel: z.record(z.enum(LEVELS), z.number().int().nonnegative()),
    goals: z.array(z.enum(GOALS)),
    definitions: z.record(z.enum(TECHNIQUES), technique),
    byGroup: z.record(z.enum(GROUPS), z.array(z.enum(TECHNIQUES))),
    sources,
  }),
  neverPrescribed: z.array(z.strictObject({ name: z.string().min(1), reason: z.string().min(1), sources })),
  groups: z.record(z.enum(GROUPS), z.strictObject({ label: z.string().min(1), slots: z.array(slot).min(1), anchors: exerciseIds.min(1), sources })),
  focuses: z.record(
    z.enum(FOCUSES),
    z.strictObject({
      label: z.string().min(1),
      /** An exercise trains the focus when one of these is among its primary muscles. */
      muscles: z.array(z.enum(MUSCLES)).min(1),
      slots: z.array(slot).min(1),
      anchors: exerciseIds.min(1),
      note: z.string().min(1),
      sources,
    }),
  ),
  /** Passages a rest day's recovery tip quotes from. */
  restDay: z.strictObject({ sources }),
  progression: z.strictObject({
    goals: z.record(z.enum(GOALS), z.string().min(1)),
    /** For equipment levels with no weight to add. */
    unloaded: z.string().min(1),
    unloadedEquipment: z.array(z.enum(EQUIPMENT_LEVELS)),
    sources: sourcesByGroup,
    unloadedSources: z.strictObject({ sources: sourcesByGroup }),
  }),
});

/** The validated rules. */
export type TrainingRules = z.infer<typeof trainingRulesSchema>;
/** One session slot of a group. */
export type SessionSlot = z.infer<typeof slot>;
/** One intensity technique's definition. */
export type TechniqueRule = z.infer<typeof technique>;
/** A warm-up or cool-down block. */
export type ActivityBlock = z.infer<typeof activityBlock>;
/** A focus's session shape and note. */
export type FocusRule = TrainingRules['focuses'][keyof TrainingRules['focuses']];

/** Everything the plan generator reads: the catalogue, the rules and the library they cite. */
export interface PlanKnowledge {
  exercises: Exercise[];
  rules: TrainingRules;
  library: Library;
}

/**
 * Every `sources` array in a parsed rules object, with its dotted path (for the loader's citation check); a `sources`
 * object holds one such array per key (per group).
 */
export function collectSources(value: unknown, path = ''): { path: string; ids: string[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectSources(item, path ? `${path}.${i}` : String(i)));
  if (value === null || typeof value !== 'object') return [];
  const ids = (list: unknown[]) => list.filter((id): id is string => typeof id === 'string');
  return Object.entries(value).flatMap(([key, child]) => {
    const at = path ? `${path}.${key}` : key;
    if (key === 'sources' && Array.isArray(child)) return [{ path: at, ids: ids(child) }];
    if (key === 'sources' && child !== null && typeof child === 'object') {
      return Object.entries(child).flatMap(([inner, list]) => (Array.isArray(list) ? [{ path: `${at}.${inner}`, ids: ids(list) }] : []));
    }
    return collectSources(child, at);
  });
}
