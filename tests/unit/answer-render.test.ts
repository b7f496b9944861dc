import { describe, expect, test } from 'vitest';
import { citationLedger, renderAnswer } from '../../src/core/answer-render.ts';
import { fixtureLibrary } from '../fixtures/answer-library-fixture.ts';

const library = fixtureLibrary();
const sleep = library.byId.get('legs#sleep')!;
const reps = library.byId.get('legs#rep-ranges')!;

describe('rendering answer lines', () => {
  test('GIVEN fixed text and quotes THEN only quotes carry markers, and a sentence quoted twice keeps its number', () => {
    const answer = renderAnswer('q', [
      {
        lines: [
          { kind: 'text', text: 'Yes — sleep matters.' },
          { kind: 'quote', passage: sleep, sentence: 'Aim for 7 to 9 hours of sleep each night.' },
        ],
      },
      { heading: 'Sleep', lines: [{ kind: 'quote', passage: sleep, sentence: 'Aim for 7 to 9 hours of sleep each night.' }] },
    ]);
    expect(answer.answer).toBe('Yes — sleep matters. Aim for 7 to 9 hours of sleep each night [1].\nSleep: aim for 7 to 9 hours of sleep each night [1].');
    expect(answer.citations).toEqual([{ n: 1, passageId: 'legs#sleep', source: 'Training Legs Well', quote: 'Aim for 7 to 9 hours of sleep each night.' }]);
  });

  test('GIVEN two blocks under the same heading THEN the heading is written once', () => {
    const answer = renderAnswer('q', [
      { heading: 'Rep ranges', lines: [{ kind: 'quote', passage: reps, sentence: 'Most leg work sits between 8 and 15 reps per set.' }] },
      { heading: 'Rep ranges', lines: [{ kind: 'quote', passage: reps, sentence: 'Pump finishers can run from 15 to 25 reps.' }] },
    ]);
    expect(answer.answer.match(/Rep ranges:/g)).toHaveLength(1);
  });

  test('GIVEN a ledger THEN numbers follow first use', () => {
    const ledger = citationLedger();
    expect([ledger.numberFor(sleep, 'a'), ledger.numberFor(reps, 'b'), ledger.numberFor(sleep, 'a'), ledger.numberFor(sleep, 'b')]).toEqual([1, 2, 1, 3]);
  });
});
