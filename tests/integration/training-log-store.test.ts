/** The training-log store's behaviour on SQLite (tests/integration/training-log-store-behaviour.ts runs on any keyv backend). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { trainingLogStoreBehaviour } from './training-log-store-behaviour.ts';

const dir = mkdtempSync(join(tmpdir(), 'pump-coach-log-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every open reaches the same file, as a restarted bot would.
trainingLogStoreBehaviour('SQLite', () => openStore(`sqlite://${join(dir, 'coach.sqlite')}`));
