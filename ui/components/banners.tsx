// Messages above the content: a selected map waiting to be loaded, canvas edits, undo of a
// replaced draft, errors (with their problems) and confirmations.
import type { Problem } from '../../shared/result';
import type { PanelError } from '../data/errors';
import type { Panel } from '../hooks/use-panel';
import { ProblemList } from './problem-list';

export function TopBanners({ panel }: { panel: Panel }) {
  const { offer, canvasEdits, undo, review, busy, selection } = panel;
  return (
    <>
      {offer && (
        <div class="banner info" role="alert">
          <p>
            “{offer.summary.name}” is selected. Load its journey? This replaces your edited draft.
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
      {canvasEdits && !review && selection && (
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
          <p>Your edited draft was replaced by {undo.label}.</p>
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

export function BottomMessages({ error, notice, autosaveProblem, onProblem, onDismissError, onDismissNotice }: {
  error: PanelError | null;
  notice: string | null;
  autosaveProblem: string | null;
  onProblem(p: Problem): void;
  onDismissError(): void;
  onDismissNotice(): void;
}) {
  return (
    <div class="messages">
      <div role="alert">
        {error && (
          <div class="banner bad">
            <div>
              <p>
                <strong>{error.title}</strong>
              </p>
              {error.detail && <p>{error.detail}</p>}
              {error.problems && <ProblemList problems={error.problems} onSelect={onProblem} label="Problems" max={8} />}
            </div>
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
