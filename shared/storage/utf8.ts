// UTF-8 without TextEncoder/TextDecoder. Figma's sandbox globals are figma, __html__, __uiFiles__,
// console, timers and fetch (@figma/plugin-typings index.d.ts L3-L56): no TextEncoder, no
// TextDecoder. A fallback chosen by whether they exist makes tests in Node run another path than
// the plugin in Figma, and fflate's own fallback (strToU8) mis-encodes every surrogate pair, so an
// emoji made the stored journey fail its checksum. These functions are the one path everywhere;
// test/shared/utf8.test.ts checks them against Node's TextEncoder and TextDecoder.

const REPLACEMENT = 0xfffd;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** UTF-8 size of a string, counted from its UTF-16 code units. Lone surrogates count 3 (U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The UTF-8 bytes of a string, as TextEncoder.encode gives them (a lone surrogate becomes U+FFFD). */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(utf8Length(text));
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[at++] = c;
      continue;
    }
    if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      out[at++] = 0xf0 | (c >> 18);
      out[at++] = 0x80 | ((c >> 12) & 0x3f);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (isHigh(c) || isLow(c)) c = REPLACEMENT;
    out[at++] = 0xe0 | (c >> 12);
    out[at++] = 0x80 | ((c >> 6) & 0x3f);
    out[at++] = 0x80 | (c & 0x3f);
  }
  return out;
}

/** Code units are turned into a string this many at a time (fromCharCode's argument count is bounded). */
const CHUNK = 8192;

/**
 * Decodes UTF-8 as TextDecoder does (WHATWG "UTF-8 decode", no BOM handling): every ill-formed
 * sequence becomes one U+FFFD per maximal subpart, so any bytes decode and none are skipped silently.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(CHUNK + 1);
  let n = 0;
  const flush = () => {
    parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
    n = 0;
  };
  for (let i = 0; i < bytes.length; ) {
    const b0 = bytes[i]!;
    let cp: number;
    if (b0 < 0x80) {
      cp = b0;
      i++;
    } else {
      cp = readCodePoint(bytes, i);
      i = afterCodePoint;
    }
    if (cp < 0x10000) units[n++] = cp;
    else {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
    if (n >= CHUNK) flush();
  }
  if (n > 0) flush();
  return parts.join('');
}

/** Where the code point readCodePoint last read ends (a variable, not an object per character). */
let afterCodePoint = 0;

/** The multi-byte code point starting at `i`, or U+FFFD for an ill-formed sequence. */
function readCodePoint(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  let need: number;
  let cp: number;
  // The second byte's range rules out overlong forms and surrogates (WHATWG encoding, UTF-8 decoder).
  let lower = 0x80;
  let upper = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    need = 1;
    cp = b0 & 0x1f;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    cp = b0 & 0x0f;
    if (b0 === 0xe0) lower = 0xa0;
    if (b0 === 0xed) upper = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 === 0xf0) lower = 0x90;
    if (b0 === 0xf4) upper = 0x8f;
  } else {
    afterCodePoint = i + 1;
    return REPLACEMENT;
  }
  let j = i + 1;
  for (let k = 0; k < need; k++, j++) {
    const b = bytes[j];
    if (b === undefined || b < lower || b > upper) {
      afterCodePoint = j;
      return REPLACEMENT;
    }
    cp = (cp << 6) | (b & 0x3f);
    lower = 0x80;
    upper = 0xbf;
  }
  afterCodePoint = j;
  return cp;
}
