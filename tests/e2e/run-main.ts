/** Runs the app as `npm start` does, in its own process, for the tests of the process itself. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
/** Exactly what `npm start` runs, read from package.json: the compiled entry, dist/main.js. */
export const START = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

/** The same entry from source, as `npm run dev` and the tests run it. */
export const FROM_SOURCE = 'node --import tsx src/main.ts';

/** Runs the `npm start` command (exec'd, so signals reach the app itself) with the given environment and stdin. */
export function runMain(env: Record<string, string>, stdin: string | null, command = START) {
  const child = spawn('sh', ['-c', `exec ${command}`], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  if (stdin !== null) child.stdin.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** Resolves when `text()` contains `needle` (the process's log so far). */
export async function logged(text: () => string, needle: string | RegExp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(typeof needle === 'string' ? text().includes(needle) : needle.test(text()))) {
    if (Date.now() > deadline) throw new Error(`not logged within ${timeoutMs} ms: ${needle}\n${text()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The lines of a process's stderr that are not JSON log lines (nor npm's warnings): what a person reads. */
export function plainLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() && !line.startsWith('{') && !line.startsWith('npm warn'));
}
