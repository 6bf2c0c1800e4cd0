// Headless preview: runs the BUILT plugin (dist/code.js) in the Figma emulator, asks it through
// its own message protocol to draw a journey, optionally makes canvas edits and syncs, and writes
//   DIR/map.svg  DIR/map.png  DIR/model.json  DIR/stats.json
// Usage: npm run preview -- [journey.json|.csv|.xlsx|.mmd] [--out DIR] [--theme light|dark|high-contrast]
//          [--editor figma|figjam] [--density comfortable|compact] [--brand #RRGGBB] [--font NAME]
//          [--edits edits.json] [--no-png] [--engine quickjs|v8] [--views] [--health-badges]
//        npm run preview -- --compare older.json newer.json [--out DIR] [--curves A,B] [same style flags]
// --views also writes DIR/views/<view-id>.svg and .png for every view frame the plugin drew beside the
// map (stage slides: <view-id>-01 …), and DIR/views/map.svg/.png with the map alone; a journey that
// defines no views is drawn with one view of every kind.
// --compare draws the newer journey as the map, asks the plugin for the Changes view beside it
// (message showChanges) and also writes DIR/changes.svg, DIR/changes.png and DIR/changes.md (the
// changelog, shared/diff compareJourneys). --curves A,B draws curve A faint behind curve B (as-is
// against to-be); with one journey and no --compare, it compares two curves of that journey.
// The bundle runs in QuickJS (Figma's kind of engine) unless --engine v8 is given; stats.json says which.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXAMPLES } from '../../shared/examples/index';
import { formatReport, importJourney } from '../../shared/interop/index';
import '../../shared/interop/xlsx/inflate-fflate'; // .xlsx files saved by spreadsheet programs are deflated
import { loadJourney, wrap } from '../../shared/model/envelope';
import { compareJourneys } from '../../shared/diff/compare';
import { changesSummary } from '../../shared/layout/views/changes-summary';
import { formatProblem } from '../../shared/result';
import { utf8Length } from '../../shared/storage/utf8';
import { DENSITIES, StyleOptionsSchema, THEME_NAMES } from '../../shared/style/options';
import { readModel, readStoredJson } from '../../plugin/store/model-store';
import { viewFramesOf } from '../../plugin/map/views';
import { readTag } from '../../plugin/render/tags';
import { VIEW_KINDS } from '../../shared/model/schema';
import { VIEW_KIND_LABELS } from '../../shared/layout/views/index';
import { svgToPng } from '../figma/svg-to-png';
import { applyCanvasEdit, CanvasEditsSchema } from './canvas-edits';
import { startPlugin, PluginReplyError } from './plugin-host';
import { pluginDataSize } from './plugin-data-size';

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

export interface PreviewStats {
  /** The JavaScript engine the bundle ran in. */
  engine: 'quickjs' | 'v8';
  /** Longest slice while the bundle loaded and answered its first request (not part of longestSliceMs). */
  startupSliceMs: number;
  nodes: number;
  writes: number;
  renderMs: number;
  rerenderWrites: number;
  pluginDataBytes: number;
  modelBytes: number;
  largestEntryBytes: number;
  longestSliceMs: number;
  forcedLayoutReads: number;
  changes?: unknown[];
  warnings?: unknown[];
  syncMs?: number;
}

export async function runPreview(argv: string[]): Promise<{ out: string; stats: PreviewStats }> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'out/preview' },
      theme: { type: 'string', default: 'light' },
      editor: { type: 'string', default: 'figma' },
      density: { type: 'string', default: 'comfortable' },
      brand: { type: 'string' },
      font: { type: 'string' },
      edits: { type: 'string' },
      'no-png': { type: 'boolean', default: false },
      engine: { type: 'string', default: 'quickjs' },
      views: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      curves: { type: 'string' },
      'health-badges': { type: 'boolean', default: false },
    },
  });
  if (!(THEME_NAMES as readonly string[]).includes(values.theme)) fail(`--theme must be one of ${THEME_NAMES.join(', ')}; got "${values.theme}"`);
  if (values.engine !== 'quickjs' && values.engine !== 'v8') fail(`--engine must be quickjs or v8; got "${values.engine}"`);
  const engine = values.engine;
  if (values.editor !== 'figma' && values.editor !== 'figjam') fail(`--editor must be figma or figjam; got "${values.editor}"`);
  if (!(DENSITIES as readonly string[]).includes(values.density)) fail(`--density must be one of ${DENSITIES.join(', ')}`);
  const styleResult = StyleOptionsSchema.safeParse({ theme: values.theme, density: values.density, ...(values.brand ? { brandColor: values.brand } : {}), ...(values.font ? { fontFamily: values.font } : {}), healthBadges: values['health-badges'] });
  if (!styleResult.success) fail(`bad style option: ${styleResult.error.issues[0]?.path.join('.')}: ${styleResult.error.issues[0]?.message}`);
  const style = styleResult.data;

  if (values.compare && positionals.length !== 2) fail('--compare needs two journey files: the older one, then the newer one');
  const curves = values.curves?.split(',').map((c) => c.trim());
  if (curves && (curves.length !== 2 || !curves[0] || !curves[1])) fail('--curves needs two curve ids: --curves A,B (A drawn faint behind B)');
  if (curves && !values.compare && positionals.length !== 1) fail('--curves without --compare needs one journey file');
  const readInput = (file: string): unknown => {
    if (!existsSync(file)) fail(`cannot read "${file}": no such file`);
    const imported = importJourney(new Uint8Array(readFileSync(file)), { fileName: file });
    // The import report (how the file was read, what changed, what was left out) goes to stderr.
    console.error(formatReport(imported.report));
    if (!imported.ok) fail(`"${file}" is not a journey Journey Mapper can draw:\n${imported.error.map((p) => `  ${p.line ? `line ${p.line}: ` : ''}${formatProblem(p)}`).join('\n')}`);
    return wrap(imported.value);
  };
  const input = values.compare ? positionals[1] : positionals[0];
  const olderInput = values.compare ? readInput(positionals[0]!) : undefined;
  let journeyInput: unknown;
  if (input) {
    journeyInput = readInput(input);
  } else {
    journeyInput = (EXAMPLES.find((e) => e.id === 'retail-purchase') ?? EXAMPLES[0])?.envelope;
  }
  if (values.views) journeyInput = withEveryViewKind(journeyInput);
  const edits = values.edits ? CanvasEditsSchema.safeParse(JSON.parse(readFileSync(values.edits, 'utf8')) as unknown) : null;
  if (edits && !edits.success) fail(`"${values.edits}" is not a list of canvas edits: ${edits.error.issues[0]?.path.join('.')}: ${edits.error.issues[0]?.message}`);

  const host = startPlugin({ editorType: values.editor, engine });
  await host.request('hello', {});
  const startupSliceMs = host.emu.stats().longestSliceMs;
  host.emu.resetStats();
  const t0 = performance.now();
  const drawn = await host.request('render', { journey: journeyInput, style });
  const renderMs = performance.now() - t0;
  const first = host.emu.stats();
  host.emu.resetStats();
  await host.request('render', { journey: journeyInput, style, targetNodeId: drawn.nodeId });
  const rerenderWrites = host.emu.stats().writes;

  const page = host.figma.currentPage;
  let mapNode = (await host.figma.getNodeByIdAsync(drawn.nodeId)) as FrameNode;
  const stats: PreviewStats = {
    engine,
    startupSliceMs: Math.round(startupSliceMs * 10) / 10,
    nodes: host.emu.nodeCount(),
    writes: first.writes,
    renderMs: Math.round(renderMs * 10) / 10,
    rerenderWrites,
    pluginDataBytes: 0,
    modelBytes: 0,
    largestEntryBytes: 0,
    longestSliceMs: Math.round(first.longestSliceMs * 10) / 10,
    forcedLayoutReads: first.forcedLayoutReads,
  };

  if (edits?.success) {
    const stored = readModel(mapNode);
    if (!stored.ok) throw new Error('the drawn map holds no journey');
    const synced: FrameNode[] = [mapNode];
    for (const edit of edits.data) {
      const made = applyCanvasEdit(host.emu, mapNode, stored.value.journey, stored.value.style, edit);
      if (edit.op === 'duplicateMap' && made) synced.push(made as FrameNode);
    }
    await host.emu.flush();
    const allChanges: unknown[] = [];
    const allWarnings: unknown[] = [];
    const s0 = performance.now();
    for (const node of synced) {
      const result = await host.request('sync', { nodeId: node.id, apply: true });
      allChanges.push(...result.changes);
      allWarnings.push(...result.warnings);
    }
    stats.syncMs = Math.round((performance.now() - s0) * 10) / 10;
    stats.changes = allChanges;
    stats.warnings = allWarnings;
    mapNode = (await host.figma.getNodeByIdAsync(drawn.nodeId)) as FrameNode;
  }

  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const data = pluginDataSize(page);
  stats.pluginDataBytes = data.total;
  stats.largestEntryBytes = data.largest;
  const json = readStoredJson(mapNode);
  if (!json.ok) throw new Error(json.error);
  stats.modelBytes = utf8Length(json.value);
  writeFileSync(join(out, 'model.json'), `${json.value}\n`);
  const svg = host.emu.toSVG(page);
  writeFileSync(join(out, 'map.svg'), svg);
  if (!values['no-png']) await svgToPng(svg, join(out, 'map.png'), { scale: 1 });
  if (values.views) await writeViews(host.emu, page, mapNode, join(out, 'views'), !values['no-png']);
  if (values.compare || curves) {
    const older = olderInput ?? journeyInput;
    const labels = values.compare ? { from: basename(positionals[0]!), to: basename(positionals[1]!) } : { from: basename(positionals[0]!), to: basename(positionals[0]!) };
    const a = loadJourney(older);
    const b = loadJourney(journeyInput);
    if (!a.ok || !b.ok) throw new Error('a compared journey cannot be read back');
    // As the panel does: the diff and its summary here, the drawing in the plugin.
    const summary = changesSummary(a.value.journey, b.value.journey, { labels, ...(curves ? { curveA: curves[0]!, curveB: curves[1]! } : {}) });
    const shown = await host.request('showChanges', { nodeId: drawn.nodeId, newer: journeyInput, summary });
    const frame = (await host.figma.getNodeByIdAsync(shown.nodeId)) as FrameNode;
    const changesSvg = host.emu.toSVG(frame);
    writeFileSync(join(out, 'changes.svg'), changesSvg);
    if (!values['no-png']) await svgToPng(changesSvg, join(out, 'changes.png'), { scale: 1 });
    writeFileSync(join(out, 'changes.md'), compareJourneys(a.value.journey, b.value.journey, labels).markdown);
  }
  writeFileSync(join(out, 'stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  return { out, stats };
}

/** A journey without views gets one of every kind (a persona view of its first persona). */
function withEveryViewKind(input: unknown): unknown {
  const env = input as { journey?: { views?: unknown[]; personas?: { id: string }[] } };
  const j = env.journey;
  if (!j || (j.views && j.views.length)) return input;
  const persona = j.personas?.[0]?.id;
  const views = VIEW_KINDS.filter((k) => k !== 'persona' || persona).map((kind) => ({ id: `view-${kind}`, kind, name: VIEW_KIND_LABELS[kind], options: kind === 'persona' ? { personas: [persona] } : {} }));
  return { ...env, journey: { ...j, views } };
}

/** Each view frame of the map (and the map alone) as SVG and PNG. */
async function writeViews(emu: { toSVG(node?: unknown): string }, page: PageNode, map: FrameNode, dir: string, png: boolean): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const frames = [...viewFramesOf(page, map.id).values()];
  const counts = new Map<string, number>();
  const targets: [string, SceneNode][] = [['map', map]];
  for (const f of frames) {
    const viewId = readTag(f)?.t?.[1] ?? f.id;
    const n = (counts.get(viewId) ?? 0) + 1;
    counts.set(viewId, n);
    targets.push([readTag(f)?.t?.[2] !== undefined ? `${viewId}-${String(n).padStart(2, '0')}` : viewId, f]);
  }
  for (const [name, node] of targets) {
    const svg = emu.toSVG(node);
    const file = name.replace(/[^\w.-]/g, '_');
    writeFileSync(join(dir, `${file}.svg`), svg);
    if (png) await svgToPng(svg, join(dir, `${file}.png`), { scale: 1 });
  }
}

const invoked = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (invoked) {
  runPreview(process.argv.slice(2)).then(
    ({ out, stats }) => {
      console.log(`wrote ${out}/map.svg, map.png, model.json, stats.json${process.argv.includes('--compare') || process.argv.some((a) => a.startsWith('--curves')) ? ', changes.svg, changes.png, changes.md' : ''}`);
      console.log(JSON.stringify({ ...stats, changes: stats.changes?.length, warnings: stats.warnings?.length }));
      process.exit(0);
    },
    (e: unknown) => {
      if (e instanceof UsageError || e instanceof PluginReplyError) console.error(`preview: ${e.message}`);
      else console.error(e);
      process.exit(1);
    },
  );
}
