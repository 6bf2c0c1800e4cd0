// `npm run bench -- --why`: for each operation the bench measures, which functions the slices over
// 50 ms spend their time in. Runs a bundle built with names kept (attribute.ts).
import { applyCanvasEdit } from '../harness/canvas-edits';
import { startPlugin, type PluginHost } from '../harness/plugin-host';
import { SliceTrace } from '../figma/quickjs/trace';
import { wrap } from '../../shared/model/envelope';
import type { Card, Journey } from '../../shared/model/types';
import { StyleOptionsSchema } from '../../shared/style/options';
import { readModel } from '../../plugin/store/model-store';
import { attributeLongSlices, buildNamedBundle, type Attribution } from './attribute';
import { middleCard } from './measure';

export interface OperationWhy {
  longSlicesMs: number[];
  /** Plugin functions (from the bundle) on the stack during long slices: ms and share of long-slice time. */
  plugin: string[];
  /** Emulator work charged to the plugin's slices (mostly lazy layout triggered by a read). */
  emulator: string[];
  garbageCollectionMs: number;
}

function summarise(a: Attribution): OperationWhy {
  const pick = (test: (fn: string) => boolean, n: number) => a.inclusive.filter((f) => test(f.fn)).slice(0, n).map((f) => `${f.fn.replace(/ code\.js$/, '')} ${f.ms} ms (${f.share}%)`);
  return {
    longSlicesMs: a.longSlices.slice(0, 5),
    plugin: pick((fn) => fn.endsWith(' code.js') && !fn.startsWith('(anonymous)'), 10),
    emulator: pick((fn) => / figma\/|nodes\//.test(fn) && /ensureLayout|layoutNode|measureText|findAll|structuredClone|post|wrap|internal/.test(fn), 4),
    garbageCollectionMs: a.self.find((f) => f.fn === '(garbage collector)')?.ms ?? 0,
  };
}

const settle = async (emu: { flush(): Promise<void> }) => {
  await new Promise((r) => setTimeout(r, 350));
  await emu.flush();
};

type Run = (name: string, fn: () => Promise<unknown>) => Promise<void>;

/** The operations the bench measures, in its order, each passed to `run`. */
async function runOperations(host: PluginHost, journey: Journey, run: Run): Promise<void> {
  await host.request('hello', {});
  const light = StyleOptionsSchema.parse({ theme: 'light' });
  const dark = StyleOptionsSchema.parse({ theme: 'dark' });
  let nodeId = '';
  await run('render', async () => {
    nodeId = (await host.request('render', { journey: wrap(journey), style: light })).nodeId;
  });
  await run('render:after', () => settle(host.emu));
  await run('rerender', () => host.request('render', { journey: wrap(journey), style: light, targetNodeId: nodeId }));
  const target = middleCard(journey);
  const edited: Journey = { ...journey, cards: journey.cards.map((c) => (c.id === target.id ? { ...c, text: `${c.text} (edited)` } : c)) };
  await run('oneCardEdit', () => host.request('render', { journey: wrap(edited), style: light, targetNodeId: nodeId }));
  await run('restyle', () => host.request('restyle', { nodeId, style: dark }));
  await settle(host.emu);
  const map = (await host.figma.getNodeByIdAsync(nodeId)) as FrameNode;
  const stored = readModel(map);
  if (!stored.ok) throw new Error('the drawn map holds no journey');
  const other = journey.cards[Math.floor(journey.cards.length / 3)] as Card;
  await run('liveSync', async () => {
    applyCanvasEdit(host.emu, map, stored.value.journey, stored.value.style, { op: 'setText', id: other.id, text: `${other.text} Retyped on the canvas.` });
    await settle(host.emu);
  });
  await run('syncCheck', () => host.request('sync', { nodeId, apply: false }));
  await run('syncApply', () => host.request('sync', { nodeId, apply: true }));
}

/** In V8, whose CPU profiler sees the plugin's own functions; emulator work is named apart. */
export async function explainSlices(journey: Journey): Promise<Record<string, OperationWhy>> {
  const bundle = await buildNamedBundle();
  // The split of QuickJS time between plugin code and calls into Figma is in the bench's
  // pluginCodeMsByOperation and figmaMsEstimatedByOperation; explainSlicesInQuickJS names the functions there.
  const host = startPlugin({ bundle, engine: 'v8' });
  const out: Record<string, OperationWhy> = {};
  await runOperations(host, journey, async (name, fn) => {
    await host.emu.flush();
    out[name] = summarise(await attributeLongSlices(host, fn));
  });
  return out;
}

export interface QuickJsSliceWhy {
  ms: number;
  /** Time inside calls into the emulator (replaced by Figma's estimated cost in the bench's estimate). */
  hostMs: number;
  /** Share of the slice's stack samples in the emulator's membrane rather than plugin code. */
  membranePercent?: number;
  onStack: string[];
}

/**
 * In QuickJS, the engine Figma runs: the slices over 50 ms of each operation, with the functions most
 * often on the guest's stack (sampled about once per millisecond, test/figma/quickjs/sample-stacks.ts)
 * and the share of them in the emulator's membrane. A slice without samples was spent in the engine's
 * garbage collector or in the host.
 */
export async function explainSlicesInQuickJS(journey: Journey): Promise<Record<string, QuickJsSliceWhy[]>> {
  const bundle = await buildNamedBundle();
  const saved = { trace: process.env.JM_SLICE_TRACE, profile: process.env.JM_SLICE_PROFILE };
  process.env.JM_SLICE_TRACE = '50';
  process.env.JM_SLICE_PROFILE = '1';
  const out: Record<string, QuickJsSliceWhy[]> = {};
  try {
    const host = startPlugin({ bundle, engine: 'quickjs' });
    await runOperations(host, journey, async (name, fn) => {
      await host.emu.flush();
      SliceTrace.recent.length = 0;
      await fn();
      await new Promise((r) => setImmediate(r));
      out[name] = SliceTrace.recent
        .slice()
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((e) => ({ ms: e.ms, hostMs: e.hostMs, ...(e.membranePercent !== undefined ? { membranePercent: e.membranePercent } : {}), onStack: (e.onStack ?? []).slice(0, 6) }));
    });
  } finally {
    for (const [key, value] of [['JM_SLICE_TRACE', saved.trace], ['JM_SLICE_PROFILE', saved.profile]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return out;
}
