// Connecting to the sandbox: subscribe to pushes (selection, canvas edits), say hello, and
// restore the saved preferences and draft.
import { useEffect } from 'preact/hooks';
import type { Push } from '../../shared/messages';
import { UI_VERSION } from '../constants';
import { describeError } from '../data/errors';
import { newJourney } from '../state/draft-reducer';
import { formatJourney, isDirty, stateFromText } from '../state/editor-state';
import type { PanelActions, PanelStores } from './panel-actions';

export function useConnection(stores: PanelStores, actions: PanelActions) {
  const { bridge, editor, panel } = stores;
  const onPush = (push: Push) => {
    if (push.type === 'selection') actions.handleSelection(push.payload.selection);
    else if (push.type === 'canvasChanged') {
      const { selection, liveSync } = panel.current();
      if (selection && push.payload.nodeId !== selection.nodeId) return;
      panel.dispatch({ type: 'canvasEdits', edits: { nodeId: push.payload.nodeId, changes: push.payload.changes.length } });
      if (liveSync && selection && !isDirty(editor.current())) void actions.startSync(true);
    }
  };

  useEffect(() => {
    let alive = true;
    const off = bridge.onPush((p) => onPush(p));
    bridge
      .request('hello', { uiVersion: UI_VERSION })
      .then((r) => {
        if (!alive) return;
        const prefs = r.preferences;
        let current = editor.current();
        if (prefs.draft) {
          const blank = newJourney();
          // A restored draft counts as edited unless it is the untouched blank journey.
          current = stateFromText(prefs.draft, blank, formatJourney(blank));
          editor.dispatch({ type: 'restore', state: current });
        }
        actions.handleSelection(r.selection, current);
        panel.dispatch({ type: 'connected', editorType: r.editorType, fonts: r.fonts, ...(prefs.style ? { style: prefs.style } : {}), ...(prefs.liveSync !== undefined ? { liveSync: prefs.liveSync } : {}) });
      })
      .catch((e: unknown) => {
        if (alive) panel.dispatch({ type: 'fail', error: describeError(e, 'Could not connect to Figma.') });
      });
    return () => {
      alive = false;
      off();
    };
  }, [bridge]);
}
