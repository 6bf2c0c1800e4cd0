// What changed between two journeys, entity by entity. A diff is a list of entries, each about one
// entity (or one list's order), complete enough to be applied (./apply.ts) and reversed: applying
// diffJourneys(a, b) to a gives b, and applying its reverse to b gives a back.
//
// Entities are the journey itself, personas, stages, steps (in their stage), lanes, cards, curves,
// emotion points (in their curve, keyed by step id), links and evidence: every kind forEachId visits
// (test/diff/diff-words.test.ts fails when the model grows a kind the diff does not know). Stage
// metrics, scale labels, tags, goals and evidence references are values of their entity's fields.

export const ENTITY_KINDS = ['journey', 'persona', 'stage', 'step', 'lane', 'card', 'curve', 'point', 'link', 'evidence'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A JSON object: an entity without its child list (a stage without `steps`, a curve without `points`). */
export type EntityValue = Record<string, unknown>;

/** Where a card sits on the map. */
export interface Cell {
  laneId: string;
  stepId: string;
}

export type DiffEntry =
  /** A new entity at `index` of its list (its stage's steps, its curve's points, or a journey list). */
  | { type: 'add'; kind: EntityKind; id: string; parent?: string; index: number; value: EntityValue }
  /** An entity gone from `index` of its list in the older journey. */
  | { type: 'remove'; kind: EntityKind; id: string; parent?: string; index: number; value: EntityValue }
  /** One field of an entity found in both; `before` or `after` is absent when the field was. */
  | { type: 'change'; kind: EntityKind; id: string; parent?: string; field: string; before?: unknown; after?: unknown }
  /** A card in another cell. */
  | { type: 'moveCard'; kind: 'card'; id: string; from: Cell; to: Cell }
  /** A step in another stage: from `fromIndex` of the old stage's steps to `index` of the new one's. */
  | { type: 'moveStep'; kind: 'step'; id: string; from: string; to: string; fromIndex: number; index: number }
  /**
   * A list whose items that stayed in it are in another order: the whole list's ids before and
   * after, and `moved`, the fewest items whose moving explains the new order.
   */
  | { type: 'reorder'; kind: EntityKind; parent?: string; before: string[]; after: string[]; moved: string[] };

export interface JourneyDiff {
  entries: DiffEntry[];
}

export type DiffEntryType = DiffEntry['type'];

/** The groups of plain-words lines (./words.ts), in the order the panel and the changelog show them. */
export const LINE_GROUPS = ['added', 'removed', 'changed', 'moved', 'reordered', 'emotions'] as const;
export type LineGroup = (typeof LINE_GROUPS)[number];
