// Stages and their steps: add, rename, reorder (steps can move across stage edges), remove.
// A stage keeps at least one step and the journey at least one stage, so those removals are
// disabled (the reducer ignores them too).
import { FUNNEL_PHASES, LIMITS } from '../../shared/model';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { IconButton, SelectField, TextField } from './fields';

const PHASE_LABELS: Record<(typeof FUNNEL_PHASES)[number], string> = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  purchase: 'Purchase',
  retention: 'Retention',
  advocacy: 'Advocacy',
  custom: 'Custom',
};

export function StageEditor() {
  const { journey: j, dispatch, invalid } = useEditor();
  const totalSteps = j.stages.reduce((n, s) => n + s.steps.length, 0);
  return (
    <div class="stack">
      {j.stages.map((s, i) => {
        const sid = (f: string) => fieldId('stage', s.id, f);
        const first = i === 0;
        const last = i === j.stages.length - 1;
        return (
          <fieldset key={s.id} class="item">
            <legend class="item-head">
              <span class="item-title">
                Stage {i + 1}: {s.name || 'unnamed'}
              </span>
            </legend>
            <div class="item-tools">
              <IconButton label={`Move stage ${s.name} earlier`} icon="↑" disabled={first} onClick={() => dispatch({ type: 'moveStage', id: s.id, by: -1 })} />
              <IconButton label={`Move stage ${s.name} later`} icon="↓" disabled={last} onClick={() => dispatch({ type: 'moveStage', id: s.id, by: 1 })} />
              <IconButton
                label={`Remove stage ${s.name} and its steps`}
                icon="✕"
                danger
                disabled={j.stages.length <= 1}
                onClick={() => dispatch({ type: 'removeStage', id: s.id })}
              />
            </div>
            <div class="form-grid">
              <TextField id={sid('name')} label="Stage name" value={s.name} invalid={invalid.has(sid('name'))} onChange={(name) => dispatch({ type: 'renameStage', id: s.id, name })} />
              <SelectField
                id={sid('phase')}
                label="Funnel phase"
                value={s.phase ?? ''}
                emptyLabel="None"
                options={FUNNEL_PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
                onChange={(v) => dispatch({ type: 'updateStage', id: s.id, patch: { phase: (v || undefined) as typeof s.phase } })}
              />
              <TextField id={sid('owner')} label="Stage owner" value={s.owner ?? ''} invalid={invalid.has(sid('owner'))} onChange={(v) => dispatch({ type: 'updateStage', id: s.id, patch: { owner: v || undefined } })} />
              <TextField
                id={sid('description')}
                label="Stage description"
                value={s.description ?? ''}
                invalid={invalid.has(sid('description'))}
                onChange={(v) => dispatch({ type: 'updateStage', id: s.id, patch: { description: v || undefined } })}
              />
            </div>
            <ol class="step-list" aria-label={`Steps of ${s.name || `stage ${i + 1}`}`}>
              {s.steps.map((st, k) => {
                const id = fieldId('step', st.id, 'name');
                const firstOverall = first && k === 0;
                const lastOverall = last && k === s.steps.length - 1;
                const alone = s.steps.length <= 1;
                return (
                  <li key={st.id} class="step-row">
                    <span class="step-number" aria-hidden="true">
                      {k + 1}
                    </span>
                    <TextField id={id} label={`Step ${k + 1} of ${s.name || 'stage'}`} hideLabel value={st.name} invalid={invalid.has(id)} onChange={(name) => dispatch({ type: 'renameStep', id: st.id, name })} />
                    <IconButton
                      label={`Move step ${st.name} earlier`}
                      icon="↑"
                      disabled={firstOverall || (k === 0 && alone)}
                      onClick={() => dispatch({ type: 'moveStep', id: st.id, by: -1 })}
                    />
                    <IconButton
                      label={`Move step ${st.name} later`}
                      icon="↓"
                      disabled={lastOverall || (k === s.steps.length - 1 && alone)}
                      onClick={() => dispatch({ type: 'moveStep', id: st.id, by: 1 })}
                    />
                    <IconButton label={`Remove step ${st.name}`} icon="✕" danger disabled={alone} onClick={() => dispatch({ type: 'removeStep', id: st.id })} />
                  </li>
                );
              })}
            </ol>
            <button type="button" class="link-button" disabled={totalSteps >= LIMITS.steps} onClick={() => dispatch({ type: 'addStep', stageId: s.id })}>
              + Add step to {s.name || 'this stage'}
            </button>
          </fieldset>
        );
      })}
      <div>
        <button type="button" class="secondary" disabled={j.stages.length >= LIMITS.stages} onClick={() => dispatch({ type: 'addStage' })}>
          Add stage
        </button>
      </div>
    </div>
  );
}
