/**
 * One racing "bot process" for daily-claims.test.ts: opens the shared SQLite file, waits for the go file,
 * then either claims raw keys or runs a daily tick, and prints what it won as one JSON line.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createDailyScheduler } from '../../src/app/daily-scheduler.ts';
import { openSqliteClaimStore } from '../../src/adapters/sqlite/claim-store.ts';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { openClaimStore } from '../../src/adapters/open-claim-store.ts';
import { openDailySettingsStore } from '../../src/adapters/keyv/daily-settings-store.ts';
import type { Poster } from '../../src/app/ports.ts';
import { ManualClock, fakeCompose } from '../fakes/daily-fakes.ts';

const [mode = '', file = '', goFile = '', name = '', arg = ''] = process.argv.slice(2);

async function waitForGo(): Promise<void> {
  writeFileSync(`${goFile}.${name}.ready`, '');
  while (!existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 2));
}

if (mode === 'claims') {
  const claims = await openSqliteClaimStore(file);
  const keys = Array.from({ length: Number(arg) }, (_, i) => `g${i}:2026-06-10`);
  // The racers walk the keys from opposite ends, so they collide over the whole set, not only the first key.
  if (name === 'b') keys.reverse();
  await waitForGo();
  const won: string[] = [];
  for (const key of keys) {
    if (await claims.claim(key, name, new Date('2026-06-10T05:00:00Z'))) won.push(key);
  }
  await claims.close();
  process.stdout.write(`${JSON.stringify({ name, won })}\n`);
} else if (mode === 'tick') {
  const store = await openStore(`sqlite://${file}`);
  // The production composition: claims on the keyv store's own connection to the file.
  const claims = await openClaimStore(store);
  const clock = new ManualClock(arg);
  // The "Discord" here is an append-only log shared by both processes: one line per message sent.
  const poster: Poster = {
    checkChannel: async () => ({ ok: true }),
    post: async (channelId) => {
      await appendFile(`${file}.posts`, `${name} ${channelId}\n`);
      return { ok: true, messageId: `${name}-${channelId}` };
    },
  };
  const service = createDailyScheduler({ settings: await openDailySettingsStore(store), claims, poster, clock, compose: fakeCompose, owner: name });
  await waitForGo();
  const report = await service.tick();
  await claims.close();
  await store.close();
  process.stdout.write(`${JSON.stringify({ name, won: report.posted, lost: report.alreadyClaimed })}\n`);
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exitCode = 2;
}
