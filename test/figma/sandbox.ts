/**
 * The V8 engine (engine: 'v8'): fast, for the emulator's own unit tests and the bench's QuickJS/V8
 * comparison; plugin bundles are otherwise run in QuickJS (quickjs/host.ts).
 * Runs a built plugin bundle (dist/code.js) in an isolated node:vm context whose globals are only what
 * Figma's sandbox gives (https://developers.figma.com/docs/plugins/how-plugins-run; typings @figma/plugin-typings index.d.ts): figma, __html__, console and the timer
 * functions. No window/document/TextEncoder/require/process. Not a security boundary (vm never is).
 */
import { createContext, runInContext } from 'node:vm';
import { setTimeout as hostSetTimeout, clearTimeout as hostClearTimeout, setInterval as hostSetInterval, clearInterval as hostClearInterval } from 'node:timers';
import type { Ctx } from './context';
import { registerEngine, type EngineName, type EngineOptions, type LoadedBundle } from './engines';
import { sandboxGlobals } from './sandbox-globals';

export interface BundleOptions extends EngineOptions {
  /** Default 'quickjs' (Figma's kind of engine); 'v8' for fast emulator self-tests. */
  engine?: EngineName;
}

export function runBundle(ctx: Ctx, figma: PluginAPI, code: string, opts: EngineOptions = {}): LoadedBundle {
  const globals = sandboxGlobals<NodeJS.Timeout>(ctx, figma, opts.html ?? '<html><body></body></html>', {
    setTimeout: (fn, ms) => hostSetTimeout(fn, ms),
    clearTimeout: (h) => hostClearTimeout(h),
    setInterval: (fn, ms) => hostSetInterval(fn, ms),
    clearInterval: (h) => hostClearInterval(h),
  });
  const context = createContext(globals, { name: 'figma-plugin-sandbox', codeGeneration: { strings: true, wasm: false } });
  ctx.slices.run(() => runInContext(withLocalGlobals(code, Object.keys(globals)), context, { filename: opts.filename ?? 'code.js' }));
  return { engine: 'v8', crossings: () => 0, dispose: () => void context };
}

registerEngine('v8', runBundle);

/**
 * Global lookups in a node:vm context go through interceptors and are many times slower than in
 * Figma's VM (hashing the XL model took 95 ms instead of 3 ms), which would make the plugin's
 * slices look longer than they are. Binding the built-ins and the sandbox globals as locals of a
 * wrapper function makes them ordinary lexical lookups; the code and what it can reach are the same.
 */
const BUILTINS = [
  'Object', 'Array', 'Math', 'JSON', 'String', 'Number', 'Boolean', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError',
  'SyntaxError', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Symbol', 'Reflect', 'Proxy', 'parseInt', 'parseFloat',
  'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Uint16Array',
  'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array',
];

export function withLocalGlobals(code: string, sandboxNames: string[]): string {
  const names = [...BUILTINS, ...sandboxNames];
  const bindings = names.map((n) => `${n} = globalThis.${n}`).join(', ');
  return `(function () { var ${bindings};\n${code}\n}).call(globalThis);`;
}
