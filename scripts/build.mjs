// `npm run build`: compiles src/ to dist/ (tsc, relative imports rewritten to .js), writes the knowledge snapshot
// (dist/knowledge.snapshot.json) and bundles the entry points (esbuild) for `npm start`, `npm run register` and
// `coach`. With --if-stale (npm's prestart, precoach and preregister hooks) it does nothing when dist/ is newer than
// every input, so `npm start` always runs the code and knowledge of the checkout.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
// took longer to load than the bot takes to log in. discord.js is bundled too (with undici and ws): loaded from
// node_modules, Node resolved, read and wrapped its ~500 CommonJS files one by one: about 270 of the 550 ms from start
// to ready; bundled, about 150. Packages that must stay on disk stay external: native code (better-sqlite3, and the
// optional native helpers discord.js and ws try to require, which stay optional), what is loaded only when configured
// (the Anthropic SDK, Redis). The per-file output stays beside them (the build itself imports it above).
const { build } = await import('esbuild');
// One build per entry point: an entry never shares its own module with another (main.js is also imported by the
// CLI), so its code, and the import.meta.url that isMainModule and shardEntry read, stay in the entry's file. Each
// reads tsc's files and writes beside them in a staging folder, moved over dist/ once all are built.
const staging = join(dist, '.bundles');
// zod re-exports its 64 translations of validation messages (370 KB of source a running bot would hold in memory
// for good, beside zod's 380 KB of code); Pump Coach's messages are English and its own, and zod's default is English.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({ contents: 'export { default as en } from "./en.js";', resolveDir: dirname(args.path), loader: 'js' }));
  },
};
const entries = ['main.js', 'register.js', join('cli', 'coach.js')];
for (const entry of entries) {
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
    external: ['better-sqlite3', '@anthropic-ai/sdk', '@keyv/redis', 'pino-pretty', 'zlib-sync', 'bufferutil', 'utf-8-validate', 'erlpack'],
    // Bundled CommonJS (pino) requires Node's own modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    // discord.js looks its cache limits up by class name (Options.cacheWithLimits): names must survive bundling.
    keepNames: true,
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  });
}
cpSync(staging, dist, { recursive: true, force: true });
rmSync(staging, { recursive: true, force: true });
// V8 keeps each script's source for as long as the bot runs, one byte per character when the text is all ASCII and
// two otherwise: a single curly quote in a regular expression or a comment (esbuild escapes strings, not those)
// doubled the 1.3 MB of bundled source the bot holds. \uXXXX means the same character in strings, templates, regular
// expressions and identifiers (astral characters as their surrogate pair, which a `u` regular expression joins). A
// character escaped as itself ("\’" in a string or a regular expression) loses that backslash, which would otherwise
// escape the new one.
const asciiOnly = (text) =>
  text.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, char) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const file of [...entries, ...readdirSync(join(dist, 'chunks')).map((name) => join('chunks', name))]) {
  const path = join(dist, file);
  const text = readFileSync(path, 'utf8');
  if (/[\u0080-\uffff]/.test(text)) writeFileSync(path, asciiOnly(text));
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
