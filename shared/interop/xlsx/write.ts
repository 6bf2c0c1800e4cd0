// rows → a minimal .xlsx workbook with one sheet (ECMA-376 SpreadsheetML, strict enough for Excel,
// LibreOffice, Numbers and Google Sheets). Text is written as inline strings, numbers as numbers;
// text that a spreadsheet would run as a formula gets the same leading quote as in CSV (the rows
// arrive escaped by the sheet writers), and no cell is ever written as a formula. The zip holds
// stored entries (zip.ts), so the panel does not bundle a compressor.
import { utf8Bytes } from '../decode';
import { zipStored } from './zip';
import { columnLetters } from '../sheet/grid';
import { xmlEscape } from './xml';

export type XlsxCell = string | number;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
// Style 1 wraps text, so cells with line breaks show them.
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>';

function workbook(sheetName: string): string {
  const name = xmlEscape(sheetName.replace(/[\\/?*[\]:"]/g, ' ').slice(0, 31) || 'Journey');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

function cellXml(value: XlsxCell, ref: string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  if (value === '') return '';
  const style = /\n/.test(value) ? ' s="1"' : '';
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlEscape(value)}</t></is></c>`;
}

function sheetXml(rows: XlsxCell[][], headerRows: number): string {
  const body: string[] = [];
  rows.forEach((row, i) => {
    const cells = row.map((v, c) => cellXml(v, `${columnLetters(c)}${i + 1}`)).join('');
    if (cells) body.push(`<row r="${i + 1}">${cells}</row>`);
  });
  const pane = headerRows ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}<sheetData>${body.join('')}</sheetData></worksheet>`;
}

/** A workbook with one sheet holding `rows`; the first `headerRows` rows stay in view when scrolling. */
export function writeXlsx(rows: XlsxCell[][], options: { sheetName?: string; headerRows?: number } = {}): Uint8Array {
  return zipStored([
    ['[Content_Types].xml', utf8Bytes(CONTENT_TYPES)],
    ['_rels/.rels', utf8Bytes(ROOT_RELS)],
    ['xl/workbook.xml', utf8Bytes(workbook(options.sheetName ?? 'Journey'))],
    ['xl/_rels/workbook.xml.rels', utf8Bytes(WORKBOOK_RELS)],
    ['xl/styles.xml', utf8Bytes(STYLES)],
    ['xl/worksheets/sheet1.xml', utf8Bytes(sheetXml(rows, options.headerRows ?? 0))],
  ]);
}
