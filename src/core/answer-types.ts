/** The answering layer's result shape (the CLI's `ask --json` contract). */

/** One numbered citation: a word-for-word quote of a passage. */
export interface Citation {
  n: number;
  passageId: string;
  /** The source document's title. */
  source: string;
  /** Exact text found in the passage. */
  quote: string;
}

/** Which answerer replied. */
export type AnswerMode = 'offline' | 'claude';

/** A grounded answer, or an honest abstention. */
export interface Answer {
  question: string;
  mode: AnswerMode;
  abstained: boolean;
  /** Set when the question asked for something the bot will not help with (drugs without a prescription). */
  refused?: boolean;
  answer: string;
  citations: Citation[];
  /** Why Claude did not answer (no key, API fault, ungrounded reply), when mode is offline. */
  fallbackReason?: string;
}

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;
