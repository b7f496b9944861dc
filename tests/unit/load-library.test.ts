/** loadLibrary across documents: references between documents are checked. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KnowledgeError } from '../../src/adapters/knowledge/knowledge-error.ts';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';

describe('loadLibrary', () => {
  test('GIVEN a document disputing a passage that does not exist THEN loadLibrary names the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pump-coach-library-'));
    try {
      writeFileSync(
        join(dir, 'claims.md'),
        [
          '---',
          'id: claims',
          'title: Claims',
          'origin: { title: Some article, author: Nobody }',
          'topics: [pump]',
          'reliability: { level: low, reason: Promotional. }',
          'disputes:',
          '  a-claim: [facts#missing-section]',
          '---',
          '## A claim',
          'The article claims a thing.',
        ].join('\n'),
      );
      expect(() => loadLibrary(dir)).toThrow(KnowledgeError);
      expect(() => loadLibrary(dir)).toThrow(/claims\.md: disputes\.a-claim .*facts#missing-section/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

});
