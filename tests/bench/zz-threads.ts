import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BARE_BOT, ensureBuilt, spawnBot, START, startHost } from './bench-processes.ts';
import type { BatchItem } from './fake-discord-host.ts';
ensureBuilt();
let n = 0;
const items = (kind: BatchItem['kind'], count: number): BatchItem[] => Array.from({ length: count }, () => ({ kind, n: n++ }));
const host = await startHost();
const dir = mkdtempSync(join(tmpdir(), 'zzt-'));
const replies = join(dir, 'bare-replies.json');
const env = (name: string) => ({ DISCORD_TOKEN: host.token, DISCORD_API_URL: host.apiUrl, KEYV_URL: `sqlite://${join(dir, `${name}.sqlite`)}`, ASK_RATE_LIMIT: '1000', BARE_REPLIES: replies });
{ const b = await spawnBot(env('coach')); const c = await host.batch([...items('workout', 1), ...items('help', 1), ...items('stranger', 1), ...items('ask', 1)], true); writeFileSync(replies, JSON.stringify(c.bodies)); await b.stop(); }
const threads = (pid: number) => { const out = new Map<string, number>(); for (const tid of readdirSync(`/proc/${pid}/task`)) { const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim(); const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]); out.set(`${comm}#${tid}`, ns / 1e6); } return out; };
const mode = process.env.MODE ?? 'burst';
for (const name of (process.env.WHICH ?? 'coach,bare').split(',')) {
  const bot = await spawnBot(env(name), 'bot ready', name === 'coach' ? (process.env.CMD ?? START) : BARE_BOT);
  const pid = bot.child.pid as number;
  for (let i = 0; i < 2; i++) await host.batch(items('workout', 200)); await host.sequence('workout', 2000); for (let i = 0; i < 5; i++) await host.batch(items('workout', 200));
  const before = threads(pid);
  const total = mode === 'seq' ? 2000 : 4000;
  if (mode === 'seq') await host.sequence('workout', total); else for (let i = 0; i < total / 200; i++) await host.batch(items('workout', 200));
  const after = threads(pid);
  const byComm = new Map<string, number>(); let sum = 0;
  for (const [k, v] of after) { const d = v - (before.get(k) ?? 0); const tid = k.split('#')[1]!; const c = tid === String(pid) ? 'main' : `t${tid}`; byComm.set(c, (byComm.get(c) ?? 0) + d); sum += d; }
  console.log(name, mode, `total ${(sum / total).toFixed(3)} ms/interaction:`, [...byComm].sort((a, b) => b[1] - a[1]).filter(([, v]) => v / total > 0.001).map(([c, v]) => `${c} ${(v / total).toFixed(3)}`).join(' | '));
  await bot.stop();
}
await host.close();
