// The panel's state besides the draft, as one pure reducer over explicit states: idle, busy
// (with progress) or reviewing a sync, plus what the panel knows of Figma (the selection, the
// style, live sync) and what it tells the designer (an error that stays, a toast that fades).
import type { Change, Conflict, MapSummary, SyncWarning } from '../../shared/messages';
import type { Journey } from '../../shared/model';
import { DEFAULT_STYLE, type StyleOptions } from '../../shared/style/options';
import type { PanelError } from '../data/errors';
import type { EditorState } from './editor-state';

export interface Progress {
  phase?: string;
  done?: number;
  total?: number;
}

export interface Busy extends Progress {
  label: string;
}

/** What "Sync from canvas" found, before it is applied. */
export interface SyncPreview {
  nodeId: string;
  changes: Change[];
  conflicts: Conflict[];
  warnings: SyncWarning[];
  /** The draft sent with the sync (undefined when it had no edits of its own). */
  draft: Journey | undefined;
}

export type Resolutions = Record<string, 'canvas' | 'draft'>;

export type Activity =
  | { kind: 'idle' }
  | { kind: 'busy'; busy: Busy; review?: SyncPreview }
  | { kind: 'reviewing'; review: SyncPreview };

/** A confirmation; with `undo`, the draft it replaced can be brought back from the toast. */
export interface Toast {
  text: string;
  undo?: { label: string; state: EditorState };
}

export interface Offer {
  summary: MapSummary;
  journey: Journey;
}

export interface PanelState {
  ready: boolean;
  editorType: string;
  fonts: string[];
  style: StyleOptions;
  liveSync: boolean;
  selection: MapSummary | null;
  /** The id of the journey stored on the selected map, when it can be read. */
  selectedJourneyId: string | null;
  offer: Offer | null;
  canvasEdits: { nodeId: string; changes: number } | null;
  activity: Activity;
  error: PanelError | null;
  toast: Toast | null;
  autosaveProblem: string | null;
}

export const initialPanelState: PanelState = {
  ready: false,
  editorType: '',
  fonts: ['Inter'],
  style: DEFAULT_STYLE,
  liveSync: false,
  selection: null,
  selectedJourneyId: null,
  offer: null,
  canvasEdits: null,
  activity: { kind: 'idle' },
  error: null,
  toast: null,
  autosaveProblem: null,
};

export type PanelAction =
  | { type: 'connected'; editorType: string; fonts: string[]; style?: StyleOptions; liveSync?: boolean }
  | { type: 'style'; patch: Partial<StyleOptions> }
  | { type: 'liveSync'; on: boolean }
  | { type: 'select'; selection: MapSummary | null; journeyId?: string | undefined }
  | { type: 'offer'; offer: Offer | null }
  | { type: 'canvasEdits'; edits: PanelState['canvasEdits'] }
  | { type: 'begin'; label: string }
  | { type: 'progress'; progress: Progress }
  | { type: 'review'; review: SyncPreview | null }
  | { type: 'done' }
  | { type: 'fail'; error: PanelError }
  | { type: 'toast'; toast: Toast | null }
  | { type: 'dismissError' }
  | { type: 'autosaveProblem'; text: string | null };

/** The sync review on screen, whether idle on it or applying it. */
export function reviewOf(a: Activity): SyncPreview | null {
  return a.kind === 'reviewing' ? a.review : a.kind === 'busy' ? (a.review ?? null) : null;
}

export function busyOf(a: Activity): Busy | null {
  return a.kind === 'busy' ? a.busy : null;
}

export function panelReducer(s: PanelState, a: PanelAction): PanelState {
  switch (a.type) {
    case 'connected':
      return { ...s, ready: true, editorType: a.editorType, fonts: a.fonts.length ? a.fonts : s.fonts, style: a.style ?? s.style, liveSync: a.liveSync ?? s.liveSync };
    case 'style':
      return { ...s, style: { ...s.style, ...a.patch } };
    case 'liveSync':
      return { ...s, liveSync: a.on };
    case 'select':
      return { ...s, selection: a.selection, selectedJourneyId: a.journeyId ?? null, ...(a.selection ? {} : { offer: null, canvasEdits: null }) };
    case 'offer':
      return { ...s, offer: a.offer };
    case 'canvasEdits':
      return { ...s, canvasEdits: a.edits };
    case 'begin': {
      // A new action: earlier errors and confirmations no longer describe what is going on.
      const review = reviewOf(s.activity);
      return { ...s, activity: { kind: 'busy', busy: { label: a.label }, ...(review ? { review } : {}) }, error: null, toast: null };
    }
    case 'progress':
      return s.activity.kind === 'busy' ? { ...s, activity: { ...s.activity, busy: { label: s.activity.busy.label, ...a.progress } } } : s;
    case 'review':
      return { ...s, activity: a.review ? { kind: 'reviewing', review: a.review } : { kind: 'idle' } };
    case 'done': {
      if (s.activity.kind !== 'busy') return s;
      return { ...s, activity: s.activity.review ? { kind: 'reviewing', review: s.activity.review } : { kind: 'idle' } };
    }
    case 'fail':
      return { ...s, error: a.error, toast: null };
    case 'toast':
      return { ...s, toast: a.toast };
    case 'dismissError':
      return { ...s, error: null };
    case 'autosaveProblem':
      return { ...s, autosaveProblem: a.text };
  }
}
