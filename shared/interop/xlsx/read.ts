// .xlsx → a grid of cell texts (the first worksheet). An .xlsx file is a zip of XML parts
// (ECMA-376 Part 2, Open Packaging Conventions); the zip is read by zip.ts,
// the XML here.
// Formulas are never run: a formula cell gives the result the spreadsheet saved with it.
// Limits: only the parts needed are inflated, and only when their declared size is within
// MAX_PART_BYTES, so a zip bomb is refused before any inflating.
import { zipEntries } from './zip';
import type { Problem } from '../../result';
import { decodeUtf8 } from '../decode';
import type { Grid, GridRow } from '../sheet/grid';
import { attr, runText, xmlText } from './xml';

/** The largest XML part read (the sheet itself); a journey's sheet is far smaller. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

export interface XlsxRead {
  grid: Grid;
  /** The sheet read, and notes for the import report (other sheets, formulas, errors). */
  sheetName: string;
  notes: string[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export const looksLikeXlsx = isZip;

function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, problems: Problem[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  try {
    for (const e of zipEntries(bytes)) {
      if (!wanted(e.name)) continue;
      if (e.size > MAX_PART_BYTES) {
        problems.push({ path: '', message: `is too large to import: its part ${e.name} unpacks to more than ${MAX_PART_BYTES / 1048576} MB` });
        return undefined;
      }
      const data = e.read();
      out[e.name] = decodeUtf8(data.subarray(data[0] === 0xef ? 3 : 0)) ?? '';
    }
  } catch (e) {
    problems.push({ path: '', message: `is not a readable .xlsx workbook: the zip inside is damaged (${(e as Error).message})` });
    return undefined;
  }
  return out;
}

interface SheetRef {
  name: string;
  path: string;
}

/** The workbook's sheets in order, with the zip path of each. */
function sheetList(workbook: string, rels: string): SheetRef[] {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out: SheetRef[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rid = attr(m[0], 'r:id') ?? attr(m[0], '\\w+:id');
    const path = rid ? targets.get(rid) : undefined;
    if (path) out.push({ name: attr(m[0], 'name') ?? 'Sheet', path });
  }
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) out.push(runText(m[1] ?? ''));
  return out;
}

/** "C7" → 2 (column index); undefined for a malformed reference. */
function columnOf(ref: string | undefined): number | undefined {
  const m = ref ? /^([A-Z]{1,3})\d*$/.exec(ref) : null;
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

interface CellCounts {
  formulas: number;
  unsaved: string[];
  errors: string[];
}

function cellText(tag: string, body: string, strings: string[], counts: CellCounts): string {
  const t = attr(tag, 't') ?? 'n';
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
  const ref = attr(tag, 'r') ?? '?';
  if (/<f\b/.test(body)) {
    counts.formulas++;
    if (v === undefined) counts.unsaved.push(ref);
  }
  if (t === 'inlineStr') return runText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
  if (v === undefined) return '';
  if (t === 's') return strings[Number(v)] ?? '';
  if (t === 'b') return v.trim() === '1' ? 'TRUE' : 'FALSE';
  if (t === 'e') counts.errors.push(`${ref} (${xmlText(v)})`);
  return xmlText(v);
}

function readRows(xml: string, strings: string[], counts: CellCounts): GridRow[] {
  const rows: GridRow[] = [];
  let next = 1;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const n = Number(attr(rm[0], 'r') ?? next);
    next = n + 1;
    const cells: string[] = [];
    let col = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      col = columnOf(attr(cm[0], 'r')) ?? col;
      while (cells.length < col) cells.push('');
      cells[col] = cellText(cm[0], cm[2] ?? '', strings, counts);
      col++;
    }
    while (rows.length && rows[rows.length - 1]!.n < n - 1) rows.push({ n: rows[rows.length - 1]!.n + 1, cells: [] });
    rows.push({ n, cells });
  }
  return rows;
}

/** Reads the first worksheet of an .xlsx workbook. */
export function readXlsx(bytes: Uint8Array, problems: Problem[]): XlsxRead | undefined {
  if (isOle(bytes)) {
    problems.push({ path: '', message: 'is an old-style Excel file (.xls) or a password-protected workbook; save it as .xlsx (Excel Workbook) or CSV UTF-8 and import that' });
    return undefined;
  }
  if (!isZip(bytes)) {
    problems.push({ path: '', message: 'is not an .xlsx workbook (an .xlsx file is a zip archive, and this is not one)' });
    return undefined;
  }
  const meta = unzipParts(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === 'xl/sharedStrings.xml', problems);
  if (!meta) return undefined;
  const sheets = sheetList(meta['xl/workbook.xml'] ?? '', meta['xl/_rels/workbook.xml.rels'] ?? '');
  const first = sheets[0];
  if (!first) {
    problems.push({ path: '', message: 'is a workbook without worksheets; put the journey on the first sheet' });
    return undefined;
  }
  const part = unzipParts(bytes, (n) => n === first.path, problems)?.[first.path];
  if (part === undefined) {
    if (!problems.length) problems.push({ path: '', message: `is missing its first sheet (${first.path})` });
    return undefined;
  }
  const counts: CellCounts = { formulas: 0, unsaved: [], errors: [] };
  const rows = readRows(part, sharedStrings(meta['xl/sharedStrings.xml']), counts);
  const notes: string[] = [];
  if (sheets.length > 1) notes.push(`only the first sheet, "${first.name}", was read; ${sheets.slice(1).map((s) => `"${s.name}"`).join(', ')} ${sheets.length > 2 ? 'were' : 'was'} not imported`);
  if (counts.formulas) notes.push(`${counts.formulas} cells hold formulas: their saved results were read (formulas are never run)`);
  if (counts.unsaved.length) notes.push(`cells ${counts.unsaved.slice(0, 10).join(', ')} hold formulas without a saved result: read as empty`);
  if (counts.errors.length) notes.push(`cells ${counts.errors.slice(0, 10).join(', ')} hold spreadsheet errors, read as that text`);
  return { grid: { rows, decimalComma: false, source: 'xlsx' }, sheetName: first.name, notes };
}
