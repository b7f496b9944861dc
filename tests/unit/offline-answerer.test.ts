import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import type { Answer } from '../../src/core/answer-types.ts';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { answerMessages, composeOfflineAnswer, continueAfterLead } from '../../src/core/offline-answerer.ts';
import { fixtureLibrary } from '../fixtures/answer-library-fixture.ts';

const library = fixtureLibrary();
const retriever = createMinisearchRetriever(library);
const answer = (question: string): Answer => composeOfflineAnswer(question, retriever.search(question, 5), library);

/** The answer's sentences, split after each [n] marker and its closing punctuation. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=\[\d+\][.!?]["”’)]*)\s+/).filter(Boolean);
}

function expectWellFormed(result: Answer): void {
  const sentences = sentencesOf(result.answer);
  expect(sentences.length).toBeGreaterThanOrEqual(2);
  expect(sentences.length).toBeLessThanOrEqual(5);
  for (const sentence of sentences) expect(sentence).toMatch(/\[\d+\][.!?]["”’)]*$/);
  expect(result.citations.map((c) => c.n)).toEqual(result.citations.map((_, i) => i + 1));
  for (const citation of result.citations) {
    expect(result.answer).toContain(`[${citation.n}]`);
    expect(library.byId.get(citation.passageId)?.text).toContain(citation.quote);
    expect(citation.source).toBe(library.byId.get(citation.passageId)?.sourceTitle);
  }
}

function expectNoLoneLowSource(result: Answer): void {
  for (const citation of result.citations) {
    const passage = library.byId.get(citation.passageId)!;
    if (passage.reliability !== 'low') continue;
    expect(result.citations.some((c) => passage.disputedBy.includes(c.passageId))).toBe(true);
  }
}

describe('offline answerer', () => {
  test.each([
    'What rep range for legs?',
    'best moves for my hammies?',
    'how much sleep do i need to grow',
    'what is progressive overload',
    'Does a glute pump mean my glutes grew?',
    'how do i do lat pulldowns',
  ])('GIVEN "%s" THEN 2–5 sentences, each with a marker, each quote verbatim', (question) => {
    const result = answer(question);
    expect(result.mode).toBe('offline');
    expect(result.abstained).toBe(false);
    expectWellFormed(result);
  });

  test('GIVEN a rep-range question THEN the cited quotes carry the numbers', () => {
    expect(answer('What rep range for legs?').citations.map((c) => c.quote).join(' ')).toMatch(/8 and 15/);
  });

  test('GIVEN nothing retrieved THEN it abstains with no citations', () => {
    const result = composeOfflineAnswer('What is the capital of France?', [], library);
    expect(result).toMatchObject({ abstained: true, citations: [], answer: answerMessages.notCovered });
  });

  test('GIVEN the same question twice THEN the answer is identical (deterministic)', () => {
    expect(answer('does the pump build muscle')).toEqual(answer('does the pump build muscle'));
  });

  test('GIVEN a disputed low-reliability claim is used THEN the disputing passage is cited and the disagreement named', () => {
    const result = answer('Is the burn proof my glutes are growing?');
    const ids = result.citations.map((c) => c.passageId);
    expect(ids).toContain('promo#burn-claim');
    expect(ids).toContain('glutes#a-pump-is-not-proof-of-growth');
    expect(result.answer).toContain(answerMessages.disagree);
    expectWellFormed(result);
  });

  test('GIVEN an undisputed low-reliability passage ranks high THEN it is never cited alone', () => {
    const result = answer('promotional advice for starting glute work with constant tension');
    expect(result.citations.map((c) => c.passageId)).not.toContain('promo#starter-advice');
    expectNoLoneLowSource(result);
  });

  test.each(['my hamstrings hurt during romanian deadlifts', 'is it safe to do heavy front squats', 'I tweaked my back doing lat pulldowns'])(
    'GIVEN the pain/safety question "%s" THEN the safety advice (sharp pain; qualified guidance) is kept',
    (question) => {
      const result = answer(question);
      const quotes = result.citations.filter((c) => c.passageId === 'legs#safety').map((c) => c.quote).join(' ');
      expect(quotes).toMatch(/sharp pain/);
      expect(quotes).toMatch(/qualified/);
      expectWellFormed(result);
    },
  );

  test('GIVEN any question built from library words THEN answers stay well formed or abstain', () => {
    const words = ['glute', 'pump', 'hammies', 'sleep', 'reps', 'burn', 'growth', 'pain', 'lats', 'squat', 'promo', 'hip', 'thrust', 'overload', 'the', 'how', 'much'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), (picked) => {
        const result = answer(picked.join(' '));
        if (result.abstained) {
          expect(result.citations).toEqual([]);
          return;
        }
        expectWellFormed(result);
        expectNoLoneLowSource(result);
      }),
      { numRuns: 200 },
    );
  });
});

describe('offline answerer on the shipped library (members trying to trip it up)', () => {
  const shipped = loadLibrary();
  const shippedRetriever = createMinisearchRetriever(shipped);
  const ask = (question: string): Answer => composeOfflineAnswer(question, shippedRetriever.search(question, 5), shipped);

  test.each([
    ['A glute pump is not a direct sign of growth.', 'a glute pump is not a direct sign of growth.'],
    ['Cellular swelling can contribute to growth.', 'cellular swelling can contribute to growth.'],
    ['Myo-reps start with a main set.', 'myo-reps start with a main set.'],
    ['BFR training limits venous return.', 'BFR training limits venous return.'],
    ['L-citrulline may help the pump.', 'L-citrulline may help the pump.'],
    ['IGF-1 is a growth factor.', 'IGF-1 is a growth factor.'],
  ])('GIVEN "%s" after a colon lead THEN it continues the sentence as "%s"', (sentence, expected) => {
    expect(continueAfterLead(sentence)).toBe(expected);
  });

  test('GIVEN "is the burn proof of growth" THEN the rebuttal continues "The sources disagree:" in lowercase and its quote stays verbatim', () => {
    const result = ask('is the burn proof of growth');
    expect(result.answer).toMatch(new RegExp(`${answerMessages.disagree} [a-z]`));
    expect(result.answer).not.toMatch(new RegExp(`${answerMessages.disagree} [A-Z][a-z]`));
    for (const citation of result.citations) expect(shipped.byId.get(citation.passageId)?.text).toContain(citation.quote);
  });

  test.each(['my knee hurts when i squat what do i do', 'my lower back hurts after rows', 'my hamstring got tweaked on rdls, keep training?', 'is it normal to be sore after leg day'])(
    'GIVEN the pain report "%s" THEN every sentence is safety or form advice, with stop-on-sharp-pain and qualified help',
    (question) => {
      const result = ask(question);
      expect(result.abstained).toBe(false);
      for (const citation of result.citations) {
        const heading = shipped.byId.get(citation.passageId)!.heading;
        expect(`${heading} ${citation.quote}`).toMatch(/safe|form|injur|risk|supervis|guidance|professional|qualified|trainer/i);
      }
      const quotes = result.citations.map((c) => c.quote).join(' ');
      expect(quotes).toMatch(/sharp pain/);
      expect(quotes).toMatch(/qualified/);
    },
  );

  test('GIVEN a question about glute tempo THEN no sentence from a passage that never names the glutes (lat pulldown tempo) is cited', () => {
    const result = ask('what tempo for glutes');
    expect(result.citations.length).toBeGreaterThan(0);
    for (const citation of result.citations) expect(citation.passageId).not.toMatch(/^back-pump#/);
  });

  test('GIVEN a question on two subjects (protein and sleep) THEN the answer covers both', () => {
    const quotes = ask('how much protein, and how much sleep?').citations.map((c) => c.quote).join(' ');
    expect(quotes).toMatch(/sleep/i);
    expect(quotes).toMatch(/protein/i);
  });

  test('GIVEN "what should i eat before leg day" THEN the unrelated "glute day or leg day" sentence is not cited', () => {
    const result = ask('what should i eat before leg day');
    expect(result.citations[0]?.passageId).toBe('leg-training#pre-workout-meal');
    expect(result.answer).not.toMatch(/dedicated glute day/);
  });

  test.each(['Does a pump mean growth?', 'is cellular swelling a growth trigger', 'does the burn mean im growing', 'does pump training improve nutrient partitioning', 'do hormones from the pump build muscle'])(
    'GIVEN the claim question "%s" THEN no low-reliability quote is the promo\'s own note on who disputes it; the disputer is quoted',
    (question) => {
      const result = ask(question);
      for (const citation of result.citations) {
        const passage = shipped.byId.get(citation.passageId)!;
        if (passage.reliability !== 'low') continue;
        expect(citation.quote).not.toMatch(/instructional/i);
        expect(result.citations.some((c) => passage.disputedBy.includes(c.passageId))).toBe(true);
      }
    },
  );

  test.each(['light weights for a pump?', 'is bfr worth it', 'can lighter loads still give a pump'])(
    'GIVEN "%s" THEN a quoted passage with a supervision caution brings that caution along',
    (question) => {
      const result = ask(question);
      for (const id of new Set(result.citations.map((c) => c.passageId))) {
        const passage = shipped.byId.get(id)!;
        if (passage.reliability !== 'high' || !/supervis|professional|qualified|expert/i.test(passage.text)) continue;
        const quoted = result.citations.filter((c) => c.passageId === id).map((c) => c.quote).join(' ');
        expect(quoted).toMatch(/supervis|professional|qualified|expert/i);
      }
    },
  );
});
