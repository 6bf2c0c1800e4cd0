// The shape table (shared/model/entities.ts) against the schema: every list of objects in
// JourneySchema is an entity kind of the table, at the place the table says; and what derives
// from the table (the walk, the index, removal) covers every kind.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CHILD_KINDS, ENTITIES, ENTITY_KINDS, forEachEntity, type EntityKind } from '../../shared/model/entities';
import { indexJourney } from '../../shared/model/journey-index';
import { removeEntities } from '../../shared/model/remove';
import { JourneySchema } from '../../shared/model/schema';
import type { Journey } from '../../shared/model/types';
import { example } from '../support/map-fixture';
import { schemaObjects } from '../support/schema-objects';

/** Lists of objects in the schema that are parts of a value, not entities. */
const NOT_ENTITIES = ['emotionScale.labels[]'];

/** Paths (like `stages[].metrics[]`) of every list of objects in a schema. */
function objectListPaths(schema: unknown): Set<string> {
  return new Set(schemaObjects(schema).map((o) => o.path).filter((p) => p.endsWith('[]')));
}

/** Where the table says each kind lives, as a schema path. */
function tablePath(kind: EntityKind): string {
  const home = ENTITIES[kind].home;
  if (!home) return '';
  const parent = tablePath(home.parent);
  return `${parent ? `${parent}.` : ''}${home.list}[]`;
}

/** A journey holding at least one of every entity kind. */
function everyKind(): Journey {
  const j = example('retail-purchase');
  j.stages[0]!.metrics.push({ id: 'metric-with-id', name: 'Metric with an id' });
  return j;
}

describe('the shape table', () => {
  it('names every list of objects in JourneySchema as an entity kind (add a row to shared/model/entities.ts)', () => {
    const inSchema = [...objectListPaths(JourneySchema)].filter((p) => !NOT_ENTITIES.includes(p)).sort();
    const inTable = ENTITY_KINDS.filter((k) => ENTITIES[k].home).map(tablePath).sort();
    expect(inSchema.length).toBeGreaterThanOrEqual(10);
    expect(inTable).toEqual(inSchema);
  });

  it('the schema walk finds a list added to the schema (so the test above can fail)', () => {
    const Extra = z.looseObject({ name: z.string(), parts: z.optional(z.array(z.looseObject({ n: z.number() }))) });
    const extended = z.extend(JourneySchema, { extras: z._default(z.array(Extra), () => []) });
    const paths = objectListPaths(extended);
    expect(paths).toContain('extras[]');
    expect(paths).toContain('extras[].parts[]');
  });

  it('every reference that removes its holder names kinds that come earlier in a journey, so removal needs one pass', () => {
    const order: EntityKind[] = [];
    const visit = (k: EntityKind) => {
      order.push(k);
      for (const child of CHILD_KINDS[k]) visit(child);
    };
    visit('journey');
    const top = (k: EntityKind): EntityKind => {
      const home = ENTITIES[k].home;
      return !home || home.parent === 'journey' ? k : top(home.parent);
    };
    for (const kind of ENTITY_KINDS)
      for (const ref of Object.values(ENTITIES[kind].refs))
        if (ref.onRemove === 'remove') for (const to of ref.to) expect(order.indexOf(top(to)), `${kind} → ${to}`).toBeLessThan(order.indexOf(top(kind)));
  });

  it('forEachEntity visits every kind, in document order', () => {
    const seen: string[] = [];
    forEachEntity(everyKind(), (e, path) => seen.push(`${e.kind} ${path()}`));
    expect(new Set(seen.map((s) => s.split(' ')[0]))).toEqual(new Set(ENTITY_KINDS));
    expect(seen.slice(0, 2)).toEqual(['journey (journey)', 'persona personas[0]']);
    expect(seen).toContain('point curves[0].points[0]');
    expect(seen).toContain('metric stages[0].metrics[0]');
  });

  it('indexJourney finds entities by kind and id, cells and points', () => {
    const j = everyKind();
    const ix = indexJourney(j);
    const card = j.cards[0]!;
    expect(ix.byId.card.get(card.id)).toBe(card);
    expect(ix.byId.metric.get('metric-with-id')?.name).toBe('Metric with an id');
    expect(ix.cells.get(card.laneId)?.get(card.stepId)).toContain(card);
    const curve = j.curves[0]!;
    expect(ix.points.get(curve.id)?.get(curve.points[0]!.stepId)).toBe(curve.points[0]);
    expect(ix.steps.map((s) => s.id)).toEqual(j.stages.flatMap((s) => s.steps.map((st) => st.id)));
  });

  it('removeEntities takes what hangs off the removed entity and keeps the rest as it was', () => {
    const j = everyKind();
    const step = j.stages[0]!.steps[0]!;
    const next = removeEntities(j, 'step', [step.id]);
    expect(next.cards.some((c) => c.stepId === step.id)).toBe(false);
    expect(next.links.some((l) => l.from === step.id || l.to === step.id)).toBe(false);
    expect(next.curves.flatMap((c) => c.points).some((p) => p.stepId === step.id)).toBe(false);
    expect(next.evidence).toBe(j.evidence);
    expect(removeEntities(j, 'card', ['no-such-card'])).toBe(j);
  });
});
