// The small tag every generated node carries in plugin data (key `jm`):
//   { "k": spec key, "n": the node's own id when it was tagged, "t": [kind, model id, field?], "h": group hashes }
// `n` tells an original from a copy: duplicating a node copies its plugin data but gives the copy
// a new id (figma-platform.md §1).
import type { Tag, TagKind } from '../../shared/layout/spec';

export const TAG_KEY = 'jm';

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

export function readTag(node: BaseNode): NodeTag | null {
  const raw = node.getPluginData(TAG_KEY);
  if (!raw) return null;
  try {
    const tag = JSON.parse(raw) as NodeTag;
    return typeof tag.k === 'string' && typeof tag.n === 'string' ? tag : null;
  } catch {
    return null;
  }
}

export function encodeTag(key: string, nodeId: string, tag: Tag | undefined, hashes: Record<string, string>, mapId?: string, drawn?: string): string {
  const t: NodeTag = { k: key, n: nodeId, h: hashes };
  if (tag) t.t = tag.field === undefined ? [tag.kind, tag.id] : [tag.kind, tag.id, tag.field];
  if (mapId) t.m = mapId;
  if (drawn !== undefined) t.d = drawn;
  return JSON.stringify(t);
}

export const isOriginal = (node: BaseNode, tag: NodeTag) => tag.n === node.id;
