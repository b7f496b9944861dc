/**
 * Names members type are data, not keys: Object.prototype's names ("constructor", "__proto__", …) typed into any
 * option of any command, the console or the CLI get the same clear error as any other unknown word, never a crash.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateDailyInput } from '../../src/app/daily-input.ts';
import { createDailyService } from '../../src/app/daily-service.ts';
import { consoleOptions, replyToText, runPlayground } from '../../src/console/console-playground.ts';
import { parseLine } from '../../src/console/console-parse.ts';
import { resolveGroup } from '../../src/core/group-aliases.ts';
import { resolvePlanRequest } from '../../src/core/plan-request.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { commands } from '../../src/commands/index.ts';
import { createDispatcher } from '../../src/commands/dispatch.ts';
import { commonText } from '../../src/commands/messages.ts';
import type { CommandContext, ComponentContext, Reply } from '../../src/commands/command-kit.ts';
import type { CommandServices } from '../../src/commands/services.ts';
import { testMarkup } from '../fakes/fake-contexts.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { ManualClock, MemoryClaimStore, MemoryDailySettingsStore, RecordingPoster, fakeCompose } from '../fakes/daily-fakes.ts';

/** Every own property name of Object.prototype a member might type, plus the one JSON and `in` treat specially. */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

describe('core lookups', () => {
  test.each(NAMES)('GIVEN "%s" as a muscle group THEN it names no group', (name) => {
    expect(resolveGroup(name)).toBeUndefined();
    expect(resolvePlanRequest({ group: name })).toEqual({ ok: false, message: expect.stringMatching(/^Unknown muscle group/) });
  });

  test.each(NAMES.flatMap((name) => (['focus', 'goal', 'level', 'equipment', 'minutes'] as const).map((option) => [option, name] as const)))(
    'GIVEN %s "%s" THEN the request is refused with the option\'s own message',
    (option, name) => {
      const resolved = resolvePlanRequest({ group: 'legs', [option]: name });
      expect(resolved.ok).toBe(false);
      if (!resolved.ok) expect(resolved.message).toMatch(new RegExp(`^(Unknown ${option}|Minutes must be)`));
    },
  );

  test.each(NAMES.flatMap((name) => (['time', 'timezone', 'split', 'goal', 'level', 'equipment'] as const).map((option) => [option, name] as const)))(
    'GIVEN /daily set %s "%s" THEN validation refuses it with a message',
    (option, name) => {
      const result = validateDailyInput({ channelId: 'c1', time: '07:00', timezone: 'Europe/Berlin', [option]: name });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.toLowerCase()).toContain(name.toLowerCase());
    },
  );
});

/** The console lines to type, and what each reply must say. */
function consoleCases(): [string, RegExp][] {
  return NAMES.flatMap((n): [string, RegExp][] => [
    [`/${n}`, /Unknown command/],
    [`/workout ${n}:legs`, /Unknown option/],
    [`/workout group:${n}`, /Unknown muscle group/],
    [`/workout legs goal:${n}`, /Unknown goal/],
    [`/workout legs focus:${n}`, /Unknown focus/],
    [`/workout legs level:${n}`, /Unknown level/],
    [`/workout legs equipment:${n}`, /Unknown equipment/],
    [`/workout legs minutes:${n}`, /Option minutes: must be a whole number/],
    [`/profile ${n}`, /\/profile needs one of/],
    [`/profile set level:${n}`, /level must be one of/],
    [`/profile set equipment:${n}`, /equipment must be one of/],
    [`/profile set goal:${n}`, /goal must be one of/],
    [`/profile set units:${n}`, /units must be one of/],
    [`/daily set channel:c1 time:${n} timezone:Europe/Berlin`, /is not a time/],
    [`/daily set channel:c1 time:07:00 timezone:${n}`, /is not a time zone/],
    [`/daily set channel:c1 time:07:00 timezone:Europe/Berlin split:${n}`, /is not a day of a split/],
    [`/daily set channel:c1 time:07:00 timezone:Europe/Berlin goal:${n}`, /is not a goal/],
    [`/daily set channel:c1 time:07:00 timezone:Europe/Berlin level:${n}`, /is not a level/],
    [`/daily set channel:c1 time:07:00 timezone:Europe/Berlin equipment:${n}`, /is not a equipment|is not an equipment/],
    [`/daily set channel:c1 time:07:00 timezone:Europe/Berlin thread:${n}`, /Option thread: must be true or false/],
    [`/daily set channel:c1 time:07:00 timezone:Europe/Berlin rest_days:${n}`, /is not a rest-day setting/],
    [`/ask ${n}`, /./],
    [`/help ${n}`, /Unknown option/],
  ]);
}

/** Runs one typed line the way the console does (same parser, same dispatcher), but inside a server, as an admin. */
async function typeInServer(line: string, services: CommandServices): Promise<string> {
  const parsed = parseLine(line, commands);
  if (parsed.kind === 'error') return parsed.message;
  if (parsed.kind !== 'command') throw new Error(`not a command: ${line}`);
  const shown: Reply[] = [];
  const ctx: CommandContext = {
    id: 'i1',
    member: { id: 'm1', name: 'm1' },
    guildId: 'g1',
    channelId: 'c1',
    canManageGuild: true,
    markup: testMarkup,
    commandName: parsed.name,
    options: consoleOptions(parsed.subcommand, parsed.options),
    answered: false,
    reply: async (reply) => void shown.push(reply),
    defer: async () => undefined,
    edit: async (reply) => void shown.push(reply),
    followUp: async (reply) => void shown.push(reply),
  };
  await createDispatcher(commands, services).command(ctx);
  return shown.map((reply) => replyToText(reply)).join('\n');
}

describe('every option of every command, typed as in the console', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ KEYV_URL: 'sqlite://:memory:', LOG_LEVEL: 'silent' }, { stdin: Readable.from([]), stdout: () => undefined });
    await app.done;
    const clock = new ManualClock('2026-06-10T04:00:00Z');
    app.services.daily = createDailyService({
      settings: new MemoryDailySettingsStore(),
      claims: new MemoryClaimStore(),
      poster: new RecordingPoster(clock),
      clock,
      compose: fakeCompose,
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  test('GIVEN a prototype name in every option THEN each line gets its normal clear error, and nothing fails', async () => {
    for (const [line, expected] of consoleCases()) {
      const reply = await typeInServer(line, app.services);
      expect(reply, line).toMatch(expected);
      expect(reply, line).not.toContain(commonText.failed);
    }
  });

  test('GIVEN the playground itself THEN a prototype name as a command or an option name is refused the usual way', async () => {
    let out = '';
    await runPlayground({
      input: Readable.from(NAMES.flatMap((n) => [`/${n}\n`, `/workout ${n}:legs\n`])),
      write: (text) => void (out += text),
      commands,
      services: app.services,
    });
    for (const n of NAMES) {
      expect(out).toContain(`Unknown command /${n.toLowerCase()}.`);
      expect(out).toContain(`Unknown option "${n}"`);
    }
    expect(out).not.toContain(commonText.failed);
  });
});

describe('the dispatcher', () => {
  test.each(NAMES)('GIVEN a component id whose action is "%s" THEN it is an unknown component, not a crash', async (name) => {
    const shown: Reply[] = [];
    const dispatch = createDispatcher(commands, {} as never);
    const ctx: ComponentContext = {
      id: 'i',
      member: { id: 'm', name: 'm' },
      guildId: null,
      channelId: null,
      canManageGuild: false,
      markup: testMarkup,
      customId: `workout:${name}:x`,
      values: [],
      answered: false,
      update: async (reply) => void shown.push(reply),
      reply: async (reply) => void shown.push(reply),
      followUp: async (reply) => void shown.push(reply),
      showModal: async () => undefined,
    };
    await dispatch.component(ctx);
    expect(shown).toEqual([{ text: commonText.unknownComponent, ephemeral: true }]);
  });
});

describe('the CLI', () => {
  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} });
    return { code, stdout, stderr };
  }

  const cases = NAMES.flatMap((n): [string[], RegExp][] => [
    [[n], /unknown command/],
    [['workout', n], /Unknown muscle group/],
    [['workout', 'legs', '--goal', n], /Unknown goal/],
    [['workout', 'legs', '--focus', n], /Unknown focus/],
    [['workout', 'legs', '--level', n], /Unknown level/],
    [['workout', 'legs', '--equipment', n], /Unknown equipment/],
    [['workout', 'legs', '--minutes', n], /Minutes must be a whole number/],
    [['workout', 'legs', '--date', n], /--date must be a calendar date/],
    [['workout', 'legs', '--seed', n], /--seed must be a whole number/],
    [['workout', 'legs', `--${n}`, 'x'], /unknown option/],
    [['daily', '--split', n], /is not a day of a split/],
    [['daily', '--goal', n], /Unknown goal/],
    [['daily', '--level', n], /Unknown level/],
    [['daily', '--equipment', n], /Unknown equipment/],
    [['daily', '--date', n], /is not a date/],
    [['daily', '--start', n], /is not a date/],
    [['daily', '--rest-days', n], /--rest-days must be one of/],
    [['daily', `--${n}`], /unknown option/],
  ]);

  test.each(cases)('GIVEN coach %j THEN one clear line on stderr and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test.each(NAMES)('GIVEN coach search --k "%s" THEN the --k problem and the usage line, exit 2', async (name) => {
    const { code, stdout, stderr } = await run(['search', '--k', name]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^coach search: --k must be a whole number .*\nusage: coach search/);
  });

  test.each(NAMES)('GIVEN coach ask and coach search with "%s" as the question THEN they answer normally (exit 0)', async (name) => {
    expect((await run(['ask', name])).code).toBe(0);
    expect((await run(['search', name])).code).toBe(0);
  });
});
