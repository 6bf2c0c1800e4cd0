// The draft as the panel holds it: the journey the form edits, the JSON text the Data tab shows,
// and the problems found in them. Pure, so the rules below are tested without a DOM.
//  - A form edit goes through draftReducer and rewrites the text (stable 2-space envelope).
//  - A text edit keeps the text exactly as typed. When it reads as a journey *shape* (it parses,
//    even if references or limits are wrong) the form follows it; when it does not, the form
//    keeps the last good journey and is read-only until the text is fixed (`textBroken`).
//  - Problem paths are journey-relative (`cards[3].laneId`), whether the text is an envelope or not.
import { JourneySchema, loadJourneyText, migrate, readEnvelope, serializeJourney, validateJourney, type Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { draftReducer, newJourney, type DraftAction } from './draft-reducer';

export interface EditorState {
  journey: Journey;
  text: string;
  textBroken: boolean;
  problems: Problem[];
  /** Canonical text of the journey last loaded from or drawn on the canvas (or a file/template). */
  baseline: string;
}

export type EditorAction =
  | { type: 'edit'; action: DraftAction }
  | { type: 'setText'; text: string }
  /** Replaces the draft; `asBaseline` marks it as unedited (loaded from the canvas). */
  | { type: 'load'; journey: Journey; asBaseline: boolean }
  /** The draft (or the given journey, the one that was sent) has been drawn or synced: it is the new baseline. */
  | { type: 'markSaved'; journey?: Journey }
  /** Puts back a whole earlier state (undo, a restored autosave). */
  | { type: 'restore'; state: EditorState }
  /** Throws away text edits that do not parse and shows the last good journey again. */
  | { type: 'revertText' };

/** The stable JSON form of a draft: the same bytes the plugin stores and exports. */
export const formatJourney = (j: Journey): string => serializeJourney(j);

/** What the panel asks of a draft beyond the model's rules: no card is drawn empty. */
export function draftChecks(j: Journey): Problem[] {
  return j.cards.flatMap((c, i) => (c.text.trim() ? [] : [{ path: `cards[${i}].text`, message: 'is empty; write its text or remove it' }]));
}

export function problemsOf(j: Journey): Problem[] {
  const r = validateJourney(j);
  return onePerPlace([...(r.ok ? [] : r.error), ...draftChecks(j)]);
}

/** The first problem of each place: one typo is one problem ("not a date"), not two ("…nor a real day"). */
export function onePerPlace(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = p.path || `line ${p.line ?? ''}:${p.column ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function stripEnvelopePrefix(p: Problem): Problem {
  return p.path.startsWith('journey.') || p.path.startsWith('journey[') ? { ...p, path: p.path.slice('journey'.length).replace(/^\./, '') } : p;
}

/** Reads text as a journey shape, even one with reference or limit problems. */
function readShape(text: string): Journey | null {
  try {
    const env = readEnvelope(JSON.parse(text));
    if (!env.ok) return null;
    const migrated = migrate(env.value);
    return migrated.ok ? leniently(migrated.value.journey) : null;
  } catch {
    return null;
  }
}

/**
 * The journey with the optional values the schema refuses left out ("reviewBy": "05/11/2026"),
 * so the form can still show everything else and put the problem under its (now empty) field.
 * Null when something required is wrong: then the text is not a journey shape.
 */
function leniently(input: unknown): Journey | null {
  let candidate = input;
  for (let round = 0; round < 20; round++) {
    const parsed = JourneySchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const next = structuredClone(candidate);
    let dropped = false;
    for (const issue of parsed.error.issues) dropped = dropAt(next, issue.path) || dropped;
    if (!dropped) return null;
    candidate = next;
  }
  return null;
}

/** Deletes the property at `path` when it has a value (an optional field the schema refused). */
function dropAt(root: unknown, path: readonly PropertyKey[]): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  let at: unknown = root;
  for (const seg of path.slice(0, -1)) at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[seg] : undefined;
  if (!at || typeof at !== 'object' || Array.isArray(at) || !(key in at)) return false;
  const value = (at as Record<string, unknown>)[key];
  // Required fields (ids, names, the lists) stay: leaving them out would not make a shape.
  if (value === undefined || typeof value === 'object' || REQUIRED.has(key)) return false;
  delete (at as Record<string, unknown>)[key];
  return true;
}

const REQUIRED = new Set(['id', 'title', 'name', 'label', 'text', 'type', 'laneId', 'stepId', 'personaId', 'value', 'kind', 'source', 'confidence', 'min', 'max']);

export function stateFromJourney(journey: Journey, asBaseline = true): EditorState {
  const text = formatJourney(journey);
  return { journey, text, textBroken: false, problems: problemsOf(journey), baseline: asBaseline ? text : '' };
}

/** State for text that came from outside (a saved draft): text kept as is. */
export function stateFromText(text: string, fallback: Journey, baseline = ''): EditorState {
  return editorReducer({ ...stateFromJourney(fallback), baseline }, { type: 'setText', text });
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit': {
      if (state.textBroken) return state;
      const journey = draftReducer(state.journey, action.action);
      if (journey === state.journey) return state;
      return { ...state, journey, text: formatJourney(journey), problems: problemsOf(journey) };
    }
    case 'setText': {
      if (action.text === state.text) return state;
      const loaded = loadJourneyText(action.text);
      if (loaded.ok) return { ...state, text: action.text, journey: loaded.value.journey, textBroken: false, problems: draftChecks(loaded.value.journey) };
      const problems = onePerPlace(loaded.error.map(stripEnvelopePrefix));
      const shape = readShape(action.text);
      if (shape) return { ...state, text: action.text, journey: shape, textBroken: false, problems: [...problems, ...draftChecks(shape)] };
      return { ...state, text: action.text, textBroken: true, problems };
    }
    case 'load': {
      const next = stateFromJourney(action.journey, action.asBaseline);
      return action.asBaseline ? next : { ...next, baseline: state.baseline };
    }
    case 'markSaved':
      return { ...state, baseline: formatJourney(action.journey ?? state.journey) };
    case 'restore':
      return action.state;
    case 'revertText':
      return { ...state, text: formatJourney(state.journey), textBroken: false, problems: problemsOf(state.journey) };
  }
}

/** True when the draft differs from what was last loaded from or drawn on the canvas. */
export function isDirty(state: EditorState): boolean {
  return state.textBroken || formatJourney(state.journey) !== state.baseline;
}

/** The text of the untouched blank journey: a draft with this text opens on the start card. */
export const BLANK_TEXT = formatJourney(newJourney());
