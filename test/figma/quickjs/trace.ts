/**
 * Where a long slice's time went, in QuickJS: every crossing into the host is logged with its
 * start and end, and a slice longer than the threshold is explained by its longest stretches of
 * plugin code between two crossings (named by the crossing before and after) and by the time
 * spent in the host. Set JM_SLICE_TRACE=<ms> to print the explanations of slices over <ms> to stderr
 * (used by `npm run bench -- --why`).
 */
export interface Crossing {
  what: string;
  start: number;
  end: number;
}

export interface SliceExplanation {
  ms: number;
  hostMs: number;
  crossings: number;
  /** The longest stretches of plugin code between two crossings. */
  gaps: { ms: number; after: string; before: string }[];
}

export class SliceTrace {
  private log: Crossing[] = [];
  private start = 0;
  readonly explained: SliceExplanation[] = [];
  constructor(private readonly thresholdMs: number) {}

  begin(now: number): void {
    this.start = now;
    this.log = [];
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
    const e = { ms: Math.round(ms), hostMs: Math.round(hostMs), crossings: this.log.length, gaps: gaps.slice(0, 4).map((g) => ({ ...g, ms: Math.round(g.ms) })) };
    this.explained.push(e);
    process.stderr.write(`[slice ${e.ms} ms: host ${e.hostMs} ms over ${e.crossings} crossings] ${e.gaps.map((g) => `${g.ms} ms after ${g.after} before ${g.before}`).join(' | ')}\n`);
  }
}
