/** The structured logger: pino to stderr (never mixed with console output), secrets redacted. */
import pino from 'pino';

/** The logger type passed down from main.ts. */
export type Logger = pino.Logger;

/** Paths that may hold secrets anywhere a log object could carry them. */
export const REDACTED_PATHS = [
  'token',
  'apiKey',
  'authorization',
  'password',
  '*.token',
  '*.apiKey',
  '*.authorization',
  '*.password',
  'headers.authorization',
  '*.headers.authorization',
  'config.discord.token',
  'config.anthropic.apiKey',
  'env.DISCORD_TOKEN',
  'env.ANTHROPIC_API_KEY',
];

/** Creates the process logger writing JSON lines to `destination` (stderr by default). */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination({ fd: 2, sync: true })): Logger {
  return pino(
    {
      level,
      base: { app: 'pump-coach' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

/** Removes a secret value from free text (error messages can echo a token back). */
export function scrubSecrets(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out;
}
