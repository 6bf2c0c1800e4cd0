import { describe, expect, it } from 'vitest';
import { median, medianResult, unstableCounts } from './median';
import type { SizeResult } from './measure';

const run = (renderMs: number, writes: number, slice: number): SizeResult => ({ size: 'S', engine: 'quickjs', renderMs, writes, sliceMsByOperation: { render: slice } }) as unknown as SizeResult;

describe('bench median of runs', () => {
  it('takes the middle value, and the mean of the two middle ones for an even count', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
  });

  it('folds numbers, nested records and keeps strings from the first run', () => {
    const folded = medianResult([run(300, 10, 40), run(100, 10, 60), run(200, 10, 50)]);
    expect(folded.renderMs).toBe(200);
    expect(folded.writes).toBe(10);
    expect(folded.sliceMsByOperation).toEqual({ render: 50 });
    expect(folded.engine).toBe('quickjs');
  });

  it('names count figures that changed between runs', () => {
    expect(unstableCounts([run(1, 10, 1), run(2, 10, 1)])).toEqual([]);
    expect(unstableCounts([run(1, 10, 1), run(2, 11, 1)])).toEqual(['writes: 10 / 11']);
  });
});
