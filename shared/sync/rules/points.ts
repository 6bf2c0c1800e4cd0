// Emotion markers dragged up or down set the curve's value at that step, snapped to the scale.
// A missing marker deletes nothing (points cannot be deleted on the canvas): the next update
// redraws it, and a warning says so.
import { movedMarkerValue } from '../../layout/emotion';
import { counts } from '../canvas-index';
import { pointId, stepName, type ModelIndex } from '../model-index';
import type { CanvasSnapshot } from '../snapshot';
import { quote } from '../words';
import { emptyOutcome, type Index, type Outcome } from './outcome';

interface MovedPoint {
  curveId: string;
  stepId: string;
  before: number;
  value: number;
}

export { movedMarkerValue };

export function reconcilePoints(ix: Index, snap: CanvasSnapshot): Partial<Outcome> {
  const out = emptyOutcome();
  const { moved, seen } = movedPoints(ix.model, snap);
  for (const p of moved.values()) {
    const curve = ix.model.curves.get(p.curveId)!;
    const persona = ix.model.personaNames.get(curve.personaId) ?? curve.personaId;
    out.ops.push({ op: 'setPoint', curveId: p.curveId, stepId: p.stepId, value: p.value });
    out.changes.push({ kind: 'emotion', id: p.curveId, field: p.stepId, before: p.before, after: p.value, summary: `${persona}'s ${curve.name} curve at ${quote(stepName(ix.model, p.stepId))} moved from ${p.before} to ${p.value}` });
  }
  missingPoints(ix, seen, out);
  return out;
}

/** A curve drawn in several emotion lanes has a marker in each; the one a designer moved counts. */
function movedPoints(m: ModelIndex, snap: CanvasSnapshot): { moved: Map<string, MovedPoint>; seen: Set<string> } {
  const moved = new Map<string, MovedPoint>();
  const seen = new Set<string>();
  for (const p of snap.points) {
    if (!counts(p, snap)) continue;
    const key = pointId(p.curveId, p.stepId);
    seen.add(key);
    const before = m.pointValues.get(key);
    if (moved.has(key) || before === undefined || !m.curves.has(p.curveId)) continue;
    const value = movedMarkerValue(m.emotion, before, p.centerY);
    if (value !== null) moved.set(key, { curveId: p.curveId, stepId: p.stepId, before, value });
  }
  return { moved, seen };
}

/** Points of curves drawn in an emotion lane on the canvas whose markers are gone, one warning per curve. */
function missingPoints(ix: Index, seen: Set<string>, out: Outcome): void {
  const { model: m, canvas } = ix;
  const lanes = m.emotionLanes.filter((l) => canvas.lanes.has(l.id));
  for (const curve of m.curves.values()) {
    if (!lanes.some((l) => l.personaId === undefined || l.personaId === curve.personaId)) continue;
    const missing = curve.points.filter((p) => m.stepNames.has(p.stepId) && !seen.has(pointId(curve.id, p.stepId)));
    if (!missing.length) continue;
    const persona = m.personaNames.get(curve.personaId) ?? curve.personaId;
    const steps = missing.map((p) => quote(stepName(m, p.stepId))).join(', ');
    out.warnings.push({ message: `${persona}'s ${curve.name} curve has no marker at ${steps}. Emotion points cannot be deleted on the canvas, so the journey keeps them; update the map to redraw the markers.` });
  }
}
