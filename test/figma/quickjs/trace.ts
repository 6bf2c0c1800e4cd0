/**
 * Where a long slice's time went, in QuickJS: every crossing into the host is logged with its
 * start and end, and a slice longer than the threshold is explained by its longest stretches of
 * plugin code between two crossings (named by the crossing before and after) and by the time
 * spent in the host. Set JM_SLICE_TRACE=<ms> to print the explanations of slices over <ms> to stderr
 * (used by `npm run bench -- --why`).
 *
 * With JM_SLICE_PROFILE=1 as well, the host also samples the guest's stack about once per
 * millisecond (QuickJS calls its interrupt handler every 10,000 instructions, and the handler
 * evaluates `new Error().stack` inside the interrupted code), and a long slice is explained by the
 * functions most often on the stack. Names are readable with JM_CODE_JS pointing at a bundle built
 * without minified identifiers (test/bench/attribute.ts buildNamedBundle).
 */
export interface Crossing {
  what: string;
  start: number;
  end: number;
}

export interface SliceExplanation {
  ms: number;
  hostMs: number;
  /** Time the guest (QuickJS) was running, calls into the host included; the rest of the slice is host-side emulator work outside any call. */
  guestMs: number;
  crossings: number;
  /** The longest stretches of plugin code between two crossings. */
  gaps: { ms: number; after: string; before: string }[];
  /** With sampling: the functions on the stack in most samples, with their share of the slice's samples. */
  onStack?: string[];
  samples?: number;
  /** With sampling: the share of samples spent in the emulator's membrane (prelude.js), not the plugin. */
  membranePercent?: number;
}

export class SliceTrace {
  private log: Crossing[] = [];
  private start = 0;
  readonly explained: SliceExplanation[] = [];
  /** Every explanation of every trace in this process, for `--why` to read after each operation. */
  static readonly recent: SliceExplanation[] = [];
  constructor(private readonly thresholdMs: number) {}

  private samples: string[] = [];
  private guestMs = 0;
  begin(now: number): void {
    this.start = now;
    this.log = [];
    this.samples = [];
    this.guestMs = 0;
  }
  /** The guest ran from `start` to `end` (an entry point and the microtasks after it). */
  guest(start: number, end: number): void {
    this.guestMs += end - start;
  }
  /** One sample of the guest's stack (the text of `new Error().stack`, innermost frame first). */
  sample(stack: string): void {
    this.samples.push(stack);
  }
  record(what: string, start: number, end: number): void {
    if (this.log.length < 200_000) this.log.push({ what, start, end });
  }
  finish(now: number): void {
    const ms = now - this.start;
    if (ms < this.thresholdMs) return;
    const gaps: SliceExplanation['gaps'] = [];
    let prevEnd = this.start;
    let prevWhat = '(slice start)';
    let hostMs = 0;
    for (const c of this.log) {
      gaps.push({ ms: c.start - prevEnd, after: prevWhat, before: c.what });
      hostMs += c.end - c.start;
      prevEnd = c.end;
      prevWhat = c.what;
    }
    gaps.push({ ms: now - prevEnd, after: prevWhat, before: '(slice end)' });
    gaps.sort((a, b) => b.ms - a.ms);
    const onStack = this.samples.length ? functionsOnStack(this.samples) : undefined;
    const membrane = this.samples.length ? Math.round((100 * this.samples.filter(inMembrane).length) / this.samples.length) : undefined;
    const e: SliceExplanation = {
      ms: Math.round(ms),
      hostMs: Math.round(hostMs),
      guestMs: Math.round(this.guestMs),
      crossings: this.log.length,
      gaps: gaps.slice(0, 4).map((g) => ({ ...g, ms: Math.round(g.ms) })),
      ...(onStack ? { onStack, samples: this.samples.length } : {}),
      ...(membrane !== undefined ? { membranePercent: membrane } : {}),
    };
    SliceTrace.recent.push(e);
    this.explained.push(e);
    process.stderr.write(`[slice ${e.ms} ms: guest ${e.guestMs} ms, in calls ${e.hostMs} ms over ${e.crossings} crossings] ${e.gaps.map((g) => `${g.ms} ms after ${g.after} before ${g.before}`).join(' | ')}\n`);
    if (onStack) process.stderr.write(`  on the stack in ${this.samples.length} samples (${membrane}% in the membrane): ${onStack.join(', ')}\n`);
  }
}

/** "fn 62%" for the functions in the most samples (each counted once per sample), innermost first on ties. */
export function functionsOnStack(samples: readonly string[], top = 12): string[] {
  const counts = new Map<string, number>();
  for (const stack of samples) {
    const names = new Set(
      stack
        .split('\n')
        .map((line) => /^\s*at ([^\s(]+)/.exec(line)?.[1])
        .filter((n): n is string => n !== undefined && n !== '<eval>' && n !== '<anonymous>'),
    );
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([n, c]) => `${n} ${Math.round((100 * c) / samples.length)}%`);
}

/**
 * The sample was taken in the emulator's membrane (the guest half of every call into Figma, which
 * Figma's own bindings replace): its innermost frame that is not a native function is in prelude.js.
 */
export function inMembrane(stack: string): boolean {
  for (const line of stack.split('\n').slice(1)) {
    if (!line.includes(' at ') || line.includes('(native)')) continue;
    return line.includes('prelude.js');
  }
  return false;
}
