/** The plan generator's rules as data (knowledge/training-rules.yaml): zod schema, types and the PlanKnowledge bundle. */
import { z } from 'zod';
import { EQUIPMENT_ITEMS, MUSCLES, PATTERNS, type Exercise } from './exercise.ts';
import { passageIdSchema, type Library } from './library.ts';
import { EQUIPMENT_LEVELS, GOALS, GROUPS, LEVELS, TECHNIQUES } from './plan-types.ts';

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
});

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
  exerciseCount: z.strictObject({ max: z.number().int().positive(), fullSession: z.number().int().positive() }),
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
  shortSession: z.strictObject({ warmupFloorMinutes: z.number().int().positive(), cooldownFloorMinutes: z.number().int().positive(), note: z.string().min(1) }),
  techniques: z.strictObject({
    capByLevel: z.record(z.enum(LEVELS), z.number().int().nonnegative()),
    goals: z.array(z.enum(GOALS)),
    definitions: z.record(z.enum(TECHNIQUES), technique),
    byGroup: z.record(z.enum(GROUPS), z.array(z.enum(TECHNIQUES))),
    sources,
  }),
  neverPrescribed: z.array(z.strictObject({ name: z.string().min(1), reason: z.string().min(1), sources })),
  groups: z.record(z.enum(GROUPS), z.strictObject({ label: z.string().min(1), slots: z.array(slot).min(1), sources })),
});

/** The validated rules. */
export type TrainingRules = z.infer<typeof trainingRulesSchema>;
/** One session slot of a group. */
export type SessionSlot = z.infer<typeof slot>;
/** One intensity technique's definition. */
export type TechniqueRule = z.infer<typeof technique>;
/** A warm-up or cool-down block. */
export type ActivityBlock = z.infer<typeof activityBlock>;

/** Everything the plan generator reads: the catalogue, the rules and the library they cite. */
export interface PlanKnowledge {
  exercises: Exercise[];
  rules: TrainingRules;
  library: Library;
}

/** Every `sources` array in a parsed rules object, with its dotted path (for the loader's citation check). */
export function collectSources(value: unknown, path = ''): { path: string; ids: string[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectSources(item, path ? `${path}.${i}` : String(i)));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = path ? `${path}.${key}` : key;
    if (key === 'sources' && Array.isArray(child)) return [{ path: at, ids: child.filter((id): id is string => typeof id === 'string') }];
    return collectSources(child, at);
  });
}
