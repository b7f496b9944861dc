/**
 * Decides once per run whether the Redis tests can run: redis-server on PATH → every test file starts its own
 * (tests/support/redis-server.ts). Missing → under CI=true the run fails (the Redis suites must never skip there);
 * elsewhere they skip, and this prints the one line saying how to install it.
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

/** Where to find the server; `REDIS_SERVER` may name another binary. @default redis-server */
const binary = process.env.REDIS_SERVER ?? 'redis-server';

/** The one line printed when the Redis tests skip. */
export const INSTALL_HINT = `Redis tests skipped: ${binary} is not installed (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis).`;

export default function setup(project: TestProject): void {
  const found = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const available = found.status === 0 && /Redis server/i.test(found.stdout);
  if (!available && process.env.CI === 'true') {
    throw new Error(`CI=true but ${binary} is not installed: the Redis suites must not skip in CI (.ci/run installs Debian's redis-server).`);
  }
  if (!available) console.warn(INSTALL_HINT);
  project.provide('redisServer', available ? binary : null);
}
