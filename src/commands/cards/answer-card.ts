/** Renders an Answer as a Card: the answer with [n] markers, its numbered sources, and who answered. */
import type { Answer } from '../../core/answer-types.ts';
import { clip } from '../../core/clip.ts';
import { answerCardText } from '../messages.ts';
import type { Card } from './card.ts';

/** Longest quote shown per source line; the full quote is in the citation. @default 140 */
export const QUOTE_PREVIEW = 140;

const ACCENT = 0x2e8b57;
const MUTED = 0x808080;

/** The "[n] Source — "quote"" lines, one per citation. */
function sourcesField(answer: Answer): string {
  return answer.citations.map((c) => `[${c.n}] ${c.source} — "${clip(c.quote, QUOTE_PREVIEW, { atWord: true })}"`).join('\n');
}

/** The card for an answer or an abstention. */
export function answerCard(answer: Answer): Card {
  const footer =
    (answer.mode === 'claude' ? answerCardText.claude : answerCardText.offline) + (answer.fallbackReason ? answerCardText.because(answer.fallbackReason) : '');
  if (answer.abstained || answer.citations.length === 0) {
    return { title: answer.refused ? answerCardText.refusedTitle : answerCardText.notCoveredTitle, description: answer.answer, fields: [], footer, color: MUTED };
  }
  return {
    title: answerCardText.title,
    description: answer.answer,
    fields: [{ name: answerCardText.sources, value: sourcesField(answer) }],
    footer,
    color: ACCENT,
  };
}
