// Where focus goes after an action, so it is never lost: to a problem's control (or its place in
// the JSON), into the first field of an item just added, back to the button after an async
// action, and to the import panel from the start card.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { IMPORT_SECTION_ID } from '../components/data-tab';
import { selectProblemInJson } from '../components/json-view';
import { focusControl } from '../data/focus';
import { draftReducer, type DraftAction } from '../state/draft-reducer';
import type { EditorState } from '../state/editor-state';
import { controlIdsForPath, parsePath } from '../state/paths';
import type { Tab } from './use-panel';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

/**
 * Focus is never lost when what had it goes away (a removed card, step or lane): it moves to
 * the nearest place still there (the cell's "+ Card", the list's next item or its Add button).
 */
function useKeepFocusOnRemove() {
  const last = useRef<Element[]>([]);
  useEffect(() => {
    const remember = (e: FocusEvent) => {
      const chain: Element[] = [];
      for (let el = e.target instanceof Element ? e.target : null; el && el !== document.body; el = el.parentElement) chain.push(el);
      last.current = chain;
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);
  // In the render's own task, as for an add below: a key pressed right after the removal still
  // lands on a control.
  useLayoutEffect(() => {
    const [lost, ...around] = last.current;
    if (!lost || lost.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    for (const el of around) {
      const next = el.isConnected ? el.querySelector<HTMLElement>(FOCUSABLE) : null;
      if (next) {
        next.focus({ preventScroll: true });
        next.scrollIntoView?.({ block: 'nearest' });
        return;
      }
    }
  });
}

interface ProblemFocus {
  problem: Problem;
  target: 'form' | 'json';
}

/** A card's problem about a detail (not its text) is fixed in the card's side sheet. */
function sheetCardOf(j: Journey, path: string): string | null {
  const [head, index, field] = parsePath(path);
  if (head !== 'cards' || typeof index !== 'number' || field === undefined || field === 'text') return null;
  return j.cards[index]?.id ?? null;
}

export function usePanelFocus(editor: EditorState, setTab: (t: Tab) => void, openSheet: (cardId: string | null) => void) {
  const [problemFocus, setProblemFocus] = useState<ProblemFocus | null>(null);
  const pending = useRef<string[] | null>(null);
  const importing = useRef(false);

  useKeepFocusOnRemove();

  // After every render, before the browser handles the next event: a control asked for by an
  // add. A layout effect runs in the same task as the render the click started, so a key pressed
  // right after the click lands in the new field; a plain effect waits for the next paint, and a
  // fast key press could hit the button again.
  useLayoutEffect(() => {
    if (pending.current && focusControl(pending.current, document, { select: true })) pending.current = null;
  });
  // The import panel's file picker, after the Data tab is drawn.
  useEffect(() => {
    if (importing.current) {
      importing.current = false;
      const file = document.querySelector<HTMLInputElement>(`#${IMPORT_SECTION_ID} input[type="file"]`);
      file?.focus();
      file?.click();
    }
  });

  useEffect(() => {
    if (!problemFocus) return;
    if (problemFocus.target === 'form' && !focusControl(controlIdsForPath(editor.journey, problemFocus.problem.path))) {
      setTab('data');
      setProblemFocus({ problem: problemFocus.problem, target: 'json' });
      return;
    }
    if (problemFocus.target === 'json') selectProblemInJson(editor.text, problemFocus.problem);
    setProblemFocus(null);
  }, [problemFocus]);

  return {
    /** Takes the user to a problem: the form control when there is one, else the JSON text. */
    goTo(problem: Problem, prefer: 'form' | 'json') {
      const target = prefer === 'form' && !editor.textBroken && controlIdsForPath(editor.journey, problem.path).length ? 'form' : 'json';
      setTab(target === 'form' ? 'journey' : 'data');
      openSheet(target === 'form' ? sheetCardOf(editor.journey, problem.path) : null);
      setProblemFocus({ problem, target });
    },
    addAndFocus: (edit: (a: DraftAction) => void) => (action: DraftAction, focusOf: (after: Journey, before: Journey) => string | undefined) => {
      const id = focusOf(draftReducer(editor.journey, action), editor.journey);
      pending.current = id ? [id] : null;
      edit(action);
    },
    focusSoon(ids: string[]) {
      pending.current = ids;
    },
    openImport() {
      setTab('data');
      importing.current = true;
    },
    /** Runs an async action started by a button, and gives the focus back to it when the action is over. */
    keepFocus: (fn: () => Promise<unknown>) => async () => {
      const from = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      await fn();
      requestAnimationFrame(() => {
        if (from && (document.activeElement === document.body || document.activeElement === null)) from.focus();
      });
    },
  };
}
