import { DiscordAPIError } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { daily } from '../../src/commands/daily.ts';
import { commands } from '../../src/commands/index.ts';
import { commandJson } from '../../src/discord/command-json.ts';
import { classifyPostError } from '../../src/discord/discord-poster.ts';

describe('the /daily command definition', () => {
  const json = commandJson(daily.data);

  test('GIVEN the registry THEN /daily is in it once', () => {
    expect(commands.filter((c) => c.data.name === 'daily')).toHaveLength(1);
  });

  test('GIVEN the definition THEN only Manage Server holders see it by default, and only in servers', () => {
    expect(json.default_member_permissions).toBe('32');
    expect(json.contexts).toEqual([0]);
  });

  test('GIVEN /daily set THEN channel, time and timezone are required, timezone autocompletes, and the plan options have choices', () => {
    const set = json.options?.find((o) => o.name === 'set') as { options: { name: string; required?: boolean; autocomplete?: boolean; choices?: unknown[] }[] };
    const byName = Object.fromEntries(set.options.map((o) => [o.name, o]));
    expect(['channel', 'time', 'timezone'].every((name) => byName[name]?.required)).toBe(true);
    expect(byName.timezone?.autocomplete).toBe(true);
    for (const name of ['goal', 'level', 'equipment']) expect(byName[name]?.choices?.length).toBeGreaterThan(0);
    expect(Object.keys(byName)).toEqual(['channel', 'time', 'timezone', 'split', 'rest_days', 'goal', 'level', 'equipment', 'thread']);
    expect(byName.rest_days?.choices?.length).toBe(2);
    expect(json.options?.map((o) => o.name)).toEqual(['set', 'show', 'preview', 'off']);
  });
});

describe('classifying a failed send', () => {
  const apiError = (status: number, code: number, message: string) =>
    new DiscordAPIError({ code, message }, code, status, 'POST', '/channels/1/messages', { body: undefined, files: undefined });

  test.each([
    [apiError(404, 10003, 'Unknown Channel'), 'gone'],
    [apiError(403, 50001, 'Missing Access'), 'forbidden'],
    [apiError(403, 50013, 'Missing Permissions'), 'forbidden'],
    [apiError(500, 0, 'Internal Server Error'), 'transient'],
    [new Error('socket hang up'), 'transient'],
  ])('GIVEN %s THEN it is %s', (error, kind) => {
    expect(classifyPostError(error).kind).toBe(kind);
  });
});
