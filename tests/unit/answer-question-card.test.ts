import { describe, expect, test } from 'vitest';
import { answerCard, answerCardMessages } from '../../src/app/answer-card.ts';
import type { Answer } from '../../src/core/answer-types.ts';

const base: Answer = {
  question: 'how much sleep?',
  mode: 'offline',
  abstained: false,
  answer: 'Aim for 7 to 9 hours [1].',
  citations: [{ n: 1, passageId: 'legs#sleep', source: 'Training Legs Well', quote: 'Aim for 7 to 9 hours of sleep each night.' }],
  fallbackReason: 'no ANTHROPIC_API_KEY set',
};

describe('answer card', () => {
  test('GIVEN an offline answer THEN the card shows the text, numbered sources and the answerer with its reason', () => {
    const card = answerCard(base);
    expect(card.description).toBe(base.answer);
    expect(card.fields).toEqual([{ name: 'Sources', value: '[1] Training Legs Well — "Aim for 7 to 9 hours of sleep each night."' }]);
    expect(card.footer).toBe(`${answerCardMessages.offline} (no ANTHROPIC_API_KEY set)`);
  });

  test('GIVEN a Claude answer THEN the footer names Claude', () => {
    expect(answerCard({ ...base, mode: 'claude', fallbackReason: undefined }).footer).toBe(answerCardMessages.claude);
  });

  test('GIVEN many long quotes THEN each is trimmed with … and the field stays under 1024 characters', () => {
    const long = 'word '.repeat(200).trim() + '.';
    const citations = Array.from({ length: 12 }, (_, i) => ({ n: i + 1, passageId: `d#p${i}`, source: 'A Source With A Fairly Long Title', quote: long }));
    const card = answerCard({ ...base, citations });
    const value = card.fields[0]!.value;
    expect(value.length).toBeLessThanOrEqual(1024);
    expect(value).toContain('…');
    expect(value.startsWith('[1] A Source With A Fairly Long Title — "')).toBe(true);
  });

  test('GIVEN an abstention THEN the card says the library does not cover it and lists no sources', () => {
    const card = answerCard({ ...base, abstained: true, citations: [], answer: 'The coaching library does not cover that question.' });
    expect(card.title).toBe(answerCardMessages.notCoveredTitle);
    expect(card.fields).toEqual([]);
    expect(card.description).toMatch(/does not cover/);
  });

  test('GIVEN an abstention whose fallback reason is a very long error THEN the footer stays within Discord\'s 2048 characters', () => {
    const reason = `Claude failed unexpectedly (${'x'.repeat(3000)})`;
    const card = answerCard({ ...base, abstained: true, citations: [], answer: 'The coaching library does not cover that question.', fallbackReason: reason });
    expect(card.footer!.length).toBeLessThanOrEqual(2048);
    expect(card.footer!.startsWith(answerCardMessages.offline)).toBe(true);
  });
});
