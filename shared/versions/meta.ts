// The few facts about versions the message protocol needs, apart from the store (./store.ts), so the
// UI bundle does not carry the codec.

/** Longest version name, in UTF-16 code units. */
export const MAX_VERSION_NAME = 120;

/** Why a version was saved: by the designer, or automatically before something replaced the journey. */
export const VERSION_REASONS = ['manual', 'sync', 'import', 'restore'] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];
