// Runs the built sandbox bundle (dist/code.js) in the page, against the emulator's `figma`, with the
// globals Figma's sandbox gives: figma, __html__, __uiFiles__, console and the timer functions.
// This mirrors test/figma/sandbox.ts, which uses node:vm and so cannot run in a browser. Like
// Figma, each callback the plugin schedules is one "slice" and its errors are reported, not thrown.
import type { Emulator } from '../figma/index';

export function runBundleInPage(emu: Emulator, code: string, html: string): void {
  const ctx = emu.ctx;
  const timers = new Set<number>();
  const shortTimers = new Set<number>();
  const wrap = (fn: unknown, args: unknown[]) => () => {
    if (ctx.closed) return;
    try {
      ctx.slices.run(() => (fn as (...a: unknown[]) => void)(...args));
    } catch (e) {
      ctx.reportError(e);
    }
  };
  const pluginConsole = {
    log: (...a: unknown[]) => console.log('[plugin]', ...a),
    info: (...a: unknown[]) => console.info('[plugin]', ...a),
    warn: (...a: unknown[]) => console.warn('[plugin]', ...a),
    error: (...a: unknown[]) => console.error('[plugin]', ...a),
    debug: (...a: unknown[]) => console.debug('[plugin]', ...a),
    assert: (c: unknown, ...a: unknown[]) => console.assert(c, '[plugin]', ...a),
    clear: () => {},
  };
  const sandboxSetTimeout = (fn: unknown, ms?: number, ...args: unknown[]) => {
    // Zero-delay timers count as pending work for emu.flush(), as in test/figma/sandbox.ts.
    const short = !ms || ms <= 1;
    if (short) ctx.pendingAsync++;
    const h = window.setTimeout(() => {
      timers.delete(h);
      if (shortTimers.delete(h)) ctx.pendingAsync--;
      wrap(fn, args)();
    }, ms);
    if (short) shortTimers.add(h);
    timers.add(h);
    return h;
  };
  const sandboxClearTimeout = (h: number) => {
    if (timers.delete(h) && shortTimers.delete(h)) ctx.pendingAsync--;
    window.clearTimeout(h);
  };
  const sandboxSetInterval = (fn: unknown, ms?: number, ...args: unknown[]) => {
    const h = window.setInterval(wrap(fn, args), ms);
    timers.add(h);
    return h;
  };
  const sandboxClearInterval = (h: number) => {
    timers.delete(h);
    window.clearInterval(h);
  };
  ctx.onClose.push(() => {
    for (const t of timers) window.clearTimeout(t);
    ctx.pendingAsync -= shortTimers.size;
    shortTimers.clear();
    timers.clear();
  });
  const names = ['figma', '__html__', '__uiFiles__', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];
  // The bundle is our own build output, served by our own server: running it is the point.
  const run = new Function(...names, `${code}\n//# sourceURL=dist/code.js`) as (...a: unknown[]) => void;
  ctx.slices.run(() => run(emu.figma, html, {}, pluginConsole, sandboxSetTimeout, sandboxClearTimeout, sandboxSetInterval, sandboxClearInterval));
}
