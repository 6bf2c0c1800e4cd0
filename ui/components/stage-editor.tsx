// Stages and their steps: add, rename, reorder (drag the grip, or ↑ ↓; steps can move across
// stage edges), remove. Each stage's metrics are edited here too (metric-editor.tsx). A stage keeps at least one step and the journey at least one stage, so
// those removals are disabled (the reducer ignores them too).
import { LIMITS, type Stage } from '../../shared/model';
import { OPTIONS } from '../data/labels';
import { fieldId } from '../state/paths';
import { addedId, useEditor } from './editor-context';
import { IconButton, OptionalSelectField, TextField } from './fields';
import { distinctName, StageMetrics } from './metric-editor';
import { dragHandle, dropTarget, offsetTo } from './reorder';

export function StageEditor() {
  const { journey: j, dispatch, add } = useEditor();
  const addStage = () =>
    add({ type: 'addStage' }, (after, before) => fieldId('stage', addedId(before.stages, after.stages) ?? '', 'name'));
  return (
    <div class="stack">
      <ol class="drag-list" aria-label="Stages, in order">
        {j.stages.map((s, i) => (
          <StageItem key={s.id} stage={s} index={i} />
        ))}
      </ol>
      <div>
        <button type="button" class="secondary" disabled={j.stages.length >= LIMITS.stages} onClick={addStage}>
          Add stage
        </button>
      </div>
    </div>
  );
}

function StageItem({ stage: s, index: i }: { stage: Stage; index: number }) {
  const { journey: j, dispatch, add } = useEditor();
  const sid = (f: string) => fieldId('stage', s.id, f);
  const name = s.name || `stage ${i + 1}`;
  const totalSteps = j.stages.reduce((n, x) => n + x.steps.length, 0);
  const addStep = () => add({ type: 'addStep', stageId: s.id }, (after) => fieldId('step', addedId(s.steps, after.stages.find((x) => x.id === s.id)?.steps ?? []) ?? '', 'name'));
  return (
    <li class="item drag-item" {...dropTarget('stage', (dragged) => dispatch({ type: 'moveStage', id: dragged, by: offsetTo(j.stages, dragged, s.id) }))}>
      <div class="item-head">
        <span class="drag-handle" title={`Drag to move stage ${name}`} aria-hidden="true" {...dragHandle('stage', s.id)}>
          ⠿
        </span>
        <span class="item-title">
          Stage {i + 1}: {s.name || 'unnamed'}
        </span>
      </div>
      <div class="item-tools">
        <IconButton label={`Move stage ${name} earlier`} icon="↑" disabled={i === 0} onClick={() => dispatch({ type: 'moveStage', id: s.id, by: -1 })} />
        <IconButton label={`Move stage ${name} later`} icon="↓" disabled={i === j.stages.length - 1} onClick={() => dispatch({ type: 'moveStage', id: s.id, by: 1 })} />
        <IconButton label={`Remove stage ${name} and its steps`} icon="✕" danger disabled={j.stages.length <= 1} onClick={() => dispatch({ type: 'removeStage', id: s.id })} />
      </div>
      <div class="form-grid">
        <TextField id={sid('name')} label="Stage name" more={`of stage ${i + 1}`} value={s.name} onChange={(v) => dispatch({ type: 'renameStage', id: s.id, name: v })} />
        <OptionalSelectField id={sid('phase')} label="Funnel phase" more={`of stage ${i + 1}`} value={s.phase} options={OPTIONS.phase} onChange={(phase) => dispatch({ type: 'updateStage', id: s.id, patch: { phase } })} />
        <TextField id={sid('owner')} label="Stage owner" more={`of stage ${i + 1}`} value={s.owner ?? ''} onChange={(v) => dispatch({ type: 'updateStage', id: s.id, patch: { owner: v || undefined } })} />
        <div class="span-2">
          <TextField id={sid('description')} label="Stage description" more={`of stage ${i + 1}`} value={s.description ?? ''} onChange={(v) => dispatch({ type: 'updateStage', id: s.id, patch: { description: v || undefined } })} />
        </div>
      </div>
      <StageMetrics stage={s} where={distinctName(j.stages.map((x) => x.name), i, 'stage')} />
      <StepList stage={s} first={i === 0} last={i === j.stages.length - 1} />
      <button type="button" class="link-button" disabled={totalSteps >= LIMITS.steps} onClick={addStep}>
        + Add step to {s.name || 'this stage'}
      </button>
    </li>
  );
}

function StepList({ stage: s, first, last }: { stage: Stage; first: boolean; last: boolean }) {
  const { dispatch } = useEditor();
  const alone = s.steps.length <= 1;
  return (
    <ol class="step-list" aria-label={`Steps of ${s.name || 'this stage'}`}>
      {s.steps.map((st, k) => {
        const id = fieldId('step', st.id, 'name');
        const name = st.name || `step ${k + 1}`;
        return (
          <li key={st.id} class="step-row drag-item" {...dropTarget('step', (dragged) => dispatch({ type: 'moveStepTo', id: dragged, stageId: s.id, index: k }))}>
            <span class="drag-handle" title={`Drag to move step ${name}`} aria-hidden="true" {...dragHandle('step', st.id)}>
              ⠿
            </span>
            <TextField id={id} label={`Step ${k + 1} of ${s.name || 'stage'}`} hideLabel value={st.name} onChange={(v) => dispatch({ type: 'renameStep', id: st.id, name: v })} />
            <IconButton label={`Move step ${name} of ${s.name} earlier`} icon="↑" disabled={(first && k === 0) || (k === 0 && alone)} onClick={() => dispatch({ type: 'moveStep', id: st.id, by: -1 })} />
            <IconButton label={`Move step ${name} of ${s.name} later`} icon="↓" disabled={(last && k === s.steps.length - 1) || (k === s.steps.length - 1 && alone)} onClick={() => dispatch({ type: 'moveStep', id: st.id, by: 1 })} />
            <IconButton label={`Remove step ${name} of ${s.name}`} icon="✕" danger disabled={alone} onClick={() => dispatch({ type: 'removeStep', id: st.id })} />
          </li>
        );
      })}
    </ol>
  );
}
