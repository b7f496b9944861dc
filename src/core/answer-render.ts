/** Renders composed answer lines as answer text with [n] markers and numbered, verbatim citations. */
import type { Answer, Citation } from './answer-types.ts';
import type { Passage } from './library.ts';

/** Numbers citations in order of first use: the same quote of the same passage keeps its number. */
export interface CitationLedger {
  citations: Citation[];
  numberFor(passage: Passage, quote: string): number;
}

/** A fresh ledger. */
export function citationLedger(): CitationLedger {
  const citations: Citation[] = [];
  const numbers = new Map<string, number>();
  return {
    citations,
    numberFor(passage, quote) {
      const key = `${passage.id}\u0000${quote}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = citations.length + 1;
        numbers.set(key, n);
        citations.push({ n, passageId: passage.id, source: passage.sourceTitle, quote });
      }
      return n;
    },
  };
}

/** One sentence of an answer: a cited quote (optionally after a fixed lead), or fixed text (a verdict, a referral). */
export type AnswerLine = { kind: 'quote'; passage: Passage; sentence: string; lead?: string } | { kind: 'text'; text: string };

/** The lines answering one part of a question, under an optional short heading. */
export interface AnswerBlock {
  heading?: string;
  lines: AnswerLine[];
}

/**
 * A quoted sentence put after a lead that ends in a colon ("The sources disagree: a glute pump…") continues the lead's
 * sentence, so its first letter is lowercased, unless the first word is an acronym or a token like "BFR",
 * "L-citrulline" or "IGF-1". Citations keep the verbatim sentence; only the running answer text changes.
 */
export function continueAfterLead(sentence: string): string {
  const first = /^["“(]?(\S+)/.exec(sentence)?.[1] ?? '';
  if (!/^[A-Z]([a-z]|$)/.test(first) || /\d/.test(first)) return sentence;
  const at = sentence.indexOf(first);
  return `${sentence.slice(0, at)}${first.charAt(0).toLowerCase()}${sentence.slice(at + 1)}`;
}

/** Places a [n] marker before a sentence's closing punctuation: "…12–25 reps [1]." */
export function withMarker(sentence: string, n: number): string {
  const tail = /[.!?]["”’)]*$/.exec(sentence)?.[0] ?? '';
  const body = sentence.slice(0, sentence.length - tail.length);
  return `${body} [${n}]${tail || '.'}`;
}

/**
 * Renders blocks in order, one line of text per block. A sentence quoted twice keeps its first number; a heading reads
 * as the lead of its block's first sentence ("Sleep: for recovery and growth, aim for…"), and is not repeated by the
 * block right after it.
 */
export function renderAnswer(question: string, blocks: AnswerBlock[]): Answer {
  const ledger = citationLedger();
  const paragraphs: string[] = [];
  let previousHeading: string | undefined;
  for (const block of blocks) {
    // Two parts answered from the same section read as one heading, not the same heading twice.
    const heading = block.heading === previousHeading ? undefined : block.heading;
    previousHeading = block.heading;
    const parts: string[] = [];
    for (const line of block.lines) {
      let text: string;
      if (line.kind === 'text') {
        text = line.text;
      } else {
        const n = ledger.numberFor(line.passage, line.sentence);
        text = line.lead ? `${line.lead} ${withMarker(continueAfterLead(line.sentence), n)}` : withMarker(line.sentence, n);
      }
      parts.push(parts.length === 0 && heading ? `${heading}: ${continueAfterLead(text)}` : text);
    }
    if (parts.length) paragraphs.push(parts.join(' '));
  }
  return { question, mode: 'offline', abstained: false, answer: paragraphs.join('\n'), citations: ledger.citations };
}
