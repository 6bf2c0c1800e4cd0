// Times a fixed batch of API calls (shared/selfcheck/report.ts COST_BATCH) so the bench's per-call
// costs can be calibrated against the real editor. Each batch is one synchronous stretch timed with
// Date.now() (the sandbox has no performance.now), with a yield to Figma between batches; writes
// and pure-JS runs are repeated in rounds until 10 ms were timed, so fast calls do not read as 0. Costs are
// microseconds per call, named as COST_OPS.
import { COST_BATCH, type CostOp } from '../../shared/selfcheck/report';
import { JS_WORKLOADS } from '../../shared/selfcheck/workload';
import { yieldToFigma } from '../yield';
import { defineCheck, type CheckEnv } from './check';

const FONT: FontName = { family: 'Inter', style: 'Regular' };

type Costs = Partial<Record<CostOp, number>>;

/** Microseconds per call, to 0.1 µs. */
const per = (ms: number, count: number) => Math.round(((ms * 1000) / count) * 10) / 10;

function timed(run: () => void): number {
  const t = Date.now();
  run();
  return Date.now() - t;
}

/**
 * Runs an idempotent batch in rounds (a yield between them) until at least MIN_MS were timed, so
 * fast calls do not round to 0 ms; returns microseconds per call over all rounds.
 */
const MIN_MS = 10;
const MAX_ROUNDS = 20;
async function repeated(count: number, run: () => void): Promise<number> {
  let ms = 0;
  let rounds = 0;
  do {
    ms += timed(run);
    rounds++;
    await yieldToFigma();
  } while (ms < MIN_MS && rounds < MAX_ROUNDS);
  return per(ms, count * rounds);
}

async function timedAsync(run: () => Promise<void>): Promise<number> {
  const t = Date.now();
  await run();
  return Date.now() - t;
}

export async function measureCosts({ figma, scratch, root }: CheckEnv): Promise<Costs> {
  const costs: Costs = {};
  const b = COST_BATCH;

  costs['loadFontAsync.first'] = per(await timedAsync(() => figma.loadFontAsync(FONT)), 1);
  costs.loadFontAsync = per(await timedAsync(async () => {
    for (let i = 0; i < b.fontLoads; i++) await figma.loadFontAsync(FONT);
  }), b.fontLoads);
  await yieldToFigma();

  const box = scratch.track(figma.createFrame());
  root.appendChild(box);
  box.name = 'cost batch';
  const frames: FrameNode[] = [];
  costs.createFrame = per(timed(() => {
    for (let i = 0; i < b.frames; i++) frames.push(figma.createFrame());
  }), b.frames);
  for (const f of frames) scratch.track(f);
  await yieldToFigma();
  const texts: TextNode[] = [];
  costs.createText = per(timed(() => {
    for (let i = 0; i < b.texts; i++) texts.push(figma.createText());
  }), b.texts);
  for (const t of texts) scratch.track(t);
  await yieldToFigma();
  const appended = [...frames, ...texts];
  costs.appendChild = per(timed(() => {
    for (const n of appended) box.appendChild(n);
  }), appended.length);
  await yieldToFigma();

  const words = texts.map((_, i) => `Card ${i}: a customer step`);
  costs.characters = await repeated(texts.length, () => texts.forEach((t, i) => (t.characters = words[i]!)));

  const xs = Array.from({ length: b.writes.x }, (_, i) => i * 3);
  costs.x = await repeated(xs.length, () => xs.forEach((x, i) => (frames[i % frames.length]!.x = x)));
  const names = Array.from({ length: b.writes.name }, (_, i) => `Cell ${i}`);
  costs.name = await repeated(names.length, () => names.forEach((n, i) => (frames[i % frames.length]!.name = n)));
  const paints: SolidPaint[][] = Array.from({ length: b.writes.fills }, (_, i) => [{ type: 'SOLID', color: { r: (i % 10) / 10, g: 0.5, b: 0.5 } }]);
  costs.fills = await repeated(paints.length, () => paints.forEach((p, i) => (frames[i % frames.length]!.fills = p)));

  const value = 'v'.repeat(100);
  costs.setPluginData = await repeated(b.pluginData, () => {
    for (let i = 0; i < b.pluginData; i++) frames[i % frames.length]!.setPluginData('jmCost', value);
  });
  costs.setSharedPluginData = await repeated(b.pluginData, () => {
    for (let i = 0; i < b.pluginData; i++) frames[i % frames.length]!.setSharedPluginData('jmcheck', 'cost', value);
  });

  costs.setTimeout0 = per(await timedAsync(async () => {
    for (let i = 0; i < b.timeouts; i++) await yieldToFigma();
  }), b.timeouts);

  let checksum = 0;
  for (const [op, run] of Object.entries(JS_WORKLOADS) as Array<[CostOp, () => number]>) {
    costs[op] = await repeated(b.jsRuns, () => {
      for (let i = 0; i < b.jsRuns; i++) checksum += run();
    });
  }
  if (!Number.isFinite(checksum)) throw new Error('workload checksum is not a number');
  return costs;
}

/** The batch as a check: fails when a call in it failed or a cost came out as zero. */
export function costCheck(sink: (costs: Costs) => void) {
  return defineCheck('apiCosts', 'Timed batch of API calls (costs below)', async (env) => {
    const costs = await measureCosts(env);
    sink(costs);
    // The first font load is one call, timed in Date.now's 1 ms steps: under 1 ms it reads 0, which is
    // a measurement, not a failure. Every other cost repeats until it is measurable.
    const zero = Object.entries(costs).filter(([k, v]) => k !== 'loadFontAsync.first' && !(v! > 0)).map(([k]) => k);
    return {
      pass: zero.length === 0,
      observed: zero.length ? `too fast to time with Date.now(): ${zero.join(', ')}` : `${Object.keys(costs).length} costs measured`,
    };
  });
}
