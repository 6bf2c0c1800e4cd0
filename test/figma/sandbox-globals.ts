/**
 * The globals Figma's sandbox gives a plugin (https://developers.figma.com/docs/plugins/how-plugins-run; typings @figma/plugin-typings index.d.ts): figma,
 * __html__, __uiFiles__, console and the timer functions, and nothing else. Shared by the Node runner
 * (sandbox.ts, node:vm) and the browser playground (test/playground/sandbox-runner.ts), which pass
 * their host's timer functions. Each callback the plugin schedules is one "slice" for the
 * instrumentation, and its errors are reported, not thrown.
 */
import type { Ctx } from './context';

export interface HostTimers<H> {
  setTimeout(fn: () => void, ms?: number): H;
  clearTimeout(h: H): void;
  setInterval(fn: () => void, ms?: number): H;
  clearInterval(h: H): void;
}

export function sandboxGlobals<H>(ctx: Ctx, figma: PluginAPI, html: string, host: HostTimers<H>): Record<string, unknown> {
  const timers = new Set<H>();
  const shortTimers = new Set<H>();
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
  // closePlugin cancels timers (typings figma.closePlugin).
  ctx.onClose.push(() => {
    for (const t of timers) host.clearTimeout(t);
    ctx.pendingAsync -= shortTimers.size;
    shortTimers.clear();
    timers.clear();
  });
  return {
    figma,
    __html__: html,
    __uiFiles__: {},
    console: pluginConsole,
    setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => {
      // Zero-delay timers count as pending work for emu.flush(); longer ones (debounces) do not.
      const short = !ms || ms <= 1;
      if (short) ctx.pendingAsync++;
      const h: H = host.setTimeout(() => {
        timers.delete(h);
        if (shortTimers.delete(h)) ctx.pendingAsync--;
        wrap(fn, args)();
      }, ms);
      if (short) shortTimers.add(h);
      timers.add(h);
      return h;
    },
    clearTimeout: (h: H) => {
      if (timers.delete(h) && shortTimers.delete(h)) ctx.pendingAsync--;
      host.clearTimeout(h);
    },
    setInterval: (fn: unknown, ms?: number, ...args: unknown[]) => {
      const h = host.setInterval(wrap(fn, args), ms);
      timers.add(h);
      return h;
    },
    clearInterval: (h: H) => {
      timers.delete(h);
      host.clearInterval(h);
    },
  };
}
