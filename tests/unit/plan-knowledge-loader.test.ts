/** Loading the catalogue and rules: a malformed entry fails with the file and the field named. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { KnowledgeError } from '../../src/adapters/knowledge/knowledge-error.ts';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { defaultKnowledgeDir } from '../../src/adapters/knowledge/paths.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the shipped knowledge folder with one file's text transformed. */
function brokenCopy(file: 'exercises.json' | 'training-rules.yaml', edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-knowledge-'));
  dirs.push(dir);
  const target = join(dir, 'knowledge');
  cpSync(defaultKnowledgeDir, target, { recursive: true });
  writeFileSync(join(target, file), edit(readFileSync(join(target, file), 'utf8')));
  return target;
}

function loadError(dir: string): KnowledgeError {
  try {
    loadPlanKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected loading to fail');
}

describe('loadPlanKnowledge', () => {
  test('GIVEN the shipped folder THEN it loads the catalogue, the rules and the library', () => {
    const k = loadPlanKnowledge();
    expect(k.exercises.length).toBeGreaterThan(60);
    expect(k.rules.sets.min).toBe(3);
    expect(k.library.passages.length).toBeGreaterThan(50);
  });

  /** Edits the first catalogue entry as data, then writes it back as JSON. */
  const editFirst = (change: (entry: Record<string, unknown>, all: Record<string, unknown>[]) => void) => (text: string) => {
    const doc = JSON.parse(text) as { exercises: Record<string, unknown>[] };
    change(doc.exercises[0]!, doc.exercises);
    return JSON.stringify(doc, null, 2);
  };

  test.each([
    ['an equipment item nobody knows', editFirst((e) => (e.equipment = ['barbell', 'moon-boots'])), /knowledge\/exercises\.json: exercises\.0\.equipment\.1 is invalid/],
    ['a missing mechanics field', editFirst((e) => delete e.mechanics), /knowledge\/exercises\.json: exercises\.0\.mechanics is invalid/],
    ['an unknown muscle', editFirst((e) => (e.primary = ['quadz'])), /exercises\.json: exercises\.0\.primary\.0 is invalid/],
    ['an unknown field', editFirst((e) => (e.colour = 'red')), /exercises\.json: exercises\.0 is invalid: .*colour/],
    ['a citation of a passage that does not exist', editFirst((e) => (e.sources = ['leg-training#no-such-section'])), /exercises\.json: exercises\.0\.sources\.0 names unknown passage "leg-training#no-such-section"/],
    ['a duplicated id', editFirst((_e, all) => (all[1]!.id = all[0]!.id)), /exercises\.json: exercises\.1\.id "barbell-back-squat" is already used by exercises\.0/],
    ['broken JSON', (t: string) => t.slice(0, -10), /exercises\.json: \(root\) is not valid JSON/],
    ['a drop set on an exercise whose load cannot drop', editFirst((_e, all) => (all.find((x) => x.id === 'reverse-snow-angel')!.techniques = ['drop set'])), /exercises\.json: exercises\.\d+\.techniques\.0 "drop set" needs one of machine, cable, dumbbell, barbell, and reverse-snow-angel uses none/],
    ['myo-reps on a compound lift', editFirst((e) => (e.techniques = ['myo-reps'])), /exercises\.json: exercises\.0\.techniques\.0 "myo-reps" is for isolation exercises, and barbell-back-squat is compound/],
    ['no techniques field', editFirst((e) => delete e.techniques), /exercises\.json: exercises\.0\.techniques is invalid/],
  ])('GIVEN a catalogue with %s THEN loading names the file and the field', (_what, edit, message) => {
    const error = loadError(brokenCopy('exercises.json', edit));
    expect(error.message).toMatch(message);
    expect(error.file).toMatch(/exercises\.json$/);
  });

  test.each([
    ['a rep range written backwards', (t: string) => t.replace('compound: { reps: [10, 15], restSeconds: 60 }', 'compound: { reps: [15, 10], restSeconds: 60 }'), /training-rules\.yaml: prescriptions\.pump\.legs\.compound\.reps is invalid/],
    ['a level sets count outside 3–5', (t: string) => t.replace('advanced: { compound: 5, isolation: 4, floor: 4 }', 'advanced: { compound: 6, isolation: 4, floor: 4 }'), /training-rules\.yaml: sets\.byLevel\.advanced\.compound must be within 3–5/],
    ['a technique citing an unknown passage', (t: string) => t.replace('sources: [back-pump#rest-pause]', 'sources: [back-pump#rest-pauses]'), /training-rules\.yaml: techniques\.definitions\.rest-pause\.sources\.0 names unknown passage/],
    ['an unknown technique for a group', (t: string) => t.replace('legs: [drop set, superset, partials]', 'legs: [drop set, blood flow restriction]'), /training-rules\.yaml: techniques\.byGroup\.legs\.1 is invalid/],
    ['an anchor that is not in the catalogue', (t: string) => t.replace('anchors: [barbell-hip-thrust]', 'anchors: [smith-machine-thrust]'), /training-rules\.yaml: groups\.glutes\.anchors\.0 names unknown exercise "smith-machine-thrust"/],
    ['an anchor no lead slot can hold', (t: string) => t.replace('anchors: [barbell-hip-thrust]', 'anchors: [leg-press]'), /training-rules\.yaml: groups\.glutes\.anchors\.0 "leg-press" must be a mainLift that a lead slot can hold/],
    ['a focus without its progression sources cited', (t: string) => t.replace('legs: [leg-training#progressive-overload, leg-training#safety]', 'legs: [leg-training#progress]'), /training-rules\.yaml: progression\.sources\.legs\.0 names unknown passage "leg-training#progress"/],
    ['a beginner cap above the overall cap', (t: string) => t.replace('byLevel: { beginner: 5, intermediate: 6, advanced: 6 }', 'byLevel: { beginner: 7, intermediate: 6, advanced: 6 }'), /training-rules\.yaml: exerciseCount\.byLevel\.beginner must not exceed exerciseCount\.max \(6\)/],
  ])('GIVEN rules with %s THEN loading names the file and the field', (_what, edit, message) => {
    expect(loadError(brokenCopy('training-rules.yaml', edit)).message).toMatch(message);
  });
});
