// Import and export adapters: CSV and .xlsx (the long format and the wide grid), Mermaid
// `journey`, a Markdown summary, metrics sheets, and one entry point that takes a file's bytes
// (or text), detects its encoding and format, and reports what it did. Pure code: the UI, the CLI
// and `npm run preview` use it.
export { importJourney, importJourneyText, detectFormat, type ImportOptions, type ImportResult, type JourneyTextFormat } from './import';
export { formatReport, summarise, ReportNotes, type ImportReport, type ImportFormat } from './report';
export { decodeBytes, decodeUtf8, type Decoded } from './decode';
export { importCsv, exportCsv, exportWideCsv, escapeCell, unescapeCell, parseNumberCell, detectDelimiter, MAX_CSV_ROWS, type CsvExportOptions, type CsvImportOptions } from './csv';
export { importXlsx, exportXlsx, readXlsx, writeXlsx, type SheetLayout } from './xlsx';
export { CSV_COLUMNS, RECORD_KINDS, columnForHeader, inferLaneType, type CsvColumn, type RecordKind } from './csv-columns';
export { importMermaid, exportMermaid, scoreToValue, valueToScore, type MermaidExport, type MermaidImportOptions } from './mermaid';
export { toMarkdownSummary, describeCurve, tableCell, escapeHtml } from './markdown';
export { isMetricsSheet, joinMetrics } from './metrics';
export { parseDate, fromSerial, inferDateOrder } from './dates';
export { detectScale, mapValue, parseScaleHint, COMMON_SCALES } from './scale';
export { checkInputSize, checkByteSize, utf8Length, MAX_INPUT_BYTES } from './size';
export { slug, stableHash, shortHash, IdAllocator } from './ids';
