/** Renders an Answer as a Card: the answer with [n] markers, its numbered sources, and who answered. */
import type { Answer } from '../core/answer-types.ts';
import type { Card } from './card.ts';

/** User-facing wording of answer cards. */
export const answerCardMessages = {
  title: 'Coach answers',
  notCoveredTitle: 'Not covered by the coaching library',
  sources: 'Sources',
  offline: 'Answered offline from the coaching library',
  claude: 'Answered by Claude from the coaching library',
  because: (reason: string) => ` (${reason})`,
} as const;

/** Discord's limits: embed description, field value and footer lengths. */
const DESCRIPTION_LIMIT = 4096;
const FIELD_LIMIT = 1024;
const FOOTER_LIMIT = 2048;
/** Longest quote shown per source line; the full quote is in the citation. @default 140 */
export const QUOTE_PREVIEW = 140;

const ACCENT = 0x2e8b57;
const MUTED = 0x808080;

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The "[n] Source — "quote"" lines, clipped so the field stays under Discord's 1024 characters. */
function sourcesField(answer: Answer): string {
  const lines = (preview: number) => answer.citations.map((c) => `[${c.n}] ${c.source} — "${clip(c.quote, preview)}"`).join('\n');
  let value = lines(QUOTE_PREVIEW);
  // Shrink quotes further when many citations would overflow the field.
  for (let preview = QUOTE_PREVIEW - 20; value.length > FIELD_LIMIT && preview >= 40; preview -= 20) value = lines(preview);
  return clip(value, FIELD_LIMIT);
}

/** The card for an answer or an abstention. */
export function answerCard(answer: Answer): Card {
  // Clipped for every card: an abstention's fallback reason can carry a long error message too.
  const footer = clip(
    (answer.mode === 'claude' ? answerCardMessages.claude : answerCardMessages.offline) +
      (answer.fallbackReason ? answerCardMessages.because(answer.fallbackReason) : ''),
    FOOTER_LIMIT,
  );
  if (answer.abstained || answer.citations.length === 0) {
    return { title: answerCardMessages.notCoveredTitle, description: clip(answer.answer, DESCRIPTION_LIMIT), fields: [], footer, color: MUTED };
  }
  return {
    title: answerCardMessages.title,
    description: clip(answer.answer, DESCRIPTION_LIMIT),
    fields: [{ name: answerCardMessages.sources, value: sourcesField(answer) }],
    footer,
    color: ACCENT,
  };
}
