// How the journey is stored on the map frame (keys: ./keys.ts). Figma caps each entry (namespace
// + key + value) at 100 kB (https://developers.figma.com/docs/plugins/api/properties/nodes-setsharedplugindata),
// so the envelope JSON is encoded as UTF-8 (./utf8.ts, never TextEncoder), compressed with DEFLATE
// (fflate) and stored as base64 (ASCII: bytes = characters), split across numbered entries when it
// is still too big. fflate stays well inside one 50 ms slice for the largest journeys the limits
// allow, because every step that grows with the journey works through it in parts and pauses
// between them (npm run bench measures the longest pause-free stretch):
//   model    {"format":"journey-mapper-store","v":1,"chunks":N,"bytes":B,"hash":H,"encoding":"deflate-base64"}
//   model_0 … model_{N-1}   the compressed text, in order
// H is hashText (11 characters) of the JSON; headers written by 0.1 hold a 7-character 32-bit FNV-1a.
import { fromByteArray, toByteArray } from 'base64-js';
import { Deflate, Inflate } from 'fflate';
import { fnv1a32, textHasher } from '../layout/hash';
import { err, ok, type Problem, type Result } from '../result';
import { drain, type Steps } from '../steps';
import { chunkKey, MODEL_KEY, partKey } from './keys';
import { decodeUtf8, encodeUtf8 } from './utf8';

export { chunkKey, MODEL_KEY };

/** Figma's per-entry limit is 100 kB = 102,400 bytes; keep a margin for the namespace and key. */
export const ENTRY_BUDGET = 90_000;
/** Refuse to store more than this many chunks (about 4.5 MB compressed). */
export const MAX_CHUNKS = 50;
/** The store format this plugin writes; a header with a higher `v` is from a newer plugin. */
export const STORE_VERSION = 1;
export const STORE_FORMAT = 'journey-mapper-store';

export interface StoredMeta {
  format: typeof STORE_FORMAT;
  v: typeof STORE_VERSION;
  chunks: number;
  /** Size of the uncompressed JSON in UTF-8 bytes. */
  bytes: number;
  /** hashText of the uncompressed JSON, checked on read. */
  hash: string;
  encoding: 'deflate-base64';
}

export interface EncodedModel {
  entries: [string, string][];
  meta: StoredMeta;
  compressedBytes: number;
}

/**
 * Why a store could not be read: nothing stored, stored by a newer Journey Mapper (never to be
 * read as this version's, nor overwritten), or damaged.
 */
export interface StoreFailure {
  kind: 'none' | 'newer' | 'unreadable';
  message: string;
}

const failure = (kind: StoreFailure['kind'], message: string) => err<StoreFailure>({ kind, message });

export const encodeModel = (json: string, base: string = MODEL_KEY): Result<EncodedModel, Problem[]> => drain(encodeModelSteps(json, base));

/**
 * Characters of JSON (and bytes through DEFLATE) handled between two pauses. In QuickJS, Figma's
 * kind of engine, 4k characters of JSON take 15–20 ms to hash, encode and deflate (8k took 35–45 ms,
 * measured with the bench's `--why` sampler).
 */
const PART = 4_096;
/** Base64 is written 3 bytes to 4 characters: a multiple of 3 keeps the parts joinable. */
const BASE64_PART = 3 * 4_096;

/** The start of the next part of `text` from `at`: never between the two halves of a surrogate pair. */
function partEnd(text: string, at: number): number {
  const end = Math.min(text.length, at + PART);
  const c = text.charCodeAt(end - 1);
  return end < text.length && c >= 0xd800 && c <= 0xdbff ? end + 1 : end;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * encodeModel in steps that pause after each part of the work (see shared/steps.ts). `base` is the
 * header's key; the parts go under `${base}_0` … (the journey's own store uses MODEL_KEY; saved
 * versions use their own keys, shared/versions/store.ts).
 */
export function* encodeModelSteps(json: string, base: string = MODEL_KEY): Steps<Result<EncodedModel, Problem[]>> {
  const hasher = textHasher();
  const deflated: Uint8Array[] = [];
  let deflatedBytes = 0;
  const deflate = new Deflate({ level: 6 }, (chunk) => {
    deflated.push(chunk);
    deflatedBytes += chunk.length;
  });
  let utf8Bytes = 0;
  for (let at = 0; at < json.length || at === 0; ) {
    const end = partEnd(json, at);
    const part = json.slice(at, end);
    hasher.update(part);
    const bytes = encodeUtf8(part);
    utf8Bytes += bytes.length;
    deflate.push(bytes, end >= json.length);
    at = end;
    yield;
    if (json.length === 0) break;
  }
  const bytes = concat(deflated, deflatedBytes);
  const base64: string[] = [];
  for (let at = 0; at < bytes.length; at += BASE64_PART) {
    base64.push(fromByteArray(bytes.subarray(at, at + BASE64_PART)));
    yield;
  }
  const compressed = base64.join('');
  const chunks: string[] = [];
  for (let i = 0; i < compressed.length; i += ENTRY_BUDGET) chunks.push(compressed.slice(i, i + ENTRY_BUDGET));
  if (chunks.length === 0) chunks.push('');
  if (chunks.length > MAX_CHUNKS)
    return err([{ path: '', message: `The journey is too large to store in the file (${Math.round(compressed.length / 1024)} kB compressed; the limit is ${Math.round((MAX_CHUNKS * ENTRY_BUDGET) / 1024)} kB). Split it into smaller journeys.` }]);
  const meta: StoredMeta = { format: STORE_FORMAT, v: STORE_VERSION, chunks: chunks.length, bytes: utf8Bytes, hash: hasher.digest(), encoding: 'deflate-base64' };
  const entries: [string, string][] = [[base, JSON.stringify(meta)], ...chunks.map((c, i): [string, string] => [partKey(base, i), c])];
  return ok({ entries, meta, compressedBytes: compressed.length });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** Checks the header's own format and version before anything else is read. Any JSON value is handled. */
export function parseHeader(raw: string): Result<StoredMeta, StoreFailure> {
  if (!raw) return failure('none', 'This frame holds no journey.');
  let meta: unknown;
  try {
    meta = JSON.parse(raw);
  } catch {
    return failure('unreadable', 'its header is damaged (not JSON)');
  }
  if (!isObject(meta) || meta.format !== STORE_FORMAT) return failure('unreadable', 'its header is not a Journey Mapper store header');
  if (!isCount(meta.v)) return failure('unreadable', 'its header has no valid store version');
  if (meta.v > STORE_VERSION) return failure('newer', `it was written by a newer Journey Mapper (store version ${meta.v}; this one reads ${STORE_VERSION})`);
  if (meta.encoding !== 'deflate-base64') return failure('unreadable', `its encoding ${JSON.stringify(meta.encoding)} is unknown`);
  if (!isCount(meta.chunks) || meta.chunks > MAX_CHUNKS) return failure('unreadable', 'its header gives an impossible number of parts');
  if (typeof meta.hash !== 'string') return failure('unreadable', 'its header has no checksum');
  return ok(meta as unknown as StoredMeta);
}

/** Reads the stored JSON back; `read` returns "" for a missing key, as getSharedPluginData does. */
export const decodeModel = (read: (key: string) => string, base: string = MODEL_KEY): Result<string, StoreFailure> => drain(decodeModelSteps(read, base));

/** The end of a UTF-8 part from `at`: never inside a multi-byte sequence (continuation bytes are 10xxxxxx). */
function bytePartEnd(bytes: Uint8Array, at: number): number {
  let end = Math.min(bytes.length, at + PART);
  while (end < bytes.length && end > at + 1 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return end;
}

/** decodeModel in steps that pause after each part of the work. */
export function* decodeModelSteps(read: (key: string) => string, base: string = MODEL_KEY): Steps<Result<string, StoreFailure>> {
  const header = parseHeader(read(base));
  if (!header.ok) return header;
  const meta = header.value;
  let compressed = '';
  for (let i = 0; i < meta.chunks; i++) {
    const part = read(partKey(base, i));
    if (!part && meta.chunks > 1) return failure('unreadable', `part ${i + 1} of ${meta.chunks} is missing`);
    compressed += part;
  }
  const inflated: Uint8Array[] = [];
  let inflatedBytes = 0;
  try {
    const inflate = new Inflate((chunk) => {
      inflated.push(chunk);
      inflatedBytes += chunk.length;
    });
    // Base64 is read 4 characters to 3 bytes: parts of a multiple of 4 characters decode apart.
    // A quarter of the encoder's part: compressed JSON inflates 5–8 times (12k took ~45 ms a step in QuickJS).
    const step = (BASE64_PART / 3) * 4 / 4;
    for (let at = 0; at < compressed.length || at === 0; at += step) {
      inflate.push(toByteArray(compressed.slice(at, at + step)), at + step >= compressed.length);
      yield;
      if (compressed.length === 0) break;
    }
  } catch {
    return failure('unreadable', 'it is damaged (its checksum does not match)');
  }
  const bytes = concat(inflated, inflatedBytes);
  const text: string[] = [];
  const legacy = meta.hash.length === 7;
  const hasher = textHasher();
  for (let at = 0; at < bytes.length; ) {
    const end = bytePartEnd(bytes, at);
    const part = decodeUtf8(bytes.subarray(at, end));
    text.push(part);
    if (!legacy) hasher.update(part);
    at = end;
    yield;
  }
  const json = text.join('');
  const checksum = legacy ? fnv1a32(json) : hasher.digest();
  if (json === '' || checksum !== meta.hash) return failure('unreadable', 'it is damaged (its checksum does not match)');
  return ok(json);
}
