// The panel's only door to the import/export formats in shared/interop (JSON, CSV, Mermaid
// `journey`, a Markdown summary), under the names the panel uses. CSV parsing is papaparse's
// browser build; build.mjs aliases Node's `stream` to an empty module, so the whole of
// shared/interop bundles into dist/ui.html.
import { exportCsv, exportMermaid, type MermaidExport } from '../../shared/interop';
import type { Journey } from '../../shared/model';

export { importJourneyText, detectFormat, toMarkdownSummary, type JourneyTextFormat } from '../../shared/interop';

/** The draft as CSV (the long format: one record per row, comma separated). */
export function toCsv(journey: Journey): string {
  return exportCsv(journey);
}

/** The draft as a Mermaid `journey`, with what Mermaid could not hold. */
export function toMermaid(journey: Journey): MermaidExport {
  return exportMermaid(journey);
}
