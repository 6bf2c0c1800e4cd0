// Reads and writes the journey and style stored on a map frame (shared/storage/model-codec.ts),
// writing only entries whose value changed, and removing chunks a smaller model no longer needs.
import { loadJourney, serializeJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { chunkKey, decodeModel, encodeModelSteps, MODEL_KEY, type EncodedModel } from '../../shared/storage/model-codec';
import type { Steps } from '../../shared/steps';
import { StyleOptionsSchema, type StyleOptions } from '../../shared/style/options';
import { err, ok, type Problem, type Result } from '../../shared/result';

export const STYLE_KEY = 'jm_style';

export interface StoredMap {
  journey: Journey;
  style: StyleOptions;
}


export function prepareModelSteps(journey: Journey): Steps<Result<EncodedModel, Problem[]>> {
  return encodeModelSteps(serializeJourney(journey));
}

/** Writes the prepared entries; returns how many plugin-data writes it made. */
export function writeModel(node: BaseNode, encoded: EncodedModel, style: StyleOptions, journey?: Journey): number {
  let writes = 0;
  const set = (key: string, value: string) => {
    if (node.getPluginData(key) === value) return;
    node.setPluginData(key, value);
    writes++;
  };
  // Chunks first, header last: a reader never sees a header pointing at chunks not yet written.
  for (const [key, value] of encoded.entries.slice(1)) set(key, value);
  const header = encoded.entries[0];
  if (header) set(header[0], header[1]);
  for (let i = encoded.meta.chunks; node.getPluginData(chunkKey(i)) !== ''; i++) {
    node.setPluginData(chunkKey(i), '');
    writes++;
  }
  set(STYLE_KEY, JSON.stringify(style));
  // What was just written is known: the next read need not decompress and validate it again.
  if (journey) cache.set(node.id, { header: node.getPluginData(MODEL_KEY) + node.getPluginData(STYLE_KEY), value: copy({ journey, style }) });
  return writes;
}

export function hasModel(node: BaseNode): boolean {
  return node.getPluginData(MODEL_KEY) !== '';
}

/** The map frame a node belongs to: the nearest ancestor (or itself) that stores a journey. */
export function mapOf(node: BaseNode | null): FrameNode | null {
  for (let n: BaseNode | null = node; n && n.type !== 'PAGE' && n.type !== 'DOCUMENT'; n = n.parent) {
    if (n.type === 'FRAME' && hasModel(n)) return n;
  }
  return null;
}

/** The stored header, which holds the model's hash: it changes whenever the stored journey does. */
export const storedHeader = (node: BaseNode): string => node.getPluginData(MODEL_KEY);

/**
 * Decoded models by node id, valid while the stored header (which holds the model's hash) is the
 * same. Decompressing and validating a 2,000-card model costs tens of milliseconds; selecting a map
 * or syncing it again should not pay that twice. Callers get a copy they may change.
 */
const cache = new Map<string, { header: string; value: StoredMap }>();

const copy = (m: StoredMap): StoredMap => JSON.parse(JSON.stringify(m)) as StoredMap;

export function readModel(node: BaseNode): Result<StoredMap, Problem[]> {
  const header = node.getPluginData(MODEL_KEY) + node.getPluginData(STYLE_KEY);
  const cached = cache.get(node.id);
  if (cached && cached.header === header) return ok(copy(cached.value));
  const result = decodeStored(node);
  if (result.ok) cache.set(node.id, { header, value: copy(result.value) });
  return result;
}

function decodeStored(node: BaseNode): Result<StoredMap, Problem[]> {
  const json = decodeModel((key) => node.getPluginData(key));
  if (!json.ok) return json;
  let raw: unknown;
  try {
    raw = JSON.parse(json.value);
  } catch {
    return err([{ path: '', message: 'The stored journey is not valid JSON.' }]);
  }
  const loaded = loadJourney(raw);
  if (!loaded.ok) return loaded;
  let style: unknown = {};
  try {
    style = JSON.parse(node.getPluginData(STYLE_KEY) || '{}');
  } catch {
    style = {};
  }
  const parsedStyle = StyleOptionsSchema.safeParse(style);
  return ok({ journey: loaded.value.journey, style: parsedStyle.success ? parsedStyle.data : StyleOptionsSchema.parse({}) });
}
