// How much plugin data a subtree stores, counted as Figma counts an entry (UTF-8 bytes of key +
// value): the total, the largest single entry (Figma's limit is per entry), and the part that is
// the stored journey and style rather than per-node tags. Used by the preview and the bench.
import { MODEL_KEY } from '../../shared/storage/model-codec';
import { utf8Length } from '../../shared/storage/utf8';
import { STYLE_KEY } from '../../plugin/store/model-store';

export interface PluginDataSize {
  total: number;
  largest: number;
  model: number;
}

export function pluginDataSize(root: BaseNode): PluginDataSize {
  const size: PluginDataSize = { total: 0, largest: 0, model: 0 };
  const visit = (n: BaseNode) => {
    for (const key of n.getPluginDataKeys()) {
      const bytes = utf8Length(key) + utf8Length(n.getPluginData(key));
      size.total += bytes;
      size.largest = Math.max(size.largest, bytes);
      if (key.startsWith(MODEL_KEY) || key === STYLE_KEY) size.model += bytes;
    }
    if ('children' in n) for (const c of n.children) visit(c);
  };
  visit(root);
  return size;
}
