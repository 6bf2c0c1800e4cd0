// Reads and writes the journey and style stored on a map frame (shared/storage/model-codec.ts,
// keys in shared/storage/keys.ts), writing only entries whose value changed, and removing chunks a
// smaller model no longer needs. readStore tells the four cases apart (nothing stored, newer
// version, unreadable, ok) so a caller never treats a map it cannot read as one it may overwrite.
import { CURRENT_SCHEMA_VERSION, loadJourneySteps, readEnvelope, serializeJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { err, ok, type Problem, type Result } from '../../shared/result';
import { chunkKey, decodeModel, decodeModelSteps, encodeModelSteps, MODEL_KEY, parseHeader, type EncodedModel } from '../../shared/storage/model-codec';
import { NAMESPACE, STYLE_KEY } from '../../shared/storage/keys';
import { drain, type Steps } from '../../shared/steps';
import { runSteps, type Slicer } from '../yield';
import type { StyleOptions } from '../../shared/style/options';
import { parseStyleText } from '../../shared/storage/style';
import { PluginError } from '../errors';
import { migrateTags } from '../render/tags';
import { clearLegacy, placeOf, type StorePlace } from './place';

export { STYLE_KEY };

export interface StoredMap {
  journey: Journey;
  style: StyleOptions;
}

/** What reading a map's store found. `reason` is for people: "it is damaged (…)". */
export type StoreRead =
  | { status: 'ok'; value: StoredMap; legacy: boolean }
  | { status: 'none' }
  | { status: 'newer'; reason: string }
  | { status: 'unreadable'; reason: string };

/** A journey's stored form: its envelope JSON and the entries it is stored as. */
export interface PreparedModel {
  json: string;
  encoded: EncodedModel;
}

/**
 * The journey's stored form, compressed again only when its JSON differs from `kept` (the form the
 * map was last drawn with): a restyle or an unchanged update compresses nothing.
 */
export function* prepareModelReusingSteps(journey: Journey, kept: PreparedModel | undefined): Steps<Result<PreparedModel, Problem[]>> {
  const json = serializeJourney(journey);
  if (kept && kept.json === json) return { ok: true, value: kept };
  yield;
  const encoded = yield* encodeModelSteps(json);
  return encoded.ok ? { ok: true, value: { json, encoded: encoded.value } } : encoded;
}

/**
 * Writes the prepared entries to shared plugin data and clears 0.1's private ones; returns how
 * many plugin-data writes it made. A store from a newer Journey Mapper is never overwritten.
 */
export function writeModel(node: BaseNode, encoded: EncodedModel, style: StyleOptions, journey?: Journey): number {
  // The header says whether a newer Journey Mapper wrote the store (the map service has refused
  // such maps already; this is the last line of defence, and reading a header costs nothing).
  const header0 = isKnownReadable(node) ? null : parseHeader(placeOf(node)?.read(MODEL_KEY) ?? '');
  if (header0 && !header0.ok && header0.error.kind === 'newer') {
    const before: StoreRead = { status: 'newer', reason: header0.error.message };
    throw new PluginError('NEWER_VERSION', describeStoreRead(before));
  }
  const wasLegacy = placeOf(node)?.legacy === true;
  let writes = 0;
  const set = (key: string, value: string) => {
    if (node.getSharedPluginData(NAMESPACE, key) === value) return;
    node.setSharedPluginData(NAMESPACE, key, value);
    writes++;
  };
  // Chunks first, header last: a reader never sees a header pointing at chunks not yet written.
  for (const [key, value] of encoded.entries.slice(1)) set(key, value);
  const header = encoded.entries[0];
  if (header) set(header[0], header[1]);
  for (let i = encoded.meta.chunks; node.getSharedPluginData(NAMESPACE, chunkKey(i)) !== ''; i++) set(chunkKey(i), '');
  set(STYLE_KEY, JSON.stringify(style));
  if (wasLegacy && node.type === 'FRAME') writes += migrateTags(node);
  writes += clearLegacy(node);
  // What was just written is known: the next read need not decompress and validate it again.
  if (journey) cache.set(node.id, { header: storedHeader(node), json: JSON.stringify({ journey, style }) });
  return writes;
}

export function hasModel(node: BaseNode): boolean {
  return placeOf(node) !== null;
}

/** The map frame a node belongs to: the nearest ancestor (or itself) that stores a journey. */
export function mapOf(node: BaseNode | null): FrameNode | null {
  for (let n: BaseNode | null = node; n && n.type !== 'PAGE' && n.type !== 'DOCUMENT'; n = n.parent) {
    if (n.type === 'FRAME' && hasModel(n)) return n;
  }
  return null;
}

/** The stored header (which holds the model's hash) and style: they change whenever the stored map does. */
export function storedHeader(node: BaseNode): string {
  const place = placeOf(node);
  return place ? `${place.legacy ? 'legacy:' : ''}${place.read(MODEL_KEY)}\n${place.read(STYLE_KEY)}` : '';
}

/** The stored JSON text itself (for tools and tests that want the envelope as stored). */
export function readStoredJson(node: BaseNode): Result<string, string> {
  const place = placeOf(node);
  if (!place) return err('This frame holds no journey.');
  const json = decodeModel(place.read);
  return json.ok ? json : err(json.error.message);
}

/**
 * Decoded models by node id, valid while the stored header (which holds the model's hash) is the
 * same. Decompressing and validating a 2,000-card model costs tens of milliseconds; selecting a map
 * or syncing it again should not pay that twice. Callers get a copy they may change.
 */
const cache = new Map<string, { header: string; json: string }>();

// Kept as text: a string is one object to QuickJS's collector, where the journey itself is
// thousands (every GC pause grows with the objects the plugin keeps alive).
const fromCache = (json: string): StoredMap => JSON.parse(json) as StoredMap;

export const readStore = (node: BaseNode): StoreRead => drain(readStoreSteps(node));

/** readStore pausing between the parts of the work, for the plugin's main thread. */
export const readStoreAsync = (node: BaseNode, slicer: Slicer): Promise<StoreRead> => runSteps(readStoreSteps(node), slicer);

/** readStore in steps: decoding, parsing and validating a large journey pause between parts. */
export function* readStoreSteps(node: BaseNode): Steps<StoreRead> {
  const place = placeOf(node);
  if (!place) return { status: 'none' };
  const header = storedHeader(node);
  const cached = cache.get(node.id);
  if (cached && cached.header === header) return { status: 'ok', value: fromCache(cached.json), legacy: place.legacy };
  const read = yield* decodeStoredSteps(place);
  if (read.status === 'ok') cache.set(node.id, { header, json: JSON.stringify(read.value) });
  return read;
}

/** True when this store was read or written by this plugin and has not changed since (no decoding needed). */
function isKnownReadable(node: BaseNode): boolean {
  return cache.get(node.id)?.header === storedHeader(node);
}

/** readStore as a Result, for callers that only need "the map" or "why not". */
export function readModel(node: BaseNode): Result<StoredMap, Problem[]> {
  const read = readStore(node);
  return read.status === 'ok' ? ok(read.value) : err([{ path: '', message: describeStoreRead(read) }]);
}

/** One sentence for the panel about a map that cannot be used. */
export function describeStoreRead(read: StoreRead): string {
  switch (read.status) {
    case 'ok':
      return 'This map can be read.';
    case 'none':
      return 'This frame holds no journey.';
    case 'newer':
      return `This map can't be read: ${read.reason}. Update Journey Mapper to open it; it was left as it is.`;
    case 'unreadable':
      return `This map can't be read: ${read.reason}. It was left as it is (update Journey Mapper, or draw the journey again from its JSON).`;
  }
}

function* decodeStoredSteps(place: StorePlace): Steps<StoreRead> {
  const json = yield* decodeModelSteps(place.read);
  if (!json.ok) return json.error.kind === 'none' ? { status: 'none' } : { status: json.error.kind, reason: json.error.message };
  let raw: unknown;
  try {
    raw = JSON.parse(json.value);
  } catch {
    return { status: 'unreadable', reason: 'the stored journey is not valid JSON' };
  }
  const envelope = readEnvelope(raw);
  if (envelope.ok && envelope.value.schemaVersion > CURRENT_SCHEMA_VERSION)
    return { status: 'newer', reason: `it was written by a newer Journey Mapper (journey schema version ${envelope.value.schemaVersion}; this one reads ${CURRENT_SCHEMA_VERSION})` };
  const loaded = yield* loadJourneySteps(raw);
  if (!loaded.ok) return { status: 'unreadable', reason: `the stored journey is not valid (${loaded.error[0]?.path || 'journey'}: ${loaded.error[0]?.message ?? 'unknown problem'})` };
  return { status: 'ok', value: { journey: loaded.value.journey, style: parseStyleText(place.read(STYLE_KEY)) }, legacy: place.legacy };
}
