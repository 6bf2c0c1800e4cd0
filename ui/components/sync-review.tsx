// "Sync from canvas", step two: what the canvas would change in the draft, conflicts (a field
// changed on both sides) with a per-field choice, and warnings. Nothing changes until Apply.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Resolutions, SyncPreview } from '../state/panel-state';

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s || '(empty)';
}

export function SyncReview({ preview, busy, onApply, onCancel }: { preview: Pick<SyncPreview, 'changes' | 'conflicts' | 'warnings'>; busy: boolean; onApply(r: Resolutions): void; onCancel(): void }) {
  const [choice, setChoice] = useState<Resolutions>(() => Object.fromEntries(preview.conflicts.map((c) => [c.key, 'canvas' as const])));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { changes, conflicts, warnings } = preview;
  return (
    <section class="sync-review" role="region" aria-labelledby="jm-sync-title">
      <h2 id="jm-sync-title" tabIndex={-1} ref={heading}>
        Review changes from the canvas
      </h2>
      <p class="muted">
        {changes.length} {changes.length === 1 ? 'change' : 'changes'}
        {conflicts.length > 0 && `, ${conflicts.length} ${conflicts.length === 1 ? 'conflict' : 'conflicts'}`}
        {warnings.length > 0 && `, ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}. Nothing changes until you apply.
      </p>
      {changes.length > 0 && (
        <>
          <h3>Changes</h3>
          <ul class="change-list">
            {changes.map((c, i) => (
              <li key={`${c.kind}:${c.id}:${c.field ?? ''}:${i}`}>{c.summary}</li>
            ))}
          </ul>
        </>
      )}
      {conflicts.length > 0 && (
        <>
          <h3>Conflicts</h3>
          <p class="muted">Both the canvas and your draft changed these. Choose which to keep.</p>
          <ul class="conflict-list">
            {conflicts.map((c) => (
              <li key={c.key}>
                <fieldset class="conflict">
                  <legend>{c.summary}</legend>
                  {(['canvas', 'draft'] as const).map((side) => (
                    <label key={side} class="conflict-option">
                      <input type="radio" name={`jm-conflict-${c.key}`} value={side} checked={choice[c.key] === side} onChange={() => setChoice({ ...choice, [c.key]: side })} />
                      <span>
                        Keep {side}: <q>{show(side === 'canvas' ? c.canvas : c.draft)}</q>
                      </span>
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul class="warning-list">
            {warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
      <div class="button-row">
        <button type="button" class="primary" disabled={busy} onClick={() => onApply(choice)}>
          Apply changes
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
