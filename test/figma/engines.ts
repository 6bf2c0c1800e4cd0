/**
 * The engines a built bundle can run in. `quickjs` (test/figma/quickjs/) is QuickJS compiled to
 * WebAssembly, the kind of VM Figma runs plugins in; it registers itself when its module is
 * imported (Node only: it loads a WebAssembly build with top-level await, which the browser
 * playground does not bundle). `v8` (sandbox.ts, node:vm) is kept for fast unit tests of the
 * emulator itself and for the bench's QuickJS/V8 comparison.
 */
import type { Ctx } from './context';

export type EngineName = 'quickjs' | 'v8';

export interface EngineOptions {
  html?: string;
  /** File name for stack traces. */
  filename?: string;
}

export interface LoadedBundle {
  readonly engine: EngineName;
  /** Calls from plugin code into the host (figma, nodes, timers); 0 where not counted. */
  crossings(): number;
  dispose(): void;
}

export type EngineRunner = (ctx: Ctx, figma: PluginAPI, code: string, opts: EngineOptions) => LoadedBundle;

const runners = new Map<EngineName, EngineRunner>();

export function registerEngine(name: EngineName, runner: EngineRunner): void {
  runners.set(name, runner);
}

export function engineRunner(name: EngineName): EngineRunner {
  const runner = runners.get(name);
  if (!runner) {
    throw new Error(
      name === 'quickjs'
        ? 'The QuickJS engine is not loaded: import "test/figma/quickjs/index.ts" (Node only) before loading a bundle, or pass { engine: "v8" }.'
        : `No engine named ${name}`,
    );
  }
  return runner;
}
