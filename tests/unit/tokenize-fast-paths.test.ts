import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { PHRASE_RULES } from '../../src/core/synonyms.ts';
import { foldText, tokenize } from '../../src/core/text-analysis.ts';
import { TypoVocabulary } from '../../src/core/typo-repair.ts';

const library = loadLibrary();
const questions = ['questions', 'member-questions', 'member-questions-heldout', 'member-questions-heldout2'].flatMap((name) =>
  readFileSync(new URL(`../eval/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q),
);
const texts = [...library.passages.flatMap((p) => [p.heading, p.text]), ...questions];

describe('tokenising fast paths', () => {
  test('GIVEN any phrase rule THEN every match of it in the library and the eval questions contains one of its needles (and of its second list)', () => {
    for (const text of texts) {
      const folded = text.toLowerCase();
      for (const [pattern, , needles, alsoNeedles = ['']] of PHRASE_RULES) {
        for (const [match] of folded.matchAll(pattern)) {
          expect(needles.some((needle) => match.includes(needle)) && alsoNeedles.some((needle) => match.includes(needle)), `${pattern.source} in "${match}"`).toBe(true);
        }
      }
    }
  });

  test('GIVEN the library and the eval questions THEN folding with the prechecks gives the text every rule run in turn gives', () => {
    const everyRule = (text: string) => {
      let folded = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]s\b/g, '').replace(/['’]/g, '');
      for (const [pattern, replacement] of PHRASE_RULES) folded = folded.replace(pattern, replacement);
      return folded;
    };
    for (const text of texts) expect(foldText(text)).toBe(everyRule(text));
  });

  test.each([
    ['chat shorthand and odd characters', "Pump = gains?? eat b4 leg day & rows w/ straps, w/o belt… Café’s RDLs — 3×12 @ 60% 1RM"],
    ['an empty text', ''],
    ['a single token', 'protein'],
  ])('GIVEN %s THEN addText gives the ids add() gives token by token', (_, text) => {
    const [byText, byToken] = [new TypoVocabulary(), new TypoVocabulary()];
    const ids: number[] = [];
    byText.addText(text, ids);
    expect(ids).toEqual(tokenize(text).map((token) => byToken.add(token)));
  });

  test('GIVEN the whole library THEN interning through addText numbers tokens as add() does, and the repairers agree', () => {
    const [byText, byToken] = [new TypoVocabulary(), new TypoVocabulary()];
    const ids: number[] = [];
    for (const text of texts) {
      byText.addText(text, ids);
      expect(ids).toEqual(tokenize(text).map((token) => byToken.add(token)));
    }
    const [a, b] = [byText.build(), byToken.build()];
    for (const question of questions) expect(a.repairText(question)).toBe(b.repairText(question));
  });
});
