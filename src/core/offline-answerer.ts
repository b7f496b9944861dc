/** The offline answerer: deterministic and extractive. Picks the sentences that answer the question and cites each. */
import { answerMessages } from './answer-messages.ts';
import { renderAnswer, type AnswerLine } from './answer-render.ts';
import type { Answer } from './answer-types.ts';
import type { Library, Passage } from './library.ts';
import type { Group } from './plan-types.ts';
import { analyseQuestion, groupsIn, type Intent, type QuestionPart } from './question-analysis.ts';
import { libraryTermStats, termIdf, type ScoredPassage, type TermStats } from './relevance-gate.ts';
import { COVERED_GROUP_WORDS, NAMED_EXERCISE } from './synonyms.ts';
import { analyze, rawTokens, splitSentences, termFor } from './text-analysis.ts';

export { answerMessages } from './answer-messages.ts';
export { continueAfterLead } from './answer-render.ts';

/** Limits of a composed answer. */
export interface ComposeOptions {
  /** @default 2 */
  minSentences: number;
  /** @default 5 */
  maxSentences: number;
  /** How many of the best passages sentences are taken from. @default 8 */
  passagesConsidered: number;
  /** A sentence joins the answer when it scores at least this share of the best sentence. @default 0.55 */
  keepRatio: number;
  /** At most this many sentences from one passage (a short answer, not a dump of one passage). @default 2 */
  perPassage: number;
  /**
   * Whether the best-ranked passage always adds its best sentence (retrieval weighed its heading and title); off for
   * the short answer to one part of a question. @default true
   */
  keepTopPassage: boolean;
}

/** The shipped limits. */
export const DEFAULT_COMPOSE: ComposeOptions = { minSentences: 2, maxSentences: 5, passagesConsidered: 8, keepRatio: 0.55, perPassage: 2, keepTopPassage: true };

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
const SUBJECT_TERMS: ReadonlySet<string> = new Set(COVERED_GROUP_WORDS.map((word) => termFor(word)).filter((t): t is string => t !== null));
/** The group names themselves: a sentence about the back must say "back" to match it. */
const GROUP_NAME_TERMS: ReadonlySet<string> = new Set(['glute', 'leg', 'back'].map((word) => termFor(word) as string));
/** A sample session's lines are examples, not rules: they answer "give me a workout", and follow the rules otherwise. */
const SAMPLE_HEADING = /\bsample\b/i;
/** Score multiplier for a sample-session sentence when the member did not ask for a session. */
const SAMPLE_WEIGHT = 0.7;
/** Score bonus for a sample-session sentence when the member asked for a session. */
const SESSION_BONUS = 0.3;
/** Score bonus for a sentence from the document about the muscle group asked. */
const GROUP_BONUS = 0.2;
/** Score bonus for a sentence that defines a word of a "what is" question ("A drop set … means …"). */
const DEFINITION_BONUS = 0.45;
/** Score bonus for a figure-carrying sentence when the question asks how much, many or long. */
const NUMBER_BONUS = 0.2;
/** At most this many sentences from documents about another muscle group than the one asked. */
const OTHER_GROUP_LIMIT = 1;
/**
 * Score bonus for a figure that measures what was asked: the asked word right after it ("12–25 reps", "1.6–2.2 g of
 * protein"), or for "how long" a time right after it near an asked word ("rest only 30–90 seconds").
 */
const FIGURE_BONUS = 0.6;
/** How many words after a figure the thing it counts may stand ("7–9 hours of good quality sleep"). */
const FIGURE_REACH = 5;
/** Words that end the phrase a figure counts. */
const PHRASE_END = /^(?:between|for|at|in|on|with|to|from|before|after|during|per|by|within|until|while|and|then|using|holding|resting)$/;
/** How many words from a timed figure an asked word may stand ("rest only 30–90 seconds", "Pause for 1–2 seconds"). */
const TIME_REACH = 6;
const TIME_UNITS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'week', 'month'].map((u) => termFor(u) as string));
/** Things measured in time: a question about them wants a time ("rest?" → "rest only 30–90 seconds"). */
const TIMED_TERMS: ReadonlySet<string> = new Set(['rest', 'pause', 'sleep', 'warm', 'cool'].map((w) => termFor(w) as string));
/** A question about duration or timing: the figure it wants is a time. */
const DURATION_QUESTION = /\bhow (?:long|soon|quick\w*)\b|\bwhen\b/;
/** Score bonus for a sentence naming an exercise when the question asks for exercises. */
const NAMED_EXERCISE_BONUS = 0.25;
const EXERCISE_TERM = termFor('exercise') as string;
/** Score bonus for an exercise sentence naming only the muscle asked about. */
const FOCUSED_EXERCISE_BONUS = 0.2;
/** Score bonus for an instruction (how to do something) when the question asks how to. */
const HOWTO_BONUS = 0.3;
/** An instruction: framed by an exercise or phase ("In a lat pulldown, …") or opening with a verb. */
const INSTRUCTION =
  /^(?:(?:In|During|For|When|On)\b[^,]{3,70},\s|(?:Keep|Use|Pull|Push|Lock|Drive|Hold|Control|Pause|Squeeze|Sweep|Move|Lower|Focus|Picture|Pick|Round|Feel|Avoid|Eat|Have|Aim|Rest|Sip|Stay|Put|Choose|Learn|Never|Always|Consciously|Actively|Favour|Do|Take|Pair)\b)/;
/** A sentence whose figure measures what was asked leads while it scores at least this share of the best sentence. */
const MEASURE_LEAD_RATIO = 0.5;
/** A lead from the asked group's document is preferred while it scores at least this share of the best sentence. */
const GROUP_LEAD_RATIO = 0.75;
/** A definition: the subject (words before "is/are/means") then the verb, early in the sentence, not hedged. */
const DEFINES = /^(.{3,80}?)\s(?:is|are|means|refers to)\s(?!(?:believed|thought|considered|recognised|recognized|often|usually|mostly|not|only|also)\b)/;
/** A definition by naming: "…, which is called cellular swelling", "…, an osmotic effect known as cellular swelling". */
const NAMED_AS = /\b(?:called|known as)\s+([^,.;()]{3,60})/;
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
  /** Whether the passage's document is about a muscle group the question names (false when it names none). */
  inGroup: boolean;
  /** Whether the passage's document is about a muscle group other than those the question names. */
  otherGroup: boolean;
  sample: boolean;
  /** Whether a figure in the sentence measures what a "how much / many / long" question asks. */
  measures: boolean;
}

/** The library's term statistics, shared with the retriever (which works them out in its one analysis pass). */
function statsFor(library: Library): TermStats {
  return libraryTermStats(library, analyze);
}

/** A sentence of a passage with what scoring needs from it, worked out once. */
interface AnalysedSentence {
  sentence: string;
  terms: Set<string>;
  /** What its figures measure (see measuredBy). */
  figures: Figures;
  /** What it defines (see definedBy). */
  defines: Set<string>;
  words: number;
}

const sentenceCache = new WeakMap<Passage, { heading: Set<string>; sentences: AnalysedSentence[] }>();

/** A passage's sentences and their terms, analysed once per passage object. */
function analysed(passage: Passage) {
  let entry = sentenceCache.get(passage);
  if (!entry) {
    entry = {
      heading: new Set(analyze(passage.heading)),
      sentences: splitSentences(passage.text).map((sentence) => ({
        sentence,
        terms: new Set(analyze(sentence)),
        figures: measuredBy(sentence),
        defines: definedBy(sentence),
        words: sentence.split(/\s+/).length,
      })),
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
  /** The muscle-group terms the question names. */
  subjects: string[];
  /** The muscles named within a group ("quads", "lats"), which the group's document speaks for without naming them. */
  muscles: string[];
  /** Sum of the terms' idf (1 when there are none, so shares stay finite). */
  total: number;
  wantsNumber: boolean;
  intent: Intent;
  /** A "how long / how soon / when" question: the figure that answers it is a time. */
  duration: boolean;
  /** The question asks for exercises ("best moves for…", "how do I grow…"): naming one answers it. */
  wantsExercises: boolean;
  /** The muscle groups asked about (named, or carried from another part of the question). */
  groups: readonly Group[];
  wantsSession: boolean;
}

function questionTerms(question: string, library: Library, part: QuestionPart): QuestionTerms {
  const stats = statsFor(library);
  const terms = [...new Set(analyze(part.focus))];
  const idf = new Map(terms.map((term) => [term, termIdf(stats, term)]));
  const total = terms.reduce((sum, term) => sum + (idf.get(term) ?? 0), 0) || 1;
  return {
    terms,
    idf,
    subjects: terms.filter((t) => SUBJECT_TERMS.has(t)),
    muscles: terms.filter((t) => SUBJECT_TERMS.has(t) && !GROUP_NAME_TERMS.has(t)),
    total,
    wantsNumber: part.intent === 'quantity' || QUANTITY_QUESTION.test(question),
    intent: part.intent,
    duration: DURATION_QUESTION.test(part.text) || terms.some((t) => TIMED_TERMS.has(t)),
    wantsExercises: (part.intent === 'general' || part.intent === 'howto') && terms.includes(EXERCISE_TERM),
    groups: part.groups,
    wantsSession: part.wantsSession,
  };
}

const documentGroups = new WeakMap<Library, Map<string, Group[]>>();

/** The muscle groups a passage's document is about, read from its title ("Getting a back pump…" is about the back). */
function groupsOfDocument(passage: Passage, library: Library): Group[] {
  let byDoc = documentGroups.get(library);
  if (!byDoc) {
    byDoc = new Map(library.documents.map((d) => [d.id, groupsIn(d.title.toLowerCase())]));
    documentGroups.set(library, byDoc);
  }
  return byDoc.get(passage.docId) ?? groupsIn(passage.docTitle.toLowerCase());
}

/** What the figures of a sentence measure: the terms right after a figure, and the terms near a timed figure. */
interface Figures {
  counted: Set<string>;
  timed: Set<string>;
}

/** What a sentence's figures measure: the terms right after a figure, and the terms near a figure with a time unit. */
function measuredBy(sentence: string): Figures {
  const figures: Figures = { counted: new Set(), timed: new Set() };
  // The question's analysis applies to the sentence too ("after training" is the post-workout marker).
  const tokens = rawTokens(sentence);
  const terms = tokens.map((t) => (/^\d/.test(t) ? null : termFor(t)));
  const add = (into: Set<string>, from: number, to: number) => {
    for (let i = Math.max(0, from); i <= to && i < tokens.length; i++) if (terms[i]) into.add(terms[i] as string);
  };
  tokens.forEach((token, f) => {
    // The last number of a range ("12–25") is the figure; the words after it, up to a preposition, are what it counts:
    // "12–25 or more reps", "1.6–2.2 g of protein", but not the "sets" in "30–90 seconds between sets".
    if (!/^\d/.test(token) || /^\d/.test(tokens[f + 1] ?? '')) return;
    let end = f + 1;
    while (end < tokens.length && end <= f + FIGURE_REACH && !PHRASE_END.test(tokens[end] ?? '')) end++;
    add(figures.counted, f + 1, end - 1);
    if (TIME_UNITS.has(terms[f + 1] ?? '')) add(figures.timed, f - TIME_REACH, f + TIME_REACH);
  });
  return figures;
}

/** The terms of what a sentence defines ("A drop set on legs" in "A drop set on legs means…"), or none. */
function definedBy(sentence: string): Set<string> {
  const subject = DEFINES.exec(sentence)?.[1];
  const named = NAMED_AS.exec(sentence)?.[1];
  return new Set([...(subject && subject.split(/\s+/).length <= 10 ? analyze(subject) : []), ...(named ? analyze(named) : [])]);
}

/** Share of the question's weight that a set of terms matches; `also` counts as matched too. */
function matchShare(q: QuestionTerms, terms: ReadonlySet<string>, also: readonly string[] = []): number {
  let sum = 0;
  for (const t of q.terms) if (terms.has(t) || also.includes(t)) sum += q.idf.get(t) ?? 0;
  return sum / q.total;
}

function scoreSentences(q: QuestionTerms, passage: Passage, rank: number, prior: number, library: Library): Candidate[] {
  const own = passageTerms(passage, library);
  const headingMatch = matchShare(q, analysed(passage).heading);
  const docGroups = groupsOfDocument(passage, library);
  const inGroup = q.groups.length > 0 && docGroups.some((g) => q.groups.includes(g));
  // The asked group's document is on the subject of its muscles even where a passage does not name them.
  const onSubject = q.subjects.length === 0 || inGroup || q.subjects.some((t) => own.has(t));
  const otherGroup = q.groups.length > 0 && docGroups.length > 0 && !inGroup;
  const sample = SAMPLE_HEADING.test(passage.heading);
  const subjectTerms = q.terms.filter((t) => !SUBJECT_TERMS.has(t));
  return analysed(passage).sentences.map(({ sentence, terms, figures, defines, words }, index) => {
    // A sentence from the asked group's document speaks for the group's muscles: the leg rep range answers "reps for quads".
    const match = matchShare(q, terms, inGroup ? q.muscles : []);
    let score = match + 0.5 * headingMatch + 0.5 * prior;
    let measures = false;
    if (q.wantsNumber && /\d/.test(sentence)) {
      measures = subjectTerms.some((t) => figures.counted.has(t) || (q.duration && figures.timed.has(t)));
      score += measures ? FIGURE_BONUS : NUMBER_BONUS;
    }
    if (q.wantsExercises && NAMED_EXERCISE.test(sentence.toLowerCase())) {
      score += NAMED_EXERCISE_BONUS;
      // An exercise for the asked muscle alone ("the leg curl mainly works the hamstrings") beats one for several.
      const muscles = [...terms].filter((t) => SUBJECT_TERMS.has(t) && !GROUP_NAME_TERMS.has(t));
      if (muscles.length > 0 && muscles.every((t) => q.muscles.includes(t))) score += FOCUSED_EXERCISE_BONUS;
    }
    if (q.intent === 'howto' && INSTRUCTION.test(sentence)) score += HOWTO_BONUS;
    if (index === 0) score += 0.05;
    if (words < 5) score -= 0.3;
    if (words > 45) score -= 0.15;
    if (q.intent === 'definition') {
      if (subjectTerms.length > 0 && subjectTerms.every((t) => defines.has(t))) score += DEFINITION_BONUS;
    }
    if (inGroup) score += GROUP_BONUS;
    if (sample) score = q.wantsSession ? score + SESSION_BONUS : score * SAMPLE_WEIGHT;
    if (!onSubject) score *= OFF_SUBJECT;
    return { passage, index, sentence, score, rank, terms, onSubject, inGroup, otherGroup, sample, measures };
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

/** A sentence chosen for the answer, with what must come before it and whether trimming may drop it. */
interface ChosenSentence {
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
 * quotes it verbatim. The sentence that best answers what is asked comes first (a figure for "how many", a definition
 * for "what is"), the asked muscle group's passages before others and rules before sample-session lines.
 * Low-reliability claims appear only next to a source that disputes them; pain and injury questions keep the safety
 * advice. An empty ranking, or one that matches none of the question's words, abstains. `part` is the analysed
 * question; it is worked out from `question` when not given.
 */
export function composeOfflineAnswer(
  question: string,
  ranked: ScoredPassage[],
  library: Library,
  options: ComposeOptions = DEFAULT_COMPOSE,
  part?: QuestionPart,
): Answer {
  const lines = composeLines(question, ranked, library, options, part);
  return lines ? renderAnswer(question, [{ lines }]) : abstention(question);
}

/** Identifies a quoted sentence across the parts of one answer. */
export function sentenceKey(passage: Passage, sentence: string): string {
  return `${passage.id}\u0000${sentence}`;
}

/**
 * The answer's sentences as lines (see composeOfflineAnswer), or null when the question should be abstained on.
 * Sentences in `used` (keys from sentenceKey) were quoted for an earlier part of the question and are not repeated.
 */
export function composeLines(
  question: string,
  ranked: ScoredPassage[],
  library: Library,
  options: ComposeOptions = DEFAULT_COMPOSE,
  part: QuestionPart = partOf(question),
  used: ReadonlySet<string> = new Set(),
): AnswerLine[] | null {
  if (ranked.length === 0) return null;
  const top = ranked.slice(0, options.passagesConsidered);
  const topScore = top[0]?.score || 1;
  const q = questionTerms(question, library, part);
  const candidates = top
    .flatMap((r, rank) => scoreSentences(q, r.passage, rank, r.score / topScore, library))
    .filter((c) => used.size === 0 || !used.has(sentenceKey(c.passage, c.sentence)));
  const qTerms = new Set(q.terms);
  const touches = (terms: ReadonlySet<string>) => q.terms.some((t) => terms.has(t));
  if (!candidates.some((c) => touches(c.terms) || touches(analysed(c.passage).heading))) return null;

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
  if (!best) return null;

  const picks: ChosenSentence[] = [];
  const perPassage = new Map<string, number>();
  // The same sentence may come back as a new Candidate object (scored again for safety or a caution), so match by place.
  const pickOf = (candidate: Candidate) => picks.find((p) => p.candidate.passage.id === candidate.passage.id && p.candidate.index === candidate.index);
  const add = (candidate: Candidate, required = false, lead?: string): void => {
    if (pickOf(candidate)) return;
    picks.push({ candidate, required, lead });
    perPassage.set(candidate.passage.id, (perPassage.get(candidate.passage.id) ?? 0) + 1);
  };
  const room = () => picks.length < Math.max(1, options.maxSentences - 1);
  // The first sentence answers what was asked: the best-scoring trusted sentence (scoring weighed the intent, the
  // asked group and sample lines). The best-ranked passage joins it: retrieval weighed its heading and title.
  const trusted = sorted.filter((c) => c.passage.reliability === 'high');
  // "How many / much / long": the first sentence gives the figure for what was asked, when the library has one.
  const measuring = trusted.filter((c) => c.measures && c.score >= (trusted[0]?.score ?? 0) * MEASURE_LEAD_RATIO);
  const pool = measuring.length ? measuring : trusted;
  const top1 = pool[0];
  // Close calls go to the asked group's document, then to a rule over a sample-session line.
  const close = (c: Candidate) => top1 !== undefined && c.score >= top1.score * GROUP_LEAD_RATIO && !(c.sample && !q.wantsSession);
  const answer = pool.find((c) => c.inGroup && close(c)) ?? pool.find(close) ?? top1;
  if (answer) {
    add(answer);
    // The rule's own next sentence usually carries its reason ("…12–25+ reps. A range of 12–25+ reps suits…").
    const sibling = sorted.find((c) => c.passage === answer.passage && c.index !== answer.index && c.score >= best.score * options.keepRatio);
    if (sibling && room()) add(sibling);
  }
  const rankedFirst = options.keepTopPassage ? bestSentence(usable.filter((c) => c.rank === 0 && c.passage.reliability === 'high')) : undefined;
  if (rankedFirst && rankedFirst.score >= best.score * options.keepRatio && room()) add(rankedFirst);
  // When the answer comes from the asked group's document, other groups' documents add one sentence at most.
  const capOthers = answer?.inGroup === true;
  const othersFull = () => capOthers && picks.filter((p) => p.candidate.otherGroup).length >= OTHER_GROUP_LIMIT;
  let lowUsed = 0;
  for (const candidate of sorted) {
    if (!room()) break;
    const enough = picks.length >= options.minSentences;
    if (enough && candidate.score < best.score * options.keepRatio) break;
    // A session asked for is listed line by line; otherwise a passage gives a couple of sentences at most.
    const passageLimit = q.wantsSession && candidate.sample ? options.maxSentences : options.perPassage;
    if ((perPassage.get(candidate.passage.id) ?? 0) >= passageLimit) continue;
    if (picks.some((p) => overlap(p.candidate.terms, candidate.terms) > 0.8)) continue;
    if (candidate.otherGroup && othersFull()) continue;
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
      (c) =>
        c.terms.has(term) &&
        c.onSubject &&
        c.passage.reliability === 'high' &&
        c.score >= best.score * COVER_RATIO &&
        (perPassage.get(c.passage.id) ?? 0) < options.perPassage &&
        !(c.otherGroup && othersFull()),
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

  return orderPicks(picks, answer, q.wantsSession).map(({ candidate, lead }) => ({ kind: 'quote', passage: candidate.passage, sentence: candidate.sentence, lead }));
}

/**
 * The analysed question for a caller that passes none: its one part, or the question taken whole when it has several
 * (the ranking was made for the whole question, so the sentences must answer all of it).
 */
function partOf(question: string): QuestionPart {
  const { parts } = analyseQuestion(question);
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    text: question,
    query: question,
    focus: question,
    intent: parts[0]?.intent ?? 'general',
    groups: [...new Set(parts.flatMap((p) => p.groups))],
    topics: [...new Set(parts.flatMap((p) => p.topics))],
    wantsSession: false,
    questionLike: true,
  };
}

/**
 * Reading order: the answering sentence first, then passages by group (the asked group's first), rules before
 * sample-session lines, retrieval order, and sentences in text order; a disputed claim is followed by its rebuttal.
 */
function orderPicks(picks: ChosenSentence[], answer: Candidate | undefined, wantsSession: boolean): ChosenSentence[] {
  // A passage ranks by its best-ranked pick, so a sentence added later (safety advice) stays with its passage's others.
  const passageRank = new Map<string, number>();
  for (const { candidate } of picks) passageRank.set(candidate.passage.id, Math.min(passageRank.get(candidate.passage.id) ?? Infinity, candidate.rank));
  const rankOf = (p: ChosenSentence) => passageRank.get(p.candidate.passage.id) ?? p.candidate.rank;
  // The answering sentence, then the rest of its passage (a caution stays with what it qualifies), then the others.
  const first = (p: ChosenSentence) => (!answer || p.candidate.passage.id !== answer.passage.id ? 2 : p.candidate.index === answer.index ? 0 : 1);
  const tier = (p: ChosenSentence) => (p.candidate.otherGroup ? 2 : 0) + (p.candidate.sample && !wantsSession ? 1 : 0);
  const byRank = [...picks].sort(
    (a, b) =>
      first(a) - first(b) ||
      tier(a) - tier(b) ||
      rankOf(a) - rankOf(b) ||
      a.candidate.passage.id.localeCompare(b.candidate.passage.id) ||
      a.candidate.index - b.candidate.index,
  );
  const ordered: ChosenSentence[] = [];
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

