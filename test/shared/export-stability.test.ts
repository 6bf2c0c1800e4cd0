// Export is byte-for-byte stable: a journey written out, loaded and written again gives the same
// bytes, so an unchanged journey diffs cleanly in git (issue 5, "Export").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadJourneyText, serializeJourney } from '../../shared/model';
import { EXAMPLES } from '../../shared/examples';
import { arbitraryJourney } from '../support/arbitrary-journey';

function roundTrip(text: string): string {
  const loaded = loadJourneyText(text);
  if (!loaded.ok) throw new Error(loaded.error.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return serializeJourney(loaded.value.journey);
}

describe('serializeJourney', () => {
  it('writes each bundled example the same way every time it is loaded again', () => {
    for (const e of EXAMPLES) {
      const once = roundTrip(JSON.stringify(e.envelope));
      expect(roundTrip(once)).toBe(once);
    }
  });

  it('is a fixed point for generated journeys (300 runs)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (journey) => {
        const once = serializeJourney(journey);
        expect(roundTrip(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
