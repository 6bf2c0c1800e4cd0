import type { QuickJSContext, QuickJSRuntime } from 'quickjs-emscripten';

/**
 * A sampling profiler for the guest: QuickJS calls the runtime's interrupt handler every 10,000
 * bytecode instructions (about once per millisecond here); the handler evaluates `new Error().stack`,
 * whose frames below the evaluation's own are the interrupted code's. For `--why` only: it slows the
 * guest down and must never run in a measured bench.
 */
export function sampleStacks(runtime: QuickJSRuntime, vm: QuickJSContext, onSample: (stack: string) => void): void {
  let inside = false;
  runtime.setInterruptHandler(() => {
    if (inside) return false;
    inside = true;
    try {
      const r = vm.evalCode('new Error().stack');
      if (r.error) r.error.dispose();
      else {
        onSample(vm.getString(r.value));
        r.value.dispose();
      }
    } finally {
      inside = false;
    }
    return false;
  });
}
