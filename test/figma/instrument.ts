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
  /** Longest synchronous stretch of plugin code, in ms, without the emulator's layout work and GC pauses (see README). */
  longestSliceMs: number;
  /** The same, with garbage-collection pauses left in. */
  longestSliceMsWithGc: number;
  /** Number of slices measured. */
  slices: number;
  /**
   * For engines that count host calls (QuickJS): the longest slice with the emulator's own time for
   * each call replaced by Figma's estimated cost of that call (quickjs/costs.ts): plugin code plus
   * what the real editor would spend answering it. 0 when not measured.
   */
  longestSliceMsEstimated: number;
  /** Host calls of the plugin, by kind (read, write, create…): what the estimate multiplies. */
  callsByKind: Record<string, number>;
  /**
   * Sum over all slices of the estimate above (plugin code as timed plus each call at Figma's
   * cost): the time Figma would be busy with the plugin for the operation. Only meaningful for
   * engines that count host calls (QuickJS); elsewhere it is the slices' own time.
   */
  busyMsEstimated: number;
  /** Sum over all slices of the plugin's own code time: the slices without host calls, layout and GC. */
  pluginCodeMs: number;
}

export function emptyStats(): EmulatorStats {
  return { nodesCreated: 0, writes: 0, writesByProperty: {}, removals: 0, forcedLayoutReads: 0, layoutPasses: 0, longestSliceMs: 0, longestSliceMsWithGc: 0, slices: 0, longestSliceMsEstimated: 0, callsByKind: {}, busyMsEstimated: 0, pluginCodeMs: 0 };
}

/**
 * Slice timer. A slice starts when the emulator hands control to plugin code (message delivery,
 * event delivery, timer callback, resolution of an emulator async API, bundle top level). It ends
 * at the next `setImmediate` (after the current macrotask and its microtasks drained) or when
 * the next slice starts, whichever is first. Two kinds of time are not the plugin's and are taken
 * out: the emulator's own layout work (`exclude()`; Figma lays out natively), and garbage
 * collection pauses, observed with PerformanceObserver('gc') where the runtime offers it. The
 * emulator keeps whole documents in the plugin's heap, where Figma keeps them outside the
 * plugin's VM, so its GC pauses are far longer than a plugin's. `longestSliceMsWithGc` keeps them.
 */
interface LongSlice {
  start: number;
  end: number;
  excluded: [number, number][];
}

const CANDIDATE_MS = 8;

export class SliceTimer {
  private start: number | null = null;
  private excluded: [number, number][] = [];
  private token = 0;
  private candidates: LongSlice[] = [];
  constructor(private readonly stats: () => EmulatorStats) {
    recentGcPauses();
  }

  private observers: { begin(t: number): void; end(t: number): void }[] = [];
  /** Told when each slice begins and ends (the QuickJS slice trace uses it). */
  observe(o: { begin(t: number): void; end(t: number): void }): void {
    this.observers.push(o);
  }

  /** Host time and Figma's estimated time for the calls of the current slice. */
  private hostMs = 0;
  private estimatedHostMs = 0;
  private counted = false;
  /** Time the guest engine ran in the current slice, when the engine reports it (QuickJS). */
  private guestMs = 0;
  private guestReported = false;

  /**
   * The plugin runs in an engine of its own (QuickJS) that reports each time it runs: a slice's plugin
   * time is then the guest's time, and emulator work in the same macrotask outside the guest (building
   * an event's payload, resolving an async call) is not charged to the plugin. In V8 the plugin runs
   * inline with the emulator and its time is the slice's.
   */
  reportsGuestTime(): void {
    this.guestReported = true;
  }

  /** The guest ran for `ms` in the current slice (its calls into the host included). */
  guest(ms: number): void {
    this.guestMs += ms;
  }

  /** One call from plugin code into the host: how long the emulator took, and what Figma would. */
  host(kind: string, ms: number, estimatedMs: number): void {
    this.hostMs += ms;
    this.estimatedHostMs += estimatedMs;
    this.counted = true;
    const calls = this.stats().callsByKind;
    calls[kind] = (calls[kind] ?? 0) + 1;
  }

  begin(): void {
    const now = performance.now();
    if (this.start !== null) this.end(now);
    this.start = now;
    for (const o of this.observers) o.begin(now);
    this.excluded = [];
    this.hostMs = 0;
    this.estimatedHostMs = 0;
    this.counted = false;
    this.guestMs = 0;
    const token = ++this.token;
    setImmediate(() => {
      if (this.token === token && this.start !== null) this.end(performance.now());
    });
  }

  private end(now: number): void {
    if (this.start === null) return;
    for (const o of this.observers) o.end(now);
    const s = this.stats();
    s.slices++;
    const own = now - this.start - this.excluded.reduce((sum, [a, b]) => sum + (b - a), 0);
    s.longestSliceMsWithGc = Math.max(s.longestSliceMsWithGc, own);
    // Host time includes any layout the emulator ran inside a call (the excluded intervals).
    if (this.guestReported) {
      const code = Math.max(0, this.guestMs - this.hostMs);
      const estimated = code + this.estimatedHostMs;
      s.longestSliceMsEstimated = Math.max(s.longestSliceMsEstimated, estimated);
      s.busyMsEstimated += estimated;
      s.pluginCodeMs += code;
    } else if (this.counted) {
      const estimated = now - this.start - this.hostMs + this.estimatedHostMs;
      s.longestSliceMsEstimated = Math.max(s.longestSliceMsEstimated, estimated);
      s.busyMsEstimated += estimated;
      s.pluginCodeMs += now - this.start - this.hostMs;
    } else {
      // No calls into the host in this slice: all of it was the plugin's own code.
      s.busyMsEstimated += own;
      s.pluginCodeMs += own;
    }
    if (own > CANDIDATE_MS) this.candidates.push({ start: this.start, end: now, excluded: this.excluded });
    else s.longestSliceMs = Math.max(s.longestSliceMs, own);
    this.start = null;
  }

  /** Folds the long slices into the stats, without the GC pauses that fell inside them. */
  settle(): void {
    const gc = recentGcPauses();
    const s = this.stats();
    for (const slice of this.candidates) {
      const gaps = [...slice.excluded, ...gc.filter(([a, b]) => b > slice.start && a < slice.end)];
      s.longestSliceMs = Math.max(s.longestSliceMs, slice.end - slice.start - unionLength(gaps, slice.start, slice.end));
    }
    this.candidates = [];
  }

  reset(): void {
    this.candidates = [];
  }

  /** Run emulator-internal work whose time does not count against the plugin's slice. */
  exclude<T>(fn: () => T): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.excluded.push([t0, performance.now()]);
    }
  }

  /** Run `fn` as plugin code: one slice. */
  run<T>(fn: () => T): T {
    this.begin();
    return fn();
  }
}

/** Total length of the union of intervals, clipped to [from, to]. */
export function unionLength(intervals: [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let covered = -Infinity;
  for (const [a, b] of clipped) {
    const start = Math.max(a, covered);
    if (b > start) total += b - start;
    covered = Math.max(covered, b);
  }
  return total;
}

/** GC pauses of this process, from one shared observer (Node's PerformanceObserver 'gc' entries). */
const gcLog: [number, number][] = [];
let gcObserver: PerformanceObserver | null | undefined;

function recentGcPauses(): [number, number][] {
  if (gcObserver === undefined) {
    try {
      const record = (list: PerformanceObserverEntryList) => {
        for (const e of list.getEntries()) gcLog.push([e.startTime, e.startTime + e.duration]);
      };
      gcObserver = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('gc') ? new PerformanceObserver(record) : null;
      gcObserver?.observe({ entryTypes: ['gc'] });
    } catch {
      gcObserver = null;
    }
  }
  if (gcObserver) for (const e of gcObserver.takeRecords()) gcLog.push([e.startTime, e.startTime + e.duration]);
  const horizon = performance.now() - 120_000;
  while (gcLog.length && (gcLog[0] as [number, number])[1] < horizon) gcLog.shift();
  return gcLog;
}
