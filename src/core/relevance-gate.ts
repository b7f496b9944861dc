/** The relevance gate: decides whether the library covers a question at all, so off-topic questions abstain honestly. */
import type { Passage } from './library.ts';

/** A retrieved passage with its retrieval score (higher is better). */
export interface ScoredPassage {
  passage: Passage;
  score: number;
}

/** One analysed query term and what the index knows about it. */
export interface QueryTerm {
  /** The index term (canonical, stemmed). */
  term: string;
  /** Whether any passage contains the term. */
  known: boolean;
  /** Inverse document frequency; unknown terms get the library's maximum, as they are the most specific words asked. */
  idf: number;
}

/** Tunable thresholds of the gate. */
export interface GateThresholds {
  /**
   * Largest share of the question's weight (sum of idf) that may fall on words the library never uses. "How much
   * creatine per day?" puts most of its weight on "creatine", which the library never mentions.
   * @default 0.5
   */
  maxUnknownShare: number;
  /**
   * Smallest share of the question's weight the best passage must match; a question whose words are scattered over
   * unrelated passages is not answered by any of them.
   * @default 0.2
   */
  minBestCoverage: number;
}

/** The shipped gate thresholds. */
export const DEFAULT_GATE: GateThresholds = { maxUnknownShare: 0.5, minBestCoverage: 0.2 };

/**
 * Why a question was judged covered or not (shown by `coach search --json` tooling and used in tests).
 * `uncovered-subject`: the question names a subject the library never makes its own (creatine, chest training).
 */
export type GateVerdict =
  | { covered: true }
  | { covered: false; reason: 'no-topic-words' | 'unknown-subject' | 'weak-match' | 'uncovered-subject' };

/** Inverse document frequency as BM25 uses it; never negative. */
export function idf(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Judges coverage from the query's terms and the share of their weight the best passage matches.
 * `bestMatched` is the set of query terms found in the best-ranked passage.
 */
export function judgeCoverage(
  terms: QueryTerm[],
  bestMatched: ReadonlySet<string>,
  thresholds: GateThresholds = DEFAULT_GATE,
): GateVerdict {
  const unique = [...new Map(terms.map((t) => [t.term, t])).values()];
  if (!unique.some((t) => t.known)) return { covered: false, reason: unique.length ? 'unknown-subject' : 'no-topic-words' };
  const total = unique.reduce((sum, t) => sum + t.idf, 0);
  const unknown = unique.filter((t) => !t.known).reduce((sum, t) => sum + t.idf, 0);
  if (unknown / total > thresholds.maxUnknownShare) return { covered: false, reason: 'unknown-subject' };
  const matched = unique.filter((t) => bestMatched.has(t.term)).reduce((sum, t) => sum + t.idf, 0);
  if (matched / total < thresholds.minBestCoverage) return { covered: false, reason: 'weak-match' };
  return { covered: true };
}

/** Document frequencies of index terms over a set of passages (heading and text together). */
export interface TermStats {
  documentCount: number;
  documentFrequency: ReadonlyMap<string, number>;
}

/** Term statistics plus each passage's own term set, from one analysis pass. */
export interface PassageTermStats extends TermStats {
  /** Passage id → the index terms it uses. */
  passageTerms: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The one term-statistics pass: every passage analysed once (`analyzeText` is the shared analyser). */
export function termStats(passages: readonly Passage[], analyzeText: (text: string) => string[]): PassageTermStats {
  const documentFrequency = new Map<string, number>();
  const passageTerms = new Map<string, Set<string>>();
  for (const passage of passages) {
    // Heading and text apart, as the retriever's index sees them, so either way gives the same statistics.
    const terms = new Set([...analyzeText(passage.heading), ...analyzeText(passage.text)]);
    passageTerms.set(passage.id, terms);
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  return { documentCount: passages.length, documentFrequency, passageTerms };
}

const statsByLibrary = new WeakMap<object, TermStats>();

/**
 * The term statistics of a library, worked out once per library value: by `build` when the caller has analysed the
 * passages already (the retriever's one pass), else by analysing them here.
 */
export function libraryTermStats(library: { passages: readonly Passage[] }, analyzeText: (text: string) => string[], build = (): TermStats => termStats(library.passages, analyzeText)): TermStats {
  let stats = statsByLibrary.get(library);
  if (!stats) {
    stats = build();
    statsByLibrary.set(library, stats);
  }
  return stats;
}

/** The idf of a term under these stats; unknown terms get the maximum (df 0). */
export function termIdf(stats: TermStats, term: string): number {
  return idf(stats.documentFrequency.get(term) ?? 0, stats.documentCount);
}
