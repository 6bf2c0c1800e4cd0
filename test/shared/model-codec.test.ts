// The stored model: round trip of any text, and a header of any shape never crashes the reader.
import { parse } from 'acorn';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as codec from '../../shared/storage/model-codec';
import { decodeModel, encodeModel, MODEL_KEY, parseHeader } from '../../shared/storage/model-codec';

const store = (json: string) => {
  const encoded = encodeModel(json);
  if (!encoded.ok) throw new Error('not encoded');
  return new Map(encoded.value.entries);
};
const readBack = (entries: Map<string, string>) => decodeModel((k) => entries.get(k) ?? '');

/** The codec bundled as the plugin bundles it, run in a context with no TextEncoder, as in Figma's sandbox. */
async function codecWithoutTextEncoder(): Promise<typeof codec> {
  const result = await esbuild.build({
    entryPoints: [join(import.meta.dirname, '../../shared/storage/model-codec.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'codec',
    target: 'es2017',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  parse(code, { ecmaVersion: 2017, sourceType: 'script' });
  const sandbox = createContext({});
  expect(runInContext('typeof TextEncoder + typeof TextDecoder', sandbox)).toBe('undefinedundefined');
  return runInContext(`${code}; codec`, sandbox) as typeof codec;
}

describe('model codec', () => {
  it('stores and reads back any text, in a sandbox without TextEncoder (emoji, CJK Extension B, lone surrogates)', async () => {
    const inSandbox = await codecWithoutTextEncoder();
    const texts = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }));
    fc.assert(
      fc.property(texts, (text) => {
        const json = JSON.stringify({ text });
        const encoded = inSandbox.encodeModel(json);
        expect(encoded.ok).toBe(true);
        if (!encoded.ok) return;
        const entries = new Map(encoded.value.entries);
        expect(inSandbox.decodeModel((k) => entries.get(k) ?? '')).toEqual({ ok: true, value: json });
        // The same bytes as the in-process codec: one path, whatever globals exist.
        expect(encoded.value.entries).toEqual(encodeModel(json).ok && [...store(json)]);
      }),
      { numRuns: 200 },
    );
    expect(inSandbox.decodeModel((k) => store('"😀𠀀"').get(k) ?? '')).toEqual({ ok: true, value: '"😀𠀀"' });
  }, 60_000);

  it('reads a header of null, or any other JSON value, as unreadable without throwing', () => {
    for (const raw of ['null', '0', '"x"', '[]', 'true', '{}', '{"format":"journey-mapper-store"}', '{"format":"journey-mapper-store","v":"1"}', 'not json']) {
      const read = decodeModel((k) => (k === MODEL_KEY ? raw : ''));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error.kind).toBe('unreadable');
    }
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const raw = JSON.stringify(value);
        expect(() => parseHeader(raw)).not.toThrow();
      }),
    );
  });

  it('reports a store from a newer Journey Mapper as newer, never reads it as v1', () => {
    const entries = store('{"a":1}');
    const header = JSON.parse(entries.get(MODEL_KEY)!) as Record<string, unknown>;
    entries.set(MODEL_KEY, JSON.stringify({ ...header, v: 2 }));
    const read = readBack(entries);
    expect(read).toEqual({ ok: false, error: { kind: 'newer', message: expect.stringContaining('newer Journey Mapper') } });
  });

  it('tells "nothing stored" from damage', () => {
    expect(readBack(new Map())).toEqual({ ok: false, error: { kind: 'none', message: expect.any(String) } });
    const entries = store('{"a":1}');
    entries.set('model_0', `${entries.get('model_0')!.slice(0, -4)}AAAA`);
    expect(readBack(entries)).toEqual({ ok: false, error: { kind: 'unreadable', message: expect.stringContaining('checksum') } });
  });

  it('still reads a store written by 0.1 (32-bit FNV-1a checksum)', () => {
    const entries = store('{"a":"😀"}');
    const header = JSON.parse(entries.get(MODEL_KEY)!) as Record<string, unknown>;
    entries.set(MODEL_KEY, JSON.stringify({ ...header, hash: '0q0lz5s' }));
    expect(readBack(entries).ok).toBe(false);
    // The checksum 0.1 wrote for this JSON:
    entries.set(MODEL_KEY, JSON.stringify({ ...header, hash: legacyHash('{"a":"😀"}') }));
    expect(readBack(entries)).toEqual({ ok: true, value: '{"a":"😀"}' });
  });
});

function legacyHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
