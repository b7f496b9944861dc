import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { member, type RecordedRequest } from '../fakes/fake-discord.ts';
import { str, sub, useE2e } from './e2e-harness.ts';

const GUS = member('1400000000000000041', 'gus');
const HEDY = member('1400000000000000042', 'hedy');

/** Discord's deadline for an interaction's first response. */
const DEADLINE_MS = 3000;

describe('acknowledging inside Discord\'s 3 seconds', () => {
  const e2e = useE2e({ ASK_RATE_LIMIT: '1000' });

  test('GIVEN 120 replies deferred at once (over the client\'s 50 requests a second) THEN their edits wait on no global limiter and all arrive within a second', async () => {
    const rest = e2e.app.bot!.client.rest;
    const globalWaits: string[] = [];
    rest.on('rateLimited', (info) => void (info.global && globalWaits.push(info.route)));
    // /prs always defers, then edits: 120 interaction webhook requests in one go.
    const started = performance.now();
    const sent = Array.from({ length: 120 }, (_, i) => e2e.fake.command({ name: 'prs', user: member(String(1400000000000001000n + BigInt(i)), `m${i}`) }));
    const edits = await Promise.all(sent.map(({ token }) => e2e.edit(token)));
    expect(globalWaits).toEqual([]);
    expect(Math.max(...edits.map((edit) => edit.at)) - started).toBeLessThan(1000);
    // Everything else still goes through the client's limiter.
    expect(rest.options.globalRequestsPerSecond).toBe(50);
  });

  test('GIVEN another connection holds the store\'s write lock for 4 s THEN /profile set and a swap are acknowledged within 3 s and answered once it is released, and /workout (which writes nothing) is answered at once', async () => {
    // A workout, and a swap to pick on it, made before the lock.
    const made = e2e.fake.command({ name: 'workout', options: [str('group', 'legs')], user: HEDY });
    const shown = await e2e.callback(made.id);
    const swapId = shown.body.data.components[0].components[1].custom_id as string;
    const menu = await e2e.callback(e2e.fake.component({ customId: swapId, user: HEDY }).id);
    const select = menu.body.data.components.flatMap((row: { components: { type: number }[] }) => row.components).find((c: { type: number }) => c.type === 3);
    const other = await openStore(`sqlite://${join(e2e.dir, 'coach.sqlite')}`);
    try {
      await other.sql!('BEGIN EXCLUSIVE');
      const release = new Promise<void>((resolve) => setTimeout(() => void other.sql!('COMMIT').then(() => resolve()), 4000));
      const dispatched = performance.now();
      const workout = e2e.fake.command({ name: 'workout', options: [str('group', 'back')], user: GUS });
      const profile = e2e.fake.command({ name: 'profile', options: sub('set', [str('level', 'advanced')]), user: GUS });
      const pick = e2e.fake.component({ customId: select.custom_id, componentType: 3, values: [select.options[0].value], user: HEDY });
      const acks = await Promise.all([workout, profile, pick].map(({ id }) => e2e.callback(id)));
      for (const ack of acks) {
        expect(ack.status).toBe(204);
        expect(ack.at - dispatched).toBeLessThan(DEADLINE_MS);
      }
      // The plan itself for /workout; deferred: a private "thinking…" for /profile, nothing visible for the pick.
      expect(acks.map((ack) => [ack.body.type, ack.body.data?.flags ?? 0])).toEqual([
        [4, 0],
        [5, 64],
        [6, 0],
      ]);
      expect(acks[0]!.body.data.embeds[0].title).toMatch(/^Back/);
      await release;
      const answered = await Promise.all([profile, pick].map(({ token }) => e2e.edit(token)));
      const [saved, swapped] = answered.map((edit: RecordedRequest) => edit.body);
      expect(saved.embeds[0].fields.map((f: { value: string }) => f.value)).toContain('advanced');
      expect(swapped.components[0].components[0].custom_id).toBe(`workout:variation:${HEDY.id}:${pick.id}`);
      expect((await e2e.app.stores.sessions.get(HEDY.id, pick.id))?.swaps).toHaveLength(1);
    } finally {
      await other.close();
    }
  }, 15_000);
});
