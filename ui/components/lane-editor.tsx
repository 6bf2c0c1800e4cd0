// Lanes: type, label, persona scope, order and visibility in the drawn map.
import { useState } from 'preact/hooks';
import { LANE_TYPES, LIMITS, type LaneType } from '../../shared/model';
import { LANE_LABELS } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { CheckField, IconButton, SelectField, TextField } from './fields';

export const LANE_TYPE_OPTIONS = LANE_TYPES.map((t) => ({ value: t, label: LANE_LABELS[t] }));

export function LaneEditor() {
  const { journey: j, dispatch, invalid } = useEditor();
  const personaOptions = j.personas.map((p) => ({ value: p.id, label: p.name || p.id }));
  return (
    <div class="stack">
      {j.lanes.length === 0 && <p class="empty">No lanes yet. Lanes are the rows of the map: actions, thoughts, touchpoints, pain points…</p>}
      {j.lanes.map((l, i) => {
        const id = (f: string) => fieldId('lane', l.id, f);
        const cards = j.cards.filter((c) => c.laneId === l.id).length;
        return (
          <fieldset key={l.id} class="item">
            <legend class="item-head">
              <span class="item-title">{l.label || 'Unnamed lane'}</span>
              {cards > 0 && <span class="muted"> · {cards} cards</span>}
            </legend>
            <div class="item-tools">
              <IconButton label={`Move lane ${l.label} up`} icon="↑" disabled={i === 0} onClick={() => dispatch({ type: 'moveLane', id: l.id, by: -1 })} />
              <IconButton label={`Move lane ${l.label} down`} icon="↓" disabled={i === j.lanes.length - 1} onClick={() => dispatch({ type: 'moveLane', id: l.id, by: 1 })} />
              <IconButton label={`Remove lane ${l.label}${cards ? ` and its ${cards} cards` : ''}`} icon="✕" danger onClick={() => dispatch({ type: 'removeLane', id: l.id })} />
            </div>
            <div class="form-grid">
              <TextField id={id('label')} label="Label" value={l.label} invalid={invalid.has(id('label'))} onChange={(label) => dispatch({ type: 'updateLane', id: l.id, patch: { label } })} />
              <SelectField
                id={id('type')}
                label="Type"
                value={l.type}
                options={LANE_TYPE_OPTIONS}
                invalid={invalid.has(id('type'))}
                onChange={(v) => dispatch({ type: 'updateLane', id: l.id, patch: { type: v as LaneType } })}
              />
              <SelectField
                id={id('personaId')}
                label="Persona"
                value={l.personaId ?? ''}
                emptyLabel="All personas"
                options={personaOptions}
                invalid={invalid.has(id('personaId'))}
                onChange={(v) => dispatch({ type: 'updateLane', id: l.id, patch: { personaId: v || undefined } })}
              />
              <CheckField id={id('hidden')} label="Hide in the map (data is kept)" checked={l.hidden ?? false} onChange={(hidden) => dispatch({ type: 'updateLane', id: l.id, patch: { hidden: hidden || undefined } })} />
            </div>
          </fieldset>
        );
      })}
      <AddLane disabled={j.lanes.length >= LIMITS.lanes} onAdd={(laneType) => dispatch({ type: 'addLane', laneType })} />
    </div>
  );
}

function AddLane({ onAdd, disabled }: { onAdd(t: LaneType): void; disabled: boolean }) {
  const [type, setType] = useState<LaneType>('actions');
  return (
    <div class="inline-form">
      <label for="jm-add-lane-type" class="field-label">
        New lane type
      </label>
      <select id="jm-add-lane-type" disabled={disabled} value={type} onChange={(e) => setType(e.currentTarget.value as LaneType)}>
        {LANE_TYPE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="secondary"
        disabled={disabled}
        onClick={() => onAdd(type)}
      >
        Add lane
      </button>
    </div>
  );
}
