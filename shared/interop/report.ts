// The report every import ends with: what was imported, what was changed on the way (rescaled
// scores, derived ids, the encoding that was detected) and what was not imported and why, each
// with its row or line and column. Nothing an importer leaves out goes unmentioned.
import type { Journey } from '../model/types';
import type { Problem } from '../result';
import { formatProblem } from '../result';

export type ImportFormat = 'json' | 'csv' | 'xlsx' | 'mermaid' | 'metrics';

export interface ImportReport {
  format: ImportFormat;
  /** How the bytes were read, e.g. "UTF-8", "UTF-16 LE (byte order mark)", "Windows-1252". */
  encoding?: string;
  /** For sheets: the long format (one row per item) or the wide grid (steps across, lanes down). */
  layout?: 'long' | 'wide';
  /** One line per kind of thing imported, e.g. "3 stages", "16 cards". */
  imported: string[];
  /** What was changed on the way in, located where possible. */
  changed: Problem[];
  /** What was left out, and why, located where possible. */
  notImported: Problem[];
}

/** Collects notes while an importer runs. */
export class ReportNotes {
  readonly changed: Problem[] = [];
  readonly notImported: Problem[] = [];
  encoding?: string;
  layout?: 'long' | 'wide';

  change(message: string, where: Partial<Problem> = {}): void {
    this.changed.push({ path: where.path ?? '', message, ...pick(where) });
  }

  skip(message: string, where: Partial<Problem> = {}): void {
    this.notImported.push({ path: where.path ?? '', message, ...pick(where) });
  }

  report(format: ImportFormat, journey?: Journey): ImportReport {
    const r: ImportReport = { format, imported: journey ? summarise(journey) : [], changed: this.changed, notImported: this.notImported };
    if (this.encoding) r.encoding = this.encoding;
    if (this.layout) r.layout = this.layout;
    return r;
  }
}

function pick(p: Partial<Problem>): Partial<Problem> {
  const out: Partial<Problem> = {};
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  return out;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 stages", "9 steps", … for the kinds of things the journey holds. */
export function summarise(j: Journey): string[] {
  const steps = j.stages.reduce((n, s) => n + s.steps.length, 0);
  const points = j.curves.reduce((n, c) => n + c.points.length, 0);
  const metrics = j.stages.reduce((n, s) => n + s.metrics.length, 0);
  const out = [count(j.stages.length, 'stage'), count(steps, 'step')];
  if (j.lanes.length) out.push(count(j.lanes.length, 'lane'));
  if (j.cards.length) out.push(count(j.cards.length, 'card'));
  if (j.personas.length) out.push(count(j.personas.length, 'persona'));
  if (j.curves.length) out.push(`${count(j.curves.length, 'emotion curve')} (${count(points, 'value')})`);
  if (metrics) out.push(count(metrics, 'stage metric'));
  if (j.links.length) out.push(count(j.links.length, 'link'));
  if (j.evidence.length) out.push(count(j.evidence.length, 'evidence item'));
  return out;
}

export const FORMAT_NAMES: Record<ImportFormat, string> = { json: 'JSON', csv: 'CSV', xlsx: 'Excel workbook (.xlsx)', mermaid: 'Mermaid journey', metrics: 'metrics sheet' };

/** The report as plain text lines, for the CLI and the preview. */
export function formatReport(report: ImportReport, problems: readonly Problem[] = []): string {
  const lines: string[] = [];
  const how = [FORMAT_NAMES[report.format], report.layout ? `${report.layout} layout` : '', report.encoding ?? ''].filter(Boolean).join(', ');
  lines.push(`Read as: ${how}`);
  if (report.imported.length) lines.push(`Imported: ${report.imported.join(', ')}`);
  if (report.changed.length) lines.push('Changed:', ...report.changed.map((p) => `  - ${formatProblem(p)}`));
  if (report.notImported.length) lines.push('Not imported:', ...report.notImported.map((p) => `  - ${formatProblem(p)}`));
  if (problems.length) lines.push('Problems (nothing was imported):', ...problems.map((p) => `  - ${formatProblem(p)}`));
  return lines.join('\n');
}
