// The README's "Reading a journey from a map" sample, run as another plugin would run it: bundled
// with fflate, in a context without TextDecoder (as Figma's sandbox), against a map this plugin drew.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { draw, example, stage } from '../support/map-fixture';

const root = join(import.meta.dirname, '../..');

function readmeSample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('### Reading a journey from a map');
  const block = /```js\n([\s\S]*?)\n```/.exec(readme.slice(start));
  if (start < 0 || !block) throw new Error('README.md has no js sample under "Reading a journey from a map"');
  return block[1]!;
}

async function bundle(code: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: `${code}\nglobalThis.result = journey;\n`, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2017',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('README: reading a journey from a map', () => {
  it('the sample reads the journey of the selected map, astral text included, without TextDecoder', async () => {
    const s = stage();
    const j = example('retail-purchase');
    j.title = `${j.title} 😀𠀀🇯🇵`;
    j.cards[0]!.text = `${j.cards[0]!.text} 👩‍👩‍👧`;
    const { map } = await draw(s, j);
    const card = map.findOne((n) => n.type === 'TEXT')!;
    s.figma.currentPage.selection = [card];
    const sandbox = createContext({ figma: { base64Decode: (t: string) => s.figma.base64Decode(t), currentPage: s.figma.currentPage } });
    expect(runInContext('typeof TextDecoder + typeof TextEncoder', sandbox)).toBe('undefinedundefined');
    runInContext(await bundle(readmeSample()), sandbox);
    expect(JSON.parse(JSON.stringify(sandbox.result))).toEqual(JSON.parse(JSON.stringify(j)));
  }, 30_000);
});
