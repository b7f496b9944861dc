/** The tip of the day: one sentence quoted verbatim from a trusted library passage, chosen from the day alone. */
import type { Library, Passage } from './library.ts';
import type { Group } from './plan-types.ts';
import { splitSentences } from './text-analysis.ts';

/** A quoted, cited sentence. */
export interface DailyTip {
  /** The sentence exactly as it appears in the passage text. */
  quote: string;
  passageId: string;
  heading: string;
  /** The source article's title, shown to members. */
  sourceTitle: string;
}

/** Shortest and longest sentence worth quoting on its own. */
const MIN_QUOTE = 40;
const MAX_QUOTE = 260;

// Documents name their groups in topics; the stems also catch "glute" and "leg" spellings.
const GROUP_STEMS: Record<Group, string[]> = {
  legs: ['legs', 'leg', 'quads', 'hamstrings'],
  glutes: ['glutes', 'glute'],
  back: ['back', 'lats'],
};

/** Splits passage text into sentences, keeping each sentence's exact characters: the answerer's splitter, so tips and answers quote alike. */
export const sentencesOf: (text: string) => string[] = splitSentences;

function quotable(sentence: string): boolean {
  return sentence.length >= MIN_QUOTE && sentence.length <= MAX_QUOTE && /[.!]$/.test(sentence) && !sentence.endsWith(':');
}

/** A document about the group itself (leg-training for legs). */
function aboutGroup(passage: Passage, group: Group): boolean {
  return GROUP_STEMS[group].some((stem) => passage.docId.startsWith(stem));
}

/** A document that lists the group among its topics (leg training also covers glutes). */
function touchesGroup(passage: Passage, group: Group): boolean {
  return passage.topics.some((topic) => GROUP_STEMS[group].includes(topic.toLowerCase()));
}

/** Trusted passages only: high reliability and not contradicted elsewhere, so the tip never needs a caveat. */
function trusted(passage: Passage): boolean {
  return passage.reliability === 'high' && passage.disputedBy.length === 0;
}

function candidates(passages: readonly Passage[]): DailyTip[] {
  return passages.flatMap((passage) =>
    sentencesOf(passage.text)
      .filter(quotable)
      .map((quote) => ({ quote, passageId: passage.id, heading: passage.heading, sourceTitle: passage.sourceTitle })),
  );
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A step through the pool that visits every entry once before repeating, without walking neighbours in order. */
function strideFor(length: number): number {
  for (let step = Math.max(1, Math.floor(length / 3) + 1); step < length; step += 1) {
    if (gcd(step, length) === 1) return step;
  }
  return 1;
}

/** The `cycle`-th tip of a pool, walked with a fixed stride so tips do not repeat until the pool is used up. */
function walk(pool: readonly DailyTip[], cycle: number): DailyTip | undefined {
  if (pool.length === 0) return undefined;
  const index = (((cycle * strideFor(pool.length)) % pool.length) + pool.length) % pool.length;
  return pool[index];
}

/**
 * The recovery tip for the `cycle`-th rest day: a trusted sentence from the given passages (the rules' rest-day
 * sources), walked like the group tips. Undefined when none of them is trusted and quotable.
 */
export function recoveryTip(library: Library, passageIds: readonly string[], cycle: number): DailyTip | undefined {
  const passages = passageIds.flatMap((id) => {
    const passage = library.byId.get(id);
    return passage && trusted(passage) ? [passage] : [];
  });
  return walk(candidates(passages), cycle);
}

/**
 * The tip for the `cycle`-th time the rotation reaches this group: trusted passages of a document
 * about the group first, then of documents touching it, then any trusted passage, walked with a fixed stride so a
 * group's tips do not repeat until the pool is used up. Undefined only for an empty library.
 */
export function dailyTip(library: Library, group: Group, cycle: number): DailyTip | undefined {
  const trustedPassages = library.passages.filter(trusted);
  let pool = candidates(trustedPassages.filter((passage) => aboutGroup(passage, group)));
  if (pool.length === 0) pool = candidates(trustedPassages.filter((passage) => touchesGroup(passage, group)));
  if (pool.length === 0) pool = candidates(trustedPassages);
  return walk(pool, cycle);
}
