// Measures one map size: runs the BUILT plugin (dist/code.js) in the Figma emulator through its
// own message protocol, as the UI does, and reads the emulator's counters (test/figma/instrument.ts).
// Used by `npm run bench` (bench.ts) and by the budget test (test/dist/budgets.test.ts).
import { applyCanvasEdit } from '../harness/canvas-edits';
import { startPlugin, type PluginHost } from '../harness/plugin-host';
import { layoutJourney } from '../../shared/layout/layout';
import { walk } from '../../shared/layout/spec';
import { loadJourney, serializeJourney, wrap } from '../../shared/model/envelope';
import type { Card, Journey } from '../../shared/model/types';
import { encodeModel } from '../../shared/storage/model-codec';
import { findTagged } from '../../plugin/render/tags';
import { utf8Length } from '../../shared/storage/utf8';
import { NAMESPACE, VERSIONS_KEY } from '../../shared/storage/keys';
import { StyleOptionsSchema } from '../../shared/style/options';
import { reconcile } from '../../shared/sync/reconcile';
import { readSnapshotAsync } from '../../plugin/readback/snapshot';
import { Slicer } from '../../plugin/yield';
import { readModel, readStoredJson } from '../../plugin/store/model-store';
import type { EmulatorStats } from '../figma/index';
import type { EngineName } from '../figma/engines';
import { generateJourney, type BenchSize } from './generate';
import { pluginDataSize } from '../harness/plugin-data-size';

export interface SizeResult {
  size: string;
  /** The engine the bundle ran in: 'quickjs' (Figma's kind of VM) or 'v8'. */
  engine: EngineName;
  stages: number;
  steps: number;
  lanes: number;
  cards: number;
  // Nodes
  /** Nodes the first render created (the map and everything in it). */
  nodes: number;
  nodesPerCard: number;
  /** Nodes that belong to cards (keys card:…), per card. */
  cardNodesPerCard: number;
  /** The least a card can be drawn with: a frame, its text, and one text per field it shows. */
  minCardNodesPerCard: number;
  // Writes
  /** Property writes (emulator count: every setter and mutating call) of the first render. */
  writes: number;
  writesPerCard: number;
  rerenderWrites: number;
  /** Calls into Figma (reads included) of an unchanged re-render, per node: every one crosses the sandbox boundary. QuickJS only. */
  rerenderCallsPerNode: number;
  oneCardEditWrites: number;
  oneCardEditWritesByProperty: Record<string, number>;
  /** What a plugin without update-in-place writes on every edit: the edited journey into an empty file. */
  naiveRedrawWrites: number;
  restyleWrites: number;
  // Time
  /** Render into an empty file: the faster of the two cold renders made (first render, naive redraw). */
  renderMs: number;
  /** The first render after the plugin started (cold: fonts, caches and lazily built schemas are new). */
  renderColdMs: number;
  /** The same journey rendered as a new map by a plugin that has rendered once already (warm). */
  renderWarmMs: number;
  renderWarmCpuMs: number;
  /** CPU time of the same render (the faster of the two): the figure the linearity check uses. */
  renderCpuMs: number;
  renderCpuMsPerCard: number;
  renderMsPerCard: number;
  naiveRedrawMs: number;
  rerenderMs: number;
  oneCardEditMs: number;
  oneCardEditCpuMs: number;
  /** One-card edit CPU time over a full render's (issue 13's target: at most 0.25). */
  oneCardEditShareOfRender: number;
  restyleMs: number;
  restyleCpuMs: number;
  /** Sync check (apply:false) after one canvas text edit. */
  syncMs: number;
  syncCpuMs: number;
  /** Sync apply (apply:true): reconcile, store and redraw. */
  syncApplyMs: number;
  syncApplyWrites: number;
  // Responsiveness
  /** Forced layout reads over every operation on this size (render, re-render, edit, restyle, sync). */
  forcedLayoutReads: number;
  /** Longest synchronous slice over every operation on this size (emulator layout and GC pauses taken out). */
  longestSliceMs: number;
  /** The same with GC pauses left in (the emulator's heap holds whole documents; Figma's plugin heap does not). */
  longestSliceMsWithGc: number;
  /** Longest slice per operation, to find the one responsible. */
  sliceMsByOperation: Record<string, number>;
  /**
   * The budgeted figure in QuickJS: the longest slice of plugin code with each of its calls into
   * Figma at Figma's estimated cost instead of the emulator's (test/figma/quickjs/costs.ts). The
   * emulator answers calls in JavaScript; in Figma they are native.
   */
  longestSliceMsEstimated: number;
  sliceMsEstimatedByOperation: Record<string, number>;
  /** The plugin's calls into Figma over every operation, by kind: what the estimate multiplies. */
  callsByKind: Record<string, number>;
  /**
   * Estimated time Figma would be busy per operation (QuickJS only): the plugin's code as timed in
   * QuickJS plus every call at Figma's cost (test/figma/quickjs/costs.ts), summed over its slices.
   */
  figmaMsEstimatedByOperation: Record<string, number>;
  /** The plugin's own code time per operation in QuickJS (calls into the emulator taken out). */
  pluginCodeMsByOperation: Record<string, number>;
  /** Start-up: the slice that evaluates the bundle and answers the first request (hello). */
  startupSliceMs: number;
  /** Time of the pure, synchronous steps the plugin runs without yielding, measured directly. */
  phaseMs: Record<string, number>;
  layoutPasses: number;
  // Storage
  pluginDataBytes: number;
  largestEntryBytes: number;
  modelBytes: number;
  modelCompressedBytes: number;
  modelEntries: number;
  /** Tags on the drawn nodes (everything but the stored model). */
  tagBytes: number;
  /** Named versions saved on the map by the bench (saveVersion), their bytes and largest entry. */
  versionsSaved: number;
  versionsBytes: number;
  versionsLargestEntryBytes: number;
}

export interface MeasureOptions {
  /** Default 'quickjs'. */
  engine?: EngineName;
  /** Measure the sync check and apply (default true). */
  sync?: boolean;
  /** Render the edited journey into a fresh file as the naive redraw (default true). */
  naive?: boolean;
  log?: (line: string) => void;
  /**
   * Wait out live sync's debounce after each operation and measure what it does (default true).
   * Off in CI to save time: live sync only reads, so no write figure changes, and its slices are
   * then charged to the next operation instead.
   */
  settle?: boolean;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Fields a card shows besides its text; each needs at least one text node. */
function shownFields(card: Card, laneType: string): number {
  let n = 0;
  if (laneType === 'touchpoints' && card.channel) n++;
  if (laneType === 'backstage') n++;
  if (card.owner) n++;
  if (card.priority) n++;
  if (card.status) n++;
  if (card.effort !== undefined || card.value !== undefined) n++;
  if (card.evidence.length) n++;
  if (card.metric) n += card.metric.target !== undefined ? 2 : 1;
  return n;
}

interface Op<T> {
  value: T;
  ms: number;
  /** CPU time of this process (user + system) over the operation: less disturbed by other load than wall clock. */
  cpuMs: number;
  stats: EmulatorStats;
  /** What the plugin did after replying, until it settled (live sync reacting to its own writes). */
  after: EmulatorStats;
}

/** Longer than live sync's 250 ms debounce (plugin/map/sync.ts), so its reaction is caught. */
const SETTLE_MS = 350;

async function settle(host: PluginHost, settleMs: number): Promise<void> {
  if (settleMs) await new Promise((r) => setTimeout(r, settleMs));
  await host.emu.flush();
  await new Promise((r) => setImmediate(r));
}

async function op<T>(host: PluginHost, fn: () => Promise<T>, settleMs: number): Promise<Op<T>> {
  await host.emu.flush();
  host.emu.resetStats();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  // Let the slice that delivered the reply close before reading the slice timer.
  await new Promise((r) => setImmediate(r));
  const stats = host.emu.stats();
  host.emu.resetStats();
  await settle(host, settleMs);
  return { value, ms, cpuMs, stats, after: host.emu.stats() };
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

const VERSIONS_SAVED = 10;

/** Saves `count` named versions through the plugin and measures the map's version entries. */
async function saveNamedVersions(host: PluginHost, nodeId: string, map: FrameNode, count: number, settleMs: number, account: (name: string, stats: EmulatorStats, after?: EmulatorStats) => void) {
  for (let i = 1; i <= count; i++) {
    const saved = await op(host, () => host.request('saveVersion', { nodeId, name: `Bench version ${i}` }), settleMs);
    if (saved.value.pruned.length > 0) throw new Error(`saving version ${i} pruned ${saved.value.pruned.length}: the budget is too small for ${count} versions`);
    if (i === count) account('saveVersion', saved.stats, saved.after);
  }
  let bytes = 0;
  let largestEntryBytes = 0;
  for (const key of map.getSharedPluginDataKeys(NAMESPACE)) {
    if (key !== VERSIONS_KEY && !key.startsWith('version_')) continue;
    const entry = utf8Length(key) + utf8Length(map.getSharedPluginData(NAMESPACE, key));
    bytes += entry;
    largestEntryBytes = Math.max(largestEntryBytes, entry);
  }
  return { bytes, largestEntryBytes };
}

/** Picks the card whose text the edits change: one in the middle of the map. */
export function middleCard(journey: Journey): Card {
  return journey.cards[Math.floor(journey.cards.length / 2)] as Card;
}

export async function measureSize(size: BenchSize, options: MeasureOptions = {}): Promise<SizeResult> {
  const log = options.log ?? (() => {});
  const settleMs = options.settle === false ? 0 : SETTLE_MS;
  const journey = generateJourney(size.options);
  const envelope = wrap(journey);
  const light = StyleOptionsSchema.parse({ theme: 'light' });
  const dark = StyleOptionsSchema.parse({ theme: 'dark' });
  const lanesById = new Map(journey.lanes.map((l) => [l.id, l]));
  const steps = journey.stages.reduce((n, s) => n + s.steps.length, 0);
  const cards = journey.cards.length;
  const slices: Record<string, number> = {};
  const estimated: Record<string, number> = {};
  const calls: Record<string, number> = {};
  const busy: Record<string, number> = {};
  const code: Record<string, number> = {};
  let withGc = 0;
  let forced = 0;
  let layoutPasses = 0;
  const account = (name: string, stats: EmulatorStats, after?: EmulatorStats) => {
    slices[name] = round(stats.longestSliceMs);
    estimated[name] = round(Math.max(stats.longestSliceMsEstimated, after?.longestSliceMsEstimated ?? 0));
    busy[name] = round(stats.busyMsEstimated + (after?.busyMsEstimated ?? 0));
    code[name] = round(stats.pluginCodeMs + (after?.pluginCodeMs ?? 0));
    for (const st of [stats, after]) for (const [k, n] of Object.entries(st?.callsByKind ?? {})) calls[k] = (calls[k] ?? 0) + n;
    withGc = Math.max(withGc, stats.longestSliceMsWithGc, after?.longestSliceMsWithGc ?? 0);
    forced += stats.forcedLayoutReads;
    layoutPasses += stats.layoutPasses;
    if (after && after.slices > 0) {
      slices[`${name}:after`] = round(after.longestSliceMs);
      forced += after.forcedLayoutReads;
      layoutPasses += after.layoutPasses;
    }
  };

  // 1. First render into an empty file.
  const engine = options.engine ?? 'quickjs';
  const host = startPlugin({ editorType: 'figma', engine });
  await host.request('hello', {});
  await new Promise((r) => setImmediate(r));
  const startup = host.emu.stats();
  const first = await op(host, () => host.request('render', { journey: envelope, style: light }), settleMs);
  account('render', first.stats, first.after);
  const nodeId = first.value.nodeId;
  log(`  ${size.name}: render ${Math.round(first.ms)} ms, ${first.stats.nodesCreated} nodes, ${first.stats.writes} writes`);

  // 2. Re-render of the unchanged model.
  const again = await op(host, () => host.request('render', { journey: envelope, style: light, targetNodeId: nodeId }), settleMs);
  account('rerender', again.stats, again.after);

  // 3. One card's text changed in the JSON, rendered again.
  const target = middleCard(journey);
  const edited: Journey = { ...journey, cards: journey.cards.map((c) => (c.id === target.id ? { ...c, text: `${c.text} (edited)` } : c)) };
  const edit = await op(host, () => host.request('render', { journey: wrap(edited), style: light, targetNodeId: nodeId }), settleMs);
  account('oneCardEdit', edit.stats, edit.after);

  // 4. The naive alternative: every edit redraws the whole map from nothing.
  let naiveWrites = first.stats.writes;
  let naiveMs = first.ms;
  let naiveCpuMs = first.cpuMs;
  let warm = { ms: first.ms, cpuMs: first.cpuMs };
  if (options.naive !== false) {
    const fresh = startPlugin({ editorType: 'figma', engine });
    await fresh.request('hello', {});
    const naive = await op(fresh, () => fresh.request('render', { journey: wrap(edited), style: light }), settleMs);
    naiveWrites = naive.stats.writes;
    naiveMs = naive.ms;
    naiveCpuMs = naive.cpuMs;
    // 4b. Warm: the same plugin draws the journey again as a second map.
    warm = await op(fresh, () => fresh.request('render', { journey: envelope, style: light }), settleMs);
  }

  // 5. Restyle light -> dark.
  const restyle = await op(host, () => host.request('restyle', { nodeId, style: dark }), settleMs);
  account('restyle', restyle.stats, restyle.after);
  log(`  ${size.name}: re-render ${again.stats.writes} writes, one-card edit ${edit.stats.writes}, restyle ${restyle.stats.writes} in ${Math.round(restyle.ms)} ms`);

  // 6. Storage.
  const map = (await host.figma.getNodeByIdAsync(nodeId)) as FrameNode;
  const data = pluginDataSize(map);
  const json = readStoredJson(map);
  if (!json.ok) throw new Error(`the map's stored model cannot be read: ${json.error}`);
  const encoded = encodeModel(json.value);
  if (!encoded.ok) throw new Error('the stored model cannot be encoded again');

  // 7. One canvas edit (a person retypes a card), then sync: check, then apply.
  let syncMs = 0;
  let syncCpuMs = 0;
  let syncApplyMs = 0;
  let syncApplyWrites = 0;
  if (options.sync !== false) {
    const stored = readModel(map);
    if (!stored.ok) throw new Error('the drawn map holds no journey');
    const other = journey.cards[Math.floor(journey.cards.length / 3)] as Card;
    await host.emu.flush();
    host.emu.resetStats();
    applyCanvasEdit(host.emu, map, stored.value.journey, stored.value.style, { op: 'setText', id: other.id, text: `${other.text} Retyped on the canvas.` });
    // Live sync reacts to the edit after its 250 ms debounce and reconciles the map once.
    await settle(host, settleMs);
    account('liveSync', host.emu.stats());
    const check = await op(host, () => host.request('sync', { nodeId, apply: false }), settleMs);
    account('syncCheck', check.stats, check.after);
    if (check.value.changes.length !== 1) throw new Error(`sync found ${check.value.changes.length} changes after one canvas edit; expected 1`);
    const apply = await op(host, () => host.request('sync', { nodeId, apply: true }), settleMs);
    account('syncApply', apply.stats, apply.after);
    syncMs = check.ms;
    syncCpuMs = check.cpuMs;
    syncApplyMs = apply.ms;
    syncApplyWrites = apply.stats.writes;
    log(`  ${size.name}: sync check ${Math.round(check.ms)} ms, apply ${Math.round(apply.ms)} ms (${apply.stats.writes} writes)`);
  }

  // 8. Ten named versions saved on the map (issue 18: they must fit under Figma's per-entry limit).
  const versions = await saveNamedVersions(host, nodeId, map, VERSIONS_SAVED, settleMs, account);
  log(`  ${size.name}: ${VERSIONS_SAVED} named versions take ${Math.round(versions.bytes / 1024)} kB, largest entry ${Math.round(versions.largestEntryBytes / 1024)} kB`);

  // 9. The pure steps the plugin runs in one go, timed directly (same source as the bundle).
  const phaseMs: Record<string, number> = {};
  const validate = time(() => loadJourney(JSON.parse(JSON.stringify(envelope)) as unknown));
  phaseMs.validate = round(validate.ms);
  const layout = time(() => layoutJourney(journey, light, { editor: 'figma' }));
  phaseMs.layout = round(layout.ms);
  phaseMs.serializeAndCompress = round(time(() => encodeModel(serializeJourney(journey))).ms);
  phaseMs.readStoredModel = round(time(() => readModel(map)).ms);
  // Timed as one stretch (a slicer that never yields), to compare with the other phases.
  const t0 = performance.now();
  const snapshot = { value: await readSnapshotAsync(map, new Slicer(Number.POSITIVE_INFINITY)), ms: 0 };
  snapshot.ms = performance.now() - t0;
  phaseMs.readSnapshot = round(snapshot.ms);
  const storedNow = readModel(map);
  if (storedNow.ok) phaseMs.reconcile = round(time(() => reconcile(storedNow.value.journey, storedNow.value.style, snapshot.value)).ms);
  phaseMs.findAllTagged = round(time(() => findTagged(map).length).ms);

  let cardNodes = 0;
  walk(layout.value.root, (s) => {
    if (s.key.startsWith('card:')) cardNodes++;
  });
  const minCardNodes = journey.cards.reduce((n, c) => n + 2 + shownFields(c, lanesById.get(c.laneId)?.type ?? 'text'), 0);

  const nodes = first.stats.nodesCreated;
  // Two cold renders of (nearly) the same journey were made: the first one and the naive redraw.
  // The faster of the two is the less disturbed by garbage collection and other processes.
  const renderMs = Math.min(first.ms, naiveMs);
  const renderCpuMs = Math.min(first.cpuMs, naiveCpuMs);
  return {
    size: size.name,
    engine,
    stages: journey.stages.length,
    steps,
    lanes: journey.lanes.length,
    cards,
    nodes,
    nodesPerCard: round(nodes / cards, 2),
    cardNodesPerCard: round(cardNodes / cards, 2),
    minCardNodesPerCard: round(minCardNodes / cards, 2),
    writes: first.stats.writes,
    writesPerCard: round(first.stats.writes / cards, 1),
    rerenderWrites: again.stats.writes,
    rerenderCallsPerNode: round(Object.values(again.stats.callsByKind).reduce((a, b) => a + b, 0) / nodes, 2),
    oneCardEditWrites: edit.stats.writes,
    oneCardEditWritesByProperty: edit.stats.writesByProperty,
    naiveRedrawWrites: naiveWrites,
    restyleWrites: restyle.stats.writes,
    renderMs: round(renderMs),
    renderColdMs: round(first.ms),
    renderWarmMs: round(warm.ms),
    renderWarmCpuMs: round(warm.cpuMs),
    renderCpuMs: round(renderCpuMs),
    renderCpuMsPerCard: round(renderCpuMs / cards, 3),
    renderMsPerCard: round(renderMs / cards, 3),
    naiveRedrawMs: round(naiveMs),
    rerenderMs: round(again.ms),
    oneCardEditMs: round(edit.ms),
    oneCardEditCpuMs: round(edit.cpuMs),
    oneCardEditShareOfRender: round(edit.cpuMs / renderCpuMs, 3),
    restyleMs: round(restyle.ms),
    restyleCpuMs: round(restyle.cpuMs),
    syncMs: round(syncMs),
    syncCpuMs: round(syncCpuMs),
    syncApplyMs: round(syncApplyMs),
    syncApplyWrites,
    forcedLayoutReads: forced,
    longestSliceMs: Math.max(...Object.values(slices)),
    longestSliceMsEstimated: Math.max(...Object.values(estimated)),
    sliceMsEstimatedByOperation: estimated,
    callsByKind: calls,
    figmaMsEstimatedByOperation: busy,
    pluginCodeMsByOperation: code,
    startupSliceMs: round(engine === 'quickjs' ? startup.longestSliceMsEstimated || startup.longestSliceMs : startup.longestSliceMs),
    longestSliceMsWithGc: round(withGc),
    sliceMsByOperation: slices,
    phaseMs,
    layoutPasses,
    pluginDataBytes: data.total,
    largestEntryBytes: data.largest,
    modelBytes: utf8Length(json.value),
    modelCompressedBytes: encoded.value.compressedBytes,
    modelEntries: encoded.value.entries.length,
    tagBytes: data.total - data.model,
    versionsSaved: VERSIONS_SAVED,
    versionsBytes: versions.bytes,
    versionsLargestEntryBytes: versions.largestEntryBytes,
  };
}
