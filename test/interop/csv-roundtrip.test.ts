import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsv } from '../../shared/interop/csv';
import { arbitraryJourney } from '../support/arbitrary-journey';

describe('CSV export then import', () => {
  it('gives back the same journey (property, 300 cases)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (j) => {
        const back = importCsv(exportCsv(j));
        if (!back.ok) throw new Error(JSON.stringify(back.error, null, 1));
        expect(back.value).toEqual(j);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
