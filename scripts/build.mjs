// `npm run build`: compiles src/ to dist/ (tsc, relative imports rewritten to .js), writes the knowledge snapshot
// (dist/knowledge.snapshot.json) and bundles the entry points (esbuild) for `npm start`, `npm run register` and
// `coach`. With --if-stale (npm's prestart, precoach and preregister hooks) it does nothing when dist/ is newer than
// every input, so `npm start` always runs the code and knowledge of the checkout.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dist = join(root, 'dist');
/** Written last: its time is the build's, and its absence means the last build did not finish. */
const stamp = join(dist, '.build-stamp');
/** What the build reads: a change to any of them (a file added or removed changes its folder's time) makes dist stale. */
const inputs = ['src', 'knowledge', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

/** The newest modification time under a path (files and folders). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

function stale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => newest(join(root, input)) > built);
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);
process.stderr.write('pump-coach: building dist/ (tsc and the knowledge snapshot)…\n');
// A clean build: a source file deleted since the last one must not live on in dist/.
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  process.stderr.write('pump-coach: the build failed (tsc above); nothing was started.\n');
  process.exit(tsc.status ?? 1);
}
// The compiled loader checks the knowledge as it always does, then keeps the result for every start after.
const { parsePlanKnowledge } = await import(pathToFileURL(join(dist, 'adapters', 'knowledge', 'load-plan-knowledge.js')).href);
const { writeKnowledgeSnapshot } = await import(pathToFileURL(join(dist, 'adapters', 'knowledge', 'knowledge-snapshot.js')).href);
const { defaultKnowledgeDir } = await import(pathToFileURL(join(dist, 'adapters', 'knowledge', 'paths.js')).href);
writeKnowledgeSnapshot(parsePlanKnowledge(defaultKnowledgeDir), defaultKnowledgeDir);
// The entry points (`npm start`, `npm run register`, `coach`) as one file each, with shared and on-demand parts in
// dist/chunks/: Node 20 loads ES modules one file at a time, and our hundred-odd modules plus zod, keyv and the rest
// took longer to load than the bot takes to log in. Packages that must stay on disk stay external: native code
// (better-sqlite3), what is loaded only when configured (the Anthropic SDK, Redis), and discord.js (loaded with
// require, as CommonJS). The per-file output stays beside them (the build itself imports it above).
const { build } = await import('esbuild');
// One build per entry point: an entry never shares its own module with another (main.js is also imported by the
// CLI), so its code, and the import.meta.url that isMainModule and shardEntry read, stay in the entry's file. Each
// reads tsc's files and writes beside them in a staging folder, moved over dist/ once all are built.
const staging = join(dist, '.bundles');
for (const entry of ['main.js', 'register.js', join('cli', 'coach.js')]) {
  await build({
    entryPoints: [join(dist, entry)],
    outdir: staging,
    outbase: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['better-sqlite3', '@anthropic-ai/sdk', '@keyv/redis', 'discord.js', 'pino-pretty'],
    // Bundled CommonJS (pino) requires Node's own modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
cpSync(staging, dist, { recursive: true, force: true });
rmSync(staging, { recursive: true, force: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
