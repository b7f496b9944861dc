/** Text analysis shared by retrieval and sentence scoring: tokens, stop words, synonyms, stemming. */
import { stemmer } from 'stemmer';
import { PHRASE_RULES, canonicalWord } from './synonyms.ts';

/**
 * Words that carry no topic: English function words plus the chat filler members type ("bro", "tips", "pls").
 * Filler matters for the relevance gate: an unknown word counts against coverage, so "yo bro" must not.
 * Instruction-override chatter ("ignore your previous instructions", "system prompt") is filler too: the offline
 * answer only ever quotes the library, so the coaching part of such a message is answered and the rest weighs nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are aren arent as at be because been before
  being below between both but by can cant could couldnt did didnt do does doesnt doing dont down during each either
  else enough etc even ever every few for from further get gets getting got had has have having he her here hers him his
  how however i id if ill im in into is isnt it its itself ive just lets like ll me might more most much must my myself
  no nor not now of off on once only or other our ours out over own per quite rather re really same she should shouldnt
  so some such than that thats the their them then there theres these they thing things this those through to too
  under until up upon us ve very via was wasnt way ways we were what whats when where whether which while who whom whose
  why will with within without won wont would wouldnt yet you youd your youre yours yourself
  actually advice already always anybody best better bro bros btw dude etc gonna good got gotta guy guys hello help helps
  hey hi idea ideas kinda know lol lot lots make makes making man mate need needs ok okay please pls plz question
  questions recommend recommended say says see seem someone something sort still sure take taking tell thanks thank thx
  tip tips try trying use used using want wanna well whatever work works worth yeah yes yo
  many every go goes going bad wrong right true false super mean means fine normal proper properly correct correctly
  legit exactly basically literally seriously anyway point purpose real
  wat wut wht whta hw abt bc cuz coz tho ur ya yall shud shld cud wud dat dis day days
  affect affects affected effect effects impact impacts influence influences matter matters important role
  explain explained describe define definition meaning vs versus
  kill kills killing ruin ruins ruined boost boosts boosting improve improves improving increase increases increasing
  enhance enhances enhancing
  ignore disregard forget instruction instructions previous prior system prompt pretend
  lol lmao lmfao rofl haha hahaha ngl tbh fr frfr deadass lowkey highkey bruh brah fam dawg homie homies yall tryna finna
  lemme gimme sorta prolly def defo srsly ppl smth sth idk imo imho rn asap ty tysm omg wtf wth ffs lmk hmu yea yeh yep
  nope nah ayo sup coach coaches gym huge massive insane crazy mad dope fire lit nice great awesome amazing solid decent
  rly rlly realy actualy honestly quick quickly anyone everyone everybody folks people guys gals
  shuld shoud shold shd waht hwo teh becuase becasue bout thru alot sum wen wer wich knw kno thnx thanx plox probs prob
  cos cus wit da dem ok okk okay k kk pls plss wats whts wuts wot whatre`
    .split(/\s+/)
    .filter(Boolean),
);

const tokenCache = new Map<string, readonly string[]>();
/** Questions are tokenised several times per answer (analysis, claims, retrieval); short texts are kept this many at most. */
const TOKEN_CACHE_LIMIT = 2_000;
/** Only question-sized texts are cached; passages are tokenised once at start-up anyway. */
const TOKEN_CACHE_TEXT = 200;

/** Lowercases, folds accents and apostrophes, applies phrase rules and splits into raw word tokens. */
export function rawTokens(text: string): string[] {
  const cached = tokenCache.get(text);
  if (cached) return [...cached];
  const tokens = tokenize(text);
  if (text.length <= TOKEN_CACHE_TEXT) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return [...tokens];
}

/** rawTokens without the cache, for texts tokenised once (each passage, in the retriever's one analysis pass). */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  // The runs of [a-z0-9], scanned by hand: split() with a regex, then filtering out its empty strings, cost two arrays.
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    if (isWordCode(folded.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) tokens.push(folded.slice(start));
  return tokens;
}

/** Whether a character code belongs in a token: [a-z0-9] (the text is lowercased by foldText first). */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

const NON_ASCII = /[\u0080-\uffff]/;
const APOSTROPHE = /['’]/;

/** A text as tokens are cut from it: lowercased, accents and apostrophes folded, phrase rules applied. */
export function foldText(text: string): string {
  let folded = text.toLowerCase();
  // ASCII has nothing to decompose and no combining marks; most passages are ASCII, and the tests are one scan.
  if (NON_ASCII.test(folded)) folded = folded.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (APOSTROPHE.test(folded)) folded = folded.replace(/['’]s\b/g, '').replace(/['’]/g, '');
  let stamp = markTrigrams(folded);
  for (let r = 0; r < PHRASE_RULES.length; r++) {
    const { needles, alsoNeedles } = RULE_NEEDLES[r] as RuleNeedles;
    if (!mayContainAny(folded, stamp, needles) || (alsoNeedles && !mayContainAny(folded, stamp, alsoNeedles))) continue;
    const [pattern, replacement] = PHRASE_RULES[r] as (typeof PHRASE_RULES)[number];
    const next = folded.replace(pattern, replacement);
    if (next !== folded) {
      folded = next;
      stamp = markTrigrams(folded);
    }
  }
  return folded;
}

// Phrase-rule prechecks. Seventy substring searches per passage cost more than the rules they skip, so each text first
// marks the trigrams it has (one pass over its characters, into a table stamped per text instead of cleared); a needle
// is searched for only when all its trigrams are there. Letters and digits are told apart, every other character is one
// symbol, so a trigram test never rules out a needle the text contains.
const SYMBOLS = 37;
const trigramSeen = new Int32Array(SYMBOLS ** 3);
let trigramStamp = 0;

function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 21;
  return 0;
}

/** Marks the trigrams of `text` with a fresh stamp and returns it. */
function markTrigrams(text: string): number {
  if (trigramStamp >= 2 ** 30) {
    trigramSeen.fill(0);
    trigramStamp = 0;
  }
  const stamp = ++trigramStamp;
  if (text.length < 3) return stamp;
  let a = symbolOf(text.charCodeAt(0));
  let b = symbolOf(text.charCodeAt(1));
  for (let i = 2; i < text.length; i++) {
    const c = symbolOf(text.charCodeAt(i));
    trigramSeen[(a * SYMBOLS + b) * SYMBOLS + c] = stamp;
    a = b;
    b = c;
  }
  return stamp;
}

/** A phrase rule's needle and its trigrams (none for needles under three characters, which are searched directly). */
interface Needle {
  text: string;
  trigrams: readonly number[];
}

/** A phrase rule's needles, as PHRASE_RULES gives them. */
interface RuleNeedles {
  needles: readonly Needle[];
  alsoNeedles: readonly Needle[] | null;
}

function needlesOf(texts: readonly string[]): Needle[] {
  return texts.map((text) => {
    const trigrams: number[] = [];
    for (let i = 2; i < text.length; i++) {
      trigrams.push((symbolOf(text.charCodeAt(i - 2)) * SYMBOLS + symbolOf(text.charCodeAt(i - 1))) * SYMBOLS + symbolOf(text.charCodeAt(i)));
    }
    return { text, trigrams };
  });
}

const RULE_NEEDLES: readonly RuleNeedles[] = PHRASE_RULES.map(([, , needles, alsoNeedles]) => ({
  needles: needlesOf(needles),
  alsoNeedles: alsoNeedles ? needlesOf(alsoNeedles) : null,
}));

/** Whether `text` (whose trigrams carry `stamp`) contains any of `needles`: a phrase rule's precheck. */
function mayContainAny(text: string, stamp: number, needles: readonly Needle[]): boolean {
  search: for (const needle of needles) {
    for (const trigram of needle.trigrams) if (trigramSeen[trigram] !== stamp) continue search;
    if (text.includes(needle.text)) return true;
  }
  return false;
}

const stemCache = new Map<string, string>();
/** Members type words without end, so the cache starts over at this size instead of growing for the bot's lifetime. */
const STEM_CACHE_LIMIT = 50_000;

/** The index term for one raw token: null for stop words, numbers and single letters; otherwise canonical + stemmed. */
export function termFor(token: string): string | null {
  if (token.length < 2 || STOP_WORDS.has(token) || /^\d+$/.test(token)) return null;
  const cached = stemCache.get(token);
  if (cached !== undefined) return cached;
  const term = stemmer(canonicalWord(token));
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(token, term);
  return term;
}

/**
 * termFor without the cache, for callers that see each distinct token once already (the typo vocabulary): at 10,000
 * passages that is 100,000 tokens, which would only churn the cache kept for questions' words.
 */
export function uncachedTermFor(token: string): string | null {
  if (token.length < 2 || STOP_WORDS.has(token) || /^\d+$/.test(token)) return null;
  return stemmer(canonicalWord(token));
}

/** The index terms of a text, in order (duplicates kept, so callers can count frequencies). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of rawTokens(text)) {
    const term = termFor(token);
    if (term) terms.push(term);
  }
  return terms;
}

// Three rolling rows reused by every call (grown when a longer word comes): typo repair compares a question word with
// thousands of library words at 100,000 passages, and a fresh table per comparison made that slow.
let before2 = new Int32Array(32);
let before1 = new Int32Array(32);
let current = new Int32Array(32);

/** Damerau-style edit distance (adjacent swaps count once) with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > current.length) {
    before2 = new Int32Array(b.length + 1);
    before1 = new Int32Array(b.length + 1);
    current = new Int32Array(b.length + 1);
  }
  // before1 is row i-1, before2 row i-2, current row i.
  for (let j = 0; j <= b.length; j++) before1[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((before1[j] as number) + 1, (current[j - 1] as number) + 1, (before1[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before2[j - 2] as number) + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    [before2, before1, current] = [before1, current, before2];
  }
  return before1[b.length] as number;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoBudget(word: string): number {
  // Short real words sit one letter from other real words ("brand"/"band"), so only longer words are repaired.
  if (word.length >= 9) return 2;
  if (word.length >= 6) return 1;
  return 0;
}

/** Splits passage text into sentences; each sentence is an exact slice of the text, so it can be quoted verbatim. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  // A boundary is end punctuation, then space, then something that starts a sentence; "e.g. whey" and "1.6" do not split.
  const boundary = /(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index ?? 0;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end + match[0].length;
  }
  const last = text.slice(start).trim();
  if (last) sentences.push(last);
  return sentences;
}

// Discord mention markup: @everyone/@here, <@user>, <@!user>, <@&role>, <#channel>.
const MENTION_MARKUP = /@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>/g;

/** Removes mention markup a member pasted into a question, so it neither pings anyone nor skews retrieval. */
export function stripMentions(text: string): string {
  return text.replace(MENTION_MARKUP, ' ').replace(/\s+/g, ' ').trim();
}
