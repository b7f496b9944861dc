/** Shortening text to a length, marking the cut with "…": the one helper for every limit and preview. */

/**
 * Returns `text` if it fits in `max` characters, else a prefix ending in "…" that does. With `atWord`, the cut
 * falls on a word boundary when one is near (so a preview does not end mid-word) and trailing punctuation goes.
 */
export function clip(text: string, max: number, options: { atWord?: boolean } = {}): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  if (!options.atWord) return `${cut}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
