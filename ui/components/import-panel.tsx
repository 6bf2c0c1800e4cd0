// Import by paste or file: Journey Mapper JSON, CSV or a Mermaid `journey` diagram. The result
// replaces the draft (the panel offers Undo); problems are listed and the draft is untouched.
import { useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { importJourneyText } from '../data/interop';
import { readFileText } from '../data/files';
import { ProblemList } from './problem-list';

export function ImportPanel({ onImport }: { onImport(journey: Journey, source: string): void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');

  const run = (input: string, source: string, fileName?: string) => {
    const r = importJourneyText(input, fileName);
    if (r.ok) {
      setProblems([]);
      setStatus(`Imported ${source}.`);
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
            accept=".json,.csv,.tsv,.mmd,.mermaid,.md,.txt,application/json,text/csv,text/tab-separated-values,text/plain"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              try {
                run(await readFileText(file), `“${file.name}”`, file.name);
              } catch {
                setProblems([]);
                setStatus(`Could not read “${file.name}”.`);
              }
              input.value = '';
            }}
          />
        </label>
      </div>
      {status && (
        <p class="status-line" role="status">
          {status}
        </p>
      )}
      <ProblemList problems={problems} label="Import problems" />
    </div>
  );
}
