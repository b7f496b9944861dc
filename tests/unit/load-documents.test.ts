/** parseDocument rejects malformed knowledge files with an error naming the file and the field; plainText strips markdown. */
import { describe, expect, test } from 'vitest';
import { parseDocument, plainText } from '../../src/adapters/knowledge/load-documents.ts';
import { KnowledgeError } from '../../src/adapters/knowledge/knowledge-error.ts';

const FILE = 'knowledge/sample.md';

const FRONT = {
  id: 'id: sample',
  title: 'title: A sample document',
  origin: 'origin:\n  title: A sample article\n  author: Someone',
  topics: 'topics: [pump]',
  reliability: 'reliability:\n  level: high\n  reason: Consistent with the other sources.',
  disputes: 'disputes: {}',
};

const BODY = '# A sample document\n\n## First part\n\nThe first part has one sentence.\n\n## Second part\n\n- The second part is a bullet.\n';

/** A document built from the valid parts, with any of them replaced. */
function doc(over: Partial<Record<keyof typeof FRONT, string>> = {}, body: string = BODY): string {
  const front = Object.values({ ...FRONT, ...over }).filter((line) => line.length > 0);
  return `---\n${front.join('\n')}\n---\n${body}`;
}

/** Runs parseDocument and returns the KnowledgeError it throws. */
function failure(source: string): KnowledgeError {
  try {
    parseDocument(FILE, source);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('parseDocument accepted a malformed document');
}

describe('parseDocument', () => {
  test('GIVEN a well-formed document THEN it yields one passage per heading with ids and plain text', () => {
    const { meta, passages } = parseDocument(FILE, doc());
    expect(meta.id).toBe('sample');
    expect(meta.disputes).toEqual({});
    expect(passages.map((p) => [p.id, p.text])).toEqual([
      ['sample#first-part', 'The first part has one sentence.'],
      ['sample#second-part', 'The second part is a bullet.'],
    ]);
    expect(passages[0]).toMatchObject({ docTitle: 'A sample document', sourceTitle: 'A sample article', reliability: 'high', disputedBy: [] });
  });

  test('GIVEN a disputes entry THEN the disputed passage lists who disputes it', () => {
    const { passages } = parseDocument(FILE, doc({ disputes: 'disputes:\n  first-part: [other#fact]' }));
    expect(passages[0]?.disputedBy).toEqual(['other#fact']);
    expect(passages[1]?.disputedBy).toEqual([]);
  });

  test.each<[string, string, string]>([
    ['no front-matter', BODY, 'front-matter'],
    ['front-matter that is not valid YAML', doc({ topics: 'topics: [pump' }), 'front-matter'],
    ['origin without an author', doc({ origin: 'origin:\n  title: A sample article' }), 'origin.author'],
    ['reliability level medium', doc({ reliability: 'reliability:\n  level: medium\n  reason: Unsure.' }), 'reliability.level'],
    ['no topics', doc({ topics: '' }), 'topics'],
    ['an id with capitals', doc({ id: 'id: Sample' }), 'id'],
    ['a disputes entry that is not a passage id', doc({ disputes: 'disputes:\n  first-part: [not an id]' }), 'disputes.first-part.0'],
    ['a section heading with no text', doc({}, '## First part\n\nText.\n\n## Empty part\n\n## Third part\n\nMore text.\n'), 'sections.empty-part'],
    ['two headings that give the same id', doc({}, '## Warm-up\n\nOne.\n\n## Warm up\n\nTwo.\n'), 'sections.warm-up'],
    ['no section headings at all', doc({}, 'Just a paragraph.\n'), 'sections'],
    ['a disputes entry naming a missing section', doc({ disputes: 'disputes:\n  missing-part: [other#fact]' }), 'disputes.missing-part'],
  ])('GIVEN %s THEN it throws a KnowledgeError naming the file and the field', (_situation, source, field) => {
    const error = failure(source);
    expect(error.name).toBe('KnowledgeError');
    expect(error.file).toBe(FILE);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${FILE}: ${field} `)).toBe(true);
  });
});

describe('plainText', () => {
  test.each<[string, string, string]>([
    ['dash bullets', '- First point.\n- Second point.', 'First point. Second point.'],
    ['star and numbered bullets', '* One.\n2. Two.', 'One. Two.'],
    ['bold and italic markers', 'Rest **60–90 seconds** between *hard* sets.', 'Rest 60–90 seconds between hard sets.'],
    ['inline code', 'Use `L-citrulline` here.', 'Use L-citrulline here.'],
    ['wrapped lines and blank lines', 'A sentence that\n  wraps.\n\n\nNext one.', 'A sentence that wraps. Next one.'],
  ])('GIVEN %s THEN the markdown becomes one plain passage text', (_situation, markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });

  test('GIVEN a hyphenated word or a multiplication star THEN it is left alone', () => {
    expect(plainText('A warm-up of 3 * 5 reps.')).toBe('A warm-up of 3 * 5 reps.');
  });
});
