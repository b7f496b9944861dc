import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readKnowledgeSnapshot, writeKnowledgeSnapshot } from '../../src/adapters/knowledge/knowledge-snapshot.ts';
import { parsePlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { defaultKnowledgeDir } from '../../src/adapters/knowledge/paths.ts';

describe('the build\'s knowledge snapshot', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  /** A copy of the shipped knowledge folder and a snapshot file path beside it. */
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pump-coach-snapshot-'));
    dirs.push(dir);
    cpSync(defaultKnowledgeDir, join(dir, 'knowledge'), { recursive: true });
    return { knowledge: join(dir, 'knowledge'), file: join(dir, 'knowledge.snapshot.json') };
  };

  test('GIVEN a snapshot of the shipped folder THEN reading it gives exactly what parsing the files gives', () => {
    const { knowledge, file } = copy();
    const parsed = parsePlanKnowledge(knowledge);
    writeKnowledgeSnapshot(parsed, knowledge, file);
    expect(readKnowledgeSnapshot(knowledge, file)).toEqual(parsed);
  });

  test('GIVEN a knowledge file edited after the build THEN the snapshot is not used', () => {
    const { knowledge, file } = copy();
    writeKnowledgeSnapshot(parsePlanKnowledge(knowledge), knowledge, file);
    appendFileSync(join(knowledge, 'leg-training.md'), '\n');
    expect(readKnowledgeSnapshot(knowledge, file)).toBeUndefined();
  });

  test('GIVEN no snapshot (running from source) THEN there is nothing to read', () => {
    const { knowledge, file } = copy();
    expect(readKnowledgeSnapshot(knowledge, file)).toBeUndefined();
  });
});
