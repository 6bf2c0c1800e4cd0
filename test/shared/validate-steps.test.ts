// validateJourney checks the long lists an item at a time, pausing between items, so an XL journey
// never holds Figma's main thread for long. It must say exactly what one parse of the whole journey
// says: the same journey back, or the same problems in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateJourney, validateJourneySteps, validateWhole } from '../../shared/model/validate';
import { LIMITS } from '../../shared/model/limits';
import { arbitraryJourney } from '../support/arbitrary-journey';

const RUNS = Number(process.env.JM_PROPERTY_RUNS ?? 200);

/** Breaks a journey in one of the ways people and tools do: a wrong type, a bad enum, a missing field, a dangling reference. */
const corrupt = (j: Record<string, unknown>) =>
  fc.oneof(
    fc.constant((x: Record<string, unknown>) => void ((x.cards as Record<string, unknown>[])[0] && ((x.cards as Record<string, unknown>[])[0]!.laneId = 'nowhere'))),
    fc.constant((x: Record<string, unknown>) => void ((x.cards as Record<string, unknown>[])[0] && ((x.cards as Record<string, unknown>[])[0]!.effort = 9.5))),
    fc.constant((x: Record<string, unknown>) => void ((x.lanes as Record<string, unknown>[])[0] && ((x.lanes as Record<string, unknown>[])[0]!.type = 'feelings'))),
    fc.constant((x: Record<string, unknown>) => void delete (x.stages as Record<string, unknown>[])[0]!.name),
    fc.constant((x: Record<string, unknown>) => void (x.title = 42)),
    fc.constant((x: Record<string, unknown>) => void (x.stages = [])),
    fc.constant((x: Record<string, unknown>) => void (x.links = 'none')),
    fc.constant((x: Record<string, unknown>) => void (x.evidence = [null, { id: 'e', kind: 'rumour' }])),
  ).map((f) => {
    const copy = structuredClone(j);
    f(copy);
    return copy;
  });

describe('validateJourney in steps', () => {
  it('equals one parse of the whole journey, for valid and broken journeys alike (full unicode)', () => {
    fc.assert(
      fc.property(arbitraryJourney().chain((j) => fc.tuple(fc.constant(j as unknown as Record<string, unknown>), corrupt(j as unknown as Record<string, unknown>))), ([valid, broken]) => {
        expect(validateJourney(valid)).toEqual(validateWhole(valid));
        expect(validateJourney(broken)).toEqual(validateWhole(broken));
      }),
      { numRuns: RUNS },
    );
  });

  it('pauses after every item of the long lists', () => {
    const cards = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, laneId: 'l', stepId: 's', text: 'x', evidence: [] }));
    const journey = { id: 'j', title: 'T', stages: [{ id: 'st', name: 'S', steps: [{ id: 's', name: 'S' }] }], lanes: [{ id: 'l', type: 'actions', label: 'L' }], cards };
    let pauses = 0;
    const steps = validateJourneySteps(journey);
    for (let r = steps.next(); !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(cards.length);
  });

  it('a list longer than allowed is parsed whole, with the list-level problem', () => {
    const lanes = Array.from({ length: LIMITS.lanes + 1 }, (_, i) => ({ id: `l${i}`, type: 'actions', label: 'L' }));
    const journey = { id: 'j', title: 'T', stages: [{ id: 'st', name: 'S', steps: [{ id: 's', name: 'S' }] }], lanes };
    expect(validateJourney(journey)).toEqual(validateWhole(journey));
    const r = validateJourney(journey);
    expect(!r.ok && r.error.map((p) => p.path)).toContain('lanes');
  });
});
