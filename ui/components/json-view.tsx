// The draft as JSON text, validated as you type. Each problem names its path and what is wrong;
// choosing it selects that place in the text.
import type { Problem } from '../../shared/result';
import { selectInTextarea } from '../data/focus';
import { locateInJson } from '../data/json-locate';
import { ProblemList } from './problem-list';

export const JSON_TEXT_ID = 'jm-json-text';

export function selectProblemInJson(text: string, p: Problem, doc: Document = document): boolean {
  const el = doc.getElementById(JSON_TEXT_ID);
  if (!(el instanceof HTMLTextAreaElement)) return false;
  const span = locateInJson(text, p.path, p.line, p.column);
  if (!span) return false;
  selectInTextarea(el, span);
  return true;
}

export function JsonView({ text, problems, broken, onChange, onProblem, onRevert }: {
  text: string;
  problems: readonly Problem[];
  broken: boolean;
  onChange(text: string): void;
  onProblem(p: Problem): void;
  onRevert(): void;
}) {
  return (
    <div class="json-view stack">
      <div class="field">
        <label for={JSON_TEXT_ID} class="field-label">
          Journey JSON
        </label>
        <textarea
          id={JSON_TEXT_ID}
          class="code"
          spellcheck={false}
          autoComplete="off"
          rows={14}
          value={text}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby="jm-json-status"
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      </div>
      <p id="jm-json-status" class={problems.length ? 'status-line bad' : 'status-line good'} role="status">
        {problems.length === 0 ? 'Valid journey.' : broken ? 'This text cannot be read as a journey yet.' : 'Readable, but with problems.'}
      </p>
      <ProblemList problems={problems} onSelect={onProblem} label="Problems in the JSON" />
      {broken && (
        <div>
          <button type="button" class="secondary" onClick={onRevert}>
            Use last good version
          </button>
        </div>
      )}
    </div>
  );
}
