// Lanes: label, type, persona scope, order (drag the grip, or ↑ ↓) and visibility in the map.
import { useState } from 'preact/hooks';
import { LIMITS, type Journey, type LaneType } from '../../shared/model';
import { LANE_TYPE_LABELS, OPTIONS } from '../data/labels';
import { fieldId } from '../state/paths';
import { addedId, useEditor } from './editor-context';
import { CheckField, IconButton, OptionalSelectField, SelectField, TextField } from './fields';
import { dragHandle, dropTarget, offsetTo } from './reorder';

export function LaneEditor() {
  const { journey: j, dispatch, add } = useEditor();
  const personaOptions = j.personas.map((p) => ({ value: p.id, label: p.name || p.id }));
  return (
    <div class="stack">
      {j.lanes.length === 0 && <p class="empty">No lanes yet. Lanes are the rows of the map: actions, thoughts, touchpoints, pain points…</p>}
      <ol class="drag-list" aria-label="Lanes, top to bottom">
        {j.lanes.map((l, i) => {
          const id = (f: string) => fieldId('lane', l.id, f);
          // Every control of the lane is named after it ("Type of lane Pain points"): the short
          // visible labels repeat in every lane.
          const name = l.label || `unnamed lane ${i + 1}`;
          const of = `of lane ${name}`;
          const cards = j.cards.filter((c) => c.laneId === l.id).length;
          return (
            <li key={l.id} class="item lane-item drag-item" {...dropTarget('lane', (dragged) => dispatch({ type: 'moveLane', id: dragged, by: offsetTo(j.lanes, dragged, l.id) }))}>
              <span class="drag-handle" title={`Drag to move lane ${name}`} aria-hidden="true" {...dragHandle('lane', l.id)}>
                ⠿
              </span>
              <div class="lane-fields">
                <TextField id={id('label')} label="Label" more={of} value={l.label} onChange={(label) => dispatch({ type: 'updateLane', id: l.id, patch: { label } })} />
                <SelectField id={id('type')} label="Type" more={of} value={l.type} options={OPTIONS.laneType} onChange={(type) => dispatch({ type: 'updateLane', id: l.id, patch: { type } })} />
                <OptionalSelectField id={id('personaId')} label="Persona" more={of} value={l.personaId} emptyLabel="All personas" options={personaOptions} onChange={(personaId) => dispatch({ type: 'updateLane', id: l.id, patch: { personaId } })} />
                <CheckField id={id('hidden')} label="Hide" more={`lane ${name} in the map (its cards are kept)`} checked={l.hidden ?? false} onChange={(hidden) => dispatch({ type: 'updateLane', id: l.id, patch: { hidden: hidden || undefined } })} />
              </div>
              <div class="lane-tools">
                <IconButton label={`Move lane ${name} up`} icon="↑" disabled={i === 0} onClick={() => dispatch({ type: 'moveLane', id: l.id, by: -1 })} />
                <IconButton label={`Move lane ${name} down`} icon="↓" disabled={i === j.lanes.length - 1} onClick={() => dispatch({ type: 'moveLane', id: l.id, by: 1 })} />
                <IconButton label={`Remove lane ${name}${cards ? ` and its ${cards} ${cards === 1 ? 'card' : 'cards'}` : ''}`} icon="✕" danger onClick={() => dispatch({ type: 'removeLane', id: l.id })} />
              </div>
            </li>
          );
        })}
      </ol>
      <AddLane disabled={j.lanes.length >= LIMITS.lanes} onAdd={(laneType) => add({ type: 'addLane', laneType, label: newLaneLabel(j, laneType) }, (after, before) => fieldId('lane', addedId(before.lanes, after.lanes) ?? '', 'label'))} />
    </div>
  );
}

/** "Actions", or "Actions 2" when the journey has an Actions lane already: every lane keeps a name of its own. */
function newLaneLabel(j: Journey, type: LaneType): string {
  const base = LANE_TYPE_LABELS[type];
  const taken = new Set(j.lanes.map((l) => l.label));
  for (let n = 1; ; n++) if (!taken.has(n === 1 ? base : `${base} ${n}`)) return n === 1 ? base : `${base} ${n}`;
}

function AddLane({ onAdd, disabled }: { onAdd(t: LaneType): void; disabled: boolean }) {
  const [type, setType] = useState<LaneType>('actions');
  return (
    <div class="inline-form">
      <SelectField id="jm-add-lane-type" label="New lane type" value={type} options={OPTIONS.laneType} onChange={(v) => setType(v)} />
      <button type="button" class="secondary" disabled={disabled} onClick={() => onAdd(type)}>
        Add lane
      </button>
    </div>
  );
}
