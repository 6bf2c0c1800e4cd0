// Metrics (KPIs): a stage's list of them in the stage editor, and a card's one metric in the card's
// side sheet, with the same fields: value and target (numbers), unit, which way is better, the
// day measured and the source. A number field keeps text that is not a number, with a message
// under it, and leaves the draft's value as it was until the text is fixed.
import { LIMITS, type Card, type Stage } from '../../shared/model';
import { OPTIONS } from '../data/labels';
import { METRIC_LABELS } from '../data/problem-words';
import type { MetricPatch } from '../state/draft-reducer';
import { patched } from '../state/patch';
import { cardMetricFieldId, metricFieldId, type MetricField } from '../state/paths';
import { cardName } from './card-editor';
import { useEditor } from './editor-context';
import { DateField, IconButton, NumberField, SelectField, TextField } from './fields';

type Measure = Omit<MetricPatch, 'name'>;
type NumberKey = 'value' | 'target';

/** A name that tells an item from its siblings: its own when unique, else "metric 2 (Conversion)". */
export function distinctName(names: readonly string[], index: number, word: string): string {
  const name = names[index]?.trim() ?? '';
  const shared = names.filter((n) => n.trim() === name).length > 1;
  return name && !shared ? name : `${word} ${index + 1}${name ? ` (${name})` : ''}`;
}

/** The message under a number field whose text is not a number, in the panel's problem words. */
function badNumber(place: string, key: NumberKey, kept: number | undefined, required: boolean) {
  const label = METRIC_LABELS[key]!;
  return (text: string) =>
    text.trim() === '' && required
      ? `${place}: ${label}: a metric on a card needs a value; type one, or remove the metric`
      : `${place}: ${label}: use a number like 4.2; ${kept === undefined ? `the draft has no ${label.toLowerCase()}` : `the draft keeps ${kept}`} until then`;
}

/**
 * The fields of one metric but its name. `of` completes each control's name for screen readers
 * ("of Conversion in Checkout"); `place` names the metric in messages ("Checkout › Conversion").
 */
export function MetricFields({ metric, idOf, of, place, requireValue = false, onChange }: {
  metric: Measure;
  idOf(field: Exclude<MetricField, 'name'>): string;
  of: string;
  place: string;
  requireValue?: boolean;
  onChange(patch: Measure): void;
}) {
  const number = (key: NumberKey, required: boolean) => (
    <NumberField id={idOf(key)} label={METRIC_LABELS[key]!} more={of} value={metric[key]} required={required} badText={badNumber(place, key, metric[key], required)} onChange={(v) => onChange({ [key]: v })} />
  );
  return (
    <div class="form-grid">
      {number('value', requireValue)}
      {number('target', false)}
      <TextField id={idOf('unit')} label={METRIC_LABELS.unit!} more={of} placeholder="%" value={metric.unit ?? ''} onChange={(v) => onChange({ unit: v || undefined })} />
      <SelectField id={idOf('direction')} label={METRIC_LABELS.direction!} more={of} value={metric.direction ?? 'higher-is-better'} options={OPTIONS.direction} onChange={(direction) => onChange({ direction })} />
      <DateField id={idOf('date')} label={METRIC_LABELS.date!} more={of} value={metric.date ?? ''} onChange={(v) => onChange({ date: v || undefined })} />
      <TextField id={idOf('source')} label={METRIC_LABELS.source!} more={of} value={metric.source ?? ''} onChange={(v) => onChange({ source: v || undefined })} />
    </div>
  );
}

/** A stage's metrics: each one's name and fields, Remove, and "+ Add metric". */
export function StageMetrics({ stage: s, where }: { stage: Stage; where: string }) {
  const { dispatch, add } = useEditor();
  const names = s.metrics.map((m) => m.name);
  const addMetric = () =>
    add({ type: 'addMetric', stageId: s.id }, (after, before) => {
      const had = new Set(before.stages.find((x) => x.id === s.id)?.metrics.map((m) => m.id));
      const stage = after.stages.find((x) => x.id === s.id);
      const k = stage?.metrics.findIndex((m) => m.id !== undefined && !had.has(m.id)) ?? -1;
      return stage && k >= 0 ? metricFieldId(stage, k, 'name') : undefined;
    });
  return (
    <div class="metric-block">
      {s.metrics.length > 0 && (
        <ol class="metric-list" aria-label={`Metrics of ${where}`}>
          {s.metrics.map((m, k) => {
            const title = distinctName(names, k, 'metric');
            const ref = m.id ?? k;
            const update = (patch: MetricPatch) => dispatch({ type: 'updateMetric', stageId: s.id, metric: ref, patch });
            return (
              <li key={m.id ?? `#${k}`} class="metric-item">
                <div class="metric-head">
                  <TextField id={metricFieldId(s, k, 'name')} label="Metric" more={`${k + 1} of ${where}`} value={m.name} onChange={(name) => update({ name })} />
                  <IconButton label={`Remove metric ${title} from ${where}`} icon="✕" danger onClick={() => dispatch({ type: 'removeMetric', stageId: s.id, metric: ref })} />
                </div>
                <MetricFields metric={m} idOf={(f) => metricFieldId(s, k, f)} of={`of ${title} in ${where}`} place={`${s.name} › ${m.name || 'unnamed metric'}`} onChange={update} />
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" class="link-button" disabled={s.metrics.length >= LIMITS.metricsPerStage} onClick={addMetric}>
        + Add metric to {s.name || 'this stage'}
      </button>
    </div>
  );
}

/**
 * A card's metric in its side sheet: on a card in a metrics lane, or on any card that has one.
 * The model requires a card metric's value, so a card without one shows only Value until a
 * number is typed.
 */
export function CardMetric({ card, laneType }: { card: Card; laneType: string | undefined }) {
  const { dispatch } = useEditor();
  if (!card.metric && laneType !== 'metrics') return null;
  const name = cardName(card);
  const of = `of the metric of ${name}`;
  const place = `${name.charAt(0).toUpperCase()}${name.slice(1)}, metric`;
  const idOf = (f: Exclude<MetricField, 'name'>) => cardMetricFieldId(card.id, f);
  const set = (metric: Card['metric']) => dispatch({ type: 'updateCard', id: card.id, patch: { metric } });
  const metric = card.metric;
  return (
    <details class="sheet-group" open>
      <summary>Metric</summary>
      {metric ? (
        <div class="stack">
          <MetricFields metric={metric} idOf={idOf} of={of} place={place} requireValue onChange={(patch) => set(patched(metric, patch))} />
          <div>
            <IconButton label={`Remove the metric of ${name}`} icon="✕" danger onClick={() => set(undefined)} />
          </div>
        </div>
      ) : (
        <div class="form-grid">
          <NumberField id={idOf('value')} label={METRIC_LABELS.value!} more={of} hint="Type the measured value; its target and the rest follow" value={undefined} badText={badNumber(place, 'value', undefined, false)} onChange={(value) => value !== undefined && set({ value })} />
        </div>
      )}
    </details>
  );
}
