// UI preferences live in clientStorage: per user and device, never in the document; the UI iframe
// has no localStorage (https://developers.figma.com/docs/plugins/api/figma-clientStorage). The
// draft, the style, the window size and live sync are stored under keys of their own and read
// each on its own, so one value this version cannot read (a theme from a newer version, a draft
// over the limit) costs only itself, never the draft. An unreadable draft is moved aside, never
// overwritten. Storage errors never fail a load: startup goes on without preferences.
import { MAX_DRAFT_LENGTH, WINDOW_SIZE_BOUNDS, type Preferences } from '../shared/messages';
import { parseStyleLeniently } from '../shared/storage/style';
import { messageOf, PluginError } from './errors';

export const PREFERENCE_KEYS = { draft: 'jm_draft', style: 'jm_style', windowSize: 'jm_window', liveSync: 'jm_live_sync' } as const;
type Field = keyof typeof PREFERENCE_KEYS;
const FIELDS = Object.keys(PREFERENCE_KEYS) as Field[];
/** The one blob 0.1 kept everything in; moved field by field to the keys above. */
export const LEGACY_PREFERENCES_KEY = 'jm_preferences';
/** Where an unreadable draft is kept (with the time it was moved), so a new draft never replaces it. */
export const DRAFT_ASIDE_PREFIX = 'jm_draft_unreadable_';

export interface PreferenceStore {
  loadAsync(): Promise<Preferences>;
  saveAsync(prefs: Preferences): Promise<void>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const clamp = (n: number) => Math.min(WINDOW_SIZE_BOUNDS.max, Math.max(WINDOW_SIZE_BOUNDS.min, Math.round(n)));

/** A stored window size, clamped to the protocol's bounds; anything that is not two finite numbers is dropped. */
export function readWindowSize(raw: unknown): Preferences['windowSize'] {
  if (!isRecord(raw) || !Number.isFinite(raw.width) || !Number.isFinite(raw.height)) return undefined;
  return { width: clamp(raw.width as number), height: clamp(raw.height as number) };
}

const readDraft = (raw: unknown) => (typeof raw === 'string' && raw.length <= MAX_DRAFT_LENGTH ? raw : undefined);
const readStyle = (raw: unknown) => (isRecord(raw) ? parseStyleLeniently(raw) : undefined);
const readLiveSync = (raw: unknown) => (typeof raw === 'boolean' ? raw : undefined);

export function createPreferenceStore(storage: ClientStorageAPI, now: () => number = Date.now): PreferenceStore {
  /** Set when an unreadable draft could not be moved aside: the stored one must then not be overwritten. */
  let draftLocked = false;

  const getSafelyAsync = async (key: string): Promise<unknown> => {
    try {
      return await storage.getAsync(key);
    } catch (e) {
      console.warn(`Journey Mapper: could not read the saved ${key}: ${messageOf(e)}`);
      return undefined;
    }
  };
  const trySetAsync = async (key: string, value: unknown): Promise<boolean> => {
    try {
      await (value === undefined ? storage.deleteAsync(key) : storage.setAsync(key, value));
      return true;
    } catch (e) {
      console.warn(`Journey Mapper: could not save ${key}: ${messageOf(e)}`);
      return false;
    }
  };

  /** Fills fields missing from the new keys with 0.1's blob, and removes the blob once all are moved. */
  async function withLegacyAsync(raw: Record<Field, unknown>): Promise<Record<Field, unknown>> {
    const legacy = await getSafelyAsync(LEGACY_PREFERENCES_KEY);
    if (legacy === undefined) return raw;
    const old = isRecord(legacy) ? legacy : {};
    const merged = { ...raw };
    let moved = true;
    for (const field of FIELDS) {
      if (merged[field] !== undefined || old[field] === undefined) continue;
      merged[field] = old[field];
      moved = (await trySetAsync(PREFERENCE_KEYS[field], old[field])) && moved;
    }
    if (moved) await trySetAsync(LEGACY_PREFERENCES_KEY, undefined);
    return merged;
  }

  /**
   * Moves a stored draft this version cannot read to a key of its own. A draft near the 5 MB quota
   * does not fit twice, so when copying fails it is deleted first and written back if the move fails.
   */
  async function setDraftAsideAsync(raw: unknown): Promise<void> {
    const aside = `${DRAFT_ASIDE_PREFIX}${now()}`;
    const key = PREFERENCE_KEYS.draft;
    if (await trySetAsync(aside, raw)) {
      if (await trySetAsync(key, undefined)) return;
    } else if (await trySetAsync(key, undefined)) {
      if (await trySetAsync(aside, raw)) return;
      await trySetAsync(key, raw);
    }
    draftLocked = true;
    console.warn('Journey Mapper: the saved draft cannot be read and could not be set aside; it is kept, and new drafts are not saved over it.');
  }

  return {
    async loadAsync() {
      const values = await Promise.all(FIELDS.map((f) => getSafelyAsync(PREFERENCE_KEYS[f])));
      const raw = await withLegacyAsync(Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) as Record<Field, unknown>);
      const prefs: Preferences = {};
      const draft = readDraft(raw.draft);
      if (draft !== undefined) prefs.draft = draft;
      else if (raw.draft !== undefined) await setDraftAsideAsync(raw.draft);
      const style = readStyle(raw.style);
      if (style) prefs.style = style;
      const windowSize = readWindowSize(raw.windowSize);
      if (windowSize) prefs.windowSize = windowSize;
      const liveSync = readLiveSync(raw.liveSync);
      if (liveSync !== undefined) prefs.liveSync = liveSync;
      return prefs;
    },

    async saveAsync(prefs) {
      for (const field of FIELDS) {
        const value = prefs[field];
        if (value === undefined || (field === 'draft' && draftLocked)) continue;
        try {
          await storage.setAsync(PREFERENCE_KEYS[field], value);
        } catch (e) {
          throw new PluginError('FIGMA_ERROR', `Figma could not save the ${field === 'windowSize' ? 'window size' : field}: ${messageOf(e)}`);
        }
      }
    },
  };
}
