// Cell text rules shared by CSV and .xlsx: formula escaping (OWASP CSV injection), numbers as
// people type them, and quoting text inside messages.

// A text cell starting with = + - @ tab or CR is written with a leading single quote so a
// spreadsheet shows it as text instead of running it as a formula
// (https://owasp.org/www-community/attacks/CSV_Injection). Cells that already start with quotes
// followed by one of those get one more quote, so the reader can always remove exactly one and
// the round trip is exact.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function escapeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** "1.5", "-2", "+1", "−1" (minus sign), and "1,5" when decimalComma is on. */
export function parseNumberCell(raw: string, decimalComma: boolean): number | undefined {
  let s = raw.trim().replace(/\u2212/g, '-').replace(/^\+/, '');
  if (decimalComma && /^-?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? (n === 0 ? 0 : n) : undefined;
}

/** True when the cell is written like a number but does not fit in one (1e400). */
export function isHugeNumber(raw: string): boolean {
  const s = raw.trim().replace(/\u2212/g, '-').replace(/^\+/, '');
  return NUMBER.test(s) && !Number.isFinite(Number(s));
}

/** A cell's text quoted for a message, cut to 60 characters. */
export const quote = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 59)}…` : s);
/** `"a", "b", "c"` */
export const oneOf = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');
