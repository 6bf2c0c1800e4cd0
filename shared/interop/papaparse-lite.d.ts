// Minimal typings for the part of papaparse that shared/interop uses: parsing and writing strings.
// @types/papaparse starts with `/// <reference types="node" />`, which would pull Node's globals
// into shared/ (and into plugin/ and ui/, which compile shared/) and silently disable the
// "shared code is pure" type check. Importing the package's browser build under its own path with
// these typings keeps Node out. The browser build (papaparse.min.js, same version) also lacks the
// `require('stream')` of papaparse.js, which esbuild cannot resolve for the sandbox bundle
// (platform neutral) or the UI; test/interop/bundle.test.ts checks this.
declare module 'papaparse/papaparse.min.js' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
  }
  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface StepResult {
    data: string[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface ParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean | 'greedy';
    preview?: number;
    delimitersToGuess?: string[];
    step?: (results: StepResult, parser: { abort(): void }) => void;
  }
  export interface UnparseConfig {
    quotes?: boolean | boolean[];
    quoteChar?: string;
    escapeChar?: string;
    delimiter?: string;
    header?: boolean;
    newline?: string;
    skipEmptyLines?: boolean | 'greedy';
    escapeFormulae?: boolean;
  }
  export function parse(input: string, config?: ParseConfig): ParseResult;
  export function unparse(data: string[][], config?: UnparseConfig): string;
  const Papa: { parse: typeof parse; unparse: typeof unparse };
  export default Papa;
}
