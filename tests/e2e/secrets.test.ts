import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createClaudeAnswerer } from '../../src/adapters/anthropic/claude-answerer.ts';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { createAnswerService } from '../../src/app/answer-question.ts';
import { loadConfig, secretsOf } from '../../src/config.ts';
import { createScrubber } from '../../src/logger.ts';
import { startApp } from '../../src/main.ts';
import { startFakeDiscord } from '../fakes/fake-discord.ts';
import { logCapture, startE2e } from './e2e-harness.ts';

/** An API key as long as a real one, so the scrubber looks for it. */
const API_KEY = 'sk-ant-test-0123456789abcdef';

describe('the bot token and API key in an echoing error: scrubbed on every path', () => {
  test('GIVEN GET /gateway/bot answers 403 echoing the Authorization header THEN the start-up error and the log show neither the token nor a stack', async () => {
    const fake = await startFakeDiscord();
    fake.route('GET', /^\/gateway\/bot$/, (r) => ({ status: 403, body: { message: `Forbidden: ${r.headers.authorization} may not do this`, code: 50001 } }));
    const logs = logCapture();
    try {
      const started = startApp(
        { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, KEYV_URL: 'sqlite://:memory:', LOG_LEVEL: 'debug' },
        { stdin: Readable.from([]), stdout: () => undefined, logDestination: logs.stream },
      );
      const error = (await started.catch((e: unknown) => e)) as Error;
      expect(error.name).toBe('DiscordStartError');
      expect(error.message).toMatch(/^Could not connect to Discord at .*Forbidden: Bot \[redacted\] may not do this/);
      expect(`${error.message}\n${logs.text()}`).not.toContain(fake.token);
    } finally {
      await fake.close();
    }
  });

  test('GIVEN a Claude failure whose text echoes the API key THEN the answer\'s fallback reason shows it redacted', async () => {
    const config = loadConfig({ ANTHROPIC_API_KEY: API_KEY });
    // A proxy that drops the body and says why, quoting the request's key.
    const echoing: typeof fetch = async () =>
      new Response(new ReadableStream({ start: (controller) => controller.error(new Error(`proxy dropped the body of a request with x-api-key: ${API_KEY}`)) }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const library = loadLibrary();
    const claude = createClaudeAnswerer({ apiKey: API_KEY, model: 'm', baseURL: 'http://127.0.0.1:9', timeoutMs: 1000, maxRetries: 0, systemPrompt: '', fetch: echoing, scrub: createScrubber(secretsOf(config)) });
    const result = await createAnswerService({ library, retriever: createMinisearchRetriever(library), claude }).ask('how long should I rest between sets?');
    expect(result.kind === 'answer' && result.answer.fallbackReason).toBe('Claude failed (proxy dropped the body of a request with x-api-key: [redacted])');
  });

  test('GIVEN a store error echoing the bot token THEN the logged line shows it redacted', async () => {
    const logs = logCapture();
    const e2e = await startE2e({ LOG_LEVEL: 'info' }, { logDestination: logs.stream });
    try {
      // What the store does with an error: keyv emits it, and the app's store hook logs it.
      e2e.app.store.namespace('profiles').emit('error', new Error(`SQLITE_CORRUPT near "Bot ${e2e.fake.token}"`));
      expect(logs.text()).toContain('store error');
      expect(logs.text()).toContain('Bot [redacted]');
      expect(logs.text()).not.toContain(e2e.fake.token);
    } finally {
      await e2e.close();
    }
  });
});
