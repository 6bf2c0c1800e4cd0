// Emotion values per step, per persona and per curve (as-is, to-be…): a slider for each step,
// and a small chart whose points can be dragged.
import { useState } from 'preact/hooks';
import { CURVE_KINDS, LIMITS, type Curve, type EmotionScale } from '../../shared/model';
import { CURVE_NAMES, type CurveKind } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { EmotionChart } from './emotion-chart';
import { IconButton, SelectField, TextField } from './fields';

function describe(scale: EmotionScale, value: number | undefined): string {
  if (value === undefined) return 'not set';
  const label = scale.labels.find((l) => l.value === value)?.label;
  return label ? `${label} (${value})` : String(value);
}

export function EmotionEditor() {
  const { journey: j, dispatch } = useEditor();
  const [chosen, setChosen] = useState<string>('');
  const persona = j.personas.find((p) => p.id === chosen) ?? j.personas[0];
  if (!persona) return <p class="empty">Add a persona to record how they feel at each step.</p>;
  const curves = j.curves.filter((c) => c.personaId === persona.id);
  const steps = j.stages.flatMap((s) => s.steps.map((st) => ({ id: st.id, name: st.name, stage: s.name })));
  const kinds = new Set(curves.map((c) => c.kind));
  const canAdd = curves.length < LIMITS.curvesPerPersona && j.curves.length < LIMITS.curves;
  return (
    <div class="stack">
      {j.personas.length > 1 && (
        <SelectField
          id="jm-emotion-persona"
          label="Persona"
          value={persona.id}
          options={j.personas.map((p) => ({ value: p.id, label: p.name || p.id }))}
          onChange={setChosen}
        />
      )}
      {curves.length === 0 && <p class="empty">{persona.name} has no emotion curve yet.</p>}
      {curves.map((c) => (
        <CurveEditor key={c.id} curve={c} steps={steps} scale={j.emotionScale} />
      ))}
      <div class="button-row">
        {(['as-is', 'to-be'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            class="secondary"
            disabled={!canAdd}
            onClick={() => dispatch({ type: 'addCurve', personaId: persona.id, kind })}
          >
            Add {kinds.has(kind) ? 'another ' : ''}
            {CURVE_NAMES[kind].toLowerCase()} curve
          </button>
        ))}
      </div>
    </div>
  );
}

function CurveEditor({ curve, steps, scale }: { curve: Curve; steps: { id: string; name: string; stage: string }[]; scale: EmotionScale }) {
  const { dispatch, invalid } = useEditor();
  const set = (stepId: string, value: number | null) => dispatch({ type: 'setEmotion', curveId: curve.id, stepId, value });
  const nameId = fieldId('curve', curve.id, 'name');
  const neutral = Math.max(scale.min, Math.min(scale.max, 0));
  return (
    <fieldset class="item">
      <legend class="item-head">
        <span class="item-title">{curve.name}</span>
        <span class="muted"> · {CURVE_NAMES[curve.kind]}</span>
      </legend>
      <div class="item-tools">
        <IconButton label={`Remove curve ${curve.name}`} icon="✕" danger onClick={() => dispatch({ type: 'removeCurve', id: curve.id })} />
      </div>
      <div class="form-grid">
        <TextField id={nameId} label="Curve name" value={curve.name} invalid={invalid.has(nameId)} onChange={(name) => dispatch({ type: 'updateCurve', id: curve.id, patch: { name } })} />
        <SelectField
          id={fieldId('curve', curve.id, 'kind')}
          label="Kind"
          value={curve.kind}
          options={CURVE_KINDS.map((k) => ({ value: k, label: CURVE_NAMES[k] }))}
          onChange={(v) => dispatch({ type: 'updateCurve', id: curve.id, patch: { kind: v as CurveKind } })}
        />
      </div>
      <EmotionChart curve={curve} steps={steps} scale={scale} onSet={set} />
      <ul class="slider-list">
        {steps.map((st) => {
          const point = curve.points.find((p) => p.stepId === st.id);
          const id = fieldId('curve', curve.id, 'point', st.id);
          return (
            <li key={st.id} class={point ? 'slider-row' : 'slider-row unset'}>
              <label for={id} title={`${st.stage} › ${st.name}`}>
                {st.name}
              </label>
              <input
                id={id}
                type="range"
                min={scale.min}
                max={scale.max}
                step={1}
                value={point?.value ?? neutral}
                aria-valuetext={describe(scale, point?.value)}
                aria-invalid={invalid.has(id) || undefined}
                onInput={(e) => set(st.id, Number(e.currentTarget.value))}
                onPointerUp={(e) => {
                  // A click on an unset slider at its resting value fires no input event.
                  if (!point) set(st.id, Number(e.currentTarget.value));
                }}
              />
              <output for={id}>{point ? point.value : '–'}</output>
              <IconButton label={`Clear ${curve.name} value at ${st.name}`} icon="✕" disabled={!point} onClick={() => set(st.id, null)} />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
