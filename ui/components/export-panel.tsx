// Export the draft as JSON (the stable envelope), CSV or an Excel workbook (the long format, one
// row per item, or the wide grid, steps across and lanes down), Mermaid or a Markdown summary, by
// download or copy. Text formats are also shown read-only, as a last resort for copying by hand.
import { useMemo, useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import { copyText, downloadFile, fileBase, type ExportFile } from '../data/files';
import { toCsv, toMarkdownSummary, toMermaid, toXlsx } from '../data/interop';
import { formatJourney } from '../state/editor-state';

export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'mermaid' | 'markdown';
export type ExportLayout = 'long' | 'wide';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'json', label: 'JSON' },
  { value: 'csv', label: 'CSV' },
  { value: 'xlsx', label: 'Excel' },
  { value: 'mermaid', label: 'Mermaid' },
  { value: 'markdown', label: 'Markdown summary' },
];

const LAYOUTS: { value: ExportLayout; label: string }[] = [
  { value: 'long', label: 'One row per item' },
  { value: 'wide', label: 'Wide grid' },
];

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function buildExport(format: ExportFormat, journey: Journey, layout: ExportLayout = 'long'): { file: ExportFile; lost: string[] } {
  const base = fileBase(journey.title);
  const suffix = layout === 'wide' ? '-wide' : '';
  switch (format) {
    case 'json':
      return { file: { name: `${base}.journey.json`, mime: 'application/json', text: `${formatJourney(journey)}\n` }, lost: [] };
    case 'csv': {
      const c = toCsv(journey, layout);
      return { file: { name: `${base}${suffix}.csv`, mime: 'text/csv', text: c.text }, lost: c.lost };
    }
    case 'xlsx': {
      const x = toXlsx(journey, layout);
      return { file: { name: `${base}${suffix}.xlsx`, mime: XLSX_MIME, data: x.data }, lost: x.lost };
    }
    case 'mermaid': {
      const m = toMermaid(journey);
      return { file: { name: `${base}.mmd`, mime: 'text/plain', text: m.text }, lost: m.lost };
    }
    case 'markdown':
      return { file: { name: `${base}.md`, mime: 'text/markdown', text: toMarkdownSummary(journey) }, lost: [] };
  }
}

function Choice<T extends string>({ legend, name, options, value, onChange }: { legend: string; name: string; options: { value: T; label: string }[]; value: T; onChange(v: T): void }) {
  return (
    <fieldset class="segmented">
      <legend class="field-label">{legend}</legend>
      {options.map((f) => (
        <label key={f.value} class={value === f.value ? 'seg selected' : 'seg'}>
          <input type="radio" name={name} value={f.value} checked={value === f.value} onChange={() => onChange(f.value)} />
          {f.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ExportPanel({ journey, disabledReason }: { journey: Journey; disabledReason?: string | undefined }) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [layout, setLayout] = useState<ExportLayout>('long');
  const [status, setStatus] = useState('');
  const sheet = format === 'csv' || format === 'xlsx';
  const out = useMemo(() => {
    try {
      return buildExport(format, journey, sheet ? layout : 'long');
    } catch (e) {
      return { file: null, lost: [], error: (e as Error).message };
    }
  }, [format, layout, journey]);
  const file = out.file;
  const blocked = disabledReason ?? (file ? undefined : `This format could not be written: ${'error' in out ? out.error : ''}`);
  const what = format === 'mermaid' ? 'Mermaid' : format === 'xlsx' || format === 'csv' ? 'The wide grid' : 'This format';
  return (
    <div class="stack">
      <Choice legend="Format" name="jm-export-format" options={FORMATS} value={format} onChange={(v) => (setFormat(v), setStatus(''))} />
      {sheet && <Choice legend="Layout" name="jm-export-layout" options={LAYOUTS} value={layout} onChange={(v) => (setLayout(v), setStatus(''))} />}
      {blocked && (
        <p id="jm-export-blocked" class="status-line bad">
          {blocked}
        </p>
      )}
      {out.lost.length > 0 && (
        <p class="muted">
          {what} cannot hold: {out.lost.join(', ')}.
        </p>
      )}
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          disabled={!!blocked || !file}
          onClick={() => {
            if (!file) return;
            downloadFile(file);
            setStatus(`Downloaded ${file.name}.`);
          }}
        >
          Download
        </button>
        <button
          type="button"
          class="secondary"
          disabled={!!blocked || !file || file.text === undefined}
          onClick={async () => {
            if (!file?.text) return;
            const done = await copyText(file.text);
            setStatus(done ? 'Copied to the clipboard.' : 'Figma blocked the clipboard. Select the text below and copy it.');
          }}
        >
          Copy
        </button>
      </div>
      {status && (
        <p class="status-line" role="status">
          {status}
        </p>
      )}
      {file && file.text !== undefined && !blocked && (
        <div class="field">
          <label for="jm-export-text" class="field-label">
            {file.name}
          </label>
          <textarea id="jm-export-text" class="code" rows={5} readOnly value={file.text} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
