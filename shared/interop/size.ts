// The input size guard every importer runs before parsing, and how it agrees with the model's own
// size limit. A journey may be at most LIMITS.journeyBytes of JSON as the plugin writes it (the
// model limit, checked by validateJourney); an import may be at most MAX_INPUT_BYTES, twice that,
// which holds every export of every valid journey in every format (CSV doubles quote marks and
// repeats names; test/interop/limits.test.ts exports a journey at the limit in each format and
// imports it back). Strings do not know their encoded size, so the limit is checked in UTF-8 bytes
// computed from UTF-16 code units without encoding (the Figma sandbox has no TextEncoder): each
// code unit is 1 to 3 bytes, a surrogate pair is 4 bytes. A string of n code units is therefore
// n to 3n bytes: over the limit at once when n > limit, under it at once when 3n <= limit, and
// only in between is it counted (one pass, no copies).
import { LIMITS } from '../model/limits';
import type { Problem } from '../result';
import { utf8Length } from '../storage/utf8';

export { utf8Length };

/** The largest file an importer accepts: twice the largest journey the model allows. */
export const MAX_INPUT_BYTES = 2 * LIMITS.journeyBytes;

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function tooLarge(bytes: number, limit: number, atLeast: boolean): Problem {
  return {
    path: '',
    message: `is too large to import (${atLeast ? 'at least ' : ''}${mb(bytes)} MB); the limit is ${mb(limit)} MB. Split the journey or remove unused rows`,
  };
}

/** A problem when a file of `bytes` bytes is over the limit, else undefined. */
export function checkByteSize(bytes: number, limit: number = MAX_INPUT_BYTES): Problem | undefined {
  return bytes > limit ? tooLarge(bytes, limit, false) : undefined;
}

/** A problem when the text is over the limit, else undefined. Never looks at more than it must. */
export function checkInputSize(text: string, limit: number = MAX_INPUT_BYTES): Problem | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = text.length > limit ? text.length : utf8Length(text);
  if (bytes <= limit) return undefined;
  return tooLarge(bytes, limit, text.length > limit);
}
