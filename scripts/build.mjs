// `npm run build`: compiles src/ to dist/ (tsc, relative imports rewritten to .js) and writes the knowledge snapshot
// (dist/knowledge.snapshot.json). With --if-stale (npm's prestart, precoach and preregister hooks) it does nothing
// when dist/ is newer than every input, so `npm start` always runs the code and knowledge of the checkout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
writeFileSync(stamp, `${new Date().toISOString()}\n`);
