/** Word-for-word quote verification and the grounding of a language model's cited reply. */
import type { Citation } from './answer-types.ts';
import { citationLedger } from './answer-render.ts';
import type { Passage } from './library.ts';
import { splitSentences } from './text-analysis.ts';

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
  /**
   * Why the model stopped (the API's `stop_reason`: "end_turn", "max_tokens", "refusal"…); a reply cut off or refused
   * is not published. Absent when the answerer does not report it.
   */
  stopReason?: string | null;
}

/** Shortest quote that counts as a citation: a whole clause, not a word or a letter. @default 20 */
export const MIN_CITED_CHARS = 20;

/**
 * Links and web addresses: never published, whatever cites them. A bare domain is matched in lowercase only, so a
 * sentence run into the next ("…the top.Be careful") is no link.
 */
const LINK = /\]\s*\(|https?:\/\/|\bwww\./i;
const BARE_DOMAIN = /\b[a-z0-9-]{2,}\.(?:com|net|org|io|ly|gg|app|dev|xyz|info|biz|co\.uk)\b/;

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

/** Removes raw `<cite …>` / `</cite>` markup that sometimes leaks into model text. */
export function stripCiteMarkup(text: string): string {
  return text.replace(/<\/?cite\b[^>]*>/gi, '').replace(/<\/?cite\b[^>]*$/i, '');
}

/**
 * True when `quote`, found at `at` in `text`, is a whole clause: at least MIN_CITED_CHARS long, starting where a
 * sentence or clause starts and ending where one ends. A letter or a half-phrase of a sentence backs nothing.
 */
export function isWholeClause(quote: string, text: string, at: number): boolean {
  if (quote.trim().length < MIN_CITED_CHARS || at < 0) return false;
  const before = text.slice(0, at);
  const after = text.slice(at + quote.length);
  const starts = before.trim() === '' || /[.!?;:,—–(]["”’)]?\s*$/.test(before);
  const ends = after.trim() === '' || /[.!?;:,)]["”’)]*\s*$/.test(quote) || /^["”’)]*[.!?;:,)]/.test(after);
  return starts && ends;
}

/** The verified quote a model citation stands for, or null when it names another passage, misquotes, or quotes too little. */
function verify(cited: LlmCitation, passages: ReadonlyMap<string, Passage>): { passage: Passage; quote: string } | null {
  const passage = passages.get(cited.passageId);
  const quote = passage ? locateQuote(cited.citedText, passage.text) : null;
  if (!passage || !quote || !isWholeClause(quote, passage.text, passage.text.indexOf(quote))) return null;
  return { passage, quote };
}

/** A reply reduced to verified citations: answer text with [n] markers and the numbered citations. */
export interface GroundedReply {
  answer: string;
  citations: Citation[];
  /** Segments removed because no verified citation backs them, or because they carry a link. */
  droppedSegments: number;
  /** Whether what is left holds at least one full cited sentence (four words or more, ending in . ! or ?). */
  fullSentence: boolean;
}

/** Words in a sentence that make it a full one rather than a fragment. @default 4 */
const FULL_SENTENCE_WORDS = 4;

/**
 * Verifies every citation against the passage it names, numbers the survivors in order of first use, and keeps only
 * the segments they back, with [n] markers after each. A segment with no verified citation, or with a link or web
 * address, is dropped whole: nothing unchecked is published. Returns citations: [] when nothing survived (the
 * caller treats that as ungrounded).
 */
export function groundReply(reply: LlmReply, passages: ReadonlyMap<string, Passage>): GroundedReply {
  const ledger = citationLedger();
  let droppedSegments = 0;
  const kept: string[] = [];
  for (const segment of reply.segments) {
    const text = stripCiteMarkup(segment.text);
    if (LINK.test(text) || BARE_DOMAIN.test(text)) {
      droppedSegments++;
      continue;
    }
    const verified = segment.citations.map((cited) => verify(cited, passages));
    if (!verified.some((v) => v !== null) || !text.trim()) {
      droppedSegments++;
      continue;
    }
    const markers = [...new Set(verified.flatMap((v) => (v ? [ledger.numberFor(v.passage, v.quote)] : [])))];
    // Put the markers before trailing punctuation/space so "…12–25 reps. " reads "…12–25 reps [1]. ".
    const tail = /[\s.,;:!?]*$/.exec(text)?.[0] ?? '';
    kept.push(`${text.slice(0, text.length - tail.length).trim()} ${markers.map((n) => `[${n}]`).join('')}${tail.trim()}`);
  }
  const joined = kept.join(' ').replace(/\s+\n/g, '\n').replace(/ {2,}/g, ' ').trim();
  const answer = joined.charAt(0).toUpperCase() + joined.slice(1);
  const words = answer.replace(/\s*\[\d+\]/g, '');
  const fullSentence = splitSentences(words).some((sentence) => /[.!?]["”’)]*$/.test(sentence) && sentence.split(/\s+/).length >= FULL_SENTENCE_WORDS);
  return { answer, citations: ledger.citations, droppedSegments, fullSentence };
}
