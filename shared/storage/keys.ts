// Where a map keeps its data. Everything lives in *shared* plugin data under one namespace, so any
// build of Journey Mapper (a development id or the published one), other plugins and Figma's own
// agents can read it: private plugin data is keyed by the plugin id and "will become inaccessible
// if your plugin ID changes" (@figma/plugin-typings plugin-api.d.ts L6541). A shared namespace
// "must be at least 3 alphanumeric characters" (same file L6558).
// Maps drawn by earlier versions kept the same data in private plugin data under the LEGACY_ keys;
// they are still read, and moved to shared plugin data on the next write. README: "Reading a
// journey from a map".

export const NAMESPACE = 'journeymapper';

/** The store header on the map frame (JSON, see model-codec.ts). */
export const MODEL_KEY = 'model';
/** Part `i` of a compressed entry stored under `base`: model_0 … model_{N-1} for the journey. */
export const partKey = (base: string, i: number) => `${base}_${i}`;
/** The compressed journey, split over model_0 … model_{N-1}. */
export const chunkKey = (i: number) => partKey(MODEL_KEY, i);
/** The index of saved versions (shared/versions/store.ts); each version under version_<id>, version_<id>_0 … */
export const VERSIONS_KEY = 'versions';
export const versionKey = (id: string) => `version_${id}`;
/** The map's style options as JSON. */
export const STYLE_KEY = 'style';
/** The small tag on every generated node (plugin/render/tags.ts). */
export const TAG_KEY = 'tag';
/** On a view frame drawn beside a map (plugin/map/views.ts): JSON { map, d, lv }, the map's node id and the stamp it was last fully drawn from. */
export const VIEW_KEY = 'view';
/** On the Changes frame drawn beside a map (plugin/map/changes.ts): JSON { map }, the map's node id. */
export const CHANGES_KEY = 'changes';

/** Private plugin data keys written by 0.1: the shared keys above with a `jm_` prefix, tags under `jm`. */
export const LEGACY_MODEL_KEY = 'jm_model';
export const LEGACY_STYLE_KEY = 'jm_style';
export const LEGACY_TAG_KEY = 'jm';
