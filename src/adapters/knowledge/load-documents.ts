/** Loads knowledge/*.md (front-matter + `## ` sections) into documents and passages. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.ts';
import { documentMetaSchema, slugify, type DocumentMeta, type Passage } from '../../core/library.ts';
import { KnowledgeError, validateKnowledge } from './knowledge-error.ts';

/** A parsed document with its passages. */
export interface LoadedDocument {
  meta: DocumentMeta;
  passages: Passage[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Turns a section's markdown into the plain text that quotes are checked against. */
export function plainText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/(?<![\w*])\*(?!\s)(.+?)\*(?![\w*])/g, '$1')
        .replace(/`([^`]+)`/g, '$1')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses one document's source text; `file` names it in errors. */
export function parseDocument(file: string, source: string): LoadedDocument {
  const fm = FRONT_MATTER.exec(source);
  if (!fm) throw new KnowledgeError(file, 'front-matter', 'missing the --- front-matter block at the top');
  let raw: unknown;
  try {
    raw = parseYaml(fm[1] ?? '');
  } catch (error) {
    throw new KnowledgeError(file, 'front-matter', `is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const meta = validateKnowledge(file, documentMetaSchema, raw);
  const body = source.slice(fm[0].length);
  const passages: Passage[] = [];
  const sections = body.split(/^## +/m).slice(1);
  if (sections.length === 0) throw new KnowledgeError(file, 'sections', 'has no "## " section headings');
  for (const section of sections) {
    const newline = section.indexOf('\n');
    const heading = (newline === -1 ? section : section.slice(0, newline)).trim();
    const text = plainText(newline === -1 ? '' : section.slice(newline + 1).replace(/^#.*$/gm, ''));
    const slug = slugify(heading);
    const id = `${meta.id}#${slug}`;
    if (!slug) throw new KnowledgeError(file, 'sections', `heading "${heading}" gives an empty id`);
    if (!text) throw new KnowledgeError(file, `sections.${slug}`, 'has a heading but no text');
    if (passages.some((p) => p.id === id)) throw new KnowledgeError(file, `sections.${slug}`, 'appears twice; headings must be unique');
    passages.push({
      id,
      docId: meta.id,
      docTitle: meta.title,
      sourceTitle: meta.origin.title,
      heading,
      text,
      reliability: meta.reliability.level,
      topics: meta.topics,
      disputedBy: meta.disputes[slug] ?? [],
    });
  }
  for (const slug of Object.keys(meta.disputes)) {
    if (!passages.some((p) => p.id === `${meta.id}#${slug}`)) {
      throw new KnowledgeError(file, `disputes.${slug}`, 'names a section this document does not have');
    }
  }
  return { meta, passages };
}

/** Reads every knowledge/*.md document in file-name order. */
export function loadDocuments(dir: string): LoadedDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => parseDocument(join(dir, name), readFileSync(join(dir, name), 'utf8')));
}
