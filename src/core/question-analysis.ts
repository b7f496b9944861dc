/**
 * Question analysis, pure: what a member asks (intent), about what (muscle group, topic), whether the question
 * reports an injury or asks for something unsafe, and its parts (up to three sub-questions, answered in order).
 */
import { wordsForGroup } from './group-aliases.ts';
import { GROUPS, type Group } from './plan-types.ts';
import { analyze, rawTokens, termFor } from './text-analysis.ts';

/** What a sub-question asks for; it decides which sentence answers first. */
export const INTENTS = ['quantity', 'definition', 'howto', 'claim', 'comparison', 'general'] as const;
/** What a sub-question asks for. */
export type Intent = (typeof INTENTS)[number];

/**
 * A question the library must not answer with coaching: a reported injury or pain, a medical condition (with a diet
 * question: a dietitian's matter), or a request for drugs. Any part of the question carrying one decides the answer.
 */
export type Concern = 'injury' | 'medical' | 'medical-diet' | 'unsafe';

/** Broad subjects a sub-question is about, besides its muscle groups. */
export const TOPICS = ['technique', 'nutrition', 'hydration', 'recovery', 'supplement', 'exercise', 'session', 'pump'] as const;
/** A broad subject. */
export type Topic = (typeof TOPICS)[number];

/** One sub-question. */
export interface QuestionPart {
  /** The member's words for this part, normalised (lowercase, apostrophes folded). */
  text: string;
  /** The text plus context carried from the rest of the question (its muscle group, the subject "them" points to), for retrieval. */
  query: string;
  /** The text plus the subject carried from the clause before, without carried muscle groups: what sentences must match. */
  focus: string;
  intent: Intent;
  groups: Group[];
  topics: Topic[];
  /** Asks for a whole session ("give me a back workout"), so sample-session lines may lead. */
  wantsSession: boolean;
  /**
   * Reads as a question or a request (a question word, "best …", or it ended with "?"); when the library does not cover
   * such a part, the answer says so.
   */
  questionLike: boolean;
}

/** The analysis of one question. */
export interface QuestionAnalysis {
  question: string;
  concern: Concern | null;
  parts: QuestionPart[];
}

/** Most sub-questions answered; further ones are folded into the last. @default 3 */
export const MAX_PARTS = 3;

/** Lowercase, accents and apostrophes folded, emoji and other symbols dropped, single spaces. */
export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9\s?!.,;:&+=/%-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Concerns. Patterns name conditions and substances, not questions: they must hold for questions nobody wrote yet.
const UNSAFE = new RegExp(
  [
    String.raw`\b(?:steroids?|roids?|anabolics?|aas|tren\w*|anavar|oxandrolone|dianabol|dbol|winstrol|winny|deca|nandrolone|masteron|primobolan|superdrol)\b`,
    String.raw`\b(?:clen|clenbuterol|sarms?|ostarine|ligandrol|lgd|rad[\s-]?140|testolone|cardarine|mk[\s-]?677|ibutamoren|yk[\s-]?11|hgh|peptides?|synthol|dnp)\b`,
    String.raw`\b(?:diuretics?|lasix|furosemide|water pills?|adderall|ritalin|vyvanse|modafinil|viagra|cialis|ephedrine|ephedra|cytomel|opioids?|oxycodone|tramadol|codeine)\b`,
    String.raw`\b(?:pain ?killers?|prescription (?:drugs?|meds?|medications?|pills?)|(?:someone|somebody|friends?|moms?|dads?)s? (?:meds|pills|prescription|adderall))\b`,
    String.raw`\b(?:test|testosterone)\s+(?:e|c|cyp|cypionate|enanthate|prop|propionate|cycles?|injections?|shots?|pins?|doses?|dosage|dosing|boosters?)\b`,
    String.raw`\b(?:tren|test)\s+(?:or|and|vs)\s+(?:tren|test)\b|\btrt\b|\binject\w*|\bpinning\b|\bsite enhanc\w*|\bblast and cruise\b|\bpct\b`,
    String.raw`\bgrowth hormone (?:injections?|shots?|pens?)\b|\bsteroid\w*|\binsulin\b`,
  ].join('|'),
);
const MEDICAL = new RegExp(
  [
    String.raw`\b(?:diabet\w*|blood pressure|hypertension|pregnan\w*|postpartum|asthma\w*|kidneys?|liver|epilep\w*|seizures?|cancer|chemo\w*)\b`,
    String.raw`\b(?:arthritis|osteopor\w*|scoliosis|hernias?|thyroid|pcos|eating disorders?|anorexi\w*|bulimi\w*|purg\w*|cholesterol|gout|celiac|coeliac)\b`,
    String.raw`\b(?:heart (?:condition|disease|problems?|issues?|attack|murmur)|chest pains?|dizz\w*|faint\w*|passed out|blacked out|short(?:ness)? of breath|arrhythmia)\b`,
    String.raw`\b(?:medications?|blood thinners?|concussions?|(?:medical|health|heart|chronic|pre-?existing|underlying) (?:conditions?|issues?|problems?)|i have a condition)\b`,
  ].join('|'),
);
const INJURY = new RegExp(
  [
    String.raw`\b(?:hurts?|hurting|hurted|pain|pains|painful|aches?|aching|achy|sore|soreness|doms|injur\w*|tweak\w*|pulled|strain(?:ed)?|sprain\w*|tore|torn|tears?|ruptur\w*)\b`,
    String.raw`\b(?:clicks?|clicking|pops?|popping|popped|cracks?|cracking|swollen|numb\w*|tingl\w*|sciatica|herniat\w*|slipped disc|bulging disc|tendon\w*|tendin\w*|bursitis|impingement)\b`,
    String.raw`\b(?:rotator cuff|acl|mcl|meniscus|labrum|surgery|operation|rehab\w*|physio\w*|fractur\w*|broke|broken|dislocat\w*)\b`,
    String.raw`\b(?:my|the)\s+\w+\s+(?:kills|is killing)\b`,
    String.raw`\b(?:rolled|twisted|turned|jammed|jarred|bruised|smashed|banged|hyperextended|locked)\s+(?:(?:my|an?|the|his|her)\s+)?(?:\w+\s+)?(?:ankles?|knees?|wrists?|shoulders?|back|neck|elbows?|hips?|feet|foot|toes?|fingers?|groin|achilles)\b`,
    String.raw`\b(?:achilles|groin strain|shin splints|tennis elbow|golfers elbow|plantar)\b`,
  ].join('|'),
);
/** "Does dehydration hurt the pump?" hurts a result, not a body: no injury. */
const HURTS_A_RESULT = /\b(?:hurts?|kills?|ruins?)\s+(?:my |the |your )?(?:pump|gains|growth|progress|performance|results?)\b/g;
/** Asking how to stay uninjured is a training question, not an injury report. */
const INJURY_PREVENTION = /\b(?:avoid\w*|prevent\w*|reduce|lower|minimi[sz]e|without|risk|risks|chance|safe|safely)\b[^.?!]{0,40}\binjur\w*|\binjur\w*\s+(?:risk|prevention)\b/;
const DIET = /\b(?:eat\w*|diet\w*|food|foods|meals?|protein|carbs?|carbohydrates?|calories?|nutrition|fasting|supplements?|drink\w*|sugar)\b/;

/** The concern a question carries, if any: drugs first, then a medical condition, then an injury. */
export function concernOf(normalised: string): Concern | null {
  const medical = MEDICAL.test(normalised);
  // Insulin for a diabetic is medicine, not a drug request.
  const unsafe = UNSAFE.test(medical ? normalised.replace(/\binsulin\b/g, '') : normalised);
  if (unsafe) return 'unsafe';
  if (medical) return DIET.test(normalised) ? 'medical-diet' : 'medical';
  const injuryText = normalised.replace(HURTS_A_RESULT, ' ');
  if (INJURY.test(injuryText) && !INJURY_PREVENTION.test(injuryText)) return 'injury';
  return null;
}

// Intents, tested on one part's normalised text in this order.
const QUANTITY =
  /\b(?:how (?:much|many|long|often|heavy|far|soon|quick(?:ly)?|fast)|rest(?:ing)? (?:time|periods?)|what (?:rep|reps|rep range|range|weight|percent\w*)|rep ranges?|which rep|when (?:should|do|to|can) (?:i |u |you )?(?:eat|have|drink)|when to eat|grams? of|g of|per (?:day|kg|kilo|set|leg))\b/;
const MEASURE_START = /^(?:reps?|sets?|rest(?: time| periods?)?|protein|sleep|grams?|hrs|hours)\b/;
const DEFINITION =
  /\b(?:what (?:actually |exactly |even |really )(?:is|are)|what (?:does|do) .+ do|what(?:s| is| are| r)|wat(?:s| is| r)|wut is|wht is|wtf (?:is|are)|define|definition of|meaning of|what (?:does|do) .+ mean|explain|whats the point of|what is the point of)\b|\bmeaning\s*\??$/;
const NOT_DEFINITION = /\b(?:what(?:s| is| are| r)|wat(?:s| is))\s+(?:the |a |an )?(?:best|good|right|ideal|optimal|difference|diff|better)\b/;
const COMPARISON = /\b(?:vs|versus|compared (?:to|with)|difference|diff|better than|worse than|which is better|which one)\b|\b[a-z]{3,} or [a-z]{3,}\b/;
const NOT_COMPARISON = /\b(?:yes or no|or not|or is|or just|or bro science|or no|or what)\b/;
const YES_NO_START =
  /^(?:(?:so|yo|ok|okay|hey|bro|but|and|coach|honestly|quick question|q)\s+)*(?:is|are|am|does|do|did|can|could|should|shud|will|would|has|have|isnt|arent|doesnt|dont|cant|shouldnt|wont|must)\b/;
const REQUEST_START = /^(?:(?:so|yo|ok|hey|bro|coach)\s+)*(?:can|could|would|will) (?:you|u) (?:give|recommend|show|tell|write|make|list|explain|help|send|suggest)\b/;
const CLAIM_TAIL = /\b(?:right|true|yes or no|correct|or not|fr|legit|myth|bro science|is (?:it|that|this) true|true or false|fact or \w+)\s*\??$/;
const CLAIM_FORM = /=|\bmeans?\b|\bthe promo(?:tional)? (?:article|piece) (?:says|claims)\b/;
const HOWTO = /\bhow (?:do|should|can|would|to) (?:i|you|u|we)?\b|\bhow to\b|\bproper(?:ly)?\b|\bform\b|\btechnique\b|\bcues?\b|\bcorrect(?:ly)?\b|\btempo\b/;

/** "How do I get / grow / build a bigger X" asks what to do (exercises), not how to do a movement. */
const HOW_TO_GROW = /\b(?:how (?:do|can|should|would) (?:i|you|u|we)|how to|best way to|ways? to) (?:get|grow|build|make)\b/;

/** The intent of one part's normalised text. */
export function intentOf(text: string): Intent {
  if (QUANTITY.test(text) || MEASURE_START.test(text)) return 'quantity';
  if (DEFINITION.test(text) && !NOT_DEFINITION.test(text)) return 'definition';
  if (!REQUEST_START.test(text) && (YES_NO_START.test(text) || CLAIM_TAIL.test(text) || CLAIM_FORM.test(text))) return 'claim';
  if (COMPARISON.test(text) && !NOT_COMPARISON.test(text)) return 'comparison';
  if (HOWTO.test(text) && !HOW_TO_GROW.test(text)) return 'howto';
  return 'general';
}

const TOPIC_PATTERNS: ReadonlyArray<readonly [Topic, RegExp]> = [
  ['technique', /\b(?:drop ?sets?|supersets?|giant sets?|rest[\s-]?pause|myo|partials?|burnout|bfr|blood flow restriction|tempo|time under tension|mind[\s-]?muscle|pause|squeeze|form|technique|progressive overload)\b/],
  ['nutrition', /\b(?:eat\w*|food|meals?|diet|protein|carbs?|carbohydrates?|calori\w*|surplus|fats?|nutrition|whey|shake)\b/],
  ['hydration', /\b(?:water|hydrat\w*|dehydrat\w*|drink\w*|fluids?|electrolytes?)\b/],
  ['recovery', /\b(?:sleep\w*|recover\w*|rest days?|cool[\s-]?downs?|stretch\w*|overtrain\w*|sore\w*|doms)\b/],
  ['supplement', /\b(?:supp\w*|citrulline|nitrates?|nitric|pre[\s-]?workout)\b/],
  ['exercise', /\b(?:exercises?|moves?|movements?|lifts?|squats?|deadlifts?|rdls?|lunges?|press|curls?|extensions?|raises?|thrusts?|bridges?|rows?|pull-?downs?|kickbacks?|swings?|abductions?|walks?)\b/],
  ['session', /\b(?:workouts?|sessions?|routines?|programs?|programmes?|splits?|plans?)\b/],
  ['pump', /\b(?:pump\w*|burn|swell\w*|blood flow|hyperemia)\b/],
];

/** Asking for a whole session ("give me a back workout", "glute pump session pls"), not about eating before one. */
const SESSION_REQUEST = /\b(?:workouts?|sessions?|routines?|programs?|programmes?|splits?|sample)\b/;
const SESSION_TIMING = /\b(?:before|after|pre|post|b4)[\s-]+(?:\w+\s+){0,2}(?:workouts?|sessions?|training)\b/;

const groupPatterns: ReadonlyArray<readonly [Group, RegExp]> = GROUPS.map((group) => {
  const aliases = wordsForGroup(group).sort((a, b) => b.length - a.length).map((a) => a.replace(/\s+/g, '\\s+'));
  return [group, new RegExp(`\\b(?:${aliases.join('|')})\\b`)] as const;
});
/** "Back" that names no muscle: "back to back", "come back", "straight back", "lower back pain" is kept (it is the back). */
const NOT_A_GROUP = /\bback[\s-]+to[\s-]+back\b|\b(?:come|came|get|got|go|going|went|bounce|straight|kick|pull|lean|lay|lie)\s+back\b|\bback\s+(?:off|into|in|up)\b/g;

/** The muscle groups a text names, in the order the library lists them. */
export function groupsIn(text: string): Group[] {
  const cleaned = text.replace(NOT_A_GROUP, ' ');
  return groupPatterns.filter(([, pattern]) => pattern.test(cleaned)).map(([group]) => group);
}

/** Measure nouns joined by "and" ask two things: "reps and rest", "protein and sleep", "warm up and cool down". */
const MEASURE = String.raw`(?:reps?|sets?|rest(?: time| periods?)?|protein|sleep|carbs?|water|tempo|warm[\s-]?ups?|cool[\s-]?downs?|warm up|cool down)`;
const MEASURE_PAIR = new RegExp(String.raw`\b(${MEASURE})\s+(?:and|&|n|\+)\s+(${MEASURE})\b`);
const TIMING_PAIR = /\b(before|pre)\s+(?:and|&|n|\+)\s+(after|post)\b/;
const CONNECTOR = String.raw`(?:and|also|plus|then|n|&|\+)`;
const QUESTION_WORD = String.raw`(?:how|what|whats|wat|wats|wut|wht|when|which|why|where|who|should|shud|do|does|did|is|are|am|can|could|would|will|any|whatabout)`;
const INNER_SPLIT = new RegExp(String.raw`\s*[,:]\s*(?:${CONNECTOR}\s+)?(?=${QUESTION_WORD}\b)|\s+${CONNECTOR}\s+(?=${QUESTION_WORD}\b)`);
/** Words to the bot rather than a question: instructions, role-play, greetings and thanks. */
const CHATTER =
  /^(?:ignore|disregard|forget|pretend|act as|you are|youre|roleplay|role-play|reveal|print|repeat|system|override|from now on|new instructions|lol|lmao|haha|thanks|thank you|ty|hi|hello|hey|sup)\b|\b(?:previous|prior|above|your|the) (?:instructions|rules|prompt)\b|\bsystem prompt\b/;
const LEADING_FILLER = new RegExp(String.raw`^(?:(?:${CONNECTOR}|so|ok|okay|alright|but|btw|oh|yo|hey)\s+)+`);
const QUESTION_LIKE = new RegExp(
  String.raw`^(?:${QUESTION_WORD}|best|good|top|recommend|suggest|give|show|list|tips?)\b|\b(?:how|what|whats|which|why|when)\b`,
);
/** A clause where the member says something about themselves: "im a beginner", "my knees are fine", "as a woman". */
const SELF_STATEMENT = /^(?:i|im|ive|id|ill|my|me|as an?)\b/;
/** A short follow-up about the clause before ("is that true", "does it work") rather than a question of its own. */
const BACK_REFERENCE = /\b(?:that|this|it)\b/;
const PRONOUN = /\b(?:them|it|they|those|these|that one|this one)\b/;

/** Splits one clause on a measure pair or a before/after pair into two clauses sharing the rest of the words. */
function splitPairs(clause: string): string[] {
  for (const pair of [MEASURE_PAIR, TIMING_PAIR]) {
    const match = pair.exec(clause);
    if (match) {
      const [whole, first, second] = match as unknown as [string, string, string];
      return [clause.replace(whole, first), clause.replace(whole, second)];
    }
  }
  return [clause];
}

/** One clause of a message and whether it reads as a question or request. */
export interface Clause {
  text: string;
  questionLike: boolean;
}

/**
 * The member's sub-questions, in order: sentences, then clauses joined by "and", "," or ":" before a question word.
 * Words to the bot around a question (instructions, role-play, greetings) are left out when anything else is asked.
 */
export function splitQuestion(normalised: string): Clause[] {
  const pieces = normalised.split(/([?!;\n]+|\.(?:\s+|$))/);
  const clauses: Clause[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const asked = (pieces[i + 1] ?? '').includes('?');
    const inner = (pieces[i] ?? '').split(INNER_SPLIT);
    inner.forEach((raw, j) => {
      const text = raw.replace(LEADING_FILLER, '').replace(/[\s,.:]+$/, '').trim();
      if (!/[a-z]/.test(text)) return;
      const questionLike = QUESTION_LIKE.test(text) || (asked && j === inner.length - 1);
      // A tail with no subject of its own ("… true?", "does that hold up") belongs to the clause before it.
      const last = clauses[clauses.length - 1];
      const tail = (subjectWords(text).length === 0 && groupsIn(text).length === 0) || (BACK_REFERENCE.test(text) && text.split(' ').length <= 4);
      if (last && tail) clauses[clauses.length - 1] = { text: `${last.text} ${text}`, questionLike: last.questionLike || questionLike };
      else clauses.push({ text, questionLike });
    });
  }
  // A statement about the member before a question ("im a newbie, are drop sets good for me?") is the question's context,
  // not a part of its own: it is read with the question that follows (after it, so the question still opens the clause).
  for (let i = clauses.length - 2; i >= 0; i--) {
    const [context, question] = [clauses[i]!, clauses[i + 1]!];
    if (!context.questionLike && question.questionLike && SELF_STATEMENT.test(context.text)) clauses.splice(i, 2, { text: `${question.text} ${context.text}`, questionLike: true });
  }
  const asked = clauses.some((c) => !CHATTER.test(c.text)) ? clauses.filter((c) => !CHATTER.test(c.text)) : clauses;
  const parts = asked.flatMap((clause) => splitPairs(clause.text).map((text) => ({ text, questionLike: clause.questionLike })));
  if (parts.length <= MAX_PARTS) return parts;
  return [...parts.slice(0, MAX_PARTS - 1), { text: parts.slice(MAX_PARTS - 1).map((p) => p.text).join(' and '), questionLike: true }];
}

const groupTerms = new Set(
  GROUPS.flatMap((group) => wordsForGroup(group)).flatMap((alias) => analyze(alias)),
);

/** Raw words of a clause that carry its subject (not a muscle group, not filler): what "them" in the next clause means. */
function subjectWords(clause: string): string[] {
  return rawTokens(clause).filter((token) => {
    const term = termFor(token);
    return term !== null && !groupTerms.has(term);
  });
}

/** Analyses a member's question: concern, and up to three parts with intent, groups, topics and a retrieval query. */
export function analyseQuestion(question: string): QuestionAnalysis {
  const normalised = normaliseQuestion(question);
  const clauses = splitQuestion(normalised);
  const named = groupsIn(clauses.map((c) => c.text).join(' '));
  const parts: QuestionPart[] = [];
  clauses.forEach(({ text, questionLike }, i) => {
    const own = groupsIn(text);
    const groups = own.length ? own : named;
    const previous = parts[i - 1];
    const intent = intentOf(text);
    // "…and how often should I do them": the subject comes from the clause before.
    const subject = previous && (PRONOUN.test(text) || subjectWords(text).length === 0) ? subjectWords(previous.focus) : [];
    const focus = [text, ...new Set(subject)].join(' ');
    const carriedGroups = groups.filter((group) => !new RegExp(`\\b${group}\\b`).test(text));
    parts.push({
      text,
      query: [focus, ...carriedGroups].join(' '),
      focus,
      intent,
      groups,
      topics: TOPIC_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([topic]) => topic),
      wantsSession: (intent === 'general' || intent === 'howto') && SESSION_REQUEST.test(text) && !SESSION_TIMING.test(text),
      questionLike,
    });
  });
  return { question, concern: concernOf(normalised), parts };
}
