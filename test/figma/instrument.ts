/**
 * Counters for tests and benchmarks. See README "Instrumentation" for the slice method and its limits.
 */
export interface EmulatorStats {
  nodesCreated: number;
  /** Every setter call / mutating method call made by plugin code (identical values included). */
  writes: number;
  /** writes broken down by property or method name. */
  writesByProperty: Record<string, number>;
  removals: number;
  /** Plugin reads of x/y/width/height on layout-dependent nodes while their layout was dirty. */
  forcedLayoutReads: number;
  /** How many times the emulator actually recomputed layout. */
  layoutPasses: number;
  /** Longest synchronous stretch of plugin code, in ms (see README). */
  longestSliceMs: number;
  /** Number of slices measured. */
  slices: number;
}

export function emptyStats(): EmulatorStats {
  return { nodesCreated: 0, writes: 0, writesByProperty: {}, removals: 0, forcedLayoutReads: 0, layoutPasses: 0, longestSliceMs: 0, slices: 0 };
}

/**
 * Slice timer. A slice starts when the emulator hands control to plugin code (message delivery,
 * event delivery, timer callback, resolution of an emulator async API, bundle top level). It ends
 * at the next `setImmediate` (after the current macrotask and its microtasks drained) or when
 * the next slice starts, whichever is first. Time the emulator spends laying out (work Figma does
 * natively, not in plugin code) is excluded with `exclude()`.
 */
export class SliceTimer {
  private start: number | null = null;
  private excludedMs = 0;
  private token = 0;
  constructor(private readonly stats: () => EmulatorStats) {}

  begin(): void {
    const now = performance.now();
    if (this.start !== null) this.end(now);
    this.start = now;
    this.excludedMs = 0;
    const token = ++this.token;
    setImmediate(() => {
      if (this.token === token && this.start !== null) this.end(performance.now());
    });
  }

  private end(now: number): void {
    if (this.start === null) return;
    const s = this.stats();
    s.slices++;
    s.longestSliceMs = Math.max(s.longestSliceMs, now - this.start - this.excludedMs);
    this.start = null;
  }

  /** Run emulator-internal work whose time does not count against the plugin's slice. */
  exclude<T>(fn: () => T): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.excludedMs += performance.now() - t0;
    }
  }

  /** Run `fn` as plugin code: one slice. */
  run<T>(fn: () => T): T {
    this.begin();
    return fn();
  }
}
