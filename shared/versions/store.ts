// Saved versions of a journey, kept on its map in shared plugin data next to the journey itself
// (shared/storage/keys.ts). Pure: it reads and writes through a small key-value interface, which
// the plugin backs with the map frame's shared plugin data (plugin/store/version-store.ts) and the
// tests with a Map.
//
//   versions              the index: {"format":"journey-mapper-versions","v":1,"next":N,"versions":[meta…]}
//   version_<id>          a version's header, as the journey's own store header (model-codec.ts)
//   version_<id>_0 …      its compressed envelope JSON, each part under Figma's 100 kB per entry
//
// Each version is the journey's envelope (serializeJourney), so an old version is migrated like
// any stored journey when it is read back. Writes are ordered so that nothing is half-written:
// the new version's parts and header first, then the index (the one write that makes the version
// exist), then the entries of pruned versions are cleared. A save that stops part-way leaves the
// index as it was; parts no index names are cleared by the next save (sweep).
//
// Budget: all versions together take at most `budget` bytes (key + value, as Figma counts an
// entry; namespace not included). A save over budget prunes the oldest automatic versions first;
// named versions are never pruned: when only they are left, the save is refused and says which
// take the room, so the designer decides what to delete.
import { err, ok, type Result } from '../result';
import { drain, type Steps } from '../steps';
import { decodeModelSteps, encodeModelSteps } from '../storage/model-codec';
import { VERSIONS_KEY, versionKey } from '../storage/keys';
import { utf8Length } from '../storage/utf8';
import { MAX_VERSION_NAME, VERSION_REASONS, type VersionReason } from './meta';

export const VERSIONS_FORMAT = 'journey-mapper-versions';
export const VERSIONS_STORE_VERSION = 1;
/** Bytes all versions of one map may take (about 21 versions of the XL bench journey, 70 kB each). */
export const VERSIONS_BUDGET = 1_500_000;
/** Versions kept at most (the index stays far under one entry's 100 kB). */
export const MAX_VERSIONS = 100;
export { MAX_VERSION_NAME, VERSION_REASONS, type VersionReason };

export interface VersionMeta {
  id: string;
  /** The designer's name for it; automatic versions are named after what they preceded. */
  name: string;
  /** Automatic versions are pruned first when the budget is reached; named ones never. */
  auto: boolean;
  reason: VersionReason;
  /** ISO 8601 time it was saved. */
  at: string;
  /** Who saved it: the Figma user's name when the plugin may read it. */
  author?: string;
  /** The journey's title when it was saved. */
  title: string;
  /** Bytes it takes in plugin data (header and parts, keys included). */
  size: number;
  /** hashText of its envelope JSON: an unchanged journey is not saved twice in a row automatically. */
  hash: string;
}

export interface VersionIndex {
  format: typeof VERSIONS_FORMAT;
  v: typeof VERSIONS_STORE_VERSION;
  /** The next version's number (ids are never reused, so a deleted version's id names nothing). */
  next: number;
  versions: VersionMeta[];
}

/** A node's shared plugin data in one namespace: "" for a missing key, as Figma reads it. */
export interface KeyValue {
  read(key: string): string;
  /** Writing "" removes the entry. */
  write(key: string, value: string): void;
  keys(): string[];
}

export interface VersionFailure {
  kind: 'newer' | 'unreadable' | 'full' | 'notFound' | 'tooLarge' | 'invalid';
  message: string;
}

const fail = (kind: VersionFailure['kind'], message: string) => err<VersionFailure>({ kind, message });
const emptyIndex = (): VersionIndex => ({ format: VERSIONS_FORMAT, v: VERSIONS_STORE_VERSION, next: 1, versions: [] });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isMeta(v: unknown): v is VersionMeta {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    /^v\d+$/.test(v.id) &&
    typeof v.name === 'string' &&
    typeof v.auto === 'boolean' &&
    typeof v.reason === 'string' &&
    typeof v.at === 'string' &&
    typeof v.title === 'string' &&
    typeof v.size === 'number' &&
    typeof v.hash === 'string' &&
    (v.author === undefined || typeof v.author === 'string')
  );
}

/** Reads the index; a map with none has no versions. A damaged or newer index is never overwritten. */
export function readIndex(kv: Pick<KeyValue, 'read'>): Result<VersionIndex, VersionFailure> {
  const raw = kv.read(VERSIONS_KEY);
  if (!raw) return ok(emptyIndex());
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('unreadable', "This map's versions can't be read: their index is damaged (not JSON). They were left as they are.");
  }
  if (!isObject(parsed) || parsed.format !== VERSIONS_FORMAT || typeof parsed.v !== 'number') return fail('unreadable', "This map's versions can't be read: their index is not a Journey Mapper versions index.");
  if (parsed.v > VERSIONS_STORE_VERSION) return fail('newer', `This map's versions were saved by a newer Journey Mapper (versions format ${parsed.v}; this one reads ${VERSIONS_STORE_VERSION}). Update Journey Mapper to use them; they were left as they are.`);
  if (typeof parsed.next !== 'number' || !Array.isArray(parsed.versions) || !parsed.versions.every(isMeta))
    return fail('unreadable', "This map's versions can't be read: their index is damaged. They were left as they are.");
  return ok(parsed as unknown as VersionIndex);
}

const entrySize = (key: string, value: string) => utf8Length(key) + utf8Length(value);
export const usedBytes = (index: VersionIndex) => index.versions.reduce((s, v) => s + v.size, 0);
const kB = (n: number) => `${Math.round(n / 1024)} kB`;

/** Versions to prune, oldest automatic first, so that `adding` more bytes and one more version fit; null when named ones would have to go. */
export function planPrune(index: VersionIndex, adding: number, budget = VERSIONS_BUDGET, maxVersions = MAX_VERSIONS): VersionMeta[] | null {
  let used = usedBytes(index) + adding;
  let count = index.versions.length + 1;
  const prune: VersionMeta[] = [];
  const autos = index.versions.filter((v) => v.auto).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const v of autos) {
    if (used <= budget && count <= maxVersions) break;
    prune.push(v);
    used -= v.size;
    count--;
  }
  return used <= budget && count <= maxVersions ? prune : null;
}

export interface SaveRequest {
  /** The journey's envelope JSON (serializeJourney). */
  json: string;
  title: string;
  reason: VersionReason;
  /** Required for manual saves; automatic versions are named after their reason. */
  name?: string;
  at: string;
  author?: string;
}

export interface SaveOutcome {
  /** Absent when an automatic save was skipped because the newest version already holds this journey. */
  saved?: VersionMeta;
  pruned: VersionMeta[];
  index: VersionIndex;
}

export interface StoreOptions {
  budget?: number;
  maxVersions?: number;
}

export const AUTO_NAMES: Record<VersionReason, string> = {
  manual: 'Saved version',
  sync: 'Before sync from canvas',
  import: 'Before import',
  restore: 'Before restore',
};

/** Cleans a name: one line, trimmed, at most MAX_VERSION_NAME code units (never half a surrogate pair). */
export function cleanName(name: string): string {
  const one = name.replace(/\s+/g, ' ').trim();
  if (one.length <= MAX_VERSION_NAME) return one;
  const cut = one.slice(0, MAX_VERSION_NAME);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Clears every version_… entry the index does not name (left by a save that stopped part-way, or by a pruning). */
function sweep(kv: KeyValue, index: VersionIndex): number {
  const live = new Set(index.versions.map((v) => versionKey(v.id)));
  let cleared = 0;
  for (const key of kv.keys()) {
    const m = /^(version_v\d+)(_\d+)?$/.exec(key);
    if (!m || live.has(m[1] ?? '')) continue;
    kv.write(key, '');
    cleared++;
  }
  return cleared;
}

export const saveVersion = (kv: KeyValue, request: SaveRequest, options: StoreOptions = {}) => drain(saveVersionSteps(kv, request, options));

/** Saves a version; pauses while compressing a large journey. */
export function* saveVersionSteps(kv: KeyValue, request: SaveRequest, options: StoreOptions = {}): Steps<Result<SaveOutcome, VersionFailure>> {
  const read = readIndex(kv);
  if (!read.ok) return read;
  const index = read.value;
  const id = `v${index.next}`;
  const encoded = yield* encodeModelSteps(request.json, versionKey(id));
  if (!encoded.ok) return fail('tooLarge', encoded.error[0]?.message ?? 'The journey is too large to save as a version.');
  const newest = index.versions[index.versions.length - 1];
  if (request.reason !== 'manual' && newest && newest.hash === encoded.value.meta.hash) return ok({ pruned: [], index });
  const size = encoded.value.entries.reduce((s, [k, v]) => s + entrySize(k, v), 0);
  const budget = options.budget ?? VERSIONS_BUDGET;
  const prune = planPrune(index, size, budget, options.maxVersions ?? MAX_VERSIONS);
  if (!prune) {
    const named = index.versions.filter((v) => !v.auto);
    return fail(
      'full',
      `There is no room for this version (${kB(size)}): ${named.length} named version${named.length === 1 ? '' : 's'} take ${kB(usedBytes(index))} of the ${kB(budget)} a map keeps. Delete a named version you no longer need, then save again.`,
    );
  }
  const name = cleanName(request.name ?? '') || AUTO_NAMES[request.reason];
  const saved: VersionMeta = {
    id,
    name,
    auto: request.reason !== 'manual',
    reason: request.reason,
    at: request.at,
    ...(request.author ? { author: request.author } : {}),
    title: request.title,
    size,
    hash: encoded.value.meta.hash,
  };
  const gone = new Set(prune.map((v) => v.id));
  const next: VersionIndex = { ...index, next: index.next + 1, versions: [...index.versions.filter((v) => !gone.has(v.id)), saved] };
  // Parts first, then the header, then the index: until the index is written the version does not exist.
  for (const [key, value] of encoded.value.entries.slice(1)) kv.write(key, value);
  const header = encoded.value.entries[0];
  if (header) kv.write(header[0], header[1]);
  kv.write(VERSIONS_KEY, JSON.stringify(next));
  sweep(kv, next);
  return ok({ saved, pruned: prune, index: next });
}

/** The envelope JSON of a saved version, checked against its checksum. */
export function* readVersionSteps(kv: Pick<KeyValue, 'read'>, id: string): Steps<Result<{ meta: VersionMeta; json: string }, VersionFailure>> {
  const read = readIndex(kv);
  if (!read.ok) return read;
  const meta = read.value.versions.find((v) => v.id === id);
  if (!meta) return fail('notFound', 'That version is no longer on this map (it was deleted, or the map was changed by someone else).');
  const json = yield* decodeModelSteps(kv.read, versionKey(id));
  if (!json.ok) return fail(json.error.kind === 'newer' ? 'newer' : 'unreadable', `The version “${meta.name}” can't be read: ${json.error.message}.`);
  return ok({ meta, json: json.value });
}

export const readVersion = (kv: Pick<KeyValue, 'read'>, id: string) => drain(readVersionSteps(kv, id));

/** Renames a version; a named automatic version becomes named (it is then never pruned). */
export function renameVersion(kv: KeyValue, id: string, name: string): Result<VersionIndex, VersionFailure> {
  const read = readIndex(kv);
  if (!read.ok) return read;
  const clean = cleanName(name);
  if (!clean) return fail('invalid', 'A version needs a name.');
  if (!read.value.versions.some((v) => v.id === id)) return fail('notFound', 'That version is no longer on this map.');
  const next: VersionIndex = { ...read.value, versions: read.value.versions.map((v) => (v.id === id ? { ...v, name: clean, auto: false } : v)) };
  kv.write(VERSIONS_KEY, JSON.stringify(next));
  return ok(next);
}

/** Deletes a version: the index first (it no longer exists), then its entries. */
export function deleteVersion(kv: KeyValue, id: string): Result<VersionIndex, VersionFailure> {
  const read = readIndex(kv);
  if (!read.ok) return read;
  if (!read.value.versions.some((v) => v.id === id)) return fail('notFound', 'That version is no longer on this map.');
  const next: VersionIndex = { ...read.value, versions: read.value.versions.filter((v) => v.id !== id) };
  kv.write(VERSIONS_KEY, JSON.stringify(next));
  sweep(kv, next);
  return ok(next);
}
