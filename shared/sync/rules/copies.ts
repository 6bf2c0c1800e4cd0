// Duplicated cards (Cmd+D, or copied and pasted while the original is still on the map) become
// new cards with ids of their own; the plugin rewrites the copy's tags to the new id.
import { parseCellKey } from '../../layout/keys';
import type { Card } from '../../model/types';
import { cardNodeText } from '../canvas-index';
import { drawnCell } from '../model-index';
import type { SnapshotCard } from '../snapshot';
import { quote } from '../words';
import { emptyOutcome, type Index, type Outcome } from './outcome';

export function reconcileCopies(ix: Index): Partial<Outcome> {
  const out = emptyOutcome();
  for (const copy of ix.canvas.duplicates) {
    const source = ix.model.cards.get(copy.id);
    const target = copy.cellId ? drawnCell(ix.model, parseCellKey(copy.cellId)) : null;
    if (!copy.cellId || !target) {
      out.warnings.push({ nodeId: copy.nodeId, message: `A copy of card ${quote(source?.text ?? copy.id)} sits outside the grid; it was left alone.` });
      continue;
    }
    const card = newCard(ix, copy, source, target);
    out.ops.push({ op: 'addCard', card, afterId: copy.id });
    out.adoptions.push({ nodeId: copy.nodeId, fromId: copy.id, toId: card.id });
    out.changes.push({ kind: 'duplicate', id: card.id, summary: `Card ${quote(card.text)} was duplicated as a new card (${card.id})` });
    out.placements.push({ cellId: copy.cellId, id: card.id, index: copy.index });
  }
  return out;
}

/** The new card: a copy of the source card's fields (when known), in the cell and with the text on the canvas. */
function newCard(ix: Index, copy: SnapshotCard, source: Card | undefined, cell: { laneId: string; stepId: string }): Card {
  const text = cardNodeText(ix.canvas, copy.nodeId) ?? source?.text ?? '';
  const id = ix.ids.claim(`${copy.id}-copy`);
  const base: Card = source ? (JSON.parse(JSON.stringify(source)) as Card) : { id, ...cell, text, evidence: [] };
  return { ...base, id, ...cell, text: text.trim() ? text : base.text };
}
