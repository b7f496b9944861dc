/** `npm run register`: publishes the command registry to DISCORD_GUILD_ID when set (instant), else globally. */
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig, processEnvironment } from '../config.ts';
import { isMainModule } from '../main-module.ts';
import type { Command } from './command-kit.ts';
import { commands as registry } from './commands/index.ts';

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
  const body = (options.commands ?? registry).map((c) => c.data.toJSON());
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { scope: options.guildId ? 'guild' : 'global', count: Array.isArray(result) ? result.length : body.length };
}

/** The script: reads the configuration, registers, prints one line. */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(processEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { token, appId, guildId, apiUrl } = config.discord;
  const missing = [!token && 'DISCORD_TOKEN', !appId && 'DISCORD_APP_ID'].filter(Boolean);
  if (!token || !appId) {
    process.stderr.write(`register: set ${missing.join(' and ')} (see .env.example), then run npm run register again.\n`);
    return 2;
  }
  try {
    const { scope, count } = await registerCommands({ token, appId, guildId, apiUrl });
    process.stdout.write(
      scope === 'guild'
        ? `Registered ${count} commands to guild ${guildId}.\n`
        : `Registered ${count} commands globally (Discord may take up to an hour to show them everywhere).\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`register: Discord refused the commands: ${(error as Error).message}\n`);
    return 1;
  }
}

if (isMainModule(import.meta.url)) process.exitCode = await main();
