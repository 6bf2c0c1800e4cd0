// Export the draft as JSON (the stable envelope), CSV, Mermaid or a Markdown summary, by
// download or copy. The text is also shown read-only, as a last resort for copying by hand.
import { useMemo, useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import { copyText, downloadText, fileBase, type ExportFile } from '../data/files';
import { toCsv, toMarkdownSummary, toMermaid } from '../data/interop';
import { formatJourney } from '../state/editor-state';

export type ExportFormat = 'json' | 'csv' | 'mermaid' | 'markdown';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'json', label: 'JSON' },
  { value: 'csv', label: 'CSV' },
  { value: 'mermaid', label: 'Mermaid' },
  { value: 'markdown', label: 'Markdown summary' },
];

export function buildExport(format: ExportFormat, journey: Journey): { file: ExportFile; lost: string[] } {
  const base = fileBase(journey.title);
  switch (format) {
    case 'json':
      return { file: { name: `${base}.journey.json`, mime: 'application/json', text: `${formatJourney(journey)}\n` }, lost: [] };
    case 'csv':
      return { file: { name: `${base}.csv`, mime: 'text/csv', text: toCsv(journey) }, lost: [] };
    case 'mermaid': {
      const m = toMermaid(journey);
      return { file: { name: `${base}.mmd`, mime: 'text/plain', text: m.text }, lost: m.lost };
    }
    case 'markdown':
      return { file: { name: `${base}.md`, mime: 'text/markdown', text: toMarkdownSummary(journey) }, lost: [] };
  }
}

export function ExportPanel({ journey, disabledReason }: { journey: Journey; disabledReason?: string | undefined }) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [status, setStatus] = useState('');
  const out = useMemo(() => {
    try {
      return buildExport(format, journey);
    } catch (e) {
      return { file: null, lost: [], error: (e as Error).message };
    }
  }, [format, journey]);
  const file = out.file;
  const blocked = disabledReason ?? (file ? undefined : `This format could not be written: ${'error' in out ? out.error : ''}`);
  return (
    <div class="stack">
      <fieldset class="segmented" aria-describedby={blocked ? 'jm-export-blocked' : undefined}>
        <legend class="field-label">Format</legend>
        {FORMATS.map((f) => (
          <label key={f.value} class={format === f.value ? 'seg selected' : 'seg'}>
            <input
              type="radio"
              name="jm-export-format"
              value={f.value}
              checked={format === f.value}
              onChange={() => {
                setFormat(f.value);
                setStatus('');
              }}
            />
            {f.label}
          </label>
        ))}
      </fieldset>
      {blocked && (
        <p id="jm-export-blocked" class="status-line bad">
          {blocked}
        </p>
      )}
      {out.lost.length > 0 && <p class="muted">Mermaid cannot hold: {out.lost.join(', ')}.</p>}
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          disabled={!!blocked || !file}
          onClick={() => {
            if (!file) return;
            downloadText(file);
            setStatus(`Downloaded ${file.name}.`);
          }}
        >
          Download
        </button>
        <button
          type="button"
          class="secondary"
          disabled={!!blocked || !file}
          onClick={async () => {
            if (!file) return;
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
      {file && !blocked && (
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
