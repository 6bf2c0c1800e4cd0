// The cards, in one of two views that fit the panel: one stage at a time as a grid (lanes down,
// that stage's steps across; a stage picker above), or lane by lane as a list. The lane column
// stays in view (opaque) when the grid scrolls sideways; details open in a side sheet. Cards
// whose lane or step is missing are listed below, so they can be fixed, not lost.
import { useRemembered } from '../hooks/use-remembered';
import { LIMITS, type Card, type Journey, type Lane, type Stage } from '../../shared/model';
import { fieldId } from '../state/paths';
import { CardEditor } from './card-editor';
import { dropCardOn } from './card-moves';
import { CardSheet } from './card-sheet';
import { useEditor } from './editor-context';
import { dropTarget } from './reorder';

export type CardView = 'stage' | 'lane';

const cardLanes = (j: Journey) => j.lanes.filter((l) => l.type !== 'emotion');
const cellOf = (j: Journey, laneId: string, stepId: string) => j.cards.filter((c) => c.laneId === laneId && c.stepId === stepId);

export function CardGrid() {
  const { journey: j, sheetCard } = useEditor();
  const [view, setView] = useRemembered<CardView>('cards.view', 'stage');
  const [stageId, setStageId] = useRemembered<string | null>('cards.stage', null);
  const stage = j.stages.find((s) => s.id === stageId) ?? j.stages[0];
  const lanes = cardLanes(j);
  const open = j.cards.find((c) => c.id === sheetCard);
  if (lanes.length === 0) return <p class="empty">Add a lane (not an emotion lane) to place cards.</p>;
  return (
    <div class="stack card-view">
      <div class="grid-toolbar">
        <ViewSwitch view={view} onChange={setView} />
        {view === 'stage' && stage && <StagePicker stages={j.stages} current={stage} onChange={setStageId} />}
      </div>
      {view === 'stage' && stage ? <StageGrid stage={stage} lanes={lanes} /> : <LaneList lanes={lanes} />}
      <Unplaced />
      {open && <CardSheet card={open} />}
    </div>
  );
}

function ViewSwitch({ view, onChange }: { view: CardView; onChange(v: CardView): void }) {
  const views: [CardView, string][] = [['stage', 'By stage'], ['lane', 'By lane']];
  return (
    <div class="segmented small" role="group" aria-label="Show cards">
      {views.map(([v, label]) => (
        <button key={v} type="button" class={view === v ? 'seg selected' : 'seg'} aria-pressed={view === v} onClick={() => onChange(v)}>
          {label}
        </button>
      ))}
    </div>
  );
}

function StagePicker({ stages, current, onChange }: { stages: readonly Stage[]; current: Stage; onChange(id: string): void }) {
  const at = stages.indexOf(current);
  const go = (i: number) => stages[i] && onChange(stages[i].id);
  return (
    <div class="stage-picker">
      <button type="button" class="icon-button" aria-label="Previous stage" disabled={at <= 0} onClick={() => go(at - 1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <label class="visually-hidden" for="jm-stage-picker">
        Stage shown
      </label>
      <select id="jm-stage-picker" value={current.id} onChange={(e) => onChange(e.currentTarget.value)}>
        {stages.map((s, i) => (
          <option key={s.id} value={s.id}>
            {`${i + 1}. ${s.name || 'Unnamed stage'} (${s.steps.length} ${s.steps.length === 1 ? 'step' : 'steps'})`}
          </option>
        ))}
      </select>
      <button type="button" class="icon-button" aria-label="Next stage" disabled={at >= stages.length - 1} onClick={() => go(at + 1)}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}

/** The cards of one cell, with drop targets and "+ Card". */
function Cell({ lane, stage, stepId, stepName }: { lane: Lane; stage: Stage; stepId: string; stepName: string }) {
  const { journey: j, dispatch, add } = useEditor();
  const cell = cellOf(j, lane.id, stepId);
  // Two lanes with one label (a file can have them) are told apart by their row.
  const twin = j.lanes.filter((l) => l.label === lane.label).length > 1;
  const where = `${twin ? `${lane.label} (row ${j.lanes.indexOf(lane) + 1})` : lane.label} at ${stage.name} › ${stepName}`;
  const addCard = () => add({ type: 'addCard', laneId: lane.id, stepId }, (after) => fieldId('card', after.cards[after.cards.length - 1]?.id ?? '', 'text'));
  return (
    <div class="cell-body" {...dropTarget('card', (id) => dispatch({ type: 'moveCardTo', id, laneId: lane.id, stepId }))}>
      {cell.map((card, k) => (
        <CardEditor key={card.id} card={card} where={cell.length > 1 ? `${where}, ${k + 1} of ${cell.length}` : where} onDropCard={(id) => dropCardOn(j, id, card, dispatch)} />
      ))}
      <button type="button" class="add-card" disabled={j.cards.length >= LIMITS.cards} aria-label={`Add card to ${where}`} onClick={addCard}>
        + Card
      </button>
    </div>
  );
}

function StageGrid({ stage, lanes }: { stage: Stage; lanes: Lane[] }) {
  return (
    <div class="grid-scroll" tabIndex={0} role="region" aria-label={`Cards of stage ${stage.name}, by lane and step`}>
      <table class="card-grid">
        <thead>
          <tr>
            <td class="corner" />
            {stage.steps.map((st) => (
              <th key={st.id} scope="col" class="step-head" title={st.name}>
                {st.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lanes.map((lane) => (
            <tr key={lane.id}>
              <th scope="row" class="lane-head">
                {lane.label}
              </th>
              {stage.steps.map((st) => (
                <td key={st.id} class="cell">
                  <Cell lane={lane} stage={stage} stepId={st.id} stepName={st.name} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LaneList({ lanes }: { lanes: Lane[] }) {
  const { journey: j } = useEditor();
  return (
    <div class="lane-list">
      {lanes.map((lane) => (
        <section key={lane.id} class="lane-block" aria-label={`Cards in ${lane.label}`}>
          <h3 class="lane-title">
            {lane.label} <span class="badge">{j.cards.filter((c) => c.laneId === lane.id).length}</span>
          </h3>
          {j.stages.flatMap((s) =>
            s.steps.map((st) => (
              <div key={st.id} class="lane-row">
                <span class="lane-row-step">
                  <span class="muted">{s.name} ›</span> {st.name}
                </span>
                <Cell lane={lane} stage={s} stepId={st.id} stepName={st.name} />
              </div>
            )),
          )}
        </section>
      ))}
    </div>
  );
}

function Unplaced() {
  const { journey: j, dispatch } = useEditor();
  const steps = new Set(j.stages.flatMap((s) => s.steps.map((st) => st.id)));
  const laneIds = new Set(cardLanes(j).map((l) => l.id));
  const unplaced = j.cards.filter((c) => !laneIds.has(c.laneId) || !steps.has(c.stepId));
  if (!unplaced.length) return null;
  return (
    <div class="unplaced">
      <h4>Cards outside the grid ({unplaced.length})</h4>
      <p class="muted">Their lane or step does not exist. Pick one under Details, or remove them.</p>
      {unplaced.map((card: Card) => (
        <CardEditor key={card.id} card={card} where="not placed" onDropCard={(id) => dropCardOn(j, id, card, dispatch)} />
      ))}
    </div>
  );
}
