// UI preferences live in clientStorage: per user and device, never in the document
// (figma-platform.md §1; the UI iframe has no localStorage).
import { PreferencesSchema, type Preferences } from '../shared/messages';

const KEY = 'jm_preferences';

export async function loadPreferencesAsync(storage: ClientStorageAPI): Promise<Preferences> {
  const raw: unknown = await storage.getAsync(KEY);
  const parsed = PreferencesSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

export async function savePreferencesAsync(storage: ClientStorageAPI, prefs: Preferences): Promise<void> {
  const current = await loadPreferencesAsync(storage);
  await storage.setAsync(KEY, { ...current, ...prefs });
}
