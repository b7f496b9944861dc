/**
 * Retrieval over the coaching library: BM25+ scored as minisearch scores it (core/passage-index.ts), with stemming,
 * stop words, synonyms, typo repair and a relevance gate. The module keeps its name from the minisearch index it
 * replaced; `npm run bench retrieval` compares the two on the same passages.
 */
import type { Library, Passage } from '../../core/library.ts';
import { PassageIndex, type IndexedField } from '../../core/passage-index.ts';
import {
  DEFAULT_GATE,
  judgeCoverage,
  libraryTermStats,
  termIdf,
  type GateThresholds,
  type TermStats,
  type GateVerdict,
  type QueryTerm,
  type ScoredPassage,
} from '../../core/relevance-gate.ts';
import { BODY_PART_GROUPS, COVERED_GROUP_WORDS, askedSubjectCanonicals } from '../../core/synonyms.ts';
import { analyze, rawTokens, termFor } from '../../core/text-analysis.ts';
import { TypoVocabulary, typoRepairerFor } from '../../core/typo-repair.ts';
import type { Retriever } from '../../app/ports.ts';

/** Field weights: a heading names what a passage is about, so it counts most. */
export const FIELD_BOOST = { heading: 3, text: 1 } as const;
/**
 * Document titles boost their passages multiplicatively (score × (1 + TITLE_BOOST × share of question weight the
 * title matches)). Scoring titles outside minisearch keeps a title shared by thousands of passages from being scanned
 * on every query.
 */
export const TITLE_BOOST = 0.5;
/** Low-reliability passages rank a little lower, so a trusted passage wins a tie. */
export const LOW_RELIABILITY_BOOST = 0.75;

/** Exponent of the coordination factor (share of question weight a passage matches). */
export const COORDINATION = 1;
/** Libraries at least this big skip scanning very common terms (Lucene's "common terms" idea). */
export const PRUNE_FROM_PASSAGES = 1000;
/** A term in more than this share of passages is common. */
export const COMMON_TERM_SHARE = 0.1;
/** Unknown words this short or shorter weigh half in the gate. */
export const SHORT_WORD = 4;
/** How many of the top hits the gate looks at for the one that matches most of the question. */
const GATE_DEPTH = 3;

/** The matched query terms of whichever top hit covers the most question weight. */
function bestCoverage(hits: ReadonlyArray<{ matched: Set<string> }>, weights: ReadonlyMap<string, number>): Set<string> {
  let best = new Set<string>();
  let bestWeight = -1;
  for (const { matched } of hits) {
    let weight = 0;
    for (const [term, w] of weights) if (matched.has(term)) weight += w;
    if (weight > bestWeight) {
      best = matched;
      bestWeight = weight;
    }
  }
  return best;
}

/** A copy of `array` with room for `size` entries (the rest zero). */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}

/** Best first, ties by passage id so results are stable. */
function before(a: ScoredPassage, b: ScoredPassage): boolean {
  return a.score > b.score || (a.score === b.score && a.passage.id < b.passage.id);
}

/** The n best items, best first, without sorting every hit (a big library can return thousands). */
function topN<T extends ScoredPassage>(items: T[], n: number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === n && !before(item, best[n - 1] as T)) continue;
    let i = best.length < n ? best.length : n - 1;
    best[i] = item;
    while (i > 0 && before(item, best[i - 1] as T)) {
      best[i] = best[i - 1] as T;
      best[i - 1] = item;
      i--;
    }
  }
  return best;
}

/** Retrieval options. */
export interface RetrieverOptions {
  /** @default DEFAULT_GATE */
  gate?: GateThresholds;
}

/** What the retriever made of a query: its terms, the gate's verdict and the ranked passages (empty when not covered). */
export interface QueryExplanation {
  terms: QueryTerm[];
  verdict: GateVerdict;
  results: ScoredPassage[];
}

/** The retriever, plus `explain` for the CLI, evaluation and tests. */
export interface MinisearchRetriever extends Retriever {
  explain(query: string, k: number): QueryExplanation;
}

/**
 * Builds the index over every passage of the library. Each passage is tokenised and analysed once; that one pass
 * feeds the BM25+ index, the term statistics (shared with the offline answerer) and the typo repairer's vocabulary.
 */
export function createMinisearchRetriever(library: Library, options: RetrieverOptions = {}): MinisearchRetriever {
  const gate = options.gate ?? DEFAULT_GATE;
  const index = new PassageIndex([FIELD_BOOST.heading, FIELD_BOOST.text]);
  const vocabulary = new TypoVocabulary();
  // Subjects the library declares (topics, titles, headings); a body part outside them is an uncovered subject.
  const subjects = new Set<string>();
  /** Per token id: its index term's id in the index + 1 (0: not worked out yet, -1: no term), on first occurrence. */
  let termIds = new Int32Array(1024);
  /** Per token id: the last field it was counted in, for the field's distinct-token length. */
  let seenIn = new Int32Array(1024);
  let fieldNo = 0;
  // Scratch arrays reused for every passage: index.add copies the term ids it is given.
  const tokenIds: number[] = [];
  const fields: [IndexedField, IndexedField] = [
    { length: 0, terms: [] },
    { length: 0, terms: [] },
  ];
  const analyseField = (text: string, field: IndexedField, onTerm?: (term: string) => void) => {
    fieldNo++;
    let length = 0;
    const terms = field.terms as number[];
    terms.length = 0;
    vocabulary.addText(text, tokenIds);
    if (vocabulary.size > termIds.length) {
      const size = Math.max(vocabulary.size, termIds.length * 2);
      termIds = grown(termIds, size);
      seenIn = grown(seenIn, size);
    }
    for (const id of tokenIds) {
      if (seenIn[id] !== fieldNo) {
        seenIn[id] = fieldNo;
        length++;
      }
      let termId = termIds[id] as number;
      if (termId === 0) {
        const term = vocabulary.termOf(id);
        termId = term === null ? -1 : index.termId(term) + 1;
        termIds[id] = termId;
      }
      if (termId > 0) {
        terms.push(termId - 1);
        onTerm?.(vocabulary.termOf(id) as string);
      }
    }
    field.length = length;
    return field;
  };
  const addSubject = (term: string) => void subjects.add(term);
  for (const passage of library.passages) {
    index.add([analyseField(passage.heading, fields[0], addSubject), analyseField(passage.text, fields[1])]);
  }
  const stats: TermStats = libraryTermStats(library, analyze, () => ({ documentCount: library.passages.length, documentFrequency: index.documentFrequencies() }));
  const { documentFrequency } = stats;
  const titleTerms = new Map(library.documents.map((d) => [d.id, new Set(analyze(d.title))]));
  for (const title of titleTerms.values()) vocabulary.addTitle([...title]);
  const commonLimit = library.passages.length >= PRUNE_FROM_PASSAGES ? library.passages.length * COMMON_TERM_SHARE : Number.POSITIVE_INFINITY;
  const known = new Set(stats.documentFrequency.keys());
  for (const title of titleTerms.values()) for (const term of title) known.add(term);
  for (const text of library.documents.flatMap((d) => [d.title, ...d.topics])) for (const term of analyze(text)) subjects.add(term);
  const uncovered = new Set(askedSubjectCanonicals().map((word) => termFor(word)).filter((t): t is string => t !== null && !subjects.has(t)));
  const bodyParts = new Set(Object.keys(BODY_PART_GROUPS).map((word) => termFor(word)));
  const coveredGroups = new Set(COVERED_GROUP_WORDS.map((word) => termFor(word)));
  // Typo repair happens before the phrase rules, so "straigt arm pulldowns" meets the rule for "straight-arm".
  const typos = typoRepairerFor(library, () => vocabulary.build());
  const unknownIdf = termIdf(stats, '');
  // Per document (by its place in library.documents) and per passage (by its place in the index), for the hit loop.
  const documentOf = new Map(library.documents.map((d, i) => [d.id, i]));
  const passageDocument = library.passages.map((p) => documentOf.get(p.docId) ?? -1);
  const passageAt = new Map(library.passages.map((p, i) => [p.id, i]));
  const titleSets = library.documents.map((d) => titleTerms.get(d.id) as Set<string>);

  /**
   * The query's terms. A subject the library never makes its own is kept as an unknown term (the gate then sinks the
   * question), except a body part next to a muscle group the library covers ("warm up my back and shoulders"), which
   * is left to the group.
   */
  const queryTerms = (query: string): QueryTerm[] => {
    const tokens = rawTokens(typos.repairText(query)).flatMap((token) => {
      const term = termFor(token);
      return term ? [{ token, term }] : [];
    });
    const namesGroup = tokens.some(({ term }) => coveredGroups.has(term));
    const terms: QueryTerm[] = [];
    for (const { token, term } of tokens) {
      if (uncovered.has(term) && namesGroup && bodyParts.has(term)) continue;
      if (uncovered.has(term)) terms.push({ term, known: false, idf: unknownIdf });
      else if (known.has(term)) terms.push({ term, known: true, idf: termIdf(stats, term) });
      // A short unknown word is more often text-speak or a typo ("wud", "ppl") than a subject, so it weighs half.
      else terms.push({ term, known: false, idf: token.length <= SHORT_WORD ? unknownIdf / 2 : unknownIdf });
    }
    return terms;
  };

  /** A question naming a subject the library never makes its own is not covered, whatever else it matches ("does creatine help the pump"). */
  const asksUncoveredSubject = (terms: QueryTerm[]): boolean => terms.some((t) => uncovered.has(t.term));

  const explain = (query: string, k: number): QueryExplanation => {
    const terms = queryTerms(query);
    if (asksUncoveredSubject(terms)) return { terms, verdict: { covered: false, reason: 'uncovered-subject' }, results: [] };
    const searchable = [...new Set(terms.filter((t) => t.known).map((t) => t.term))];
    if (searchable.length === 0) return { terms, verdict: judgeCoverage(terms, new Set(), gate), results: [] };
    // Large libraries: terms in most passages only count through coordination, so the index scans rare terms' postings.
    const rare = searchable.filter((t) => (documentFrequency.get(t) ?? 0) <= commonLimit);
    const common = searchable.filter((t) => !rare.includes(t));
    if (rare.length === 0 && common.length > 0) {
      common.sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0));
      rare.push(common.shift() as string);
    }
    const hits = index.search(rare);
    // Coordination: a passage that matches more of the question's weight beats one that repeats a common word.
    const weights = new Map(terms.map((t) => [t.term, t.idf]));
    const total = [...weights.values()].reduce((sum, w) => sum + w, 0) || 1;
    // Per document: the searchable terms its title has, and their weight (a few documents, however many passages).
    const titleMatches = titleSets.map((title) => searchable.filter((t) => title.has(t)));
    const titleWeights = titleMatches.map((matched) => matched.reduce((sum, t) => sum + (weights.get(t) ?? 0), 0));
    const rareWeights = new Map(rare.map((t) => [t, weights.get(t) ?? 0]));
    const commonWeights = common.map((t) => weights.get(t) ?? 0);
    const scored: Array<ScoredPassage & { queryTerms: string[] }> = [];
    for (let h = 0; h < hits.docs.length; h++) {
      const at = hits.docs[h] as number;
      const passage = library.passages[at] as Passage;
      const documentAt = passageDocument[at] as number;
      const title = titleSets[documentAt];
      const titleWeight = titleWeights[documentAt] ?? 0;
      const queryTerms = hits.matched[h] as string[];
      let matchedWeight = titleWeight;
      for (const term of queryTerms) if (!title?.has(term)) matchedWeight += rareWeights.get(term) ?? 0;
      if (common.length) {
        for (let i = 0; i < common.length; i++) {
          const term = common[i] as string;
          if (!title?.has(term) && index.contains(term, at)) matchedWeight += commonWeights[i] as number;
        }
      }
      const reliability = passage.reliability === 'low' ? LOW_RELIABILITY_BOOST : 1;
      const score = (hits.scores[h] as number) * (1 + (TITLE_BOOST * titleWeight) / total) * (matchedWeight / total) ** COORDINATION * reliability;
      scored.push({ passage, score, queryTerms });
    }
    const best = topN(scored, Math.max(k, GATE_DEPTH));
    // Matched terms of the top hits only: query terms minisearch saw, common terms the passage has, title terms.
    const top = best.slice(0, GATE_DEPTH).map((hit) => {
      const at = passageAt.get(hit.passage.id) ?? -1;
      return { matched: new Set([...hit.queryTerms, ...common.filter((t) => index.contains(t, at)), ...(titleMatches[documentOf.get(hit.passage.docId) ?? -1] ?? [])]) };
    });
    const verdict = judgeCoverage(terms, bestCoverage(top, weights), gate);
    if (!verdict.covered) return { terms, verdict, results: [] };
    return { terms, verdict, results: best.slice(0, Math.max(0, k)).map(({ passage, score }) => ({ passage, score })) };
  };

  return {
    explain,
    search: (query, k) => explain(query, k).results,
  };
}

/** A retriever built on first use, or earlier by warm(): the bot builds its index once the gateway is ready. */
export interface DeferredRetriever extends MinisearchRetriever {
  /** Builds the index now if it is not built yet. */
  warm(): void;
}

/**
 * The retriever over `library`, built when first asked (or warmed): start-up to ready need not wait for the index
 * (tens of milliseconds at the shipped size, seconds at 100,000 passages), and /workout never needs it.
 */
export function deferredRetriever(library: Library, options: RetrieverOptions = {}): DeferredRetriever {
  let built: MinisearchRetriever | undefined;
  const get = () => (built ??= createMinisearchRetriever(library, options));
  return {
    warm: () => void get(),
    explain: (query, k) => get().explain(query, k),
    search: (query, k) => get().search(query, k),
  };
}
