import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/adapters/knowledge/yaml.ts';

describe('parseYaml (the knowledge loaders\' YAML)', () => {
  test('GIVEN a date, yes/no and a version-like number THEN YAML 1.2 reads the first two as text, the number as a number', () => {
    expect(parseYaml('published: 2024-05-01\nreviewed: yes\nlegacy: no\nweight: 1.5\nnothing: null\n')).toEqual({ published: '2024-05-01', reviewed: 'yes', legacy: 'no', weight: 1.5, nothing: null });
  });

  test('GIVEN a key written twice THEN it is an error rather than the last one silently winning', () => {
    expect(() => parseYaml('reps: 8\nreps: 12\n')).toThrow(/duplicate/i);
  });

  test('GIVEN an unclosed flow list THEN it is an error', () => {
    expect(() => parseYaml('topics: [pump')).toThrow();
  });
});
