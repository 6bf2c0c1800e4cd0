// Cards reordered within a cell take the canvas order. Compared after the moves, additions and
// deletions found so far, among the cards the journey and the canvas both have in the cell.
import { cellKey, parseCellKey } from '../../layout/keys';
import { laneLabel, stepName } from '../model-index';
import { applyOpsSteps, type SyncOp } from '../ops';
import type { Placement } from '../changes';
import { quote } from '../words';
import type { Steps } from '../../steps';
import { emptyOutcome, type Index, type Outcome } from './outcome';

/** The operations that add, remove, move or reorder cards: the only ones that change a cell's cards. */
const PLACEMENT_OPS: ReadonlySet<SyncOp['op']> = new Set(['deleteCard', 'moveCard', 'addCard', 'orderCell']);

/** The canvas order of `canvas` differs from the journey's order of the same cards. */
export function isReordered(canvas: readonly string[], model: readonly string[]): boolean {
  const onCanvas = new Set(canvas);
  const modelOrder = model.filter((id) => onCanvas.has(id));
  return canvas.length > 1 && canvas.some((id, i) => id !== modelOrder[i]);
}

export function* reconcileCellOrder(ix: Index, _snap: unknown, sofar: Readonly<Outcome>): Steps<Partial<Outcome>> {
  const out = emptyOutcome();
  // The cards' cells after the moves, additions and deletions found so far (other operations leave
  // every card in its cell; applying them would copy and index the whole journey for nothing).
  const placing = sofar.ops.filter((o) => PLACEMENT_OPS.has(o.op));
  const moved = placing.length ? yield* applyOpsSteps(ix.model.journey, placing) : ix.model.journey;
  yield;
  const model = cardsByCell(moved.cards);
  for (const [cellId, placed] of groupPlacements(sofar.placements)) {
    const inModel = new Set(model.get(cellId) ?? []);
    const canvas = placed.filter((id) => inModel.has(id));
    if (!isReordered(canvas, model.get(cellId) ?? [])) continue;
    const { laneId, stepId } = parseCellKey(cellId) ?? { laneId: cellId, stepId: '' };
    out.ops.push({ op: 'orderCell', cellId, ids: canvas });
    out.changes.push({ kind: 'reorder', id: cellId, summary: `Cards in ${quote(laneLabel(ix.model, laneId))} at step ${quote(stepName(ix.model, stepId))} were reordered` });
  }
  return out;
}

function cardsByCell(cards: readonly { id: string; laneId: string; stepId: string }[]): Map<string, string[]> {
  const byCell = new Map<string, string[]>();
  for (const c of cards) {
    const cell = cellKey(c.laneId, c.stepId);
    const list = byCell.get(cell);
    if (list) list.push(c.id);
    else byCell.set(cell, [c.id]);
  }
  return byCell;
}

/** Card ids by cell, in canvas order (first placed first among equal positions). */
function groupPlacements(placements: readonly Placement[]): Map<string, string[]> {
  const byCell = new Map<string, Placement[]>();
  for (const p of placements) {
    const list = byCell.get(p.cellId);
    if (list) list.push(p);
    else byCell.set(p.cellId, [p]);
  }
  return new Map([...byCell].map(([cell, list]) => [cell, [...list].sort((a, b) => a.index - b.index).map((p) => p.id)]));
}
