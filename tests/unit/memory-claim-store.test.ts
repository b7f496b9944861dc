import { beforeEach, describe } from 'vitest';
import { claimStoreSuite } from '../integration/store-contract.ts';
import { MemoryClaimStore } from '../fakes/daily-fakes.ts';

// The unit tests' stand-in must keep the same promises as the SQLite and Redis claim stores it stands in for.
describe('the in-memory claim store used by the unit tests', () => {
  let shared: MemoryClaimStore;
  beforeEach(() => {
    shared = new MemoryClaimStore();
  });
  claimStoreSuite(async () => shared);
});
