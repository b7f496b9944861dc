import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BARE_BOT, ensureBuilt, rssOf, spawnBot, START, startHost } from './bench-processes.ts';
import type { BatchItem } from './fake-discord-host.ts';
ensureBuilt();
let n = 0;
const items = (kind: BatchItem['kind'], count: number): BatchItem[] => Array.from({ length: count }, () => ({ kind, n: n++ }));
const host = await startHost();
const dir = mkdtempSync(join(tmpdir(), 'zzmem-'));
const replies = join(dir, 'bare-replies.json');
const env = (name: string) => ({ DISCORD_TOKEN: host.token, DISCORD_API_URL: host.apiUrl, KEYV_URL: `sqlite://${join(dir, `${name}.sqlite`)}`, ASK_RATE_LIMIT: '1000', BARE_REPLIES: replies });
const which = (process.env.WHICH ?? 'coach,bare').split(',');
const flags = process.env.FLAGS ?? '';
{
  const b = await spawnBot(env('coach'));
  const captured = await host.batch([...items('workout', 1), ...items('help', 1), ...items('stranger', 1), ...items('ask', 1)], true);
  writeFileSync(replies, JSON.stringify(captured.bodies));
  await b.stop();
}
const mix: BatchItem['kind'][] = ['workout', 'workout', 'workout', 'workout', 'workout', 'workout', 'stranger', 'stranger', 'help', 'ask'];
for (const name of which) {
  const base = name === 'coach' ? START : BARE_BOT;
  const cmd = base.replace(/^node /, `${process.env.PREFIX ?? ""}node --expose-gc --import /work/scratch/memdump.mjs `).replace(/ (\S+\.m?js)$/, ` ${name === "coach" ? flags : ""} $1`);
  const bot = await spawnBot({ ...env(name), SNAP: process.env.SNAP ?? '' }, 'bot ready', cmd);
  const pid = bot.child.pid as number;
  const samples = [rssOf(pid).toFixed(0)];
  for (let done = 0; done < 10_000; ) {
    const batch: BatchItem[] = [];
    for (let k = 0; k < 200; k++, done++) batch.push({ kind: mix[done % mix.length] as BatchItem['kind'], n: n++ });
    await host.batch(batch);
    if (done % 2000 === 0) samples.push(rssOf(pid).toFixed(0));
  }
  const rss = rssOf(pid);
  console.log((await import('node:child_process')).execSync(`node /work/scratch/smaps.mjs ${pid}`).toString());
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, process.env.SNAP ? 8000 : 1500));
  console.log(name, 'rss', rss.toFixed(0), 'samples', samples.join(' '), 'after gc rss', rssOf(pid).toFixed(0));
  console.log(readFileSync(`/tmp/mem-${pid}.json`, 'utf8'));
  await bot.stop();
}
await host.close();
