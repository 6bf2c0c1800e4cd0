// Import and export adapters: CSV (spreadsheets), Mermaid `journey`, a Markdown summary, and one
// entry point that detects the format. Pure code, safe in the Figma sandbox and the UI.
export { importJourneyText, detectFormat, type JourneyTextFormat } from './import';
export { importCsv, exportCsv, escapeCell, unescapeCell, parseNumberCell, detectDelimiter, MAX_CSV_ROWS, type CsvExportOptions, type CsvImportOptions } from './csv';
export { CSV_COLUMNS, RECORD_KINDS, columnForHeader, inferLaneType, type CsvColumn, type RecordKind } from './csv-columns';
export { importMermaid, exportMermaid, scoreToValue, valueToScore, type MermaidExport, type MermaidImportOptions } from './mermaid';
export { toMarkdownSummary, describeCurve, tableCell } from './markdown';
export { checkInputSize, utf8Length, MAX_INPUT_BYTES } from './size';
export { slug, stableHash, shortHash, IdAllocator } from './ids';
