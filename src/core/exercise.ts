/** The exercise catalogue's domain types and the zod schema for one entry of knowledge/exercises.json. */
import { z } from 'zod';
import { passageIdSchema } from './library.ts';
import { LEVELS, TECHNIQUES, type Level, type Technique } from './plan-types.ts';

/** Muscles the catalogue names; the first `primary` muscle of an exercise is its main target. */
export const MUSCLES = [
  'quads',
  'hamstrings',
  'glutes',
  'glute-medius',
  'calves',
  'adductors',
  'hip-flexors',
  'lower-back',
  'lats',
  'mid-back',
  'traps',
  'rear-delts',
  'biceps',
  'core',
] as const;
/** A muscle (or muscle region) an exercise trains. */
export type Muscle = (typeof MUSCLES)[number];

/**
 * Items an exercise can need. `[]` means bodyweight only; household furniture (a chair, a step, a table, a towel)
 * is deliberately not equipment, so bodyweight sessions may ask for it in the cues.
 */
export const EQUIPMENT_ITEMS = [
  'barbell',
  'squat-rack',
  'dumbbell',
  'kettlebell',
  'bench',
  'band',
  'cable',
  'machine',
  'hyperextension-bench',
  'pull-up-bar',
] as const;
/** One piece of equipment. */
export type EquipmentItem = (typeof EQUIPMENT_ITEMS)[number];

/**
 * Movement patterns: the generator fills a group's session slots by pattern (see knowledge/training-rules.yaml).
 * `activation` is for warm-up drills only.
 */
export const PATTERNS = [
  'squat',
  'hinge',
  'lunge',
  'knee-extension',
  'knee-flexion',
  'calf-raise',
  'hip-thrust',
  'kickback',
  'abduction',
  'back-extension',
  'vertical-pull',
  'horizontal-pull',
  'pullover',
  'rear-fly',
  'shrug',
  'activation',
] as const;
/** A movement pattern. */
export type Pattern = (typeof PATTERNS)[number];

/** One catalogue entry (the contract other modules read). */
export interface Exercise {
  id: string;
  name: string;
  aliases: string[];
  primary: Muscle[];
  mechanics: 'compound' | 'isolation';
  /** Items needed; `[]` = bodyweight. */
  equipment: string[];
  /** Reps are counted per leg / arm / direction. */
  unilateral: boolean;
  /** Suited to high-rep pump work (false for heavy lifts that break down at high reps). */
  pump: boolean;
  cues: string[];
  /** Passage ids that support the exercise (or, for home substitutes, the principle it serves). */
  sources: string[];
  /** A movement family: the same family means versions of one movement (straight-knee calf raises), whatever the names. */
  movement?: string;
  /** Movement pattern the generator slots it by; entries without one are never slotted. */
  pattern?: Pattern;
  /** `warm-up` entries are activation drills, never working sets. @default 'main' */
  role?: 'main' | 'warm-up';
  /**
   * The sources do not name this exercise: a home substitute, or a gym staple such as the barbell row. It cites the
   * passages whose principle it serves. @default false
   */
  substitute?: boolean;
  /** The lowest level it is programmed for (complex barbell, balance-heavy and ballistic lifts start at intermediate). @default 'beginner' */
  minLevel?: Level;
  /** A lift that can open a session (a bilateral or supported compound that carries the session's heaviest work). @default false */
  mainLift?: boolean;
  /** Suited to heavy, low-rep strength work (false for ballistic and light moves). @default true */
  strength?: boolean;
  /** The intensity techniques that suit it (drop sets need a load that can drop; no rest-pause on light band work). */
  techniques: Technique[];
}

/** Zod schema for one entry of knowledge/exercises.json. */
export const exerciseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  primary: z.array(z.enum(MUSCLES)).min(1),
  mechanics: z.enum(['compound', 'isolation']),
  equipment: z.array(z.enum(EQUIPMENT_ITEMS)),
  unilateral: z.boolean(),
  pump: z.boolean(),
  cues: z.array(z.string().min(1)).min(1),
  sources: z.array(passageIdSchema).min(1),
  movement: z.string().regex(/^[a-z0-9-]+$/).optional(),
  pattern: z.enum(PATTERNS).optional(),
  role: z.enum(['main', 'warm-up']).optional(),
  substitute: z.boolean().optional(),
  minLevel: z.enum(LEVELS).optional(),
  mainLift: z.boolean().optional(),
  strength: z.boolean().optional(),
  techniques: z.array(z.enum(TECHNIQUES)),
});

/** Zod schema for the whole catalogue file. */
export const exerciseCatalogueSchema = z.strictObject({
  /** A note for authors on the file's conventions (JSON has no comments). */
  about: z.string().optional(),
  exercises: z.array(exerciseSchema).min(1),
});

// Compile-time guard: what the schema produces is an Exercise.
const _schemaMatchesType: (value: z.infer<typeof exerciseSchema>) => Exercise = (value) => value;

/** The main muscle an exercise trains (its first primary muscle). */
export function mainMuscle(exercise: Exercise): Muscle {
  return exercise.primary[0] as Muscle;
}

/** True when the level may be given the exercise (its `minLevel` or above). */
export function fitsLevel(exercise: Pick<Exercise, 'minLevel'>, level: Level): boolean {
  return LEVELS.indexOf(exercise.minLevel ?? 'beginner') <= LEVELS.indexOf(level);
}

/** True when the exercise carries an external load (it uses one of `loadedItems`, e.g. a barbell or a cable). */
export function isLoaded(exercise: Pick<Exercise, 'equipment'>, loadedItems: readonly string[]): boolean {
  return exercise.equipment.some((item) => loadedItems.includes(item));
}

/** True when `exercise` needs nothing outside `available` (`'any'` = a full gym). */
export function fitsEquipment(exercise: Pick<Exercise, 'equipment'>, available: readonly string[] | 'any'): boolean {
  return available === 'any' || exercise.equipment.every((item) => available.includes(item));
}
