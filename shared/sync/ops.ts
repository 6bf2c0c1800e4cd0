// Canvas edits as operations on a journey. Reconcile turns a snapshot into these; they can be
// applied to the stored journey, or to the UI's draft for a three-way merge (merge.ts).
import { cellKey, parseCellKey } from '../layout/keys';
import { entityById, indexJourney, indexJourneySteps, pointAt, type JourneyIndex } from '../model/journey-index';
import { drain, type Steps } from '../steps';
import { removeEntities } from '../model/remove';
import type { Card, Journey } from '../model/types';
import type { FieldKind } from './fields';

export type { FieldKind } from './fields';

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
 * key (what the panel's resolutions name), the entity and field, how to read its value in a
 * journey, and the value the operation leaves in one (each as JSON, for comparing base, canvas and
 * draft).
 */
export interface ConflictTarget {
  key: string;
  id: string;
  field: string;
  read(ix: JourneyIndex): string;
  after(base: JourneyIndex): string;
}

const json = (v: unknown): string => JSON.stringify(v ?? null);

export function conflictTarget(op: SyncOp): ConflictTarget | null {
  switch (op.op) {
    case 'setField': {
      const read = (ix: JourneyIndex) => json(fieldOf(ix, op)?.[op.field]);
      return { key: `${op.kind}:${op.id}.${op.field}`, id: op.id, field: op.field, read, after: (ix) => (fieldOf(ix, op) ? json(op.value) : read(ix)) };
    }
    case 'moveCard': {
      const read = (ix: JourneyIndex) => cellOf(ix, op.id);
      return { key: `card:${op.id}.cell`, id: op.id, field: 'cell', read, after: (ix) => (ix.byId.card.has(op.id) ? json(cellKey(op.laneId, op.stepId)) : 'null') };
    }
    case 'deleteCard':
      return { key: `card:${op.id}`, id: op.id, field: '', read: (ix) => (ix.byId.card.has(op.id) ? '"exists"' : 'null'), after: () => 'null' };
    case 'setPoint': {
      const read = (ix: JourneyIndex) => json(pointAt(ix, op.curveId, op.stepId)?.value);
      return { key: `point:${op.curveId}:${op.stepId}`, id: op.curveId, field: op.stepId, read, after: (ix) => (ix.byId.curve.has(op.curveId) ? json(op.value) : read(ix)) };
    }
    default:
      return null;
  }
}

const fieldOf = (ix: JourneyIndex, op: { kind: FieldKind; id: string }) => entityById(ix, op.kind, op.id) as Record<string, unknown> | undefined;

function cellOf(ix: JourneyIndex, cardId: string): string {
  const card = ix.byId.card.get(cardId);
  return card ? JSON.stringify(cellKey(card.laneId, card.stepId)) : 'null';
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

type OpOf<K extends SyncOp['op']> = Extract<SyncOp, { op: K }>;

/** The journey being changed, and its index, rebuilt after an operation that adds, removes or moves cards. */
class Target {
  constructor(
    readonly j: Journey,
    private ix: JourneyIndex | null = null,
  ) {}
  index(): JourneyIndex {
    return (this.ix ??= indexJourney(this.j));
  }
  changed(): void {
    this.ix = null;
  }
}

/** How each operation changes a journey in place; an operation whose target is gone does nothing. */
const APPLY: { [K in SyncOp['op']]: (t: Target, op: OpOf<K>) => void } = {
  setField(t, op) {
    const entity = fieldOf(t.index(), op);
    if (!entity) return;
    if (op.value === undefined) delete entity[op.field];
    else entity[op.field] = op.value;
  },
  deleteCard(t, op) {
    Object.assign(t.j, removeEntities(t.j, 'card', [op.id]));
    t.changed();
  },
  moveCard(t, op) {
    const card = t.index().byId.card.get(op.id);
    if (!card) return;
    card.laneId = op.laneId;
    card.stepId = op.stepId;
    t.changed();
  },
  addCard(t, op) {
    const { j } = t;
    if (t.index().byId.card.has(op.card.id)) return;
    const at = op.afterId ? j.cards.findIndex((c) => c.id === op.afterId) : -1;
    if (at >= 0) j.cards.splice(at + 1, 0, clone(op.card));
    else j.cards.push(clone(op.card));
    t.changed();
  },
  orderCell(t, op) {
    // Reassign the array slots the cell's cards occupy, in canvas order; other cards keep theirs.
    const cell = parseCellKey(op.cellId);
    const inCell = new Map((cell ? (t.index().cells.get(cell.laneId)?.get(cell.stepId) ?? []) : []).map((c) => [c.id, c]));
    const wanted = op.ids.filter((id) => inCell.has(id));
    const wantedSet = new Set(wanted);
    const slots: number[] = [];
    t.j.cards.forEach((c, i) => {
      if (wantedSet.has(c.id)) slots.push(i);
    });
    slots.forEach((slot, k) => {
      const card = inCell.get(wanted[k] as string);
      if (card) t.j.cards[slot] = card;
    });
  },
  setPoint(t, op) {
    const curve = t.index().byId.curve.get(op.curveId);
    if (!curve) return;
    const point = pointAt(t.index(), op.curveId, op.stepId);
    if (point) point.value = op.value;
    else {
      curve.points.push({ stepId: op.stepId, value: op.value });
      t.changed();
    }
  },
  fork(t, op) {
    // The copy is told apart by its title, unless the designer already renamed it.
    t.j.id = op.id;
    if (t.j.title === op.originalTitle) t.j.title = `${t.j.title} (copy)`.slice(0, 200);
    t.changed();
  },
};

/** Applies operations to a copy of the journey; operations whose target is gone are skipped. */
export const applyOps = (journey: Journey, ops: readonly SyncOp[]): Journey => drain(applyOpsSteps(journey, ops));

/** applyOps in steps: the copy, then the index the operations look entities up in, then the operations. */
export function* applyOpsSteps(journey: Journey, ops: readonly SyncOp[]): Steps<Journey> {
  const copy = clone(journey);
  yield;
  const t = new Target(copy, ops.length ? yield* indexJourneySteps(copy) : null);
  for (const op of ops) (APPLY[op.op] as (t: Target, op: SyncOp) => void)(t, op);
  return t.j;
}
