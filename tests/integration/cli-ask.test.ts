import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { citedAnswer, GOOD_KEY, startFakeMessagesApi, type FakeMessagesApi } from '../fakes/fake-messages-api.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const library = loadLibrary();

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

interface AskJson {
  question: string;
  mode: 'offline' | 'claude';
  abstained: boolean;
  answer: string;
  citations: Array<{ n: number; passageId: string; source: string; quote: string }>;
  fallbackReason?: string;
}

function expectAskShape(doc: AskJson): void {
  expect(Object.keys(doc).sort()).toEqual(
    ['abstained', 'answer', 'citations', 'mode', 'question', ...(doc.fallbackReason !== undefined ? ['fallbackReason'] : [])].sort(),
  );
  for (const c of doc.citations) {
    expect(Object.keys(c).sort()).toEqual(['n', 'passageId', 'quote', 'source']);
    const passage = library.byId.get(c.passageId);
    expect(passage?.text).toContain(c.quote);
    expect(c.source).toBe(passage?.sourceTitle);
    expect(doc.answer).toContain(`[${c.n}]`);
  }
}

describe('coach ask / coach search', () => {
  let fake: FakeMessagesApi;
  beforeAll(async () => {
    fake = await startFakeMessagesApi();
  });
  afterAll(async () => {
    await fake.close();
  });

  test('GIVEN no API key THEN ask --json prints one offline answer document with verbatim citations', async () => {
    const { code, stdout, stderr } = await run(['ask', 'Does a pump mean growth?', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const doc = JSON.parse(stdout) as AskJson;
    expectAskShape(doc);
    expect(doc).toMatchObject({ question: 'Does a pump mean growth?', mode: 'offline', abstained: false, fallbackReason: 'no ANTHROPIC_API_KEY set' });
    expect(doc.citations.length).toBeGreaterThanOrEqual(2);
  });

  test('GIVEN an off-topic question THEN ask --json abstains with no citations', async () => {
    const doc = JSON.parse((await run(['ask', "What's the capital of France?", '--json'])).stdout) as AskJson;
    expectAskShape(doc);
    expect(doc.abstained).toBe(true);
    expect(doc.citations).toEqual([]);
    expect(doc.answer).toMatch(/does not cover/);
  });

  test('GIVEN no --json THEN ask prints the card as text with sources and the answerer', async () => {
    const { stdout } = await run(['ask', 'how much sleep do I need?']);
    expect(stdout).toMatch(/## Sources\n\[1\] /);
    expect(stdout).toMatch(/— Answered offline from the coaching library \(no ANTHROPIC_API_KEY set\)/);
  });

  test.each([
    [['ask', '   '], /type a question/],
    [['ask', 'x'.repeat(501)], /500/],
    [['ask', 'sleep', '--yaml'], /unknown option --yaml/],
    [['search'], /give a question/],
    [['search', 'sleep', '--k', 'zero'], /--k must be a whole number/],
  ])('GIVEN bad usage %j THEN exit 2 with a message on stderr and nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  test('GIVEN search --k 3 --json THEN at most 3 passages, best first, in the contract shape', async () => {
    const { code, stdout } = await run(['search', 'best moves for my hammies?', '--k', '3', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { query: string; passages: Array<Record<string, unknown>> };
    expect(doc.query).toBe('best moves for my hammies?');
    expect(doc.passages.length).toBeGreaterThan(0);
    expect(doc.passages.length).toBeLessThanOrEqual(3);
    for (const p of doc.passages) expect(Object.keys(p).sort()).toEqual(['doc', 'heading', 'passageId', 'score', 'text']);
    const scores = doc.passages.map((p) => p.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(doc.passages.map((p) => p.text).join(' ')).toMatch(/hamstring/i);
  });

  test('GIVEN ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL THEN `npm run coach -- ask --json` answers through Claude', async () => {
    // A rep-range question: claim questions with a recorded verdict and injury questions are answered offline.
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'coach', '--', 'ask', 'What rep range gives a glute pump?', '--json'], {
      cwd: root,
      env: { ...process.env, ANTHROPIC_API_KEY: GOOD_KEY, ANTHROPIC_BASE_URL: fake.baseURL, ANTHROPIC_MODEL: 'claude-test-model' },
    });
    const doc = JSON.parse(stdout) as AskJson;
    expectAskShape(doc);
    expect(doc.mode).toBe('claude');
    expect(doc.fallbackReason).toBeUndefined();
    expect(fake.requests.at(-1)?.body.model).toBe('claude-test-model');
  }, 30_000);

  test('GIVEN an API that sends headers and never finishes the body THEN ask answers offline within the configured budget, saying why', async () => {
    fake.fallback = { kind: 'slow-body', ms: Number.POSITIVE_INFINITY };
    try {
      const started = performance.now();
      const { code, stdout } = await run(['ask', 'What rep range gives a glute pump?', '--json'], { ANTHROPIC_API_KEY: GOOD_KEY, ANTHROPIC_BASE_URL: fake.baseURL, ASK_BUDGET_SECONDS: '1' });
      expect(performance.now() - started).toBeLessThan(3000);
      expect(code).toBe(0);
      const doc = JSON.parse(stdout) as AskJson;
      expectAskShape(doc);
      expect(doc).toMatchObject({ mode: 'offline', fallbackReason: expect.stringMatching(/did not answer within 1 s/) });
    } finally {
      fake.fallback = citedAnswer;
    }
  });
});
