// Loads the BUILT sandbox bundle (dist/code.js) into the Figma emulator, in QuickJS (test/figma/quickjs)
// (only figma, __html__, __uiFiles__, console and timers are global, as in Figma's sandbox: typings index.d.ts)
// and checks that it opens its UI with figma.showUI. `npm test` builds before running this project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from '../figma/index';
import '../figma/quickjs/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const codePath = join(root, 'dist', 'code.js');
const htmlPath = join(root, 'dist', 'ui.html');
const built = existsSync(codePath);
if (!built) console.warn(`[emulator-loads-bundle] SKIPPED: ${codePath} does not exist. Run \`npm run build\` first.`);

describe('emulator loads dist/code.js', () => {
  it.skipIf(!built)('runs the built bundle in the sandbox and it calls figma.showUI', async () => {
    const figma = createFigma({ editorType: 'figma', documentAccess: 'dynamic-page' });
    const emu = emulatorOf(figma);
    const html = existsSync(htmlPath) ? readFileSync(htmlPath, 'utf8') : '<html></html>';
    emu.loadBundle(readFileSync(codePath, 'utf8'), { html, filename: 'dist/code.js' });
    await emu.flush();
    expect(emu.ui.open).toBe(true);
    expect(emu.ui.html).toBe(html);
    expect(emu.errors).toEqual([]);
  });
});
