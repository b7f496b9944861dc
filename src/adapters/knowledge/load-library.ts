/** Loads the coaching library's documents into a Library and checks cross-document references. */
import { makeLibrary, type Library } from '../../core/library.ts';
import { loadClaims } from './load-claims.ts';
import { loadDocuments } from './load-documents.ts';
import { KnowledgeError } from './knowledge-error.ts';
import { defaultKnowledgeDir } from './paths.ts';

/** Reads knowledge/*.md and knowledge/claims.yaml; throws KnowledgeError naming the file and field on any problem. */
export function loadLibrary(dir: string = defaultKnowledgeDir): Library {
  const docs = loadDocuments(dir);
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.meta.id)) throw new KnowledgeError(doc.meta.id, 'id', 'is used by two documents');
    seen.add(doc.meta.id);
  }
  const library = makeLibrary(
    docs.map((d) => d.meta),
    docs.flatMap((d) => d.passages),
  );
  for (const passage of library.passages) {
    for (const other of passage.disputedBy) {
      if (!library.byId.has(other)) {
        throw new KnowledgeError(`${passage.docId}.md`, `disputes.${passage.id.split('#')[1]}`, `names unknown passage "${other}"`);
      }
    }
  }
  return { ...library, claims: loadClaims(dir, library) };
}
