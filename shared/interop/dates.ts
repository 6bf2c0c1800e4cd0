// Dates as spreadsheets write them: ISO (2026-10-14), MM/DD/YYYY (US), DD.MM.YYYY (German and
// others), YYYY/MM/DD, two-digit years (Excel's rule: 00–29 → 20xx, 30–99 → 19xx) and serial
// numbers (days since 1899-12-30, the 1900 date system; https://learn.microsoft.com/en-us/office/troubleshoot/excel/1900-and-1904-date-system).
// A slash date whose day and month could be swapped (03/04/2026) is read the way the sheet's other
// slash dates show it (one with a first part over 12 means DD/MM); if none does, it is ambiguous.
export type DateOrder = 'mdy' | 'dmy';

export type DateRead = { iso: string } | { problem: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoOf(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1 || y > 9999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y));

/** Serial day numbers Excel and LibreOffice store dates as (1 = 1900-01-01). */
export function fromSerial(serial: number): string | undefined {
  if (!(serial >= 1 && serial < 2958466)) return undefined;
  const days = Math.floor(serial) - (serial < 61 ? 1 : 2); // Excel counts a 29 February 1900 that never was
  const t = Date.UTC(1900, 0, 1) + days * 86_400_000;
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The order the sheet's slash dates are in, from those that can only be read one way. */
export function inferDateOrder(cells: readonly string[]): DateOrder | undefined {
  let mdy = 0;
  let dmy = 0;
  for (const c of cells) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*$/.exec(c);
    if (!m) continue;
    if (Number(m[1]) > 12 && Number(m[2]) <= 12) dmy++;
    if (Number(m[2]) > 12 && Number(m[1]) <= 12) mdy++;
  }
  return dmy > mdy ? 'dmy' : mdy > dmy ? 'mdy' : undefined;
}

const NOT_A_DATE = 'is not a date; write it like 2026-10-14 (or 10/14/2026, 14.10.2026)';

/** Reads one date cell. `order` resolves day/month for slash dates when the sheet shows it. */
export function parseDate(text: string, order?: DateOrder): DateRead {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!iso) return { problem: `${JSON.stringify(s)} is not a real calendar date` };
    if (m[4] && !/^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?/.test(m[4])) return { problem: `${JSON.stringify(s)} has a time that is not real` };
    return { iso: m[4] ? `${iso}${m[4]}` : iso };
  }
  if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s))) return real(s, isoOf(Number(m[1]), Number(m[2]), Number(m[3])));
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s))) return real(s, isoOf(fullYear(m[3]!), Number(m[2]), Number(m[1])));
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(m[3]!);
    if (a > 12 || b > 12 || a === b || order) {
      const dmy = a > 12 || (b <= 12 && order === 'dmy');
      return real(s, dmy ? isoOf(y, b, a) : isoOf(y, a, b));
    }
    return { problem: `${JSON.stringify(s)} could be ${isoOf(y, a, b)} or ${isoOf(y, b, a)}; write it like ${isoOf(y, a, b)}` };
  }
  if (/^\d+(\.\d+)?$/.test(s)) {
    const iso = fromSerial(Number(s));
    if (iso) return { iso };
  }
  return { problem: `${JSON.stringify(s.length > 40 ? `${s.slice(0, 39)}…` : s)} ${NOT_A_DATE}` };
}

function real(s: string, iso: string | undefined): DateRead {
  return iso ? { iso } : { problem: `${JSON.stringify(s)} is not a real calendar date` };
}
