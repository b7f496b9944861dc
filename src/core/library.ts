/** The coaching library's domain types and the zod schema for a document's front-matter. */
import { z } from 'zod';
import type { Claim } from './claims.ts';

/** How far a source can be trusted, with a one-line reason shown to maintainers and used by answers. */
export const reliabilitySchema = z.object({
  level: z.enum(['high', 'low']),
  reason: z.string().min(1),
});

/** A citation in the catalogue or the training rules: a passage id, `<doc-id>#<section-slug>`. */
export const passageIdSchema = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must look like "<doc-id>#<section-slug>"');

/** Front-matter of one knowledge/*.md document. */
export const documentMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes'),
  title: z.string().min(1),
  /** Where the facts come from: the source article's title and author. */
  origin: z.object({
    title: z.string().min(1),
    author: z.string().min(1),
    note: z.string().optional(),
  }),
  topics: z.array(z.string().min(1)).min(1),
  reliability: reliabilitySchema,
  /**
   * Sections of this document that other passages contradict: section slug → passage ids that dispute it.
   * Answers citing a disputed section must also cite (and name) the disagreement.
   * @default {}
   */
  disputes: z.record(z.string(), z.array(z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/))).default({}),
});

/** A document's metadata after validation. */
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** Reliability level of a source. */
export type Reliability = DocumentMeta['reliability']['level'];

/** The citable unit: one `## ` section of a document, id `<doc-id>#<slug>`. */
export interface Passage {
  id: string;
  docId: string;
  /** The document's own title (our wording). */
  docTitle: string;
  /** The source article's title, for citations shown to members. */
  sourceTitle: string;
  heading: string;
  /** The section's prose, markdown stripped to plain sentences: the text quotes are checked against. */
  text: string;
  reliability: Reliability;
  topics: string[];
  /** Passage ids that contradict this passage (from the document's `disputes`). */
  disputedBy: string[];
}

/** The loaded library: documents and their passages, in file order, and the recorded verdicts on claims. */
export interface Library {
  documents: DocumentMeta[];
  passages: Passage[];
  byId: ReadonlyMap<string, Passage>;
  /** Recorded verdicts (knowledge/claims.yaml); the only verdicts an answer may give. */
  claims: readonly Claim[];
}

/** Turns a heading into the slug used in passage ids. */
export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Builds the library value from validated documents, their passages and (optionally) recorded claims. */
export function makeLibrary(documents: DocumentMeta[], passages: Passage[], claims: readonly Claim[] = []): Library {
  return { documents, passages, byId: new Map(passages.map((p) => [p.id, p])), claims };
}
