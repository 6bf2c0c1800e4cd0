// The first screen of an empty draft: start blank, start from a template (each with a small
// drawing of its shape: stages, lanes, cards and the emotion curve), or import a file.
import { useMemo } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import { loadTemplate, TEMPLATES } from '../data/examples';
import { journeySize } from '../data/results';
import { newJourney } from '../state/draft-reducer';

const W = 112;
const H = 64;

/** A schematic of the journey: stage bands across, card lanes down, the first curve on top. */
export function JourneyThumb({ journey }: { journey: Journey }) {
  const steps = journey.stages.flatMap((s) => s.steps.map((st) => ({ id: st.id, stage: s.id })));
  const lanes = journey.lanes.filter((l) => !l.hidden && l.type !== 'emotion').slice(0, 5);
  const colW = (W - 8) / Math.max(1, steps.length);
  const rowH = (H - 30) / Math.max(1, lanes.length);
  const curve = journey.curves[0];
  const { min, max } = journey.emotionScale;
  const y = (v: number) => 12 + ((max - v) / (max - min || 1)) * 12;
  const points = curve ? curve.points.map((p) => `${4 + (steps.findIndex((s) => s.id === p.stepId) + 0.5) * colW},${y(p.value)}`).join(' ') : '';
  let x = 4;
  return (
    <svg class="thumb" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      {journey.stages.map((s, i) => {
        const w = s.steps.length * colW;
        const band = <rect key={s.id} class={i % 2 ? 'thumb-stage alt' : 'thumb-stage'} x={x} y={4} width={w - 1} height={5} rx={1} />;
        x += w;
        return band;
      })}
      {lanes.map((l, r) => (
        <rect key={l.id} class="thumb-lane" x={4} y={28 + r * rowH} width={W - 8} height={Math.max(1, rowH - 1.5)} rx={1} />
      ))}
      {points && <polyline class="thumb-curve" points={points} />}
      {lanes.map((l, r) =>
        steps.map((st, c) =>
          journey.cards.some((card) => card.laneId === l.id && card.stepId === st.id) ? (
            <rect key={`${l.id}${st.id}`} class={`thumb-card ${l.type}`} x={4 + c * colW + 0.5} y={28 + r * rowH} width={Math.max(1, colW - 1.5)} height={Math.max(1, rowH - 1.5)} rx={1} />
          ) : null,
        ),
      )}
    </svg>
  );
}

export function StartCard({ onStart, onImportFile, onBack, onError }: {
  onStart(journey: Journey, source: string | null): void;
  onImportFile(): void;
  /** Back to the draft, when there is one to go back to. */
  onBack?: () => void;
  onError(message: string): void;
}) {
  const templates = useMemo(() => TEMPLATES.map((t) => ({ t, r: loadTemplate(t.id) })), []);
  const blank = useMemo(newJourney, []);
  return (
    <section class="start-card" aria-labelledby="jm-start-title">
      <h2 id="jm-start-title">Start a journey map</h2>
      <p class="muted">Begin with an empty map, one of the templates, or a file from a spreadsheet or another tool.</p>
      <div class="start-options">
        <button type="button" class="start-option" onClick={() => onStart(newJourney(), null)}>
          <JourneyThumb journey={blank} />
          <span class="start-name">Start blank</span>
          <span class="start-note">One stage, one persona, three lanes</span>
        </button>
        {templates.map(({ t, r }) => {
          const use = () => (r.ok ? onStart(r.value, `the “${t.name}” template`) : onError(`The “${t.name}” template could not be loaded: ${r.error[0]?.message ?? 'unknown problem'}`));
          return (
            <button key={t.id} type="button" class="start-option" onClick={use}>
              {r.ok && <JourneyThumb journey={r.value} />}
              <span class="start-name">
                <span class="visually-hidden">Use template </span>
                {t.name}
              </span>
              <span class="start-note">{r.ok ? journeySize(r.value) : t.description}</span>
            </button>
          );
        })}
        <button type="button" class="start-option import" onClick={onImportFile}>
          <span class="thumb import-thumb" aria-hidden="true">
            ⇪
          </span>
          <span class="start-name">Import a file</span>
          <span class="start-note">JSON, CSV or Mermaid</span>
        </button>
      </div>
      {onBack && (
        <button type="button" class="link-button" onClick={onBack}>
          Back to my draft
        </button>
      )}
    </section>
  );
}
