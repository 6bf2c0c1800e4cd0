// Where a map's journey and style are stored: shared plugin data under NAMESPACE (readable by any
// build of the plugin and by other tools), or, on maps drawn by 0.1, private plugin data under the
// old `jm_` keys. Readers look in shared data first; writers write shared data and clear the old
// private entries, so a map moves on its first update and is never lost.
import { LEGACY_MODEL_KEY, LEGACY_STYLE_KEY, MODEL_KEY, NAMESPACE } from '../../shared/storage/keys';

/** Reads and writes one place; `read` returns "" for a missing key, as Figma does. */
export interface StorePlace {
  legacy: boolean;
  read(key: string): string;
}

/** 0.1's private keys are the shared ones with a `jm_` prefix: jm_model, jm_model_0, jm_style. */
export const legacyKeyOf = (key: string) => `jm_${key}`;

export const sharedPlace = (node: BaseNode): StorePlace => ({
  legacy: false,
  read: (key) => node.getSharedPluginData(NAMESPACE, key),
});

export const legacyPlace = (node: BaseNode): StorePlace => ({
  legacy: true,
  read: (key) => node.getPluginData(legacyKeyOf(key)),
});

/** The place that holds this node's journey, or null when neither does. */
export function placeOf(node: BaseNode): StorePlace | null {
  if (node.getSharedPluginData(NAMESPACE, MODEL_KEY) !== '') return sharedPlace(node);
  if (node.getPluginData(LEGACY_MODEL_KEY) !== '') return legacyPlace(node);
  return null;
}

/** Removes 0.1's private entries once the shared ones are written; returns how many it removed. */
export function clearLegacy(node: BaseNode): number {
  let writes = 0;
  for (const key of node.getPluginDataKeys()) {
    const isLegacyStore = key === LEGACY_MODEL_KEY || key.startsWith(`${LEGACY_MODEL_KEY}_`) || key === LEGACY_STYLE_KEY;
    if (!isLegacyStore) continue;
    node.setPluginData(key, '');
    writes++;
  }
  return writes;
}
