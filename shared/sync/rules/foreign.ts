// Nodes that are not the plugin's: a plain text or sticky dropped into a cell becomes a new card;
// anything else is listed as a warning and left on the canvas. So are tags naming a card that is
// no longer in the journey.
import { fnv1a } from '../../layout/hash';
import { parseCellKey } from '../../layout/keys';
import type { Card } from '../../model/types';
import { counts } from '../canvas-index';
import { drawnCell, laneLabel, stepName } from '../model-index';
import type { CanvasSnapshot, SnapshotForeign } from '../snapshot';
import { quote, short } from '../words';
import { emptyOutcome, type Index, type Outcome } from './outcome';

export function reconcileForeign(ix: Index, snap: CanvasSnapshot): Partial<Outcome> {
  const out = emptyOutcome();
  for (const f of snap.foreign) {
    const cell = f.cellId ? drawnCell(ix.model, parseCellKey(f.cellId)) : null;
    if (f.cellId && cell && f.text !== undefined && f.text.trim()) addCardFromText(ix, f, f.cellId, cell, out);
    else out.warnings.push({ nodeId: f.nodeId, message: `An untagged ${describe(f)} is on the map but not in the journey; it stays on the canvas and is kept when the map is updated.` });
  }
  return out;
}

function addCardFromText(ix: Index, f: SnapshotForeign, cellId: string, cell: { laneId: string; stepId: string }, out: Outcome): void {
  const text = (f.text ?? '').trim();
  const card: Card = { id: ix.ids.claim(`c-${fnv1a(`${f.nodeId}|${f.text}`)}`), ...cell, text, evidence: [] };
  out.ops.push({ op: 'addCard', card });
  out.consumed.push(f.nodeId);
  out.changes.push({ kind: 'add', id: card.id, summary: `New card ${quote(card.text)} from text added to ${quote(laneLabel(ix.model, cell.laneId))} at step ${quote(stepName(ix.model, cell.stepId))}` });
  out.placements.push({ cellId, id: card.id, index: f.index ?? 0 });
}

const describe = (f: SnapshotForeign) => (f.type === 'TEXT' ? `text "${short(f.text ?? '')}"` : `${f.type.toLowerCase().replace(/_/g, ' ')} "${short(f.name)}"`);

export function reconcileStaleTags(ix: Index, snap: CanvasSnapshot): Partial<Outcome> {
  const out = emptyOutcome();
  for (const t of snap.tagged) {
    if (counts(t, snap) && t.kind === 'card' && !ix.model.cards.has(t.id))
      out.warnings.push({ nodeId: t.nodeId, message: `A card on the map refers to "${t.id}", which is no longer in the journey; it was left alone. Update the map to remove it.` });
  }
  return out;
}
