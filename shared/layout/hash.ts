// Stable hashes of spec property groups and of the stored journey. The renderer stores them on each
// node and rewrites a group only when its hash changes, so redrawing an unchanged journey writes
// nothing; the store checks the journey it reads back against one. A collision means a change is
// never drawn, so the hash is 64 bits: two independent 32-bit lanes (a 32-bit FNV-1a collision
// can be crafted in about 77k tries). No BigInt: it runs in Figma's interpreter on every render.

/** 64 digits, all of them legal in journey ids (shared/sync uses hashes in new card ids). */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole lane. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 30 high bits of a lane as 5 digits. */
const fiveDigits = (h: number) =>
  DIGITS[h >>> 26]! + DIGITS[(h >>> 20) & 63]! + DIGITS[(h >>> 14) & 63]! + DIGITS[(h >>> 8) & 63]! + DIGITS[(h >>> 2) & 63]!;

/**
 * 64-bit hash of a string's UTF-16 code units, as 11 characters. Lane A is FNV-1a; lane B is
 * multiply-xorshift with another multiplier, whose shift feeds high bits back down so its low bits
 * do not follow lane A's.
 */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x7f4a7c15;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = mix(a ^ text.length);
  b = mix(b);
  return fiveDigits(a) + fiveDigits(b) + DIGITS[((a & 3) << 2) | (b & 3)]!;
}

/** @deprecated The old name, kept for callers outside this module; it is hashText (64 bits) now. */
export const fnv1a = hashText;

/** FNV-1a, 32 bit, as 7 base-36 characters: only to check journeys stored by earlier versions. */
export function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** JSON with sorted keys and no undefined values, so equal objects hash equally. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export const hashOf = (value: unknown): string => hashText(canonical(value));
