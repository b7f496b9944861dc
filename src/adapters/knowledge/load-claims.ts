/** Loads knowledge/claims.yaml: the recorded verdicts, checked against the library's passages. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.ts';
import { claimsFileSchema, type Claim } from '../../core/claims.ts';
import type { Library } from '../../core/library.ts';
import { analyze, rawTokens, splitSentences } from '../../core/text-analysis.ts';
import { KnowledgeError, validateKnowledge } from './knowledge-error.ts';

/** The claims file's name inside the knowledge folder. */
export const CLAIMS_FILE = 'claims.yaml';

/**
 * Validates the parsed claims file against a library; `file` names it in errors. Every passage id must exist, and a
 * verdict's reasons must be whole sentences of trusted passages, since the answer quotes them as they stand.
 */
export function parseClaims(file: string, raw: unknown, library: Pick<Library, 'byId'>): Claim[] {
  const { claims } = validateKnowledge(file, claimsFileSchema, raw);
  const seen = new Map<string, number>();
  claims.forEach((claim, i) => {
    const at = `claims.${i}`;
    const earlier = seen.get(claim.id);
    if (earlier !== undefined) throw new KnowledgeError(file, `${at}.id`, `"${claim.id}" is already used by claims.${earlier}`);
    seen.set(claim.id, i);
    claim.asks.forEach((group, g) =>
      group.forEach((entry, e) => {
        if (analyze(entry).length === 0 && rawTokens(entry).length === 0) throw new KnowledgeError(file, `${at}.asks.${g}.${e}`, 'has no words to match');
      }),
    );
    for (const key of ['supports', 'disputes'] as const) {
      claim[key].forEach((id, j) => {
        if (!library.byId.has(id)) throw new KnowledgeError(file, `${at}.${key}.${j}`, `names unknown passage "${id}"`);
      });
    }
    claim.because.forEach((reason, j) => {
      const passage = library.byId.get(reason.passage);
      if (!passage) throw new KnowledgeError(file, `${at}.because.${j}.passage`, `names unknown passage "${reason.passage}"`);
      if (passage.reliability !== 'high') {
        throw new KnowledgeError(file, `${at}.because.${j}.passage`, `"${reason.passage}" is low reliability; a verdict's reason must come from a trusted source`);
      }
      if (!splitSentences(passage.text).includes(reason.sentence)) {
        throw new KnowledgeError(file, `${at}.because.${j}.sentence`, `is not a sentence of "${reason.passage}" word for word`);
      }
    });
  });
  return claims;
}

/** Reads and checks `claims.yaml` in `dir`; a library without the file records no claims. */
export function loadClaims(dir: string, library: Pick<Library, 'byId'>): Claim[] {
  const file = join(dir, CLAIMS_FILE);
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnowledgeError(file, '(root)', `is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  return parseClaims(file, raw, library);
}
