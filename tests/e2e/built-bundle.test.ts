import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Guild } from 'discord.js';
import type * as Bot from '../../src/discord/bot.ts';

const chunks = join(import.meta.dirname, '..', '..', 'dist', 'chunks');
/** The built files holding the Discord transport (one per entry point that can start the bot). */
const botChunks = readdirSync(chunks).filter((name) => name.startsWith('bot-') && name.endsWith('.js'));

describe('the built bundles (npm start runs them, discord.js inside)', () => {
  test('GIVEN the build THEN there is a bundled Discord transport to check', () => {
    expect(botChunks.length).toBeGreaterThan(0);
  });

  test.each(botChunks)('GIVEN the Discord client of %s THEN discord.js still finds its cache limits by class name: users, members and messages stay bounded', async (file) => {
    const { createDiscordClient } = (await import(pathToFileURL(join(chunks, file)).href)) as typeof Bot;
    const client = createDiscordClient('http://127.0.0.1:9');
    try {
      // A server with one text channel, as the gateway's GUILD_CREATE would add it (_add is discord.js's own way in).
      const guilds = client.guilds as unknown as { _add(data: unknown): Guild };
      const guild = guilds._add({ id: '100', name: 'gym', channels: [{ id: '200', type: 0, name: 'general' }], roles: [], members: [], emojis: [], stickers: [] });
      const channel = guild.channels.cache.get('200') as { messages: { cache: { maxSize?: number } } } | undefined;
      expect(client.constructor.name).toBe('Client');
      expect((client.users.cache as { maxSize?: number }).maxSize).toBe(500);
      expect((guild.members.cache as { maxSize?: number }).maxSize).toBe(200);
      expect(channel?.messages.cache.maxSize).toBe(25);
    } finally {
      await client.destroy();
    }
  });

  test('GIVEN the bundles THEN they are ASCII, so V8 keeps their source at one byte per character', () => {
    const nonAscii = readdirSync(chunks).filter((name) => /[\u0080-\uffff]/.test(readFileSync(join(chunks, name), 'utf8')));
    expect(nonAscii).toEqual([]);
  });
});
