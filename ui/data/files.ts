// Getting files in and out of the iframe: download through a Blob and <a download>, copy through
// the Clipboard API with a textarea + execCommand fallback (Figma's iframe may block the API), and
// reading a picked file as bytes (so the importer can tell its encoding, or read an .xlsx).
import { MAX_PART_BYTES } from '../../shared/interop/xlsx/read';
import { zipEntries, zipStored } from '../../shared/interop/xlsx/zip';
export interface ExportFile {
  name: string;
  mime: string;
  /** The file's text, for text formats (shown and copyable). */
  text?: string;
  /** The file's bytes, for binary formats (.xlsx). */
  data?: Uint8Array;
}

export function downloadFile(file: ExportFile, doc: Document = document): void {
  const part: BlobPart = file.data ? (file.data as Uint8Array<ArrayBuffer>) : (file.text ?? '');
  const url = URL.createObjectURL(new Blob([part], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Kept for callers that download text. */
export const downloadText = downloadFile;

/** Resolves true when the text reached the clipboard by either route. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    const clip = doc.defaultView?.navigator.clipboard;
    if (clip?.writeText) {
      await clip.writeText(text);
      return true;
    }
  } catch {
    // Blocked by the iframe's permissions policy: fall through to the old way.
  }
  const ta = doc.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  doc.body.appendChild(ta);
  ta.select();
  let done = false;
  try {
    done = doc.execCommand('copy');
  } catch {
    done = false;
  }
  ta.remove();
  return done;
}

/** Reads a picked file's bytes (FileReader fallback for older engines). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('could not read the file'));
    r.readAsArrayBuffer(file);
  });
}

/** Raw DEFLATE → bytes with the browser's own decoder; stops past `size` bytes (a zip bomb). */
async function inflateRaw(data: Uint8Array, size: number): Promise<Uint8Array> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (at + r.value.length > size) {
      await reader.cancel();
      throw new Error('a part is larger than the workbook says');
    }
    out.set(r.value, at);
    at += r.value.length;
  }
  return out.subarray(0, at);
}

/**
 * A picked file's bytes, ready for the importer: an .xlsx (a zip) whose parts are deflated, as
 * spreadsheet programs save them, comes back with its parts stored, inflated by the browser. Other
 * files are returned as they are; a damaged zip is too, for the importer to explain.
 */
export async function readImportBytes(file: Blob): Promise<Uint8Array> {
  const bytes = await readFileBytes(file);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return bytes;
  try {
    const entries = zipEntries(bytes);
    if (entries.every((e) => e.method === 0)) return bytes;
    const parts: Array<[string, Uint8Array]> = [];
    for (const e of entries) {
      if (!/^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml)$/.test(e.name)) continue;
      if (e.size > MAX_PART_BYTES) return bytes; // the importer explains
      parts.push([e.name, e.method === 8 ? await inflateRaw(e.raw(), e.size) : e.raw()]);
    }
    return zipStored(parts);
  } catch {
    return bytes;
  }
}

/** Reads a picked file as text (FileReader fallback for older engines). */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('could not read the file'));
    r.readAsText(file);
  });
}

/** A file name from a title: lower-case words joined by dashes. */
export function fileBase(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'journey';
}
