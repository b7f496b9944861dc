/** `npm run bench`: runs every benchmark section in turn and prints its figures. Targets live here, not in tests. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sections = ['plan-bench.ts', 'retrieval-bench.ts', 'discord-bench.ts', 'burst-bench.ts', 'shard-bench.ts', 'daily-bench.ts', 'training-log-bench.ts'];
const only = process.argv.slice(2);

for (const file of sections) {
  if (only.length && !only.some((name) => file.startsWith(name))) continue;
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (!existsSync(path)) continue;
  const mod = (await import(path)) as { run: () => Promise<void> };
  await mod.run();
}
process.exit(0);
