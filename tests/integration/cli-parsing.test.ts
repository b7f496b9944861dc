/** `coach` parses like a command line: values that start with a dash, no empty values, decimal integers, --help everywhere. */
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} });
  return { code, stdout, stderr };
}

/** The --minutes problem the request itself reports (the value was read, and is out of range). */
const MINUTES_RANGE = /^coach workout: Minutes must be a whole number from 15 to 120, not "-5"\.\n$/;

describe('coach parses like a command line', () => {
  test.each([
    ['--minutes -5', ['workout', 'legs', '--minutes', '-5']],
    ['--minutes=-5', ['workout', 'legs', '--minutes=-5']],
  ])('GIVEN %s THEN the negative number is read as the value and refused as out of range, not as a missing value', async (_label, args) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(MINUTES_RANGE);
    expect(stderr).not.toMatch(/needs a value/);
  });

  test.each([
    ['--minutes ""', ['workout', 'legs', '--minutes', '']],
    ['--minutes=', ['workout', 'legs', '--minutes=']],
    ['--date " "', ['workout', 'legs', '--date', ' ']],
    ['--split ""', ['daily', '--split', '']],
  ])('GIVEN an empty value (%s) THEN it is refused in one line, never run with the default', async (_label, args) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^coach (workout|daily): option "--(minutes|date|split)" needs a value, not an empty one; valid options: .*\n$/);
  });

  test.each(['1e1', '0x10', '1.0', ' 3', '3abc'])('GIVEN search --k %j THEN only decimal digits count as a whole number', async (k) => {
    const { code, stderr } = await run(['search', 'pump', '--k', k]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^coach search: --k must be a whole number from 1 to 100/);
  });

  test.each([
    ['search pump -k 3', ['search', 'pump', '-k', '3', '--json']],
    ['search pump --k 3', ['search', 'pump', '--k', '3', '--json']],
    ['search --k=3 pump', ['search', '--k=3', 'pump', '--json']],
  ])('GIVEN %s THEN three passages for "pump" come back', async (_label, args) => {
    const { code, stdout } = await run(args);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { query: string; passages: unknown[] };
    expect(doc.query).toBe('pump');
    expect(doc.passages).toHaveLength(3);
  });

  test.each([[['--help']], [['help']], [['workout', '--help']], [['daily', '--help']], [['search', '--help']], [['ask', '--help']], [['ask', '-h']], [['search', '-h']]])(
    'GIVEN coach %j THEN the usage is printed and the exit code is 0',
    async (args) => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^usage: coach/);
      expect(stderr).toBe('');
    },
  );

  test.each([['legs,,back'], ['legs,back,'], [',legs']])('GIVEN daily --split %s THEN the empty day is refused', async (split) => {
    const { code, stderr } = await run(['daily', '--split', split]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^coach daily: A split cannot have an empty day/);
  });

  test('GIVEN control characters in what was typed THEN the message shows them escaped, never raw', async () => {
    const { code, stderr } = await run(['workout', 'legs', '--date', '2026-11-23\u001b[31m\u0007\r']);
    expect(code).toBe(2);
    expect(stderr).toBe('coach workout: --date must be a calendar date as YYYY-MM-DD, not "2026-11-23\\u001b[31m\\u0007\\u000d"\n');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f]/);
    const unknown = await run(['work\u001bout']);
    expect(unknown.stderr).toBe('coach: unknown command "work\\u001bout"; use one of: workout, ask, search, daily\n');
  });
});
