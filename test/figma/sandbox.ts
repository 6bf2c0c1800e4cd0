/**
 * Runs a built plugin bundle (dist/code.js) in an isolated node:vm context whose globals are only what
 * Figma's sandbox gives (figma-platform.md §5, typings index.d.ts): figma, __html__, console and the timer
 * functions. No window/document/TextEncoder/require/process. Not a security boundary (vm never is).
 */
import { createContext, runInContext } from 'node:vm';
import { setTimeout as hostSetTimeout, clearTimeout as hostClearTimeout, setInterval as hostSetInterval, clearInterval as hostClearInterval } from 'node:timers';
import type { Ctx } from './context';
import { sandboxGlobals } from './sandbox-globals';

export interface BundleOptions {
  html?: string;
  /** File name for stack traces. */
  filename?: string;
}

export function runBundle(ctx: Ctx, figma: PluginAPI, code: string, opts: BundleOptions = {}): { context: object } {
  const globals = sandboxGlobals<NodeJS.Timeout>(ctx, figma, opts.html ?? '<html><body></body></html>', {
    setTimeout: (fn, ms) => hostSetTimeout(fn, ms),
    clearTimeout: (h) => hostClearTimeout(h),
    setInterval: (fn, ms) => hostSetInterval(fn, ms),
    clearInterval: (h) => hostClearInterval(h),
  });
  const context = createContext(globals, { name: 'figma-plugin-sandbox', codeGeneration: { strings: true, wasm: false } });
  ctx.slices.run(() => runInContext(code, context, { filename: opts.filename ?? 'code.js' }));
  return { context };
}
