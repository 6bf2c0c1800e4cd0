// The panel's numbers in one place: the version it tells the plugin in hello, the window size
// it opens at and may be resized to, and how much draft text is kept between sessions.
import { MAX_DRAFT_LENGTH } from '../shared/messages';

export const UI_VERSION = '0.1.0';

/** The size Figma opens the panel at (plugin/main.ts showUI); the layout is tested at this size. */
export const PANEL_SIZE = { width: 520, height: 720 } as const;

/** The resize grip keeps the window within these bounds (the plugin clamps again to 200–4000). */
export const RESIZE_LIMITS = { min: 300, max: 1600 } as const;

/** PreferencesSchema caps the saved draft; bigger drafts are not autosaved (and we say so). */
export const MAX_SAVED_DRAFT = MAX_DRAFT_LENGTH;

/** How long a confirmation stays before it fades; one with Undo stays longer. Errors stay. */
export const TOAST_MS = { plain: 6_000, withUndo: 12_000 } as const;
