// Emotions: every persona's curves on one chart (emotion-chart.tsx); pick the curve to edit, then
// drag on the chart or use one centred, bipolar slider per step. An unset step shows a hollow
// thumb and "not set", never a value. New curves are named after their persona ("Tom – as-is").
import { useState } from 'preact/hooks';
import { LIMITS, type Curve, type EmotionScale, type Journey, type Persona } from '../../shared/model';
import { signed } from '../../shared/model/text-codecs';
import { CURVE_KIND_LABELS, OPTIONS } from '../data/labels';
import type { CurveKind } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { useRemembered } from '../hooks/use-remembered';
import { addedId, useEditor } from './editor-context';
import { EmotionChart, type ChartStep } from './emotion-chart';
import { IconButton, SelectField, TextField, useFieldNotes } from './fields';

function describe(scale: EmotionScale, value: number | undefined): string {
  if (value === undefined) return 'not set';
  const label = scale.labels.find((l) => l.value === value)?.label;
  return label ? `${label} (${signed(value)})` : signed(value);
}

export const curveTitle = (j: Journey, c: Curve) => {
  const persona = j.personas.find((p) => p.id === c.personaId)?.name;
  return persona && !c.name.includes(persona) ? `${persona} – ${c.name}` : c.name;
};

export function EmotionEditor() {
  const { journey: j, dispatch } = useEditor();
  const [chosen, setChosen] = useRemembered<string | null>('emotions.curve', null);
  if (!j.personas.length) return <p class="empty">Add a persona to record how they feel at each step.</p>;
  const active = j.curves.find((c) => c.id === chosen) ?? j.curves[0] ?? null;
  const steps: ChartStep[] = j.stages.flatMap((s) => s.steps.map((st) => ({ id: st.id, name: st.name })));
  const personaIndex = (c: Curve) => Math.max(0, j.personas.findIndex((p) => p.id === c.personaId));
  return (
    <div class="stack">
      <EmotionChart curves={j.curves.map((curve) => ({ curve, personaIndex: personaIndex(curve) }))} activeId={active?.id ?? null} steps={steps} scale={j.emotionScale} onSet={(stepId, value) => active && dispatch({ type: 'setEmotion', curveId: active.id, stepId, value })} />
      {j.curves.length > 0 && (
        <fieldset class="curve-picker">
          <legend class="field-label">Curve to edit</legend>
          {j.curves.map((c) => (
            <label key={c.id} class={`curve-choice${c.id === active?.id ? ' selected' : ''}`}>
              <input type="radio" name="jm-curve" checked={c.id === active?.id} onChange={() => setChosen(c.id)} />
              <span class={`swatch persona-${personaIndex(c) % 4}${c.kind === 'to-be' ? ' to-be' : ''}`} aria-hidden="true" />
              {curveTitle(j, c)}
            </label>
          ))}
        </fieldset>
      )}
      {active ? <CurveEditor key={active.id} curve={active} steps={steps} scale={j.emotionScale} /> : <p class="empty">No emotion curve yet.</p>}
      <AddCurve personas={j.personas} onAdded={setChosen} />
    </div>
  );
}

function AddCurve({ personas, onAdded }: { personas: readonly Persona[]; onAdded(id: string): void }) {
  const { journey: j, add } = useEditor();
  const [personaId, setPersonaId] = useState(personas[0]?.id ?? '');
  const persona = personas.find((p) => p.id === personaId) ?? personas[0];
  if (!persona) return null;
  const canAdd = j.curves.filter((c) => c.personaId === persona.id).length < LIMITS.curvesPerPersona && j.curves.length < LIMITS.curves;
  const addCurve = (kind: CurveKind) =>
    add({ type: 'addCurve', personaId: persona.id, kind, name: `${persona.name || 'Persona'} – ${CURVE_KIND_LABELS[kind].toLowerCase()}` }, (after, before) => {
      const id = addedId(before.curves, after.curves);
      if (id) onAdded(id);
      return id && fieldId('curve', id, 'name');
    });
  return (
    <div class="inline-form">
      {personas.length > 1 && <SelectField id="jm-new-curve-persona" label="New curve for" value={persona.id} options={personas.map((p) => ({ value: p.id, label: p.name || p.id }))} onChange={setPersonaId} />}
      {(['as-is', 'to-be'] as const).map((kind) => (
        <button key={kind} type="button" class="secondary" disabled={!canAdd} onClick={() => addCurve(kind)}>
          Add {CURVE_KIND_LABELS[kind].toLowerCase()} curve{personas.length > 1 ? '' : ` for ${persona.name}`}
        </button>
      ))}
    </div>
  );
}

function CurveEditor({ curve, steps, scale }: { curve: Curve; steps: ChartStep[]; scale: EmotionScale }) {
  const { journey: j, dispatch } = useEditor();
  const title = curveTitle(j, curve);
  const nameId = fieldId('curve', curve.id, 'name');
  return (
    <fieldset class="item">
      <legend class="item-head">
        <span class="item-title">{title}</span>
      </legend>
      <div class="item-tools">
        <IconButton label={`Remove curve ${title}`} icon="✕" danger onClick={() => dispatch({ type: 'removeCurve', id: curve.id })} />
      </div>
      <div class="form-grid">
        <TextField id={nameId} label="Curve name" value={curve.name} onChange={(name) => dispatch({ type: 'updateCurve', id: curve.id, patch: { name } })} />
        <SelectField id={fieldId('curve', curve.id, 'kind')} label="Kind" value={curve.kind} options={OPTIONS.curveKind} onChange={(kind) => dispatch({ type: 'updateCurve', id: curve.id, patch: { kind } })} />
      </div>
      <ul class="slider-list">
        {steps.map((st) => (
          <EmotionSlider key={st.id} curve={curve} title={title} step={st} scale={scale} />
        ))}
      </ul>
    </fieldset>
  );
}

function EmotionSlider({ curve, title, step, scale }: { curve: Curve; title: string; step: ChartStep; scale: EmotionScale }) {
  const { dispatch } = useEditor();
  const point = curve.points.find((p) => p.stepId === step.id);
  const id = fieldId('curve', curve.id, 'point', step.id);
  // A problem with this point (a value outside the scale) shows under the slider, tied to it.
  const { aria, notes } = useFieldNotes(id);
  const set = (value: number | null) => dispatch({ type: 'setEmotion', curveId: curve.id, stepId: step.id, value });
  const neutral = Math.max(scale.min, Math.min(scale.max, 0));
  const pct = (v: number) => ((v - scale.min) / (scale.max - scale.min || 1)) * 100;
  const from = Math.min(pct(neutral), pct(point?.value ?? neutral));
  const to = Math.max(pct(neutral), pct(point?.value ?? neutral));
  return (
    <li class={point ? 'slider-row' : 'slider-row unset'}>
      <label for={id} title={step.name}>
        <span class="visually-hidden">{title} at </span>
        {step.name}
      </label>
      <input
        id={id}
        type="range"
        class="bipolar"
        style={{ '--from': `${from}%`, '--to': `${to}%`, '--centre': `${pct(neutral)}%` }}
        min={scale.min}
        max={scale.max}
        step={1}
        value={point?.value ?? neutral}
        aria-valuetext={describe(scale, point?.value)}
        {...aria}
        onInput={(e) => set(Number(e.currentTarget.value))}
        onPointerUp={(e) => {
          // A click on an unset slider at its resting value fires no input event.
          if (!point) set(Number(e.currentTarget.value));
        }}
      />
      <output for={id}>{point ? signed(point.value) : 'not set'}</output>
      <IconButton label={`Clear ${title} at ${step.name}`} icon="✕" disabled={!point} onClick={() => set(null)} />
      {notes}
    </li>
  );
}
