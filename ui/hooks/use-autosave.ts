// Autosave: the draft text (debounced, and flushed when the panel closes) once the saved one has
// been restored, and the style and live sync as they change.
import { useEffect, useRef } from 'preact/hooks';
import { MAX_SAVED_DRAFT } from '../constants';
import type { PanelStores } from './panel-actions';

export function useAutosave({ bridge, editor, panel }: PanelStores, autosaveMs: number) {
  const { ready, style, liveSync } = panel.state;
  const text = editor.state.text;
  const pending = useRef<string | null>(null);
  const problem = (t: string | null) => panel.dispatch({ type: 'autosaveProblem', text: t });

  const saveDraft = () => {
    const draft = pending.current;
    pending.current = null;
    if (draft === null) return;
    if (draft.length > MAX_SAVED_DRAFT) return problem('This draft is too large to keep between sessions; export it to keep a copy.');
    problem(null);
    bridge.request('savePreferences', { draft }).catch(() => problem('The draft could not be saved for next time.'));
  };

  useEffect(() => {
    if (!ready) return;
    pending.current = text;
    const t = setTimeout(saveDraft, autosaveMs);
    return () => clearTimeout(t);
  }, [text, ready]);

  useEffect(() => {
    const flush = () => saveDraft();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  // Style and live sync are saved as they change (debounced: the colour picker fires a lot).
  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => bridge.request('savePreferences', { style, liveSync }).catch(() => {}), autosaveMs);
    return () => clearTimeout(t);
  }, [style, liveSync, ready]);
}
