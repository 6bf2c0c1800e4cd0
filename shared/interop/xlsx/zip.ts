// The zip container of an .xlsx file (PKWARE APPNOTE.TXT 6.3.10, §4.3:
// https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT), read and written here so that the
// panel bundles no zip library: workbooks are written with stored (uncompressed) entries, which
// every spreadsheet program reads; deflated entries are inflated by the function given to
// useInflate (fflate's inflateSync in Node, see inflate-fflate.ts; the panel inflates with the
// browser's DecompressionStream before importing, see ui/data/files.ts). No ZIP64, encryption or
// multi-disk archives (an .xlsx of a journey never needs them).

/** Raw DEFLATE → bytes; `size` is the size the zip directory declares (the output never exceeds it). */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;
let inflater: Inflate | undefined;

/** Sets how deflated entries are inflated (once, at start-up, where a DEFLATE decoder is at hand). */
export function useInflate(fn: Inflate): void {
  inflater = fn;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

export interface ZipEntry {
  name: string;
  size: number;
  /** 0 = stored, 8 = deflated. */
  method: number;
  /** The entry's bytes as stored in the archive. */
  raw(): Uint8Array;
  read(): Uint8Array;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** The entries of a zip archive, from its central directory; throws a plain message when it is damaged. */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) if (u32(zip, i) === 0x06054b50) (end = i), (i = -1);
  if (end < 0) throw new Error('no zip directory');
  const count = u16(zip, end + 10);
  let at = u32(zip, end + 16);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (u32(zip, at) !== 0x02014b50) throw new Error('damaged zip directory');
    const method = u16(zip, at + 10);
    const packed = u32(zip, at + 20);
    const size = u32(zip, at + 24);
    const nameLength = u16(zip, at + 28);
    const name = latin1(zip.subarray(at + 46, at + 46 + nameLength));
    const local = u32(zip, at + 42);
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
    const raw = () => {
      if (u32(zip, local) !== 0x04034b50) throw new Error(`damaged zip entry ${name}`);
      const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
      return zip.subarray(start, start + packed);
    };
    out.push({
      name,
      size,
      method,
      raw,
      read: () => {
        if (method === 0) return raw();
        if (method !== 8) throw new Error(`zip entry ${name} uses compression method ${method}`);
        if (!inflater) throw new Error('compressed entries cannot be read here');
        return inflater(raw(), size);
      },
    });
  }
  return out;
}

let CRC: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!CRC) {
    CRC = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of stored entries (names ASCII), dated 1 January 2020 so the same files give the same bytes. */
export function zipStored(files: Array<[string, Uint8Array]>): Uint8Array {
  const DOS_TIME = 0;
  const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
  const head = (sig: number, central: boolean, name: string, data: Uint8Array, crc: number, offset: number) => {
    const h = new Uint8Array((central ? 46 : 30) + name.length);
    const v = new DataView(h.buffer);
    let i = 0;
    const w16 = (n: number) => (v.setUint16(i, n, true), (i += 2));
    const w32 = (n: number) => (v.setUint32(i, n, true), (i += 4));
    w32(sig);
    if (central) w16(20);
    [20, 0, 0, DOS_TIME, DOS_DATE].forEach(w16);
    [crc, data.length, data.length].forEach(w32);
    w16(name.length);
    w16(0);
    if (central) [0, 0, 0].forEach(w16), w32(0), w32(offset);
    for (let k = 0; k < name.length; k++) h[i + k] = name.charCodeAt(k);
    return h;
  };
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const crc = crc32(data);
    const local = head(0x04034b50, false, name, data, crc, 0);
    central.push(head(0x02014b50, true, name, data, crc, offset));
    parts.push(local, data);
    offset += local.length + data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, files.length, true);
  v.setUint16(10, files.length, true);
  v.setUint32(12, dirSize, true);
  v.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) out.set(p, at), (at += p.length);
  return out;
}
