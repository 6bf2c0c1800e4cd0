// Stable, derived ids for imported journeys. Pure: no crypto, no TextEncoder (the Figma sandbox
// has neither), so the hash is cyrb53 over UTF-16 code units.
//
// The rule (documented in CSV-FORMAT.md): an explicit id always wins; otherwise the id is derived
// from names (a slug), so re-importing an edited sheet gives the same ids as long as the names
// did not change. Clashes get "-2", "-3"… in order of first appearance.

/** A 53-bit string hash (cyrb53), as 1 to 11 base-36 characters. Deterministic across engines. */
export function stableHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(36);
}

/** A short hash: 8 base-36 characters (about 41 bits), zero-padded. */
export function shortHash(text: string): string {
  const h = stableHash(text);
  return ('00000000' + h).slice(-8);
}

const SLUG_MAX = 24;

function stripMarks(text: string): string {
  try {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  } catch {
    return text;
  }
}

/**
 * A readable id fragment: lower-case ASCII letters and digits joined by "-", at most 24 characters.
 * Accents are dropped ("Crème brûlée" → "creme-brulee"). A name with no ASCII letters or digits
 * (e.g. "購入" or "🙂") becomes "x" + a hash of the name, so it is still stable.
 */
export function slug(name: string, max: number = SLUG_MAX): string {
  const base = stripMarks(name)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!base) return 'x' + shortHash(name);
  const cut = base.length > max ? base.slice(0, max).replace(/-+$/, '') : base;
  return cut || 'x' + shortHash(name);
}

/** The journey's one id allocator: explicit ids are reserved first, derived ones get "-2", "-3"… on a clash. */
export { IdAllocator } from '../model/ids';

const keys = new Map<string, string>();

/** Text a name is matched by: trimmed, inner whitespace collapsed, case-folded. Sheets repeat the same names on every row, so keys are remembered. */
export function nameKey(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size > 20_000) keys.clear();
    k = name.trim().replace(/\s+/g, ' ').toLowerCase();
    keys.set(name, k);
  }
  return k;
}

/** Letters and digits only, lower-case: "Lane Type" → "lanetype", "in_progress" → "inprogress". */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
