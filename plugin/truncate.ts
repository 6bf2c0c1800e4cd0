// Shortens text for Figma's toast without breaking a character: never a lone surrogate half, never
// half a flag, never a dangling zero-width joiner or variation selector.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isRegionalIndicatorAt = (text: string, i: number) => {
  const cp = text.codePointAt(i) ?? 0;
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
};
/** Characters that only mean something joined to the next one. */
const JOINERS = new Set([0x200d, 0xfe0e, 0xfe0f]);

/** At most `max` UTF-16 code units, ending in "…" when shortened. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (isHigh(text.charCodeAt(end - 1))) end--;
  while (end > 0 && JOINERS.has(text.charCodeAt(end - 1))) end--;
  // Flags are pairs of regional indicators (2 code units each): keep only whole pairs.
  let indicators = 0;
  while (end - 2 * (indicators + 1) >= 0 && isRegionalIndicatorAt(text, end - 2 * (indicators + 1))) indicators++;
  if (indicators % 2 === 1) end -= 2;
  return `${text.slice(0, end)}…`;
}
