import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe } from 'vitest';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { runStoreContract } from './store-contract.ts';

describe('every store on SQLite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pump-coach-stores-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  // Each call is a new connection to the test's file, as a second process would open it.
  runStoreContract(() => openStore(`sqlite://${join(dir, 'coach.sqlite')}`));
});
