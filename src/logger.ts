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

/** Removes every secret of the configuration from a text: one per process, built in main.ts from the config. */
export type Scrubber = (text: string) => string;

/** Secrets shorter than this are not looked for (they would match ordinary words). @default 8 */
const MIN_SECRET_LENGTH = 8;

/**
 * The scrubber for a set of secrets (the bot token, the API key, a store password): each is replaced by
 * `[redacted]` wherever it appears, also URL-encoded or JSON-escaped, however the text reached us (an error message
 * echoing an Authorization header, a stack, a stored reason).
 */
export function createScrubber(secrets: readonly (string | undefined)[]): Scrubber {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a form containing another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of ordered) if (out.includes(form)) out = out.split(form).join('[redacted]');
    return out;
  };
}

/**
 * Creates the process logger writing JSON lines to `destination` (stderr by default). Every line passes through
 * `scrub` on its way out, so no secret reaches the log whatever object or error carried it.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination({ fd: 2, sync: true }), scrub?: Scrubber): Logger {
  const out: pino.DestinationStream = scrub ? { write: (line: string) => destination.write(scrub(line)) } : destination;
  return pino(
    {
      level,
      base: { app: 'pump-coach' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    out,
  );
}

/** Removes a secret value from free text (error messages can echo a token back). */
export function scrubSecrets(text: string, secrets: (string | undefined)[]): string {
  return createScrubber(secrets)(text);
}
