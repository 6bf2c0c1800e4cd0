// Mermaid `journey` (user journey diagram) import and export, read the way Mermaid reads it:
// mermaid/lex.ts (Mermaid's preprocessing and lexer), mermaid/parse.ts (its grammar),
// mermaid/import.ts (diagram → journey), mermaid/export.ts (journey → diagram). See CSV-FORMAT.md § Mermaid.
export { importMermaid, scoreToValue, valueToScore, type MermaidImportOptions } from './mermaid/import';
export { exportMermaid, type MermaidExport } from './mermaid/export';
export { decodeEntity } from './mermaid/lex';
