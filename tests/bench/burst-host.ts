/**
 * The fake Discord for the burst benchmark, in its own process (real Discord is remote): on `burst` it first makes
 * a few sessions and answers to click on, then dispatches a mix of interactions (/workout, /ask, /profile set,
 * /help, clicks) spread evenly over `spreadMs`, and reports for each the time from dispatch to its acknowledgement
 * (the first interaction callback) and to its final answer (the callback, or the edit of a deferred reply).
 */
import { performance } from 'node:perf_hooks';
import { member, startFakeDiscord, type RecordedRequest } from '../fakes/fake-discord.ts';

/** The kinds of interaction a burst mixes. */
export const BURST_KINDS = ['workout', 'ask', 'profile', 'help', 'click'] as const;
/** One kind of interaction. */
export type BurstKind = (typeof BURST_KINDS)[number];

/** What the bench asks for. */
export interface BurstRequest {
  total: number;
  spreadMs: number;
  /** Sessions and answers made before the burst, for its clicks to press. */
  warmup: number;
}

/** What one interaction of the burst did, in milliseconds from its dispatch. */
export interface BurstSample {
  kind: BurstKind;
  /** To the first callback; null when none came within the wait. */
  ackMs: number | null;
  /** Status the fake gave that callback (404 = token expired, 400 = acknowledged twice). */
  ackStatus: number | null;
  /** To the final answer: the callback itself, or the PATCH of a deferred reply. */
  answerMs: number | null;
}

const GROUPS = ['legs', 'glutes', 'back'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const QUESTIONS = ['how long should I rest between sets for a pump?', 'does a pump mean growth?', 'what rep range builds glutes?', 'how often should I train back?'];
const user = (n: number) => member(String(1400000000000000000n + BigInt(n)), `member${n}`);

const fake = await startFakeDiscord();
fake.record = false;
const waiting = new Map<string, (r: RecordedRequest) => void>();
fake.on('request', (r: RecordedRequest) => {
  const key = `${r.method} ${r.path}`;
  const resolve = waiting.get(key);
  if (resolve) {
    waiting.delete(key);
    resolve(r);
  }
});
/** Resolves with the request when it arrives, or null after `timeoutMs`. */
function arrival(key: string, timeoutMs: number): Promise<RecordedRequest | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => (waiting.delete(key), resolve(null)), timeoutMs);
    waiting.set(key, (r) => (clearTimeout(timer), resolve(r)));
  });
}

/** Clicks press "Another variation" on a session its owner made, or 👍 on an answer. */
interface Target {
  customId: string;
  n: number;
}

function dispatch(kind: BurstKind, n: number, targets: Target[]): { id: string; token: string } {
  const by = user(n);
  switch (kind) {
    case 'workout':
      return fake.command({ name: 'workout', user: by, options: [{ name: 'group', type: 3, value: GROUPS[n % 3]! }, { name: 'level', type: 3, value: LEVELS[Math.floor(n / 3) % 3]! }] });
    case 'ask':
      return fake.command({ name: 'ask', user: by, options: [{ name: 'question', type: 3, value: QUESTIONS[n % QUESTIONS.length]! }] });
    case 'profile':
      return fake.command({ name: 'profile', user: by, options: [{ name: 'set', type: 1, options: [{ name: 'level', type: 3, value: LEVELS[n % 3]! }, { name: 'goal', type: 3, value: 'pump' }] }] });
    case 'help':
      return fake.command({ name: 'help', user: by });
    case 'click': {
      const target = targets[n % targets.length]!;
      return fake.component({ customId: target.customId, user: user(target.n) });
    }
  }
}

/** Dispatches one interaction and waits (up to `waitMs`) for its acknowledgement and final answer. */
async function one(kind: BurstKind, n: number, targets: Target[], waitMs: number): Promise<BurstSample & { id: string }> {
  const start = performance.now();
  const sent = dispatch(kind, n, targets);
  // A deferred reply (5) or update (6) is answered by the edit or follow-up that comes next; anything else at once.
  const edit = Promise.race([arrival(`PATCH /webhooks/${fake.appId}/${sent.token}/messages/@original`, waitMs), arrival(`POST /webhooks/${fake.appId}/${sent.token}`, waitMs)]);
  const ack = await arrival(`POST /interactions/${sent.id}/${sent.token}/callback`, waitMs);
  const ackMs = ack ? ack.at - start : null;
  const deferred = ack?.body?.type === 5 || ack?.body?.type === 6;
  const edited = deferred ? await edit : null;
  return { id: sent.id, kind, ackMs, ackStatus: ack?.status ?? null, answerMs: deferred ? (edited ? edited.at - start : null) : ackMs };
}

async function burst(request: BurstRequest): Promise<BurstSample[]> {
  // Sessions and answers to click on, made one at a time before the burst.
  const targets: Target[] = [];
  for (let i = 0; i < request.warmup; i++) {
    const n = 100_000 + i;
    const kind = i % 2 ? 'ask' : 'workout';
    const made = await one(kind, n, targets, 10_000);
    targets.push({ customId: kind === 'ask' ? `ask:vote:up:o:${made.id}` : `workout:variation:${user(n).id}:${made.id}`, n });
  }
  const started: Promise<BurstSample & { id: string }>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < request.total; i++) {
    // Evenly over the spread: interaction i goes out at i × spread / total.
    const due = t0 + (i * request.spreadMs) / request.total;
    while (performance.now() < due) await new Promise((resolve) => setImmediate(resolve));
    started.push(one(BURST_KINDS[i % BURST_KINDS.length]!, i, targets, 20_000));
  }
  return (await Promise.all(started)).map(({ id: _id, ...sample }) => sample);
}

process.on('message', (message: { cmd: 'burst'; seq: number; request: BurstRequest } | { cmd: 'close' }) => {
  if (message.cmd === 'close') {
    void fake.close().then(() => process.exit(0));
    return;
  }
  void burst(message.request).then((result) => process.send?.({ seq: message.seq, result }));
});
process.send?.({ ready: true, apiUrl: fake.apiUrl, token: fake.token });
