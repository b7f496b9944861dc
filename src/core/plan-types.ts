/** The plan generator's request and result shapes (the CLI's --json contract). */

/** Muscle groups a session can target. */
export const GROUPS = ['legs', 'glutes', 'back'] as const;
/** A target muscle group. */
export type Group = (typeof GROUPS)[number];

/**
 * Muscles a session can focus on inside its group ("hamstrings" is a leg day that leads with hamstring work).
 * The words members use for each live in group-aliases.ts; the session shapes in knowledge/training-rules.yaml.
 */
export const FOCUSES = ['hamstrings', 'quads', 'calves', 'glute-medius', 'lats', 'upper-back', 'lower-back'] as const;
/** A focus muscle within a group. */
export type Focus = (typeof FOCUSES)[number];

/** The group each focus belongs to (a focus session keeps its group's shape). */
export const FOCUS_GROUP: Readonly<Record<Focus, Group>> = {
  hamstrings: 'legs',
  quads: 'legs',
  calves: 'legs',
  'glute-medius': 'glutes',
  lats: 'back',
  'upper-back': 'back',
  'lower-back': 'back',
};

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
  /** A muscle of `group` the session leads with; absent for a whole-group session. */
  focus?: Focus | undefined;
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

/** A line the plan explains itself with (why a block is short, what the equipment cannot do), with its passages. */
export interface PlanNote {
  text: string;
  sources: string[];
}

/** A generated session. */
export interface Plan {
  group: Group;
  /** The focus muscle, or null for a whole-group session. */
  focus: Focus | null;
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
  /** Plain notes for the member: a shortened warm-up, a superset to fit the time, what the equipment limits. */
  notes: PlanNote[];
  /** How to progress from this session, for its goal and equipment. */
  progression: PlanNote;
  /** Every passage id the plan relies on, deduplicated, in first-use order. */
  sources: string[];
}
