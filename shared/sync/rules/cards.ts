// Cards of the journey as the canvas shows them: deleted, dragged out of the grid, moved to
// another cell, or in place (and where in their cell, for the order). A card cut and pasted is
// the card itself, moved: the plugin adopts the pasted nodes (their tags then name themselves). Only a deliberate deletion
// deletes: a card whose frame is gone while its cell is still there. A card missing with its row
// or the whole grid is redrawn by the next update (rules/structure.ts says so), and a card frame
// that lost its tag but still shows the card's text is kept.
import { cellKey, parseCellKey } from '../../layout/keys';
import type { Card } from '../../model/types';
import type { CanvasIndex } from '../canvas-index';
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
    if (seen && ix.canvas.roles.get(seen.nodeId) === 'moved') out.adoptions.push({ nodeId: seen.nodeId, fromId: card.id, toId: card.id });
    else missingCard(ix.canvas, card, out);
  }
  return out;
}

/** A card that is not on the canvas was deleted on purpose only when its cell is still there. */
export function isDeliberateDeletion(card: Card, canvas: CanvasIndex): boolean {
  return !canvas.cards.has(card.id) && canvas.cells.has(cellKey(card.laneId, card.stepId)) && !canvas.looseCardTexts.has(card.id);
}

function missingCard(canvas: CanvasIndex, card: Card, out: Outcome): void {
  if (isDeliberateDeletion(card, canvas)) return deleteCard(card, out);
  const text = canvas.looseCardTexts.get(card.id);
  if (text)
    out.warnings.push({ nodeId: text.nodeId, message: `Card ${quote(card.text)} lost its tag on the canvas (its frame is no longer recognised), so it stays in the journey. Update the map to redraw it, then delete the untagged frame.` });
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
