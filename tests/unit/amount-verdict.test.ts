import { describe, expect, test } from 'vitest';
import { amountVerdict, askedAmount, judgementOf, rangeIn } from '../../src/core/amount-verdict.ts';

const SLEEP = 'For recovery and growth, aim for 7–9 hours of good-quality sleep every night.';
const BACK_REST = 'For a back pump, keep rest between sets short, at 30–90 seconds.';
const BACK_REST_PURE = 'In a workout built purely for a back pump, rest only 30–60 seconds between sets.';
const REST_PAUSE = 'A rest-pause set means doing a set to near failure, resting 10–15 seconds, then going again.';
const GLUTE_REPS = 'For a glute pump, aim for sets of 12–25 or more reps.';
const BACK_REPS = 'In a back pump workout, use 12–20 reps per set for most exercises.';
const BACK_ISOLATION = 'Some back isolation exercises can go even higher, to 20–30 reps per set.';
const SESSION = 'A sample leg session for the pump begins with a 10–15 minute warm-up and ends with a 5–10 minute cool-down.';
const MEAL = 'Eat a meal of complex carbohydrates and some protein 1–2 hours before a leg workout.';
const HIP_THRUST = 'The sample glute session opens with the barbell hip thrust for 3–4 sets of 15–20 reps, resting 60–90 seconds.';

/** The verdict as one line: "yes/no relation range", or "none". */
function verdict(question: string, sentences: string[]): string {
  const found = amountVerdict(question, sentences);
  return found ? `${found.yes ? 'yes' : 'no'} ${found.amount.words} ${found.relation} ${found.range.words}` : 'none';
}

describe('a yes/no question about one amount, against the ranges the answer quotes', () => {
  test.each([
    ['is sleeping 5 hours fine for gains', [SLEEP], 'no 5 hours below 7–9 hours'],
    ['is 6 hours sleep bad', [SLEEP], 'yes 6 hours below 7–9 hours'],
    ['is 10 hours of sleep too much', [SLEEP], 'yes 10 hours above 7–9 hours'],
    ['is an hour of sleep enough lol', [SLEEP], 'no an hour below 7–9 hours'],
    ['is 2 minutes rest too long for a pump', [BACK_REST, BACK_REST_PURE], 'yes 2 minutes above 30–90 seconds'],
    ['bro is 45 sec rest between sets fine for back pump?', [BACK_REST, BACK_REST_PURE, REST_PAUSE], 'yes 45 seconds within 30–90 seconds'],
    ['is 8 reps enough for a glute pump', [GLUTE_REPS], 'no 8 reps below 12–25 or more reps'],
    ['is 40 reps too many for a glute pump', [GLUTE_REPS], 'no 40 reps within 12–25 or more reps'],
    ['is doing 4 sets of hip thrusts too much', [HIP_THRUST], 'no 4 sets within 3–4 sets'],
    ['is resting 60 seconds ok for glute pump', [HIP_THRUST], 'yes 60 seconds within 60–90 seconds'],
  ])('GIVEN "%s" THEN the verdict is what a coach would lead with', (question, sentences, expected) => {
    expect(verdict(question, sentences)).toBe(expected);
  });

  test.each([
    ['the top two ranges place the amount differently (alternatives, not a verdict)', 'are 30 reps too many for lat pulldowns', [BACK_REPS, BACK_ISOLATION]],
    ['a session length is not a warm-up or a cool-down', 'is a 60 minute workout too long', [SESSION]],
    ['training time is not sleep, and a meal 1–2 hours before is a timing, not a length', 'is 2 hours of training too much', [SLEEP, MEAL]],
    ['two numbers in the question', 'do i need 8 hours of sleep or is 7 enough', [SLEEP]],
    ['an amount compared with another', 'is less than 6 hours of sleep ok', [SLEEP]],
    ['no judgement asked', 'does 5 hours of sleep hurt gains', [SLEEP]],
    ['a time with nothing it is of', 'is 5 hours fine', [SLEEP]],
    ['no range of that kind', 'are 3 sets enough for glutes', [GLUTE_REPS]],
  ])('GIVEN %s THEN there is no verdict', (_situation, question, sentences) => {
    expect(verdict(question, sentences)).toBe('none');
  });

  test('GIVEN the ways a member writes an amount THEN each is read with its unit', () => {
    expect(['5 hours', '2 min', '90s', 'a minute', '3 sets', 'twelve reps'].map((text) => askedAmount(`is ${text} fine for sleep`)?.value)).toEqual([18_000, 120, 90, 60, 3, 12]);
  });

  test('GIVEN the judgements a member asks for THEN "not enough" is too little, not enough', () => {
    expect(['is it enough', 'is it not enough', 'too many?', 'too short?', 'is that ok', 'is that bad', 'will it work'].map(judgementOf)).toEqual(['enough', 'too-little', 'too-much', 'too-little', 'fine', 'bad', undefined]);
  });

  test('GIVEN open ranges THEN "12–25+" and "12–25 or more" have no upper end', () => {
    expect(rangeIn('Use 12–25+ reps.', 'reps')?.max).toBe(Number.POSITIVE_INFINITY);
    expect(rangeIn(GLUTE_REPS, 'reps')?.max).toBe(Number.POSITIVE_INFINITY);
    expect(rangeIn(BACK_REPS, 'reps')).toMatchObject({ min: 12, max: 20 });
  });
});
