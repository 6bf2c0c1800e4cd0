import { describe, expect, it } from 'vitest';
import { checkBudgets, overBy, type Budgets } from './budgets';
import type { SizeResult } from './measure';

describe('a budget miss says which figure and by how much', () => {
  it('gives the excess in units and per cent', () => {
    expect(overBy(120, 100)).toBe('20 (20%)');
    expect(overBy(3, 0)).toBe('3');
  });

  it('names the figure, the size, the budget and the excess; CI relaxes wall-clock budgets only', () => {
    const budgets = {
      ci: { sizes: ['S'], sliceFactor: 2, why: '' },
      perSize: {
        writesPerCard: { max: 110, wallClock: false, ci: true, why: '' },
        longestSliceMsEstimated: { max: 50, wallClock: true, ci: true, why: '' },
      },
      run: {},
      bundle: {},
      ui: {},
    } as unknown as Budgets;
    const result = { size: 'S', writesPerCard: 121, longestSliceMsEstimated: 90 } as unknown as SizeResult;
    const failures = checkBudgets(budgets, [result], null, null, { ci: true, sliceFactor: 2 });
    expect(failures.map((f) => f.message)).toEqual(['writesPerCard is 121; budget 110, over by 11 (10%) (size S)']);
  });
});
