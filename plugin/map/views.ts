// Views for stakeholders (issue 17), drawn beside their map: each frame of each view of the
// journey (shared/layout/views) is rendered by the same renderer as the map, as a frame of its
// own in the map's parent, and updated in place whenever the map is drawn (render, restyle,
// sync). A view frame carries, besides its tag, shared plugin data `view` = { map, d, lv }: the
// node id of its map and the map's drawn-stamp (map/marker.ts) it was last fully drawn from, so an
// unchanged view writes nothing and a half-drawn one is redrawn in full. View frames hold no
// journey, so sync (which reads a map: a frame holding a journey, store/model-store.ts mapOf) never
// reads them as edits of the map. Views of a journey no longer listed are removed.
import type { JourneyLayout } from '../../shared/layout/layout';
import type { FontSet, NodeSpec } from '../../shared/layout/spec';
import { estimateHeight } from '../../shared/layout/estimate';
import { textHasher } from '../../shared/layout/hash';
import { LAYOUT_VERSION } from '../../shared/layout/version';
import { layoutViewsSteps, type ViewFrame } from '../../shared/layout/views/index';
import { runSteps, Slicer } from '../yield';
import type { Journey } from '../../shared/model/types';
import { NAMESPACE, VIEW_KEY } from '../../shared/storage/keys';
import type { StyleOptions } from '../../shared/style/options';
import { renderLayoutAsync } from '../render/render';
import { emptyWrites, mergeWrites, type RenderWrites } from './own-writes';
import { readTag } from '../render/tags';

/** Space between the map and its views, and between views. */
const GAP = 160;

interface ViewData {
  map: string;
  d: string;
  lv: number;
}

function readViewData(node: BaseNode): ViewData | null {
  try {
    const data = JSON.parse(node.getSharedPluginData(NAMESPACE, VIEW_KEY) || 'null') as ViewData | null;
    return data && typeof data.map === 'string' && typeof data.d === 'string' ? data : null;
  } catch {
    return null;
  }
}

/** The view frames of a map on the page, by their layout key (originals only). */
export function viewFramesOf(page: PageNode, mapId: string): Map<string, FrameNode> {
  const found = new Map<string, FrameNode>();
  for (const node of page.findAllWithCriteria({ types: ['FRAME'], sharedPluginData: { namespace: NAMESPACE, keys: [VIEW_KEY] } })) {
    const tag = readTag(node);
    if (readViewData(node)?.map === mapId && tag && tag.n === node.id && !found.has(tag.k)) found.set(tag.k, node);
  }
  return found;
}

/** FigJam: the Section a view's frames sit in (shared plugin data `view_section` = { map, view }). */
export const VIEW_SECTION_KEY = 'view_section';
/** Space inside a view's Section around its frames (the Section's name sits above the top one). */
const SECTION_PAD = 48;
const SECTION_TOP = 96;

function sectionsOf(page: PageNode, mapId: string): Map<string, SectionNode> {
  const found = new Map<string, SectionNode>();
  for (const node of page.findAllWithCriteria({ types: ['SECTION'], sharedPluginData: { namespace: NAMESPACE, keys: [VIEW_SECTION_KEY] } })) {
    try {
      const data = JSON.parse(node.getSharedPluginData(NAMESPACE, VIEW_SECTION_KEY)) as { map?: unknown; view?: unknown };
      if (data.map === mapId && typeof data.view === 'string' && !found.has(data.view)) found.set(data.view, node);
    } catch {
      // Not ours to read: left alone.
    }
  }
  return found;
}

/**
 * FigJam: each view's frames in a Section of its own, named like the view, sized to hold them. New
 * frames are moved in (a new view's Section takes the place its first frame was drawn at; later
 * frames go right of those already in it); a Section is resized only when its frames no longer
 * fit it exactly, so an unchanged view writes nothing. Sections of removed views are removed.
 */
function placeInSections(o: DrawViewsOptions, home: BaseNode & ChildrenMixin, byView: Map<string, { name: string; frames: FrameNode[] }>, sections: Map<string, SectionNode>, figma: PluginAPI, own: RenderWrites): number {
  let writes = 0;
  for (const [viewId, { name, frames }] of byView) {
    let section = sections.get(viewId);
    if (!section) {
      const first = frames[0]!;
      section = figma.createSection();
      own.created.add(section.id);
      home.appendChild(section);
      section.x = first.x;
      section.y = first.y;
      section.name = name;
      section.setSharedPluginData(NAMESPACE, VIEW_SECTION_KEY, JSON.stringify({ map: o.map.id, view: viewId }));
      writes += 5;
    } else if (section.name !== name) {
      section.name = name;
      own.written.set(section.id, { parentId: home.id });
      writes++;
    }
    const inside = frames.filter((f) => f.parent === section);
    let right = inside.reduce((x, f) => Math.max(x, f.x + f.width), SECTION_PAD - GAP / 2);
    for (const f of frames) {
      if (f.parent === section) continue;
      section.appendChild(f);
      f.x = right + GAP / 2;
      f.y = SECTION_TOP;
      own.written.set(f.id, { parentId: section.id, x: f.x, y: f.y });
      right = f.x + f.width;
      writes += 3;
    }
    const width = Math.ceil(frames.reduce((x, f) => Math.max(x, f.x + f.width), 0) + SECTION_PAD);
    const height = Math.ceil(frames.reduce((y, f) => Math.max(y, f.y + f.height), 0) + SECTION_PAD);
    if (section.width !== width || section.height !== height) {
      section.resizeWithoutConstraints(width, height);
      own.written.set(section.id, { parentId: home.id });
      writes++;
    }
    sections.delete(viewId);
  }
  for (const section of sections.values()) {
    own.removed.add(section.id);
    section.remove();
    writes++;
  }
  return writes;
}

/**
 * View frames on the page whose map no longer exists (deleted): they are never updated again, so
 * the panel says so rather than leaving them silently stale. Names, one per frame.
 */
export async function orphanViewsAsync(figma: PluginAPI, page: PageNode): Promise<string[]> {
  const alive = new Map<string, boolean>();
  const names: string[] = [];
  for (const node of page.findAllWithCriteria({ types: ['FRAME'], sharedPluginData: { namespace: NAMESPACE, keys: [VIEW_KEY] } })) {
    const data = readViewData(node);
    if (!data) continue;
    let ok = alive.get(data.map);
    if (ok === undefined) {
      const map = await figma.getNodeByIdAsync(data.map);
      ok = !!map && !map.removed;
      alive.set(data.map, ok);
    }
    if (!ok) names.push(node.name);
  }
  return names;
}

export interface ViewsDrawn {
  frames: number;
  created: number;
  removed: number;
  writes: number;
  writesByView: Map<string, number>;
  /** What drawing the views wrote, for live sync to tell from a person's edits (own-writes.ts). */
  own: RenderWrites;
  /** The view frames as laid out, kept with the map's layout for its next update (last-drawn.ts). */
  layouts: ViewFrame[];
}

export interface DrawViewsOptions {
  map: FrameNode;
  journey: Journey;
  style: StyleOptions;
  fonts: FontSet;
  page: PageNode;
  /** Where the map is in its parent and how wide its layout is (the map's root is FIXED wide), known before the map was drawn: reading them from the node now would force a layout. */
  mapBox: { x: number; y: number; width: number };
  /** The journey and style the map was last fully drawn from; absent for a new or half-drawn map. */
  previous?: { journey: Journey; style: StyleOptions; views?: ViewFrame[] };
}

/** What a view frame was drawn from: a hash of its layout. */
/**
 * What a view frame was drawn from: a hash of its layout, node by node (each node's own fields as
 * JSON, then how many children it has), so a view of a large map (megabytes as one JSON text, which
 * the interpreter would write in one go) is hashed between yields.
 */
function* stampSteps(f: ViewFrame): Generator<void, string> {
  const hasher = textHasher();
  const stack: NodeSpec[] = [f.root];
  let n = 0;
  for (let spec = stack.pop(); spec; spec = stack.pop()) {
    if (spec.type === 'FRAME') {
      const { children, ...own } = spec;
      hasher.update(`${JSON.stringify(own)}#${children.length}\n`);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as NodeSpec);
    } else hasher.update(`${JSON.stringify(spec)}\n`);
    if (++n % STAMP_NODES === 0) yield;
  }
  return hasher.digest();
}
/** Nodes hashed between two chances to yield. */
const STAMP_NODES = 200;

const asLayout = (f: ViewFrame): JourneyLayout => ({ root: f.root, connectors: [], count: f.count });

/** Draws or updates every view frame of the map; removes view frames of views no longer in the journey. */
export async function drawViewsAsync(figma: PluginAPI, o: DrawViewsOptions): Promise<ViewsDrawn> {
  const result: ViewsDrawn = { frames: 0, created: 0, removed: 0, writes: 0, writesByView: new Map(), own: emptyWrites(), layouts: [] };
  const slicer = new Slicer();
  const frames = await runSteps(layoutViewsSteps(o.journey, o.style), slicer);
  result.layouts = frames;
  const existing = viewFramesOf(o.page, o.map.id);
  const previousFrames = o.previous ? (o.previous.views ?? (await runSteps(layoutViewsSteps(o.previous.journey, o.previous.style), slicer))) : [];
  const before = new Map(previousFrames.map((f) => [f.root.key, f]));
  const home = o.map.parent && 'appendChild' in o.map.parent ? o.map.parent : o.page;
  // New frames go right of the map, each view on a row of its own below the views already there.
  // Sizes come from the layout (heights estimated on the high side), never from the nodes: reading
  // a hugging frame's size mid-render would force Figma to lay it out.
  const specs = new Map(frames.map((f) => [f.root.key, f.root]));
  const sizeOf = (key: string) => {
    const spec = specs.get(key);
    return spec ? { width: spec.width, height: estimateHeight(spec) } : null;
  };
  const left = o.mapBox.x + o.mapBox.width + GAP;
  let nextY = o.mapBox.y;
  for (const [key, node] of existing) {
    const size = sizeOf(key);
    if (size && node.parent === home) nextY = Math.max(nextY, node.y + size.height + GAP);
  }
  const figjam = figma.editorType === 'figjam';
  const sections = figjam ? sectionsOf(o.page, o.map.id) : new Map<string, SectionNode>();
  // A Section is not laid out by Figma, so its size can be read.
  for (const section of sections.values()) if (section.parent === home) nextY = Math.max(nextY, section.y + section.height + GAP);
  const byView = new Map<string, { name: string; frames: FrameNode[] }>();
  let rowX = left;
  let rowBottom = nextY;
  let lastView: string | null = null;
  for (const f of frames) {
    const node = existing.get(f.root.key);
    const data = node ? readViewData(node) : null;
    const old = node && data?.lv === LAYOUT_VERSION ? before.get(f.root.key) : undefined;
    const prev = old && data?.d === (await runSteps(stampSteps(old), slicer)) ? old : undefined;
    if (!node && f.viewId !== lastView) {
      rowX = left;
      nextY = Math.max(nextY, rowBottom);
    }
    const drawn = await renderLayoutAsync(figma, asLayout(f), {
      fonts: o.fonts,
      page: o.page,
      ...(node ? { map: node } : { position: { x: rowX, y: nextY } }),
      ...(prev ? { previous: asLayout(prev) } : {}),
    });
    let writes = drawn.stats.writes;
    mergeWrites(result.own, drawn.writes);
    if (!node) {
      if (drawn.map.parent !== home) home.appendChild(drawn.map);
      result.own.written.set(drawn.map.id, { parentId: home.id });
      const size = sizeOf(f.root.key)!;
      rowX += size.width + GAP / 2;
      rowBottom = Math.max(rowBottom, nextY + size.height + GAP);
      result.created++;
    }
    const mine = JSON.stringify({ map: o.map.id, d: await runSteps(stampSteps(f), slicer), lv: LAYOUT_VERSION } satisfies ViewData);
    if (drawn.map.getSharedPluginData(NAMESPACE, VIEW_KEY) !== mine) {
      drawn.map.setSharedPluginData(NAMESPACE, VIEW_KEY, mine);
      writes++;
    }
    existing.delete(f.root.key);
    const group = byView.get(f.viewId);
    if (group) group.frames.push(drawn.map);
    else byView.set(f.viewId, { name: f.kind === 'stage-slides' ? (o.journey.views.find((v) => v.id === f.viewId)?.name ?? f.root.name) : f.root.name, frames: [drawn.map] });
    lastView = f.viewId;
    result.frames++;
    result.writes += writes;
    result.writesByView.set(f.viewId, (result.writesByView.get(f.viewId) ?? 0) + writes);
  }
  for (const node of existing.values()) {
    result.own.removed.add(node.id);
    node.remove();
    result.removed++;
    result.writes++;
  }
  // Once every frame is drawn: FigJam reads their sizes to fit the Sections (one layout, at the end).
  if (figjam) result.writes += placeInSections(o, home, byView, sections, figma, result.own);
  return result;
}
