/**
 * "Is 5 hours of sleep fine?", "are 3 sets enough?", "is 2 minutes rest too long for a pump?": a yes/no question
 * about one amount, answered against the range the library gives for it. Pure: the question's words and the
 * sentences the answer quotes go in; a verdict (yes or no, and where the amount sits against the range) comes out,
 * or nothing when the question names no single amount, asks no judgement, or no quoted sentence has a range of
 * the same kind.
 */

/** What a range or an amount counts: time (in seconds), sets or reps. */
export type AmountKind = 'time' | 'sets' | 'reps';

/** The one amount a question asks about, in the member's own words. */
export interface AskedAmount {
  kind: AmountKind;
  /** In seconds for time. */
  value: number;
  /** As the member said it, the unit spelled out ("5 hours", "45 seconds" for "45 sec"). */
  words: string;
  /** What the amount is of, for time: sleep, rest, a warm-up… (a range counts only when it is about one of them). */
  subjects: string[];
}

/** A range a sentence gives ("7–9 hours"), as written. */
export interface StatedRange {
  kind: AmountKind;
  min: number;
  /** Infinity for an open range ("12–25+ reps", "25 or more"). */
  max: number;
  words: string;
}

/** What the member asks of the amount. */
export type Judgement = 'enough' | 'too-much' | 'too-little' | 'fine' | 'bad';

/** Where the amount sits against the range. */
export type Relation = 'below' | 'within' | 'above';

export interface AmountVerdict {
  yes: boolean;
  relation: Relation;
  amount: AskedAmount;
  range: StatedRange;
}

/** A unit as members write it: what it counts, its size (seconds for time) and its name spelled out. */
interface Unit {
  pattern: RegExp;
  kind: AmountKind;
  size: number;
  name: string;
}
const UNITS: readonly Unit[] = [
  { pattern: /^(?:s|secs?|seconds?)$/, kind: 'time', size: 1, name: 'second' },
  { pattern: /^(?:mins?|minutes?)$/, kind: 'time', size: 60, name: 'minute' },
  { pattern: /^(?:h|hrs?|hours?)$/, kind: 'time', size: 3600, name: 'hour' },
  { pattern: /^sets?$/, kind: 'sets', size: 1, name: 'set' },
  { pattern: /^reps?$/, kind: 'reps', size: 1, name: 'rep' },
];
const UNIT = String.raw`(s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|sets?|reps?)`;
const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90 };
const NUMBER = String.raw`(\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
/** "5 hours", "2 min", "90s", "an hour", "a minute". */
const ASKED = new RegExp(String.raw`\b(?:${NUMBER}\s*${UNIT}|(an?)\s+(hour|minute))\b`, 'g');
const NUMBERS = new RegExp(NUMBER.replace('(', '\\b(?:') + '\\b', 'g');
/** "7–9 hours", "30 to 90 seconds", "12–25+ reps", "12–25 or more reps", "a 10–15 minute warm-up". */
const RANGE = new RegExp(String.raw`\b(\d+(?:\.\d+)?)\s*(?:–|—|-|to)\s*(\d+(?:\.\d+)?)(\+)?\s*(or more\s+)?${UNIT}\b`, 'g');

/** Amounts compared with something else ("less than", "at least") are not the amount itself: no verdict. */
const COMPARED = /\b(?:less|more|fewer|over|under|above|below|at least|at most|than)\b/;
const TOO_LITTLE = /\btoo (?:little|few|short|low)\b|\bnot enough\b|\binsufficient\b/;
const TOO_MUCH = /\btoo (?:much|many|long|high|often)\b|\boverkill\b|\bexcessive\b|\boverdoing\b/;
const ENOUGH = /\benough\b|\bsufficient\b/;
const BAD = /\b(?:bad|harmful|a problem|an issue)\b/;
const FINE = /\b(?:fine|ok|okay|good|alright|right|optimal|ideal|normal|acceptable|decent|legit|solid|reasonable)\b/;

const unitOf = (word: string): Unit | undefined => UNITS.find((unit) => unit.pattern.test(word));
const numberOf = (text: string): number => NUMBER_WORDS[text] ?? Number(text);

/**
 * What a length of time can be of. "Is 2 hours of training too much?" is not answered by the 7–9 hours of sleep, nor
 * "is a 60 minute workout too long?" by a 5–10 minute cool-down: a time range counts only near a subject the
 * question names.
 */
const TIME_SUBJECTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['sleep', /\b(?:sleep\w*|naps?)\b/],
  ['rest', /\b(?:rest|rests|resting|rested|breaks?)\b/],
  ['warm-up', /\bwarm[\s-]?ups?\b/],
  ['cool-down', /\bcool[\s-]?downs?\b/],
  ['cardio', /\bcardio\b/],
  ['session', /\b(?:workouts?|sessions?|training|gym)\b/],
];
/** How far (in characters) from a time range its subject may stand. */
const SUBJECT_REACH = 60;

function subjectsIn(text: string): string[] {
  return TIME_SUBJECTS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** The subject patterns for scanning a whole sentence (global copies, made once). */
const TIME_SUBJECTS_ALL = TIME_SUBJECTS.map(([name, pattern]) => [name, new RegExp(pattern.source, 'g')] as const);

/** The subject named closest to the text between `from` and `to` (within SUBJECT_REACH), if any. */
function nearestSubject(text: string, from: number, to: number): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const [name, pattern] of TIME_SUBJECTS_ALL) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const distance = end <= from ? from - end : start >= to ? start - to : 0;
      if (distance <= SUBJECT_REACH && (!best || distance < best.distance)) best = { name, distance };
    }
  }
  return best?.name;
}

/** The single amount a question names, or undefined when it names none or several. */
export function askedAmount(question: string): AskedAmount | undefined {
  const text = question.toLowerCase();
  const found = [...text.matchAll(ASKED)];
  // "8 hours or is 7 enough": two numbers, so which one is asked about is not certain.
  if (found.length !== 1 || (text.match(NUMBERS) ?? []).length > 1) return undefined;
  const [match] = found as [RegExpMatchArray];
  const [words, number, unitWord, article, articleUnit] = match;
  const unit = unitOf((unitWord ?? articleUnit) as string);
  if (!unit) return undefined;
  const value = article ? 1 : numberOf(number as string);
  if (!Number.isFinite(value)) return undefined;
  const said = article ? `${article} ${unit.name}` : `${number} ${value === 1 ? unit.name : `${unit.name}s`}`;
  return { kind: unit.kind, value: value * unit.size, words: said, subjects: subjectsIn(text.replace(words, ' ')) };
}

/** What the question asks of its amount, or undefined when it asks no judgement (or compares it). */
export function judgementOf(question: string): Judgement | undefined {
  const text = question.toLowerCase();
  if (COMPARED.test(text)) return undefined;
  if (TOO_LITTLE.test(text)) return 'too-little';
  if (TOO_MUCH.test(text)) return 'too-much';
  if (ENOUGH.test(text)) return 'enough';
  if (FINE.test(text)) return 'fine';
  if (BAD.test(text)) return 'bad';
  return undefined;
}

/**
 * The first range of `kind` a sentence states; for time, only one about one of `subjects` (named within
 * SUBJECT_REACH characters of it) and not a timing ("1–2 hours before a workout").
 */
export function rangeIn(sentence: string, kind: AmountKind, subjects: readonly string[] = []): StatedRange | undefined {
  const lower = sentence.toLowerCase();
  for (const match of sentence.matchAll(RANGE)) {
    const [words, low, high, plus, orMore, unitWord] = match;
    const unit = unitOf((unitWord as string).toLowerCase());
    if (!unit || unit.kind !== kind) continue;
    if (kind === 'time') {
      const at = match.index ?? 0;
      if (/^\s*(?:before|after|prior)\b/.test(lower.slice(at + words.length))) continue;
      const subject = nearestSubject(lower, at, at + words.length);
      if (!subject || !subjects.includes(subject)) continue;
    }
    const min = Number(low) * unit.size;
    const max = plus || orMore ? Number.POSITIVE_INFINITY : Number(high) * unit.size;
    if (min <= max) return { kind, min, max, words };
  }
  return undefined;
}

/** Whether the answer to "is it <judgement>?" is yes, for an amount `relation` the range. */
function answersYes(judgement: Judgement, relation: Relation): boolean {
  switch (judgement) {
    case 'enough':
      return relation !== 'below';
    case 'too-much':
      return relation === 'above';
    case 'too-little':
      return relation === 'below';
    case 'fine':
      return relation === 'within';
    case 'bad':
      return relation !== 'within';
  }
}

/**
 * The verdict on the question's amount against the first sentence (in the order given) with a range of the same
 * kind (and, for time, the same subject); undefined when there is no single amount, no judgement asked, no such
 * range, or when the two best ranges place the amount differently (the library gives alternatives: no verdict).
 */
export function amountVerdict(question: string, sentences: readonly string[]): (AmountVerdict & { sentence: string }) | undefined {
  const judgement = judgementOf(question);
  const amount = judgement ? askedAmount(question) : undefined;
  if (!judgement || !amount || (amount.kind === 'time' && amount.subjects.length === 0)) return undefined;
  const found = sentences.flatMap((sentence) => {
    const range = rangeIn(sentence, amount.kind, amount.subjects);
    if (!range) return [];
    const relation: Relation = amount.value < range.min ? 'below' : amount.value > range.max ? 'above' : 'within';
    return [{ sentence, range, relation }];
  });
  // The best two ranges must agree: when the top sentences give alternatives (12–20 reps for most exercises, 20–30 for
  // some), the member gets them, not a verdict on one.
  const [first, second] = found;
  if (!first || (second && second.relation !== first.relation)) return undefined;
  return { yes: answersYes(judgement, first.relation), relation: first.relation, amount, range: first.range, sentence: first.sentence };
}
