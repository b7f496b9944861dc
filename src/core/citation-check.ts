/** Word-for-word quote verification and the grounding of a language model's cited reply. */
import type { Citation } from './answer-types.ts';
import type { Passage } from './library.ts';

/** One citation as the model gave it: the passage id (search_result source) and the text it says it quoted. */
export interface LlmCitation {
  passageId: string;
  citedText: string;
}

/** A stretch of the model's reply and the citations that back it. */
export interface LlmSegment {
  text: string;
  citations: LlmCitation[];
}

/** The model's reply, in order, as the adapter received it (markup and bad citations not yet removed). */
export interface LlmReply {
  segments: LlmSegment[];
}

/** Longest quote kept when locating a quote, in characters; longer "quotes" are not citations of a sentence. */
const MAX_QUOTE_LENGTH = 2000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds `quote` in `text` word for word and returns the exact slice of `text` it matches, or null.
 * Only whitespace may differ (the API joins cited sentence blocks without the space between them); every other
 * character, punctuation included, must match.
 */
export function locateQuote(quote: string, text: string): string | null {
  const chars = [...quote.replace(/\s+/g, '')];
  if (chars.length === 0 || chars.length > MAX_QUOTE_LENGTH) return null;
  if (text.includes(quote.trim())) return quote.trim();
  const pattern = new RegExp(chars.map(escapeRegExp).join('\\s*'));
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

/** True when `quote` appears in `text` exactly, character for character. */
export function isVerbatim(quote: string, text: string): boolean {
  return quote.length > 0 && text.includes(quote);
}

/** Removes raw `<cite …>` / `</cite>` markup that sometimes leaks into model text. */
export function stripCiteMarkup(text: string): string {
  return text.replace(/<\/?cite\b[^>]*>/gi, '').replace(/<\/?cite\b[^>]*$/i, '');
}

/** A reply reduced to verified citations: answer text with [n] markers and the numbered citations. */
export interface GroundedReply {
  answer: string;
  citations: Citation[];
  /** Citations removed because their text was not in the passage or the passage was not one we sent. */
  dropped: number;
}

/**
 * Verifies every citation against the passage it names, numbers the survivors in order of first use, and appends
 * [n] markers after the text they back. Returns citations: [] when nothing survived (the caller treats that as
 * ungrounded).
 */
export function groundReply(reply: LlmReply, passages: ReadonlyMap<string, Passage>): GroundedReply {
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  let dropped = 0;
  let answer = '';
  for (const segment of reply.segments) {
    const markers: number[] = [];
    for (const cited of segment.citations) {
      const passage = passages.get(cited.passageId);
      const quote = passage ? locateQuote(cited.citedText, passage.text) : null;
      if (!passage || !quote) {
        dropped++;
        continue;
      }
      const key = `${passage.id}\u0000${quote}`;
      let n = numberOf.get(key);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(key, n);
        citations.push({ n, passageId: passage.id, source: passage.sourceTitle, quote });
      }
      if (!markers.includes(n)) markers.push(n);
    }
    const text = stripCiteMarkup(segment.text);
    if (markers.length === 0) {
      answer += text;
      continue;
    }
    // Put the markers before trailing punctuation/space so "…12–25 reps. " reads "…12–25 reps [1]. ".
    const tail = /[\s.,;:!?]*$/.exec(text)?.[0] ?? '';
    answer += `${text.slice(0, text.length - tail.length)} ${markers.map((n) => `[${n}]`).join('')}${tail}`;
  }
  return { answer: answer.replace(/[ \t]+\n/g, '\n').replace(/ {2,}/g, ' ').trim(), citations, dropped };
}
