import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { commonText } from '../../src/commands/messages.ts';
import { member } from '../fakes/fake-discord.ts';
import { overwritePage } from '../support/sqlite-pages.ts';
import { logCapture, sub, useE2e } from './e2e-harness.ts';

const JUNO = member('1400000000000000061', 'juno');

/** Runs one statement on a connection of its own, as another process on the same file would. */
async function writeFromAnotherConnection(file: string, statement: string): Promise<void> {
  const db = new Database(file);
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
}

describe('a store that breaks while the bot runs', () => {
  const logs = logCapture();
  const e2e = useE2e({ LOG_LEVEL: 'warn' }, { logDestination: logs.stream });

  test('GIVEN the profiles index is damaged on disk mid-run THEN /profile show gets the ephemeral apology, the error is logged, and the bot keeps serving', async () => {
    const file = join(e2e.dir, 'coach.sqlite');
    const profiles = e2e.app.stores.profiles;
    // Enough profiles for the key index to have a root page above its leaves.
    for (let i = 0; i < 300; i++) await profiles.set(`14000000000001${String(i).padStart(5, '0')}`, { level: 'beginner', updatedAt: '2026-01-01T00:00:00.000Z' });
    await profiles.set(JUNO.id, { level: 'advanced', updatedAt: '2026-01-01T00:00:00.000Z' });
    const sql = e2e.app.store.sql!;
    await sql('PRAGMA wal_checkpoint(TRUNCATE)');
    const [index] = await sql(`SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'keyv'`);
    overwritePage(file, Number(index?.rootpage));
    // Another connection's write tells the bot's connection to read the file afresh (its cache is dropped).
    await writeFromAnotherConnection(file, 'CREATE TABLE IF NOT EXISTS poke (x)');

    const shown = e2e.fake.command({ name: 'profile', options: sub('show'), user: JUNO });
    const apology = await e2e.callback(shown.id);
    expect(apology.body.data).toMatchObject({ content: commonText.failed, flags: 64 });
    expect(logs.text()).toMatch(/"msg":"command failed"/);
    expect(logs.text()).toMatch(/SQLITE_CORRUPT/);
    await e2e.help(JUNO);
  });
});
