/** Starts the app exactly as `npm start` does, but with DISCORD_API_URL pointing at a local fake Discord. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, expect } from 'vitest';
import { startApp, type AppIo, type RunningApp } from '../../src/main.ts';
import { startFakeDiscord, type FakeDiscord, type FakeUser, type RecordedRequest } from '../fakes/fake-discord.ts';

/** A running bot against a fake Discord, with a private SQLite file. */
export interface E2e {
  fake: FakeDiscord;
  app: RunningApp;
  dir: string;
  env: Record<string, string>;
  /** Starts another app (a "restart") on the same fake and store. */
  restart(): Promise<RunningApp>;
  /** The interaction callback for an interaction id. */
  callback(id: string): Promise<RecordedRequest>;
  /** The PATCH of the original reply for an interaction token. */
  edit(token: string): Promise<RecordedRequest>;
  /** A /help round trip: once it is answered, every event dispatched before it has been handled. */
  help(user?: FakeUser): Promise<void>;
  /** Client first, then the fake, then the temp folder. */
  close(): Promise<void>;
}

/** What a test may hand the app besides its environment: a clock it moves by hand, a log it reads. */
export type E2eIo = Pick<AppIo, 'clock' | 'logDestination'>;

/** Starts fake Discord + app; `env` adds or overrides variables. */
export async function startE2e(env: Record<string, string> = {}, io: E2eIo = {}): Promise<E2e> {
  const fake = await startFakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'pump-coach-e2e-'));
  const fullEnv: Record<string, string> = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    KEYV_URL: `sqlite://${join(dir, 'coach.sqlite')}`,
    LOG_LEVEL: 'silent',
    ...env,
  };
  const launch = () => startApp(fullEnv, { stdin: Readable.from([]), stdout: () => undefined, ...io });
  const e2e: E2e = {
    fake,
    app: await launch(),
    dir,
    env: fullEnv,
    async restart() {
      await e2e.app.stop();
      e2e.app = await launch();
      return e2e.app;
    },
    callback: (id) => fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`)),
    edit: (token) => fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.appId}/${token}/messages/@original`),
    async help(user) {
      const { id } = fake.command({ name: 'help', ...(user ? { user } : {}) });
      await e2e.callback(id);
    },
    async close() {
      await e2e.app.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return e2e;
}

/**
 * A fresh bot, fake Discord and store for every test of the enclosing `describe` block, so each test stands
 * alone (and `vitest run -t` can run any one of them). The returned handle forwards to the running E2e, so tests
 * read `e2e.fake` or `e2e.app` as usual (also after a `restart()`).
 */
export function useE2e(env: Record<string, string> = {}, io: E2eIo = {}): E2e {
  let running: E2e | undefined;
  beforeEach(async () => {
    running = await startE2e(env, io);
  });
  afterEach(async () => {
    // Whatever the test checked, nothing the bot sent may break one of Discord's limits.
    const violations = running?.fake.violations ?? [];
    await running?.close();
    running = undefined;
    expect(violations, 'requests the fake Discord refused for breaking a Discord limit').toEqual([]);
  });
  const current = (): E2e => {
    if (!running) throw new Error('the e2e bot is not running: call useE2e inside describe and use it inside tests');
    return running;
  };
  return {
    get fake() {
      return current().fake;
    },
    get app() {
      return current().app;
    },
    get dir() {
      return current().dir;
    },
    get env() {
      return current().env;
    },
    restart: () => current().restart(),
    callback: (id) => current().callback(id),
    edit: (token) => current().edit(token),
    help: (user) => current().help(user),
    close: () => current().close(),
  };
}

/** A log destination that keeps every line the app writes, for assertions on what was logged. */
export function logCapture(): { stream: { write(line: string): void }; lines: string[]; text(): string; clear(): void } {
  const lines: string[] = [];
  return { stream: { write: (line) => void lines.push(line) }, lines, text: () => lines.join(''), clear: () => void (lines.length = 0) };
}

/** A string option (type 3) of a slash command. */
export const str = (name: string, value: string) => ({ name, type: 3, value });

/** A subcommand (type 1) with its options. */
export const sub = (name: string, options: { name: string; type: number; value: string | boolean }[] = []) => [{ name, type: 1, options }];

/** Text of every field of the first embed, for assertions. */
export function embedText(body: { data?: { embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[] } }): string {
  const embed = body.data?.embeds?.[0];
  if (!embed) return '';
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].filter(Boolean).join('\n');
}

/** The custom ids of every component in a message payload. */
export function customIds(data: { components?: { components: { custom_id?: string }[] }[] } | undefined): string[] {
  return (data?.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}
