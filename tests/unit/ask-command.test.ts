import { describe, expect, test } from 'vitest';
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
    answers: { ask: async (q: string) => (asked.push(q), { kind: 'invalid', message: 'unreachable in these tests' }) },
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
