// Import by paste or file: Journey Mapper JSON, CSV or .xlsx (the long format or the wide grid),
// Mermaid `journey`, or a metrics sheet, which is joined into the open journey. Files are read as
// bytes so the importer can tell their encoding. The result replaces the draft (the panel offers
// Undo); every import ends with its report: how the file was read, what was imported, what was
// changed and what was not imported, with rows and lines. Problems keep the draft untouched.
import { useContext, useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { FORMAT_NAMES, importJourney, wideTemplateCsv, type ImportReport } from '../data/interop';
import { downloadFile, readImportBytes } from '../data/files';
import { EditorContext } from './editor-context';
import { ProblemList } from './problem-list';

/** What the last import did, in plain words. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const how = [FORMAT_NAMES[report.format], report.layout === 'wide' ? 'wide grid' : report.layout === 'long' ? 'one row per item' : '', report.encoding ?? ''].filter(Boolean).join(', ');
  return (
    <div class="stack" aria-label="Import report" role="group">
      <p class="muted">Read as: {how}.</p>
      {report.imported.length > 0 && <p class="muted">Imported: {report.imported.join(', ')}.</p>}
      <ProblemList problems={report.changed} label="Changed on import" />
      <ProblemList problems={report.notImported} label="Not imported" />
    </div>
  );
}

export function ImportPanel({ onImport }: { onImport(journey: Journey, source: string): void }) {
  const current = useContext(EditorContext)?.journey;
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [status, setStatus] = useState('');

  const run = (input: Uint8Array | string, source: string, fileName?: string) => {
    const options: { fileName?: string; into?: Journey } = {};
    if (fileName !== undefined) options.fileName = fileName;
    if (current) options.into = current;
    const r = importJourney(input, options);
    setReport(r.report);
    if (r.ok) {
      setProblems([]);
      setStatus(r.report.format === 'metrics' ? `Joined the metrics in ${source} into this journey.` : `Imported ${source}.`);
      onImport(r.value, source);
    } else {
      setProblems(r.error);
      setStatus(`Could not import ${source}; your draft is unchanged.`);
    }
  };

  return (
    <div class="stack">
      <div class="field">
        <label for="jm-import-text" class="field-label">
          Paste JSON, CSV or Mermaid journey text
        </label>
        <textarea id="jm-import-text" class="code" rows={4} value={text} spellcheck={false} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="button-row">
        <button type="button" class="secondary" disabled={!text.trim()} onClick={() => run(text, 'the pasted text')}>
          Import pasted text
        </button>
        <label class="file-button secondary">
          Import file…
          <input
            type="file"
            class="visually-hidden"
            accept=".json,.csv,.tsv,.txt,.xlsx,.mmd,.mermaid,.md"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              try {
                run(await readImportBytes(file), `“${file.name}”`, file.name);
              } catch {
                setProblems([]);
                setReport(null);
                setStatus(`Could not read “${file.name}”.`);
              }
              input.value = '';
            }}
          />
        </label>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            downloadFile({ name: 'journey-wide-template.csv', mime: 'text/csv', text: wideTemplateCsv() });
            setStatus('Downloaded journey-wide-template.csv: fill it in a spreadsheet, then import it.');
          }}
        >
          Wide-grid template
        </button>
      </div>
      {status && (
        <p class="status-line" role="status">
          {status}
        </p>
      )}
      <ProblemList problems={problems} label="Import problems" />
      {report && <ImportReportView report={report} />}
    </div>
  );
}
