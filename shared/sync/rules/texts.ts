// Text edited in any tagged text node becomes the value of the field it shows.
import { childKey, entityKey } from '../../layout/keys';
import { textCounts } from '../canvas-index';
import { codecFor, isFieldKind } from '../fields';
import { entityOf, type ModelIndex } from '../model-index';
import type { CanvasSnapshot, SnapshotText } from '../snapshot';
import { entityLabel, normalise, quote } from '../words';
import type { Steps } from '../../steps';
import { emptyOutcome, type Index, type Outcome } from './outcome';

/** Whether the canvas shows something else than the journey's value (line breaks compared as seen). */
export const isTextEdited = (shown: string, onCanvas: string): boolean => normalise(shown) !== normalise(onCanvas);

/** Texts compared between two pauses (a map shows ~4 per card). */
const TEXTS_PER_STEP = 250;

export function* reconcileTexts(ix: Index, snap: CanvasSnapshot): Steps<Partial<Outcome>> {
  const out = emptyOutcome();
  const seen = new Set<string>();
  for (let i = 0; i < snap.texts.length; i++) {
    if (i % TEXTS_PER_STEP === TEXTS_PER_STEP - 1) yield;
    const t = snap.texts[i]!;
    if (!textCounts(t, ix.canvas)) continue;
    const field = childKey(entityKey(t.kind, t.id), t.field);
    if (seen.has(field)) continue;
    seen.add(field);
    readText(ix.model, t, out);
  }
  return out;
}

function readText(m: ModelIndex, t: SnapshotText, out: Outcome): void {
  if (!isFieldKind(t.kind)) return;
  const codec = codecFor(t.kind, t.field);
  if (!codec) return;
  const entity = entityOf(m, t.kind, t.id);
  if (!entity) {
    out.warnings.push({ nodeId: t.nodeId, message: `A text on the map belongs to ${t.kind} "${t.id}", which is no longer in the journey; it was left alone. Update the map to redraw it.` });
    return;
  }
  const before = entity[t.field];
  if (!isTextEdited(codec.show(before), t.text)) return;
  const parsed = codec.parse(t.text);
  const label = entityLabel(t.kind, t.id, entity);
  if ('error' in parsed) {
    out.warnings.push({ nodeId: t.nodeId, message: `${label}: the ${t.field} on the canvas ${parsed.error}; the journey keeps ${quote(before)}.` });
    return;
  }
  out.ops.push({ op: 'setField', kind: t.kind, id: t.id, field: t.field, value: parsed.value });
  out.changes.push({ kind: 'text', id: t.id, field: t.field, before, after: parsed.value, summary: `${label}: ${t.field} changed from ${quote(before)} to ${quote(parsed.value)}` });
}
