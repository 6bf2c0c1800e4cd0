// Journey Mapper benchmark (issue 8). Runs the BUILT plugin (dist/code.js) in the Figma emulator
// on generated journeys of growing size and prints a table, the growth curve and the budget check.
// Usage: npm run bench -- [--json] [--sizes S,M,L,XL] [--no-ui] [--no-svg] [--why] [--out FILE]
//   --json      print one JSON document (per size: nodes, writesPerCard, renderMs, …) instead of the table
//   --sizes     which sizes to run (default all: S, M, L, XL; see generate.ts)
//   --no-ui     skip the Chromium measurement of the panel
//   --no-svg    do not rewrite test/bench/growth.svg (and its PNG)
//   --why       profile the long slices of the largest size and name the functions responsible
//               (in QuickJS by sampling the guest's stack, and in V8 with its CPU profiler)
//   --out FILE  also write the JSON document to FILE
//   --no-v8     skip the V8 run of each size that gives the QuickJS/V8 slowdown factor
//   --runs N    measure each size N times and report the median of every figure (default 3)
// Every size runs the built bundle in QuickJS (Figma's kind of engine); V8 figures are only shown beside them.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBudgets, loadBudgets, type BudgetFailure } from './budgets';
import { bundleContents, bundleSizes, type BundleSizes } from './bundle';
import { asciiChart, rSquaredThroughOrigin, svgChart, type Point } from './chart';
import { SIZES, generateJourney } from './generate';
import { measureSize, type SizeResult } from './measure';
import { medianResult, unstableCounts } from './median';
import { measureUi, type UiTiming } from './ui-timing';

export interface BenchResult {
  generatedAt: string;
  node: string;
  cpus: number;
  /** os.loadavg() (1, 5, 15 minutes) when the bench started and when it ended: other work on the machine. */
  loadAverage: { start: number[]; end: number[] };
  /** How many runs of each size every figure is the median of. */
  runs: number;
  benchSeconds: number;
  sizes: SizeResult[];
  /** The same work in V8 (JIT): render, restyle and sync check CPU ms, and QuickJS's slowdown against it. */
  v8: V8Comparison[];
  linearity: {
    /** Render time per card of the largest size over that of M (1 = linear; above 1 = worse than linear). Wall clock. */
    perCardRatioLargestVsM: number | null;
    /** The same from CPU time, which other processes on the machine disturb less: the budgeted figure. */
    cpuPerCardRatioLargestVsM: number | null;
    /** R² of render ms against cards for a line through the origin (wall clock, CPU). */
    rSquared: number;
    cpuRSquared: number;
    msPerCard: Record<string, number>;
    cpuMsPerCard: Record<string, number>;
  };
  bundle: BundleSizes;
  /** Bytes of minified output per package or source folder (dist/.meta, written by build.mjs). */
  bundleContents: { code: { part: string; bytes: number }[]; ui: { part: string; bytes: number }[] };
  ui: UiTiming | null;
  budgets: BudgetFailure[];
  why?: unknown;
}

const HERE = import.meta.dirname;

export interface V8Comparison {
  size: string;
  renderCpuMs: number;
  restyleCpuMs: number;
  syncCpuMs: number;
  /** QuickJS CPU ms over V8 CPU ms for the same operation. */
  slowdown: { render: number; restyle: number; syncCheck: number };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10) / 10 : 0);

export function compareWithV8(quickjs: SizeResult, v8: SizeResult): V8Comparison {
  return {
    size: v8.size,
    renderCpuMs: v8.renderCpuMs,
    restyleCpuMs: v8.restyleCpuMs,
    syncCpuMs: v8.syncCpuMs,
    slowdown: { render: ratio(quickjs.renderCpuMs, v8.renderCpuMs), restyle: ratio(quickjs.restyleCpuMs, v8.restyleCpuMs), syncCheck: ratio(quickjs.syncCpuMs, v8.syncCpuMs) },
  };
}

function fmt(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return String(v);
}

export function table(results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => unknown][] = [
    ['stages / steps / lanes', (r) => `${r.stages} / ${r.steps} / ${r.lanes}`],
    ['engine', (r) => r.engine],
    ['start-up slice (bundle evaluation + hello)', (r) => r.startupSliceMs],
    ['cards', (r) => r.cards],
    ['render, cold / warm ms', (r) => `${fmt(r.renderColdMs)} / ${fmt(r.renderWarmMs)}`],
    ['estimated in Figma: render ms', (r) => r.figmaMsEstimatedByOperation.render ?? 0],
    ['estimated in Figma: restyle ms', (r) => r.figmaMsEstimatedByOperation.restyle ?? 0],
    ['estimated in Figma: one-card edit ms', (r) => r.figmaMsEstimatedByOperation.oneCardEdit ?? 0],
    ['estimated in Figma: sync check ms', (r) => r.figmaMsEstimatedByOperation.syncCheck ?? 0],
    ['one-card edit CPU / render CPU', (r) => r.oneCardEditShareOfRender],
    ['nodes (created by first render)', (r) => r.nodes],
    ['nodesPerCard (all nodes / cards)', (r) => r.nodesPerCard],
    ['card nodes per card (minimum)', (r) => `${fmt(r.cardNodesPerCard)} (${fmt(r.minCardNodesPerCard)})`],
    ['writes, first render', (r) => r.writes],
    ['writesPerCard', (r) => r.writesPerCard],
    ['renderMs (empty file)', (r) => r.renderMs],
    ['render ms per card', (r) => r.renderMsPerCard],
    ['render CPU ms (per card)', (r) => `${fmt(r.renderCpuMs)} (${fmt(r.renderCpuMsPerCard)})`],
    ['rerenderWrites (unchanged model)', (r) => r.rerenderWrites],
    ['oneCardEditWrites', (r) => r.oneCardEditWrites],
    ['naive full redraw writes', (r) => r.naiveRedrawWrites],
    ['restyleWrites (light -> dark)', (r) => r.restyleWrites],
    ['restyle ms (CPU ms)', (r) => `${fmt(r.restyleMs)} (${fmt(r.restyleCpuMs)})`],
    ['syncMs (check after 1 canvas edit; CPU ms)', (r) => `${fmt(r.syncMs)} (${fmt(r.syncCpuMs)})`],
    ['sync apply ms / writes', (r) => `${fmt(r.syncApplyMs)} / ${fmt(r.syncApplyWrites)}`],
    ['forcedLayoutReads', (r) => r.forcedLayoutReads],
    ['longest slice, Figma estimate (budgeted)', (r) => r.longestSliceMsEstimated],
    ['  slowest operation', (r) => Object.entries(r.sliceMsEstimatedByOperation).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''],
    ['longestSliceMs as emulated (all operations)', (r) => r.longestSliceMs],
    ['  with GC pauses left in', (r) => r.longestSliceMsWithGc],
    ['modelBytes (JSON)', (r) => r.modelBytes],
    ['modelCompressedBytes', (r) => r.modelCompressedBytes],
    ['pluginDataBytes (model + tags)', (r) => r.pluginDataBytes],
    ['largestEntryBytes', (r) => r.largestEntryBytes],
    ['named versions saved: bytes (largest entry)', (r) => `${r.versionsSaved}: ${fmt(r.versionsBytes)} (${fmt(r.versionsLargestEntryBytes)})`],
    ['save version ms (Figma estimate)', (r) => r.sliceMsEstimatedByOperation.saveVersion ?? ''],
  ];
  const head = ['figure', ...results.map((r) => r.size)];
  const body = rows.map(([name, get]) => [name, ...results.map((r) => fmt(get(r)))]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

export function linearity(results: SizeResult[]): BenchResult['linearity'] {
  const m = results.find((r) => r.size === 'M');
  const largest = results[results.length - 1];
  const ratio = (get: (r: SizeResult) => number) => (m && largest && largest !== m ? Math.round((get(largest) / get(m)) * 100) / 100 : null);
  const r2 = (get: (r: SizeResult) => number) => Math.round(rSquaredThroughOrigin(results.map((r) => ({ label: r.size, x: r.cards, y: get(r) }))) * 1000) / 1000;
  return {
    perCardRatioLargestVsM: ratio((r) => r.renderMsPerCard),
    cpuPerCardRatioLargestVsM: ratio((r) => r.renderCpuMsPerCard),
    rSquared: r2((r) => r.renderMs),
    cpuRSquared: r2((r) => r.renderCpuMs),
    msPerCard: Object.fromEntries(results.map((r) => [r.size, r.renderMsPerCard])),
    cpuMsPerCard: Object.fromEntries(results.map((r) => [r.size, r.renderCpuMsPerCard])),
  };
}

export function growthSvg(results: SizeResult[]): string {
  const series = (name: string, color: string, y: (r: SizeResult) => number) => ({ name, color, points: results.map((r) => ({ label: r.size, x: r.cards, y: y(r) })) });
  return svgChart(
    [
      series('Render (CPU)', '#4F46E5', (r) => r.renderCpuMs),
      series('Render (wall clock)', '#A5B4FC', (r) => r.renderMs),
      series('Restyle light→dark (CPU)', '#0D9488', (r) => r.restyleCpuMs),
      series('Sync check (CPU)', '#D97706', (r) => r.syncCpuMs),
    ],
    {
      title: 'Journey Mapper in the Figma emulator: time vs map size',
      xLabel: 'cards on the map (12 lanes, 4 personas; steps grow with cards)',
      yLabel: 'ms',
      note: `npm run bench, ${new Date().toISOString().slice(0, 10)}, node ${process.version}; dashed: linear fit through 0`,
    },
  );
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      'no-ui': { type: 'boolean', default: false },
      'no-svg': { type: 'boolean', default: false },
      why: { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-v8': { type: 'boolean', default: false },
      runs: { type: 'string', default: '3' },
    },
  });
  const log = (s: string) => (values.json ? process.stderr : process.stdout).write(`${s}\n`);
  const wanted = values.sizes ? values.sizes.split(',').map((s) => s.trim()) : SIZES.map((s) => s.name);
  const unknown = wanted.filter((w) => !SIZES.some((s) => s.name === w));
  if (unknown.length) throw new Error(`unknown size ${unknown.join(', ')}; sizes are ${SIZES.map((s) => s.name).join(', ')}`);
  const sizes = SIZES.filter((s) => wanted.includes(s.name));
  const started = performance.now();
  const os = await import('node:os');
  const loadStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);

  // Warm up the JIT (emulator, bundle, zod) on a throwaway map so S is not charged for it.
  log('warming up…');
  await measureSize({ name: 'warm-up', options: { stages: 2, stepsPerStage: 3, lanes: 9, personas: 2, curvesPerPersona: 2, cards: 60 } }, { naive: false });

  const results: SizeResult[] = [];
  for (const size of sizes) {
    // Each size starts from a collected heap: the emulator keeps whole documents in this process's
    // heap (in Figma they live outside the plugin's VM), so garbage left by a smaller size would
    // otherwise land as a GC pause in a larger size's slices. Needs --expose-gc (npm run bench).
    (globalThis as { gc?: () => void }).gc?.();
    const measured: SizeResult[] = [];
    for (let run = 1; run <= runs; run++) {
      (globalThis as { gc?: () => void }).gc?.();
      log(`measuring ${size.name} (${size.options.stages * size.options.stepsPerStage} steps, ${size.options.cards} cards), run ${run} of ${runs}…`);
      measured.push(await measureSize(size, { log }));
    }
    const unstable = unstableCounts(measured);
    if (unstable.length) log(`  ${size.name}: counts differ between runs (median reported): ${unstable.join('; ')}`);
    results.push(medianResult(measured));
  }
  const v8: V8Comparison[] = [];
  if (!values['no-v8']) {
    for (const size of sizes) {
      (globalThis as { gc?: () => void }).gc?.();
      log(`measuring ${size.name} in V8 for comparison…`);
      const quick = results.find((r) => r.size === size.name);
      const fast = await measureSize(size, { engine: 'v8', naive: false, settle: false });
      if (quick) v8.push(compareWithV8(quick, fast));
    }
  }
  const bundle = bundleSizes();
  let ui: UiTiming | null = null;
  if (!values['no-ui']) {
    log('measuring the panel in Chromium…');
    ui = await measureUi();
  }
  let why: unknown;
  if (values.why) {
    const largest = sizes[sizes.length - 1];
    if (largest) {
      log(`profiling the long slices of ${largest.name}…`);
      const { explainSlices, explainSlicesInQuickJS } = await import('./why');
      const journey = generateJourney(largest.options);
      why = { quickjs: await explainSlicesInQuickJS(journey), v8: await explainSlices(journey) };
    }
  }
  const lin = linearity(results);
  const budgets = checkBudgets(loadBudgets(), results, bundle, ui, { sliceFactor: 1 }, { renderCpuPerCardRatioLargestVsM: lin.cpuPerCardRatioLargestVsM });
  const result: BenchResult = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { start: loadStart, end: os.loadavg().map((n) => Math.round(n * 100) / 100) },
    runs,
    benchSeconds: Math.round((performance.now() - started) / 100) / 10,
    sizes: results,
    v8,
    linearity: lin,
    bundle,
    bundleContents: { code: bundleContents('code'), ui: bundleContents('ui') },
    ui,
    budgets,
    ...(why ? { why } : {}),
  };
  if (values.out) writeFileSync(resolve(values.out), `${JSON.stringify(result, null, 2)}\n`);
  if (!values['no-svg'] && results.length >= 2) {
    const svg = growthSvg(results);
    writeFileSync(join(HERE, 'growth.svg'), svg);
    try {
      const { svgToPng } = await import('../figma/svg-to-png');
      await svgToPng(svg, join(HERE, 'growth.png'), { scale: 1 });
    } catch (e) {
      log(`(could not rasterise growth.svg: ${(e as Error).message})`);
    }
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    log('');
    log(table(results));
    log('');
    log(asciiChart({ name: 'render CPU ms', color: '', points: results.map((r) => ({ label: r.size, x: r.cards, y: r.renderCpuMs })) }, { xLabel: 'cards', yLabel: 'render CPU ms (empty file)' }));
    log('');
    const last = results[results.length - 1]?.size ?? '';
    for (const c of v8) log(`QuickJS / V8 (${c.size}): render ×${c.slowdown.render}, restyle ×${c.slowdown.restyle}, sync check ×${c.slowdown.syncCheck} (V8 CPU ms: ${fmt(c.renderCpuMs)}, ${fmt(c.restyleCpuMs)}, ${fmt(c.syncCpuMs)})`);
    log(`render ms per card (wall clock): ${Object.entries(lin.msPerCard).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    log(`render CPU ms per card:          ${Object.entries(lin.cpuMsPerCard).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    log(`linearity: per-card time ${last} / M = ${lin.cpuPerCardRatioLargestVsM ?? 'n/a'} CPU, ${lin.perCardRatioLargestVsM ?? 'n/a'} wall clock (≤ 1.5 counts as linear); R² of a line through 0 = ${lin.cpuRSquared} CPU, ${lin.rSquared} wall clock`);
    log(`bundle: dist/code.js ${fmt(bundle.codeJsBytes)} B (${fmt(bundle.codeJsGzipBytes)} gzipped), dist/ui.html ${fmt(bundle.uiHtmlBytes)} B (${fmt(bundle.uiHtmlGzipBytes)} gzipped)`);
    const top = (parts: { part: string; bytes: number }[]) => parts.slice(0, 8).map((p) => `${p.part} ${fmt(Math.round(p.bytes / 100) / 10)} kB`).join(', ');
    log(`  code.js is made of: ${top(result.bundleContents.code)}`);
    log(`  ui.html is made of: ${top(result.bundleContents.ui)}`);
    if (ui) log(`panel in Chromium (median of ${ui.runs}): first button ${ui.readyMs} ms, first contentful paint ${ui.firstContentfulPaintMs} ms, "Generate map" ${ui.generateButtonMs} ms, hello answered ${ui.helloAnsweredMs} ms`);
    if (why) log(`\nwhy the long slices (${sizes[sizes.length - 1]?.name}):\n${JSON.stringify(why, null, 2)}`);
    log('');
    const broken = budgets.filter((f) => !f.knownMiss);
    const known = budgets.filter((f) => f.knownMiss);
    if (broken.length) {
      log(`BUDGETS BROKEN (${broken.length}):`);
      for (const f of broken) log(`  ${f.message}`);
    } else log('all budgets met, except known misses below');
    if (known.length) {
      log(`known misses (${known.length}; see budgets.json "knownMiss"):`);
      for (const f of known) log(`  ${f.figure} is ${f.value}; target ${f.budget}${f.size ? ` (size ${f.size})` : ''}`);
    }
    log(`median of ${runs} run(s) per size; load average ${result.loadAverage.start.join(' ')} at the start, ${result.loadAverage.end.join(' ')} at the end (${result.cpus} CPUs)`);
    log(`bench took ${result.benchSeconds} s`);
  }
}

const invoked = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (invoked) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
