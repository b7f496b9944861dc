import { describe, expect, test } from 'vitest';
import { MIN_CITED_CHARS, groundReply, isWholeClause, locateQuote, stripCiteMarkup } from '../../src/core/citation-check.ts';
import { fixtureLibrary } from '../fixtures/answer-library-fixture.ts';

const library = fixtureLibrary();
const sleep = library.byId.get('legs#sleep')!;

describe('quote verification', () => {
  test('GIVEN an exact sentence THEN it is located as itself', () => {
    expect(locateQuote('Aim for 7 to 9 hours of sleep each night.', sleep.text)).toBe('Aim for 7 to 9 hours of sleep each night.');
  });

  test('GIVEN two sentence blocks joined without their space THEN the exact passage slice is returned', () => {
    const joined = 'Aim for 7 to 9 hours of sleep each night.Most muscle repair happens while you sleep.';
    expect(locateQuote(joined, sleep.text)).toBe(sleep.text);
  });

  test.each([
    ['a changed number', 'Aim for 6 to 9 hours of sleep each night.'],
    ['a changed word', 'Aim for 7 to 9 hours of rest each night.'],
    ['changed punctuation', 'Aim for 7 to 9 hours of sleep, each night.'],
    ['an empty quote', '   '],
  ])('GIVEN %s THEN the quote is rejected', (_label, quote) => {
    expect(locateQuote(quote, sleep.text)).toBeNull();
  });

  test('GIVEN regex metacharacters in a quote THEN they are matched literally', () => {
    expect(locateQuote('(a+b)*', 'x (a+b)* y')).toBe('(a+b)*');
    expect(locateQuote('a.b', 'axb')).toBeNull();
  });

  test('GIVEN cite markup THEN the tags go and the words stay', () => {
    expect(stripCiteMarkup('Sleep <cite index="0-1">7 to 9 hours</cite> a night.')).toBe('Sleep 7 to 9 hours a night.');
    expect(stripCiteMarkup('Cut off <cite index="0-1"')).toBe('Cut off ');
  });
});

describe('grounding a model reply', () => {
  test('GIVEN segments with citations THEN markers follow the cited text and repeat quotes share a number', () => {
    const reply = {
      segments: [
        { text: 'Sleep 7 to 9 hours.', citations: [{ passageId: 'legs#sleep', citedText: 'Aim for 7 to 9 hours of sleep each night.' }] },
        { text: ' Repair happens then.', citations: [{ passageId: 'legs#sleep', citedText: 'Most muscle repair happens while you sleep.' }] },
        { text: ' Again, 7 to 9 hours.', citations: [{ passageId: 'legs#sleep', citedText: 'Aim for 7 to 9 hours of sleep each night.' }] },
      ],
    };
    const grounded = groundReply(reply, library.byId);
    expect(grounded.answer).toBe('Sleep 7 to 9 hours [1]. Repair happens then [2]. Again, 7 to 9 hours [1].');
    expect(grounded.citations.map((c) => [c.n, c.passageId])).toEqual([
      [1, 'legs#sleep'],
      [2, 'legs#sleep'],
    ]);
  });

  test('GIVEN a citation of an unknown passage or invented text THEN it is dropped, and so is the text it backed', () => {
    const reply = {
      segments: [
        { text: 'Made up.', citations: [{ passageId: 'nowhere#x', citedText: 'Aim for 7 to 9 hours of sleep each night.' }] },
        { text: ' Also made up.', citations: [{ passageId: 'legs#sleep', citedText: 'Sleep 12 hours.' }] },
      ],
    };
    const grounded = groundReply(reply, library.byId);
    expect(grounded.citations).toEqual([]);
    expect(grounded.droppedSegments).toBe(2);
    expect(grounded.answer).toBe('');
    expect(grounded.fullSentence).toBe(false);
  });
});

describe('what counts as a citation', () => {
  const text = sleep.text;
  test.each([
    ['a whole sentence', 'Aim for 7 to 9 hours of sleep each night.', true],
    ['two sentences', text, true],
    ['one character', 'A', false],
    ['a word', 'sleep', false],
    ['half a clause', 'hours of sleep each night', false],
    ['a clause that stops short of its end', 'Aim for 7 to 9 hours of sleep', false],
  ])('GIVEN %s THEN whole clause: %s', (_label, quote, whole) => {
    expect(isWholeClause(quote, text, text.indexOf(quote))).toBe(whole);
  });

  test(`GIVEN a quote under ${MIN_CITED_CHARS} characters THEN it is no citation even when it is a whole sentence`, () => {
    expect(isWholeClause('Sleep well.', 'Sleep well. Eat well.', 0)).toBe(false);
  });
});

describe('what reaches members', () => {
  const good = { passageId: 'legs#sleep', citedText: 'Aim for 7 to 9 hours of sleep each night.' };

  test('GIVEN uncited segments around a cited one THEN only the cited segment is kept, capitalised', () => {
    const grounded = groundReply(
      { segments: [{ text: 'Honestly? ', citations: [] }, { text: 'sleep 7 to 9 hours a night.', citations: [good] }, { text: ' And take creatine.', citations: [] }] },
      library.byId,
    );
    expect(grounded).toMatchObject({ answer: 'Sleep 7 to 9 hours a night [1].', droppedSegments: 2, fullSentence: true });
  });

  test.each([
    ['a URL', 'Sleep 7 to 9 hours, see https://sleep.example for more.'],
    ['a markdown link', 'Sleep [7 to 9 hours](http://x.y) a night.'],
    ['a bare domain', 'Sleep 7 to 9 hours, says sleepcoach.com, every night.'],
  ])('GIVEN a cited segment with %s THEN it is dropped with its citations', (_label, linked) => {
    const grounded = groundReply({ segments: [{ text: linked, citations: [good] }] }, library.byId);
    expect(grounded).toMatchObject({ answer: '', citations: [], droppedSegments: 1, fullSentence: false });
  });

  test('GIVEN a sentence run into the next ("…hours.Most") THEN no link is seen in it', () => {
    const grounded = groundReply({ segments: [{ text: 'Sleep 7 to 9 hours.Most repair happens then.', citations: [good] }] }, library.byId);
    expect(grounded.citations).toHaveLength(1);
  });

  test('GIVEN only a cited fragment THEN there is no full sentence', () => {
    expect(groundReply({ segments: [{ text: 'Seven to nine', citations: [good] }] }, library.byId).fullSentence).toBe(false);
  });
});
