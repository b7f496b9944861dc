/** The plan generator's request and result shapes (the CLI's --json contract). */

/** Muscle groups a session can target. */
export const GROUPS = ['legs', 'glutes', 'back'] as const;
/** A target muscle group. */
export type Group = (typeof GROUPS)[number];

/** Training goals; pump is the default. */
export const GOALS = ['pump', 'hypertrophy', 'strength'] as const;
/** A training goal. */
export type Goal = (typeof GOALS)[number];

/** Training levels; intermediate is the default. */
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
/** A training level. */
export type Level = (typeof LEVELS)[number];

/** Equipment a member has; gym is the default. */
export const EQUIPMENT_LEVELS = ['gym', 'dumbbells', 'bands', 'bodyweight'] as const;
/** What the member can train with. */
export type EquipmentLevel = (typeof EQUIPMENT_LEVELS)[number];

/** Session length bounds in minutes. */
export const MIN_MINUTES = 15;
/** @see MIN_MINUTES */
export const MAX_MINUTES = 120;

/** A fully resolved request (defaults applied). */
export interface PlanRequest {
  group: Group;
  goal: Goal;
  level: Level;
  equipment: EquipmentLevel;
  minutes: number;
}

/** A warm-up or cool-down item. */
export interface PlanActivity {
  name: string;
  minutes: number;
  sources: string[];
}

/** Intensity techniques the generator may prescribe. */
export const TECHNIQUES = ['drop set', 'superset', 'rest-pause', 'myo-reps', 'partials'] as const;
/** An intensity technique. */
export type Technique = (typeof TECHNIQUES)[number];

/** One exercise in a session. */
export interface PlanExercise {
  id: string;
  name: string;
  equipment: string[];
  sets: number;
  reps: { min: number; max: number };
  /** Reps are per leg/arm. */
  perSide: boolean;
  restSeconds: number;
  technique: Technique | null;
  /** How to apply the technique, e.g. "on the last set, cut the load 20–30% and go again". */
  techniqueNote: string | null;
  cues: string[];
  sources: string[];
}

/** A generated session. */
export interface Plan {
  group: Group;
  goal: Goal;
  level: Level;
  equipment: EquipmentLevel;
  minutes: number;
  date: string;
  seed: number;
  estimatedMinutes: number;
  warmup: PlanActivity[];
  exercises: PlanExercise[];
  cooldown: PlanActivity[];
  /** Every passage id the plan relies on, deduplicated, in first-use order. */
  sources: string[];
}
