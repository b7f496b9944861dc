import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Command } from '../../src/commands/command-kit.ts';
import { createDispatcher } from '../../src/commands/dispatch.ts';
import type { CommandServices } from '../../src/commands/services.ts';
import { commandContext, componentContext, type Sent } from '../fakes/fake-contexts.ts';

/** Services with a logger that keeps its lines, to check failures are logged. */
function recordingServices() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { services: { log: pino({ level: 'info' }, stream) } as unknown as CommandServices, lines };
}

const boom: Command = {
  data: { name: 'boom', description: 'fails' },
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
    const { services, lines } = recordingServices();
    const sent: Sent[] = [];
    await createDispatcher([boom], services).command(commandContext({ name: 'boom' }, sent));
    expect(sent).toEqual([{ kind: 'reply', reply: { text: expect.stringMatching(/sorry/i), ephemeral: true } }]);
    expect(lines.join('')).toContain('kaboom');
  });

  test('GIVEN a handler that throws after deferring THEN the deferred reply is edited into the apology', async () => {
    const { services } = recordingServices();
    const sent: Sent[] = [];
    await createDispatcher([boom], services).command(commandContext({ name: 'boom', deferred: true }, sent));
    expect(sent.map((c) => c.kind)).toEqual(['edit']);
  });

  test('GIVEN a button whose handler throws THEN the apology is ephemeral and nothing escapes', async () => {
    const { services, lines } = recordingServices();
    const sent: Sent[] = [];
    await expect(createDispatcher([boom], services).component(componentContext({ customId: 'boom:press:state' }, sent))).resolves.toBeUndefined();
    expect(sent).toEqual([{ kind: 'reply', reply: { text: expect.stringMatching(/sorry/i), ephemeral: true } }]);
    expect(lines.join('')).toContain('button kaboom');
  });

  test('GIVEN an unknown command or button THEN the member is told what to do, ephemerally', async () => {
    const { services } = recordingServices();
    const sent: Sent[] = [];
    await createDispatcher([boom], services).command(commandContext({ name: 'gone' }, sent));
    expect(sent[0]?.reply).toEqual({ text: expect.stringMatching(/not available/), ephemeral: true });
  });
});
