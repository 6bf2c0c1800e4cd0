// The draft's views: add, change, reorder and remove them, and keep their options pointing at
// personas, lanes and stages that exist (draftReducer applies withViewRefs after every action).
import type { Journey, View, ViewKind } from '../../shared/model';
import { IdAllocator } from '../../shared/model/ids';
import { VIEW_KIND_LABELS } from '../../shared/model/labels';
import { moveBy } from './list-moves';

export type ViewAction =
  | { type: 'addView'; kind: ViewKind; name?: string }
  | { type: 'updateView'; id: string; patch: ViewPatch }
  | { type: 'moveView'; id: string; by: number }
  | { type: 'removeView'; id: string };

export interface ViewPatch {
  name?: string;
  kind?: ViewKind;
  /** Replaces the persona a persona view shows. */
  personaId?: string;
  top?: number | undefined;
}

function addView(j: Journey, action: Extract<ViewAction, { type: 'addView' }>): Journey {
  const id = IdAllocator.forJourney(j).numbered('view');
  const firstPersona = j.personas[0]?.id;
  const personas = action.kind === 'persona' && firstPersona ? [firstPersona] : [];
  const view: View = { id, kind: action.kind, name: action.name ?? VIEW_KIND_LABELS[action.kind], options: { personas, lanes: [], stages: [] } };
  return { ...j, views: [...(j.views ?? []), view] };
}

function updateView(j: Journey, action: Extract<ViewAction, { type: 'updateView' }>): Journey {
  const { name, kind, personaId, top } = action.patch;
  let hit = false;
  const views = (j.views ?? []).map((v) => {
    if (v.id !== action.id) return v;
    hit = true;
    const options = { ...v.options };
    if (personaId !== undefined) options.personas = [personaId];
    if ('top' in action.patch) {
      if (top === undefined) delete options.top;
      else options.top = top;
    }
    // A view turned into a persona view shows the first persona until one is chosen.
    if (kind === 'persona' && !options.personas.length && j.personas[0]) options.personas = [j.personas[0].id];
    return { ...v, ...(name !== undefined ? { name } : {}), ...(kind !== undefined ? { kind } : {}), options };
  });
  return hit ? { ...j, views } : j;
}

export function reduceView(j: Journey, action: ViewAction): Journey {
  const views = j.views ?? [];
  switch (action.type) {
    case 'addView':
      return addView(j, action);
    case 'updateView':
      return updateView(j, action);
    case 'moveView': {
      const moved = moveBy(views, action.id, action.by);
      return moved === views ? j : { ...j, views: [...moved] };
    }
    case 'removeView':
      return views.some((v) => v.id === action.id) ? { ...j, views: views.filter((v) => v.id !== action.id) } : j;
  }
}

/**
 * Views keep pointing at what exists: removing a persona, lane or stage drops it from the views
 * that named it (a persona view left without its persona is then a problem the panel shows).
 */
export function withViewRefs(j: Journey): Journey {
  if (!j.views?.length) return j;
  const personas = new Set(j.personas.map((p) => p.id));
  const lanes = new Set(j.lanes.map((l) => l.id));
  const stages = new Set(j.stages.map((s) => s.id));
  let changed = false;
  const keep = (ids: readonly string[], known: Set<string>) => (ids.every((id) => known.has(id)) ? ids : ids.filter((id) => known.has(id)));
  const views = j.views.map((v) => {
    const o = v.options;
    const options = { ...o, personas: keep(o.personas, personas), lanes: keep(o.lanes, lanes), stages: keep(o.stages, stages) };
    if (options.personas === o.personas && options.lanes === o.lanes && options.stages === o.stages) return v;
    changed = true;
    return { ...v, options: { ...options, personas: [...options.personas], lanes: [...options.lanes], stages: [...options.stages] } };
  });
  return changed ? { ...j, views } : j;
}
