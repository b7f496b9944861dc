import { SlashCommandBuilder } from 'discord.js';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Command, CommandContext, ComponentContext, Reply } from '../../src/discord/command-kit.ts';
import { createDispatcher } from '../../src/discord/dispatch.ts';
import type { BotServices } from '../../src/discord/services.ts';

/** A logger that keeps its lines, to check failures are logged. */
function recordingLogger() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { logger: pino({ level: 'info' }, stream), lines };
}

function commandCtx(name: string, calls: { kind: string; reply: Reply }[], deferred = false): CommandContext {
  let answered = deferred;
  return {
    id: '1',
    member: { id: 'm', name: 'm' },
    guildId: null,
    channelId: null,
    canManageGuild: false,
    commandName: name,
    options: { subcommand: () => null, string: () => null, integer: () => null, boolean: () => null, channel: () => null },
    get answered() {
      return answered;
    },
    reply: async (reply) => {
      answered = true;
      calls.push({ kind: 'reply', reply });
    },
    defer: async () => {
      answered = true;
    },
    edit: async (reply) => void calls.push({ kind: 'edit', reply }),
    followUp: async (reply) => void calls.push({ kind: 'followUp', reply }),
  };
}

const boom: Command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('fails'),
  async execute(ctx) {
    if (ctx.commandName === 'boom') throw new Error('kaboom');
  },
  components: {
    async press() {
      throw new Error('button kaboom');
    },
  },
};

describe('createDispatcher', () => {
  test('GIVEN a handler that throws before answering THEN the failure is logged and the member gets an ephemeral apology', async () => {
    const { logger, lines } = recordingLogger();
    const calls: { kind: string; reply: Reply }[] = [];
    await createDispatcher([boom], { logger } as unknown as BotServices).command(commandCtx('boom', calls));
    expect(calls).toEqual([{ kind: 'reply', reply: { text: expect.stringMatching(/sorry/i), ephemeral: true } }]);
    expect(lines.join('')).toContain('kaboom');
  });

  test('GIVEN a handler that throws after deferring THEN the deferred reply is edited into the apology', async () => {
    const { logger } = recordingLogger();
    const calls: { kind: string; reply: Reply }[] = [];
    await createDispatcher([boom], { logger } as unknown as BotServices).command(commandCtx('boom', calls, true));
    expect(calls.map((c) => c.kind)).toEqual(['edit']);
  });

  test('GIVEN a button whose handler throws THEN the apology is ephemeral and nothing escapes', async () => {
    const { logger, lines } = recordingLogger();
    const replies: Reply[] = [];
    const ctx = {
      id: '2',
      member: { id: 'm', name: 'm' },
      guildId: null,
      channelId: null,
      canManageGuild: false,
      customId: 'boom:press:state',
      values: [],
      answered: false,
      update: async () => undefined,
      reply: async (reply: Reply) => void replies.push(reply),
      followUp: async () => undefined,
    } satisfies ComponentContext;
    await expect(createDispatcher([boom], { logger } as unknown as BotServices).component(ctx)).resolves.toBeUndefined();
    expect(replies).toEqual([{ text: expect.stringMatching(/sorry/i), ephemeral: true }]);
    expect(lines.join('')).toContain('button kaboom');
  });

  test('GIVEN an unknown command or button THEN the member is told what to do, ephemerally', async () => {
    const { logger } = recordingLogger();
    const calls: { kind: string; reply: Reply }[] = [];
    await createDispatcher([boom], { logger } as unknown as BotServices).command(commandCtx('gone', calls));
    expect(calls[0]?.reply).toEqual({ text: expect.stringMatching(/not available/), ephemeral: true });
  });
});
