/** Every registered command as Discord's registration JSON, within Discord's limits on names, descriptions and options. */
import { describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.ts';
import { commandJson } from '../../src/discord/command-json.ts';

interface JsonOption {
  name: string;
  description: string;
  options?: JsonOption[];
  choices?: { name: string }[];
}

describe('command registration JSON', () => {
  test.each(commands.map((c) => [c.data.name, c] as const))('GIVEN /%s THEN names, descriptions, options and choices fit Discord\'s limits', (_name, command) => {
    const json = commandJson(command.data) as unknown as JsonOption;
    const check = (option: JsonOption) => {
      expect(option.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(option.description.length).toBeGreaterThan(0);
      expect(option.description.length).toBeLessThanOrEqual(100);
      expect(option.options?.length ?? 0).toBeLessThanOrEqual(25);
      expect(option.choices?.length ?? 0).toBeLessThanOrEqual(25);
      for (const choice of option.choices ?? []) expect(choice.name.length).toBeLessThanOrEqual(100);
      for (const child of option.options ?? []) check(child);
    };
    check(json);
  });
});
