// shared/interop is bundled into the Figma sandbox (ES2017, no DOM, no TextEncoder): check that a
// bundle of it, papaparse included, parses as ES2017 and references no browser or Node globals.
import { parse } from 'acorn';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('shared/interop in the Figma sandbox', () => {
  it('bundles to ES2017 without DOM, Node or TextEncoder references', async () => {
    const result = await esbuild.build({
      entryPoints: [join(import.meta.dirname, '../../shared/interop/index.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'interop',
      target: 'es2017',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(() => parse(code, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
    // Whole identifiers only ("officedocument." in the .xlsx content types is text, ArrayBuffer is fine).
    for (const name of ['document', 'window', 'localStorage', 'Buffer']) expect(code).not.toMatch(new RegExp(`(^|[^\\w.])${name}\\.`));
    expect(code).not.toContain('require("fs")');
    // fflate uses TextEncoder/TextDecoder only when they exist (typeof checks); nothing else may.
    expect(code.replace(/typeof Text(En|De)coder != "undefined" && \/\* @__PURE__ \*\/ new Text(En|De)coder\(\)/g, '')).not.toMatch(/Text(En|De)coder/);
    const run = new Function(`${code}; return interop;`) as () => typeof import('../../shared/interop');
    const api = run();
    const r = api.importJourneyText('stage,step,lane,text\nA,a,Pains,x\n', 'x.csv');
    expect(r.ok).toBe(true);
    const bytes = api.importJourney(Uint8Array.from([...'stage,lane,text\nA'].map((c) => c.charCodeAt(0)).concat([0xa3], [...',L,x\n'].map((c) => c.charCodeAt(0)))), { fileName: 'x.csv' });
    expect(bytes.ok).toBe(true);
    expect(bytes.report.encoding).toBe('Windows-1252');
    if (!r.ok) throw new Error('no journey');
    const book = api.importJourney(api.exportXlsx(r.value).data);
    expect(book.ok && book.report.format).toBe('xlsx');
  }, 60_000);
});
