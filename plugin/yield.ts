import type { Steps } from '../shared/steps';

// Plugin code runs on Figma's main thread: long synchronous work freezes the editor. Work is cut
// into slices with a time budget, and between slices the plugin yields to Figma
// (https://developers.figma.com/docs/plugins/frozen-plugins).
export const yieldToFigma = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class Slicer {
  private sliceStart: number;
  /** How many times it has yielded: whatever was read from Figma before the last yield may have changed since. */
  yields = 0;
  constructor(
    private readonly budgetMs = 8,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.sliceStart = now();
  }

  /**
   * The current slice has used its budget: for loops that call into Figma on every turn, which
   * check this on every turn (a clock read) and `await yield()` only when it is true.
   */
  due(): boolean {
    return this.now() - this.sliceStart >= this.budgetMs;
  }

  /** Yields when the current slice has used its budget. */
  async maybeYield(): Promise<boolean> {
    if (!this.due()) return false;
    await yieldToFigma();
    this.yields++;
    this.sliceStart = this.now();
    return true;
  }

  /** Always yields: between phases that cannot be split further. */
  async yield(): Promise<void> {
    await yieldToFigma();
    this.yields++;
    this.sliceStart = this.now();
  }
}

/** Drives a generator that pauses between units of work, yielding to Figma when a slice is used up. */
export async function runSteps<T>(steps: Steps<T>, slicer: Slicer): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await slicer.maybeYield();
  }
}
