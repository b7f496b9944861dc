import { describe, expect, test } from 'vitest';
import type { AskResult } from '../../src/app/answer-question.ts';
import { ask } from '../../src/commands/ask.ts';
import { askText } from '../../src/commands/messages.ts';
import type { CommandServices } from '../../src/commands/services.ts';
import { commandContext, mentionContext, type Sent } from '../fakes/fake-contexts.ts';

function services() {
  const taken: string[] = [];
  const asked: string[] = [];
  const fake = {
    askLimiter: {
      take: async (memberId: string) => (taken.push(memberId), { allowed: true, remaining: 4 }),
      forget: async () => {},
    },
    askPolicy: { limit: 5, windowMinutes: 10 },
    answers: { ask: async (q: string) => (asked.push(q), { kind: 'invalid', message: 'unreachable in these tests' }), answerNow: (q: string) => (asked.push(q), null) },
  };
  return { services: fake as unknown as CommandServices, taken, asked };
}

describe('/ask with nothing but mentions', () => {
  test.each(['@everyone', '<@&123456789012345678> @here'])(
    'GIVEN the question %j THEN the member is told privately to type a question, with no public "thinking…" and no rate-limit slot used',
    async (question) => {
      const { services: s, taken, asked } = services();
      const sent: Sent[] = [];
      await ask.execute(commandContext({ name: 'ask', strings: { question } }, sent), s);
      expect(sent).toEqual([{ kind: 'reply', reply: { text: askText.empty, ephemeral: true } }]);
      expect(taken).toEqual([]);
      expect(asked).toEqual([]);
    },
  );

  test('GIVEN a mention of the bot with only @everyone after it THEN the reply explains how to ask, and no slot is used', async () => {
    const { services: s, taken } = services();
    const sent: Sent[] = [];
    await ask.onMention?.(mentionContext('@everyone', sent), s);
    expect(sent).toEqual([{ kind: 'reply', reply: { text: askText.mentionHint } }]);
    expect(taken).toEqual([]);
  });
});

describe('/ask: reply at once, or defer for Claude', () => {
  const answer: AskResult = { kind: 'answer', answer: { question: 'q', mode: 'offline', abstained: false, answer: 'a', citations: [] } };
  /** Services whose answerNow gives `now`; ask gives the same answer, as Claude would after a while. */
  function answering(now: AskResult | null) {
    const s = services().services;
    return { ...s, answers: { answerNow: () => now, ask: async () => answer } } as unknown as CommandServices;
  }

  test('GIVEN an answer ready without Claude THEN it is the first response: no defer, no edit', async () => {
    const sent: Sent[] = [];
    await ask.execute(commandContext({ name: 'ask', strings: { question: 'how much sleep' } }, sent), answering(answer));
    expect(sent.map((s) => s.kind)).toEqual(['reply']);
  });

  test('GIVEN a question Claude will answer THEN the bot defers, then edits the answer in', async () => {
    const sent: Sent[] = [];
    await ask.execute(commandContext({ name: 'ask', strings: { question: 'how much sleep' } }, sent), answering(null));
    expect(sent.map((s) => s.kind)).toEqual(['defer', 'edit']);
  });

  test('GIVEN a mention Claude will answer THEN the channel shows typing before the reply; an offline one replies only', async () => {
    for (const [now, expected] of [
      [null, ['typing', 'reply']],
      [answer, ['reply']],
    ] as const) {
      const sent: Sent[] = [];
      const events: string[] = [];
      const ctx = { ...mentionContext('how much sleep', sent), typing: async () => void events.push('typing') };
      await ask.onMention?.({ ...ctx, reply: async (reply) => (events.push('reply'), ctx.reply(reply)) }, answering(now));
      expect(events).toEqual(expected);
    }
  });
});
