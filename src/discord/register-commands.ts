/** Publishes the command registry to one server (instant) or globally; `npm run register` (src/register.ts) calls it. */
import { REST, Routes } from './discord-js.ts';
import type { Command } from '../commands/command-kit.ts';
import { commands as registry } from '../commands/index.ts';
import { commandJson } from './command-json.ts';

/** Where and what to register. */
export interface RegisterOptions {
  token: string;
  appId: string;
  /** Set → this guild only; unset → global. */
  guildId: string | undefined;
  apiUrl: string;
  commands?: readonly Command[];
}

/** Registers (overwrites) the application's commands; returns where they went and how many. */
export async function registerCommands(options: RegisterOptions): Promise<{ scope: 'guild' | 'global'; count: number }> {
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  const body = (options.commands ?? registry).map((c) => commandJson(c.data));
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { scope: options.guildId ? 'guild' : 'global', count: Array.isArray(result) ? result.length : body.length };
}
