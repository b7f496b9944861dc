import { describe, expect, test } from 'vitest';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { askMessages, createAnswerService, type AskResult } from '../../src/app/answer-question.ts';
import { LlmFailure } from '../../src/app/llm-failure.ts';
import type { LlmAnswerer, LlmReply } from '../../src/app/ports.ts';
import { concernMessages } from '../../src/core/answer-messages.ts';
import type { Answer } from '../../src/core/answer-types.ts';
import type { Passage } from '../../src/core/library.ts';
import { fixtureLibrary } from '../fixtures/answer-library-fixture.ts';

const library = fixtureLibrary();
const retriever = createMinisearchRetriever(library);

/** An in-process LlmAnswerer that replies from a function of the passages it was given. */
function scriptedClaude(reply: (passages: Passage[]) => LlmReply | Error): LlmAnswerer & { calls: Passage[][] } {
  const calls: Passage[][] = [];
  return {
    calls,
    async answer(_question, passages) {
      calls.push(passages);
      const result = reply(passages);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

function answerOf(result: AskResult): Answer {
  if (result.kind !== 'answer') throw new Error(result.message);
  return result.answer;
}

describe('question validation', () => {
  const service = createAnswerService({ library, retriever, claude: null });

  test.each(['', '   ', '\n\t'])('GIVEN the empty question %j THEN it is invalid with a clear message', async (question) => {
    expect(await service.ask(question)).toEqual({ kind: 'invalid', message: askMessages.empty });
  });

  test('GIVEN a question over 500 characters THEN it is invalid and says the limit', async () => {
    const result = await service.ask(`does the pump ${'really '.repeat(80)}work?`);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.message).toMatch(/500/);
  });

  test('GIVEN exactly 500 characters after trimming THEN it is accepted', async () => {
    const question = `sleep ${'x'.repeat(494)}`;
    expect(question).toHaveLength(500);
    expect((await service.ask(`  ${question}  `)).kind).toBe('answer');
  });
});

describe('answer service', () => {
  test('GIVEN no Claude THEN the offline answer says no key is set', async () => {
    const answer = answerOf(await createAnswerService({ library, retriever, claude: null }).ask('how much sleep do I need'));
    expect(answer).toMatchObject({ mode: 'offline', abstained: false, fallbackReason: 'no ANTHROPIC_API_KEY set' });
  });

  test('GIVEN a question wrapped in @everyone and mention markup THEN the markup is dropped and the question is answered', async () => {
    const plain = answerOf(await createAnswerService({ library, retriever, claude: null }).ask('how much sleep do I need'));
    const marked = answerOf(await createAnswerService({ library, retriever, claude: null }).ask('@everyone <@&42> <@!7> how much sleep do I need @here'));
    expect(marked.question).toBe('how much sleep do I need');
    expect(marked.citations).toEqual(plain.citations);
  });

  test('GIVEN a question that is only mention markup THEN it is invalid like an empty one', async () => {
    expect(await createAnswerService({ library, retriever, claude: null }).ask('@everyone <@123>')).toEqual({ kind: 'invalid', message: askMessages.empty });
  });

  test('GIVEN a custom no-key reason THEN it is the fallback reason', async () => {
    const service = createAnswerService({ library, retriever, claude: null, noKeyReason: 'Claude is switched off' });
    expect(answerOf(await service.ask('how much sleep')).fallbackReason).toBe('Claude is switched off');
  });

  test('GIVEN an off-topic question THEN it abstains and Claude is not called', async () => {
    const claude = scriptedClaude(() => ({ segments: [] }));
    const answer = answerOf(await createAnswerService({ library, retriever, claude }).ask('Who won the football match?'));
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(claude.calls).toHaveLength(0);
  });

  test('GIVEN a key THEN start is writing for a question for Claude and ready for one the library answers by rule', async () => {
    const claude = scriptedClaude(() => ({ segments: [] }));
    const service = createAnswerService({ library, retriever, claude });
    const byRule = service.start('Who won the football match?');
    expect(byRule.kind).toBe('ready');
    expect(answerOf(await byRule.result).abstained).toBe(true);
    expect(claude.calls).toHaveLength(0);
    const forClaude = service.start('how much sleep');
    expect(forClaude.kind).toBe('writing');
    await forClaude.result;
    expect(claude.calls).toHaveLength(1);
  });

  test('GIVEN no key THEN start is ready with the offline answer ask gives', async () => {
    const service = createAnswerService({ library, retriever, claude: null });
    const started = service.start('how much sleep');
    expect(started.kind).toBe('ready');
    expect(await started.result).toEqual(await service.ask('how much sleep'));
  });

  test('GIVEN an LlmFailure THEN the offline answer carries its reason', async () => {
    const claude = scriptedClaude(() => new LlmFailure('Claude is overloaded right now (529)', 529));
    const answer = answerOf(await createAnswerService({ library, retriever, claude }).ask('how much sleep'));
    expect(answer).toMatchObject({ mode: 'offline', fallbackReason: 'Claude is overloaded right now (529)' });
  });

  test('GIVEN an unexpected error THEN ask still resolves with the offline answer', async () => {
    const claude = scriptedClaude(() => new TypeError('boom'));
    const answer = answerOf(await createAnswerService({ library, retriever, claude }).ask('how much sleep'));
    expect(answer.mode).toBe('offline');
    expect(answer.fallbackReason).toMatch(/boom/);
  });

  test('GIVEN a member reporting pain THEN Claude is not asked: a referral opens, then the cited safety advice', async () => {
    const claude = scriptedClaude(() => ({ segments: [] }));
    const answer = answerOf(await createAnswerService({ library, retriever, claude }).ask('my hamstrings hurt during leg curls'));
    expect(claude.calls).toHaveLength(0);
    expect(answer).toMatchObject({ mode: 'offline', abstained: false, fallbackReason: askMessages.concern });
    expect(answer.answer.startsWith(concernMessages.injury)).toBe(true);
    expect(answer.citations.map((c) => c.passageId)).toEqual(['legs#safety', 'legs#safety']);
    expect(answer.answer).not.toMatch(/curl/i);
    expect(answer.answer.replace(/\[\d+\]/g, '')).not.toMatch(/\d/);
  });

  test('GIVEN Claude answers a safety question without the safety advice THEN the safety sentences are appended and cited', async () => {
    const claude = scriptedClaude((passages) => {
      const curls = passages.find((p) => p.id === 'legs#hamstring-exercises')!;
      return {
        segments: [{ text: 'Leg curls isolate the hamstrings.', citations: [{ passageId: curls.id, citedText: 'Lying and seated leg curls isolate the hamstrings.' }] }],
      };
    });
    const answer = answerOf(await createAnswerService({ library, retriever, claude }).ask('are heavy leg curls safe for my hamstrings'));
    expect(answer.mode).toBe('claude');
    expect(claude.calls[0]!.map((p) => p.id)).toContain('legs#safety');
    const safety = answer.citations.filter((c) => c.passageId === 'legs#safety').map((c) => c.quote).join(' ');
    expect(safety).toMatch(/sharp pain/);
    expect(safety).toMatch(/qualified/);
    for (const c of answer.citations) {
      expect(answer.answer).toContain(`[${c.n}]`);
      expect(library.byId.get(c.passageId)?.text).toContain(c.quote);
    }
  });

  test('GIVEN Claude cites the disputed promo claim but not its rebuttal THEN the appended rebuttal continues "The sources disagree:" in lowercase', async () => {
    const claude = scriptedClaude((passages) => {
      const promo = passages.find((p) => p.id === 'promo#burn-claim')!;
      const other = passages.find((p) => p.reliability === 'high' && !promo.disputedBy.includes(p.id))!;
      return {
        segments: [
          { text: 'The article says the burn proves growth.', citations: [{ passageId: promo.id, citedText: promo.text.split('. ')[0]! }] },
          { text: 'Other advice.', citations: [{ passageId: other.id, citedText: other.text.split('. ')[0]! }] },
        ],
      };
    });
    const answer = answerOf(await createAnswerService({ library, retriever, claude }).ask('is the burn proof my glutes are growing?'));
    expect(answer.mode).toBe('claude');
    expect(answer.citations.map((c) => c.passageId)).toContain('glutes#a-pump-is-not-proof-of-growth');
    expect(answer.answer).toMatch(/The sources disagree: [a-z]/);
  });
});
