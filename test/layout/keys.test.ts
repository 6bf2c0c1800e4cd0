// Layout keys never collide (shared/layout/keys.ts): whatever the ids hold, every node of a map
// has its own key, so a re-render finds each node again, draws the right text and writes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellFrameKey, cellKey, childKey, entityKey, keyPart, parseCellKey } from '../../shared/layout/keys';
import { layoutJourney } from '../../shared/layout/layout';
import { walk } from '../../shared/layout/spec';
import { loadJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { arbitraryJourney, lookalikeIds } from '../support/arbitrary-journey';
import { draw, stage, style, textsByKey } from '../support/map-fixture';

const RUNS = Number(process.env.JM_PROPERTY_RUNS ?? 300);
const SEED = process.env.JM_SEED ? { seed: Number(process.env.JM_SEED) } : {};

/** The journey of the reliability review's key-collision repro (row 16). */
function keyCollisionJourney(): Journey {
  const loaded = loadJourney({
    format: 'journey-mapper',
    schemaVersion: 1,
    journey: {
      id: 'j-keys',
      title: 'Layout key collisions',
      personas: [{ id: 'p', name: 'Pat' }],
      stages: [
        {
          id: 'st',
          name: 'Stage',
          metrics: [{ id: '1', name: 'Metric with id 1', value: 1 }, { name: 'Metric without id', value: 2 }],
          steps: [{ id: 's', name: 'A' }, { id: 'b:s', name: 'B' }],
        },
      ],
      lanes: [{ id: 'e', type: 'emotion', label: 'Feeling' }, { id: 'e:x', type: 'emotion', label: 'Feeling (x)' }],
      curves: [
        { id: 'x:c', personaId: 'p', points: [{ stepId: 's', value: 1 }] },
        { id: 'c', personaId: 'p', kind: 'to-be', points: [{ stepId: 's', value: -2 }, { stepId: 'b:s', value: 2 }] },
      ],
    },
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.journey;
}

function duplicateKeys(journey: Journey, editor: 'figma' | 'figjam' = 'figma'): string[] {
  const layout = layoutJourney(journey, style(), { editor });
  const seen = new Set<string>();
  const dupes: string[] = [];
  const note = (key: string) => (seen.has(key) ? dupes.push(key) : seen.add(key));
  walk(layout.root, (s) => note(s.key));
  for (const c of layout.connectors) note(c.key);
  return dupes;
}

describe('key parts', () => {
  it('escape the separators and the escape character, so distinct parts give distinct keys', () => {
    expect(entityKey('curve', 'e:x', 'c')).not.toBe(entityKey('curve', 'e', 'x:c'));
    expect(childKey('stage:st', 'metric', '1')).not.toBe(childKey('stage:st', 'metric-index', 1));
    expect(keyPart('a%7Cb')).not.toBe(keyPart('a|b'));
    // Ids are written as they are (none holds `% / |`): existing maps keep their keys.
    expect(entityKey('card', 'c-act_1.2:x')).toBe('card:c-act_1.2:x');
    expect(cellKey('lane-1', 'step.2')).toBe('lane-1|step.2');
    expect(cellFrameKey('lane-1', 'step.2')).toBe('cell:lane-1|step.2');
  });

  it('a cell id reads back as the lane and step it was made from (any text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (laneId, stepId) => {
        expect(parseCellKey(cellKey(laneId, stepId))).toEqual({ laneId, stepId });
      }),
      { numRuns: 500, ...SEED },
    );
  });

  it('entity and child keys are one-to-one for any parts', () => {
    const parts = fc.array(fc.string({ unit: 'grapheme', maxLength: 4 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(entityKey('k', ...a)).not.toBe(entityKey('k', ...b));
        expect(childKey('k:x', ...a)).not.toBe(childKey('k:x', ...b));
      }),
      { numRuns: 500, ...SEED },
    );
  });
});

describe('layout keys cannot collide', () => {
  it('the review repro: a metric id "1" beside a metric without an id, and ids with ":"', () => {
    expect(duplicateKeys(keyCollisionJourney())).toEqual([]);
  });

  it('the review repro draws each entity once, and a re-render writes nothing', async () => {
    const s = stage();
    const journey = keyCollisionJourney();
    const { map } = await draw(s, journey);
    s.emu.resetStats();
    await draw(s, journey, style(), map.id);
    expect(s.emu.stats().writes).toBe(0);
    const texts = [...textsByKey(map).values()];
    expect(texts).toContain('Metric with id 1: 1');
    expect(texts).toContain('Metric without id: 2');
  });

  it(`every spec key is unique for journeys with look-alike ids and metrics without ids (${RUNS} journeys, Figma and FigJam)`, () => {
    fc.assert(
      fc.property(arbitraryJourney({ ids: lookalikeIds(), maxStages: 3, maxLanes: 6, maxCards: 10, maxLinks: 4 }), (journey) => {
        expect(duplicateKeys(journey, 'figma')).toEqual([]);
        expect(duplicateKeys(journey, 'figjam')).toEqual([]);
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 60_000);

  it('a re-render of a journey with look-alike ids writes nothing (40 drawn journeys)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryJourney({ ids: lookalikeIds(), maxStages: 2, maxLanes: 4, maxCards: 6, maxLinks: 3, maxEvidence: 2, maxPersonas: 2 }), async (journey) => {
        const s = stage();
        const { map } = await draw(s, journey);
        s.emu.resetStats();
        await draw(s, journey, style(), map.id);
        expect(s.emu.stats().writes).toBe(0);
      }),
      { numRuns: 40, timeout: 20_000, ...SEED },
    );
  }, 120_000);
});
