/**
 * Runs a built plugin bundle (dist/code.js) in an isolated node:vm context whose globals are only what
 * Figma's sandbox gives (figma-platform.md §5, typings index.d.ts): figma, __html__, console and the timer
 * functions. No window/document/TextEncoder/require/process. Not a security boundary (vm never is).
 */
import { createContext, runInContext } from 'node:vm';
import { setTimeout as hostSetTimeout, clearTimeout as hostClearTimeout, setInterval as hostSetInterval, clearInterval as hostClearInterval } from 'node:timers';
import type { Ctx } from './context';

type Handle = NodeJS.Timeout;

export interface BundleOptions {
  html?: string;
  /** File name for stack traces. */
  filename?: string;
}

export function runBundle(ctx: Ctx, figma: PluginAPI, code: string, opts: BundleOptions = {}): { context: object } {
  const timers = new Set<Handle>();
  const shortTimers = new Set<Handle>();
  const wrap = (fn: unknown, args: unknown[]) => () => {
    if (ctx.closed) return;
    try {
      ctx.slices.run(() => (fn as (...a: unknown[]) => void)(...args));
    } catch (e) {
      ctx.reportError(e);
    }
  };
  const sandboxConsole = {
    log: (...a: unknown[]) => console.log('[plugin]', ...a),
    info: (...a: unknown[]) => console.info('[plugin]', ...a),
    warn: (...a: unknown[]) => console.warn('[plugin]', ...a),
    error: (...a: unknown[]) => console.error('[plugin]', ...a),
    assert: (c: unknown, ...a: unknown[]) => console.assert(c, '[plugin]', ...a),
    clear: () => {},
  };
  const globals: Record<string, unknown> = {
    figma,
    __html__: opts.html ?? '<html><body></body></html>',
    __uiFiles__: {},
    console: sandboxConsole,
    setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => {
      // Zero-delay timers count as pending work for emu.flush(); longer ones (debounces) do not.
      const short = !ms || ms <= 1;
      if (short) ctx.pendingAsync++;
      const h: Handle = hostSetTimeout(() => {
        timers.delete(h);
        if (shortTimers.delete(h)) ctx.pendingAsync--;
        wrap(fn, args)();
      }, ms);
      if (short) shortTimers.add(h);
      timers.add(h);
      return h;
    },
    clearTimeout: (h: Handle) => {
      if (timers.delete(h) && shortTimers.delete(h)) ctx.pendingAsync--;
      hostClearTimeout(h);
    },
    setInterval: (fn: unknown, ms?: number, ...args: unknown[]) => {
      const h: Handle = hostSetInterval(wrap(fn, args), ms);
      timers.add(h);
      return h;
    },
    clearInterval: (h: Handle) => {
      timers.delete(h);
      hostClearInterval(h);
    },
  };
  const context = createContext(globals, { name: 'figma-plugin-sandbox', codeGeneration: { strings: true, wasm: false } });
  // closePlugin cancels timers (typings figma.closePlugin).
  ctx.onClose.push(() => {
    for (const t of timers) hostClearTimeout(t);
    ctx.pendingAsync -= shortTimers.size;
    shortTimers.clear();
    timers.clear();
  });
  ctx.slices.run(() => runInContext(code, context, { filename: opts.filename ?? 'code.js' }));
  return { context };
}
