// Lookups over the canvas snapshot, built once per sync: which card node stands for each card,
// which are duplicates, the texts inside each card node, and which parts of the grid are there.
import type { CanvasSnapshot, SnapshotCard, SnapshotText } from './snapshot';

/**
 * How a card node on the canvas counts: the card itself (an original); the card itself, moved (a
 * copy whose original is gone from the map: cut and pasted); or a duplicate, a new card.
 */
export type CardRole = 'card' | 'moved' | 'duplicate';

export interface CanvasIndex {
  isCopy: boolean;
  /** The node that stands for each card id. */
  cards: Map<string, SnapshotCard>;
  /** Card nodes that become new cards, in document order. */
  duplicates: SnapshotCard[];
  roles: Map<string, CardRole>;
  /** The texts inside each card node, by the card node's id. */
  cardTexts: Map<string, SnapshotText[]>;
  /** Ids of the cells, lane rows and step headers on the canvas (originals or copies). */
  cells: Set<string>;
  lanes: Set<string>;
  steps: Set<string>;
  /** Cards with a text of theirs on the canvas outside any card frame (the frame lost its tag). */
  looseCardTexts: Map<string, SnapshotText>;
}

/**
 * Whether a tagged node stands for the entity its tag names: an original does; in a copied map no
 * node is an original yet, so every node counts (the first of each key stands for the entity).
 */
export const counts = (node: { original: boolean }, snap: Pick<CanvasSnapshot, 'isCopy'>): boolean => node.original || snap.isCopy;

/** A copy stands for the card it names when that card is in the journey and has no original here. */
export function isMovedCard(copy: SnapshotCard, standing: ReadonlyMap<string, SnapshotCard>, inJourney: (cardId: string) => boolean): boolean {
  return !copy.original && !standing.has(copy.id) && inJourney(copy.id);
}

export function indexCanvas(snap: CanvasSnapshot, journeyCards: { has(cardId: string): boolean }): CanvasIndex {
  const cards = new Map<string, SnapshotCard>();
  const roles = new Map<string, CardRole>();
  for (const c of snap.cards) {
    if (!counts(c, snap) || cards.has(c.id)) continue;
    cards.set(c.id, c);
    roles.set(c.nodeId, 'card');
  }
  // Copies second: a copy is the card itself only once no original is found anywhere on the map.
  const duplicates: SnapshotCard[] = [];
  for (const c of snap.cards) {
    if (roles.has(c.nodeId)) continue;
    const moved = isMovedCard(c, cards, (id) => journeyCards.has(id));
    if (moved) cards.set(c.id, c);
    else duplicates.push(c);
    roles.set(c.nodeId, moved ? 'moved' : 'duplicate');
  }
  const cardTexts = new Map<string, SnapshotText[]>();
  for (const t of snap.texts) {
    if (t.cardNodeId === undefined) continue;
    const list = cardTexts.get(t.cardNodeId);
    if (list) list.push(t);
    else cardTexts.set(t.cardNodeId, [t]);
  }
  return { isCopy: snap.isCopy, cards, duplicates, roles, cardTexts, ...indexStructure(snap), looseCardTexts: looseCardTexts(snap) };
}

function indexStructure(snap: CanvasSnapshot): Pick<CanvasIndex, 'cells' | 'lanes' | 'steps'> {
  const ids = { cell: new Set<string>(), lane: new Set<string>(), step: new Set<string>() };
  for (const t of snap.tagged) if (t.kind === 'cell' || t.kind === 'lane' || t.kind === 'step') ids[t.kind].add(t.id);
  return { cells: ids.cell, lanes: ids.lane, steps: ids.step };
}

function looseCardTexts(snap: CanvasSnapshot): Map<string, SnapshotText> {
  const loose = new Map<string, SnapshotText>();
  for (const t of snap.texts) if (t.kind === 'card' && t.cardNodeId === undefined && counts(t, snap) && !loose.has(t.id)) loose.set(t.id, t);
  return loose;
}

/**
 * A text counts for its field unless it sits in a duplicated card (which becomes a card of its
 * own); the texts of a moved card count although they are copies (they moved with it).
 */
export function textCounts(t: SnapshotText, canvas: CanvasIndex): boolean {
  const role = t.cardNodeId === undefined ? undefined : canvas.roles.get(t.cardNodeId);
  return role === 'moved' || (role !== 'duplicate' && counts(t, canvas));
}

/** The text shown in a card node's text field, if any. */
export function cardNodeText(canvas: CanvasIndex, nodeId: string): string | undefined {
  return canvas.cardTexts.get(nodeId)?.find((t) => t.field === 'text')?.text;
}
