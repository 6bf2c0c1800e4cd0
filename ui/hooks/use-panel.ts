// The panel's state and everything it asks of the sandbox: hello and restore, selection and
// canvas pushes, render / restyle / sync, autosave of the draft and preferences. Components get
// plain values and callbacks from here; the draft itself only changes through editorReducer.
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { MapSummary, Push } from '../../shared/messages';
import { loadJourney, type Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { DEFAULT_STYLE, type StyleOptions } from '../../shared/style/options';
import { hasDeletions } from '../../shared/sync/changes';
import type { Bridge } from '../bridge';
import { describeError, type PanelError } from '../data/errors';
import { mapName } from '../data/map-name';
import type { Resolutions, SyncPreview } from '../components/sync-review';
import { newJourney, type DraftAction } from '../state/draft-reducer';
import { editorReducer, formatJourney, isDirty, stateFromJourney, stateFromText, type EditorState } from '../state/editor-state';

export type Tab = 'journey' | 'data' | 'style';
export const UI_VERSION = '0.1.0';
/** PreferencesSchema caps the saved draft; bigger drafts are not autosaved (and we say so). */
const MAX_SAVED_DRAFT = 4_000_000;

export interface Busy {
  label: string;
  phase?: string;
  done?: number;
  total?: number;
}

export interface PanelOptions {
  autosaveMs?: number;
}

interface Offer {
  summary: MapSummary;
  journey: Journey;
}

export function usePanel(bridge: Bridge, { autosaveMs = 800 }: PanelOptions = {}) {
  const [editor, dispatchEditor] = useReducer(editorReducer, undefined, () => stateFromJourney(newJourney()));
  const [ready, setReady] = useState(false);
  const [editorType, setEditorType] = useState('');
  const [fonts, setFonts] = useState<string[]>(['Inter']);
  const [style, setStyleState] = useState<StyleOptions>(DEFAULT_STYLE);
  const [liveSync, setLiveSync] = useState(false);
  const [selection, setSelection] = useState<MapSummary | null>(null);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [canvasEdits, setCanvasEdits] = useState<{ nodeId: string; changes: number } | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ label: string; state: EditorState } | null>(null);
  const [review, setReview] = useState<(SyncPreview & { draft: Journey | undefined }) | null>(null);
  const [autosaveProblem, setAutosaveProblem] = useState<string | null>(null);

  // Push handlers and async actions read the latest values through refs, not stale closures.
  const editorRef = useRef(editor);
  editorRef.current = editor;
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const live = useRef({ liveSync, busy, style });
  live.current = { liveSync, busy, style };

  /** A new action starts: earlier errors and confirmations no longer describe what is going on. */
  const begin = (b: Busy) => {
    setBusy(b);
    setError(null);
    setNotice(null);
  };

  // An error about the draft's own problems goes away once they are fixed.
  useEffect(() => {
    if (error?.ofDraft && !editor.textBroken && editor.problems.length === 0) setError(null);
  }, [error, editor.problems, editor.textBroken]);

  const setEditor = (state: EditorState) => {
    editorRef.current = state;
    dispatchEditor({ type: 'restore', state });
  };
  const edit = (action: DraftAction) => dispatchEditor({ type: 'edit', action });
  const setText = (text: string) => dispatchEditor({ type: 'setText', text });
  const revertText = () => dispatchEditor({ type: 'revertText' });

  /** Replaces the draft, keeping the old one for Undo. */
  const replaceDraft = (journey: Journey, label: string, asBaseline: boolean) => {
    const before = editorRef.current;
    const next = editorReducer(before, { type: 'load', journey, asBaseline });
    if (isDirty(before)) setUndo({ label, state: before });
    else setUndo(null);
    setEditor(next);
  };

  const loadMap = ({ summary, journey }: Offer) => {
    replaceDraft(journey, `the map “${mapName(summary.name)}”`, true);
    setStyleState(summary.style);
    setOffer(null);
    setNotice(`Loaded “${mapName(summary.name)}” from the canvas.`);
  };

  const handleSelection = (summary: MapSummary | null, current: EditorState = editorRef.current) => {
    setSelection(summary);
    selectionRef.current = summary;
    if (!summary) {
      setOffer(null);
      setCanvasEdits(null);
      return;
    }
    setCanvasEdits(summary.canvasEdited ? { nodeId: summary.nodeId, changes: 0 } : null);
    if (summary.unreadable) {
      setOffer(null);
      setError({ title: `The selected map “${mapName(summary.name)}” can't be read.`, detail: `${summary.unreadable} Your draft is unchanged.` });
      return;
    }
    const loaded = loadJourney(summary.journey);
    if (!loaded.ok) {
      setError({ title: `The selected map “${mapName(summary.name)}” holds data this version cannot read.`, detail: 'Your draft is unchanged.', problems: loaded.error });
      return;
    }
    const journey = loaded.value.journey;
    if (!current.textBroken && formatJourney(journey) === formatJourney(current.journey)) {
      // Same journey (typically the map we just drew): nothing to load, it is saved.
      dispatchEditor({ type: 'markSaved', journey });
      setOffer(null);
      return;
    }
    if (isDirty(current)) setOffer({ summary, journey });
    else loadMap({ summary, journey });
  };

  const startSync = async (auto = false) => {
    const sel = selectionRef.current;
    if (!sel || live.current.busy) return;
    const cur = editorRef.current;
    if (cur.textBroken) {
      setNotice(null);
      setError({ title: 'Fix the JSON before syncing.', detail: 'The draft cannot be read as a journey, so it cannot be compared with the canvas. Your draft is unchanged.', problems: cur.problems, ofDraft: true });
      return;
    }
    const draft = isDirty(cur) ? cur.journey : undefined;
    begin({ label: 'Reading the canvas' });
    try {
      const res = await bridge.request('sync', { nodeId: sel.nodeId, draft, apply: false });
      if (!res.changes.length && !res.conflicts.length && !res.warnings.length) {
        setCanvasEdits(null);
        if (!auto) setNotice('The canvas and the draft already match.');
        return;
      }
      const preview = { nodeId: sel.nodeId, changes: res.changes, conflicts: res.conflicts, warnings: res.warnings, draft };
      // Live sync applies edits by itself, but a deletion is always reviewed first.
      if (auto && !res.conflicts.length && !hasDeletions(res.changes)) await applySync({}, preview, true);
      else setReview(preview);
    } catch (e) {
      setError(describeError(e, 'Could not read the canvas.'));
    } finally {
      setBusy(null);
    }
  };

  /** `auto`: live sync, which never applies a deletion unseen (one made after its check is held back). */
  const applySync = async (resolutions: Resolutions, preview = review, auto = false) => {
    if (!preview) return;
    begin({ label: 'Applying canvas changes' });
    try {
      const res = await bridge.request('sync', { nodeId: preview.nodeId, draft: preview.draft, apply: true, resolutions, ...(auto ? { allowDeletions: false } : {}) });
      if (!res.applied) {
        setReview({ nodeId: preview.nodeId, changes: res.changes, conflicts: res.conflicts, warnings: res.warnings, draft: preview.draft });
        return;
      }
      const loaded = loadJourney(res.journey);
      if (!loaded.ok) {
        setError({ title: 'The canvas sent back a journey with problems.', detail: 'Nothing was loaded. Your draft is unchanged.', problems: loaded.error });
        return;
      }
      replaceDraft(loaded.value.journey, 'the sync from the canvas', true);
      setReview(null);
      setCanvasEdits(null);
      const n = preview.changes.length;
      setNotice(`Synced ${n} ${n === 1 ? 'change' : 'changes'} from the canvas.`);
    } catch (e) {
      setError(describeError(e, 'Could not apply the canvas changes.'));
    } finally {
      setBusy(null);
    }
  };

  const onPush = useRef<(p: Push) => void>(() => {});
  onPush.current = (push) => {
    if (push.type === 'selection') handleSelection(push.payload.selection);
    else if (push.type === 'canvasChanged') {
      const sel = selectionRef.current;
      if (sel && push.payload.nodeId !== sel.nodeId) return;
      setCanvasEdits({ nodeId: push.payload.nodeId, changes: push.payload.changes.length });
      if (live.current.liveSync && sel && !isDirty(editorRef.current)) void startSync(true);
    }
  };

  // Connect: subscribe to pushes, say hello, restore preferences and the saved draft.
  useEffect(() => {
    let alive = true;
    const off = bridge.onPush((p) => onPush.current(p));
    bridge
      .request('hello', { uiVersion: UI_VERSION })
      .then((r) => {
        if (!alive) return;
        setEditorType(r.editorType);
        if (r.fonts.length) setFonts(r.fonts);
        const prefs = r.preferences;
        if (prefs.style) setStyleState(prefs.style);
        if (prefs.liveSync !== undefined) setLiveSync(prefs.liveSync);
        let current = editorRef.current;
        if (prefs.draft) {
          const blank = newJourney();
          // A restored draft counts as edited unless it is the untouched blank journey.
          current = stateFromText(prefs.draft, blank, formatJourney(blank));
          setEditor(current);
        }
        handleSelection(r.selection, current);
        setReady(true);
      })
      .catch((e: unknown) => {
        if (alive) setError(describeError(e, 'Could not connect to Figma.'));
      });
    return () => {
      alive = false;
      off();
    };
  }, [bridge]);

  // Autosave the draft text (debounced) once the saved one has been restored.
  const pendingSave = useRef<string | null>(null);
  const saveDraft = () => {
    const text = pendingSave.current;
    pendingSave.current = null;
    if (text === null) return;
    if (text.length > MAX_SAVED_DRAFT) {
      setAutosaveProblem('This draft is too large to keep between sessions; export it to keep a copy.');
      return;
    }
    setAutosaveProblem(null);
    bridge.request('savePreferences', { draft: text }).catch(() => setAutosaveProblem('The draft could not be saved for next time.'));
  };
  useEffect(() => {
    if (!ready) return;
    pendingSave.current = editor.text;
    const t = setTimeout(saveDraft, autosaveMs);
    return () => clearTimeout(t);
  }, [editor.text, ready]);
  useEffect(() => {
    const flush = () => saveDraft();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  // Style and live sync are saved as they change (debounced: the colour picker fires a lot).
  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => {
      bridge.request('savePreferences', { style, liveSync }).catch(() => {});
    }, autosaveMs);
    return () => clearTimeout(t);
  }, [style, liveSync, ready]);

  const setStyle = (patch: Partial<StyleOptions>) => setStyleState((s) => ({ ...s, ...patch }));

  const generate = async () => {
    if (live.current.busy) return;
    const cur = editorRef.current;
    if (cur.textBroken || cur.problems.length) {
      const n = cur.problems.length;
      setNotice(null);
      setError({ title: `The journey has ${n} ${n === 1 ? 'problem' : 'problems'}. Fix ${n === 1 ? 'it' : 'them'}, then try again.`, problems: cur.problems, ofDraft: true });
      return;
    }
    const sel = selectionRef.current;
    const label = sel ? 'Updating map' : 'Generating map';
    begin({ label });
    try {
      const res = await bridge.request(
        'render',
        { journey: cur.journey, style: live.current.style, ...(sel ? { targetNodeId: sel.nodeId } : {}) },
        { onProgress: (p) => setBusy({ label, ...p }) },
      );
      dispatchEditor({ type: 'markSaved', journey: cur.journey });
      setCanvasEdits(null);
      const counts = `${res.created} created, ${res.updated} updated, ${res.removed} removed`;
      setNotice(`${sel ? 'Map updated' : 'Map generated'} (${counts}).${res.notices.length ? ` ${res.notices.join(' ')}` : ''}`);
    } catch (e) {
      setError(describeError(e, sel ? 'Could not update the map.' : 'Could not generate the map.'));
    } finally {
      setBusy(null);
    }
  };

  const restyle = async () => {
    const sel = selectionRef.current;
    if (!sel || live.current.busy) return;
    begin({ label: 'Restyling map' });
    try {
      const res = await bridge.request('restyle', { nodeId: sel.nodeId, style: live.current.style }, { onProgress: (p) => setBusy({ label: 'Restyling map', ...p }) });
      setNotice(`Map restyled (${res.updated} layers updated).${res.notices.length ? ` ${res.notices.join(' ')}` : ''}`);
    } catch (e) {
      setError(describeError(e, 'Could not restyle the map.'));
    } finally {
      setBusy(null);
    }
  };

  /** Draws an interrupted map again from the journey stored on it, in its own style. */
  const finishDrawing = async () => {
    const sel = selectionRef.current;
    if (!sel || live.current.busy) return;
    begin({ label: 'Finishing the map' });
    try {
      await bridge.request('restyle', { nodeId: sel.nodeId, style: sel.style }, { onProgress: (p) => setBusy({ label: 'Finishing the map', ...p }) });
      const done = { ...sel, interrupted: false };
      setSelection(done);
      selectionRef.current = done;
      setNotice('The map is drawn in full again.');
    } catch (e) {
      setError(describeError(e, 'Could not finish drawing the map.'));
    } finally {
      setBusy(null);
    }
  };

  const resize = (width: number, height: number) => {
    bridge.request('resizeWindow', { width, height }).catch(() => {});
  };

  return {
    ready,
    editorType,
    fonts,
    editor,
    dirty: isDirty(editor),
    edit,
    setText,
    revertText,
    style,
    setStyle,
    liveSync,
    setLiveSync,
    selection,
    offer,
    acceptOffer: () => offer && loadMap(offer),
    declineOffer: () => setOffer(null),
    canvasEdits,
    busy,
    error,
    dismissError: () => setError(null),
    showError: (title: string, problems?: Problem[]) => setError(problems ? { title, problems } : { title }),
    notice,
    dismissNotice: () => setNotice(null),
    undo,
    undoReplace: () => {
      if (!undo) return;
      setEditor(undo.state);
      setUndo(null);
      setNotice('Your earlier draft is back.');
    },
    dismissUndo: () => setUndo(null),
    replaceDraft: (journey: Journey, label: string) => {
      const undoable = isDirty(editorRef.current);
      replaceDraft(journey, label, false);
      setError(null);
      // An edited draft gets the Undo banner, which already says what replaced it.
      setNotice(undoable ? null : `Draft replaced by ${label}.`);
    },
    review,
    startSync: () => startSync(false),
    applySync: (r: Resolutions) => applySync(r),
    cancelSync: () => setReview(null),
    generate,
    restyle,
    finishDrawing,
    resize,
    autosaveProblem,
  };
}

export type Panel = ReturnType<typeof usePanel>;
