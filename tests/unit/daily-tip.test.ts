import { describe, expect, test } from 'vitest';
import { dailyTip, sentencesOf } from '../../src/core/daily-tip.ts';
import { makeLibrary, type Passage } from '../../src/core/library.ts';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { GROUPS } from '../../src/core/plan-types.ts';

function passage(id: string, text: string, extra: Partial<Passage> = {}): Passage {
  const [docId = '', slug = ''] = id.split('#');
  return { id, docId, docTitle: docId, sourceTitle: `Source ${docId}`, heading: slug, text, reliability: 'high', topics: [], disputedBy: [], ...extra };
}

const library = makeLibrary(
  [],
  [
    passage('leg-training#one', 'Squats build the quads and the glutes when done deep. Short. Lunges train one leg at a time and fix imbalances.'),
    passage('back-pump#rows', 'Seated cable rows squeeze the shoulder blades together at the end.'),
    passage('glute-pump-promo#claim', 'The burn proves that glutes are growing faster than ever before.', { reliability: 'low' }),
    passage('glute-pump#disputed', 'Every pump is growth and nothing else matters for the glutes.', { disputedBy: ['back-pump#rows'] }),
  ],
);

describe('tip of the day', () => {
  test('GIVEN a group with its own document THEN the quote is a verbatim sentence of that document', () => {
    for (let cycle = 0; cycle < 5; cycle += 1) {
      const tip = dailyTip(library, 'legs', cycle);
      expect(tip?.passageId).toBe('leg-training#one');
      expect(library.byId.get('leg-training#one')?.text).toContain(tip?.quote);
    }
  });

  test('GIVEN consecutive cycles THEN the tips walk the pool before repeating', () => {
    const quotes = [0, 1].map((cycle) => dailyTip(library, 'legs', cycle)?.quote);
    expect(new Set(quotes).size).toBe(2);
    expect(dailyTip(library, 'legs', 2)?.quote).toBe(quotes[0]);
  });

  test('GIVEN only low-reliability or disputed passages about a group THEN the tip comes from a trusted passage instead', () => {
    const tip = dailyTip(library, 'glutes', 0);
    expect(tip?.passageId).not.toMatch(/promo|disputed/);
  });

  test('GIVEN an empty library THEN there is no tip', () => {
    expect(dailyTip(makeLibrary([], []), 'legs', 0)).toBeUndefined();
  });

  test('GIVEN a passage with short fragments THEN too-short sentences are never quoted', () => {
    expect(sentencesOf('One. Two three four.')).toEqual(['One.', 'Two three four.']);
    const quotes = [0, 1, 2, 3].map((cycle) => dailyTip(library, 'legs', cycle)?.quote);
    expect(quotes).not.toContain('Short.');
  });

  test('GIVEN the shipped library THEN every group gets a high-reliability, undisputed tip from its own document, quoted verbatim', () => {
    const shipped = loadLibrary();
    const docFor = { legs: 'leg-training', back: 'back-pump', glutes: 'glute-pump' } as const;
    for (const group of GROUPS) {
      for (let cycle = 0; cycle < 30; cycle += 1) {
        const tip = dailyTip(shipped, group, cycle);
        const source = shipped.byId.get(tip?.passageId ?? '');
        expect(source?.docId).toBe(docFor[group]);
        expect(source?.reliability).toBe('high');
        expect(source?.disputedBy).toEqual([]);
        expect(source?.text).toContain(tip?.quote);
        expect(tip?.sourceTitle).toBe(source?.sourceTitle);
      }
    }
  });
});
