// Turns a layout tree into Figma nodes, updating a map in place: nodes are found again by the key
// in their tag, unchanged property groups are not written, nodes whose key left the layout are
// removed, and nodes a designer added by hand (untagged) are left alone. Long renders yield to
// Figma between slices so the editor never freezes.
import type { JourneyLayout } from '../../shared/layout/layout';
import { hashOf } from '../../shared/layout/hash';
import type { ConnectorSpec, FontSet, FrameSpec, NodeSpec } from '../../shared/layout/spec';
import { createNode, groupsFor, type ApplyContext } from './apply';
import { fontFor } from './fonts';
import { encodeTag, findTagged, isOriginal, readTag, writeTag, type NodeTag } from './tags';
import { Slicer } from '../yield';

export interface RenderStats {
  created: number;
  updated: number;
  removed: number;
  moved: number;
  /** Property groups and tags written, and nodes moved: what the plugin changed. */
  writes: number;
  total: number;
}

export interface RenderOptions {
  fonts: FontSet;
  page: PageNode;
  /** The map to update; a new map is created when absent. */
  map?: FrameNode;
  /** Where a new map goes. */
  position?: { x: number; y: number };
  onProgress?: (done: number, total: number) => void;
  /** Longest stretch of work before yielding to Figma, in ms (default: the Slicer's). */
  sliceMs?: number;
  now?: () => number;
}

interface Indexed {
  node: SceneNode;
  tag: NodeTag;
}

/** Tagged originals under a map, by key. Copies (tag.n differs from the node id) are left for sync. */
export async function indexMapAsync(map: FrameNode, slicer: Slicer): Promise<Map<string, Indexed>> {
  const index = new Map<string, Indexed>();
  const rootTag = readTag(map);
  if (rootTag) index.set(rootTag.k, { node: map, tag: rootTag });
  let n = 0;
  for (const node of findTagged(map)) {
    const tag = readTag(node);
    if (tag && isOriginal(node, tag) && !index.has(tag.k)) index.set(tag.k, { node, tag });
    if (++n % 256 === 0) await slicer.maybeYield();
  }
  return index;
}

/** FigJam connectors of a map live on the page beside it, tagged with the map's id. */
function indexConnectors(page: PageNode, mapId: string): Map<string, Indexed> {
  const index = new Map<string, Indexed>();
  for (const node of findTagged(page, ['CONNECTOR'])) {
    const tag = readTag(node);
    if (tag && tag.m === mapId && isOriginal(node, tag)) index.set(tag.k, { node, tag });
  }
  return index;
}

export async function renderLayoutAsync(figma: PluginAPI, layout: JourneyLayout, options: RenderOptions): Promise<{ map: FrameNode; stats: RenderStats }> {
  const slicer = new Slicer(options.sliceMs, options.now);
  const stats: RenderStats = { created: 0, updated: 0, removed: 0, moved: 0, writes: 0, total: layout.count };
  const existing = options.map ? await indexMapAsync(options.map, slicer) : new Map<string, Indexed>();
  const seen = new Set<string>();
  const nodesByKey = new Map<string, SceneNode>();
  let done = 0;

  const maybeYield = async () => {
    if (await slicer.maybeYield()) options.onProgress?.(done, stats.total);
  };

  /** Finds or creates the node for a spec under `parent`, and applies the groups that changed. */
  async function place(spec: NodeSpec, parent: (BaseNode & ChildrenMixin) | null, ctxLayout: ApplyContext['parentLayout']): Promise<SceneNode> {
    seen.add(spec.key);
    let found = existing.get(spec.key);
    if (found && (found.node.removed || found.node.type !== spec.type)) {
      if (!found.node.removed) {
        found.node.remove();
        stats.removed++;
      }
      found = undefined;
    }
    let node: SceneNode;
    let hashes: Record<string, string>;
    const created = !found;
    if (found) {
      node = found.node;
      hashes = found.tag.h;
      if (parent && node.parent !== parent) {
        parent.appendChild(node);
        stats.moved++;
        stats.writes++;
      }
    } else {
      node = createNode(figma, spec);
      stats.created++;
      hashes = {};
      if (parent) parent.appendChild(node);
    }
    nodesByKey.set(spec.key, node);
    const ctx: ApplyContext = { fonts: options.fonts, parentLayout: ctxLayout, created };
    const next: Record<string, string> = {};
    let changed = false;
    for (const group of groupsFor(spec, node, ctx)) {
      const h = hashOf(group.value);
      next[group.name] = h;
      if (hashes[group.name] === h) continue;
      await group.apply();
      stats.writes++;
      changed = true;
    }
    if (changed || created || Object.keys(hashes).length !== Object.keys(next).length) {
      writeTag(node, encodeTag(spec.key, node.id, spec.tag, next));
      stats.writes++;
      if (!created) stats.updated++;
    }
    done++;
    await maybeYield();
    if (spec.type === 'FRAME') await placeChildren(spec, node as FrameNode);
    return node;
  }

  async function placeChildren(spec: FrameSpec, frame: FrameNode) {
    const wanted: SceneNode[] = [];
    for (const child of spec.children) wanted.push(await place(child, frame, spec.layout));
    // Keep our children in layout order; nodes a designer added stay where they are, before ours.
    const ours = new Set(wanted);
    const current = frame.children.filter((c) => ours.has(c));
    if (current.length === wanted.length && current.every((c, i) => c === wanted[i])) return;
    for (const node of wanted) {
      frame.appendChild(node);
      stats.moved++;
      stats.writes++;
    }
  }

  const map = (await place(layout.root, null, 'PAGE')) as FrameNode;
  if (map.parent !== options.page) {
    options.page.appendChild(map);
    stats.writes++;
  }
  if (!options.map && options.position) {
    map.x = Math.round(options.position.x);
    map.y = Math.round(options.position.y);
    stats.writes += 2;
  }

  if (layout.connectors.length || figma.editorType === 'figjam') await placeConnectors(figma, layout.connectors, map, nodesByKey, options, stats, seen);

  for (const [key, { node }] of existing) {
    if (seen.has(key) || node.removed) continue;
    node.remove();
    stats.removed++;
    stats.writes++;
  }
  options.onProgress?.(stats.total, stats.total);
  return { map, stats };
}

async function placeConnectors(
  figma: PluginAPI,
  specs: ConnectorSpec[],
  map: FrameNode,
  nodesByKey: Map<string, SceneNode>,
  options: RenderOptions,
  stats: RenderStats,
  seen: Set<string>,
) {
  const existing = indexConnectors(options.page, map.id);
  for (const spec of specs) {
    const from = nodesByKey.get(spec.fromKey);
    const to = nodesByKey.get(spec.toKey);
    if (!from || !to) continue;
    let found = existing.get(spec.key);
    const created = !found;
    const node = (found?.node as ConnectorNode | undefined) ?? figma.createConnector();
    if (created) {
      stats.created++;
      if (node.parent !== options.page) options.page.appendChild(node);
    }
    const ends = { from: from.id, to: to.id, type: spec.lineType };
    const paint = { s: spec.stroke, label: spec.label ?? '' };
    const next = { ends: hashOf(ends), paint: hashOf(paint), name: hashOf(spec.name) };
    const old = found?.tag.h ?? {};
    let changed = false;
    if (old.name !== next.name) {
      node.name = spec.name;
      changed = true;
    }
    if (old.ends !== next.ends) {
      node.connectorStart = { endpointNodeId: from.id, magnet: 'AUTO' };
      node.connectorEnd = { endpointNodeId: to.id, magnet: 'AUTO' };
      node.connectorLineType = spec.lineType;
      node.connectorEndStrokeCap = 'ARROW_LINES';
      changed = true;
    }
    if (old.paint !== next.paint) {
      const c = spec.stroke.paint.color;
      node.strokes = [{ type: 'SOLID', color: { r: c.r, g: c.g, b: c.b } }];
      node.strokeWeight = spec.stroke.weight;
      node.dashPattern = spec.stroke.dash ?? [];
      if (spec.label !== undefined || !created) {
        node.text.fontName = fontFor(options.fonts, 'medium', false);
        node.text.characters = spec.label ?? '';
      }
      changed = true;
    }
    if (changed) {
      writeTag(node, encodeTag(spec.key, node.id, spec.tag, next, map.id));
      stats.writes++;
      if (!created) stats.updated++;
    }
    existing.delete(spec.key);
    seen.add(spec.key);
  }
  for (const { node } of existing.values()) {
    node.remove();
    stats.removed++;
    stats.writes++;
  }
}
