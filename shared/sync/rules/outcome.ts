import type { Steps } from '../../steps';
// What each reconcile rule returns, and how the fold in reconcile.ts adds them up.
import type { IdAllocator } from '../../model/ids';
import type { CanvasIndex } from '../canvas-index';
import type { Adoption, ChangeItem, Placement, WarningItem } from '../changes';
import type { ModelIndex } from '../model-index';
import type { SyncOp } from '../ops';
import type { CanvasSnapshot } from '../snapshot';

export interface Outcome {
  ops: SyncOp[];
  changes: ChangeItem[];
  warnings: WarningItem[];
  adoptions: Adoption[];
  /** Untagged nodes turned into cards; the plugin removes them once the card is drawn. */
  consumed: string[];
  /** Where the canvas shows each card, for the order of cards within a cell. */
  placements: Placement[];
  /** A copied map's fork; applied after every other operation, which address the original's ids. */
  fork?: Extract<SyncOp, { op: 'fork' }>;
}

export interface Index {
  model: ModelIndex;
  canvas: CanvasIndex;
  /** Ids for new cards and forks, allocated against every id in the journey. */
  ids: IdAllocator;
}

/** A rule reads the indexes and the snapshot (and what earlier rules found) and adds to the outcome. */
/** A rule returns its outcome, or pauses on the way to it when its work grows with the map (shared/steps.ts). */
export type Rule = (ix: Index, snap: CanvasSnapshot, sofar: Readonly<Outcome>) => Partial<Outcome> | Steps<Partial<Outcome>>;

export const emptyOutcome = (): Outcome => ({ ops: [], changes: [], warnings: [], adoptions: [], consumed: [], placements: [] });

export function addOutcome(into: Outcome, part: Partial<Outcome>): Outcome {
  return {
    ops: [...into.ops, ...(part.ops ?? [])],
    changes: [...into.changes, ...(part.changes ?? [])],
    warnings: [...into.warnings, ...(part.warnings ?? [])],
    adoptions: [...into.adoptions, ...(part.adoptions ?? [])],
    consumed: [...into.consumed, ...(part.consumed ?? [])],
    placements: [...into.placements, ...(part.placements ?? [])],
    ...(part.fork ?? into.fork ? { fork: part.fork ?? into.fork } : {}),
  };
}
