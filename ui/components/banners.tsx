// Messages: above the content, a selected map waiting to be loaded and canvas edits; below it,
// errors (they stay until dismissed or fixed, with their problems) and toasts (they fade; one
// that replaced the draft has Undo).
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import type { PanelError } from '../data/errors';
import { mapName } from '../data/map-name';
import type { Panel } from '../hooks/use-panel';
import type { Toast } from '../state/panel-state';
import { ProblemList } from './problem-list';

export function TopBanners({ panel }: { panel: Panel }) {
  const { offer, canvasEdits, review, busy, selection } = panel;
  return (
    <>
      {offer && (
        <div class="banner info" role="status">
          <p>“{mapName(offer.summary.name)}” is selected. Load its journey? This replaces your edited draft.</p>
          <div class="button-row">
            <button type="button" class="primary" onClick={panel.acceptOffer}>
              Load map
            </button>
            <button type="button" class="secondary" onClick={panel.declineOffer}>
              Keep my draft
            </button>
          </div>
        </div>
      )}
      {selection?.interrupted && (
        <div class="banner warn" role="status">
          <p>The last update of “{mapName(selection.name)}” did not finish, so the map is only partly drawn. Finish it from the journey stored on it.</p>
          <button type="button" class="secondary" disabled={!!busy} onClick={panel.finishDrawing}>
            Finish drawing
          </button>
        </div>
      )}
      {canvasEdits && !review && selection && !selection.interrupted && (
        <div class="banner warn" role="status">
          <p>Canvas has edits{canvasEdits.changes ? ` (${canvasEdits.changes})` : ''} — Sync to bring them into the draft.</p>
          <button type="button" class="secondary" disabled={!!busy} onClick={panel.startSync}>
            Sync
          </button>
        </div>
      )}
    </>
  );
}

function ErrorBanner({ error, journey, pointer, draftProblems, onProblem, onDismiss }: { error: PanelError; journey: Journey; pointer: boolean; draftProblems: number; onProblem(p: Problem): void; onDismiss(): void }) {
  return (
    <div class={pointer ? 'banner bad one-line' : 'banner bad'}>
      {pointer ? (
        <p>
          <strong>
            The journey has {draftProblems} {draftProblems === 1 ? 'problem' : 'problems'}
          </strong>{' '}
          — see the list above.
        </p>
      ) : (
        <div>
          <p>
            <strong>{error.title}</strong>
          </p>
          {error.detail && <p>{error.detail}</p>}
          {error.problems && <ProblemList key={error.title} problems={error.problems} {...(error.ofDraft ? { journey } : {})} onSelect={onProblem} label="Problems" />}
        </div>
      )}
      <button type="button" class="icon-button" aria-label="Dismiss error" onClick={onDismiss}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

function ToastBanner({ toast, onUndo, onDismiss }: { toast: Toast; onUndo(): void; onDismiss(): void }) {
  return (
    <div class="banner good toast">
      <p>{toast.text}</p>
      {toast.undo && (
        <button type="button" class="secondary small" onClick={onUndo}>
          Undo
        </button>
      )}
      <button type="button" class="icon-button" aria-label="Dismiss message" onClick={onDismiss}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

export function BottomMessages({ panel, problemsInView, onProblem }: {
  panel: Panel;
  /** The draft's problems are listed in the open tab, above these messages. */
  problemsInView: boolean;
  onProblem(p: Problem): void;
}) {
  const { error, toast, autosaveProblem } = panel;
  const draftProblems = panel.editor.problems.length;
  // An error about the draft's own problems only points to the list when it is in view, and
  // counts the problems as they are now (the user may have fixed some since).
  const pointer = !!error?.ofDraft && problemsInView && draftProblems > 0;
  return (
    <div class="messages">
      <div role="alert">{error && <ErrorBanner error={error} journey={panel.editor.journey} pointer={pointer} draftProblems={draftProblems} onProblem={onProblem} onDismiss={panel.dismissError} />}</div>
      <div role="status">
        {toast && !error && <ToastBanner toast={toast} onUndo={panel.undoReplace} onDismiss={panel.dismissToast} />}
        {autosaveProblem && <p class="status-line bad">{autosaveProblem}</p>}
      </div>
    </div>
  );
}
