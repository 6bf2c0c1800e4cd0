// How the journey and its style are stored in the map frame's plugin data. Figma caps each entry
// (key + value) at 100 kB (figma-platform.md §1), so the JSON is compressed with lz-string to
// DEFLATE (fflate) and stored as base64 (ASCII: bytes = characters), split across numbered entries
// when it is still too big. fflate is fast enough to stay well inside one 50 ms slice for the
// largest journeys the limits allow (npm run bench):
//   jm_model    {"format":"journey-mapper-store","v":1,"chunks":N,"bytes":B,"hash":H,"encoding":"deflate-base64"}
//   jm_model_0 … jm_model_{N-1}   the compressed text, in order
import { fromByteArray, toByteArray } from 'base64-js';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fnv1a } from '../layout/hash';
import { err, ok, type Problem, type Result } from '../result';
import { utf8Length } from './utf8';
import { drain, type Steps } from '../steps';

export const MODEL_KEY = 'jm_model';
export const chunkKey = (i: number) => `${MODEL_KEY}_${i}`;
/** Figma's per-entry limit is 100 kB = 102,400 bytes; keep a margin for the plugin id and key. */
export const ENTRY_BUDGET = 90_000;
/** Refuse to store more than this many chunks (about 4.5 MB compressed). */
export const MAX_CHUNKS = 50;

export interface StoredMeta {
  format: 'journey-mapper-store';
  v: 1;
  chunks: number;
  /** Size of the uncompressed JSON in UTF-8 bytes. */
  bytes: number;
  /** Hash of the uncompressed JSON, checked on read. */
  hash: string;
  encoding: 'deflate-base64';
}

export interface EncodedModel {
  entries: [string, string][];
  meta: StoredMeta;
  compressedBytes: number;
}

export const encodeModel = (json: string): Result<EncodedModel, Problem[]> => drain(encodeModelSteps(json));

/** encodeModel in steps that can pause between the expensive parts (see shared/steps.ts). */
export function* encodeModelSteps(json: string): Steps<Result<EncodedModel, Problem[]>> {
  const bytes = strToU8(json);
  yield;
  const deflated = deflateSync(bytes, { level: 6 });
  yield;
  const compressed = fromByteArray(deflated);
  yield;
  const chunks: string[] = [];
  for (let i = 0; i < compressed.length; i += ENTRY_BUDGET) chunks.push(compressed.slice(i, i + ENTRY_BUDGET));
  if (chunks.length === 0) chunks.push('');
  if (chunks.length > MAX_CHUNKS)
    return err([{ path: '', message: `The journey is too large to store in the file (${Math.round(compressed.length / 1024)} kB compressed; the limit is ${Math.round((MAX_CHUNKS * ENTRY_BUDGET) / 1024)} kB). Split it into smaller journeys.` }]);
  const meta: StoredMeta = { format: 'journey-mapper-store', v: 1, chunks: chunks.length, bytes: utf8Length(json), hash: fnv1a(json), encoding: 'deflate-base64' };
  const entries: [string, string][] = [[MODEL_KEY, JSON.stringify(meta)], ...chunks.map((c, i): [string, string] => [chunkKey(i), c])];
  return ok({ entries, meta, compressedBytes: compressed.length });
}

/** Reads the stored JSON back; `read` returns "" for a missing key, as getPluginData does. */
export function decodeModel(read: (key: string) => string): Result<string, Problem[]> {
  const rawMeta = read(MODEL_KEY);
  if (!rawMeta) return err([{ path: '', message: 'This frame holds no journey.' }]);
  let meta: StoredMeta;
  try {
    meta = JSON.parse(rawMeta) as StoredMeta;
  } catch {
    return err([{ path: '', message: 'The stored journey header is damaged.' }]);
  }
  if (meta.format !== 'journey-mapper-store' || meta.encoding !== 'deflate-base64' || !(meta.chunks >= 1))
    return err([{ path: '', message: 'The stored journey was written in a format this plugin does not know; update Journey Mapper.' }]);
  let compressed = '';
  for (let i = 0; i < meta.chunks; i++) {
    const part = read(chunkKey(i));
    if (!part && meta.chunks > 1) return err([{ path: '', message: `Part ${i + 1} of ${meta.chunks} of the stored journey is missing.` }]);
    compressed += part;
  }
  let json: string;
  try {
    json = strFromU8(inflateSync(toByteArray(compressed)));
  } catch {
    json = '';
  }
  if (json === '' || fnv1a(json) !== meta.hash)
    return err([{ path: '', message: 'The stored journey is damaged (its checksum does not match).' }]);
  return ok(json);
}
