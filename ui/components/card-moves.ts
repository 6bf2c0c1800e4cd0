// The keyboard way to move a card: up and down within its cell, to the previous or next step.
import type { Card, Journey } from '../../shared/model';
import { stepOrder, type DraftAction } from '../state/draft-reducer';

export interface CardMove {
  label: string;
  short: string;
  icon: string;
  run?: () => void;
}

export function cardMoves(j: Journey, card: Card, dispatch: (a: DraftAction) => void): CardMove[] {
  const cell = j.cards.filter((c) => c.laneId === card.laneId && c.stepId === card.stepId);
  const pos = cell.findIndex((c) => c.id === card.id);
  const order = stepOrder(j);
  const at = order.indexOf(card.stepId);
  const prev = at > 0 ? order[at - 1] : undefined;
  const next = at >= 0 ? order[at + 1] : undefined;
  const to = (stepId: string | undefined) => (stepId ? () => dispatch({ type: 'moveCardTo', id: card.id, laneId: card.laneId, stepId }) : undefined);
  return [
    { label: 'up', short: 'Up', icon: '↑', ...(pos > 0 ? { run: () => dispatch({ type: 'moveCard', id: card.id, by: -1 }) } : {}) },
    { label: 'down', short: 'Down', icon: '↓', ...(pos >= 0 && pos < cell.length - 1 ? { run: () => dispatch({ type: 'moveCard', id: card.id, by: 1 }) } : {}) },
    { label: 'to the previous step', short: 'Previous step', icon: '←', ...(prev ? { run: to(prev) } : {}) },
    { label: 'to the next step', short: 'Next step', icon: '→', ...(next ? { run: to(next) } : {}) },
  ];
}

/** Moves `draggedId` to where `target` is: into its cell, at its position. */
export function dropCardOn(j: Journey, draggedId: string, target: Card, dispatch: (a: DraftAction) => void) {
  if (draggedId === target.id) return;
  const cell = j.cards.filter((c) => c.laneId === target.laneId && c.stepId === target.stepId);
  const targetPos = cell.findIndex((c) => c.id === target.id);
  const dragged = j.cards.find((c) => c.id === draggedId);
  if (!dragged) return;
  const sameCell = dragged.laneId === target.laneId && dragged.stepId === target.stepId;
  if (sameCell) return dispatch({ type: 'moveCard', id: draggedId, by: targetPos - cell.findIndex((c) => c.id === draggedId) });
  dispatch({ type: 'moveCardTo', id: draggedId, laneId: target.laneId, stepId: target.stepId });
  // Now last in the target cell (after the cell's `cell.length` cards); move it up to the target's place.
  dispatch({ type: 'moveCard', id: draggedId, by: targetPos - cell.length });
}
