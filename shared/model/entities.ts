// The journey's shape in one table: every kind of entity, where it lives, its id, the word and
// the text that name it in messages, the ids it holds of other entities (and what becomes of them
// when those go), and the fields the canvas shows with their text codec. Everything that walks,
// indexes, names or allocates ids derives from this table: forEachEntity (here), indexJourney
// (journey-index.ts), forEachId and IdAllocator (ids.ts), removeEntity (remove.ts). Validation,
// reconcile, sync ops, the panel's reducer and the importers use those, never a walk of their own.
//
// Adding an entity kind: a row here (test/shared/entities.test.ts fails for a list of objects in
// JourneySchema that no row names, and test/sync/ids.test.ts for an object with an id).
import {
  bulletList,
  channelText,
  commaList,
  dateText,
  journeyStatusText,
  ownerText,
  plainText,
  priorityText,
  requiredText,
  workStatusText,
  type Codec,
} from './text-codecs';
import type { Card, Curve, CurvePoint, Evidence, Journey, Lane, Link, Metric, Persona, Stage, Step, View } from './types';

export interface EntityTypes {
  journey: Journey;
  persona: Persona;
  stage: Stage;
  step: Step;
  metric: Metric;
  lane: Lane;
  card: Card;
  curve: Curve;
  point: CurvePoint;
  link: Link;
  evidence: Evidence;
  view: View;
}

export type EntityKind = keyof EntityTypes;

/** One entity with its kind: `if (e.kind === 'card') e.item.text`. */
export type AnyEntity = { [K in EntityKind]: { kind: K; item: EntityTypes[K] } }[EntityKind];

/** A field that holds the id (or, `many`, a list of ids) of other entities. */
export interface RefSpec {
  /** The kinds the id may name. */
  to: readonly EntityKind[];
  many?: true;
  /** When what it names is removed: the entity goes too, the field is unset, or the id leaves the list. */
  onRemove: 'remove' | 'unset' | 'drop';
  /** The problem when the id names nothing; `who` describes the entity (describeEntity). */
  missing(who: string, ref: string): string;
  /** The problem when the id names something it may not (a card in an emotion lane), if any. */
  /** `who` is a getter: describing an entity costs more than checking it, and most checks pass. */
  invalid?(target: EntityTypes[EntityKind], who: () => string): string | undefined;
}

export interface EntityShape<K extends EntityKind> {
  /** The word for one, in messages: `Card "Slow checkout"`. */
  word: string;
  /** The entity it lives in and the list there that holds it; null for the journey itself. */
  home: { parent: EntityKind; list: string } | null;
  /** Its id; undefined when it has none (a stage metric's is optional; a point is named by its curve and step). */
  id(item: EntityTypes[K]): string | undefined;
  /** The text that names it in messages; undefined when it has none. */
  name(item: EntityTypes[K]): string | undefined;
  /** Fields holding ids of other entities. */
  refs: Readonly<Record<string, RefSpec>>;
  /** Fields the canvas shows as text, and how each is written and read back. */
  canvas: Readonly<Record<string, Codec>>;
}

const evidenceRef: RefSpec = {
  to: ['evidence'],
  many: true,
  onRemove: 'drop',
  missing: (who, ref) => `${who} cites evidence "${ref}", which is not in the evidence list`,
};
const stepOrCard = (says: string): RefSpec => ({
  to: ['step', 'card'],
  onRemove: 'remove',
  missing: (_, ref) => `link ${says} "${ref}", which does not exist as a step or card`,
});

export const ENTITIES: { readonly [K in EntityKind]: EntityShape<K> } = {
  journey: {
    word: 'Journey',
    home: null,
    id: (j) => j.id,
    name: (j) => j.title,
    refs: {},
    canvas: {
      title: requiredText,
      description: plainText,
      objective: plainText,
      owner: plainText,
      status: journeyStatusText,
      updated: dateText,
      reviewBy: dateText,
      tags: commaList,
    },
  },
  persona: {
    word: 'Persona',
    home: { parent: 'journey', list: 'personas' },
    id: (p) => p.id,
    name: (p) => p.name,
    refs: { evidence: evidenceRef },
    canvas: { name: requiredText, segment: plainText, summary: plainText, quote: plainText, goals: bulletList, frustrations: bulletList },
  },
  stage: {
    word: 'Stage',
    home: { parent: 'journey', list: 'stages' },
    id: (s) => s.id,
    name: (s) => s.name,
    refs: {},
    canvas: { name: requiredText, customPhase: plainText },
  },
  step: {
    word: 'Step',
    home: { parent: 'stage', list: 'steps' },
    id: (s) => s.id,
    name: (s) => s.name,
    refs: {},
    canvas: { name: requiredText, description: plainText },
  },
  metric: {
    word: 'Metric',
    home: { parent: 'stage', list: 'metrics' },
    id: (m) => m.id,
    name: (m) => m.name,
    refs: {},
    canvas: {},
  },
  lane: {
    word: 'Lane',
    home: { parent: 'journey', list: 'lanes' },
    id: (l) => l.id,
    name: (l) => l.label,
    refs: {
      personaId: { to: ['persona'], onRemove: 'unset', missing: (who, ref) => `${who} belongs to persona "${ref}", which does not exist` },
    },
    canvas: { label: requiredText },
  },
  card: {
    word: 'Card',
    home: { parent: 'journey', list: 'cards' },
    id: (c) => c.id,
    name: (c) => c.text,
    refs: {
      laneId: {
        to: ['lane'],
        onRemove: 'remove',
        missing: (who, ref) => `${who} is in lane "${ref}", which does not exist`,
        invalid: (lane, who) => ((lane as Lane).type === 'emotion' ? `${who()} is in the emotion lane "${(lane as Lane).label}"; emotion comes from curves, not cards` : undefined),
      },
      stepId: { to: ['step'], onRemove: 'remove', missing: (who, ref) => `${who} is under step "${ref}", which does not exist` },
      evidence: evidenceRef,
    },
    canvas: { text: requiredText, owner: ownerText, priority: priorityText, status: workStatusText, channel: channelText },
  },
  curve: {
    word: 'Emotion curve',
    home: { parent: 'journey', list: 'curves' },
    id: (c) => c.id,
    name: (c) => c.name,
    refs: {
      personaId: { to: ['persona'], onRemove: 'remove', missing: (who, ref) => `${who} belongs to persona "${ref}", which does not exist` },
    },
    canvas: {},
  },
  point: {
    word: 'Emotion point',
    home: { parent: 'curve', list: 'points' },
    id: () => undefined,
    name: () => undefined,
    // A point is described by its curve: `Emotion curve "As-is" has a value for step …`.
    refs: { stepId: { to: ['step'], onRemove: 'remove', missing: (who, ref) => `${who} has a value for step "${ref}", which does not exist` } },
    canvas: {},
  },
  link: {
    word: 'Link',
    home: { parent: 'journey', list: 'links' },
    id: (l) => l.id,
    name: (l) => l.label,
    refs: { from: stepOrCard('starts at'), to: stepOrCard('ends at') },
    canvas: { label: plainText },
  },
  evidence: {
    word: 'Evidence',
    home: { parent: 'journey', list: 'evidence' },
    id: (e) => e.id,
    name: (e) => e.source,
    refs: {},
    canvas: {},
  },
  view: {
    word: 'View',
    home: { parent: 'journey', list: 'views' },
    id: (v) => v.id,
    name: (v) => v.name,
    // Its personas, lanes and stages are named in `options` (validate.ts checks them); views are drawn
    // beside the map and never read back from the canvas.
    refs: {},
    canvas: {},
  },
};

export const ENTITY_KINDS = Object.keys(ENTITIES) as EntityKind[];

/** The row of a kind, typed loosely: for code that holds a kind it did not narrow. */
export const shapeOf = (kind: EntityKind): EntityShape<EntityKind> => ENTITIES[kind] as unknown as EntityShape<EntityKind>;

export const isEntityKind = (kind: string): kind is EntityKind => Object.prototype.hasOwnProperty.call(ENTITIES, kind);

/** The kinds that live directly in each kind, in the table's order (which is the document's). */
export const CHILD_KINDS: { readonly [K in EntityKind]: readonly EntityKind[] } = (() => {
  const out = Object.fromEntries(ENTITY_KINDS.map((k) => [k, [] as EntityKind[]])) as Record<EntityKind, EntityKind[]>;
  for (const kind of ENTITY_KINDS) {
    const home = ENTITIES[kind].home;
    if (home) out[home.parent].push(kind);
  }
  return out;
})();

/** The list in `parent` that holds entities of `kind` (an empty list when the field is missing). */
export function itemsOf<K extends EntityKind>(parent: object, kind: K): readonly EntityTypes[K][] {
  const home = ENTITIES[kind].home;
  const list = home ? (parent as Record<string, unknown>)[home.list] : undefined;
  return Array.isArray(list) ? (list as EntityTypes[K][]) : [];
}

export type Visit = (e: AnyEntity, path: () => string, parent: AnyEntity | null) => void;

/** Visits every entity in document order, each before what lives in it; `path` names its place (`stages[0].steps[1]`). */
export function forEachEntity(j: Journey, visit: Visit): void {
  visitTree({ kind: 'journey', item: j }, () => '(journey)', null, null, visit);
}

function visitTree(e: AnyEntity, path: () => string, parentPath: (() => string) | null, parent: AnyEntity | null, visit: Visit): void {
  visit(e, path, parent);
  for (const kind of CHILD_KINDS[e.kind]) {
    const list = ENTITIES[kind].home!.list;
    const items = itemsOf(e.item, kind);
    for (let i = 0; i < items.length; i++) {
      const at = parentPath ? () => `${path()}.${list}[${i}]` : () => `${list}[${i}]`;
      visitTree({ kind, item: items[i] } as AnyEntity, at, at, e, visit);
    }
  }
}

/** The entity's name when it has a non-blank one. */
export function nameOf(e: AnyEntity): string | undefined {
  const name = shapeOf(e.kind).name(e.item);
  return typeof name === 'string' && name.trim() ? name : undefined;
}

/** `Card "Slow checkout"` (cut at 40 characters), or `Card "c-1"` by id when it has no name: for validation's messages. */
export function describeEntity(e: AnyEntity): string {
  const shape = shapeOf(e.kind);
  const name = nameOf(e);
  if (name !== undefined) return `${shape.word} "${name.length > 40 ? `${name.slice(0, 39)}…` : name}"`;
  return `${shape.word} ${JSON.stringify(shape.id(e.item))}`;
}

/** The codec of a field the canvas shows, when it shows it. */
export function canvasCodec(kind: string, field: string): Codec | undefined {
  if (!isEntityKind(kind)) return undefined;
  const canvas = ENTITIES[kind].canvas;
  return Object.prototype.hasOwnProperty.call(canvas, field) ? canvas[field] : undefined;
}
