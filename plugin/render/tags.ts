// The small tag every generated node carries, in shared plugin data (namespace `journeymapper`,
// key `tag`; maps drawn by 0.1 carry it in private plugin data under `jm`):
//   { "k": spec key, "n": the node's own id when it was tagged, "t": [kind, model id, field?], "h": group hashes }
// `n` tells an original from a copy: duplicating a node gives the copy a new id and, as far as
// other plugins' authors report, a copy of its plugin data (README: "Still to check in real Figma").
// Shared rather than private: private data "will become inaccessible if your plugin ID changes"
// (@figma/plugin-typings plugin-api.d.ts L6541).
import type { Tag, TagKind } from '../../shared/layout/spec';
import { LEGACY_TAG_KEY, MODEL_KEY, NAMESPACE, TAG_KEY } from '../../shared/storage/keys';

export { TAG_KEY };

export interface NodeTag {
  k: string;
  n: string;
  t?: [TagKind, string] | [TagKind, string, string];
  /** Hashes of the property groups last written, by group name. */
  h: Record<string, string>;
  /** For FigJam connectors drawn beside the map: the map frame's node id. */
  m?: string;
  /** On the map frame: a stamp of the stored journey and style it was last fully drawn from (map/marker.ts). */
  d?: string;
}

/** The node's tag text: the shared one, else 0.1's private one, else "". */
export function rawTag(node: BaseNode): string {
  return node.getSharedPluginData(NAMESPACE, TAG_KEY) || node.getPluginData(LEGACY_TAG_KEY);
}

export function readTag(node: BaseNode): NodeTag | null {
  const raw = rawTag(node);
  if (!raw) return null;
  try {
    const tag = JSON.parse(raw) as NodeTag | null;
    return tag && typeof tag.k === 'string' && typeof tag.n === 'string' ? tag : null;
  } catch {
    return null;
  }
}

/** Writes the tag to shared plugin data, and removes a private tag 0.1 left (the node moves over). */
export function writeTag(node: BaseNode, value: string): void {
  node.setSharedPluginData(NAMESPACE, TAG_KEY, value);
  if (node.getPluginData(LEGACY_TAG_KEY) !== '') node.setPluginData(LEGACY_TAG_KEY, '');
}

/**
 * Nodes under `root` tagged either way (https://developers.figma.com/docs/plugins/api/FindAllCriteria),
 * the shared-tagged ones first. A map whose model is in shared plugin data has no 0.1 tags left
 * (writing the model moves them all: migrateTags), so only other roots are searched twice.
 */
export function findTagged(root: PageNode | FrameNode | SectionNode, types?: NodeType[]): SceneNode[] {
  const only = types ? { types } : {};
  const shared: SceneNode[] = root.findAllWithCriteria({ ...only, sharedPluginData: { namespace: NAMESPACE, keys: [TAG_KEY] } });
  if (root.getSharedPluginData(NAMESPACE, MODEL_KEY) !== '') return shared;
  const legacy: SceneNode[] = root.findAllWithCriteria({ ...only, pluginData: { keys: [LEGACY_TAG_KEY] } });
  if (legacy.length === 0) return shared;
  if (shared.length === 0) return legacy;
  const seen = new Set(shared);
  return shared.concat(legacy.filter((n) => !seen.has(n)));
}

/**
 * Moves every 0.1 tag of a map (the frame, the nodes under it, FigJam connectors beside it) to
 * shared plugin data, whether or not the render rewrote it; returns how many writes it made.
 */
export function migrateTags(map: FrameNode): number {
  let writes = 0;
  const move = (node: BaseNode) => {
    const legacy = node.getPluginData(LEGACY_TAG_KEY);
    if (!legacy) return;
    if (!node.getSharedPluginData(NAMESPACE, TAG_KEY)) {
      node.setSharedPluginData(NAMESPACE, TAG_KEY, legacy);
      writes++;
    }
    node.setPluginData(LEGACY_TAG_KEY, '');
    writes++;
  };
  move(map);
  for (const node of map.findAllWithCriteria({ pluginData: { keys: [LEGACY_TAG_KEY] } })) move(node);
  const page = pageOf(map);
  for (const node of page ? page.findAllWithCriteria({ types: ['CONNECTOR'], pluginData: { keys: [LEGACY_TAG_KEY] } }) : []) {
    if (readTag(node)?.m === map.id) move(node);
  }
  return writes;
}

function pageOf(node: BaseNode): PageNode | null {
  let n: BaseNode | null = node;
  while (n && n.type !== 'PAGE') n = n.parent;
  return n;
}

export function encodeTag(key: string, nodeId: string, tag: Tag | undefined, hashes: Record<string, string>, mapId?: string, drawn?: string): string {

  const t: NodeTag = { k: key, n: nodeId, h: hashes };
  if (tag) t.t = tag.field === undefined ? [tag.kind, tag.id] : [tag.kind, tag.id, tag.field];
  if (mapId) t.m = mapId;
  if (drawn !== undefined) t.d = drawn;
  return JSON.stringify(t);
}

export const isOriginal = (node: BaseNode, tag: NodeTag) => tag.n === node.id;
