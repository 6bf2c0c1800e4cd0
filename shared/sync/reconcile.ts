// reconcile: (stored journey, style, canvas snapshot) -> the operations that bring the journey in
// line with the canvas, a designer-readable list of changes, and warnings for anything on the map
// that cannot be understood. Pure: no figma, no DOM. A fold of small rules (shared/sync/rules),
// each reading the same indexes. Rules (README "Sync rules"):
// - identity comes from tags, never from names or positions;
// - a tagged node whose tag names another node id is a copy: a copied card becomes a new card,
//   unless its original is gone from the map (cut and pasted: the same card, moved); a copied
//   map becomes a new journey;
// - only cards can be deleted from the canvas, and only a card whose frame is gone from a cell
//   that is still there; a missing row, grid or emotion marker is redrawn by the next update;
// - fields the canvas does not show are untouched;
// - untagged nodes are kept and reported, except text dropped into a cell, which becomes a card.
import { IdAllocator } from '../model/ids';
import type { Journey } from '../model/types';
import type { StyleOptions } from '../style/options';
import { indexCanvas } from './canvas-index';
import type { Adoption, ChangeItem, WarningItem } from './changes';
import { indexModel } from './model-index';
import { applyOpsSteps, type SyncOp } from './ops';
import { reconcileCards } from './rules/cards';
import { reconcileCellOrder } from './rules/cell-order';
import { reconcileCopies } from './rules/copies';
import { reconcileForeign, reconcileStaleTags } from './rules/foreign';
import { reconcileFork } from './rules/fork';
import { addOutcome, emptyOutcome, type Index, type Rule } from './rules/outcome';
import { reconcilePoints } from './rules/points';
import { reconcileStructure } from './rules/structure';
import { reconcileTexts } from './rules/texts';
import type { CanvasSnapshot } from './snapshot';
import { drain, type Steps } from '../steps';

export type { Adoption, ChangeItem, WarningItem } from './changes';

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

/** In this order: ids are allocated as the rules meet new cards, and cell order reads the moves. */
const RULES: readonly Rule[] = [reconcileFork, reconcileTexts, reconcileStructure, reconcileCards, reconcileCopies, reconcileForeign, reconcileStaleTags, reconcileCellOrder, reconcilePoints];

const isSteps = <T>(v: T | Steps<T>): v is Steps<T> => typeof (v as { next?: unknown }).next === 'function';

export const reconcile = (stored: Journey, style: StyleOptions, snap: CanvasSnapshot): ReconcileResult => drain(reconcileSteps(stored, style, snap));

/** reconcile in steps: it pauses after the indexes and after each rule (see shared/steps.ts). */
export function* reconcileSteps(stored: Journey, style: StyleOptions, snap: CanvasSnapshot): Steps<ReconcileResult> {
  const model = indexModel(stored, style);
  yield;
  const ix: Index = { model, canvas: indexCanvas(snap, model.cards), ids: IdAllocator.forJourney(stored) };
  yield;
  let out = emptyOutcome();
  for (const rule of RULES) {
    const found = rule(ix, snap, out);
    out = addOutcome(out, isSteps(found) ? yield* found : found);
    yield;
  }
  const ops = out.fork ? [...out.ops, out.fork] : out.ops;
  const { changes, warnings, adoptions, consumed } = out;
  return { ops, journey: yield* applyOpsSteps(stored, ops), changes, warnings, adoptions, consumed, forked: snap.isCopy };
}
