// A map's saved versions live in its shared plugin data (shared/versions/store.ts holds the
// format and the rules; this is the Figma side): the same namespace as the journey, so any build
// of the plugin reads them, and a duplicated map carries them along.
import { NAMESPACE } from '../../shared/storage/keys';
import type { KeyValue } from '../../shared/versions/store';

export const versionsOf = (node: BaseNode): KeyValue => ({
  read: (key) => node.getSharedPluginData(NAMESPACE, key),
  write: (key, value) => node.setSharedPluginData(NAMESPACE, key, value),
  keys: () => node.getSharedPluginDataKeys(NAMESPACE),
});

/**
 * Who is saving: the Figma user's name. `figma.currentUser` needs the `currentuser` permission in
 * the manifest (typings plugin-api.d.ts, PluginAPI.currentUser) and is null or absent where Figma
 * does not give it; a version is then saved without an author.
 */
export function authorName(figma: PluginAPI): string | undefined {
  try {
    const name = figma.currentUser?.name;
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}
