/**
 * The whole offline answer to a member's question: analyse it, retrieve for each part, then compose. A reported injury
 * or medical condition gets a referral and the library's safety advice; a drug request a refusal; a claim its recorded
 * verdict; every other part the sentences that answer it, in the member's order, under a short heading.
 */
import { amountVerdict } from './amount-verdict.ts';
import { answerMessages, concernMessages } from './answer-messages.ts';
import { renderAnswer, type AnswerBlock, type AnswerLine } from './answer-render.ts';
import type { Answer } from './answer-types.ts';
import { claimQuery, matchClaim, type Claim } from './claims.ts';
import type { Library, Passage } from './library.ts';
import { DEFAULT_COMPOSE, abstention, composeLines, safetyPassages, sentenceKey, type ComposeOptions } from './offline-answerer.ts';
import { analyseQuestion, groupsIn, type Concern, type QuestionAnalysis, type QuestionPart } from './question-analysis.ts';
import type { ScoredPassage } from './relevance-gate.ts';
import { analyze, splitSentences } from './text-analysis.ts';
import { typoRepairerFor } from './typo-repair.ts';

/** Retrieval as the planner needs it: passages for one query, best first, empty when the library does not cover it. */
export type Search = (query: string) => ScoredPassage[];

/** One part of the question with what retrieval found for it and the recorded claim it asks about, if any. */
export interface PlannedPart {
  part: QuestionPart;
  ranked: ScoredPassage[];
  claim?: Claim;
}

/** What the answer will be made of: the analysis, the covered parts in order, and the parts nothing covers. */
export interface AnswerPlan {
  question: string;
  analysis: QuestionAnalysis;
  covered: PlannedPart[];
  /** Parts asked as questions that the library does not cover (chatter around a question is left out). */
  uncovered: QuestionPart[];
}

/** Sentences per part when a question has several: each part gets a short answer. */
export const PART_COMPOSE: ComposeOptions = { ...DEFAULT_COMPOSE, minSentences: 1, maxSentences: 3, keepTopPassage: false };

/** Analyses the question and retrieves for each part. Questions with a concern need no retrieval. */
export function planAnswer(question: string, library: Library, search: Search): AnswerPlan {
  const analysis = analyseQuestion(typoRepairerFor(library).repairText(question));
  const plan: AnswerPlan = { question, analysis, covered: [], uncovered: [] };
  if (analysis.concern) return plan;
  for (const part of analysis.parts) {
    const ranked = search(part.query);
    const claim = part.intent === 'claim' ? matchClaim(claimQuery(part.query), library.claims) : undefined;
    if (ranked.length > 0 || claim) plan.covered.push({ part, ranked, ...(claim ? { claim } : {}) });
    else if (part.questionLike || analysis.parts.length === 1) plan.uncovered.push(part);
  }
  return plan;
}

/** Composes the planned answer (see the module comment). */
export function composePlannedAnswer(plan: AnswerPlan, library: Library): Answer {
  const { question, analysis } = plan;
  if (analysis.concern) return concernAnswer(question, analysis.concern, library);
  const several = plan.covered.length > 1;
  const options = several ? PART_COMPOSE : DEFAULT_COMPOSE;
  const blocks: AnswerBlock[] = [];
  let missed = plan.uncovered.length > 0;
  const compose = (planned: PlannedPart, used: ReadonlySet<string>) =>
    planned.claim
      ? verdictLines(planned, planned.claim, library, options, several, used)
      : withAmountVerdict(planned.part, composeLines(planned.part.text, planned.ranked, library, options, planned.part, used));
  const keysOf = (lines: AnswerLine[] | null) => (lines ?? []).flatMap((line) => (line.kind === 'quote' ? [sentenceKey(line.passage, line.sentence)] : []));
  // Each part's answering sentence is kept for it: an earlier part may not borrow a later part's answer.
  const drafts = several ? plan.covered.map((planned) => compose(planned, new Set())) : [];
  const leads = drafts.map((draft) => keysOf(draft)[0]);
  // A sentence quoted for one part is not quoted again for the next.
  const used = new Set<string>();
  for (const [i, planned] of plan.covered.entries()) {
    const barred = new Set([...used, ...leads.filter((key, j): key is string => key !== undefined && j > i)]);
    const draft = drafts[i];
    // The draft stands when it quotes nothing barred; otherwise the part is composed again without those sentences.
    const lines = draft !== undefined && !keysOf(draft).some((key) => barred.has(key)) ? draft : compose(planned, barred);
    if (!lines?.length) {
      missed ||= planned.part.questionLike;
      continue;
    }
    for (const key of keysOf(lines)) used.add(key);
    const first = lines.find((line) => line.kind === 'quote');
    const heading = several && !planned.claim && first?.kind === 'quote' ? first.passage.heading : undefined;
    blocks.push(heading ? { heading, lines } : { lines });
  }
  if (blocks.length === 0) return abstention(question);
  if (missed) blocks.push({ lines: [{ kind: 'text', text: answerMessages.partNotCovered }] });
  return renderAnswer(question, blocks);
}

/** Plans and composes in one go: the offline answer to a question. */
export function answerOffline(question: string, library: Library, search: Search): Answer {
  return composePlannedAnswer(planAnswer(question, library, search), library);
}

const WH_START = /^\W*(?:what|how|why|when|where|which|who)\b/;

/**
 * A yes/no question about one amount ("is 5 hours of sleep fine?") that no recorded claim answers: the verdict against
 * the first quoted range of the same kind leads, with that sentence right after it as its reason.
 */
function withAmountVerdict(part: QuestionPart, lines: AnswerLine[] | null): AnswerLine[] | null {
  // Asked as a yes/no question, or as a bare "8 reps enough?"; not "what if 8 reps is too much".
  const yesNo = part.intent === 'claim' || (part.intent === 'general' && !WH_START.test(part.text));
  if (!yesNo || !lines) return lines;
  const quotes = lines.filter((line) => line.kind === 'quote');
  const verdict = amountVerdict(part.text, quotes.map((line) => line.sentence));
  if (!verdict) return lines;
  const reason = quotes.find((line) => line.sentence === verdict.sentence) as AnswerLine;
  const text = answerMessages.amountVerdict(verdict.yes, verdict.amount.words, verdict.relation, verdict.range.words);
  return [{ kind: 'text', text }, reason, ...lines.filter((line) => line !== reason)];
}

/** The reason sentence about the asked muscle group, else the first recorded. */
function reasonFor(claim: Claim, part: QuestionPart, library: Library): { passage: Passage; sentence: string } | undefined {
  const reasons = claim.because.flatMap((b) => {
    const passage = library.byId.get(b.passage);
    return passage ? [{ passage, sentence: b.sentence }] : [];
  });
  return reasons.find((r) => groupsIn(r.passage.docTitle.toLowerCase()).some((g) => part.groups.includes(g))) ?? reasons[0];
}

/**
 * A claim part: the recorded verdict, at once its cited reason, then (for a question of one part) one more trusted
 * sentence and the low-reliability source that backs the claim, quoted as its claim, so the disagreement shows.
 */
function verdictLines(
  planned: PlannedPart,
  claim: Claim,
  library: Library,
  options: ComposeOptions,
  several: boolean,
  used: ReadonlySet<string>,
): AnswerLine[] {
  const reason = reasonFor(claim, planned.part, library);
  const lines: AnswerLine[] = [{ kind: 'text', text: claim.verdict }];
  if (!reason) return lines;
  // A reason already quoted for an earlier part stands right above the verdict; it is not repeated.
  if (!used.has(sentenceKey(reason.passage, reason.sentence))) lines.push({ kind: 'quote', ...reason });
  if (several) return lines;
  // One more trusted sentence from the claim's own passages, when it shares a word with the question or the claim.
  const asked = new Set([...analyze(planned.part.focus), ...analyze(claim.claim)]);
  const claimPassages = [...claim.because.map((b) => b.passage), ...claim.disputes, ...claim.supports]
    .map((id) => library.byId.get(id))
    .filter((p): p is Passage => p !== undefined && p.reliability === 'high');
  const ranked = [...new Set(claimPassages)].map((passage) => ({ passage, score: 1 }));
  const more = composeLines(planned.part.text, ranked, library, { ...options, maxSentences: 3 }, planned.part, used) ?? [];
  const extra = more.find(
    (line) => line.kind === 'quote' && line.sentence !== reason.sentence && analyze(line.sentence).some((term) => asked.has(term)),
  );
  if (extra?.kind === 'quote') lines.push({ kind: 'quote', passage: extra.passage, sentence: extra.sentence });
  // The low-reliability source that backs the claim, quoted as its claim, so the disagreement shows.
  const backer = claim.supports.map((id) => library.byId.get(id)).find((p) => p?.reliability === 'low');
  const said = backer ? bestOverlap(splitSentences(backer.text).filter((sentence) => /\bclaims?\b/i.test(sentence)), asked) : undefined;
  if (backer && said) lines.push({ kind: 'quote', passage: backer, sentence: said });
  return lines;
}

/** The sentence sharing the most terms with `asked`; the first on a tie. */
function bestOverlap(sentences: string[], asked: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestShared = -1;
  for (const sentence of sentences) {
    const shared = new Set(analyze(sentence).filter((term) => asked.has(term))).size;
    if (shared > bestShared) {
      best = sentence;
      bestShared = shared;
    }
  }
  return best;
}

/** Sentences of the safety advice, in the order each concern needs them: stop on sharp pain; get qualified help. */
const STOP_CUE = /\b(?:sharp pain|stop)\b/i;
const HELP_CUE = /\b(?:qualified|professional|physio\w*|trainer|physiologist)\b/i;

/** A referral (or a refusal), then the library's safety advice; nothing that prescribes training. */
function concernAnswer(question: string, concern: Concern, library: Library): Answer {
  if (concern === 'unsafe') return { question, mode: 'offline', abstained: true, refused: true, answer: concernMessages.unsafe, citations: [] };
  const lines: AnswerLine[] = [{ kind: 'text', text: concernMessages[concern] }];
  const sentences = safetyPassages(library).flatMap((passage) => splitSentences(passage.text).map((sentence) => ({ passage, sentence })));
  for (const cue of concern === 'injury' ? [STOP_CUE, HELP_CUE] : [HELP_CUE, STOP_CUE]) {
    const found = sentences.find(({ sentence }) => cue.test(sentence) && !lines.some((l) => l.kind === 'quote' && l.sentence === sentence));
    if (found) lines.push({ kind: 'quote', ...found });
  }
  return renderAnswer(question, [{ lines }]);
}
