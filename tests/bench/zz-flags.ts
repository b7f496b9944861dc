// scratch: paired CPU/latency of Pump Coach under two flag sets (A = START, B = START with FLAGS_B)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './bench-kit.ts';
import { cpuMsOf, ensureBuilt, rssOf, spawnBot, START, startHost } from './bench-processes.ts';
import type { BatchItem } from './fake-discord-host.ts';
ensureBuilt();
let n = 0;
const items = (kind: BatchItem['kind'], count: number): BatchItem[] => Array.from({ length: count }, () => ({ kind, n: n++ }));
const hostA = await startHost(); const hostB = await startHost();
const dir = mkdtempSync(join(tmpdir(), 'zzflags-'));
const env = (name: string, h: typeof hostA) => ({ DISCORD_TOKEN: h.token, DISCORD_API_URL: h.apiUrl, KEYV_URL: `sqlite://${join(dir, `${name}.sqlite`)}`, ASK_RATE_LIMIT: '1000' });
const cmdA = process.env.CMD_A ?? START; const cmdB = process.env.CMD_B ?? START;
console.log('A:', cmdA, '\nB:', cmdB);
const A = await spawnBot(env('a', hostA), 'bot ready', cmdA); const B = await spawnBot(env('b', hostB), 'bot ready', cmdB);
const subj = [{ name: 'A', host: hostA, pid: A.child.pid as number }, { name: 'B', host: hostB, pid: B.child.pid as number }];
for (const s of subj) { await s.host.batch(items('workout', 200)); await s.host.batch(items('workout', 200)); await s.host.sequence('workout', 2000); for (let i = 0; i < 5; i++) await s.host.batch(items('workout', 200)); }
const ROUNDS: Record<number, [number, number]> = { 1: [Number(process.env.R1 ?? 4), 250], 200: [Number(process.env.R200 ?? 10), 200], 1000: [4, 1000] };
for (const level of [1, 200, 1000]) {
  const [rounds, per] = ROUNDS[level]!;
  const acc: Record<string, { lat: number[]; cpu: number }> = { A: { lat: [], cpu: 0 }, B: { lat: [], cpu: 0 } };
  for (let r = 0; r < rounds; r++) for (const s of r % 2 ? [...subj].reverse() : subj) {
    const before = cpuMsOf(s.pid);
    const res = level === 1 ? await s.host.sequence('workout', per) : await s.host.batch(items('workout', per));
    acc[s.name]!.cpu += cpuMsOf(s.pid) - before; acc[s.name]!.lat.push(...res.callback.workout);
  }
  const f = (k: string) => `${(acc[k]!.cpu / acc[k]!.lat.length).toFixed(3)} ms cpu, p50 ${percentile(acc[k]!.lat, 50).toFixed(1)} p99 ${percentile(acc[k]!.lat, 99).toFixed(1)}`;
  console.log(`${level} in flight: A ${f('A')} | B ${f('B')} | cpu B/A ${(acc.B!.cpu / acc.A!.cpu).toFixed(3)}`);
}
const mix: BatchItem['kind'][] = ['workout', 'workout', 'workout', 'workout', 'workout', 'workout', 'stranger', 'stranger', 'help', 'ask'];
await A.stop(); await B.stop();
for (let round = 0; round < Number(process.env.RSS_ROUNDS ?? 1); round++) for (const [name, cmd, h] of [['A', cmdA, hostA], ['B', cmdB, hostB]] as const) {
  const bot = await spawnBot(env(`${name}-rss${round}`, h), 'bot ready', cmd); const pid = bot.child.pid as number;
  const samples: string[] = [];
  for (let done = 0; done < 10_000; ) { const batch: BatchItem[] = []; for (let k = 0; k < 200; k++, done++) batch.push({ kind: mix[done % mix.length]!, n: n++ }); await h.batch(batch); if (done % 2000 === 0) samples.push(rssOf(pid).toFixed(0)); }
  console.log(`${name} fresh rss over 10k: ${samples.join(' ')}`);
  await bot.stop();
}
await hostA.close(); await hostB.close();
