/** A vitest reporter that prints, after the run, how long each test folder took, so a slow suite stays visible. */
import { relative, sep } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Sums module durations (tests, hooks and imports) per folder under tests/ and prints one line per folder. */
export default class FolderTimeReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byFolder = new Map<string, { ms: number; files: number; tests: number }>();
    for (const module of testModules) {
      const parts = relative(process.cwd(), module.moduleId).split(sep);
      const folder = parts[0] === 'tests' && parts.length > 2 ? `tests/${parts[1]}` : (parts.slice(0, -1).join('/') || '.');
      const diagnostic = module.diagnostic();
      const entry = byFolder.get(folder) ?? { ms: 0, files: 0, tests: 0 };
      entry.ms += diagnostic.collectDuration + diagnostic.duration;
      entry.files += 1;
      entry.tests += [...module.children.allTests()].length;
      byFolder.set(folder, entry);
    }
    const rows = [...byFolder.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const width = Math.max(...rows.map(([folder]) => folder.length));
    const lines = rows.map(([folder, { ms, files, tests }]) => `  ${folder.padEnd(width)}  ${(ms / 1000).toFixed(1).padStart(6)} s  ${String(files).padStart(3)} files  ${String(tests).padStart(5)} tests`);
    process.stdout.write(`\nTime per test folder (summed over files; files run in parallel):\n${lines.join('\n')}\n`);
  }
}
