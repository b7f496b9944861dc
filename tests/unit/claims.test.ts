import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KnowledgeError } from '../../src/adapters/knowledge/knowledge-error.ts';
import { CLAIMS_FILE, parseClaims } from '../../src/adapters/knowledge/load-claims.ts';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { defaultKnowledgeDir } from '../../src/adapters/knowledge/paths.ts';
import { claimQuery, matchClaim, type Claim } from '../../src/core/claims.ts';
import { splitSentences } from '../../src/core/text-analysis.ts';
import { fixtureLibrary } from '../fixtures/answer-library-fixture.ts';

const fixture = fixtureLibrary();
const shipped = loadLibrary();

function claim(id: string, asks: string[][], extra: Partial<Claim> = {}): Claim {
  return {
    id,
    claim: id,
    asks,
    verdict: 'No — a verdict.',
    because: [{ passage: 'glutes#a-pump-is-not-proof-of-growth', sentence: 'A glute pump is a short-lived swelling and is not a direct sign that the muscle grew.' }],
    supports: [],
    disputes: [],
    ...extra,
  };
}

describe('matching a question to a recorded claim', () => {
  const sign = claim('pump-sign', [['pump', 'burn'], ['sign']]);
  const growth = claim('pump-growth', [['pump', 'burn'], ['growth']]);
  const hormone = claim('hormone', [['growth hormone', 'igf'], ['pump']]);
  const overload = claim('overload', [['progressive overload'], ['most', 'main']]);
  const claims = [sign, growth, hormone, overload];
  const match = (question: string) => matchClaim(claimQuery(question), claims)?.id;

  test.each([
    ['does the burn prove my glutes grow', 'pump-sign'],
    ['does a booty pump build mass', 'pump-growth'],
    ['does the pump release growth hormone', 'hormone'],
    ['is progressive overload the most important thing', 'overload'],
  ])('GIVEN "%s" THEN it asks about %s', (question, id) => {
    expect(match(question)).toBe(id);
  });

  test('GIVEN an entry with a filler word THEN it matches as a phrase, word for word', () => {
    const badForm = claim('bad-form', [['bad form'], ['fine', 'ok']]);
    expect(matchClaim(claimQuery('is lifting with bad form fine'), [badForm])?.id).toBe('bad-form');
    expect(matchClaim(claimQuery('is it bad to focus on form, is that fine'), [badForm])).toBeUndefined();
  });

  test('GIVEN a question naming only some of a claim\'s groups THEN it is not that claim', () => {
    expect(match('is progressive overload hard')).toBeUndefined();
    expect(match('what is the pump')).toBeUndefined();
  });

  test('GIVEN two claims that both match THEN the one whose words match more specifically wins, then the first listed', () => {
    // "growth hormone" matches two words; "growth" one.
    expect(match('does the pump trigger growth hormone')).toBe('hormone');
    // "the pump means growth" names a sign (phrase rule) and growth: a tie on words, so the first listed wins.
    expect(match('the pump means growth')).toBe('pump-sign');
  });

  test.each([
    ['is sleeping 5 hours fine for gains'],
    ['are six sets of burn work a sign of growth'],
    ['is 3x10 enough of a pump for growth'],
  ])('GIVEN the member\'s own figure in "%s" THEN no recorded verdict judges it (the answer opens with the library\'s figure)', (question) => {
    const sleep = claim('sleep', [['sleep', 'sleeping'], ['growth', 'fine']]);
    expect(matchClaim(claimQuery(question), [...claims, sleep])).toBeUndefined();
  });

  test.each([['does the pump spike igf-1'], ['does the burn hit 4 growth pathways']])('GIVEN a number that is a name or a count, not a measure, in "%s" THEN claims still match', (question) => {
    expect(match(question)).toBeDefined();
  });
});

describe('the claims file', () => {
  const valid = {
    claims: [
      {
        id: 'pump-sign',
        claim: 'A pump proves growth.',
        asks: [['pump'], ['sign']],
        verdict: 'No — a pump is short-lived.',
        because: [{ passage: 'glutes#a-pump-is-not-proof-of-growth', sentence: 'A glute pump is a short-lived swelling and is not a direct sign that the muscle grew.' }],
        supports: ['promo#burn-claim'],
        disputes: ['glutes#a-pump-is-not-proof-of-growth'],
      },
    ],
  };
  const withClaim = (change: Record<string, unknown>) => ({ claims: [{ ...valid.claims[0], ...change }] });

  test('GIVEN a valid file THEN its claims load with supports and disputes', () => {
    const [loaded] = parseClaims('claims.yaml', valid, fixture);
    expect(loaded).toMatchObject({ id: 'pump-sign', supports: ['promo#burn-claim'] });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['a missing verdict', { verdict: undefined }, /claims\.yaml: claims\.0\.verdict is invalid/],
    ['an unknown reason passage', { because: [{ passage: 'legs#nowhere', sentence: 'x' }] }, /claims\.0\.because\.0\.passage names unknown passage "legs#nowhere"/],
    [
      'a reason that is not a sentence of its passage word for word',
      { because: [{ passage: 'legs#sleep', sentence: 'Aim for 7 to 9 hours of sleep.' }] },
      /claims\.0\.because\.0\.sentence is not a sentence of "legs#sleep"/,
    ],
    [
      'a reason from a low-reliability passage',
      { because: [{ passage: 'promo#burn-claim', sentence: 'It tells readers to chase the burn in every glute session.' }] },
      /claims\.0\.because\.0\.passage "promo#burn-claim" is low reliability/,
    ],
    ['an unknown disputing passage', { disputes: ['glutes#missing'] }, /claims\.0\.disputes\.0 names unknown passage/],
    ['an asks entry with no words', { asks: [['pump'], ['!!!']] }, /claims\.0\.asks\.1\.0 has no words/],
  ])('GIVEN %s THEN the error names the file and the field', (_label, change, message) => {
    expect(() => parseClaims('claims.yaml', withClaim(change), fixture)).toThrow(KnowledgeError);
    expect(() => parseClaims('claims.yaml', withClaim(change), fixture)).toThrow(message);
  });

  test('GIVEN two claims with one id THEN the second is named', () => {
    expect(() => parseClaims('claims.yaml', { claims: [valid.claims[0], valid.claims[0]] }, fixture)).toThrow(/claims\.1\.id "pump-sign" is already used by claims\.0/);
  });

  test('GIVEN a knowledge folder whose claims.yaml is broken THEN loadLibrary names the file and the field; without the file there are no claims', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pump-coach-claims-'));
    try {
      const doc = readFileSync(join(defaultKnowledgeDir, 'leg-training.md'), 'utf8');
      writeFileSync(join(dir, 'leg-training.md'), doc);
      expect(loadLibrary(dir).claims).toEqual([]);
      writeFileSync(join(dir, CLAIMS_FILE), 'claims:\n  - id: sleep\n    claim: Sleep matters.\n    asks: [[sleep]]\n    verdict: Yes.\n    because:\n      - passage: leg-training#sleep\n        sentence: Sleep a lot.\n');
      expect(() => loadLibrary(dir)).toThrow(/claims\.yaml: claims\.0\.because\.0\.sentence is not a sentence of "leg-training#sleep"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the shipped claims', () => {
  test('GIVEN knowledge/claims.yaml THEN it records verdicts', () => {
    expect(shipped.claims.length).toBeGreaterThanOrEqual(20);
  });

  test.each(shipped.claims.map((c) => [c.id, c] as const))('GIVEN the claim %s THEN every figure of its verdict stands in one of its reasons', (_id, c) => {
    const reasons = c.because.map((b) => b.sentence).join(' ');
    for (const figure of c.verdict.match(/\d+(?:\.\d+)?/g) ?? []) expect(reasons).toContain(figure);
    for (const b of c.because) expect(splitSentences(shipped.byId.get(b.passage)?.text ?? '')).toContain(b.sentence);
  });

  test.each([
    ['is the burn in my glutes a sign theyre growing', 'pump-proves-growth'],
    ['does getting pumped build muscle', 'pump-causes-growth'],
    ['does pump work spike igf-1', 'pump-hormone-surge'],
    ['is bfr ok without a coach', 'bfr-alone'],
    ['should i still train heavy on glute days', 'still-lift-heavy'],
    ['is cell swelling the biggest driver of hypertrophy', 'swelling-main-trigger'],
    ['does staying hydrated matter for a good pump', 'hydration-pump'],
    ['do cables work better than dumbbells for lats', 'cables-for-back-pump'],
    ['can the burn raise igf and make muscles grow', 'pump-hormone-surge'],
    ['is sleep overrated for building muscle', 'less-sleep-is-fine'],
    ['is sleep important for building muscle', 'sleep-for-growth'],
    ['is ego lifting ok for a pump', 'bad-form-is-fine'],
  ])('GIVEN the member phrasing "%s" THEN it names the recorded claim %s', (question, id) => {
    expect(matchClaim(claimQuery(question), shipped.claims)?.id).toBe(id);
  });
});
