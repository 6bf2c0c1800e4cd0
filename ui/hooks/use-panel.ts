// The panel's state and everything it asks of the sandbox. Two stores: the draft (editorReducer)
// and the panel (panelReducer: idle, busy with progress, reviewing a sync). Sandbox calls are in
// panel-actions.ts; hello and pushes in use-connection.ts; saving in use-autosave.ts.
// Components get plain values and callbacks from here.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import type { StyleOptions } from '../../shared/style/options';
import type { Bridge } from '../bridge';
import { TOAST_MS } from '../constants';
import { newJourney, type DraftAction } from '../state/draft-reducer';
import { editorReducer, isDirty, stateFromJourney } from '../state/editor-state';
import { busyOf, initialPanelState, panelReducer, reviewOf, type Resolutions } from '../state/panel-state';
import { mainActionOf, panelActions } from './panel-actions';
import { useAutosave } from './use-autosave';
import { useConnection } from './use-connection';
import { useStore } from './use-store';

export type Tab = 'journey' | 'data' | 'style';
export type { Busy } from '../state/panel-state';

export interface PanelOptions {
  autosaveMs?: number;
  /** How long confirmations stay (errors stay until dismissed). */
  toastMs?: { plain: number; withUndo: number };
  /** Today as YYYY-MM-DD (tests; default the clock's). */
  today?: () => string;
}

export function usePanel(bridge: Bridge, { autosaveMs = 800, toastMs = TOAST_MS }: PanelOptions = {}) {
  const editor = useStore(editorReducer, () => stateFromJourney(newJourney()));
  const panel = useStore(panelReducer, () => initialPanelState);
  const actions = useMemo(() => panelActions({ bridge, editor, panel }), [bridge]);
  useConnection({ bridge, editor, panel }, actions);
  useAutosave({ bridge, editor, panel }, autosaveMs);
  const p = panel.state;
  const e = editor.state;

  // An error about the draft's own problems goes away once they are fixed.
  useEffect(() => {
    if (p.error?.ofDraft && !e.textBroken && e.problems.length === 0) panel.dispatch({ type: 'dismissError' });
  }, [p.error, e.problems, e.textBroken]);

  // Confirmations fade; errors stay. A toast with Undo stays longer, and none fades while held.
  const [toastHeld, holdToast] = useState(false);
  useEffect(() => holdToast(false), [p.toast]);
  useEffect(() => {
    if (!p.toast || toastHeld) return;
    const t = setTimeout(() => panel.dispatch({ type: 'toast', toast: null }), p.toast.undo ? toastMs.withUndo : toastMs.plain);
    return () => clearTimeout(t);
  }, [p.toast, toastHeld]);

  const review = reviewOf(p.activity);
  return {
    ...p,
    editor: e,
    busy: busyOf(p.activity),
    review,
    dirty: isDirty(e),
    mainAction: mainActionOf(p, e.journey),
    edit: (action: DraftAction) => editor.dispatch({ type: 'edit', action }),
    setText: (text: string) => editor.dispatch({ type: 'setText', text }),
    revertText: () => editor.dispatch({ type: 'revertText' }),
    setStyle: (patch: Partial<StyleOptions>) => panel.dispatch({ type: 'style', patch }),
    setLiveSync: (on: boolean) => panel.dispatch({ type: 'liveSync', on }),
    acceptOffer: () => p.offer && actions.loadMap(p.offer),
    declineOffer: () => panel.dispatch({ type: 'offer', offer: null }),
    dismissError: () => panel.dispatch({ type: 'dismissError' }),
    showError: (title: string, problems?: Problem[]) => panel.dispatch({ type: 'fail', error: problems ? { title, problems } : { title } }),
    dismissToast: () => panel.dispatch({ type: 'toast', toast: null }),
    holdToast,
    undoReplace: () => {
      const undo = panel.current().toast?.undo;
      if (!undo) return;
      editor.dispatch({ type: 'restore', state: undo.state });
      panel.dispatch({ type: 'toast', toast: { text: 'Your earlier draft is back.' } });
    },
    replaceDraft: (journey: Journey, label: string) => {
      actions.replaceDraft(journey, `Draft replaced by ${label}.`, false);
      actions.noteReplaced();
      panel.dispatch({ type: 'dismissError' });
    },
    /** The map now holds `journey` (a review stamp was written on it, or a version restored): the draft takes it as saved. */
    adoptMapJourney: (journey: Journey, text: string) => {
      editor.dispatch({ type: 'load', journey, asBaseline: true });
      panel.dispatch({ type: 'toast', toast: { text } });
    },
    startSync: () => actions.startSync(false),
    applySync: (r: Resolutions) => review && actions.applySync(r, review),
    cancelSync: () => panel.dispatch({ type: 'review', review: null }),
    generate: actions.generate,
    restyle: actions.restyle,
    finishDrawing: actions.finishDrawing,
    resize: (width: number, height: number) => void bridge.request('resizeWindow', { width, height }).catch(() => {}),
  };
}

export type Panel = ReturnType<typeof usePanel>;
