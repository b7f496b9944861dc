import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/core/answer-types.ts';
import { judgeOnPoint, kindOf, type EvalQuestion } from '../eval/on-point.ts';

const answer = (text: string, extra: Partial<Answer> = {}): Answer => ({ question: 'q', mode: 'offline', abstained: false, answer: text, citations: [], ...extra });
const quote = (text: string) => ({ n: 1, passageId: 'a#b', source: 's', quote: text });

describe('what the eval counts as on point', () => {
  test.each<[string, EvalQuestion, Answer, boolean]>([
    ['a lead fact in the second sentence', { id: '1', q: 'q', kind: 'lead', expect: '12–25' }, answer('Rule one [1]. Aim for 12–25 reps [2]. More [3].'), true],
    ['a lead fact only in the third sentence', { id: '1', q: 'q', kind: 'lead', expect: '12–25' }, answer('Rule one [1]. Rule two [2]. Aim for 12–25 reps [3].'), false],
    [
      'a verdict first and the reason cited',
      { id: '1', q: 'q', kind: 'verdict', verdict: '^no\\b', expect: 'temporary' },
      answer('No — not proof. A pump is temporary [1].', { citations: [quote('A pump is temporary.')] }),
      true,
    ],
    [
      'a verdict whose reason is not cited',
      { id: '1', q: 'q', kind: 'verdict', verdict: '^no\\b', expect: 'temporary' },
      answer('No — not proof, a pump is temporary.'),
      false,
    ],
    ['a referral first and nothing prescribed', { id: '1', q: 'q', kind: 'refer' }, answer('See a physiotherapist or a doctor. Stop if you feel sharp pain [1].'), true],
    ['a referral that prescribes reps', { id: '1', q: 'q', kind: 'refer' }, answer('See a doctor. Do 3 sets of 12–15 reps [1].'), false],
    ['a referral that names an exercise', { id: '1', q: 'q', kind: 'refer' }, answer('See a doctor. Hip thrusts are fine [1].'), false],
    ['no referral', { id: '1', q: 'q', kind: 'refer' }, answer('Stop if you feel sharp pain [1].'), false],
    ['an abstention', { id: '1', q: 'q', kind: 'abstain' }, answer('Not covered.', { abstained: true }), true],
    ['every part present', { id: '1', q: 'q', kind: 'multi', parts: ['1\\.6', '7–9'] }, answer('Eat 1.6 g [1].\nSleep 7–9 hours [2].'), true],
    ['a part missing', { id: '1', q: 'q', kind: 'multi', parts: ['1\\.6', '7–9'] }, answer('Sleep 7–9 hours [1].'), false],
  ])('GIVEN %s THEN on point is %s', (_label, question, given, ok) => {
    expect(judgeOnPoint(question, given).ok).toBe(ok);
  });

  test('GIVEN a line of the shared format THEN it is scored as abstain or lead', () => {
    expect(kindOf({ id: 'x', q: 'q', abstain: true })).toBe('abstain');
    expect(kindOf({ id: 'x', q: 'q', expect: 'a' })).toBe('lead');
  });
});
