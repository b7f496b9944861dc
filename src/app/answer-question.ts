/** The answer use case: validate the question, retrieve, ask Claude when configured, fall back to the offline answerer. */
import { composePlannedAnswer, planAnswer, type AnswerPlan } from '../core/answer-planner.ts';
import { MAX_QUESTION_LENGTH, type Answer, type Citation } from '../core/answer-types.ts';
import { groundReply } from '../core/citation-check.ts';
import type { Library, Passage } from '../core/library.ts';
import { SAFETY_QUESTION, answerMessages, composeOfflineAnswer, continueAfterLead, safetyPassages } from '../core/offline-answerer.ts';
import { splitSentences, stripMentions } from '../core/text-analysis.ts';
import { LlmFailure } from './llm-failure.ts';
import type { LlmAnswerer, Retriever } from './ports.ts';

/** User-facing wording of the answer use case. */
export const askMessages = {
  empty: 'Please type a question, for example "what rep range gives a glute pump?".',
  tooLong: (length: number) => `That question is ${length} characters long; please keep it under ${MAX_QUESTION_LENGTH}.`,
  noKey: 'no ANTHROPIC_API_KEY set',
  notCoveredNoClaude: 'the library does not cover the question, so Claude was not asked',
  ungrounded: "Claude's reply had no citation that checks out against the library (ungrounded)",
  tooLittleCited: "less than one full sentence of Claude's reply was backed by a citation that checks out",
  lowOnly: "Claude's reply rested only on a low-reliability source",
  cutOff: "Claude's reply was cut off before it finished (max_tokens)",
  refused: 'Claude declined to answer (refusal)',
  concern: 'injury, medical and unsafe questions get the fixed referral and the safety advice, not Claude',
  verdict: 'the library records a verdict on this claim, so Claude was not asked',
  unexpected: (message: string) => `Claude failed unexpectedly (${message})`,
} as const;

/** The result of asking: an answer (possibly an abstention), or a question we refuse to process. */
export type AskResult = { kind: 'answer'; answer: Answer } | { kind: 'invalid'; message: string };

/** Answers members' questions. */
export interface AnswerService {
  /** The answer: from Claude when a key is set and the question is one for Claude, else from the library. */
  ask(question: string): Promise<AskResult>;
  /**
   * The answer at once when Claude will not be asked (no key, an invalid question, or one the library answers by rule),
   * so /ask can reply directly instead of deferring; null when `ask` would call Claude.
   */
  answerNow(question: string): AskResult | null;
}

/** Passages sent to Claude per part of a question. @default 5 */
export const PASSAGES_PER_QUESTION = 5;
/** Passages retrieved per part: the offline answerer weighs a few more than Claude is sent. @default 8 */
export const PASSAGES_RETRIEVED = 8;

/** What the service needs: the library, a retriever, and Claude (null when no key is configured). */
export interface AnswerServiceDeps {
  library: Library;
  retriever: Retriever;
  claude: LlmAnswerer | null;
  /** Why Claude is null, shown as the fallback reason. @default "no ANTHROPIC_API_KEY set" */
  noKeyReason?: string;
}

/** The passages sent to Claude: the retrieved ones, plus whatever disputes a low-reliability one, plus safety advice when asked about pain. */
function passagesForClaude(question: string, retrieved: Passage[], library: Library): Passage[] {
  const chosen = [...new Set(retrieved)];
  const addId = (id: string) => {
    const passage = library.byId.get(id);
    if (passage && !chosen.includes(passage)) chosen.push(passage);
  };
  for (const passage of retrieved) passage.disputedBy.forEach(addId);
  if (SAFETY_QUESTION.test(question)) for (const passage of safetyPassages(library)) addId(passage.id);
  return chosen;
}

/** Puts a [n] marker before a quoted sentence's end punctuation, if it has any. */
function appendMarker(sentence: string, n: number): string {
  return sentence.replace(/([.!?])?$/, ` [${n}]$1`);
}

/** Adds what policy requires and Claude left out: the rebuttal of a disputed claim it cited. */
function enforceDisputes(answer: Answer, library: Library): Answer {
  const citations: Citation[] = [...answer.citations];
  let text = answer.answer;
  const cited = new Set(citations.map((c) => c.passageId));
  for (const citation of answer.citations) {
    const passage = library.byId.get(citation.passageId);
    if (!passage || passage.reliability !== 'low') continue;
    if (passage.disputedBy.some((id) => cited.has(id))) continue;
    const counter = passage.disputedBy.map((id) => library.byId.get(id)).find((p) => p !== undefined);
    const sentence = counter ? splitSentences(counter.text)[0] : undefined;
    if (!counter || !sentence) continue;
    const n = citations.length + 1;
    citations.push({ n, passageId: counter.id, source: counter.sourceTitle, quote: sentence });
    cited.add(counter.id);
    text += ` ${answerMessages.disagree} ${appendMarker(continueAfterLead(sentence), n)}`;
  }
  return { ...answer, answer: text, citations };
}

/** Adds the library's safety advice to a Claude answer about pain or injury when Claude did not cite it. */
function enforceSafety(question: string, answer: Answer, library: Library): Answer {
  if (!SAFETY_QUESTION.test(question)) return answer;
  const safety = safetyPassages(library);
  if (safety.length === 0 || answer.citations.some((c) => safety.some((p) => p.id === c.passageId))) return answer;
  const offline = composeOfflineAnswer(question, safety.map((passage) => ({ passage, score: 1 })), library);
  const citations = [...answer.citations];
  let text = answer.answer;
  for (const citation of offline.citations.slice(0, 2)) {
    const n = citations.length + 1;
    citations.push({ ...citation, n });
    text += ` ${appendMarker(citation.quote, n)}`;
  }
  return { ...answer, answer: text, citations };
}

/** Why a plan is answered offline even with Claude configured, or null when Claude may answer it. */
function offlineOnly(plan: AnswerPlan): string | null {
  if (plan.analysis.concern) return askMessages.concern;
  if (plan.covered.length === 0) return askMessages.notCoveredNoClaude;
  if (plan.covered.some((p) => p.claim)) return askMessages.verdict;
  return null;
}

/** Why a grounded reply cannot be published, or null when it can. */
function rejectReply(stopReason: string | null | undefined, grounded: ReturnType<typeof groundReply>, library: Library): string | null {
  if (stopReason === 'max_tokens') return askMessages.cutOff;
  if (stopReason === 'refusal') return askMessages.refused;
  if (grounded.citations.length === 0) return askMessages.ungrounded;
  if (!grounded.fullSentence) return askMessages.tooLittleCited;
  if (grounded.citations.every((c) => library.byId.get(c.passageId)?.reliability === 'low')) return askMessages.lowOnly;
  return null;
}

/**
 * Builds the answer service. Never throws for Claude faults: every one ends in the offline answer and a reason.
 * Nothing Claude wrote is published unless it sits in a segment with a verified citation.
 */
export function createAnswerService(deps: AnswerServiceDeps): AnswerService {
  const { library, retriever, claude } = deps;
  const search = (query: string) => retriever.search(query, PASSAGES_RETRIEVED);
  const offline = (plan: AnswerPlan, fallbackReason: string): Answer => ({ ...composePlannedAnswer(plan, library), fallbackReason });

  /** Everything short of calling Claude: the result when Claude is not needed, else the question and its plan. */
  const prepare = (raw: string): { result: AskResult } | { question: string; plan: AnswerPlan } => {
    // Mention markup is not part of the question: "@everyone does a pump mean growth?" asks about the pump.
    const question = stripMentions(raw);
    if (!question) return { result: { kind: 'invalid', message: askMessages.empty } };
    if (question.length > MAX_QUESTION_LENGTH) return { result: { kind: 'invalid', message: askMessages.tooLong(question.length) } };
    const plan = planAnswer(question, library, search);
    if (!claude) return { result: { kind: 'answer', answer: offline(plan, deps.noKeyReason ?? askMessages.noKey) } };
    const notForClaude = offlineOnly(plan);
    if (notForClaude) return { result: { kind: 'answer', answer: offline(plan, notForClaude) } };
    return { question, plan };
  };

  return {
    // With a key, a question for Claude is planned twice (here and in ask): a fraction of a millisecond beside Claude.
    answerNow: (raw) => {
      const prepared = prepare(raw);
      return 'result' in prepared ? prepared.result : null;
    },
    async ask(raw) {
      const prepared = prepare(raw);
      if ('result' in prepared) return prepared.result;
      if (!claude) return { kind: 'answer', answer: offline(prepared.plan, deps.noKeyReason ?? askMessages.noKey) };
      const { question, plan } = prepared;

      const retrieved = plan.covered.flatMap((p) => p.ranked.slice(0, PASSAGES_PER_QUESTION).map((r) => r.passage));
      const passages = passagesForClaude(question, retrieved, library);
      let reason: string;
      try {
        const reply = await claude.answer(question, passages);
        const grounded = groundReply(reply, new Map(passages.map((p) => [p.id, p])));
        const rejected = rejectReply(reply.stopReason, grounded, library);
        if (!rejected) {
          let answer: Answer = { question, mode: 'claude', abstained: false, answer: grounded.answer, citations: grounded.citations };
          answer = enforceSafety(question, enforceDisputes(answer, library), library);
          return { kind: 'answer', answer };
        }
        reason = rejected;
      } catch (error) {
        reason = error instanceof LlmFailure ? error.reason : askMessages.unexpected(error instanceof Error ? error.message : String(error));
      }
      return { kind: 'answer', answer: offline(plan, reason) };
    },
  };
}
