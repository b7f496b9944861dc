/**
 * Runs the fake Discord in its own process for the Discord benchmarks, so the bot's figures are not charged with
 * the fake's work (real Discord is remote). Driven over IPC: it dispatches batches and reports latencies, or runs a
 * throughput round. Started with `--shards N`, it recommends N shards and has one server per shard; interaction n
 * goes to server n % N.
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

/** A throughput round: `total` interactions of one kind, `inFlight` at a time (each waits for its callback). */
export interface ThroughputRound {
  kind: BatchItem['kind'];
  total: number;
  inFlight: number;
}

/** What a throughput round measured. */
export interface ThroughputResult {
  perSecond: number;
  /** Callback latency percentiles, in milliseconds from dispatch. */
  p50: number;
  p99: number;
}

/** Latencies of one batch, in milliseconds from dispatch. */
export interface BatchResult {
  /** To the first callback (the reply, or the defer for /ask). */
  callback: Record<BatchItem['kind'], number[]>;
  /** /ask: to the final answer (the callback itself when it carries the answer, else the edit of the deferred reply). */
  edit: number[];
  /** With `capture`: one interaction's callback body per kind, and the /ask edit's body, as the bot sent them. */
  bodies?: Partial<Record<BatchItem['kind'] | 'askEdit', unknown>>;
}

const GROUPS = ['legs', 'glutes', 'back'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const EQUIPMENT = ['gym', 'dumbbells', 'bands', 'bodyweight'];
const user = (n: number) => member(String(1400000000000000000n + BigInt(n % 1000)), `member${n % 1000}`);

const shardArg = process.argv.indexOf('--shards');
const shardCount = shardArg >= 0 ? Number(process.argv[shardArg + 1]) : 1;
const fake = await startFakeDiscord();
fake.record = false;
fake.gatewayBot.shards = shardCount;
fake.gatewayBot.maxConcurrency = shardCount;
/** The server interaction n goes to: one per shard (the default server when there is one shard). */
const servers = shardCount > 1 ? Array.from({ length: shardCount }, (_, shard) => fake.addGuild({ shard, shardCount }).id) : [fake.guildId];
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

/** Dispatches one interaction; resolves with the callback latency (and the edit's, for /ask). */
async function one({ kind, n }: BatchItem): Promise<{ callback: number; edit?: number; body?: unknown; editBody?: unknown }> {
  const start = performance.now();
  const guildId = servers[n % servers.length];
  let sent: { id: string; token: string };
  if (kind === 'workout') {
    sent = fake.command({
      name: 'workout',
      guildId,
      user: user(n),
      options: [
        { name: 'group', type: 3, value: GROUPS[n % 3]! },
        { name: 'level', type: 3, value: LEVELS[Math.floor(n / 3) % 3]! },
        { name: 'equipment', type: 3, value: EQUIPMENT[Math.floor(n / 9) % 4]! },
      ],
    });
  } else if (kind === 'ask') {
    sent = fake.command({ name: 'ask', guildId, user: user(n), options: [{ name: 'question', type: 3, value: 'how long should I rest between sets for a pump?' }] });
  } else if (kind === 'help') {
    sent = fake.command({ name: 'help', guildId, user: user(n) });
  } else {
    sent = fake.component({ customId: `workout:variation:${user(n + 1).id}:${n}`, guildId, user: user(n) });
  }
  const editKey = `PATCH /webhooks/${fake.appId}/${sent.token}/messages/@original`;
  const edit = kind === 'ask' ? arrival(editKey) : null;
  const callback = await arrival(`POST /interactions/${sent.id}/${sent.token}/callback`);
  if (kind !== 'ask') return { callback: callback.at - start, body: callback.body };
  // A deferral (type 5) is followed by the edit with the answer; a direct reply (type 4) is the answer.
  if ((callback.body as { type?: number } | undefined)?.type !== 5) {
    pending.delete(editKey);
    return { callback: callback.at - start, edit: callback.at - start, body: callback.body };
  }
  const edited = await (edit as Promise<RecordedRequest>);
  return { callback: callback.at - start, edit: edited.at - start, body: callback.body, editBody: edited.body };
}

async function batch(items: BatchItem[], capture = false): Promise<BatchResult> {
  const result: BatchResult = { callback: { workout: [], ask: [], help: [], stranger: [] }, edit: [], ...(capture ? { bodies: {} } : {}) };
  await Promise.all(
    items.map(async (item) => {
      if (item.delayMs) await new Promise((resolve) => setTimeout(resolve, item.delayMs));
      const timing = await one(item);
      result.callback[item.kind].push(timing.callback);
      if (timing.edit !== undefined) result.edit.push(timing.edit);
      if (result.bodies) {
        result.bodies[item.kind] ??= timing.body;
        if (timing.editBody !== undefined) result.bodies.askEdit ??= timing.editBody;
      }
    }),
  );
  return result;
}

/** `total` interactions of one kind, one after another (one in flight). */
async function sequence(kind: BatchItem['kind'], total: number): Promise<BatchResult> {
  const result: BatchResult = { callback: { workout: [], ask: [], help: [], stranger: [] }, edit: [] };
  for (let i = 0; i < total; i++) {
    const timing = await one({ kind, n: counter++ });
    result.callback[kind].push(timing.callback);
    if (timing.edit !== undefined) result.edit.push(timing.edit);
  }
  return result;
}

let counter = 1_000_000;
/** `total` interactions, `inFlight` workers each sending the next as soon as its last was answered. */
async function throughput(round: ThroughputRound): Promise<ThroughputResult> {
  const latencies: number[] = [];
  let left = round.total;
  const start = performance.now();
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      latencies.push((await one({ kind: round.kind, n: counter++ })).callback);
    }
  };
  await Promise.all(Array.from({ length: round.inFlight }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? Number.NaN;
  return { perSecond: round.total / seconds, p50: at(50), p99: at(99) };
}

process.on('message', (
  message:
    | { cmd: 'batch'; seq: number; items: BatchItem[]; capture?: boolean }
    | { cmd: 'sequence'; seq: number; kind: BatchItem['kind']; total: number }
    | { cmd: 'throughput'; seq: number; round: ThroughputRound }
    | { cmd: 'close' },
) => {
  if (message.cmd === 'close') {
    void fake.close().then(() => process.exit(0));
    return;
  }
  if (message.cmd === 'throughput') {
    void throughput(message.round).then((result) => process.send?.({ seq: message.seq, result }));
    return;
  }
  if (message.cmd === 'sequence') {
    void sequence(message.kind, message.total).then((result) => process.send?.({ seq: message.seq, result }));
    return;
  }
  void batch(message.items, message.capture).then((result) => process.send?.({ seq: message.seq, result }));
});
process.send?.({ ready: true, apiUrl: fake.apiUrl, token: fake.token });
