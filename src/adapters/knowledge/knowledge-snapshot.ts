/**
 * The knowledge as the build leaves it: the library, catalogue and rules, parsed and checked once by `npm run build`
 * and written as one JSON file beside the compiled code. A start then reads JSON instead of parsing YAML and markdown
 * and validating them again (the YAML parse alone was a quarter of a compiled start). The snapshot names a digest of
 * every file it was built from, and is used only while the knowledge folder still has exactly that content.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary } from '../../core/library.ts';
import type { PlanKnowledge } from '../../core/training-rules.ts';
import { codeFolder } from './paths.ts';

/**
 * Where the snapshot lives: `dist/knowledge.snapshot.json` for the compiled code. From source the path points into
 * src/, where no snapshot is ever written, so tests and `npm run dev` always parse the files themselves.
 */
export const defaultSnapshotFile = join(codeFolder, 'knowledge.snapshot.json');

/** What the snapshot file holds. */
interface Snapshot {
  /** Digest of the knowledge folder's files (names and contents) it was built from. */
  digest: string;
  knowledge: Omit<PlanKnowledge, 'library'> & { library: Omit<PlanKnowledge['library'], 'byId'> };
}

/** A digest of every file directly in `dir` (name and bytes), in name order. */
export function knowledgeDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      // A folder (the loaders read none) or a file that vanished: its name still counts.
      bytes = Buffer.alloc(0);
    }
    hash.update(name).update('\0').update(String(bytes.length)).update('\0').update(bytes);
  }
  return hash.digest('hex');
}

/** Writes the snapshot of knowledge loaded (and checked) from `dir`. */
export function writeKnowledgeSnapshot(knowledge: PlanKnowledge, dir: string, file: string = defaultSnapshotFile): void {
  const { byId: _byId, ...library } = knowledge.library;
  const snapshot: Snapshot = { digest: knowledgeDigest(dir), knowledge: { ...knowledge, library } };
  writeFileSync(file, JSON.stringify(snapshot));
}

/** The snapshot's knowledge, or undefined when there is none or the folder's content has changed since the build. */
export function readKnowledgeSnapshot(dir: string, file: string = defaultSnapshotFile): PlanKnowledge | undefined {
  if (!existsSync(file)) return undefined;
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.digest !== knowledgeDigest(dir)) return undefined;
  const { library, ...rest } = snapshot.knowledge;
  return { ...rest, library: makeLibrary(library.documents, library.passages, library.claims) };
}
