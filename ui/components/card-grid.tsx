// The map as a grid: lanes down, steps across (grouped by stage). Each cell lists its cards in
// order and has an "Add card" button. Emotion lanes are edited in the emotion section. Cards
// whose lane or step is missing are listed below the grid so they can be fixed, not lost.
import { useEffect, useRef } from 'preact/hooks';
import { LIMITS, type Card } from '../../shared/model';
import { stepOrder } from '../state/draft-reducer';
import { CardEditor, moveButtonId, type CardMoves } from './card-editor';
import { useEditor } from './editor-context';

export function CardGrid() {
  const { journey: j, dispatch } = useEditor();
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    const el = document.getElementById(refocus.current) as HTMLButtonElement | null;
    // A card that reached the edge disables its button; keep focus inside the card then.
    (el && !el.disabled ? el : (el?.closest('.card')?.querySelector('textarea') ?? null))?.focus();
    refocus.current = null;
  });

  const order = stepOrder(j);
  const lanes = j.lanes.filter((l) => l.type !== 'emotion');
  const steps = new Set(order);
  const laneIds = new Set(lanes.map((l) => l.id));
  const full = j.cards.length >= LIMITS.cards;
  const stepName = new Map(j.stages.flatMap((s) => s.steps.map((st) => [st.id, st.name] as const)));

  const movesFor = (card: Card, cell: Card[]): CardMoves => {
    const pos = cell.indexOf(card);
    const at = order.indexOf(card.stepId);
    const go = (dir: keyof CardMoves, action: () => void) => () => {
      refocus.current = moveButtonId(card.id, dir);
      action();
    };
    const prev = order[at - 1];
    const next = order[at + 1];
    return {
      up: pos > 0 ? go('up', () => dispatch({ type: 'moveCard', id: card.id, by: -1 })) : undefined,
      down: pos >= 0 && pos < cell.length - 1 ? go('down', () => dispatch({ type: 'moveCard', id: card.id, by: 1 })) : undefined,
      left: prev ? go('left', () => dispatch({ type: 'moveCardTo', id: card.id, laneId: card.laneId, stepId: prev })) : undefined,
      right: next ? go('right', () => dispatch({ type: 'moveCardTo', id: card.id, laneId: card.laneId, stepId: next })) : undefined,
    };
  };

  const unplaced = j.cards.filter((c) => !laneIds.has(c.laneId) || !steps.has(c.stepId));

  if (lanes.length === 0) return <p class="empty">Add a lane (not an emotion lane) to place cards.</p>;
  return (
    <div class="stack">
      <div class="grid-scroll" tabIndex={0} role="region" aria-label="Cards by lane and step (scrolls sideways)">
        <table class="card-grid">
          <thead>
            <tr>
              <td class="corner" />
              {j.stages.map((s) => (
                <th key={s.id} scope="colgroup" colSpan={s.steps.length} class="stage-head">
                  {s.name}
                </th>
              ))}
            </tr>
            <tr>
              <td class="corner" />
              {j.stages.flatMap((s) =>
                s.steps.map((st) => (
                  <th key={st.id} scope="col" class="step-head">
                    {st.name}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {lanes.map((lane) => (
              <tr key={lane.id}>
                <th scope="row" class="lane-head">
                  {lane.label}
                </th>
                {order.map((stepId) => {
                  const cell = j.cards.filter((c) => c.laneId === lane.id && c.stepId === stepId);
                  const where = `${lane.label} at ${stepName.get(stepId) ?? stepId}`;
                  return (
                    <td key={stepId} class="cell">
                      {cell.map((card) => (
                        <CardEditor key={card.id} card={card} context={where} moves={movesFor(card, cell)} />
                      ))}
                      <button
                        type="button"
                        class="add-card"
                        disabled={full}
                        aria-label={`Add card to ${where}`}
                        onClick={() => dispatch({ type: 'addCard', laneId: lane.id, stepId })}
                      >
                        + Card
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unplaced.length > 0 && (
        <div class="unplaced">
          <h4>Cards outside the grid ({unplaced.length})</h4>
          <p class="muted">Their lane or step does not exist. Pick one under Details, or remove them.</p>
          {unplaced.map((card) => (
            <CardEditor key={card.id} card={card} context="not placed" moves={{}} openDetails />
          ))}
        </div>
      )}
    </div>
  );
}
