// Bytes → text, without guessing silently. A file is read as UTF-8 (with or without a byte order
// mark) when its bytes are valid UTF-8; as UTF-16 when it starts with a UTF-16 byte order mark
// (Excel's "Unicode Text", LibreOffice's "Unicode"); and
// only otherwise as a one-byte Western encoding: Windows-1252 (what Excel's "CSV (Comma
// delimited)" writes on Windows), or Mac OS Roman when the bytes read better that way. The result
// says which, so the import report can tell the person. Pure code: no TextDecoder (the Figma
// sandbox and the shared/ type check have none).

import { utf8Length as utf8Size } from '../storage/utf8';

export interface Decoded {
  text: string;
  /** e.g. "UTF-8", "UTF-8 (byte order mark)", "UTF-16 LE (byte order mark)", "Windows-1252". */
  encoding: string;
  /** What the person should know about how the bytes were read, if anything. */
  notes: string[];
}

// Windows-1252 0x80–0x9F (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT);
// 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined there and read as the C1 control of the same number.
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
// Mac OS Roman 0x80–0xFF (https://www.unicode.org/Public/MAPPINGS/VENDORS/APPLE/ROMAN.TXT).
const MAC_ROMAN_80 =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

const CHUNK = 8192;

function fromCodes(codes: number[], out: string[]): void {
  for (let i = 0; i < codes.length; i += CHUNK) out.push(String.fromCharCode.apply(null, codes.slice(i, i + CHUNK)));
}

/** Strict UTF-8 → text, or undefined at the first invalid sequence (overlong, surrogate, > U+10FFFF, cut short). */
export function decodeUtf8(bytes: Uint8Array, start = 0): string | undefined {
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i]!;
    let cp: number;
    let n: number;
    if (b < 0x80) [cp, n] = [b, 1];
    else if (b >= 0xc2 && b <= 0xdf) [cp, n] = [b & 0x1f, 2];
    else if (b >= 0xe0 && b <= 0xef) [cp, n] = [b & 0x0f, 3];
    else if (b >= 0xf0 && b <= 0xf4) [cp, n] = [b & 0x07, 4];
    else return undefined;
    if (i + n > bytes.length) return undefined;
    for (let k = 1; k < n; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    if (cp >= 0x10000) codes.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else codes.push(cp);
    i += n;
    if (codes.length >= CHUNK) {
      fromCodes(codes, parts);
      codes = [];
    }
  }
  fromCodes(codes, parts);
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    codes.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (codes.length >= CHUNK) {
      fromCodes(codes, parts);
      codes = [];
    }
  }
  fromCodes(codes, parts);
  return parts.join('');
}

function decodeSingleByte(bytes: Uint8Array, high: string): string {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b < 0x80 || b - 0x80 >= high.length ? b : high.charCodeAt(b - 0x80);
  const parts: string[] = [];
  const codes = new Uint16Array(CHUNK);
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - i);
    for (let k = 0; k < n; k++) codes[k] = table[bytes[i + k]!]!;
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]));
  }
  return parts.join('');
}

const TYPOGRAPHY = /[‘’“”–—…€£«»°•]/;
const isLetter = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();

/**
 * How natural a one-byte reading looks: typographic punctuation, accented letters inside or at
 * the end of a word and capitals starting one count for it; a capital after a small letter
 * ("cafŽ") or a small letter before a capital ("ìWhy") counts against it.
 */
function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const ch = text[i]!;
    const prev = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    if (TYPOGRAPHY.test(ch)) score++;
    else if (!isLetter(ch)) continue;
    else if (ch !== ch.toUpperCase()) score += /[A-Za-z]/.test(prev) && !/[A-Z]/.test(next) ? 1 : /[A-Z]/.test(next) ? -1 : 0;
    else score += /[a-z]/.test(prev) ? -1 : /[a-z]/.test(next) ? 1 : 0;
  }
  return score;
}

function legacy(bytes: Uint8Array): Decoded {
  const s = bytes.subarray(0, 65_536); // enough text to tell the two encodings apart
  let undefinedIn1252 = false;
  for (let i = 0; i < bytes.length && !undefinedIn1252; i++) {
    const b = bytes[i]!;
    undefinedIn1252 = b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d;
  }
  const useMac = undefinedIn1252 || plausibility(decodeSingleByte(s, MAC_ROMAN_80)) > plausibility(decodeSingleByte(s, CP1252_80));
  const text = decodeSingleByte(bytes, useMac ? MAC_ROMAN_80 : CP1252_80);
  const encoding = useMac ? 'Mac OS Roman' : 'Windows-1252';
  const notes = [
    `the file is not UTF-8, so it was read as ${encoding}; if a character looks wrong, save the sheet as "CSV UTF-8" and import that`,
  ];
  const lost = text.match(/\?{2,}/g)?.length ?? 0;
  if (lost) notes.push(`${lost} places hold "??", which spreadsheets write for characters ${encoding} cannot hold (Arabic, Hebrew, Chinese…): they were lost when the file was saved. Save it as "CSV UTF-8" to keep them`);
  return { text, encoding, notes };
}

/** Text → UTF-8 bytes (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): Uint8Array {
  const out = new Uint8Array(utf8Size(text));
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
    else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) (out[at++] = 0xc0 | (c >> 6)), (out[at++] = 0x80 | (c & 63));
    else if (c < 0x10000) (out[at++] = 0xe0 | (c >> 12)), (out[at++] = 0x80 | ((c >> 6) & 63)), (out[at++] = 0x80 | (c & 63));
    else (out[at++] = 0xf0 | (c >> 18)), (out[at++] = 0x80 | ((c >> 12) & 63)), (out[at++] = 0x80 | ((c >> 6) & 63)), (out[at++] = 0x80 | (c & 63));
  }
  return out;
}

/** Reads a file's bytes as text; see the file comment for the rules. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    const text = decodeUtf8(bytes, 3);
    if (text !== undefined) return { text, encoding: 'UTF-8 (byte order mark)', notes: [] };
    return legacy(bytes.subarray(3));
  }
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    const le = a === 0xff;
    const notes = bytes.length % 2 ? ['the last byte of the file was cut off (UTF-16 has two bytes per character) and was not read'] : [];
    return { text: decodeUtf16(bytes, 2, le), encoding: `UTF-16 ${le ? 'LE' : 'BE'} (byte order mark)`, notes };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8', notes: [] };
  return legacy(bytes);
}
