// The small tag every generated node carries, in shared plugin data (namespace `journeymapper`,
// key `tag`; maps drawn by 0.1 carry it in private plugin data under `jm`). Written as text:
//   "<node id> <layout key>"              a node that stands for no model field (a chip row…)
//   "<node id> <layout key> ="            the model entity is the one the key names (card:c1/text
//                                          shows field `text` of card c1)
//   "<node id> <layout key> <kind> <id> [<field>]"   otherwise (spaces and % escaped as %20, %25)
// and as JSON { "k", "n", "t": [kind, id, field?], "m"?, "d"?, "lv"? } for the map frame (its
// drawn-stamp and layout version) and FigJam connectors (the map they belong to). Tags of 0.1 were
// JSON with group hashes ("h"); they are still read. The tag names no property values: what was
// written is known from the previous layout (plan.ts), so a restyle never rewrites tags.
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
  /** 0.1 only: hashes of the property groups last written. */
  h?: Record<string, string>;
  /** On the map frame: the layout version it was drawn with (shared/layout/version.ts). */
  lv?: number;
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
  return parseTag(rawTag(node));
}

export function parseTag(raw: string): NodeTag | null {
  if (!raw) return null;
  if (raw.charCodeAt(0) === 123 /* { */) {
    try {
      const tag = JSON.parse(raw) as NodeTag | null;
      return tag && typeof tag.k === 'string' && typeof tag.n === 'string' ? tag : null;
    } catch {
      return null;
    }
  }
  const parts = raw.split(' ');
  const [n, k, ...rest] = parts;
  if (!n || !k) return null;
  if (rest.length === 0) return { k, n };
  if (rest.length === 1 && rest[0] === '=') {
    const t = tagNamedByKey(k);
    return t ? { k, n, t } : { k, n };
  }
  const [kind, id, field] = rest.map(unescapeSpace);
  if (!kind || id === undefined) return { k, n };
  return { k, n, t: field === undefined ? [kind as TagKind, id] : [kind as TagKind, id, field] };
}

const escapeSpace = (s: string) => s.replace(/%/g, '%25').replace(/ /g, '%20');
const unescapeSpace = (s: string) => s.replace(/%20/g, ' ').replace(/%25/g, '%');

/** The entity a key names: `kind:ids` → [kind, ids], `kind:ids/field` → [kind, ids, field]. */
function tagNamedByKey(key: string): NodeTag['t'] | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const kind = key.slice(0, colon) as TagKind;
  const rest = key.slice(colon + 1);
  const slash = rest.indexOf('/');
  if (slash < 0) return [kind, rest];
  const field = rest.slice(slash + 1);
  return field.includes('/') ? undefined : [kind, rest.slice(0, slash), field];
}

const sameTag = (a: NodeTag['t'], b: NodeTag['t']) => !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);

/** The tag as stored: compact text for ordinary nodes, JSON for the map frame and connectors. */
export function serializeTag(tag: NodeTag): string {
  if (tag.m !== undefined || tag.d !== undefined || tag.lv !== undefined || tag.k.includes(' ')) {
    // Always in this key order, so the same tag is always the same text (and is not rewritten).
    const { k, n, t, m, d, lv } = tag;
    return JSON.stringify({ k, n, ...(t ? { t } : {}), ...(m !== undefined ? { m } : {}), ...(d !== undefined ? { d } : {}), ...(lv !== undefined ? { lv } : {}) });
  }
  const head = `${tag.n} ${tag.k}`;
  if (!tag.t) return head;
  if (sameTag(tag.t, tagNamedByKey(tag.k))) return `${head} =`;
  return `${head} ${tag.t.map(escapeSpace).join(' ')}`;
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

export function encodeTag(key: string, nodeId: string, tag: Tag | undefined, extra: Pick<NodeTag, 'm' | 'd' | 'lv'> = {}): string {
  const t: NodeTag = { k: key, n: nodeId, ...extra };
  if (tag) t.t = tag.field === undefined ? [tag.kind, tag.id] : [tag.kind, tag.id, tag.field];
  return serializeTag(t);
}

export const isOriginal = (node: BaseNode, tag: NodeTag) => tag.n === node.id;

/**
 * True when `raw`, the tag stored on node `nodeId`, is exactly what encodeTag(key, nodeId, tag)
 * would write, decided for the two compact forms almost every node has without building the tag
 * again (the planner asks for every node of every update). False means "encode and compare".
 */
export function isCurrentTag(raw: string, parsed: NodeTag, key: string, nodeId: string, tag: Tag | undefined): boolean {
  const head = `${nodeId} ${key}`;
  if (key.includes(' ')) return false;
  if (raw === head) return tag === undefined;
  if (tag === undefined || raw.length !== head.length + 2 || !raw.endsWith(' =') || !raw.startsWith(head)) return false;
  const t = parsed.t;
  if (!t || t[0] !== tag.kind || t[1] !== tag.id) return false;
  return tag.field === undefined ? t.length === 2 : t.length === 3 && t[2] === tag.field;
}
