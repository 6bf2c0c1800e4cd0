// What the panel asks of the sandbox, as plain functions over the two stores (the draft and the
// panel state): draw, restyle, sync, finish an interrupted map, and what a new selection means
// for the draft. Every async action goes through run(): busy with progress, then idle, and an
// error in plain words that never touches the draft.
import type { MapSummary } from '../../shared/messages';
import { loadJourney, type Journey } from '../../shared/model';
import { hasDeletions } from '../../shared/sync/changes';
import type { Bridge } from '../bridge';
import { describeError } from '../data/errors';
import { mapName } from '../data/map-name';
import { changesWord, journeySize } from '../data/results';
import { formatJourney, isDirty, type EditorAction, type EditorState } from '../state/editor-state';
import { busyOf, type Offer, type PanelAction, type PanelState, type Progress, type Resolutions, type SyncPreview } from '../state/panel-state';
import type { Store } from './use-store';

export interface PanelStores {
  bridge: Bridge;
  editor: Store<EditorState, EditorAction>;
  panel: Store<PanelState, PanelAction>;
}

/** What the main button does: draw a first map, update the selected one, or draw another journey beside it. */
export type MainAction = 'generate' | 'update' | 'drawNew';

export function mainActionOf(panel: PanelState, draft: Journey): MainAction {
  if (!panel.selection) return 'generate';
  return panel.selectedJourneyId === null || panel.selectedJourneyId === draft.id ? 'update' : 'drawNew';
}

const withNotices = (text: string, notices: readonly string[]) => (notices.length ? `${text} ${notices.join(' ')}` : text);

export function panelActions({ bridge, editor, panel }: PanelStores) {
  const fail = (e: unknown, title: string) => panel.dispatch({ type: 'fail', error: describeError(e, title) });
  const progress = (p: Progress) => panel.dispatch({ type: 'progress', progress: p });
  /** The draft was replaced by a file, a template or a version since the last draw: the next update saves the map's journey as a version first. */
  let replacedSinceDraw = false;

  /** One async action: nothing else runs meanwhile; it shows progress and says what went wrong. */
  async function run(label: string, errorTitle: string, fn: () => Promise<void>): Promise<void> {
    if (busyOf(panel.current().activity)) return;
    panel.dispatch({ type: 'begin', label });
    try {
      await fn();
    } catch (e) {
      fail(e, errorTitle);
    } finally {
      panel.dispatch({ type: 'done' });
    }
  }

  /** Replaces the draft; the toast says so and offers Undo when there was something to lose. */
  function replaceDraft(journey: Journey, text: string, asBaseline: boolean) {
    const before = editor.current();
    editor.dispatch({ type: 'load', journey, asBaseline });
    const changed = before.textBroken || formatJourney(before.journey) !== formatJourney(journey);
    panel.dispatch({ type: 'toast', toast: changed ? { text, undo: { label: text, state: before } } : { text } });
  }

  function loadMap({ summary, journey }: Offer) {
    replaceDraft(journey, `Loaded “${mapName(summary.name)}” from the canvas.`, true);
    panel.dispatch({ type: 'style', patch: summary.style });
    panel.dispatch({ type: 'offer', offer: null });
  }

  /** A map was selected (or deselected): load it, ask first, or note that it is the draft already. */
  function handleSelection(summary: MapSummary | null, current: EditorState = editor.current()) {
    const loaded = summary && !summary.unreadable ? loadJourney(summary.journey) : null;
    panel.dispatch({ type: 'select', selection: summary, journeyId: loaded?.ok ? loaded.value.journey.id : undefined });
    if (!summary) return;
    panel.dispatch({ type: 'canvasEdits', edits: summary.canvasEdited ? { nodeId: summary.nodeId, changes: 0 } : null });
    panel.dispatch({ type: 'offer', offer: null });
    const name = mapName(summary.name);
    if (summary.unreadable) return panel.dispatch({ type: 'fail', error: { title: `The selected map “${name}” can't be read.`, detail: `${summary.unreadable} Your draft is unchanged.` } });
    if (!loaded?.ok) return panel.dispatch({ type: 'fail', error: { title: `The selected map “${name}” holds data this version cannot read.`, detail: 'Your draft is unchanged.', ...(loaded ? { problems: loaded.error } : {}) } });
    const journey = loaded.value.journey;
    if (!current.textBroken && sameJourney(journey, current.journey)) {
      // The draft is this map already (typically the map just drawn): nothing to ask.
      editor.dispatch({ type: 'markSaved', journey });
      return;
    }
    if (isDirty(current)) panel.dispatch({ type: 'offer', offer: { summary, journey } });
    else loadMap({ summary, journey });
  }

  async function generate() {
    if (busyOf(panel.current().activity)) return;
    const cur = editor.current();
    if (cur.textBroken || cur.problems.length) {
      const n = cur.problems.length;
      panel.dispatch({ type: 'fail', error: { title: `The journey has ${n} ${n === 1 ? 'problem' : 'problems'}. Fix ${n === 1 ? 'it' : 'them'}, then try again.`, problems: cur.problems, ofDraft: true } });
      return;
    }
    const { selection, style } = panel.current();
    const action = mainActionOf(panel.current(), cur.journey);
    const target = action === 'update' && selection ? { targetNodeId: selection.nodeId } : {};
    const label = action === 'update' ? 'Updating map' : 'Drawing map';
    await run(label, action === 'update' ? 'Could not update the map.' : 'Could not generate the map.', async () => {
      const autoVersion = replacedSinceDraw && action === 'update' ? { autoVersion: 'import' as const } : {};
      const res = await bridge.request('render', { journey: cur.journey, style, ...target, ...autoVersion }, { onProgress: progress });
      replacedSinceDraw = false;
      // The map stores the journey with its review stamps settled (a stamp whose content changed
      // is cleared and kept as lastReview): the draft takes it, unless it was edited meanwhile.
      const settled = res.journey === undefined ? null : loadJourney(res.journey);
      if (settled?.ok && editor.current().journey === cur.journey) editor.dispatch({ type: 'load', journey: settled.value.journey, asBaseline: true });
      else editor.dispatch({ type: 'markSaved', journey: settled?.ok ? settled.value.journey : cur.journey });
      panel.dispatch({ type: 'canvasEdits', edits: null });
      const done = action === 'update' ? 'Map updated' : 'Map drawn';
      panel.dispatch({ type: 'toast', toast: { text: withNotices(`${done}: ${journeySize(cur.journey)}.`, res.notices) } });
    });
  }

  async function restyle() {
    const { selection, style } = panel.current();
    if (!selection) return;
    await run('Restyling map', 'Could not restyle the map.', async () => {
      const res = await bridge.request('restyle', { nodeId: selection.nodeId, style }, { onProgress: progress });
      panel.dispatch({ type: 'toast', toast: { text: withNotices('Map restyled.', res.notices) } });
    });
  }

  /** Draws an interrupted map again from the journey stored on it, in its own style. */
  async function finishDrawing() {
    const { selection } = panel.current();
    if (!selection) return;
    await run('Finishing the map', 'Could not finish drawing the map.', async () => {
      await bridge.request('restyle', { nodeId: selection.nodeId, style: selection.style }, { onProgress: progress });
      panel.dispatch({ type: 'select', selection: { ...selection, interrupted: false }, journeyId: panel.current().selectedJourneyId ?? undefined });
      panel.dispatch({ type: 'toast', toast: { text: 'The map is drawn in full again.' } });
    });
  }

  const sync = syncActions({ bridge, editor, panel }, run, replaceDraft);
  const noteReplaced = () => {
    replacedSinceDraw = true;
  };
  return { run, replaceDraft, noteReplaced, loadMap, handleSelection, generate, restyle, finishDrawing, ...sync };
}

/** The same journey once both are read the way the plugin reads them. */
function sameJourney(a: Journey, b: Journey): boolean {
  if (formatJourney(a) === formatJourney(b)) return true;
  const rb = loadJourney(JSON.parse(formatJourney(b)));
  return rb.ok && formatJourney(rb.value.journey) === formatJourney(a);
}

type Run = (label: string, errorTitle: string, fn: () => Promise<void>) => Promise<void>;

function syncActions({ bridge, editor, panel }: PanelStores, run: Run, replaceDraft: (j: Journey, text: string, asBaseline: boolean) => void) {
  async function startSync(auto = false) {
    const sel = panel.current().selection;
    if (!sel || busyOf(panel.current().activity)) return;
    const cur = editor.current();
    if (cur.textBroken) {
      panel.dispatch({ type: 'fail', error: { title: 'Fix the JSON before syncing.', detail: 'The draft cannot be read as a journey, so it cannot be compared with the canvas. Your draft is unchanged.', problems: cur.problems, ofDraft: true } });
      return;
    }
    const draft = isDirty(cur) ? cur.journey : undefined;
    let preview: SyncPreview | null = null;
    await run('Reading the canvas', 'Could not read the canvas.', async () => {
      const res = await bridge.request('sync', { nodeId: sel.nodeId, draft, apply: false });
      if (!res.changes.length && !res.conflicts.length && !res.warnings.length) {
        panel.dispatch({ type: 'canvasEdits', edits: null });
        if (!auto) panel.dispatch({ type: 'toast', toast: { text: 'The canvas and the draft already match.' } });
        return;
      }
      preview = { nodeId: sel.nodeId, changes: res.changes, conflicts: res.conflicts, warnings: res.warnings, draft };
    });
    if (!preview) return;
    // Live sync applies edits by itself, but a deletion is always reviewed first.
    const p: SyncPreview = preview;
    if (auto && !p.conflicts.length && !hasDeletions(p.changes)) await applySync({}, p, true);
    else panel.dispatch({ type: 'review', review: p });
  }

  /** `auto`: live sync, which never applies a deletion unseen (one made after its check is held back). */
  async function applySync(resolutions: Resolutions, preview: SyncPreview, auto = false) {
    await run('Applying canvas changes', 'Could not apply the canvas changes.', async () => {
      const res = await bridge.request('sync', { nodeId: preview.nodeId, draft: preview.draft, apply: true, resolutions, ...(auto ? { allowDeletions: false } : {}) });
      if (!res.applied) {
        panel.dispatch({ type: 'done' });
        panel.dispatch({ type: 'review', review: { nodeId: preview.nodeId, changes: res.changes, conflicts: res.conflicts, warnings: res.warnings, draft: preview.draft } });
        return;
      }
      const loaded = loadJourney(res.journey);
      if (!loaded.ok) {
        panel.dispatch({ type: 'fail', error: { title: 'The canvas sent back a journey with problems.', detail: 'Nothing was loaded. Your draft is unchanged.', problems: loaded.error } });
        return;
      }
      panel.dispatch({ type: 'done' });
      panel.dispatch({ type: 'review', review: null });
      replaceDraft(loaded.value.journey, `Synced ${changesWord(preview.changes.length)} from the canvas.`, true);
      panel.dispatch({ type: 'canvasEdits', edits: null });
    });
  }

  return { startSync, applySync };
}

export type PanelActions = ReturnType<typeof panelActions>;
