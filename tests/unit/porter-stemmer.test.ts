import { describe, expect, test } from 'vitest';
import { stemmer as packageStemmer } from 'stemmer';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { stemmer } from '../../src/core/porter-stemmer.ts';
import { SYNONYM_GROUPS } from '../../src/core/synonyms.ts';
import { STOP_WORDS, tokenize } from '../../src/core/text-analysis.ts';

/** Every word of the shipped library and the synonym map, and each with the suffixes the stemmer's steps handle. */
function words(): string[] {
  const library = loadLibrary();
  const base = new Set<string>([...STOP_WORDS, ...Object.values(SYNONYM_GROUPS).flat()]);
  for (const passage of library.passages) for (const token of tokenize(`${passage.heading} ${passage.text}`)) base.add(token);
  const suffixes = ['', 's', 'es', 'sses', 'ies', 'ed', 'eed', 'ing', 'y', 'ational', 'tional', 'izer', 'ization', 'ousness', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'ical', 'ful', 'ness', 'ement', 'ance', 'ible', 'ion', 'sion', 'tion', 'e', 'll', 'ab', 'zq'];
  const all = new Set<string>();
  for (const word of base) for (const suffix of suffixes) all.add(word + suffix);
  return [...all, 'y', 'ye', 'yes', 'yll', 'ylll', 'a', 'ab', 'abc', '', 'Yelling', 'SKIPPING'];
}

describe('the Porter stemmer', () => {
  test('GIVEN every library word, bare and with each step suffix THEN it stems exactly as the stemmer package', () => {
    const list = words();
    expect(list.length).toBeGreaterThan(30_000);
    const differing = list.filter((word) => stemmer(word) !== packageStemmer(word));
    expect(differing).toEqual([]);
  });
});
