import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { editDistance } from '../../src/core/text-analysis.ts';

/** The textbook table (a fresh row per letter), as editDistance was first written: the reference it must match. */
function reference(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

describe('editDistance', () => {
  test('GIVEN any two words and budget THEN it agrees with the textbook table, rolling rows and all', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'r', 'n'), maxLength: 40 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => editDistance(a, b, max) === reference(a, b, max)), { numRuns: 3000 });
  });

  test('GIVEN a swap and a typo THEN each costs one', () => {
    expect([editDistance('rnage', 'range', 2), editDistance('protien', 'protein', 2), editDistance('hamstirng', 'hamstring', 2)]).toEqual([1, 1, 1]);
  });
});
