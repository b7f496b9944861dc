import { describe, expect, test } from 'vitest';
import { Events } from 'discord.js';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { commands } from '../../src/commands/index.ts';
import { member, startFakeDiscord } from '../fakes/fake-discord.ts';
import { logCapture, str, useE2e } from './e2e-harness.ts';

const ERIN = member('1400000000000000031', 'erin');

describe('gateway, REST rate limits and registration', () => {
  const logs = logCapture();
  const e2e = useE2e({ LOG_LEVEL: 'warn' }, { logDestination: logs.stream });

  test('GIVEN the gateway drops mid-session THEN the client resumes (no new identify) and keeps answering', async () => {
    const client = e2e.app.bot!.client;
    const identifies = e2e.fake.gatewayOps.filter((op) => op === 2).length;
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    e2e.fake.dropGateway();
    // Sent while the bot is away: Discord replays it after the resume, and it must still be answered.
    const missed = e2e.fake.command({ name: 'help', user: ERIN });
    await resumed;
    expect(e2e.fake.gatewayOps).toContain(6);
    expect(e2e.fake.gatewayOps.filter((op) => op === 2).length).toBe(identifies);
    expect((await e2e.callback(missed.id)).body.type).toBe(4);
    const { id } = e2e.fake.command({ name: 'workout', options: [str('group', 'legs')], user: ERIN });
    expect((await e2e.callback(id)).body.type).toBe(4);
  });

  test('GIVEN the interaction callback answers 429 with retry_after THEN the client waits, the reply still arrives, and the 429 is logged', async () => {
    e2e.fake.rateLimitNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 0.2);
    const { id } = e2e.fake.command({ name: 'help', user: ERIN });
    const sent = () => e2e.fake.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`));
    for (let waited = 0; sent().length < 2 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    // The client saw the 429, waited out retry_after and sent the same reply again.
    const [limited, retried] = sent();
    expect(retried!.body).toEqual(limited!.body);
    expect(retried!.body.data.embeds[0].title).toBe('Pump Coach');
    expect(logs.text()).toMatch(/"route":"\/interactions\/:id\/:token\/callback","method":"POST","msg":"REST 429; retrying after retry_after"/);
  });

  test.each([
    ['a guild when DISCORD_GUILD_ID is set', '1200000000000000001', '/applications/1100000000000000001/guilds/1200000000000000001/commands', 'guild'],
    ['everywhere when it is not', undefined, '/applications/1100000000000000001/commands', 'global'],
  ])('GIVEN registration to %s THEN the whole registry is PUT to the right route', async (_label, guildId, path, scope) => {
    const fake = await startFakeDiscord();
    try {
      const result = await registerCommands({ token: fake.token, appId: fake.appId, guildId, apiUrl: fake.apiUrl });
      expect(result).toEqual({ scope, count: commands.length });
      const put = await fake.waitForRequest((r) => r.method === 'PUT');
      expect(put.path).toBe(path);
      expect(put.body.map((c: { name: string }) => c.name)).toEqual(commands.map((c) => c.data.name));
      const workout = put.body.find((c: { name: string }) => c.name === 'workout');
      for (const option of workout.options) {
        expect(option.description.length).toBeGreaterThan(0);
        expect(option.choices.length).toBeGreaterThan(0);
      }
    } finally {
      await fake.close();
    }
  });
});
