// Runs the built sandbox bundle (dist/code.js) in the page, against the emulator's `figma`, with the
// globals Figma's sandbox gives: figma, __html__, __uiFiles__, console and the timer functions.
// test/figma/sandbox.ts does the same with node:vm, which cannot run in a browser; both take their
// globals from test/figma/sandbox-globals.ts.
import type { Emulator } from '../figma/index';
import { sandboxGlobals } from '../figma/sandbox-globals';

export function runBundleInPage(emu: Emulator, code: string, html: string): void {
  const globals = sandboxGlobals<number>(emu.ctx, emu.figma, html, {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h),
    setInterval: (fn, ms) => window.setInterval(fn, ms),
    clearInterval: (h) => window.clearInterval(h),
  });
  const names = Object.keys(globals);
  // The bundle is our own build output, served by our own server: running it is the point.
  const run = new Function(...names, `${code}\n//# sourceURL=dist/code.js`) as (...a: unknown[]) => void;
  emu.ctx.slices.run(() => run(...names.map((n) => globals[n])));
}
