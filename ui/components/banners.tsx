// Messages: above the content, a selected map waiting to be loaded, an unfinished drawing, a map
// whose review is overdue (once per map per session) and canvas edits; below it,
// errors (they stay until dismissed or fixed, with their problems) and toasts (they fade; one
// that replaced the draft has Undo).
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import type { PanelError } from '../data/errors';
import { mapName } from '../data/map-name';
import type { MapSummary } from '../../shared/messages';
import type { Offer, PanelState, Toast } from '../state/panel-state';
import type { OverdueNotice } from '../state/overdue';
import { ProblemList } from './problem-list';

export function TopBanners({ offer, canvasEdits, reviewing, busy, selection, overdue, onLoad, onKeep, onFinish, onSync, onShowHealth, onDismissOverdue }: {
  offer: Offer | null;
  /** The selected map's review-by date has passed (said once per map per session). */
  overdue?: OverdueNotice | null;
  onShowHealth?(): void;
  onDismissOverdue?(): void;
  canvasEdits: PanelState['canvasEdits'];
  reviewing: boolean;
  busy: boolean;
  selection: MapSummary | null;
  onLoad(): void;
  onKeep(): void;
  onFinish(): void;
  onSync(): void;
}) {
  return (
    <>
      {offer && (
        <div class="banner info" role="status">
          <p>“{mapName(offer.summary.name)}” is selected. Load its journey? This replaces your edited draft.</p>
          <div class="button-row">
            <button type="button" class="primary" onClick={onLoad}>
              Load map
            </button>
            <button type="button" class="secondary" onClick={onKeep}>
              Keep my draft
            </button>
          </div>
        </div>
      )}
      {selection?.interrupted && (
        <div class="banner warn" role="status">
          <p>The last update of “{mapName(selection.name)}” did not finish, so the map is only partly drawn. Finish it from the journey stored on it.</p>
          <button type="button" class="secondary" disabled={busy} onClick={onFinish}>
            Finish drawing
          </button>
        </div>
      )}
      {overdue && !reviewing && (
        <div class="banner warn" role="status">
          <p>
            <strong>Review overdue.</strong> {overdue.text}
          </p>
          {onShowHealth && (
            <button type="button" class="secondary small" onClick={onShowHealth}>
              Show evidence health
            </button>
          )}
          <button type="button" class="icon-button" aria-label="Dismiss review notice" onClick={onDismissOverdue}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
      {canvasEdits && !reviewing && selection && !selection.interrupted && (
        <div class="banner warn" role="status">
          <p>Canvas has edits{canvasEdits.changes ? ` (${canvasEdits.changes})` : ''} — Sync to bring them into the draft.</p>
          <button type="button" class="secondary" disabled={busy} onClick={onSync}>
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

function ToastBanner({ toast, onUndo, onDismiss, onHold }: { toast: Toast; onUndo(): void; onDismiss(): void; onHold(held: boolean): void }) {
  return (
    <div class="banner good toast" onPointerEnter={() => onHold(true)} onPointerLeave={() => onHold(false)} onFocusIn={() => onHold(true)} onFocusOut={() => onHold(false)}>
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

export function BottomMessages({ error, toast, autosaveProblem, journey, draftProblems, problemsInView, onProblem, onDismissError, onUndo, onDismissToast, onHoldToast }: {
  error: PanelError | null;
  toast: Toast | null;
  autosaveProblem: string | null;
  /** The draft, to name its problems by field and item. */
  journey: Journey;
  /** How many problems the draft has now. */
  draftProblems: number;
  /** The draft's problems are listed in the open tab, above these messages. */
  problemsInView: boolean;
  onProblem(p: Problem): void;
  onDismissError(): void;
  onUndo(): void;
  onDismissToast(): void;
  /** The toast is being read or used (pointer over it, focus in it): it does not fade meanwhile. */
  onHoldToast(held: boolean): void;
}) {
  // An error about the draft's own problems only points to the list when it is in view, and
  // counts the problems as they are now (the user may have fixed some since).
  const pointer = !!error?.ofDraft && problemsInView && draftProblems > 0;
  return (
    <div class="messages">
      <div role="alert">{error && <ErrorBanner error={error} journey={journey} pointer={pointer} draftProblems={draftProblems} onProblem={onProblem} onDismiss={onDismissError} />}</div>
      <div role="status">
        {toast && !error && <ToastBanner toast={toast} onUndo={onUndo} onDismiss={onDismissToast} onHold={onHoldToast} />}
        {autosaveProblem && <p class="status-line bad">{autosaveProblem}</p>}
      </div>
    </div>
  );
}
