/** Small helpers shared by the benchmark sections: timing, percentiles and a uniform figure line. */
import { performance } from 'node:perf_hooks';

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Times `fn` once and returns milliseconds. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Prints a section heading. */
export function section(title: string): void {
  console.log(`\n== ${title}`);
}

/** Prints one figure with its target and whether it met it. */
export function figure(name: string, value: number, unit: string, target?: { max?: number; min?: number }): void {
  const shown = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
  let verdict = '';
  if (target?.max !== undefined) verdict = ` (target < ${target.max} ${unit}: ${value < target.max ? 'met' : 'MISSED'})`;
  if (target?.min !== undefined) verdict = ` (target ≥ ${target.min} ${unit}: ${value >= target.min ? 'met' : 'MISSED'})`;
  console.log(`${name.padEnd(52)} ${shown} ${unit}${verdict}`);
}
