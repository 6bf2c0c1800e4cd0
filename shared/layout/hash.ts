// Stable hashes of spec property groups and of the stored journey. The renderer stores them on each
// node and rewrites a group only when its hash changes, so redrawing an unchanged journey writes
// nothing; the store checks the journey it reads back against one. A collision means a change is
// never drawn, so the hash is 64 bits: two 32-bit lanes (a 32-bit FNV-1a collision can be crafted
// in about 77k tries). No BigInt: it runs in Figma's interpreter on every render.

/** 64 digits, all of them legal in journey ids (shared/sync uses hashes in new card ids), as char codes. */
const DIGITS = Array.from('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_', (c) => c.charCodeAt(0));

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole lane. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * 64-bit hash of a string's UTF-16 code units, as 11 characters. Two multiply-xorshift lanes with
 * different multipliers and shifts read the text two code units at a time (half the interpreter
 * steps of a per-character loop: about as fast as 32-bit FNV-1a was in QuickJS); the xorshift feeds
 * high bits back down, so every code unit reaches every bit. The length goes into the final mix,
 * so "a" and "a\0" differ.
 */
export function hashText(text: string): string {
  const h = textHasher();
  h.update(text);
  return h.digest();
}

export interface TextHasher {
  /** Feeds the next part of the text; parts may be of any length. */
  update(part: string): void;
  /** The hash of everything fed so far: the same as hashText of the whole text. */
  digest(): string;
}

/** hashText over a text fed in parts, so a long text can be hashed between yields. */
export function textHasher(): TextHasher {
  let a = 0x811c9dc5;
  let b = 0x7f4a7c15;
  let length = 0;
  /** A code unit waiting for its partner (a part of odd length ended). */
  let carry = -1;
  const step = (w: number) => {
    a = Math.imul(a ^ w, 0x01000193);
    a ^= a >>> 17;
    b = Math.imul(b ^ w, 0x5bd1e995);
    b ^= b >>> 15;
  };
  return {
    update(part) {
      length += part.length;
      let i = 0;
      const n = part.length;
      if (carry >= 0 && n > 0) {
        step(carry | (part.charCodeAt(0) << 16));
        carry = -1;
        i = 1;
      }
      for (; i + 1 < n; i += 2) step(part.charCodeAt(i) | (part.charCodeAt(i + 1) << 16));
      if (i < n) carry = part.charCodeAt(i);
    },
    digest() {
      let x = a;
      let y = b;
      if (carry >= 0) {
        x = Math.imul(x ^ carry, 0x01000193);
        y = Math.imul(y ^ carry, 0x5bd1e995);
      }
      x = mix(x ^ length);
      y = mix(y);
      // One native call builds the 11 characters: 5 digits of 6 bits per lane, then their last 2 bits each.
      const d = DIGITS;
      return String.fromCharCode(
        d[x >>> 26]!, d[(x >>> 20) & 63]!, d[(x >>> 14) & 63]!, d[(x >>> 8) & 63]!, d[(x >>> 2) & 63]!,
        d[y >>> 26]!, d[(y >>> 20) & 63]!, d[(y >>> 14) & 63]!, d[(y >>> 8) & 63]!, d[(y >>> 2) & 63]!,
        d[((x & 3) << 2) | (y & 3)]!,
      );
    },
  };
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
