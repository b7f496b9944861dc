/**
 * Typo repair against the library's vocabulary, shared by question analysis and retrieval: a word the library does not
 * know is replaced by the nearest word it does ("protien" → "protein", "straigt" → "straight"), or by the filler word it
 * misspells ("corectly"), which then weighs nothing.
 */
import type { Library } from './library.ts';
import { synonymWords } from './synonyms.ts';
import { STOP_WORDS, analyze, editDistance, rawTokens, termFor, typoBudget } from './text-analysis.ts';

/** Words this long or longer may have two neighbouring letters swapped back; longer ones get an edit budget too. */
const SWAP_FROM = 4;

/** Repairs the typos of a text against one library. */
export interface TypoRepairer {
  /** The text with each unknown word of six letters or more replaced by its nearest known word, if any is close enough. */
  repairText(text: string): string;
}

/** Builds a repairer over the library's words, its titles, members' slang from the synonym map and the longer filler words. */
export function createTypoRepairer(library: Pick<Library, 'documents' | 'passages'>): TypoRepairer {
  const known = new Set<string>();
  const wordCounts = new Map<string, number>();
  const count = (word: string) => wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  for (const passage of library.passages) {
    for (const token of rawTokens(`${passage.heading} ${passage.text}`)) {
      count(token);
      const term = termFor(token);
      if (term) known.add(term);
    }
  }
  for (const document of library.documents) for (const term of analyze(document.title)) known.add(term);
  for (const word of synonymWords()) count(word);
  for (const word of STOP_WORDS) if (typoBudget(word) > 0) count(word);
  // Bucketed by first letter and length: a word is compared only with words that could be within its budget.
  const buckets = new Map<string, string[]>();
  for (const word of wordCounts.keys()) {
    if (word.length < 3 || /^\d+$/.test(word)) continue;
    const key = `${word[0]}${word.length}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(word);
    else buckets.set(key, [word]);
  }

  /** Two neighbouring letters swapped ("rnage" → "range"): the commonest typo, and one that rarely makes another word. */
  const unswap = (token: string): string | null => {
    for (let i = 0; i + 1 < token.length; i++) {
      const swapped = `${token.slice(0, i)}${token[i + 1]}${token[i]}${token.slice(i + 2)}`;
      if (swapped !== token && wordCounts.has(swapped)) return swapped;
    }
    return null;
  };

  const repairWord = (token: string): string | null => {
    const budget = typoBudget(token);
    if (budget === 0) return token.length >= SWAP_FROM ? unswap(token) : null;
    let best: string | null = null;
    let bestDistance = budget + 1;
    const nearby: string[] = [];
    for (let length = token.length - budget; length <= token.length + budget; length++) nearby.push(...(buckets.get(`${token[0]}${length}`) ?? []));
    for (const word of nearby) {
      const distance = editDistance(token, word, budget);
      if (distance < bestDistance || (distance === bestDistance && best && (wordCounts.get(word) ?? 0) > (wordCounts.get(best) ?? 0))) {
        best = word;
        bestDistance = distance;
      }
    }
    return best;
  };

  return {
    repairText: (text) =>
      text.replace(/[A-Za-z]+/g, (word) => {
        const lower = word.toLowerCase();
        if (lower.length < SWAP_FROM || STOP_WORDS.has(lower) || wordCounts.has(lower)) return word;
        const term = termFor(lower);
        return term && known.has(term) ? word : (repairWord(lower) ?? word);
      }),
  };
}

const repairers = new WeakMap<object, TypoRepairer>();

/** The repairer of a library, built once per library value. */
export function typoRepairerFor(library: Library): TypoRepairer {
  let repairer = repairers.get(library);
  if (!repairer) {
    repairer = createTypoRepairer(library);
    repairers.set(library, repairer);
  }
  return repairer;
}
