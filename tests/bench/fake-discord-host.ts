/**
 * Runs the fake Discord in its own process for the Discord benchmark, so the bot's figures are not charged with
 * the fake's work (real Discord is remote). Driven over IPC: it dispatches batches and reports latencies.
 */
import { performance } from 'node:perf_hooks';
import { member, startFakeDiscord, type RecordedRequest } from '../fakes/fake-discord.ts';

/** One interaction of a batch. */
export interface BatchItem {
  kind: 'workout' | 'ask' | 'help' | 'stranger';
  /** Picks the member and the request variant. */
  n: number;
  /** Dispatch this long after the batch starts (paced arrivals); latency is counted from dispatch. @default 0 */
  delayMs?: number;
}

/** Latencies of one batch, in milliseconds from dispatch. */
export interface BatchResult {
  /** To the first callback (the reply, or the defer for /ask). */
  callback: Record<BatchItem['kind'], number[]>;
  /** /ask: to the edited answer. */
  edit: number[];
}

const GROUPS = ['legs', 'glutes', 'back'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const EQUIPMENT = ['gym', 'dumbbells', 'bands', 'bodyweight'];
const user = (n: number) => member(String(1400000000000000000n + BigInt(n % 1000)), `member${n % 1000}`);

const fake = await startFakeDiscord();
fake.record = false;
const pending = new Map<string, (r: RecordedRequest) => void>();
fake.on('request', (r: RecordedRequest) => {
  const key = `${r.method} ${r.path}`;
  const resolve = pending.get(key);
  if (resolve) {
    pending.delete(key);
    resolve(r);
  }
});
const arrival = (key: string) => new Promise<RecordedRequest>((resolve) => pending.set(key, resolve));

async function batch(items: BatchItem[]): Promise<BatchResult> {
  const result: BatchResult = { callback: { workout: [], ask: [], help: [], stranger: [] }, edit: [] };
  await Promise.all(
    items.map(async ({ kind, n, delayMs }) => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const start = performance.now();
      let sent: { id: string; token: string };
      if (kind === 'workout') {
        sent = fake.command({
          name: 'workout',
          user: user(n),
          options: [
            { name: 'group', type: 3, value: GROUPS[n % 3]! },
            { name: 'level', type: 3, value: LEVELS[Math.floor(n / 3) % 3]! },
            { name: 'equipment', type: 3, value: EQUIPMENT[Math.floor(n / 9) % 4]! },
          ],
        });
      } else if (kind === 'ask') {
        sent = fake.command({ name: 'ask', user: user(n), options: [{ name: 'question', type: 3, value: 'how long should I rest between sets for a pump?' }] });
      } else if (kind === 'help') {
        sent = fake.command({ name: 'help', user: user(n) });
      } else {
        sent = fake.component({ customId: `workout:variation:${user(n + 1).id}:${n}`, user: user(n) });
      }
      const edit = kind === 'ask' ? arrival(`PATCH /webhooks/${fake.appId}/${sent.token}/messages/@original`) : null;
      const callback = await arrival(`POST /interactions/${sent.id}/${sent.token}/callback`);
      result.callback[kind].push(callback.at - start);
      if (edit) result.edit.push((await edit).at - start);
    }),
  );
  return result;
}

process.on('message', (message: { cmd: 'batch'; seq: number; items: BatchItem[] } | { cmd: 'close' }) => {
  if (message.cmd === 'close') {
    void fake.close().then(() => process.exit(0));
    return;
  }
  void batch(message.items).then((result) => process.send?.({ seq: message.seq, result }));
});
process.send?.({ ready: true, apiUrl: fake.apiUrl, token: fake.token });
