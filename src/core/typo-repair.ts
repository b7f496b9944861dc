/**
 * Typo repair against the library's vocabulary, shared by question analysis and retrieval: a word the library does not
 * know is replaced by the nearest word it does ("protien" → "protein", "straigt" → "straight"), or by the filler word it
 * misspells ("corectly"), which then weighs nothing.
 */
import type { Library } from './library.ts';
import { synonymWords } from './synonyms.ts';
import { STOP_WORDS, analyze, editDistance, foldText, isWordCode, rawTokens, termFor, typoBudget, uncachedTermFor } from './text-analysis.ts';

/** Words this long or longer may have two neighbouring letters swapped back; longer ones get an edit budget too. */
const SWAP_FROM = 4;

/** Repairs the typos of a text against one library. */
export interface TypoRepairer {
  /** The text with each unknown word of six letters or more replaced by its nearest known word, if any is close enough. */
  repairText(text: string): string;
}

/**
 * The words a repairer knows, gathered token by token, so a caller that already tokenises every passage (the
 * retriever's one analysis pass) feeds it from that pass instead of tokenising the library again. Each distinct
 * token gets an id and its index term once, so the pass looks a token up once however often it occurs.
 *
 * Tokens are interned in an open-addressing table keyed by a hash of their characters, so addText() finds a token
 * already seen straight from the folded text: at 10,000 passages that is 700,000 substrings never made and 800,000
 * Map lookups saved, which were most of the index build.
 */
export class TypoVocabulary {
  /**
   * Two entries per slot: a token id + 1 (0: empty) and the token's hash, side by side so a probe reads one cache line
   * before it compares characters. Kept at most half full.
   */
  private slots = new Int32Array(2 * 1024);
  private readonly tokens: string[] = [];
  private readonly terms: (string | null)[] = [];
  private readonly counts: number[] = [];
  private readonly known = new Set<string>();

  /** Counts one raw token of the library's text; returns its id (the same for every occurrence). */
  add(token: string): number {
    let hash = HASH_SEED;
    for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), HASH_PRIME);
    return this.intern(token, 0, token.length, hash & SMALL_INTEGER);
  }

  /**
   * Tokenises `text` exactly as tokenize() does and counts each token; `ids` is cleared and filled with the tokens'
   * ids in order (callers reuse one array).
   */
  addText(text: string, ids: number[]): void {
    ids.length = 0;
    const folded = foldText(text);
    let start = -1;
    let hash = HASH_SEED;
    for (let i = 0; i <= folded.length; i++) {
      const code = i < folded.length ? folded.charCodeAt(i) : -1;
      if (isWordCode(code)) {
        if (start < 0) {
          start = i;
          hash = HASH_SEED;
        }
        hash = Math.imul(hash ^ code, HASH_PRIME);
      } else if (start >= 0) {
        ids.push(this.intern(folded, start, i, hash & SMALL_INTEGER));
        start = -1;
      }
    }
  }

  /** The id of text[start, end) (hashed to `hash`), counted once more; a new id for a token not seen before. */
  private intern(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[2 * slot] as number;
      if (entry === 0) break;
      const id = entry - 1;
      if (slots[2 * slot + 1] === hash && sameChars(this.tokens[id] as string, text, start, length)) {
        (this.counts[id] as number)++;
        return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.tokens.length;
    const token = text.slice(start, end);
    slots[2 * slot] = id + 1;
    slots[2 * slot + 1] = hash;
    this.tokens.push(token);
    const term = uncachedTermFor(token);
    this.terms.push(term);
    this.counts.push(1);
    if (term) this.known.add(term);
    if (this.tokens.length * 4 > this.slots.length) this.grow();
    return id;
  }

  /** Doubles the table, placing every entry again by its kept hash. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue;
      const hash = old[from + 1] as number;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[from] as number;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }

  /** How many distinct tokens it holds (ids run from 0 to size - 1). */
  get size(): number {
    return this.tokens.length;
  }

  /** The index term of a token id (null for stop words, numbers and single letters). */
  termOf(id: number): string | null {
    return this.terms[id] ?? null;
  }

  /** The index terms of a document title (known, but not counted as words). */
  addTitle(terms: readonly string[]): void {
    for (const term of terms) this.known.add(term);
  }

  /** The repairer over these words, members' slang from the synonym map and the longer filler words. */
  build(): TypoRepairer {
    return repairerOver(this.known, new Map(this.tokens.map((token, id) => [token, this.counts[id] as number])));
  }
}

/** Builds a repairer over the library's words, its titles, members' slang from the synonym map and the longer filler words. */
export function createTypoRepairer(library: Pick<Library, 'documents' | 'passages'>): TypoRepairer {
  const vocabulary = new TypoVocabulary();
  for (const passage of library.passages) {
    // Heading and text apart, as the retriever's analysis pass feeds it, so either way gives the same repairer.
    for (const text of [passage.heading, passage.text]) for (const token of rawTokens(text)) vocabulary.add(token);
  }
  for (const document of library.documents) vocabulary.addTitle(analyze(document.title));
  return vocabulary.build();
}

/**
 * FNV-1a over UTF-16 code units, seeded below 2^30 so the start value is a small integer too: cheap, and spreads short
 * words well enough for linear probing.
 */
const HASH_SEED = 0x011c9dc5;
const HASH_PRIME = 0x01000193;
/** Hashes are cut to 30 bits, which V8 keeps as small integers: a full 32-bit hash is boxed on every call. */
const SMALL_INTEGER = 0x3fffffff;

/** Whether `token` equals text[start, start + length). */
function sameChars(token: string, text: string, start: number, length: number): boolean {
  if (token.length !== length) return false;
  for (let i = 0; i < length; i++) if (token.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function repairerOver(known: ReadonlySet<string>, wordCounts: Map<string, number>): TypoRepairer {
  const count = (word: string) => wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
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

/** The repairer of a library, built once per library value (by `build`, when the caller has the words already). */
export function typoRepairerFor(library: Library, build: () => TypoRepairer = () => createTypoRepairer(library)): TypoRepairer {
  let repairer = repairers.get(library);
  if (!repairer) {
    repairer = build();
    repairers.set(library, repairer);
  }
  return repairer;
}
