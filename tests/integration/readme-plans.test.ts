/** The plans shown in README.md are real: each `coach workout` block prints exactly that text today. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
/** Each ```text block that starts with `$ npm run --silent coach -- …`: the arguments and the printed text. */
const blocks = [...readme.matchAll(/```text\n\$ npm run --silent coach -- (.+)\n([\s\S]*?)```/g)].map((m) => ({ args: (m[1] ?? '').split(' '), printed: m[2] ?? '' }));

describe('README plans', () => {
  test('GIVEN the README THEN it shows one plan per goal', () => {
    expect(blocks.map((b) => b.printed.split('\n')[0]?.split(' · ')[1])).toEqual(['pump', 'hypertrophy', 'strength']);
  });

  test.each(blocks.map((b) => [b.args.join(' '), b] as const))('GIVEN `coach %s` THEN the output is the README text', async (_args, block) => {
    let stdout = '';
    const code = await runCli(block.args, { stdout: (t) => void (stdout += t), stderr: () => undefined, env: {} });
    expect(code).toBe(0);
    expect(stdout).toBe(block.printed);
  });
});
