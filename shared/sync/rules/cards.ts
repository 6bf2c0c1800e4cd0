// Cards of the journey as the canvas shows them: deleted, dragged out of the grid, moved to
// another cell, or in place (and where in their cell, for the order).
import { cellKey, parseCellKey } from '../../layout/keys';
import type { Card } from '../../model/types';
import { drawnCell, isCardDrawn, laneLabel, stepName, type ModelIndex } from '../model-index';
import type { SnapshotCard } from '../snapshot';
import { quote } from '../words';
import { emptyOutcome, type Index, type Outcome } from './outcome';

export function reconcileCards(ix: Index): Partial<Outcome> {
  const out = emptyOutcome();
  for (const card of ix.model.journey.cards) {
    if (!isCardDrawn(ix.model, card)) continue;
    const seen = ix.canvas.cards.get(card.id);
    if (seen) readCard(ix.model, card, seen, out);
    else deleteCard(card, out);
  }
  return out;
}

function deleteCard(card: Card, out: Outcome): void {
  out.ops.push({ op: 'deleteCard', id: card.id });
  out.changes.push({ kind: 'delete', id: card.id, summary: `Card ${quote(card.text)} was deleted on the canvas` });
}

function readCard(m: ModelIndex, card: Card, seen: SnapshotCard, out: Outcome): void {
  const current = cellKey(card.laneId, card.stepId);
  if (seen.cellId === null) {
    out.warnings.push({ nodeId: seen.nodeId, message: `Card ${quote(card.text)} was moved out of the grid; it keeps its place in the journey. Drag it into a cell to move it.` });
    return;
  }
  const target = drawnCell(m, parseCellKey(seen.cellId));
  if (target && seen.cellId !== current) {
    out.ops.push({ op: 'moveCard', id: card.id, laneId: target.laneId, stepId: target.stepId });
    out.changes.push({
      kind: 'move',
      id: card.id,
      field: 'cell',
      before: current,
      after: seen.cellId,
      summary: `Card ${quote(card.text)} moved to ${quote(laneLabel(m, target.laneId))} at step ${quote(stepName(m, target.stepId))}`,
    });
  }
  out.placements.push({ cellId: target ? seen.cellId : current, id: card.id, index: seen.index });
}
