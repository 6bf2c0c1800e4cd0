// shared/storage/utf8.ts is the one UTF-8 path of the plugin (Figma's sandbox has no TextEncoder):
// it must give exactly what Node's TextEncoder and TextDecoder give, on any text and any bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8, utf8Length } from '../../shared/storage/utf8';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** Any UTF-16 string, lone surrogates included. */
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const samples = ['😀', '𠀀 CJK Ext B', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '🇫🇷', '👩‍👩‍👧‍👦', '\ud83d', 'a\udc00b', '\udbff\udfff', '\uffff\u2028\u0000'];

describe('encodeUtf8', () => {
  it('gives the bytes TextEncoder gives, lone surrogates as U+FFFD', () => {
    for (const s of samples) expect(encodeUtf8(s)).toEqual(encoder.encode(s));
    fc.assert(fc.property(anyText, (text) => {
      expect(encodeUtf8(text)).toEqual(encoder.encode(text));
    }), { numRuns: 500 });
  });

  it('is as long as utf8Length says', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(encodeUtf8(text).length).toBe(utf8Length(text));
    }), { numRuns: 300 });
  });
});

describe('decodeUtf8', () => {
  it('reads back any text of whole graphemes exactly', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      expect(decodeUtf8(encodeUtf8(text))).toBe(text);
    }), { numRuns: 500 });
  });

  it('reads back any UTF-16 string as TextDecoder does (lone surrogates become U+FFFD)', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(decodeUtf8(encoder.encode(text))).toBe(decoder.decode(encoder.encode(text)));
    }), { numRuns: 500 });
  });

  it('decodes any bytes, ill-formed included, as TextDecoder does', () => {
    const bytes = fc.uint8Array({ maxLength: 200 });
    const nearUtf8 = fc.array(fc.constantFrom(0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff), { maxLength: 60 });
    fc.assert(fc.property(fc.oneof(bytes, nearUtf8.map((a) => Uint8Array.from(a))), (b) => {
      expect(decodeUtf8(b)).toBe(decoder.decode(b));
    }), { numRuns: 1000 });
  });

  it('decodes texts longer than one internal chunk', () => {
    const text = '😀a\u00e9\u4e00'.repeat(10_000);
    expect(decodeUtf8(encoder.encode(text))).toBe(text);
  });
});
