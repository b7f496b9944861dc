// Lint rules, including the arrows of the architecture: core ← app ← adapters/discord/console ← main.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outward = (from, banned, why) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((group) => ({ group: [group], message: why })),
      },
    ],
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
  outward(
    'core',
    ['**/app/**', '**/adapters/**', '**/discord/**', '**/console/**', '**/cli/**', 'discord.js', '@anthropic-ai/*', 'keyv', '@keyv/*', 'node:*', 'pino', 'croner', 'minisearch', 'sqlite3', 'yaml', '**/config*'],
    'core is pure: it imports only core/* and zod (plus pure helpers like minisearch/stemmer in retrieval). Pass time, randomness and I/O in as arguments.',
  ),
  outward(
    'app',
    ['**/adapters/**', '**/discord/**', '**/console/**', '**/cli/**', 'discord.js', '@anthropic-ai/*', 'keyv', '@keyv/*', '**/config*'],
    'app depends on core and on the ports in app/ports.ts; adapters implement those ports and are wired in main.ts.',
  ),
  outward(
    'adapters',
    ['**/discord/**', '**/console/**', '**/cli/**', 'discord.js'],
    'adapters implement ports; they never know about Discord or the console.',
  ),
  outward(
    'discord',
    ['@anthropic-ai/*', 'keyv', '@keyv/*', '**/adapters/**', '**/console/**'],
    'discord/ talks to app use cases and ports only; the SDK and keyv stay behind adapters (wired in main.ts).',
  ),
);
