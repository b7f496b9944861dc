import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer } from 'node:net';
import { createClaudeAnswerer } from '../../src/adapters/anthropic/claude-answerer.ts';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { loadPrompt } from '../../src/adapters/prompts/load-prompt.ts';
import { createAnswerService, type AskResult } from '../../src/app/answer-question.ts';
import type { Answer } from '../../src/core/answer-types.ts';
import {
  GOOD_KEY,
  citedAnswer,
  citingBlock,
  searchResultsOf,
  startFakeMessagesApi,
  type FakeBehaviour,
  type FakeMessagesApi,
  type MessagesRequestBody,
} from '../fakes/fake-messages-api.ts';
import { fixtureLibrary } from '../fixtures/answer-library-fixture.ts';

const library = fixtureLibrary();
const retriever = createMinisearchRetriever(library);
const systemPrompt = loadPrompt('answer-system');
const QUESTION = 'Does a glute pump mean my glutes grew?';
let fake: FakeMessagesApi;

beforeAll(async () => {
  fake = await startFakeMessagesApi();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
  fake.fallback = citedAnswer;
  vi.unstubAllEnvs();
});

function service(overrides: { apiKey?: string; baseURL?: string | null; timeoutMs?: number; maxRetries?: number } = {}) {
  const claude = createClaudeAnswerer({
    apiKey: overrides.apiKey ?? GOOD_KEY,
    model: 'claude-haiku-5-5',
    ...(overrides.baseURL === null ? {} : { baseURL: overrides.baseURL ?? fake.baseURL }),
    timeoutMs: overrides.timeoutMs ?? 2000,
    maxRetries: overrides.maxRetries ?? 2,
    systemPrompt,
  });
  return createAnswerService({ library, retriever, claude });
}

function answerOf(result: AskResult): Answer {
  if (result.kind !== 'answer') throw new Error(`expected an answer, got: ${result.message}`);
  return result.answer;
}

function expectVerbatim(answer: Answer): void {
  for (const c of answer.citations) expect(library.byId.get(c.passageId)?.text).toContain(c.quote);
}

function expectOfflineFallback(answer: Answer, reason: RegExp): void {
  expect(answer.mode).toBe('offline');
  expect(answer.fallbackReason).toMatch(reason);
  expect(answer.abstained).toBe(false);
  expect(answer.citations.length).toBeGreaterThan(0);
  expectVerbatim(answer);
}

/** A reply citing sentence `block` of the search result whose source is `passageId`. */
function citing(passageId: string, text: string, block = 0): FakeBehaviour {
  return {
    kind: 'message',
    content: (body: MessagesRequestBody) => {
      const index = searchResultsOf(body).findIndex((r) => r.source === passageId);
      return [citingBlock(body, text, index, block)];
    },
  };
}

/** A text block citing the first search result's first sentence, but claiming `citedText` as the quote. */
function misquoting(body: MessagesRequestBody, text: string, citedText: string): Record<string, unknown> {
  const block = citingBlock(body, text, 0, 0) as { citations: Array<{ cited_text: string }> };
  block.citations[0]!.cited_text = citedText;
  return block;
}

describe('Claude answerer against the real SDK and a fake Messages API', () => {
  test('GIVEN a cited reply THEN the answer is Claude\'s, numbered, and quotes the passage verbatim', async () => {
    const answer = answerOf(await service().ask(QUESTION));
    expect(answer.mode).toBe('claude');
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.citations).toHaveLength(1);
    expect(answer.answer).toContain('[1]');
    expectVerbatim(answer);
    const sent = fake.requests[0];
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.body.model).toBe('claude-haiku-5-5');
    expect(sent?.body.system).toBe(systemPrompt);
    const results = searchResultsOf(sent!.body);
    expect(results.length).toBeGreaterThan(0);
    expect(answer.citations[0]?.passageId).toBe(results[0]?.source);
    for (const result of results) {
      const passage = library.byId.get(result.source);
      expect(passage).toBeDefined();
      expect(result.content.map((b) => b.text).join(' ')).toBe(passage?.text);
      expect((result as unknown as { citations: { enabled: boolean } }).citations.enabled).toBe(true);
    }
    const content = sent!.body.messages?.[0]?.content as Array<{ type: string; text?: string }>;
    const questionBlock = content.at(-1);
    expect(questionBlock?.type).toBe('text');
    expect(questionBlock?.text).toMatch(/<question>\n.*glute pump.*\n<\/question>/s);
  });

  test('GIVEN a disputed low-reliability passage among the results THEN the passage that disputes it is sent too', async () => {
    await service().ask('Is the burn proof my glutes are growing?');
    const sources = searchResultsOf(fake.requests[0]!.body).map((r) => r.source);
    expect(sources).toContain('promo#burn-claim');
    expect(sources).toContain('glutes#a-pump-is-not-proof-of-growth');
    const promo = searchResultsOf(fake.requests[0]!.body).find((r) => r.source === 'promo#burn-claim');
    expect(promo?.title).toMatch(/low reliability/);
  });

  test('GIVEN 429 once THEN the SDK retries and Claude answers', async () => {
    fake.enqueue({ kind: 'status', status: 429, errorType: 'rate_limit_error' });
    const answer = answerOf(await service().ask(QUESTION));
    expect(answer.mode).toBe('claude');
    expect(fake.requests).toHaveLength(2);
  });

  test.each([
    [500, 'api_error', /server error \(500\)/],
    [529, 'overloaded_error', /overloaded.*\(529\)/],
  ])('GIVEN %i until retries run out THEN the offline answer says why', async (status, errorType, reason) => {
    fake.fallback = { kind: 'status', status, errorType };
    const answer = answerOf(await service({ maxRetries: 2 }).ask(QUESTION));
    expectOfflineFallback(answer, reason);
    expect(fake.requests).toHaveLength(3);
  });

  test('GIVEN the API is slower than the timeout THEN the offline answer names the timeout', async () => {
    fake.fallback = { kind: 'hang', ms: 3000 };
    const answer = answerOf(await service({ timeoutMs: 150, maxRetries: 0 }).ask(QUESTION));
    expectOfflineFallback(answer, /did not answer within 0\.2 s/);
  });

  test('GIVEN a reply with no citations THEN it counts as ungrounded and the offline answer replies', async () => {
    fake.fallback = { kind: 'message', content: () => [{ type: 'text', text: 'Pumps always mean growth.', citations: null }] };
    const answer = answerOf(await service().ask(QUESTION));
    expectOfflineFallback(answer, /ungrounded/);
  });

  test('GIVEN <cite> markup leaking into the text THEN it is stripped and the cited answer kept', async () => {
    fake.fallback = {
      kind: 'message',
      content: (body) => [citingBlock(body, '<cite index="0-0">A pump is short-lived</cite> and not proof of growth.')],
    };
    const answer = answerOf(await service().ask(QUESTION));
    expect(answer.mode).toBe('claude');
    expect(answer.answer).not.toMatch(/<\/?cite/);
    expect(answer.answer).toContain('A pump is short-lived');
  });

  test.each([
    ['text that is not in its passage', 'The pump is the only thing that builds muscle.'],
    ['one character', 'A'],
    ['half a clause', 'short-lived swelling and is'],
  ])('GIVEN a citation of %s THEN it backs nothing, leaving the reply ungrounded, and its text is not published', async (_label, citedText) => {
    fake.fallback = { kind: 'message', content: (body) => [misquoting(body, 'Pumps are the main driver of muscle growth.', citedText)] };
    const answer = answerOf(await service().ask(QUESTION));
    expectOfflineFallback(answer, /ungrounded/);
    expect(answer.answer).not.toMatch(/main driver/);
  });

  test('GIVEN one good and one forged citation THEN only the good one survives, and the forged text is not published', async () => {
    fake.fallback = {
      kind: 'message',
      content: (body) => [citingBlock(body, 'A pump is short-lived and no proof of growth.', 0, 0), misquoting(body, ' Pumps are the main driver of growth.', 'Words nobody wrote.')],
    };
    const answer = answerOf(await service().ask(QUESTION));
    expect(answer.mode).toBe('claude');
    expect(answer.citations).toHaveLength(1);
    expect(answer.answer).toBe('A pump is short-lived and no proof of growth [1].');
  });

  test('GIVEN Claude cites only a low-reliability passage THEN the reply is not trusted', async () => {
    fake.fallback = citing('promo#burn-claim', 'The burn proves growth.');
    const answer = answerOf(await service().ask('Is the burn proof my glutes are growing?'));
    expectOfflineFallback(answer, /low-reliability/);
  });

  test('GIVEN Claude cites a disputed claim next to a trusted passage THEN the rebuttal is added and cited', async () => {
    fake.fallback = {
      kind: 'message',
      content: (body) => {
        const results = searchResultsOf(body);
        const promo = results.findIndex((r) => r.source === 'promo#burn-claim');
        const hips = results.findIndex((r) => r.source === 'glutes#hip-thrusts');
        return [citingBlock(body, 'One article says the burn proves growth.', promo), citingBlock(body, ' Hip thrusts load the glutes.', hips)];
      },
    };
    const answer = answerOf(await service().ask('Is the burn proof my glutes are growing? and hip thrusts?'));
    expect(answer.mode).toBe('claude');
    expect(answer.citations.map((c) => c.passageId)).toEqual(expect.arrayContaining(['promo#burn-claim', 'glutes#hip-thrusts', 'glutes#a-pump-is-not-proof-of-growth']));
    expect(answer.answer).toMatch(/sources disagree/i);
    expectVerbatim(answer);
  });

  test('GIVEN uncited text around a cited sentence THEN only the cited sentence is published', async () => {
    fake.fallback = {
      kind: 'message',
      content: (body) => [
        { type: 'text', text: 'Great question! Honestly, pumps are pure magic and you should chase them daily. ', citations: null },
        citingBlock(body, 'A glute pump is short-lived and is not a direct sign that the muscle grew.'),
        { type: 'text', text: ' Trust me on this one.', citations: null },
      ],
    };
    const answer = answerOf(await service().ask(QUESTION));
    expect(answer.mode).toBe('claude');
    expect(answer.answer).toBe('A glute pump is short-lived and is not a direct sign that the muscle grew [1].');
    expectVerbatim(answer);
  });

  test.each([
    ['a web address', 'See https://example.com/pump for the full story on why a pump is short-lived.'],
    ['a markdown link', 'A pump is short-lived, as [this guide](http://example.com) explains in detail.'],
    ['a bare domain', 'A pump is short-lived; pumpsecrets.com has the rest of the story.'],
  ])('GIVEN a cited segment carrying %s THEN that segment never passes; the rest does', async (_label, linked) => {
    fake.fallback = {
      kind: 'message',
      content: (body) => [citingBlock(body, `${linked} `), citingBlock(body, 'A glute pump is a short-lived swelling, not proof of growth.', 0, 0)],
    };
    const answer = answerOf(await service().ask(QUESTION));
    expect(answer.mode).toBe('claude');
    expect(answer.answer).not.toMatch(/https?:|\]\(|\.com|example/);
    expect(answer.answer).toBe('A glute pump is a short-lived swelling, not proof of growth [1].');
  });

  test('GIVEN only a linked segment THEN nothing is left to publish and the offline answer replies', async () => {
    fake.fallback = { kind: 'message', content: (body) => [citingBlock(body, 'Read www.example.com to learn why a pump is short-lived.')] };
    const answer = answerOf(await service().ask(QUESTION));
    expectOfflineFallback(answer, /ungrounded/);
  });

  test('GIVEN cited fragments that make no full sentence THEN the offline answer replies and says why', async () => {
    fake.fallback = { kind: 'message', content: (body) => [citingBlock(body, 'Short-lived')] };
    expectOfflineFallback(answerOf(await service().ask(QUESTION)), /less than one full sentence/);
  });

  test.each([
    ['max_tokens', /cut off.*max_tokens/],
    ['refusal', /declined.*refusal/],
  ] as const)('GIVEN stop_reason %s on a cited reply THEN it is not published and the offline answer says why', async (stopReason, reason) => {
    fake.fallback = { ...citedAnswer, stopReason } as FakeBehaviour;
    const answer = answerOf(await service().ask(QUESTION));
    expectOfflineFallback(answer, reason);
  });

  test('GIVEN an injury question THEN Claude is not asked and the referral opens the offline answer', async () => {
    const answer = answerOf(await service().ask('my hamstring hurts when i do leg curls'));
    expect(fake.requests).toHaveLength(0);
    expect(answer.mode).toBe('offline');
    expect(answer.fallbackReason).toMatch(/referral/);
    expect(answer.answer).toMatch(/^If something hurts/);
  });

  test('GIVEN a refused connection THEN the offline answer says Claude could not be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const answer = answerOf(await service({ baseURL: `http://127.0.0.1:${closed}`, maxRetries: 0 }).ask(QUESTION));
    expectOfflineFallback(answer, /could not connect/);
  });

  test('GIVEN a bad API key THEN the offline answer says the key was rejected (401)', async () => {
    const answer = answerOf(await service({ apiKey: 'sk-wrong' }).ask(QUESTION));
    expectOfflineFallback(answer, /401/);
    expect(fake.requests).toHaveLength(1);
  });

  test('GIVEN no baseURL option THEN the SDK honours ANTHROPIC_BASE_URL', async () => {
    vi.stubEnv('ANTHROPIC_BASE_URL', fake.baseURL);
    const answer = answerOf(await service({ baseURL: null }).ask(QUESTION));
    expect(answer.mode).toBe('claude');
    expect(fake.requests).toHaveLength(1);
  });

  test('GIVEN a question the library does not cover THEN Claude is not asked and the answer abstains', async () => {
    const answer = answerOf(await service().ask('What is the capital of France?'));
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('one budget per answer, everything included', () => {
  // The bot's own per-request timeout and retries; only the overall budget is shortened for the test.
  const BUDGET_MS = 400;
  const budgeted = () =>
    createAnswerService({
      library,
      retriever,
      claude: createClaudeAnswerer({ apiKey: GOOD_KEY, model: 'claude-haiku-5-5', baseURL: fake.baseURL, timeoutMs: 8000, maxRetries: 1, systemPrompt }),
      budgetMs: BUDGET_MS,
    });

  test.each<[string, FakeBehaviour]>([
    ['headers, then a body that never finishes', { kind: 'slow-body', ms: Number.POSITIVE_INFINITY }],
    ['a body that takes 60 s', { kind: 'slow-body', ms: 60_000 }],
    ['a 429 with retry-after: 60', { kind: 'retry-after', seconds: 60 }],
  ])('GIVEN %s THEN the offline answer goes out within the budget, saying why', async (_label, behaviour) => {
    fake.fallback = behaviour;
    const started = performance.now();
    const answer = answerOf(await budgeted().ask(QUESTION));
    expect(performance.now() - started).toBeLessThan(BUDGET_MS + 1000);
    expectOfflineFallback(answer, /did not answer within 0\.4 s/);
  });

  test('GIVEN Claude within the budget THEN its answer is used and the answer service says up front that Claude is writing', async () => {
    fake.fallback = { kind: 'slow-body', ms: 50 };
    const started = budgeted().start(QUESTION);
    expect(started.kind).toBe('writing');
    expect(answerOf(await started.result).mode).toBe('claude');
  });
});
