import { join, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { codeFolderOf } from '../../src/adapters/knowledge/paths.ts';
import { keysWithPrefix, prefixRange } from '../../src/adapters/sqlite/sqlite-keyv-adapter.ts';

describe('where the running code finds the checkout', () => {
  const root = join(sep, 'srv', 'pump-coach');
  test.each([
    ['a source module (tests, npm run dev)', join(root, 'src', 'adapters', 'knowledge', 'paths.ts'), join(root, 'src')],
    ['a compiled module', join(root, 'dist', 'adapters', 'knowledge', 'paths.js'), join(root, 'dist')],
    ['the bundled entry', join(root, 'dist', 'main.js'), join(root, 'dist')],
    ['a bundle chunk', join(root, 'dist', 'chunks', 'chunk-ABC123.js'), join(root, 'dist')],
  ])('GIVEN %s THEN its code folder is the src or dist folder of the checkout', (_label, file, folder) => {
    expect(codeFolderOf(file)).toBe(folder);
  });

  test('GIVEN a checkout inside a folder itself named src THEN the innermost src or dist counts', () => {
    expect(codeFolderOf(join(sep, 'home', 'src', 'pump-coach', 'dist', 'main.js'))).toBe(join(sep, 'home', 'src', 'pump-coach', 'dist'));
  });
});

describe('keys with a prefix, as a range of the key index', () => {
  test.each([
    ['profiles:', 'profiles;'],
    ['training-log:1400:', 'training-log:1400;'],
    ['a_b%c', 'a_b%d'],
  ])('GIVEN the prefix %s THEN the range ends just past it (%s)', (prefix, to) => {
    expect(prefixRange(prefix)).toEqual({ from: prefix, to });
  });

  test('GIVEN an empty prefix or one ending in U+FFFF THEN the range has no end and LIKE alone decides', () => {
    expect(prefixRange('').to).toBeUndefined();
    expect(prefixRange('x\uffff').to).toBeUndefined();
    expect(keysWithPrefix('x\uffff').where).not.toContain('key < ?');
  });
});
