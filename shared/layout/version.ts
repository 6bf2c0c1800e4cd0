// The version of the layout: what `layoutJourney` draws for a given journey and style. A map
// remembers the version it was drawn with; the renderer compares the new layout with the previous
// one to write only what changed, which is only right when both come from the same layout code.
// A map drawn with another version is rewritten in full once. test/layout/version.test.ts fails
// when the layout of the examples changes without this number changing.
export const LAYOUT_VERSION = 6;
