// Lint rules, including the arrows of the architecture (see README "Architecture"):
//   core ← app ← commands ← discord | console        adapters → app, core        cli → commands, adapters, config, main
//   config.ts, logger.ts: leaves        main.ts, register.ts: composition roots (may import anything)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT_FILES = ['**/config.ts', '**/logger.ts', '**/main.ts', '**/main-module.ts', '**/register.ts'];
const STORAGE_AND_SDKS = ['keyv', '@keyv/*', 'sqlite3', '@anthropic-ai/*'];

/** Bans imports of `banned` (glob patterns) in the files of `files`, with a message saying which way the arrow goes. */
const arrow = (files, banned, why) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: banned.map((group) => ({ group: [group], message: why })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Only config.ts reads the environment; everything else is handed plain values.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from src/config.ts (loadConfig); it is parsed once and passed down.' }],
    },
  },
  arrow(
    ['src/core/**/*.ts'],
    ['**/app/**', '**/adapters/**', '**/commands/**', '**/discord/**', '**/console/**', '**/cli/**', ...ROOT_FILES, 'discord.js', 'node:*', 'pino', 'croner', 'minisearch', 'js-yaml', ...STORAGE_AND_SDKS],
    'core is pure: it imports only core/*, zod and the stemmer. Pass time, randomness and I/O in as arguments.',
  ),
  arrow(
    ['src/app/**/*.ts'],
    ['**/adapters/**', '**/commands/**', '**/discord/**', '**/console/**', '**/cli/**', ...ROOT_FILES, 'discord.js', 'node:*', 'pino', ...STORAGE_AND_SDKS],
    'app holds use cases over the ports in app/ports.ts; adapters implement those ports and main.ts wires them. app imports core (and croner for schedules).',
  ),
  arrow(
    ['src/commands/**/*.ts'],
    ['**/adapters/**', '**/discord/**', '**/console/**', '**/cli/**', ...ROOT_FILES, 'discord.js', 'node:*', 'pino', 'croner', ...STORAGE_AND_SDKS],
    'commands/ is transport-neutral: handlers call app use cases through CommandServices; Discord and the console render what they return.',
  ),
  arrow(
    ['src/adapters/**/*.ts'],
    ['**/commands/**', '**/discord/**', '**/console/**', '**/cli/**', ...ROOT_FILES, 'discord.js'],
    'adapters implement app ports; they know nothing of commands, Discord or the console, and get plain values from main.ts.',
  ),
  arrow(
    ['src/discord/**/*.ts'],
    ['**/adapters/**', '**/console/**', '**/cli/**', ...ROOT_FILES, 'pino', ...STORAGE_AND_SDKS],
    'discord/ is one transport: it turns discord.js events into command calls and renders replies; stores and SDKs stay behind adapters (wired in main.ts).',
  ),
  arrow(
    ['src/console/**/*.ts'],
    ['**/adapters/**', '**/discord/**', '**/cli/**', ...ROOT_FILES, 'discord.js', 'pino', ...STORAGE_AND_SDKS],
    'console/ is one transport: it turns typed lines into command calls and renders replies as text.',
  ),
  arrow(
    ['src/cli/**/*.ts'],
    ['**/discord/**', '**/console/**', 'discord.js', '**/logger.ts', '**/register.ts'],
    'cli/ is the coach command line: it uses commands/ cards, adapters and the services main.ts builds, never a chat transport.',
  ),
  arrow(
    ['src/config.ts', 'src/logger.ts', 'src/main-module.ts'],
    ['./**', '../**'],
    'config.ts, logger.ts and main-module.ts are leaves: the rest of src/ imports them, never the other way round.',
  ),
);
