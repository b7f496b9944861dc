/** The offline answerer: deterministic and extractive. Picks the sentences that answer the question and cites each. */
import type { Answer, Citation } from './answer-types.ts';
import type { Library, Passage } from './library.ts';
import { termIdf, termStats, type ScoredPassage, type TermStats } from './relevance-gate.ts';
import { analyze, splitSentences, termFor } from './text-analysis.ts';

/** User-facing wording of composed answers. */
export const answerMessages = {
  notCovered:
    "The coaching library does not cover that question, so I won't guess. Ask about leg, glute or back training, the pump, recovery, or eating and sleeping for training.",
  disagree: 'The sources disagree:',
  lowReliabilityClaim: 'One low-reliability source says:',
} as const;

/** Limits of a composed answer. */
export interface ComposeOptions {
  /** @default 2 */
  minSentences: number;
  /** @default 5 */
  maxSentences: number;
  /** How many of the best passages sentences are taken from. @default 4 */
  passagesConsidered: number;
  /** A sentence joins the answer when it scores at least this share of the best sentence. @default 0.55 */
  keepRatio: number;
  /** At most this many sentences from one passage (a short answer, not a dump of one passage). @default 2 */
  perPassage: number;
}

/** The shipped limits. */
export const DEFAULT_COMPOSE: ComposeOptions = { minSentences: 2, maxSentences: 5, passagesConsidered: 4, keepRatio: 0.55, perPassage: 2 };

/** Questions about pain, injury or safety: the answer always keeps the library's safety advice. */
export const SAFETY_QUESTION =
  /\b(pain\w*|hurt\w*|injur\w*|safe\w*|unsafe|danger\w*|risk\w*|sore\w*|medical|doctor|physio\w*|tweak\w*|ache\w*|aching|strain\w*|sprain\w*|pulled|torn|tear)\b/i;
const SAFETY_HEADING = /\bsafe(ty)?\b/i;
/**
 * A member reporting pain or an injury (not just asking whether something is safe). Such an answer keeps to sentences
 * about safety and form: a technique cue or a sample-session line that merely shares the word "knee" or "row" with
 * the question reads as "carry on training through it".
 */
const PAIN_QUESTION = /\b(pain\w*|hurt\w*|injur\w*|sore\w*|doms|tweak\w*|ache\w*|aching|strain\w*|sprain\w*|pulled|torn|tear)\b/i;
/**
 * Words that make a sentence advice a member in pain may read. Matched on the raw sentence, not on index terms: the
 * synonym map folds "hurt" into safety, and "dehydration can hurt performance" is no advice about an injury.
 */
const CARE_WORDS = /\b(injur\w*|safe\w*|unsafe|risk\w*|supervis\w*|guidance|professional|qualified|trainer|physiologist)\b/i;
/** Passages about safety or form (a "Form over weight" section) are advice for a member in pain as a whole. */
const CARE_HEADING = /\b(safe(ty)?|form)\b/i;
/**
 * Muscle groups a question can be about. A question that names one ("rest between sets for back") prefers
 * passages that talk about it: a leg passage's rest advice is not an answer about the back.
 */
const SUBJECT_TERMS: ReadonlySet<string> = new Set(
  ['glute', 'hamstring', 'quad', 'calf', 'lat', 'trap', 'leg', 'back'].map((word) => termFor(word)).filter((t): t is string => t !== null),
);
/** A sentence that makes its passage's advice conditional on supervision or expert help. */
const CAUTION = /\b(supervis\w*|professional|qualified|expert)\b/i;
/** A sentence of a low-reliability passage that reports what other sources say rather than what it claims. */
const DISPUTE_NOTE = /\b(?:instructional|other|trusted)\s+(?:\w+\s+)?sources?\b/i;
/** A question word at least this share as rare as the rarest one must be covered by some sentence of the answer. */
const COVER_RARITY = 0.6;
/** A sentence brought in to cover a question word must score at least this share of the best sentence. */
const COVER_RATIO = 0.3;
/** Score multiplier for a sentence whose passage (and document title) names none of the question's muscle groups. */
const OFF_SUBJECT = 0.6;
/** The two halves of the safety advice: stop on sharp pain; get professional guidance. */
const SAFETY_CUES = [/\b(pain|stop)\b/i, /\b(professional|qualified|trainer|physiologist|doctor|supervis\w*|guidance)\b/i];
/** Questions asking for a number: sentences carrying digits answer them. */
const QUANTITY_QUESTION = /\b(how (much|many|long|often|heavy|far)|what (rep|reps|range|weight)|rep range|how fast|sets?|reps?|minutes?|seconds?|hours?|grams?|percent)\b/i;

interface Candidate {
  passage: Passage;
  index: number;
  sentence: string;
  score: number;
  rank: number;
  terms: Set<string>;
  /** Whether the passage names one of the question's muscle groups (or the question names none). */
  onSubject: boolean;
}

const statsCache = new WeakMap<Library, TermStats>();

function statsFor(library: Library): TermStats {
  let stats = statsCache.get(library);
  if (!stats) {
    stats = termStats(library.passages, analyze);
    statsCache.set(library, stats);
  }
  return stats;
}

const sentenceCache = new WeakMap<Passage, { heading: Set<string>; sentences: Array<{ sentence: string; terms: Set<string> }> }>();

/** A passage's sentences and their terms, analysed once per passage object. */
function analysed(passage: Passage) {
  let entry = sentenceCache.get(passage);
  if (!entry) {
    entry = {
      heading: new Set(analyze(passage.heading)),
      sentences: splitSentences(passage.text).map((sentence) => ({ sentence, terms: new Set(analyze(sentence)) })),
    };
    sentenceCache.set(passage, entry);
  }
  return entry;
}

const passageTermsCache = new WeakMap<Passage, Set<string>>();

/** Terms of a passage's heading, text and document title. */
function passageTerms(passage: Passage, library: Library): Set<string> {
  let terms = passageTermsCache.get(passage);
  if (!terms) {
    const title = library.documents.find((d) => d.id === passage.docId)?.title ?? '';
    terms = new Set(analyze(`${title} ${passage.heading} ${passage.text}`));
    passageTermsCache.set(passage, terms);
  }
  return terms;
}

/** What sentence scoring needs from the question, worked out once per answer rather than once per passage scored. */
interface QuestionTerms {
  /** The question's distinct index terms, in order. */
  terms: string[];
  /** Each term's idf under the library's stats. */
  idf: ReadonlyMap<string, number>;
  /** The muscle groups the question names. */
  subjects: string[];
  /** Sum of the terms' idf (1 when there are none, so shares stay finite). */
  total: number;
  wantsNumber: boolean;
}

function questionTerms(question: string, library: Library): QuestionTerms {
  const stats = statsFor(library);
  const terms = [...new Set(analyze(question))];
  const idf = new Map(terms.map((term) => [term, termIdf(stats, term)]));
  const total = terms.reduce((sum, term) => sum + (idf.get(term) ?? 0), 0) || 1;
  return { terms, idf, subjects: terms.filter((t) => SUBJECT_TERMS.has(t)), total, wantsNumber: QUANTITY_QUESTION.test(question) };
}

/** Share of the question's weight that a set of terms matches. */
function matchShare(q: QuestionTerms, terms: ReadonlySet<string>): number {
  return q.terms.filter((t) => terms.has(t)).reduce((sum, t) => sum + (q.idf.get(t) ?? 0), 0) / q.total;
}

function scoreSentences(q: QuestionTerms, passage: Passage, rank: number, prior: number, library: Library): Candidate[] {
  const own = passageTerms(passage, library);
  const onSubject = q.subjects.length === 0 || q.subjects.some((t) => own.has(t));
  const headingMatch = matchShare(q, analysed(passage).heading);
  return analysed(passage).sentences.map(({ sentence, terms }, index) => {
    const match = matchShare(q, terms);
    const words = sentence.split(/\s+/).length;
    let score = match + 0.5 * headingMatch + 0.5 * prior;
    if (q.wantsNumber && /\d/.test(sentence)) score += 0.35;
    if (index === 0) score += 0.05;
    if (words < 5) score -= 0.3;
    if (words > 45) score -= 0.15;
    if (!onSubject) score *= OFF_SUBJECT;
    return { passage, index, sentence, score, rank, terms, onSubject };
  });
}

function bestSentence(candidates: Candidate[], prefer?: RegExp): Candidate | undefined {
  const pool = prefer ? candidates.filter((c) => prefer.test(c.sentence)) : candidates;
  return [...pool].sort((a, b) => b.score - a.score || a.index - b.index)[0];
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** The answer an honest abstention gives. */
export function abstention(question: string): Answer {
  return { question, mode: 'offline', abstained: true, answer: answerMessages.notCovered, citations: [] };
}

/**
 * A quoted sentence put after a lead that ends in a colon ("The sources disagree: a glute pump…") continues the lead's
 * sentence, so its first letter is lowercased, unless the first word is an acronym or a token like "BFR",
 * "L-citrulline" or "IGF-1". Citations keep the verbatim sentence; only the running answer text changes.
 */
export function continueAfterLead(sentence: string): string {
  const first = /^["“(]?(\S+)/.exec(sentence)?.[1] ?? '';
  if (!/^[A-Z]([a-z]|$)/.test(first) || /\d/.test(first)) return sentence;
  const at = sentence.indexOf(first);
  return `${sentence.slice(0, at)}${first.charAt(0).toLowerCase()}${sentence.slice(at + 1)}`;
}

/** Places a [n] marker before a sentence's closing punctuation: "…12–25 reps [1]." */
function withMarker(sentence: string, n: number): string {
  const tail = /[.!?]["”’)]*$/.exec(sentence)?.[0] ?? '';
  const body = sentence.slice(0, sentence.length - tail.length);
  return `${body} [${n}]${tail || '.'}`;
}

interface Pick {
  candidate: Candidate;
  /** Text put before the sentence (dispute wording). */
  lead?: string;
  /** Picks that must stay when trimming (safety advice, the disputing side of a disagreement). */
  required: boolean;
}

/** Candidates of one passage, scored against the question (rank and prior as if retrieved last). */
function candidatesOf(q: QuestionTerms, passage: Passage, library: Library): Candidate[] {
  return scoreSentences(q, passage, Number.MAX_SAFE_INTEGER, 0, library);
}

const safetyCache = new WeakMap<Library, readonly Passage[]>();

/** The library's trusted safety advice: high-reliability passages whose heading is about safety. */
export function safetyPassages(library: Library): readonly Passage[] {
  let safety = safetyCache.get(library);
  if (!safety) {
    safety = library.passages.filter((p) => p.reliability === 'high' && SAFETY_HEADING.test(p.heading));
    safetyCache.set(library, safety);
  }
  return safety;
}

/**
 * Composes an extractive answer from ranked passages: 2–5 sentences, each followed by a [n] marker to a citation that
 * quotes it verbatim. Low-reliability claims appear only next to a source that disputes them; pain and injury
 * questions keep the safety advice. An empty ranking, or one that matches none of the question's words, abstains.
 */
export function composeOfflineAnswer(
  question: string,
  ranked: ScoredPassage[],
  library: Library,
  options: ComposeOptions = DEFAULT_COMPOSE,
): Answer {
  if (ranked.length === 0) return abstention(question);
  const top = ranked.slice(0, options.passagesConsidered);
  const topScore = top[0]?.score || 1;
  const q = questionTerms(question, library);
  const candidates = top.flatMap((r, rank) => scoreSentences(q, r.passage, rank, r.score / topScore, library));
  const qTerms = new Set(q.terms);
  if (!candidates.some((c) => [...c.terms].some((t) => qTerms.has(t)) || [...analysed(c.passage).heading].some((t) => qTerms.has(t)))) {
    return abstention(question);
  }

  // Low-reliability sentences never stand alone: keep them only when a disputing passage can be cited next to them.
  // A low-reliability passage's own note on who disputes it ("the instructional sources disagree…") is no claim to
  // report: quoting it would read "One low-reliability source says: the instructional source disagrees", so the
  // disputing source is quoted directly instead.
  let usable = candidates.filter(
    (c) => c.passage.reliability === 'high' || (c.passage.disputedBy.some((id) => library.byId.has(id)) && !DISPUTE_NOTE.test(c.sentence)),
  );
  if (PAIN_QUESTION.test(question)) {
    // Pain: the safety advice is always on offer, and only sentences about safety or form may join it.
    const safety = safetyPassages(library).filter((p) => !top.some((r) => r.passage === p));
    usable = [...usable, ...safety.flatMap((p) => candidatesOf(q, p, library))].filter(
      (c) => CARE_HEADING.test(c.passage.heading) || CARE_WORDS.test(c.sentence),
    );
  }
  const sorted = [...usable].sort((a, b) => b.score - a.score || a.rank - b.rank || a.index - b.index);
  const best = sorted[0];
  if (!best) return abstention(question);

  const picks: Pick[] = [];
  const perPassage = new Map<string, number>();
  // The same sentence may come back as a new Candidate object (scored again for safety or a caution), so match by place.
  const pickOf = (candidate: Candidate) => picks.find((p) => p.candidate.passage.id === candidate.passage.id && p.candidate.index === candidate.index);
  const add = (candidate: Candidate, required = false, lead?: string): void => {
    if (pickOf(candidate)) return;
    picks.push({ candidate, required, lead });
    perPassage.set(candidate.passage.id, (perPassage.get(candidate.passage.id) ?? 0) + 1);
  };
  const room = () => picks.length < options.maxSentences - 1;
  // The best-ranked passage always leads: retrieval weighed its heading and title, which sentences alone cannot see.
  const lead = bestSentence(usable.filter((c) => c.rank === 0 && c.passage.reliability === 'high'));
  if (lead && lead.score >= best.score * options.keepRatio) add(lead);
  let lowUsed = 0;
  for (const candidate of sorted) {
    if (!room()) break;
    const enough = picks.length >= options.minSentences;
    if (enough && candidate.score < best.score * options.keepRatio) break;
    if ((perPassage.get(candidate.passage.id) ?? 0) >= options.perPassage) continue;
    if (picks.some((p) => overlap(p.candidate.terms, candidate.terms) > 0.8)) continue;
    // One low-reliability claim per answer is enough to report the disagreement.
    if (candidate.passage.reliability === 'low' && lowUsed++ > 0) continue;
    add(candidate);
  }

  // A question on two subjects ("how much protein, and how much sleep?"): a rare question word no pick covers yet
  // brings in its best sentence, so half of the question is not dropped for the half that scored higher.
  const stats = statsFor(library);
  const weighted = [...qTerms].filter((t) => stats.documentFrequency.has(t)).map((term) => ({ term, idf: termIdf(stats, term) }));
  const rarest = Math.max(0, ...weighted.map((w) => w.idf));
  for (const { term } of weighted.filter((w) => w.idf >= rarest * COVER_RARITY).sort((a, b) => b.idf - a.idf || a.term.localeCompare(b.term))) {
    if (!room()) break;
    if (picks.some((p) => p.candidate.terms.has(term))) continue;
    const cover = sorted.find(
      (c) => c.terms.has(term) && c.onSubject && c.passage.reliability === 'high' && c.score >= best.score * COVER_RATIO && (perPassage.get(c.passage.id) ?? 0) < options.perPassage,
    );
    if (cover) add(cover);
  }

  // Each low-reliability claim is paired with the best sentence of a passage that disputes it.
  for (const pick of [...picks]) {
    const passage = pick.candidate.passage;
    if (passage.reliability !== 'low') continue;
    if (!/\bclaim/i.test(pick.candidate.sentence)) pick.lead = answerMessages.lowReliabilityClaim;
    const disputers = passage.disputedBy.map((id) => library.byId.get(id)).filter((p): p is Passage => p !== undefined);
    const already = picks.find((p) => disputers.some((d) => d.id === p.candidate.passage.id));
    if (already) {
      already.required = true;
      already.lead = answerMessages.disagree;
      continue;
    }
    const counter = bestSentence(disputers.flatMap((d) => candidatesOf(q, d, library)));
    if (counter) add(counter, true, answerMessages.disagree);
  }

  if (SAFETY_QUESTION.test(question)) {
    const safetyCandidates = safetyPassages(library).flatMap((p) => candidatesOf(q, p, library));
    for (const cue of SAFETY_CUES) {
      if (picks.some((p) => cue.test(p.candidate.sentence) && SAFETY_HEADING.test(p.candidate.passage.heading))) continue;
      const sentence = bestSentence(safetyCandidates, cue);
      if (!sentence) continue;
      const existing = pickOf(sentence);
      if (existing) existing.required = true;
      else add(sentence, true);
    }
  }

  // A caution travels with its passage: quoting "BFR lets lighter loads build a pump" without "only under
  // professional guidance" would turn the library's advice into a dare.
  for (const passage of new Set(picks.map((p) => p.candidate.passage))) {
    if (passage.reliability !== 'high' || picks.some((p) => p.candidate.passage === passage && CAUTION.test(p.candidate.sentence))) continue;
    const caution = candidatesOf(q, passage, library).find((c) => CAUTION.test(c.sentence));
    if (caution) {
      const rank = Math.min(...picks.filter((p) => p.candidate.passage === passage).map((p) => p.candidate.rank));
      add({ ...caution, rank }, true);
    }
  }

  // Trim to the cap, dropping the weakest optional sentences first.
  while (picks.length > options.maxSentences) {
    const optional = picks.filter((p) => !p.required && p.candidate.passage.reliability === 'high');
    const weakest = optional.sort((a, b) => a.candidate.score - b.candidate.score)[0];
    if (!weakest) break;
    picks.splice(picks.indexOf(weakest), 1);
  }
  // Top up to the minimum from the best remaining high-reliability sentences.
  for (const candidate of sorted) {
    if (picks.length >= options.minSentences) break;
    if (candidate.passage.reliability === 'high') add(candidate);
  }

  return renderPicks(question, orderPicks(picks));
}

/** Reading order: passages in retrieval order, sentences in text order; a disputed claim is followed by its rebuttal. */
function orderPicks(picks: Pick[]): Pick[] {
  // A passage ranks by its best-ranked pick, so a sentence added later (safety advice) stays with its passage's others.
  const passageRank = new Map<string, number>();
  for (const { candidate } of picks) passageRank.set(candidate.passage.id, Math.min(passageRank.get(candidate.passage.id) ?? Infinity, candidate.rank));
  const rankOf = (p: Pick) => passageRank.get(p.candidate.passage.id) ?? p.candidate.rank;
  const byRank = [...picks].sort(
    (a, b) => rankOf(a) - rankOf(b) || a.candidate.passage.id.localeCompare(b.candidate.passage.id) || a.candidate.index - b.candidate.index,
  );
  const ordered: Pick[] = [];
  for (const pick of byRank) {
    if (ordered.includes(pick)) continue;
    if (pick.lead === answerMessages.disagree && byRank.some((p) => p.candidate.passage.reliability === 'low' && !ordered.includes(p))) continue;
    ordered.push(pick);
    if (pick.candidate.passage.reliability === 'low') {
      for (const counter of byRank) {
        if (counter.lead === answerMessages.disagree && !ordered.includes(counter) && pick.candidate.passage.disputedBy.includes(counter.candidate.passage.id)) {
          ordered.push(counter);
        }
      }
    }
  }
  for (const pick of byRank) if (!ordered.includes(pick)) ordered.push(pick);
  return ordered;
}

function renderPicks(question: string, picks: Pick[]): Answer {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const pick of picks) {
    const { passage, sentence } = pick.candidate;
    const n = citations.length + 1;
    citations.push({ n, passageId: passage.id, source: passage.sourceTitle, quote: sentence });
    parts.push(pick.lead ? `${pick.lead} ${withMarker(continueAfterLead(sentence), n)}` : withMarker(sentence, n));
  }
  return { question, mode: 'offline', abstained: false, answer: parts.join(' '), citations };
}
