/** Unit conversion: exact (1 lb = 0.45359237 kg), rounded for display only. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { convertWeight, formatWeight, KG_PER_LB, toKg } from '../../src/core/units.ts';

describe('units', () => {
  test('GIVEN the pound THEN it is exactly 0.45359237 kg', () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(toKg(1, 'lb')).toBe(0.45359237);
    expect(toKg(100, 'kg')).toBe(100);
  });

  test.each([
    [100, 'kg', 'kg', '100 kg'],
    [102.25, 'kg', 'kg', '102.25 kg'],
    [100, 'kg', 'lb', '220.5 lb'],
    [225, 'lb', 'kg', '102.1 kg'],
    [45, 'lb', 'lb', '45 lb'],
    [0, 'lb', 'kg', '0 kg'],
  ] as const)('GIVEN %d %s shown in %s THEN it reads %s', (weight, from, to, text) => {
    expect(formatWeight(weight, from, to)).toBe(text);
  });

  test('GIVEN any load THEN converting to the other unit and back gives it again (to 1e-9)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom('kg' as const, 'lb' as const), (weight, unit) => {
        const other = unit === 'kg' ? 'lb' : 'kg';
        expect(convertWeight(convertWeight(weight, unit, other), other, unit)).toBeCloseTo(weight, 9);
        expect(toKg(convertWeight(weight, unit, other), other)).toBeCloseTo(toKg(weight, unit), 9);
      }),
    );
  });

  test('GIVEN any load THEN display rounding moves it by at most half a tenth of the shown unit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (kg) => {
        const shown = Number(formatWeight(kg, 'kg', 'lb').split(' ')[0]);
        expect(Math.abs(shown - kg / KG_PER_LB)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});
