// Finds the code responsible for long synchronous slices: records every slice the emulator times
// (by wrapping its SliceTimer instance at run time; test/figma is not changed) while the V8
// sampling profiler runs, then adds up, per function, the samples that fall inside slices longer
// than the threshold. The plugin runs from a bundle built here with identifiers kept (otherwise
// the same options as build.mjs), so the functions have their source names.
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { PluginHost } from '../harness/plugin-host';

const ROOT = join(import.meta.dirname, '../..');

/** plugin/main.ts bundled like dist/code.js, but with names kept for profiles. */
export async function buildNamedBundle(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'plugin/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2017',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: false,
    keepNames: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    logLevel: 'warning',
    // As build.mjs's lazyFflate: fflate is loaded on first use, not at start-up.
    plugins: [{ name: 'lazy-fflate', setup: (b) => b.onResolve({ filter: /^fflate$/ }, (a) => (a.importer.endsWith('fflate-parts.ts') ? undefined : { path: join(ROOT, 'plugin/lazy-fflate.ts') })) }],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no bundle');
  return file.text;
}

export interface Slice {
  start: number;
  end: number;
}

/** Wraps the emulator's slice timer to record each slice's start and end (µs, monotonic clock). */
function recordSlices(host: PluginHost): { slices: Slice[]; stop(): void } {
  const timer = host.emu.ctx.slices as unknown as { begin(): void; end(now: number): void; start: number | null };
  const slices: Slice[] = [];
  const origEnd = timer.end.bind(timer);
  let startUs = 0;
  const origBegin = timer.begin.bind(timer);
  timer.begin = () => {
    origBegin();
    startUs = Number(process.hrtime.bigint() / 1000n);
  };
  timer.end = (now: number) => {
    if (timer.start !== null) slices.push({ start: startUs, end: Number(process.hrtime.bigint() / 1000n) });
    origEnd(now);
  };
  return {
    slices,
    stop() {
      timer.begin = origBegin;
      timer.end = origEnd;
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Attribution {
  /** Slices over the threshold, longest first, in ms. */
  longSlices: number[];
  /** Time inside long slices, in ms. */
  totalMs: number;
  /** Per function, ms of long-slice time with that function on the stack (inclusive), largest first. */
  inclusive: { fn: string; ms: number; share: number }[];
  /** Per function, ms of long-slice time spent in the function itself. */
  self: { fn: string; ms: number; share: number }[];
}

const label = (n: ProfileNode) => {
  const file = n.callFrame.url ? n.callFrame.url.split('/').slice(-2).join('/') : '';
  return `${n.callFrame.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
};

/** Runs `fn` under the profiler and attributes slices longer than `thresholdMs` to functions. */
export async function attributeLongSlices(host: PluginHost, fn: () => Promise<unknown>, thresholdMs = 50): Promise<Attribution> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const rec = recordSlices(host);
  await session.post('Profiler.start');
  try {
    await fn();
    await new Promise((r) => setImmediate(r));
  } finally {
    rec.stop();
  }
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();

  const long = rec.slices.filter((s) => (s.end - s.start) / 1000 > thresholdMs);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (!long.some((s) => t >= s.start && t <= s.end)) continue;
    total += dt;
    const leaf = profile.samples[i] as number;
    const leafNode = byId.get(leaf);
    if (leafNode) self.set(label(leafNode), (self.get(label(leafNode)) ?? 0) + dt);
    const onStack = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node) onStack.add(label(node));
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .filter(([fn]) => !/^\((root|program|idle|garbage collector)\)/.test(fn))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([fn, us]) => ({ fn, ms: Math.round(us / 100) / 10, share: total ? Math.round((us / total) * 1000) / 10 : 0 }));
  const gc = [...self].find(([fn]) => fn.startsWith('(garbage collector)'))?.[1] ?? 0;
  const selfRanked = rank(self);
  if (gc) selfRanked.unshift({ fn: '(garbage collector)', ms: Math.round(gc / 100) / 10, share: total ? Math.round((gc / total) * 1000) / 10 : 0 });
  return {
    longSlices: long.map((s) => Math.round((s.end - s.start) / 100) / 10).sort((a, b) => b - a),
    totalMs: Math.round(total / 100) / 10,
    inclusive: rank(inclusive),
    self: selfRanked,
  };
}
