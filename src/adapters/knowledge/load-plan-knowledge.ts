/** Loads what the plan generator reads: the library, knowledge/exercises.json and knowledge/training-rules.yaml. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.ts';
import { exerciseCatalogueSchema, type Exercise } from '../../core/exercise.ts';
import type { Library } from '../../core/library.ts';
import { collectSources, trainingRulesSchema, type PlanKnowledge, type TrainingRules } from '../../core/training-rules.ts';
import { KnowledgeError, validateKnowledge } from './knowledge-error.ts';
import { readKnowledgeSnapshot } from './knowledge-snapshot.ts';
import { loadLibrary } from './load-library.ts';
import { defaultKnowledgeDir } from './paths.ts';

export type { PlanKnowledge } from '../../core/training-rules.ts';

/**
 * File names inside the knowledge folder. The catalogue is JSON because it is large and the yaml parser needs tens
 * of milliseconds for it (JSON.parse: well under one); the rules stay YAML for their explanatory comments.
 */
export const CATALOGUE_FILE = 'exercises.json';
/** @see CATALOGUE_FILE */
export const RULES_FILE = 'training-rules.yaml';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(file, '(file)', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function readParsed(file: string, format: 'YAML' | 'JSON', parse: (source: string) => unknown): unknown {
  const source = readText(file);
  try {
    return parse(source);
  } catch (error) {
    throw new KnowledgeError(file, '(root)', `is not valid ${format} (${(error as Error).message.split('\n')[0]})`);
  }
}

function checkCitations(file: string, found: { path: string; ids: string[] }[], library: Library): void {
  for (const { path, ids } of found) {
    ids.forEach((id, i) => {
      if (!library.byId.has(id)) throw new KnowledgeError(file, `${path}.${i}`, `names unknown passage "${id}"`);
    });
  }
}

/** Parses and checks the catalogue text against a library; `file` names it in errors. */
export function parseCatalogue(file: string, raw: unknown, library: Library): Exercise[] {
  const { exercises } = validateKnowledge(file, exerciseCatalogueSchema, raw);
  const seen = new Map<string, number>();
  exercises.forEach((exercise, i) => {
    const earlier = seen.get(exercise.id);
    if (earlier !== undefined) throw new KnowledgeError(file, `exercises.${i}.id`, `"${exercise.id}" is already used by exercises.${earlier}`);
    seen.set(exercise.id, i);
    if (exercise.role !== 'warm-up' && !exercise.pattern) {
      throw new KnowledgeError(file, `exercises.${i}.pattern`, 'is required for working exercises (the generator slots them by pattern)');
    }
  });
  checkCitations(
    file,
    exercises.map((e, i) => ({ path: `exercises.${i}.sources`, ids: e.sources })),
    library,
  );
  return exercises;
}

/** Parses and checks the rules text against a library; `file` names it in errors. */
export function parseRules(file: string, raw: unknown, library: Library): TrainingRules {
  const rules = validateKnowledge(file, trainingRulesSchema, raw);
  if (rules.sets.min > rules.sets.max) throw new KnowledgeError(file, 'sets.min', 'must not exceed sets.max');
  for (const [level, sets] of Object.entries(rules.sets.byLevel)) {
    for (const key of ['compound', 'isolation', 'floor'] as const) {
      if (sets[key] < rules.sets.min || sets[key] > rules.sets.max) {
        throw new KnowledgeError(file, `sets.byLevel.${level}.${key}`, `must be within ${rules.sets.min}–${rules.sets.max}`);
      }
    }
  }
  checkCitations(file, collectSources(rules), library);
  return rules;
}

/**
 * Checks the catalogue and the rules against each other: every technique an exercise lists suits it by the rules
 * (a drop set needs a load that can drop, myo-reps an isolation move), and every anchor is a main lift the shape's
 * lead slots can hold. `files` names the catalogue and the rules in errors.
 */
export function crossCheck(files: { catalogue: string; rules: string }, exercises: readonly Exercise[], rules: TrainingRules): void {
  exercises.forEach((exercise, i) => {
    exercise.techniques.forEach((technique, j) => {
      const rule = rules.techniques.definitions[technique];
      const needs: readonly string[] | undefined = rule.needsAnyOf;
      if (!rule.mechanics.includes(exercise.mechanics)) {
        throw new KnowledgeError(files.catalogue, `exercises.${i}.techniques.${j}`, `"${technique}" is for ${rule.mechanics.join(' or ')} exercises, and ${exercise.id} is ${exercise.mechanics}`);
      }
      if (needs && !exercise.equipment.some((item) => needs.includes(item))) {
        throw new KnowledgeError(files.catalogue, `exercises.${i}.techniques.${j}`, `"${technique}" needs one of ${needs.join(', ')}, and ${exercise.id} uses none`);
      }
    });
  });
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const shapes = [
    ...Object.entries(rules.groups).map(([name, shape]) => ({ path: `groups.${name}`, shape })),
    ...Object.entries(rules.focuses).map(([name, shape]) => ({ path: `focuses.${name}`, shape })),
  ];
  for (const { path, shape } of shapes) {
    if (!shape.slots.some((slot) => slot.lead)) throw new KnowledgeError(files.rules, `${path}.slots`, 'needs a slot marked lead: true (the main lift)');
    shape.anchors.forEach((id, i) => {
      const anchor = byId.get(id);
      if (!anchor) throw new KnowledgeError(files.rules, `${path}.anchors.${i}`, `names unknown exercise "${id}"`);
      const fits = shape.slots.some((slot) => slot.lead && anchor.pattern !== undefined && slot.patterns.includes(anchor.pattern));
      if (!anchor.mainLift || !fits) throw new KnowledgeError(files.rules, `${path}.anchors.${i}`, `"${id}" must be a mainLift that a lead slot can hold`);
    });
  }
  for (const [level, count] of Object.entries(rules.exerciseCount.byLevel)) {
    if (count > rules.exerciseCount.max) throw new KnowledgeError(files.rules, `exerciseCount.byLevel.${level}`, `must not exceed exerciseCount.max (${rules.exerciseCount.max})`);
  }
}

/**
 * Loads and validates the library, catalogue and rules; throws KnowledgeError naming the file and field. The compiled
 * code reads the build's snapshot of the shipped folder instead, while that folder is unchanged since the build.
 */
export function loadPlanKnowledge(dir: string = defaultKnowledgeDir): PlanKnowledge {
  return (dir === defaultKnowledgeDir && readKnowledgeSnapshot(dir)) || parsePlanKnowledge(dir);
}

/** Parses and checks the knowledge folder's files, ignoring any snapshot (the build writes its snapshot from this). */
export function parsePlanKnowledge(dir: string = defaultKnowledgeDir): PlanKnowledge {
  const library = loadLibrary(dir);
  const catalogueFile = join(dir, CATALOGUE_FILE);
  const rulesFile = join(dir, RULES_FILE);
  const exercises = parseCatalogue(catalogueFile, readParsed(catalogueFile, 'JSON', JSON.parse), library);
  const rules = parseRules(rulesFile, readParsed(rulesFile, 'YAML', parseYaml), library);
  crossCheck({ catalogue: catalogueFile, rules: rulesFile }, exercises, rules);
  return { exercises, rules, library };
}
