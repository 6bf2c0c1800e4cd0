// Messages above the content: a selected map waiting to be loaded, canvas edits, undo of a
// replaced draft, errors (with their problems) and confirmations.
import type { Problem } from '../../shared/result';
import type { PanelError } from '../data/errors';
import { mapName } from '../data/map-name';
import type { Panel } from '../hooks/use-panel';
import { ProblemList } from './problem-list';

export function TopBanners({ panel }: { panel: Panel }) {
  const { offer, canvasEdits, undo, review, busy, selection } = panel;
  return (
    <>
      {offer && (
        <div class="banner info" role="alert">
          <p>
            “{mapName(offer.summary.name)}” is selected. Load its journey? This replaces your edited draft.
          </p>
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
          <p>
            Canvas has edits{canvasEdits.changes ? ` (${canvasEdits.changes})` : ''} — Sync to bring them into the draft.
          </p>
          <button type="button" class="secondary" disabled={!!busy} onClick={panel.startSync}>
            Sync
          </button>
        </div>
      )}
      {undo && (
        <div class="banner" role="status">
          <p>Draft replaced by {undo.label}. Your edits can be brought back.</p>
          <div class="button-row">
            <button type="button" class="secondary" onClick={panel.undoReplace}>
              Undo
            </button>
            <button type="button" class="link-button" onClick={panel.dismissUndo}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </>
  );
}

export function BottomMessages({ error, notice, autosaveProblem, problemsInView, draftProblems, onProblem, onDismissError, onDismissNotice }: {
  error: PanelError | null;
  notice: string | null;
  autosaveProblem: string | null;
  /** The draft's problems are listed in the open tab, above these messages. */
  problemsInView: boolean;
  /** How many problems the draft has now. */
  draftProblems: number;
  onProblem(p: Problem): void;
  onDismissError(): void;
  onDismissNotice(): void;
}) {
  // An error about the draft's own problems only points to the list when it is in view, and
  // counts the problems as they are now (the user may have fixed some since).
  const pointer = error?.ofDraft && problemsInView && draftProblems > 0;
  return (
    <div class="messages">
      <div role="alert">
        {error && (
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
                {error.problems && <ProblemList key={error.title} problems={error.problems} onSelect={onProblem} label="Problems" />}
              </div>
            )}
            <button type="button" class="icon-button" aria-label="Dismiss error" onClick={onDismissError}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        )}
      </div>
      <div role="status">
        {notice && !error && (
          <div class="banner good">
            <p>{notice}</p>
            <button type="button" class="icon-button" aria-label="Dismiss message" onClick={onDismissNotice}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        )}
        {autosaveProblem && <p class="status-line bad">{autosaveProblem}</p>}
      </div>
    </div>
  );
}
