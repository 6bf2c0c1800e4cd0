// The map's structure is not the journey: a lane row, a cell or the whole grid deleted on the
// canvas deletes nothing. The journey keeps the cards and emotion points in it, and the next
// update draws it again; a warning says so.
import { cellKey } from '../../layout/keys';
import type { CanvasIndex } from '../canvas-index';
import { stepName, type ModelIndex } from '../model-index';
import { quote } from '../words';
import { emptyOutcome, type Index, type Outcome } from './outcome';

/** No step header and no lane row is on the canvas: the grid frame itself was deleted. */
export function isGridMissing(m: ModelIndex, canvas: CanvasIndex): boolean {
  return canvas.steps.size === 0 && !m.visibleLanes.some((l) => canvas.lanes.has(l.id));
}

export function reconcileStructure(ix: Index): Partial<Outcome> {
  const out = emptyOutcome();
  const { model: m, canvas } = ix;
  if (isGridMissing(m, canvas)) {
    out.warnings.push({ message: 'The grid was deleted on the canvas; update the map to redraw it. The journey keeps its cards and emotion points.' });
    return out;
  }
  for (const lane of m.visibleLanes) {
    if (canvas.lanes.has(lane.id)) continue;
    out.warnings.push({ message: `Lane ${quote(lane.label)}: the row was deleted on the canvas; update the map to redraw it. The journey keeps what was in it.` });
  }
  for (const lane of m.cardLanes.values()) {
    if (!canvas.lanes.has(lane.id)) continue;
    for (const stepId of m.stepNames.keys()) {
      if (!canvas.cells.has(cellKey(lane.id, stepId)))
        out.warnings.push({ message: `Lane ${quote(lane.label)} at step ${quote(stepName(m, stepId))}: the cell was deleted on the canvas; update the map to redraw it. The journey keeps its cards.` });
    }
  }
  return out;
}
