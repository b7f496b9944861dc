import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { answerMessages, concernMessages } from '../../src/core/answer-messages.ts';
import { answerOffline, planAnswer } from '../../src/core/answer-planner.ts';
import type { Answer } from '../../src/core/answer-types.ts';
import { splitSentences } from '../../src/core/text-analysis.ts';
import { fixtureLibrary } from '../fixtures/answer-library-fixture.ts';

const library = loadLibrary();
const retriever = createMinisearchRetriever(library);
const search = (query: string) => retriever.search(query, 8);
const ask = (question: string): Answer => answerOffline(question, library, search);
const sentences = (answer: Answer) => answer.answer.split('\n').flatMap((line) => splitSentences(line));
const first = (answer: Answer) => sentences(answer)[0] ?? '';
const docOf = (passageId: string) => passageId.split('#')[0];

/** Every quote verbatim, every citation marked in the text, numbered 1..n. */
function expectGrounded(answer: Answer, lib = library): void {
  expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
  for (const c of answer.citations) {
    expect(lib.byId.get(c.passageId)?.text).toContain(c.quote);
    expect(answer.answer).toContain(`[${c.n}]`);
  }
}

describe('the first sentence answers the question', () => {
  test.each([
    ['what rep range should i use for my lats', /1[02]–20/],
    ['how many reps do hamstrings need', /8–15/],
    ['how long between sets for a booty pump', /30–90 seconds/],
    ['hours of sleep needed for recovery?', /7–9 hours/],
    ['how much protein per day for muscle', /1\.6–2\.2 g/],
    ['how long is a leg warm up', /10–15 minutes/],
    ['how long after the gym should i have my shake', /30–60 minutes/],
    ['protein after training how soon', /30–60 minutes/],
    ['how long should i warm up before glute day', /5–10 minutes/],
  ])('GIVEN the quantity question "%s" THEN the first sentence gives the figure', (question, figure) => {
    const answer = ask(question);
    expect(first(answer)).toMatch(figure);
    expectGrounded(answer);
  });

  test.each([
    ['what exactly is a giant set', /three or more exercises/],
    ['what is cellular swelling', /metabolites|osmotic/],
    ['define progressive overload', /progressive overload/i],
    ['what is hyperemia', /blood flow|hyperemia/],
  ])('GIVEN the definition question "%s" THEN the first sentence defines it', (question, definition) => {
    expect(first(ask(question))).toMatch(definition);
  });

  test.each([
    ['is the burn proof my booty is growing?', 'pump-proves-growth'],
    ['can i do blood flow restriction training on my own', 'bfr-alone'],
    ['does pump work raise growth hormone', 'pump-hormone-surge'],
  ])('GIVEN the claim "%s" THEN the recorded verdict comes first, then at once its cited reason', (question, id) => {
    const claim = library.claims.find((c) => c.id === id)!;
    const answer = ask(question);
    const [verdict, reason] = sentences(answer);
    expect(verdict).toBe(claim.verdict);
    expect(claim.because.map((b) => b.sentence)).toContain(answer.citations[0]?.quote);
    expect(reason).toContain('[1]');
    expectGrounded(answer);
  });

  test('GIVEN a disputed promotional claim THEN the answer shows the promotional source as a claim, next to the verdict, not blended', () => {
    const answer = ask('the promo says high-rep burn releases igf-1 that builds muscle, true?');
    expect(answer.citations.some((c) => docOf(c.passageId) === 'glute-pump-promo')).toBe(true);
    const promo = answer.citations.find((c) => docOf(c.passageId) === 'glute-pump-promo')!;
    expect(promo.quote).toMatch(/^The promotional article claims/);
    expect(answer.citations[0]?.passageId).not.toMatch(/promo/);
  });
});

describe('the right passage first', () => {
  test('GIVEN a back question THEN the back document leads and other groups give one sentence at most', () => {
    const answer = ask('how many reps for a back pump');
    expect(docOf(answer.citations[0]!.passageId)).toBe('back-pump');
    expect(answer.citations.filter((c) => docOf(c.passageId) !== 'back-pump').length).toBeLessThanOrEqual(1);
  });

  test('GIVEN a rep question THEN the rule leads, not a sample-session line', () => {
    const answer = ask('what rep range for glutes');
    expect(answer.citations[0]?.passageId).not.toMatch(/sample/);
  });

  test('GIVEN a request for exercises for one muscle THEN an exercise for that muscle alone leads', () => {
    expect(first(ask('best quad exercises'))).toMatch(/leg extension mainly works the quadriceps/);
  });

  test('GIVEN "how long to rest" THEN the figure that times the rest leads, not one that counts sets', () => {
    expect(first(ask('how long should i rest between leg sets'))).toMatch(/rest 60–90 seconds/);
  });

  test('GIVEN a request for a session THEN the sample session is given line by line', () => {
    const answer = ask('send me a glute pump workout');
    expect(answer.citations[0]?.passageId).toBe('glute-pump#sample-glute-session');
    expect(answer.citations.filter((c) => c.passageId === 'glute-pump#sample-glute-session').length).toBeGreaterThanOrEqual(3);
  });
});

describe('injury, medical and unsafe questions', () => {
  test.each([
    ['my knee aches when i do lunges, how many sets should i do', 'injury'],
    ['i pulled my lower back on rows yesterday', 'injury'],
    ['i have arthritis in my hips, can i do hip thrusts', 'medical'],
    ['i have diabetes, what should i eat after training', 'medical-diet'],
  ] as const)('GIVEN "%s" THEN a referral opens, then only the safety advice, and nothing is prescribed', (question, concern) => {
    const answer = ask(question);
    expect(first(answer)).toBe(concernMessages[concern]);
    expect(answer.abstained).toBe(false);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) expect(c.passageId).toBe('leg-training#safety');
    const quotes = answer.citations.map((c) => c.quote).join(' ');
    expect(quotes).toMatch(/sharp pain/);
    expect(quotes).toMatch(/qualified/);
    expect(quotes).not.toMatch(/\d|reps?\b|sets?\b|load/);
  });

  test('GIVEN a request for drugs THEN a short refusal with a referral, no quotes', () => {
    const answer = ask('whats a good sarms stack for glutes');
    expect(answer).toMatchObject({ abstained: true, citations: [], answer: concernMessages.unsafe });
    expect(answer.answer).toMatch(/doctor/);
  });

  test('GIVEN a library without safety passages THEN an injury question still gets the referral', () => {
    const bare = fixtureLibrary();
    const withoutSafety = { ...bare, passages: bare.passages.filter((p) => !/safety/i.test(p.heading)) };
    const answer = answerOffline('my hamstring hurts', withoutSafety, () => []);
    expect(answer.answer).toBe(concernMessages.injury);
    expect(answer.citations).toEqual([]);
  });
});

describe('questions in several parts', () => {
  test('GIVEN two covered parts THEN each is answered in order under its own heading', () => {
    const answer = ask('how long should i sleep and how much protein do i need');
    const lines = answer.answer.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Sleep: .*7–9 hours/);
    expect(lines[1]).toMatch(/^Daily diet: .*1\.6–2\.2 g/);
    expectGrounded(answer);
  });

  test('GIVEN a part the library does not cover THEN the covered part is answered and the rest is said to be uncovered', () => {
    const answer = ask('how much protein should i eat and how much creatine should i take');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/1\.6–2\.2 g/);
    expect(answer.answer.endsWith(answerMessages.partNotCovered)).toBe(true);
  });

  test('GIVEN no part covered THEN the answer abstains', () => {
    expect(ask('who won the game and what is the weather')).toMatchObject({ abstained: true, citations: [] });
    expect(planAnswer('who won the game and what is the weather', library, search).covered).toEqual([]);
  });

  test.each(['can i train legs 2 days in a row', 'is it ok to hit glutes back to back days', 'consecutive leg sessions ok?'])(
    'GIVEN a question about training on consecutive days ("%s") THEN the answer abstains: the library does not cover frequency',
    (question) => {
      expect(ask(question)).toMatchObject({ abstained: true, citations: [] });
    },
  );

  test('GIVEN a beginner asking about drop sets, with the context before the question THEN the recorded verdict opens the answer', () => {
    for (const question of ['should beginners do drop sets', 'im a newbie, are drop sets good for me?']) {
      expect(ask(question).answer).toMatch(/^Not as a starting point — drop sets are an advanced technique\. Drop sets are an advanced leg technique/);
    }
  });

  test('GIVEN a sentence that answers two parts THEN it is quoted once', () => {
    const answer = ask('reps and rest for glutes?');
    const quotes = answer.citations.map((c) => c.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
  });
});

describe('every answer stays grounded', () => {
  const words = ['glute', 'pump', 'hammies', 'sleep', 'reps', 'burn', 'growth', 'pain', 'lats', 'squat', 'and', 'how', 'much', 'what', 'is', '?', 'rest', 'protein', 'creatine', 'chest', 'steroids', '='];
  test('GIVEN any question built from library and chat words THEN every quote is verbatim and cited, or the answer abstains', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 10 }), (picked) => {
        const answer = ask(picked.join(' '));
        if (answer.abstained) expect(answer.citations).toEqual([]);
        expectGrounded(answer);
        // Low-reliability quotes never stand alone: a trusted passage is cited too.
        if (answer.citations.some((c) => library.byId.get(c.passageId)?.reliability === 'low')) {
          expect(answer.citations.some((c) => library.byId.get(c.passageId)?.reliability === 'high')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a yes/no question about an amount leads with the verdict against the library\'s range', () => {
  test.each([
    ['is sleeping 5 hours fine for gains', /^No — 5 hours is below the 7–9 hours/, /7–9 hours/],
    ['is 2 minutes rest too long for a pump', /^Yes — 2 minutes is more than the 30–90 seconds/, /30–90 seconds/],
    ['is 8 reps enough for a glute pump', /^No — 8 reps is below the 12–25 or more reps/, /12–25 or more reps/],
  ])('GIVEN "%s" THEN the verdict comes first and the range it rests on is the first citation', (question, lead, range) => {
    const answer = ask(question);
    expect(answer.answer).toMatch(lead);
    expect(answer.citations[0]?.quote).toMatch(range);
    expectGrounded(answer);
  });

  test('GIVEN the top sentences give alternatives (12–20 reps for most back exercises, 20–30 for some) THEN there is no verdict, only the sentences', () => {
    const answer = ask('are 30 reps too many for lat pulldowns');
    expect(answer.answer).not.toMatch(/^(Yes|No) —/);
    expect(answer.answer).toMatch(/20–30 reps/);
  });
});
