/**
 * Personal records of one exercise, computed from logged entries: best weight, best reps at a weight, and best
 * estimated one-rep max (Epley). One fold (`addToRecords`) serves both the summary kept beside the log and the
 * full recomputation /prs does, so the two cannot disagree.
 */
import { toKg, type WeightUnit } from './units.ts';

/** Loads closer than this (in kg) count as the same load: 100 kg and 220.462 lb are one load, not a record. */
export const SAME_LOAD_KG = 1e-6;

/** Estimated one-rep max by Epley's formula: w × (1 + reps / 30). */
export function epley(weight: number, reps: number): number {
  return weight * (1 + reps / 30);
}

/** One logged effort, as records keep it (in the unit it was logged in). */
export interface RecordPoint {
  weight: number;
  unit: WeightUnit;
  reps: number;
  /** ISO instant of the entry. */
  at: string;
}

/** The records of one exercise. */
export interface ExerciseRecords {
  /** Heaviest load lifted (loaded entries only); the earliest entry at that load. */
  bestWeight?: RecordPoint;
  /** Highest Epley estimate (loaded entries only); the earliest entry reaching it. */
  bestE1rm?: RecordPoint;
  /**
   * Best reps at a weight: every effort no other effort beats on both load and reps (more reps at the same or a
   * heavier load), heaviest first. 8 reps at 100 kg makes 8 at 95 kg no record; 10 at 95 kg is one.
   */
  repRecords: RecordPoint[];
}

/** The kinds of record an entry can break. */
export type RecordKind = 'weight' | 'e1rm' | 'reps';

/** No records yet. */
export function emptyRecords(): ExerciseRecords {
  return { repRecords: [] };
}

const kgOf = (p: Pick<RecordPoint, 'weight' | 'unit'>) => toKg(p.weight, p.unit);
const e1rmKg = (p: RecordPoint) => epley(kgOf(p), p.reps);

/** True when `a` is at least as heavy and at least as many reps as `b`. */
function covers(a: RecordPoint, b: RecordPoint): boolean {
  return kgOf(a) >= kgOf(b) - SAME_LOAD_KG && a.reps >= b.reps;
}

/**
 * Adds one effort (entries are folded in the order they were logged). Returns the new records and the records the
 * effort broke. The first effort of an exercise sets a baseline and breaks nothing; an unloaded effort (weight 0,
 * bodyweight) can only break the reps record.
 */
export function addToRecords(records: ExerciseRecords, point: RecordPoint): { records: ExerciseRecords; broken: RecordKind[] } {
  const first = records.repRecords.length === 0;
  const broken: RecordKind[] = [];
  const next: ExerciseRecords = { ...records };
  const kg = kgOf(point);
  if (kg > SAME_LOAD_KG) {
    if (!records.bestWeight || kg > kgOf(records.bestWeight) + SAME_LOAD_KG) {
      if (records.bestWeight) broken.push('weight');
      next.bestWeight = point;
    }
    if (!records.bestE1rm || e1rmKg(point) > e1rmKg(records.bestE1rm) + SAME_LOAD_KG) {
      if (records.bestE1rm) broken.push('e1rm');
      next.bestE1rm = point;
    }
  }
  if (!records.repRecords.some((r) => covers(r, point))) {
    // A rep record needs an earlier effort at this load or heavier to beat; a heavier load than ever is a weight record.
    if (!first && records.repRecords.some((r) => kgOf(r) >= kg - SAME_LOAD_KG)) broken.push('reps');
    next.repRecords = [...records.repRecords.filter((r) => !covers(point, r)), point].sort((a, b) => kgOf(b) - kgOf(a) || b.reps - a.reps);
  }
  return { records: next, broken };
}

/** Records of a list of efforts, folded in order. */
export function recordsOf(points: readonly RecordPoint[]): ExerciseRecords {
  return points.reduce((records, point) => addToRecords(records, point).records, emptyRecords());
}

/** The Epley estimate of a record point, in the unit it was logged in. */
export function e1rmOf(point: RecordPoint): number {
  return epley(point.weight, point.reps);
}
