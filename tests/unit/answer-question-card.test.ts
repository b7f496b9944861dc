import { describe, expect, test } from 'vitest';
import { answerCard } from '../../src/commands/cards/answer-card.ts';
import { answerCardText } from '../../src/commands/messages.ts';
import type { Answer } from '../../src/core/answer-types.ts';
import { cardEmbed, EMBED_LIMITS } from '../../src/discord/render/card-embed.ts';

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
    expect(card.footer).toBe(`${answerCardText.offline} (no ANTHROPIC_API_KEY set)`);
  });

  test('GIVEN a Claude answer THEN the footer names Claude', () => {
    expect(answerCard({ ...base, mode: 'claude', fallbackReason: undefined }).footer).toBe(answerCardText.claude);
  });

  test('GIVEN many long quotes THEN each is trimmed with … and the Discord embed keeps every source within the field limit', () => {
    const long = 'word '.repeat(200).trim() + '.';
    const citations = Array.from({ length: 12 }, (_, i) => ({ n: i + 1, passageId: `d#p${i}`, source: 'A Source With A Fairly Long Title', quote: long }));
    const card = answerCard({ ...base, citations });
    const value = card.fields[0]!.value;
    expect(value).toContain('…');
    expect(value.startsWith('[1] A Source With A Fairly Long Title — "')).toBe(true);
    const fields = cardEmbed(card).fields ?? [];
    for (const field of fields) expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    expect(fields.map((f) => f.value).join('\n')).toBe(value);
  });

  test('GIVEN an abstention THEN the card says the library does not cover it and lists no sources', () => {
    const card = answerCard({ ...base, abstained: true, citations: [], answer: 'The coaching library does not cover that question.' });
    expect(card.title).toBe(answerCardText.notCoveredTitle);
    expect(card.fields).toEqual([]);
    expect(card.description).toMatch(/does not cover/);
  });

  test('GIVEN a refused request THEN the card says it is not something the bot helps with, not that the library lacks it', () => {
    const card = answerCard({ ...base, abstained: true, refused: true, citations: [], answer: 'I can\'t help with that; please talk to a doctor.' });
    expect(card.title).toBe(answerCardText.refusedTitle);
    expect(card.fields).toEqual([]);
  });

  test("GIVEN an abstention whose fallback reason is a very long error THEN the Discord footer stays within Discord's 2048 characters", () => {
    const reason = `Claude failed unexpectedly (${'x'.repeat(3000)})`;
    const card = answerCard({ ...base, abstained: true, citations: [], answer: 'The coaching library does not cover that question.', fallbackReason: reason });
    const footer = cardEmbed(card).footer?.text ?? '';
    expect(footer.length).toBeLessThanOrEqual(EMBED_LIMITS.footer);
    expect(footer.startsWith(answerCardText.offline)).toBe(true);
  });
});
