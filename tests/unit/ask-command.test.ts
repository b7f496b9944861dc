import { describe, expect, test } from 'vitest';
import type { CommandContext, MentionContext, Reply } from '../../src/discord/command-kit.ts';
import { ask } from '../../src/discord/commands/ask.ts';
import { askText } from '../../src/discord/messages.ts';
import type { BotServices } from '../../src/discord/services.ts';

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
  return { services: fake as unknown as BotServices, taken, asked };
}

function askCtx(question: string, events: string[], replies: Reply[]): CommandContext {
  return {
    id: '1',
    member: { id: 'm1', name: 'm1' },
    guildId: 'g',
    channelId: 'c',
    canManageGuild: false,
    commandName: 'ask',
    options: { subcommand: () => null, string: () => question, integer: () => null, boolean: () => null, channel: () => null },
    answered: false,
    reply: async (reply) => void (events.push('reply'), replies.push(reply)),
    defer: async () => void events.push('defer'),
    edit: async (reply) => void (events.push('edit'), replies.push(reply)),
    followUp: async (reply) => void (events.push('followUp'), replies.push(reply)),
  };
}

describe('/ask with nothing but mentions', () => {
  test.each(['@everyone', '<@&123456789012345678> @here'])(
    'GIVEN the question %j THEN the member is told privately to type a question, with no public "thinking…" and no rate-limit slot used',
    async (question) => {
      const { services: s, taken, asked } = services();
      const events: string[] = [];
      const replies: Reply[] = [];
      await ask.execute(askCtx(question, events, replies), s);
      expect(events).toEqual(['reply']);
      expect(replies).toEqual([{ text: askText.empty, ephemeral: true }]);
      expect(taken).toEqual([]);
      expect(asked).toEqual([]);
    },
  );

  test('GIVEN a mention of the bot with only @everyone after it THEN the reply explains how to ask, and no slot is used', async () => {
    const { services: s, taken } = services();
    const replies: Reply[] = [];
    const ctx: MentionContext = { id: '2', member: { id: 'm1', name: 'm1' }, guildId: 'g', channelId: 'c', text: '@everyone', reply: async (r) => void replies.push(r) };
    await ask.onMention?.(ctx, s);
    expect(replies).toEqual([{ text: askText.mentionHint }]);
    expect(taken).toEqual([]);
  });
});
