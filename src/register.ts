/** `npm run register`: reads the configuration, publishes the commands to DISCORD_GUILD_ID when set (instant), else globally. */
import { ConfigError, loadConfig, processEnvironment } from './config.ts';
import { registerCommands } from './discord/register-commands.ts';

/** The script: reads the configuration, registers, prints one line; returns the exit code. */
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

process.exitCode = await main();
