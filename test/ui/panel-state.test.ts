// The panel's reducer: idle, busy with progress, reviewing a sync; and which main action the
// selection and the draft call for.
import { describe, expect, it } from 'vitest';
import { mainActionOf } from '../../ui/hooks/panel-actions';
import { newJourney } from '../../ui/state/draft-reducer';
import { busyOf, initialPanelState, panelReducer, reviewOf, type PanelAction, type PanelState, type SyncPreview } from '../../ui/state/panel-state';
import { DEFAULT_STYLE } from '../../shared/style/options';

const run = (actions: PanelAction[], from: PanelState = initialPanelState) => actions.reduce(panelReducer, from);
const review: SyncPreview = { nodeId: '1:2', changes: [], conflicts: [], warnings: [], draft: undefined };
const summary = { nodeId: '1:2', name: 'Map', journey: {}, style: DEFAULT_STYLE, canvasEdited: false, interrupted: false };

describe('panel state', () => {
  it('begin → progress → done goes busy with progress, then idle; it clears the last error and toast', () => {
    const s1 = run([{ type: 'fail', error: { title: 'Old' } }, { type: 'toast', toast: { text: 'Hi' } }, { type: 'begin', label: 'Drawing map' }]);
    expect(s1.error).toBeNull();
    expect(s1.toast).toBeNull();
    const s2 = panelReducer(s1, { type: 'progress', progress: { phase: 'cards', done: 3, total: 10 } });
    expect(busyOf(s2.activity)).toEqual({ label: 'Drawing map', phase: 'cards', done: 3, total: 10 });
    expect(panelReducer(s2, { type: 'done' }).activity).toEqual({ kind: 'idle' });
  });

  it('applying a review keeps it on screen while busy, and comes back to it when done', () => {
    const s = run([{ type: 'review', review }, { type: 'begin', label: 'Applying' }]);
    expect(reviewOf(s.activity)).toBe(review);
    expect(busyOf(s.activity)?.label).toBe('Applying');
    expect(panelReducer(s, { type: 'done' }).activity).toEqual({ kind: 'reviewing', review });
    expect(run([{ type: 'review', review: null }, { type: 'done' }], s).activity).toEqual({ kind: 'idle' });
  });

  it('progress outside an action changes nothing', () => {
    expect(panelReducer(initialPanelState, { type: 'progress', progress: { done: 1 } })).toBe(initialPanelState);
  });

  it('deselecting forgets the offer and canvas edits', () => {
    const s = run([
      { type: 'select', selection: summary, journeyId: 'j' },
      { type: 'offer', offer: { summary, journey: newJourney() } },
      { type: 'canvasEdits', edits: { nodeId: '1:2', changes: 1 } },
      { type: 'select', selection: null },
    ]);
    expect([s.offer, s.canvasEdits, s.selectedJourneyId]).toEqual([null, null, null]);
  });

  it('the main action: Generate without a selection, Update for the same journey, Draw as new map for another', () => {
    const j = newJourney();
    expect(mainActionOf(initialPanelState, j)).toBe('generate');
    expect(mainActionOf(run([{ type: 'select', selection: summary, journeyId: j.id }]), j)).toBe('update');
    expect(mainActionOf(run([{ type: 'select', selection: summary, journeyId: 'another' }]), j)).toBe('drawNew');
  });
});
