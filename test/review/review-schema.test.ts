// The optional review stamps on the journey and its stages: kept when valid, refused with a path
// and a plain message when not, left out by the formats that cannot hold them (and said so).
import { describe, expect, it } from 'vitest';
import { exportMermaid } from '../../shared/interop/mermaid';
import { loadJourney } from '../../shared/model';
import { exampleJourney, expectProblem } from '../shared/journey-helpers';

describe('review stamps in the schema', () => {
  it('keeps a valid stamp on the journey and on a stage', () => {
    const j = exampleJourney('retail-purchase');
    j.review = { by: 'Mia Chen', at: '2026-03-01', hash: 'abc123' };
    j.stages[0].review = { at: '2026-03-02', hash: 'def456' };
    const loaded = loadJourney(j);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.journey.review).toEqual({ by: 'Mia Chen', at: '2026-03-01', hash: 'abc123' });
    expect(loaded.value.journey.stages[0]?.review).toEqual({ at: '2026-03-02', hash: 'def456' });
  });

  it('refuses a stamp without a real date or a hash, naming the field', () => {
    const j = exampleJourney('retail-purchase');
    j.review = { by: 'Mia', at: '2026-02-30', hash: '' };
    const loaded = loadJourney(j);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expectProblem(loaded.error, 'review.at', 'not a real calendar date');
    expectProblem(loaded.error, 'review.hash', 'is empty');
  });

  it('Mermaid says it leaves the stamps out', () => {
    const j = exampleJourney('retail-purchase');
    j.review = { at: '2026-03-01', hash: 'abc' };
    j.stages[1].review = { at: '2026-03-01', hash: 'abc' };
    const loaded = loadJourney(j);
    if (!loaded.ok) throw new Error('example invalid');
    expect(exportMermaid(loaded.value.journey).lost.join('; ')).toContain('2 review stamps');
  });
});
