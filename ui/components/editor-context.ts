// What every journey-editor section needs: the draft, a way to change it (and to move focus into
// what an edit added), and which controls have problems (ids from state/paths.ts), shared through
// context instead of threaded props.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import type { DraftAction } from '../state/draft-reducer';

export interface EditorContextValue {
  journey: Journey;
  dispatch(action: DraftAction): void;
  /**
   * Edits, then focuses the control `focusOf` names in the edited journey: "Add step" moves the
   * focus into the new step's name, so typing right after the click never presses the button again.
   */
  add(action: DraftAction, focusOf: (after: Journey, before: Journey) => string | undefined): void;
  /** Problem messages by control id. */
  invalid: ReadonlyMap<string, string>;
  /** The card whose details are open in the side sheet. */
  sheetCard: string | null;
  openSheet(cardId: string | null): void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor() needs an <EditorContext.Provider>');
  return ctx;
}

/** The id of the item in `after` that `before` did not have. */
export function addedId<T extends { id: string }>(before: readonly T[], after: readonly T[]): string | undefined {
  const had = new Set(before.map((x) => x.id));
  return after.find((x) => !had.has(x.id))?.id;
}
