// The panel's only door to the import/export formats in shared/interop (JSON, CSV and .xlsx in the
// long format or the wide grid, Mermaid `journey`, a Markdown summary, metrics sheets), under the
// names the panel uses. The .xlsx reader and writer run here, in the iframe, never in the sandbox.
import { exportCsv, exportWideCsv, exportMermaid, exportXlsx, type MermaidExport } from '../../shared/interop';
import { writeCsv } from '../../shared/interop/sheet/csv-text';
import { WIDE_TEMPLATE } from '../../shared/interop/sheet/wide-template';
import type { Journey } from '../../shared/model';

export { FORMAT_NAMES } from '../../shared/interop/report';
export { importJourney, importJourneyText, detectFormat, toMarkdownSummary, formatReport, type ImportReport, type ImportResult, type JourneyTextFormat } from '../../shared/interop';
export type { SheetLayout } from '../../shared/interop';

/** The draft as CSV (comma separated), in the long format or the wide grid. */
export function toCsv(journey: Journey, layout: 'long' | 'wide' = 'long'): { text: string; lost: string[] } {
  if (layout === 'wide') {
    const w = exportWideCsv(journey);
    return { text: w.data, lost: w.lost };
  }
  return { text: exportCsv(journey), lost: [] };
}

/** The draft as an .xlsx workbook, in the long format or the wide grid. */
export function toXlsx(journey: Journey, layout: 'long' | 'wide' = 'long'): { data: Uint8Array; lost: string[] } {
  return exportXlsx(journey, layout);
}

/** The draft as a Mermaid `journey`, with what Mermaid could not hold. */
export function toMermaid(journey: Journey): MermaidExport {
  return exportMermaid(journey);
}

/** The wide-grid template as CSV text (shared/examples/journey-wide-template.csv). */
export function wideTemplateCsv(): string {
  return writeCsv(WIDE_TEMPLATE);
}
