// How much plugin data a subtree stores, counted as Figma counts an entry (UTF-8 bytes of namespace
// + key + value for shared plugin data, key + value for private data, whose plugin id we do not
// count): the total, the largest single entry (Figma's limit is per entry), and the part that is
// the stored journey and style rather than per-node tags. Used by the preview and the bench.
import { LEGACY_TAG_KEY, NAMESPACE, TAG_KEY } from '../../shared/storage/keys';
import { utf8Length } from '../../shared/storage/utf8';

export interface PluginDataSize {
  total: number;
  largest: number;
  model: number;
  /** Bytes of node tags alone, and how many nodes carry one. */
  tags: number;
  tagged: number;
}

export function pluginDataSize(root: BaseNode): PluginDataSize {
  const size: PluginDataSize = { total: 0, largest: 0, model: 0, tags: 0, tagged: 0 };
  const count = (key: string, bytes: number) => {
    size.total += bytes;
    size.largest = Math.max(size.largest, bytes);
    if (key === TAG_KEY || key === LEGACY_TAG_KEY) {
      size.tags += bytes;
      size.tagged++;
    } else size.model += bytes;
  };
  const visit = (n: BaseNode) => {
    for (const key of n.getPluginDataKeys()) count(key, utf8Length(key) + utf8Length(n.getPluginData(key)));
    for (const key of n.getSharedPluginDataKeys(NAMESPACE)) count(key, utf8Length(NAMESPACE) + utf8Length(key) + utf8Length(n.getSharedPluginData(NAMESPACE, key)));
    if ('children' in n) for (const c of n.children) visit(c);
  };
  visit(root);
  return size;
}
