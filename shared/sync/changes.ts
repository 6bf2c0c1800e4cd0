// What reconcile hands back besides operations: changes a designer reviews, warnings about what
// it cannot understand, and the node-level work the plugin does when the changes are applied.
import * as z from 'zod/mini';

/** Every kind of change sync reports. Only `delete` removes anything from the journey. */
export const CHANGE_KINDS = ['text', 'move', 'reorder', 'duplicate', 'add', 'delete', 'emotion', 'fork'] as const;
export const ChangeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.output<typeof ChangeKindSchema>;

export interface ChangeItem {
  kind: ChangeKind;
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

/**
 * A card node whose tags must be rewritten so that they name the node itself (n = its own id) and
 * the card `toId`. fromId !== toId: a duplicate that became a new card. fromId === toId: a card
 * cut and pasted (or duplicated, then its original deleted), which is the same card, moved.
 */
export interface Adoption {
  nodeId: string;
  fromId: string;
  toId: string;
}

/** A card in a cell on the canvas, at its position among the cell's children. */
export interface Placement {
  cellId: string;
  id: string;
  index: number;
}

/** Deletions are never applied without review, even by live sync. */
export const hasDeletions = (changes: readonly { kind: string }[]): boolean => changes.some((c) => c.kind === 'delete');
