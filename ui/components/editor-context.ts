// What every journey-editor section needs: the draft, a way to change it, and which controls
// have problems (ids from state/paths.ts), shared through context instead of threaded props.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import type { DraftAction } from '../state/draft-reducer';

export interface EditorContextValue {
  journey: Journey;
  dispatch(action: DraftAction): void;
  invalid: ReadonlySet<string>;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor() needs an <EditorContext.Provider>');
  return ctx;
}
