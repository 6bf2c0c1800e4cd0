// The input size guard every importer runs before parsing. Strings do not know their encoded size,
// so the limit is checked in UTF-8 bytes computed from UTF-16 code units without encoding (the
// Figma sandbox has no TextEncoder): each code unit is 1 to 3 bytes, a surrogate pair is 4 bytes.
// A string of n code units is therefore n to 3n bytes: over the limit at once when n > limit,
// under it at once when 3n <= limit, and only in between is it counted (one pass, no copies).
import type { Problem } from '../result';
import { utf8Length } from '../storage/utf8';

export { utf8Length };

/** The largest text an importer accepts: 10 MiB of UTF-8. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** A problem when the text is over the limit, else undefined. Never looks at more than it must. */
export function checkInputSize(text: string, limit: number = MAX_INPUT_BYTES): Problem | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = text.length > limit ? text.length : utf8Length(text);
  if (bytes <= limit) return undefined;
  const atLeast = text.length > limit ? 'at least ' : '';
  return {
    path: '',
    message: `is too large to import (${atLeast}${mb(bytes)} MB); the limit is ${mb(limit)} MB. Split the journey or remove unused rows`,
  };
}
