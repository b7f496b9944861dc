/**
 * An inverted index over passages' fields (heading, text) fed with terms analysed once, elsewhere, scored with BM25+
 * exactly as minisearch 7 scores a plain OR query (same parameters, field lengths, running average length, sums in
 * the same order, the same × number-of-query-terms-matched), so rankings are those of the minisearch index it
 * replaces. It is built for speed: postings are flat arrays appended in document order, and a search touches only
 * the postings of its terms through reusable score arrays.
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

/** Postings of one term in one field: documents in ascending order and the term's frequency in each. */
interface Postings {
  docs: number[];
  freqs: number[];
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
  /** Per field, per term id: its postings. */
  private readonly postings: (Postings | undefined)[][];
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
    this.postings = boosts.map(() => []);
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
      const postings = this.postings[f] as (Postings | undefined)[];
      (this.lengths[f] as number[]).push(field.length);
      // minisearch keeps a running average, updated as each document arrives; the same arithmetic gives the same floats.
      this.averages[f] = ((this.averages[f] as number) * doc + field.length) / (doc + 1);
      for (const term of field.terms) {
        let list = postings[term];
        if (!list) {
          list = { docs: [], freqs: [] };
          postings[term] = list;
        }
        const last = list.docs.length - 1;
        if (list.docs[last] === doc) (list.freqs[last] as number)++;
        else {
          list.docs.push(doc);
          list.freqs.push(1);
        }
      }
    }
    return doc;
  }

  /** Whether document `doc` has `term` in any field (a binary search of the term's postings). */
  contains(term: string, doc: number): boolean {
    const id = this.ids.get(term);
    if (id === undefined) return false;
    for (const field of this.postings) {
      const docs = field[id]?.docs;
      if (!docs) continue;
      let low = 0;
      let high = docs.length - 1;
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
    const frequencies = new Map<string, number>();
    for (let id = 0; id < this.names.length; id++) {
      const lists = this.postings.map((field) => field[id]?.docs ?? []);
      let df: number;
      if (lists.length === 2) {
        // Two sorted lists (heading, text): the size of their union by one merge.
        const [a, b] = lists as [number[], number[]];
        let i = 0;
        let j = 0;
        df = 0;
        while (i < a.length || j < b.length) {
          const x = a[i] ?? Number.POSITIVE_INFINITY;
          const y = b[j] ?? Number.POSITIVE_INFINITY;
          if (x <= y) i++;
          if (y <= x) j++;
          df++;
        }
      } else df = new Set(lists.flat()).size;
      if (df > 0) frequencies.set(this.names[id] as string, df);
    }
    return frequencies;
  }

  /** The documents matching any of `terms` (distinct index terms), with minisearch's BM25+ OR score. */
  search(terms: readonly string[]): IndexHits {
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
        const list = (this.postings[f] as (Postings | undefined)[])[id];
        if (!list) continue;
        const boost = this.boosts[f] as number;
        const lengths = this.lengths[f] as number[];
        const average = this.averages[f] as number;
        const df = list.docs.length;
        const idf = Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
        for (let i = 0; i < df; i++) {
          const doc = list.docs[i] as number;
          const tf = list.freqs[i] as number;
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
