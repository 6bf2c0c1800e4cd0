// Ids are allocated against every id in the journey (shared/model/ids.ts): sync's new cards never
// take an id that a stage metric, a piece of evidence or any other entity already holds.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { allIds, forEachId, IdAllocator } from '../../shared/model/ids';
import { LIMITS } from '../../shared/model/limits';
import { JourneySchema } from '../../shared/model/schema';
import type { Journey } from '../../shared/model/types';
import { readModel } from '../../plugin/store/model-store';
import { applyCanvasEdit } from '../harness/canvas-edits';
import { draw, example, stage, style } from '../support/map-fixture';
import { schemaObjects } from '../support/schema-objects';

describe('sync allocates ids against every id in the journey', () => {
  it('a duplicated card whose "-copy" id a stage metric holds gets the next free id', async () => {
    const s = stage();
    const journey = example('retail-purchase');
    const card = journey.cards[0]!;
    journey.stages[0]!.metrics.push({ id: `${card.id}-copy`, name: 'Taken id' });
    const { map } = await draw(s, journey);
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'duplicate', id: card.id });
    await s.emu.flush();
    const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(r.applied).toBe(true);
    const stored = readModel(map);
    if (!stored.ok) throw new Error('unreadable');
    expect(stored.value.journey.cards.map((c) => c.id)).toContain(`${card.id}-copy-2`);
  });

  it('ids holding ":" and "." (look-alikes of layout keys) duplicate and sync like any other', async () => {
    const s = stage();
    const journey = example('retail-purchase');
    const card = journey.cards[0]!;
    const odd = 'c:x.1';
    journey.links = journey.links.map((l) => ({ ...l, from: l.from === card.id ? odd : l.from, to: l.to === card.id ? odd : l.to }));
    card.id = odd;
    const { map } = await draw(s, journey);
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'duplicate', id: odd });
    await s.emu.flush();
    const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(r.changes.map((c) => [c.kind, c.id])).toEqual([['duplicate', `${odd}-copy`]]);
    const again = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(again.changes).toEqual([]);
    expect(again.warnings).toEqual([]);
  });
});

/** Paths (like `stages[].metrics[]`) of every object in the schema that has an `id` field. */
function schemaIdPaths(schema: unknown): Set<string> {
  return new Set(schemaObjects(schema).filter((o) => o.keys.includes('id')).map((o) => o.path || '(journey)'));
}

/** A journey holding at least one of every entity that has an id. */
function journeyWithEveryEntity(): Journey {
  const j = example('retail-purchase');
  j.stages[0]!.metrics.push({ id: 'metric-with-id', name: 'Metric with an id' });
  return j;
}

describe('allIds covers the schema', () => {
  it('every object with an `id` in JourneySchema is visited by forEachId (add new entities to shared/model/ids.ts)', () => {
    const visited = new Set<string>();
    forEachId(journeyWithEveryEntity(), (_, path) => visited.add(path().replace(/\[\d+\]/g, '[]')));
    const inSchema = schemaIdPaths(JourneySchema);
    expect(inSchema.size).toBeGreaterThanOrEqual(10);
    expect([...visited].sort()).toEqual([...inSchema].sort());
  });

  it('the schema walk sees through optional, default and array wrappers (so the test above can fail)', () => {
    const Extra = z.looseObject({ id: z.string(), nested: z.optional(z.array(z.looseObject({ id: z.string() }))) });
    const extended = z.extend(JourneySchema, { extras: z._default(z.array(Extra), () => []) });
    const paths = schemaIdPaths(extended);
    expect(paths).toContain('extras[]');
    expect(paths).toContain('extras[].nested[]');
  });

  it('allIds holds stage metric ids, and ids of every list', () => {
    const j = journeyWithEveryEntity();
    const ids = allIds(j);
    for (const id of ['metric-with-id', j.id, j.evidence[0]!.id, j.links[0]!.id, j.curves[0]!.id, j.stages[0]!.steps[0]!.id]) expect(ids).toContain(id);
  });
});

describe('IdAllocator', () => {
  it('claims the base when free, then base-2, base-3…, never an id already taken', () => {
    const ids = new IdAllocator(new Set(['a', 'a-2', 'a-4']));
    expect([ids.claim('a'), ids.claim('a'), ids.claim('a'), ids.claim('b')]).toEqual(['a-3', 'a-5', 'a-6', 'b']);
    expect(ids.claim('b')).toBe('b-2');
  });

  it('numbers from 1 for the panel (card-1, card-2…), skipping taken ones', () => {
    const taken = new Set(['card-1', 'card-3']);
    const ids = new IdAllocator(taken);
    expect([ids.numbered('card'), ids.numbered('card'), ids.numbered('card')]).toEqual(['card-2', 'card-4', 'card-5']);
    expect(taken).toContain('card-5');
  });

  it('cleans a base to the id alphabet and keeps room for a suffix within the id limit', () => {
    const ids = new IdAllocator(new Set());
    expect(ids.claim('a b/é')).toBe('a-b--');
    const long = 'x'.repeat(100);
    ids.claim(long);
    expect(ids.claim(long).length).toBeLessThanOrEqual(LIMITS.idLength);
  });

  it('allocating many ids from one base is linear: each allocation looks at the taken set a bounded number of times', () => {
    const taken = new Set<string>();
    let lookups = 0;
    const counting = new Proxy(taken, {
      get(target, prop) {
        if (prop === 'has') return (v: string) => (lookups++, target.has(v));
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const ids = new IdAllocator(counting);
    for (let i = 0; i < 2000; i++) ids.claim('c-copy');
    expect(taken.size).toBe(2000);
    expect(lookups).toBeLessThan(3 * 2000);
  });
});
