// A fixed set of edits to any journey, for the Changes view (issue 18): one of each kind a person
// makes between two versions of a map. Deterministic: the same journey gives the same edits.
//   added    a card in the first actions-like lane at the second step
//   changed  the first card's text
//   moved    the last card of the first lane to the next step (another step, same lane)
//   removed  the second card of the first lane that is left
//   renamed  the second step
//   emotions the first curve's first three points: +2, −2, and the last one cleared
import type { Journey } from '../../shared/model/types';

export interface ScriptedEdits {
  journey: Journey;
  added: string;
  changed: string;
  moved: string;
  removed: string;
  renamedStep: string;
  curve: string | undefined;
}

export function scriptedEdits(older: Journey): ScriptedEdits {
  const j = structuredClone(older);
  const steps = j.stages.flatMap((s) => s.steps);
  const lane = j.lanes.find((l) => l.type !== 'emotion') ?? j.lanes[0]!;
  const inLane = j.cards.filter((c) => c.laneId === lane.id);
  // Changed: the first card's text.
  const changed = inLane[0]!;
  changed.text = `${changed.text} — now with a measuring guide ✓`;
  // Moved: the lane's last card, one step on (or back, at the end).
  const moved = inLane[inLane.length - 1]!;
  const at = steps.findIndex((s) => s.id === moved.stepId);
  moved.stepId = steps[at + 1 < steps.length ? at + 1 : at - 1]!.id;
  // Removed: the lane's second card.
  const removed = inLane[1]!;
  j.cards = j.cards.filter((c) => c.id !== removed.id);
  // Added: a new card at the second step.
  const added = { id: 'c-scripted-new', laneId: lane.id, stepId: steps[1]!.id, text: 'Asks a friend for a second opinion — “ça vaut le coup?” 🛋️', evidence: [] };
  j.cards.push(added as Journey['cards'][number]);
  // Renamed: the second step.
  const step = steps[1]!;
  step.name = `${step.name} (revised)`;
  // Emotions: the first curve moves up at one step, down at another, and loses its last value.
  const curve = j.curves[0];
  if (curve && curve.points.length >= 3) {
    const { min, max } = j.emotionScale;
    const clamp = (v: number) => Math.max(min, Math.min(max, v));
    curve.points[0]!.value = clamp(curve.points[0]!.value + 2);
    curve.points[1]!.value = clamp(curve.points[1]!.value - 2);
    curve.points.pop();
  }
  return { journey: j, added: added.id, changed: changed.id, moved: moved.id, removed: removed.id, renamedStep: step.id, curve: curve?.id };
}
