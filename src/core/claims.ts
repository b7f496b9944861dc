/**
 * Recorded verdicts on claims members ask about (knowledge/claims.yaml). A verdict is the only generated sentence an
 * answer may open with, so it comes from the library, never from the answerer; the sentence that carries its reason
 * is quoted, cited, right after it.
 */
import { z } from 'zod';
import { passageIdSchema } from './library.ts';
import { STOP_WORDS, analyze, rawTokens } from './text-analysis.ts';

/** One reason for a verdict: a sentence quoted word for word from a passage. */
export const claimReasonSchema = z.object({
  passage: passageIdSchema,
  /** A whole sentence of the passage, exactly as written there. */
  sentence: z.string().min(1),
});

/** One recorded claim and its verdict. */
export const claimSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes'),
  /** The claim in a member's terms. */
  claim: z.string().min(1),
  /**
   * How members put it: groups of words or phrases; a yes/no question names the claim when it uses one entry of every
   * group. Entries go through the same analysis as questions (synonyms, stemming), so "booty" matches "glute"; an
   * entry holding a filler word ("bad form", "on my own") is matched as a phrase, word for word.
   */
  asks: z.array(z.array(z.string().min(1)).min(1)).min(1),
  /** The verdict, opening the answer: one sentence in the library's own words. */
  verdict: z.string().min(1).max(200),
  /** The sentences that carry the verdict's reason; the one about the asked muscle group is quoted first. */
  because: z.array(claimReasonSchema).min(1),
  /** Passages that back the claim as asked (often the promotional source). @default [] */
  supports: z.array(passageIdSchema).default([]),
  /** Passages that dispute the claim as asked. @default [] */
  disputes: z.array(passageIdSchema).default([]),
});

/** The claims file. */
export const claimsFileSchema = z.object({ claims: z.array(claimSchema) });

/** A recorded claim after validation. */
export type Claim = z.infer<typeof claimSchema>;

/** One entry of an `asks` group, analysed: its index terms, or its raw words when it is all filler ("after", "most"). */
interface AskEntry {
  terms: string[];
  /** The entry's words when it holds a filler word: then it is matched as a phrase, word for word ("bad form"). */
  phrase: string[] | null;
}

const compiled = new WeakMap<Claim, AskEntry[][]>();

function entriesOf(claim: Claim): AskEntry[][] {
  let groups = compiled.get(claim);
  if (!groups) {
    groups = claim.asks.map((group) =>
      group.map((entry) => {
        const words = rawTokens(entry);
        return { terms: analyze(entry), phrase: words.some((word) => STOP_WORDS.has(word)) ? words : null };
      }),
    );
    compiled.set(claim, groups);
  }
  return groups;
}

/** The words of a question, as claim matching sees them. */
export interface ClaimQuery {
  terms: ReadonlySet<string>;
  /** The question's words in order, space-separated with a space at each end, for phrase matching. */
  text: string;
  /** The member states a figure of their own ("is 5 hours fine", "six sets enough?"). */
  ownFigure: boolean;
}

/** A measure a member gives of their own: a number (digits or a word up to twenty) with its unit ("5 hours", "six sets"). */
const OWN_FIGURE =
  /\b\d+\s*x\s*\d+\b|(?:\b|(?<=\d))(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*-?\s*(?:hours?|hrs?|h|reps?|sets?|minutes?|mins?|seconds?|secs?|s|g|grams?|kgs?|kilos?|lbs?|pounds?|days?|times?|x|sessions?|nights?|weeks?|litres?|liters?|l|cups?|%)(?=\W|$)/i;

/** Analyses a question once for matching against every claim. */
export function claimQuery(question: string): ClaimQuery {
  return { terms: new Set(analyze(question)), text: ` ${rawTokens(question).join(' ')} `, ownFigure: OWN_FIGURE.test(question) };
}

/** How specifically an entry matches: the number of words it matched, 0 when it does not. */
function entryScore(entry: AskEntry, query: ClaimQuery): number {
  if (entry.phrase) return entry.phrase.length > 0 && query.text.includes(` ${entry.phrase.join(' ')} `) ? entry.phrase.length : 0;
  return entry.terms.length > 0 && entry.terms.every((term) => query.terms.has(term)) ? entry.terms.length : 0;
}

/**
 * The recorded claim a yes/no question asks about: every `asks` group must be named. The claim whose matched entries
 * name the most words wins ("growth hormone" beats "growth"), then the one with more groups, then the one listed first.
 * A question about the member's own figure ("is 5 hours of sleep fine?") matches none: no recorded verdict judges a
 * figure, and "Yes — sleep matters" would answer a different question; the answer opens with the library's figure.
 */
export function matchClaim(query: ClaimQuery, claims: readonly Claim[]): Claim | undefined {
  if (query.ownFigure) return undefined;
  let best: Claim | undefined;
  let bestScore = 0;
  let bestGroups = 0;
  for (const claim of claims) {
    const groups = entriesOf(claim);
    let score = 0;
    for (const group of groups) {
      const matched = Math.max(0, ...group.map((entry) => entryScore(entry, query)));
      if (matched === 0) {
        score = 0;
        break;
      }
      score += matched;
    }
    if (score > bestScore || (score === bestScore && score > 0 && groups.length > bestGroups)) {
      best = claim;
      bestScore = score;
      bestGroups = groups.length;
    }
  }
  return best;
}
