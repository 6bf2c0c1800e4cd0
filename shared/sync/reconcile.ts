// reconcile: (stored journey, style, canvas snapshot) -> the operations that bring the journey in
// line with the canvas, a designer-readable list of changes, and warnings for anything on the map
// that cannot be understood. Pure: no figma, no DOM. Rules (README "Sync rules"):
// - identity comes from tags, never from names or positions;
// - a tagged node whose tag names another node id is a copy: a copied card becomes a new card,
//   a copied map becomes a new journey;
// - only cards can be deleted from the canvas; fields the canvas does not show are untouched;
// - untagged nodes are kept and reported, except text dropped into a cell, which becomes a card.
import { emotionGeometry, valueToY, yToValue } from '../layout/emotion';
import { fnv1a } from '../layout/hash';
import { cellKey, parseCellKey } from '../layout/keys';
import { METRICS } from '../layout/metrics';
import { IdAllocator } from '../model/ids';
import type { Card, Journey } from '../model/types';
import type { StyleOptions } from '../style/options';
import { codecFor, isFieldKind } from './fields';
import { applyOps, type SyncOp } from './ops';
import type { CanvasSnapshot, SnapshotCard } from './snapshot';

export interface ChangeItem {
  kind: string;
  id: string;
  field?: string;
  before?: unknown;
  after?: unknown;
  summary: string;
}

export interface WarningItem {
  nodeId?: string;
  message: string;
}

/** A copied card node that becomes a new card: its tags must be rewritten to the new id. */
export interface Adoption {
  nodeId: string;
  fromId: string;
  toId: string;
}

export interface ReconcileResult {
  ops: SyncOp[];
  journey: Journey;
  changes: ChangeItem[];
  warnings: WarningItem[];
  adoptions: Adoption[];
  /** Untagged nodes turned into cards; the plugin removes them once the card is drawn. */
  consumed: string[];
  /** The map is a copy and becomes a journey of its own. */
  forked: boolean;
}

const short = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);
const quote = (v: unknown) => (typeof v === 'string' ? `"${short(v)}"` : Array.isArray(v) ? `"${short(v.join(', '))}"` : v === undefined ? '(empty)' : JSON.stringify(v));

const FIELD_NAMES: Record<string, string> = { text: 'text', name: 'name', label: 'label', title: 'title' };
const entityWord: Record<string, string> = { journey: 'Journey', persona: 'Persona', stage: 'Stage', step: 'Step', lane: 'Lane', card: 'Card', link: 'Link' };

export function reconcile(stored: Journey, style: StyleOptions, snap: CanvasSnapshot): ReconcileResult {
  const ops: SyncOp[] = [];
  const changes: ChangeItem[] = [];
  const warnings: WarningItem[] = [];
  const adoptions: Adoption[] = [];
  const consumed: string[] = [];
  const ids = IdAllocator.forJourney(stored);
  const cardsById = new Map(stored.cards.map((c) => [c.id, c]));

  // A copied map: every node in it carries the original's ids. It becomes a journey of its own
  // (the fork is applied last, after the edits that address the original's ids).
  let forkOp: SyncOp | null = null;
  if (snap.isCopy) {
    const id = ids.claim(`${stored.id}-copy-${snap.mapNodeId.replace(/[^0-9]+/g, '-')}`);
    forkOp = { op: 'fork', id, originalTitle: stored.title };
    changes.push({ kind: 'fork', id, summary: `This map is a copy of "${short(stored.title)}", so it becomes a separate journey (${id}) and never overwrites the original.` });
  }
  // In a copied map no node is "original" yet: the first node of each key stands for the entity.
  const counts = (original: boolean) => original || snap.isCopy;

  // --- Text fields -------------------------------------------------------------------------
  // Lookups built once: a map of 2,000 cards has ~20,000 nodes, so nothing here may be quadratic.
  const entities = entityIndex(stored);
  const primaryCardNodes = new Set<string>();
  const cardIdsSeen = new Set<string>();
  for (const c of snap.cards) {
    if ((c.original || snap.isCopy) && !cardIdsSeen.has(c.id)) {
      cardIdsSeen.add(c.id);
      primaryCardNodes.add(c.nodeId);
    }
  }
  const allCardNodes = new Set(snap.cards.map((c) => c.nodeId));
  const seenText = new Set<string>();
  for (const t of snap.texts) {
    if (!counts(t.original) || (t.cardNodeId && allCardNodes.has(t.cardNodeId) && !primaryCardNodes.has(t.cardNodeId))) continue;
    const key = `${t.kind}:${t.id}.${t.field}`;
    if (seenText.has(key)) continue;
    seenText.add(key);
    if (!isFieldKind(t.kind)) continue;
    const codec = codecFor(t.kind, t.field);
    const entity = entities.get(`${t.kind}:${t.id}`);
    if (!codec) continue;
    if (!entity) {
      warnings.push({ nodeId: t.nodeId, message: `A text on the map belongs to ${t.kind} "${t.id}", which is no longer in the journey; it was left alone. Update the map to redraw it.` });
      continue;
    }
    const shown = codec.show(entity[t.field]);
    if (normalise(shown) === normalise(t.text)) continue;
    const parsed = codec.parse(t.text);
    const label = `${entityWord[t.kind] ?? t.kind} ${quote(entity.name ?? entity.text ?? entity.label ?? entity.title ?? t.id)}`;
    if ('error' in parsed) {
      warnings.push({ nodeId: t.nodeId, message: `${label}: the ${t.field} on the canvas ${parsed.error}; the journey keeps ${quote(entity[t.field])}.` });
      continue;
    }
    ops.push({ op: 'setField', kind: t.kind, id: t.id, field: t.field, value: parsed.value });
    changes.push({ kind: 'text', id: t.id, field: t.field, before: entity[t.field], after: parsed.value, summary: `${label}: ${FIELD_NAMES[t.field] ?? t.field} changed from ${quote(entity[t.field])} to ${quote(parsed.value)}` });
  }

  // --- Cards: deleted, moved, duplicated -------------------------------------------------------
  const hidden = new Set(style.hiddenLanes);
  const drawnLanes = new Map(stored.lanes.filter((l) => !l.hidden && !hidden.has(l.id) && l.type !== 'emotion').map((l) => [l.id, l]));
  const stepIds = new Set(stored.stages.flatMap((s) => s.steps.map((st) => st.id)));
  const primary = new Map<string, SnapshotCard>();
  const copies: SnapshotCard[] = [];
  for (const c of snap.cards) {
    if (counts(c.original) && !primary.has(c.id)) primary.set(c.id, c);
    else copies.push(c);
  }
  const cellOrder = new Map<string, { id: string; index: number }[]>();
  const placeInCell = (cellId: string | null, id: string, index: number) => {
    if (!cellId) return;
    const list = cellOrder.get(cellId) ?? [];
    list.push({ id, index });
    cellOrder.set(cellId, list);
  };
  const cellTarget = (cellId: string) => {
    const cell = parseCellKey(cellId);
    return cell && drawnLanes.has(cell.laneId) && stepIds.has(cell.stepId) ? cell : null;
  };

  for (const card of stored.cards) {
    if (!drawnLanes.has(card.laneId) || !stepIds.has(card.stepId)) continue;
    const seen = primary.get(card.id);
    if (!seen) {
      ops.push({ op: 'deleteCard', id: card.id });
      changes.push({ kind: 'delete', id: card.id, summary: `Card ${quote(card.text)} was deleted on the canvas` });
      continue;
    }
    if (seen.cellId === null) {
      warnings.push({ nodeId: seen.nodeId, message: `Card ${quote(card.text)} was moved out of the grid; it keeps its place in the journey. Drag it into a cell to move it.` });
      continue;
    }
    const target = cellTarget(seen.cellId);
    const current = cellKey(card.laneId, card.stepId);
    if (target && seen.cellId !== current) {
      ops.push({ op: 'moveCard', id: card.id, laneId: target.laneId, stepId: target.stepId });
      const lane = drawnLanes.get(target.laneId)?.label ?? target.laneId;
      changes.push({ kind: 'move', id: card.id, field: 'cell', before: current, after: seen.cellId, summary: `Card ${quote(card.text)} moved to ${quote(lane)} at step ${quote(stepName(stored, target.stepId))}` });
    }
    placeInCell(target ? seen.cellId : current, card.id, seen.index);
  }

  for (const copy of copies) {
    const source = cardsById.get(copy.id);
    const target = copy.cellId ? cellTarget(copy.cellId) : null;
    if (!target) {
      warnings.push({ nodeId: copy.nodeId, message: `A copy of card ${quote(source?.text ?? copy.id)} sits outside the grid; it was left alone.` });
      continue;
    }
    const text = snap.texts.find((t) => t.cardNodeId === copy.nodeId && t.field === 'text')?.text ?? source?.text ?? '';
    const id = ids.claim(`${copy.id}-copy`);
    const base: Card = source ? (JSON.parse(JSON.stringify(source)) as Card) : { id, laneId: target.laneId, stepId: target.stepId, text, evidence: [] };
    const card: Card = { ...base, id, laneId: target.laneId, stepId: target.stepId, text: text.trim() ? text : base.text };
    ops.push({ op: 'addCard', card, afterId: copy.id });
    adoptions.push({ nodeId: copy.nodeId, fromId: copy.id, toId: id });
    changes.push({ kind: 'duplicate', id, summary: `Card ${quote(card.text)} was duplicated as a new card (${id})` });
    placeInCell(copy.cellId, id, copy.index);
  }

  // --- Untagged nodes -----------------------------------------------------------------------
  for (const f of snap.foreign) {
    const target = f.cellId ? cellTarget(f.cellId) : null;
    if (target && f.text !== undefined && f.text.trim()) {
      const id = ids.claim(`c-${fnv1a(`${f.nodeId}|${f.text}`)}`);
      const card: Card = { id, laneId: target.laneId, stepId: target.stepId, text: f.text.trim(), evidence: [] };
      ops.push({ op: 'addCard', card });
      consumed.push(f.nodeId);
      changes.push({ kind: 'add', id, summary: `New card ${quote(card.text)} from text added to ${quote(drawnLanes.get(target.laneId)?.label ?? target.laneId)} at step ${quote(stepName(stored, target.stepId))}` });
      placeInCell(f.cellId ?? null, id, f.index ?? 0);
    } else {
      const what = f.type === 'TEXT' ? `text "${short(f.text ?? '')}"` : `${f.type.toLowerCase().replace(/_/g, ' ')} "${short(f.name)}"`;
      warnings.push({ nodeId: f.nodeId, message: `An untagged ${what} is on the map but not in the journey; it stays on the canvas and is kept when the map is updated.` });
    }
  }
  for (const t of snap.tagged) {
    if (!counts(t.original)) continue;
    if (t.kind === 'card' && !cardsById.has(t.id))
      warnings.push({ nodeId: t.nodeId, message: `A card on the map refers to "${t.id}", which is no longer in the journey; it was left alone. Update the map to remove it.` });
  }

  // --- Card order within cells --------------------------------------------------------------
  const afterMoves = applyOps(stored, ops);
  const modelByCell = new Map<string, string[]>();
  for (const c of afterMoves.cards) {
    const cell = cellKey(c.laneId, c.stepId);
    const list = modelByCell.get(cell);
    if (list) list.push(c.id);
    else modelByCell.set(cell, [c.id]);
  }
  for (const [cellId, entries] of cellOrder) {
    const canvas = [...entries].sort((a, b) => a.index - b.index).map((e) => e.id);
    const model = modelByCell.get(cellId) ?? [];
    const modelSet = new Set(model);
    const inModel = canvas.filter((id) => modelSet.has(id));
    const inModelSet = new Set(inModel);
    const modelOrder = model.filter((id) => inModelSet.has(id));
    if (inModel.length > 1 && inModel.some((id, i) => id !== modelOrder[i])) {
      ops.push({ op: 'orderCell', cellId, ids: inModel });
      const { laneId, stepId } = parseCellKey(cellId) ?? { laneId: cellId, stepId: '' };
      changes.push({ kind: 'reorder', id: cellId, summary: `Cards in ${quote(drawnLanes.get(laneId)?.label ?? laneId)} at step ${quote(stepName(stored, stepId))} were reordered` });
    }
  }

  // --- Emotion points -------------------------------------------------------------------------
  const g = emotionGeometry(stored, METRICS[style.density].emotionHeight);
  const drawnEmotionLanes = stored.lanes.filter((l) => l.type === 'emotion' && !l.hidden && !hidden.has(l.id));
  // A curve drawn in several emotion lanes has a marker in each; the one a designer moved counts.
  const seenPoint = new Set<string>();
  const moved = new Map<string, { curveId: string; stepId: string; value: number }>();
  for (const p of snap.points) {
    if (!counts(p.original)) continue;
    const key = `${p.curveId}:${p.stepId}`;
    seenPoint.add(key);
    if (moved.has(key)) continue;
    const curve = stored.curves.find((c) => c.id === p.curveId);
    const point = curve?.points.find((pt) => pt.stepId === p.stepId);
    if (!curve || !point) continue;
    if (Math.abs(valueToY(g, point.value) - p.centerY) < 0.5) continue;
    const value = yToValue(g, p.centerY);
    if (value !== point.value) moved.set(key, { curveId: curve.id, stepId: p.stepId, value });
  }
  for (const { curveId, stepId, value } of moved.values()) {
    const curve = stored.curves.find((c) => c.id === curveId)!;
    const before = curve.points.find((pt) => pt.stepId === stepId)!.value;
    const persona = stored.personas.find((x) => x.id === curve.personaId)?.name ?? curve.personaId;
    ops.push({ op: 'setPoint', curveId, stepId, value });
    changes.push({ kind: 'emotion', id: curveId, field: stepId, before, after: value, summary: `${persona}'s ${curve.name} curve at ${quote(stepName(stored, stepId))} moved from ${before} to ${value}` });
  }
  for (const curve of stored.curves) {
    const drawn = drawnEmotionLanes.some((l) => l.personaId === undefined || l.personaId === curve.personaId);
    if (!drawn) continue;
    for (const point of curve.points) {
      if (!stepIds.has(point.stepId) || seenPoint.has(`${curve.id}:${point.stepId}`)) continue;
      ops.push({ op: 'removePoint', curveId: curve.id, stepId: point.stepId });
      changes.push({ kind: 'emotion', id: curve.id, field: point.stepId, before: point.value, summary: `The ${curve.name} emotion point at ${quote(stepName(stored, point.stepId))} was deleted on the canvas` });
    }
  }

  if (forkOp) ops.push(forkOp);
  return { ops, journey: applyOps(stored, ops), changes, warnings, adoptions, consumed, forked: snap.isCopy };
}

/** Every entity a text field can belong to, by `kind:id`. */
function entityIndex(j: Journey): Map<string, Record<string, unknown>> {
  const index = new Map<string, Record<string, unknown>>();
  const add = (kind: string, item: { id: string }) => index.set(`${kind}:${item.id}`, item as unknown as Record<string, unknown>);
  add('journey', j);
  for (const p of j.personas) add('persona', p);
  for (const s of j.stages) {
    add('stage', s);
    for (const st of s.steps) add('step', st);
  }
  for (const l of j.lanes) add('lane', l);
  for (const c of j.cards) add('card', c);
  for (const l of j.links) add('link', l);
  return index;
}

function stepName(j: Journey, stepId: string): string {
  for (const s of j.stages) for (const st of s.steps) if (st.id === stepId) return st.name;
  return stepId;
}

/** Figma may store line breaks as U+2028 and trims nothing; compare what a person sees. */
function normalise(s: string): string {
  return s.replace(/\u2028|\r\n?/g, '\n');
}
