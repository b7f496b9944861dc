import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Whether redis-server is installed, decided once: CI fails without it, elsewhere the Redis tests skip with one line.
    globalSetup: ['./tests/support/redis-global-setup.ts'],
    // The default report, then the time each test folder took (tests/support/folder-time-reporter.ts).
    reporters: ['default', './tests/support/folder-time-reporter.ts'],
  },
});
