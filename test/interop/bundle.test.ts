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
    for (const name of ['document.', 'window.', 'localStorage', 'TextEncoder', 'require("fs")', 'Buffer.']) expect(code).not.toContain(name);
    const run = new Function(`${code}; return interop;`) as () => typeof import('../../shared/interop');
    const api = run();
    const r = api.importJourneyText('stage,step,lane,text\nA,a,Pains,x\n', 'x.csv');
    expect(r.ok).toBe(true);
  }, 60_000);
});
