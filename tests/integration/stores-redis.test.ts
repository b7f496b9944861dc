import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { describeWithRedis, useRedisServer } from '../support/redis-server.ts';
import { runStoreContract } from './store-contract.ts';

describeWithRedis('every store on Redis', () => {
  // One redis-server for the file, flushed before each test; each call is a new client, as a second process would connect.
  const redis = useRedisServer();
  runStoreContract(() => openStore(redis.url));
});
