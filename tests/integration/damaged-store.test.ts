import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keyvProfileStore } from '../../src/adapters/keyv/keyv-member-stores.ts';
import { openStore, StoreError } from '../../src/adapters/keyv/open-store.ts';
import { overwritePage, pagesOf } from '../support/sqlite-pages.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pump-coach-damaged-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A store file holding `profiles` profiles, closed (so every page is in the main file, none in the WAL). */
async function filledStore(profiles = 400): Promise<string> {
  const file = join(dir, 'coach.sqlite');
  const store = await openStore(`sqlite://${file}`);
  const kept = keyvProfileStore(store);
  for (let i = 0; i < profiles; i++) await kept.set(`14000000000000${String(i).padStart(5, '0')}`, { level: 'advanced', goal: 'pump', updatedAt: '2026-01-01T00:00:00.000Z' });
  await store.close();
  return file;
}

/** What a damaged store's message must say: that it is damaged, that nothing changed, and the two ways out. */
const DAMAGED = /is damaged \((PRAGMA quick_check|SQLITE_CORRUPT): .+\)\. Nothing was changed\. .*restore .*coach\.sqlite from a backup, or move it aside to start with an empty store \(mv /;

describe('a damaged SQLite store stops start-up with what to do', () => {
  test('GIVEN a garbage index page THEN opening refuses with a StoreError saying how to restore or move the file aside', async () => {
    const file = await filledStore();
    const [page] = pagesOf(file, 'index-leaf');
    overwritePage(file, page!);
    const opened = openStore(`sqlite://${file}`);
    await expect(opened).rejects.toThrow(StoreError);
    await expect(opened).rejects.toThrow(DAMAGED);
  });

  test('GIVEN a garbage page in the middle of the table THEN opening refuses the same way', async () => {
    const file = await filledStore();
    const leaves = pagesOf(file, 'table-leaf');
    overwritePage(file, leaves[leaves.length >> 1]!);
    await expect(openStore(`sqlite://${file}`)).rejects.toThrow(DAMAGED);
  });

  test('GIVEN an undamaged store THEN it opens and every profile reads back', async () => {
    const file = await filledStore(50);
    const store = await openStore(`sqlite://${file}`);
    try {
      expect(await keyvProfileStore(store).get('1400000000000000049')).toMatchObject({ level: 'advanced' });
    } finally {
      await store.close();
    }
  });
});
