/** Load units: every entry keeps the unit it was logged in; conversions are exact and rounding is for display only. */

/** The units a load may be logged in. */
export const WEIGHT_UNITS = ['kg', 'lb'] as const;
/** A load unit. */
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

/** One international avoirdupois pound in kilograms, exactly (the 1959 definition). */
export const KG_PER_LB = 0.45359237;

/** True for 'kg' and 'lb'. */
export function isWeightUnit(value: unknown): value is WeightUnit {
  return value === 'kg' || value === 'lb';
}

/** A load in kilograms, for comparing loads logged in different units. */
export function toKg(weight: number, unit: WeightUnit): number {
  return unit === 'kg' ? weight : weight * KG_PER_LB;
}

/** A load converted exactly into another unit (no rounding). */
export function convertWeight(weight: number, from: WeightUnit, to: WeightUnit): number {
  if (from === to) return weight;
  return to === 'kg' ? weight * KG_PER_LB : weight / KG_PER_LB;
}

/** `value` rounded to `decimals` places, without binary noise (0.1 + 0.2 → 0.3). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/**
 * A number as a member reads it: at most `decimals` places, trailing zeros dropped (100, 102.5, 220.46).
 * @default decimals 2
 */
export function formatNumber(value: number, decimals = 2): string {
  return String(roundTo(value, decimals));
}

/**
 * A load shown in the member's unit: as logged when the units match (up to 2 decimals), else converted exactly and
 * rounded to one decimal for display only.
 */
export function formatWeight(weight: number, loggedIn: WeightUnit, shownIn: WeightUnit): string {
  return loggedIn === shownIn ? `${formatNumber(weight)} ${shownIn}` : `${formatNumber(convertWeight(weight, loggedIn, shownIn), 1)} ${shownIn}`;
}
