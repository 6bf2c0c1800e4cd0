// Work that can pause: a generator yields between units of work, so code on Figma's main thread
// can hand control back between them (plugin/yield.ts runSteps), while other callers run it
// straight through with drain().
export type Steps<T> = Generator<void, T>;

export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
