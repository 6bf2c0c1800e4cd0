// Turns a layout tree into Figma nodes, updating a map in place. Two halves:
//  1. plan (plan.ts): find each spec's node by the key in its tag and decide which property groups
//     changed; read the fonts of texts a designer restyled. Nothing is written.
//  2. write: everything that can fail has been checked (fonts loaded, map still there); the map
//     frame is placed first, the caller stores the target model and a "render in progress" marker
//     on it (onMapReady), then nodes are created, updated, re-ordered and removed.
// Nodes a designer added by hand (untagged) are left where they are, and moved beside the map when
// the part of the map they sit in is removed. Long renders yield to Figma between slices.
import type { JourneyLayout } from '../../shared/layout/layout';
import type { ConnectorSpec, FontSet, PaintSpec } from '../../shared/layout/spec';
import { LAYOUT_VERSION } from '../../shared/layout/version';
import { createNode, groupsFor } from './apply';
import { fontFor } from './fonts';
import { createKeeper, type Keeper } from './keep';
import { indexSpecsAsync, planRenderAsync, plannedKeysAsync, sameValue, type Indexed, type PlannedNode, type PreviousSpec } from './plan';
import { encodeTag, findTagged, isOriginal, parseTag, rawTag, writeTag, type NodeTag } from './tags';
import { PluginError } from '../errors';
import { emptyWrites, type RenderWrites } from '../map/own-writes';
import { PENDING_STAMP } from '../map/marker';
import { Slicer } from '../yield';

export interface RenderStats {
  created: number;
  updated: number;
  removed: number;
  moved: number;
  /** Property groups and tags written, and nodes moved: what the plugin changed. */
  writes: number;
  total: number;
  /** Nodes a designer added by hand that were moved out of removed parts of the map. */
  kept: number;
}

export interface RenderOptions {
  fonts: FontSet;
  page: PageNode;
  /** The map to update; a new map is created when absent. */
  map?: FrameNode;
  /** The layout the map was last fully drawn from (see plan.ts); absent when unknown. */
  previous?: JourneyLayout;
  /** Where a new map goes. */
  position?: { x: number; y: number };
  onProgress?: (done: number, total: number) => void;
  /** Runs once the map frame exists, before anything inside it is written. */
  onMapReady?: (map: FrameNode) => void;
  /** Longest stretch of work before yielding to Figma, in ms (default: the Slicer's). */
  sliceMs?: number;
  now?: () => number;
}

export interface RenderResult {
  map: FrameNode;
  stats: RenderStats;
  /** What this render wrote, to tell its own change events from a designer's (map/own-writes.ts). */
  writes: RenderWrites;
}

/**
 * Tagged nodes under a map, by key. Originals win; a copy stands for its key only when no original
 * with that key is left in the map (a node cut and pasted gets a new id, but it is the same node).
 */
export async function indexMapAsync(map: FrameNode, slicer: Slicer): Promise<Map<string, Indexed>> {
  const index = new Map<string, Indexed>();
  const copies = new Map<string, Indexed>();
  const read = (node: SceneNode): Indexed | null => {
    const raw = rawTag(node);
    const tag = parseTag(raw);
    return tag ? { node, id: node.id, tag, raw } : null;
  };
  const root = read(map);
  if (root) index.set(root.tag.k, root);
  for (const node of findTagged(map)) {
    const hit = read(node);
    if (hit && hit.tag.n === hit.id) {
      if (!index.has(hit.tag.k)) index.set(hit.tag.k, hit);
    } else if (hit && !copies.has(hit.tag.k)) copies.set(hit.tag.k, hit);
    if (slicer.due()) await slicer.yield();
  }
  for (const [key, copy] of copies) if (!index.has(key)) index.set(key, copy);
  return index;
}

/** FigJam connectors of a map live beside it, tagged with the map's id. */
function indexConnectors(page: PageNode, mapId: string): Map<string, Indexed> {
  const index = new Map<string, Indexed>();
  for (const node of findTagged(page, ['CONNECTOR'])) {
    const raw = rawTag(node);
    const tag = parseTag(raw);
    if (tag && tag.m === mapId && isOriginal(node, tag)) index.set(tag.k, { node, id: tag.n, tag, raw });
  }
  return index;
}

const vanished = () => new PluginError('NOT_FOUND', 'The map was deleted while Journey Mapper was drawing it, so the drawing stopped. Undo (Ctrl/Cmd+Z) brings the map back.');

/** Loads the fonts a designer used in texts that will be rewritten; fails, naming the text, before any write. */
async function loadDesignerFontsAsync(figma: PluginAPI, fonts: { font: FontName; where: string; missing: boolean }[]): Promise<void> {
  for (const f of fonts) {
    const name = `${f.font.family} ${f.font.style}`;
    const refuse = (why: string) =>
      new PluginError('FONT_MISSING', `The text of ${f.where} uses the font "${name}", which ${why}. Install the font, or change that text back to the map's font, then try again. Nothing was changed.`);
    if (f.missing) throw refuse('is missing in this file');
    try {
      await figma.loadFontAsync(f.font);
    } catch {
      throw refuse('Figma could not load');
    }
  }
}

export async function renderLayoutAsync(figma: PluginAPI, layout: JourneyLayout, options: RenderOptions): Promise<RenderResult> {
  const slicer = new Slicer(options.sliceMs, options.now);
  const stats: RenderStats = { created: 0, updated: 0, removed: 0, moved: 0, writes: 0, total: layout.count, kept: 0 };
  const writes = emptyWrites();
  const existing = options.map ? await indexMapAsync(options.map, slicer) : new Map<string, Indexed>();
  const previous: Map<string, PreviousSpec> | null = options.previous ? await indexSpecsAsync(options.previous.root, slicer) : null;
  const plan = await planRenderAsync({ root: layout.root, existing, previous, fonts: options.fonts, mapTag: keepMapTag }, slicer);
  await loadDesignerFontsAsync(figma, plan.designerFonts);
  if (options.map?.removed) throw vanished();
  // Nothing has been written up to here.

  const nodesByKey = new Map<string, SceneNode>();
  let mapNode: FrameNode | null = options.map ?? null;
  const keeper: Keeper = createKeeper(figma, () => mapNode as FrameNode, layout.root.width);
  let done = 0;

  const removeNode = (node: SceneNode) => {
    stats.kept += keeper.rescue(node);
    writes.removed.add(node.id);
    node.remove();
    stats.removed++;
    stats.writes++;
  };

  /**
   * Finds or creates the node of a planned spec under `parent`, and applies the groups that changed.
   * `inParent` says the found node was among the parent's children since the last yield, so it is
   * neither removed nor elsewhere (two reads into Figma per node saved). Resolves to whether the
   * parent's children changed (a node created or moved in), not to the node (it is in nodesByKey):
   * an async function resolving to a node would make the engine read the node's `then`.
   */
  async function place(p: PlannedNode, parent: (BaseNode & ChildrenMixin) | null, parentId: string | null, inParent = false): Promise<boolean> {
    if (p.replaced && !p.replaced.removed) removeNode(p.replaced);
    let node = p.found && (inParent || !p.found.removed) ? p.found : null;
    let intoParent = false;
    let id = node ? (p.foundId as string) : '';
    const created = !node;
    if (!node) {
      if (parent && parent.removed) throw vanished();
      node = createNode(figma, p.spec);
      id = node.id;
      writes.created.add(id);
      stats.created++;
      if (parent) appendInto(parent, node);
      intoParent = true;
    } else if (parent && !inParent && node.parent !== parent) {
      appendInto(parent, node);
      stats.moved++;
      stats.writes++;
      intoParent = true;
    }
    writes.written.set(id, writtenState(p, parentId));
    nodesByKey.set(p.spec.key, node);
    if (parent === null) {
      mapNode = node as FrameNode;
      options.onMapReady?.(mapNode);
    }
    let changed = false;
    const groups = created || p.write.size ? groupsFor(p.spec, { fonts: options.fonts, parentLayout: p.parentLayout }) : [];
    for (const g of groups) {
      if (created ? g.createdWith : !p.write.has(g.name)) continue;
      await g.apply(node, created);
      stats.writes++;
      changed = true;
    }
    if (created) {
      // A new map's drawn-stamp says "pending" until its render finishes (map/marker.ts).
      writeTag(node, encodeTag(p.spec.key, id, p.spec.tag, parent === null ? { d: PENDING_STAMP, lv: LAYOUT_VERSION } : {}));
      stats.writes++;
    } else if (p.tag !== null) {
      writeTag(node, p.tag);
      stats.writes++;
      changed = true;
    }
    if (changed && !created) stats.updated++;
    done++;
    if (await slicer.maybeYield()) options.onProgress?.(done, stats.total);
    if (p.spec.type === 'FRAME') await placeChildren(p, node as FrameNode, id, created);
    return intoParent;
  }

  /** appendChild that never leaves a stray node behind when the parent vanished meanwhile. */
  function appendInto(parent: BaseNode & ChildrenMixin, node: SceneNode) {
    try {
      parent.appendChild(node);
    } catch (e) {
      if (!parent.removed) throw e;
      if (!node.removed) node.remove();
      throw vanished();
    }
  }

  async function placeChildren(p: PlannedNode, frame: FrameNode, frameId: string, created: boolean) {
    const wanted: SceneNode[] = [];
    // The frame's children, read once: until the render next yields (a person may then move or
    // delete layers), a found node among them needs no check of its own; after a yield each node is
    // checked as it is placed (re-reading a long list after every yield costs more than it saves).
    // A frame created by this render holds nothing found, so its list is not read while it is filled.
    const children: readonly SceneNode[] = created ? [] : frame.children;
    const present = new Set(children);
    const readAt = slicer.yields;
    let changed = created;
    for (const child of p.children) {
      const inParent = slicer.yields === readAt && child.found !== null && present.has(child.found);
      if (await place(child, frame, frameId, inParent)) changed = true;
      wanted.push(nodesByKey.get(child.spec.key) as SceneNode);
    }
    // Keep our children in layout order; nodes a designer added stay where they are, before ours.
    const ours = new Set(wanted);
    const current = (changed || slicer.yields !== readAt ? frame.children : children).filter((c) => ours.has(c));
    if (current.length === wanted.length && current.every((c, i) => c === wanted[i])) return;
    for (const node of wanted) {
      frame.appendChild(node);
      stats.moved++;
      stats.writes++;
    }
  }

  let map: FrameNode;
  try {
    await place(plan.root, null, null);
    map = nodesByKey.get(plan.root.spec.key) as FrameNode;
  } catch (e) {
    // Whatever call noticed it first, a map deleted under the render is reported as that.
    if (mapNode?.removed) throw vanished();
    throw e;
  }
  if (!options.map && options.position) {
    map.x = Math.round(options.position.x);
    map.y = Math.round(options.position.y);
    stats.writes += 2;
  }

  if (layout.connectors.length || figma.editorType === 'figjam') await placeConnectors(figma, layout.connectors, map, nodesByKey, options, stats, writes);

  const wantedKeys = await plannedKeysAsync(plan.root, slicer);
  for (const [key, { node }] of existing) {
    if (slicer.due()) await slicer.yield();
    if (wantedKeys.has(key) || node.removed) continue;
    removeNode(node);
  }
  options.onProgress?.(stats.total, stats.total);
  return { map, stats, writes };
}

/** What a node holds after this render, in the properties sync reads (text, parent, position). */
function writtenState(p: PlannedNode, parentId: string | null) {
  const spec = p.spec;
  return {
    parentId,
    ...(spec.type === 'TEXT' ? { text: spec.text } : {}),
    ...(spec.x !== undefined ? { x: spec.x } : {}),
    ...(spec.y !== undefined ? { y: spec.y } : {}),
  };
}

/** The map frame's tag keeps its drawn-stamp and layout version until the render ends (map/marker.ts). */
function keepMapTag(tag: NodeTag | undefined): Pick<NodeTag, 'd' | 'lv'> {
  return { ...(tag?.d !== undefined ? { d: tag.d } : {}), ...(tag?.lv !== undefined ? { lv: tag.lv } : {}) };
}

const endpointOf = (end: ConnectorEndpoint): string => ('endpointNodeId' in end ? end.endpointNodeId : '');

/** A connector's properties in groups, compared with the previous layout's like any node's. */
function connectorGroups(spec: ConnectorSpec, fromId: string, toId: string) {
  return {
    name: spec.name,
    ends: { from: fromId, to: toId, type: spec.lineType, magnets: [spec.fromMagnet ?? 'AUTO', spec.toMagnet ?? 'AUTO'] },
    paint: { s: spec.stroke, label: spec.label ?? '', lp: spec.labelPaint ?? null, lb: spec.labelBackground ?? null },
  };
}

const solidPaint = (p: PaintSpec): SolidPaint => ({ type: 'SOLID', color: { r: p.color.r, g: p.color.g, b: p.color.b }, opacity: p.opacity ?? 1 });

async function placeConnectors(
  figma: PluginAPI,
  specs: ConnectorSpec[],
  map: FrameNode,
  nodesByKey: Map<string, SceneNode>,
  options: RenderOptions,
  stats: RenderStats,
  writes: RenderWrites,
) {
  const existing = indexConnectors(options.page, map.id);
  const before = new Map((options.previous?.connectors ?? []).map((c) => [c.key, c]));
  // Connectors sit beside the map, in the same parent (a section, a frame or the page).
  const home = map.parent && 'appendChild' in map.parent ? map.parent : options.page;
  for (const spec of specs) {
    const from = nodesByKey.get(spec.fromKey);
    const to = nodesByKey.get(spec.toKey);
    if (!from || !to) continue;
    const found = existing.get(spec.key);
    const created = !found;
    const node = (found?.node as ConnectorNode | undefined) ?? figma.createConnector();
    if (created) {
      writes.created.add(node.id);
      stats.created++;
      if (node.parent !== home) home.appendChild(node);
    }
    const next = connectorGroups(spec, from.id, to.id);
    const old = before.get(spec.key);
    // The previous ends are the nodes the connector is attached to now (they may have been redrawn).
    const attached = found?.node as ConnectorNode | undefined;
    const was = old && attached ? connectorGroups(old, endpointOf(attached.connectorStart), endpointOf(attached.connectorEnd)) : null;
    let changed = false;
    if (!was || !sameValue(was.name, next.name)) {
      node.name = spec.name;
      changed = true;
    }
    if (!was || !sameValue(was.ends, next.ends)) {
      node.connectorStart = { endpointNodeId: from.id, magnet: spec.fromMagnet ?? 'AUTO' };
      node.connectorEnd = { endpointNodeId: to.id, magnet: spec.toMagnet ?? 'AUTO' };
      node.connectorLineType = spec.lineType;
      node.connectorEndStrokeCap = 'ARROW_LINES';
      changed = true;
    }
    if (!was || !sameValue(was.paint, next.paint)) {
      const c = spec.stroke.paint.color;
      node.strokes = [{ type: 'SOLID', color: { r: c.r, g: c.g, b: c.b } }];
      node.strokeWeight = spec.stroke.weight;
      node.dashPattern = spec.stroke.dash ?? [];
      if (spec.label !== undefined || !created) {
        // A new connector's text has no valid font until one is set (Figma's MCP guide,
        // github.com/figma/mcp-server-guide figma-power/steering/figma-use-figjam/references/create-connector.md).
        node.text.fontName = fontFor(options.fonts, 'medium', false);
        node.text.characters = spec.label ?? '';
      }
      if (spec.labelPaint) node.text.fills = [solidPaint(spec.labelPaint)];
      if (spec.labelBackground) node.textBackground.fills = [solidPaint(spec.labelBackground)];
      changed = true;
    }
    const tag = encodeTag(spec.key, node.id, spec.tag, { m: map.id });
    if (created || tag !== found?.raw) {
      writeTag(node, tag);
      stats.writes++;
    }
    if (changed) {
      writes.written.set(node.id, { parentId: node.parent?.id ?? null });
      if (!created) stats.updated++;
    }
    existing.delete(spec.key);
  }
  for (const { node } of existing.values()) {
    writes.removed.add(node.id);
    node.remove();
    stats.removed++;
    stats.writes++;
  }
}
