// The panel's only door to the import/export formats in shared/interop, under the names the
// panel uses (tests mock this one module).
//
// CSV is not wired yet: shared/interop/csv.ts imports 'papaparse/papaparse.js', whose Node
// streaming code does `require('stream')`, and esbuild's browser bundle of the UI fails on it.
// Until that import is bundleable (import 'papaparse' so the package's "browser" build is used,
// or alias `stream` to an empty module in build.mjs), this module takes JSON, Mermaid and
// Markdown from the papaparse-free files and says plainly that CSV is unavailable.
// TODO(lead): then replace the body with
//   export { importJourneyText, toMarkdownSummary } from '../../shared/interop';
//   export const toCsv = (j: Journey) => exportCsv(j); export const toMermaid = exportMermaid;
import { exportMermaid, importMermaid } from '../../shared/interop/mermaid';
import { toMarkdownSummary } from '../../shared/interop/markdown';
import { checkInputSize } from '../../shared/interop/size';
import { loadJourneyText, type Journey } from '../../shared/model';
import { err, type Problem, type Result } from '../../shared/result';

export { toMarkdownSummary };

/** False while CSV is unavailable in the browser bundle (see above). */
export const CSV_AVAILABLE = false;
const CSV_MISSING = 'CSV is not available in this build yet; use JSON or Mermaid';

type Format = 'json' | 'mermaid' | 'csv';

function detect(text: string, fileName?: string): Format {
  const ext = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() : undefined;
  if (ext === 'json') return 'json';
  if (ext === 'mmd' || ext === 'mermaid') return 'mermaid';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  const head = text.replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^(%%[^\n]*\n\s*|---[\s\S]*?---\s*)*journey\b/.test(head) || /^```mermaid\s*\n\s*journey\b/.test(head)) return 'mermaid';
  return 'csv';
}

export function importJourneyText(text: string, fileName?: string): Result<Journey, Problem[]> {
  const tooBig = checkInputSize(text);
  if (tooBig) return err([tooBig]);
  switch (detect(text, fileName)) {
    case 'json': {
      const r = loadJourneyText(text);
      return r.ok ? { ok: true, value: r.value.journey } : r;
    }
    case 'mermaid':
      return importMermaid(text.replace(/^```mermaid\s*\n/, '').replace(/\n```\s*$/, '\n'));
    case 'csv':
      return err([{ path: '', message: CSV_MISSING }]);
  }
}

export function toCsv(_journey: Journey): string {
  throw new Error(CSV_MISSING);
}

export function toMermaid(journey: Journey): { text: string; lost: string[] } {
  return exportMermaid(journey);
}
