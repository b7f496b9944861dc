import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { FIELD_BOOST } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { PassageIndex } from '../../src/core/passage-index.ts';
import { analyze, rawTokens, termFor } from '../../src/core/text-analysis.ts';

const library = loadLibrary();
const questions = ['questions', 'member-questions'].flatMap((name) =>
  readFileSync(new URL(`../eval/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q),
);

/** The minisearch index the retriever used before: same fields, boosts, tokeniser and term processing. */
function minisearchIndex(): MiniSearch {
  const index = new MiniSearch({ fields: ['heading', 'text'], tokenize: (text) => rawTokens(text), processTerm: (term) => termFor(term), searchOptions: { boost: { ...FIELD_BOOST } } });
  index.addAll(library.passages.map((p) => ({ id: p.id, heading: p.heading, text: p.text })));
  return index;
}

/** The passage index over the same analysis. */
function passageIndex(): PassageIndex {
  const index = new PassageIndex([FIELD_BOOST.heading, FIELD_BOOST.text]);
  const field = (text: string) => {
    const tokens = rawTokens(text);
    return { length: new Set(tokens).size, terms: analyze(text).map((term) => index.termId(term)) };
  };
  for (const passage of library.passages) index.add([field(passage.heading), field(passage.text)]);
  return index;
}

describe('the passage index', () => {
  test('GIVEN the shipped library and every eval question THEN it finds, scores and names matched terms exactly as minisearch', () => {
    const [mini, ours] = [minisearchIndex(), passageIndex()];
    for (const question of questions) {
      const terms = [...new Set(analyze(question))];
      if (terms.length === 0) continue;
      const expected = mini.search(terms.join(' '), { tokenize: (text) => text.split(' '), processTerm: (term) => term }).map((hit) => [hit.id, hit.score, hit.queryTerms]);
      const hits = ours.search(terms);
      const found = hits.docs.map((doc, h) => [library.passages[doc]?.id, hits.scores[h], hits.matched[h]]);
      const byId = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(byId(found), question).toEqual(byId(expected));
    }
  });

  test('GIVEN a term in a document THEN contains says so, per document, and document frequencies count each document once', () => {
    const index = new PassageIndex([3, 1]);
    const id = (term: string) => index.termId(term);
    index.add([{ length: 1, terms: [id('pump')] }, { length: 2, terms: [id('pump'), id('rest')] }]);
    index.add([{ length: 1, terms: [id('rest')] }, { length: 1, terms: [id('sleep')] }]);
    expect([index.contains('pump', 0), index.contains('pump', 1), index.contains('rest', 1), index.contains('nothing', 0)]).toEqual([true, false, true, false]);
    expect(Object.fromEntries(index.documentFrequencies())).toEqual({ pump: 1, rest: 2, sleep: 1 });
  });
});
