// Canvas edits as operations on a journey. Reconcile turns a snapshot into these; they can be
// applied to the stored journey, or to the UI's draft for a three-way merge (merge.ts).
import { cellKey } from '../layout/keys';
import type { Card, Journey } from '../model/types';

export type FieldKind = 'journey' | 'persona' | 'stage' | 'step' | 'lane' | 'card' | 'link';

export type SyncOp =
  | { op: 'setField'; kind: FieldKind; id: string; field: string; value: unknown }
  | { op: 'deleteCard'; id: string }
  | { op: 'moveCard'; id: string; laneId: string; stepId: string }
  | { op: 'orderCell'; cellId: string; ids: string[] }
  | { op: 'addCard'; card: Card; afterId?: string }
  | { op: 'setPoint'; curveId: string; stepId: string; value: number }
  | { op: 'fork'; id: string; originalTitle: string };

/**
 * The model field an operation writes, so a draft that changed the same field is a conflict: its
 * key (what the panel's resolutions name), the entity and field, and how to read its value.
 */
export interface ConflictTarget {
  key: string;
  id: string;
  field: string;
  /** The value in a journey, as JSON, for comparing base, canvas and draft. */
  read(j: Journey): string;
}

export function conflictTarget(op: SyncOp): ConflictTarget | null {
  switch (op.op) {
    case 'setField':
      return { key: `${op.kind}:${op.id}.${op.field}`, id: op.id, field: op.field, read: (j) => JSON.stringify(findEntity(j, op.kind, op.id)?.[op.field] ?? null) };
    case 'moveCard':
      return { key: `card:${op.id}.cell`, id: op.id, field: 'cell', read: (j) => readCell(j, op.id) };
    case 'deleteCard':
      return { key: `card:${op.id}`, id: op.id, field: '', read: (j) => (findEntity(j, 'card', op.id) ? '"exists"' : 'null') };
    case 'setPoint':
      return { key: `point:${op.curveId}:${op.stepId}`, id: op.curveId, field: op.stepId, read: (j) => readPoint(j, op.curveId, op.stepId) };
    default:
      return null;
  }
}

function readCell(j: Journey, cardId: string): string {
  const card = j.cards.find((c) => c.id === cardId);
  return card ? JSON.stringify(cellKey(card.laneId, card.stepId)) : 'null';
}

function readPoint(j: Journey, curveId: string, stepId: string): string {
  const curve = j.curves.find((c) => c.id === curveId);
  return JSON.stringify(curve?.points.find((p) => p.stepId === stepId)?.value ?? null);
}

export function findEntity(j: Journey, kind: FieldKind, id: string): Record<string, unknown> | undefined {
  switch (kind) {
    case 'journey':
      return j.id === id ? (j as unknown as Record<string, unknown>) : undefined;
    case 'persona':
      return j.personas.find((p) => p.id === id);
    case 'stage':
      return j.stages.find((s) => s.id === id);
    case 'step':
      for (const s of j.stages) {
        const step = s.steps.find((st) => st.id === id);
        if (step) return step;
      }
      return undefined;
    case 'lane':
      return j.lanes.find((l) => l.id === id);
    case 'card':
      return j.cards.find((c) => c.id === id);
    case 'link':
      return j.links.find((l) => l.id === id);
  }
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

type OpOf<K extends SyncOp['op']> = Extract<SyncOp, { op: K }>;

/** How each operation changes a journey in place; an operation whose target is gone does nothing. */
const APPLY: { [K in SyncOp['op']]: (j: Journey, op: OpOf<K>) => void } = {
  setField(j, op) {
    const entity = findEntity(j, op.kind, op.id);
    if (!entity) return;
    if (op.value === undefined) delete entity[op.field];
    else entity[op.field] = op.value;
  },
  deleteCard(j, op) {
    j.cards = j.cards.filter((c) => c.id !== op.id);
    j.links = j.links.filter((l) => l.from !== op.id && l.to !== op.id);
  },
  moveCard(j, op) {
    const card = j.cards.find((c) => c.id === op.id);
    if (!card) return;
    card.laneId = op.laneId;
    card.stepId = op.stepId;
  },
  addCard(j, op) {
    if (j.cards.some((c) => c.id === op.card.id)) return;
    const at = op.afterId ? j.cards.findIndex((c) => c.id === op.afterId) : -1;
    if (at >= 0) j.cards.splice(at + 1, 0, clone(op.card));
    else j.cards.push(clone(op.card));
  },
  orderCell(j, op) {
    // Reassign the array slots the cell's cards occupy, in canvas order; other cards keep theirs.
    const inCell = new Map(j.cards.filter((c) => cellKey(c.laneId, c.stepId) === op.cellId).map((c) => [c.id, c]));
    const wanted = op.ids.filter((id) => inCell.has(id));
    const wantedSet = new Set(wanted);
    const slots: number[] = [];
    j.cards.forEach((c, i) => {
      if (wantedSet.has(c.id)) slots.push(i);
    });
    slots.forEach((slot, k) => {
      const card = inCell.get(wanted[k] as string);
      if (card) j.cards[slot] = card;
    });
  },
  setPoint(j, op) {
    const curve = j.curves.find((c) => c.id === op.curveId);
    if (!curve) return;
    const point = curve.points.find((p) => p.stepId === op.stepId);
    if (point) point.value = op.value;
    else curve.points.push({ stepId: op.stepId, value: op.value });
  },
  fork(j, op) {
    // The copy is told apart by its title, unless the designer already renamed it.
    j.id = op.id;
    if (j.title === op.originalTitle) j.title = `${j.title} (copy)`.slice(0, 200);
  },
};

/** Applies operations to a copy of the journey; operations whose target is gone are skipped. */
export function applyOps(journey: Journey, ops: readonly SyncOp[]): Journey {
  const j = clone(journey);
  for (const op of ops) (APPLY[op.op] as (j: Journey, op: SyncOp) => void)(j, op);
  return j;
}
