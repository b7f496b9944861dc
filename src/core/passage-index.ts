/**
 * An inverted index over passages' fields (heading, text) fed with terms analysed once, elsewhere, scored with BM25+
 * exactly as minisearch 7 scores a plain OR query (same parameters, field lengths, running average length, sums in
 * the same order, the same × number-of-query-terms-matched), so rankings are those of the minisearch index it
 * replaces. It is built for speed: add() only appends a document's term ids to one array per field; the postings are
 * laid out from those in two counting passes, on first use, into one typed array per field (no array per term to
 * allocate and grow); a search touches only the postings of its terms through reusable score arrays.
 */

/** BM25+ parameters (minisearch's defaults). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** One field of one passage, as analysed. */
export interface IndexedField {
  /** Distinct raw tokens of the field (stop words included): the field length BM25 normalises by. */
  length: number;
  /** The field's index terms in order, as ids from termId(), duplicates kept (they are the term frequencies). */
  terms: readonly number[];
}

/** What a search found: per hit, the document, its score and the query terms it matched (in query order). */
export interface IndexHits {
  docs: number[];
  scores: number[];
  matched: string[][];
}

/** The index. Documents are numbered from 0 in the order they are added; terms by termId(). */
export class PassageIndex {
  private readonly boosts: readonly number[];
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /** Per field: every document's term ids, documents one after another, and where each document's run ends. */
  private readonly streams: number[][];
  private readonly ends: number[][];
  /** Per field, laid out from the streams: term t's postings are docs/freqs[starts[t], starts[t + 1]). */
  private starts: Int32Array[] = [];
  private docs: Int32Array[] = [];
  private freqs: Int32Array[] = [];
  /** How many documents and terms the postings were laid out for. */
  private laidOut = { documents: 0, terms: 0 };
  /** Field lengths, per field, per document. */
  private readonly lengths: number[][];
  private readonly averages: number[];
  private count = 0;
  // Scratch space reused by every search, grown with the index.
  private total = new Float64Array(0);
  private termScore = new Float64Array(0);
  private seenIn = new Int32Array(0);
  private seenByTerm = new Int32Array(0);
  private hitOf = new Int32Array(0);
  /** The last stamp handed out; every search and every term of it gets fresh ones. */
  private stamps = 0;

  /** `boosts`: one weight per field, in the order fields are given to add(). */
  constructor(boosts: readonly number[]) {
    this.boosts = boosts;
    this.streams = boosts.map(() => []);
    this.ends = boosts.map(() => []);
    this.lengths = boosts.map(() => []);
    this.averages = boosts.map(() => 0);
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.count;
  }

  /** The id of an index term (a new one for a term not seen before). */
  termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
    }
    return id;
  }

  /** Adds one document's fields (in the constructor's field order); returns its number. */
  add(fields: readonly IndexedField[]): number {
    const doc = this.count++;
    for (let f = 0; f < this.boosts.length; f++) {
      const field = fields[f] as IndexedField;
      const stream = this.streams[f] as number[];
      (this.lengths[f] as number[]).push(field.length);
      // minisearch keeps a running average, updated as each document arrives; the same arithmetic gives the same floats.
      this.averages[f] = ((this.averages[f] as number) * doc + field.length) / (doc + 1);
      for (const term of field.terms) stream.push(term);
      (this.ends[f] as number[]).push(stream.length);
    }
    return doc;
  }

  /** Whether document `doc` has `term` in any field (a binary search of the term's postings). */
  contains(term: string, doc: number): boolean {
    const id = this.ids.get(term);
    if (id === undefined) return false;
    this.layOut();
    for (let f = 0; f < this.boosts.length; f++) {
      const starts = this.starts[f] as Int32Array;
      const docs = this.docs[f] as Int32Array;
      let low = starts[id] as number;
      let high = (starts[id + 1] as number) - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const at = docs[mid] as number;
        if (at === doc) return true;
        if (at < doc) low = mid + 1;
        else high = mid - 1;
      }
    }
    return false;
  }

  /** Per term, the number of documents that have it in any field. */
  documentFrequencies(): Map<string, number> {
    this.layOut();
    const frequencies = new Map<string, number>();
    for (let id = 0; id < this.names.length; id++) {
      let df: number;
      if (this.boosts.length === 2) {
        // Two sorted lists (heading, text): the size of their union by one merge.
        const [a, b] = this.docs as [Int32Array, Int32Array];
        const [aStarts, bStarts] = this.starts as [Int32Array, Int32Array];
        let i = aStarts[id] as number;
        let j = bStarts[id] as number;
        const aEnd = aStarts[id + 1] as number;
        const bEnd = bStarts[id + 1] as number;
        df = 0;
        while (i < aEnd || j < bEnd) {
          const x = i < aEnd ? (a[i] as number) : Number.POSITIVE_INFINITY;
          const y = j < bEnd ? (b[j] as number) : Number.POSITIVE_INFINITY;
          if (x <= y) i++;
          if (y <= x) j++;
          df++;
        }
      } else {
        const union = new Set<number>();
        for (let f = 0; f < this.boosts.length; f++) {
          for (let i = (this.starts[f] as Int32Array)[id] as number; i < ((this.starts[f] as Int32Array)[id + 1] as number); i++) union.add((this.docs[f] as Int32Array)[i] as number);
        }
        df = union.size;
      }
      if (df > 0) frequencies.set(this.names[id] as string, df);
    }
    return frequencies;
  }

  /** The documents matching any of `terms` (distinct index terms), with minisearch's BM25+ OR score. */
  search(terms: readonly string[]): IndexHits {
    this.layOut();
    this.grow();
    // Stamps instead of clearing: a document counts as touched by this search (or term) when its stamp is current.
    if (this.stamps > 2 ** 30) this.reset();
    const search = ++this.stamps;
    this.stamps += terms.length;
    const hits: IndexHits = { docs: [], scores: [], matched: [] };
    const { total, termScore, seenIn, seenByTerm, hitOf } = this;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] as string;
      const id = this.ids.get(term);
      if (id === undefined) continue;
      const stamp = search + t + 1;
      const touched: number[] = [];
      for (let f = 0; f < this.boosts.length; f++) {
        const starts = this.starts[f] as Int32Array;
        const from = starts[id] as number;
        const to = starts[id + 1] as number;
        if (from === to) continue;
        const docs = this.docs[f] as Int32Array;
        const freqs = this.freqs[f] as Int32Array;
        const boost = this.boosts[f] as number;
        const lengths = this.lengths[f] as number[];
        const average = this.averages[f] as number;
        const df = to - from;
        const idf = Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
        for (let i = from; i < to; i++) {
          const doc = docs[i] as number;
          const tf = freqs[i] as number;
          const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * (lengths[doc] as number)) / average)));
          const weighted = boost * raw;
          if (seenByTerm[doc] === stamp) termScore[doc] = (termScore[doc] as number) + weighted;
          else {
            seenByTerm[doc] = stamp;
            termScore[doc] = weighted;
            touched.push(doc);
          }
        }
      }
      for (const doc of touched) {
        if (seenIn[doc] === search) {
          total[doc] = (total[doc] as number) + (termScore[doc] as number);
          (hits.matched[hitOf[doc] as number] as string[]).push(term);
        } else {
          seenIn[doc] = search;
          total[doc] = termScore[doc] as number;
          hitOf[doc] = hits.docs.length;
          hits.docs.push(doc);
          hits.matched.push([term]);
        }
      }
    }
    for (let h = 0; h < hits.docs.length; h++) hits.scores.push((total[hits.docs[h] as number] as number) * (hits.matched[h] as string[]).length);
    return hits;
  }

  /**
   * Lays the postings out from the streams when documents were added since: per field, one pass counts each term's
   * documents, a second writes documents (ascending) and frequencies into place.
   */
  private layOut(): void {
    if (this.laidOut.documents === this.count && this.laidOut.terms === this.names.length) return;
    const terms = this.names.length;
    const lastDoc = new Int32Array(terms);
    for (let f = 0; f < this.boosts.length; f++) {
      const stream = this.streams[f] as number[];
      const ends = this.ends[f] as number[];
      const starts = new Int32Array(terms + 1);
      lastDoc.fill(-1);
      let p = 0;
      for (let doc = 0; doc < this.count; doc++) {
        for (const end = ends[doc] as number; p < end; p++) {
          const term = stream[p] as number;
          if (lastDoc[term] !== doc) {
            lastDoc[term] = doc;
            (starts[term + 1] as number)++;
          }
        }
      }
      for (let t = 0; t < terms; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
      const docs = new Int32Array(starts[terms] as number);
      const freqs = new Int32Array(starts[terms] as number);
      // Where each term's next posting goes; a term met again in the same document adds to the posting just written.
      const next = starts.slice(0, terms);
      lastDoc.fill(-1);
      p = 0;
      for (let doc = 0; doc < this.count; doc++) {
        for (const end = ends[doc] as number; p < end; p++) {
          const term = stream[p] as number;
          if (lastDoc[term] === doc) (freqs[(next[term] as number) - 1] as number)++;
          else {
            lastDoc[term] = doc;
            const at = (next[term] as number)++;
            docs[at] = doc;
            freqs[at] = 1;
          }
        }
      }
      this.starts[f] = starts;
      this.docs[f] = docs;
      this.freqs[f] = freqs;
    }
    this.laidOut = { documents: this.count, terms: this.names.length };
  }

  /** Sizes the scratch arrays to the index (after documents were added). */
  private grow(): void {
    if (this.total.length < this.count) this.reset();
  }

  private reset(): void {
    this.total = new Float64Array(this.count);
    this.termScore = new Float64Array(this.count);
    this.seenIn = new Int32Array(this.count);
    this.seenByTerm = new Int32Array(this.count);
    this.hitOf = new Int32Array(this.count);
    this.stamps = 0;
  }
}
