// The reduced benchmark (issue 8): measures the small and medium maps (budgets.json "ci.sizes")
// with the BUILT plugin in the Figma emulator and fails when a figure breaks its budget in
// test/bench/budgets.json, naming the figure and its budget ("rerenderWrites is 3; budget 0, over by 3 (size M)").
// Wall-clock budgets are multiplied by ci.sliceFactor here. Figures marked "knownMiss" are expected
// to fail: their test turns red the day the figure meets its budget, so the mark gets removed.
// The full run over every size is `npm run bench`.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBudgets, derived, loadBudgets, type BudgetFailure } from '../bench/budgets';
import { bundleSizes } from '../bench/bundle';
import { SIZES } from '../bench/generate';
import { measureSize, type SizeResult } from '../bench/measure';

const budgets = loadBudgets();
const sizes = SIZES.filter((s) => budgets.ci.sizes.includes(s.name));
let results: SizeResult[] = [];
let failures: BudgetFailure[] = [];

beforeAll(async () => {
  results = [];
  // No naive redraw in CI: it equals the first render's writes (a render into an empty file).
  // No waiting out live sync's debounce either (see MeasureOptions.settle).
  for (const size of sizes) results.push(await measureSize(size, { naive: false, settle: false }));
  failures = checkBudgets(budgets, results, bundleSizes(), null, { ci: true, sliceFactor: budgets.ci.sliceFactor });
}, 240_000);

describe(`performance budgets on ${budgets.ci.sizes.join(' and ')} (test/bench/budgets.json)`, () => {
  it('names only figures the bench measures', () => {
    const r = results[0] as SizeResult;
    const known = new Set([...Object.keys(r), ...Object.keys(derived(r))]);
    expect(Object.keys(budgets.perSize).filter((f) => !known.has(f))).toEqual([]);
    expect(Object.keys(budgets.bundle).filter((f) => !(f in bundleSizes()))).toEqual([]);
    expect(sizes.map((s) => s.name)).toEqual(budgets.ci.sizes);
  });

  it('meets every budget that is not a known miss', () => {
    const broken = failures.filter((f) => !f.knownMiss).map((f) => f.message);
    expect(broken, broken.join('\n')).toEqual([]);
  });

  const misses = Object.entries({ ...budgets.perSize, ...budgets.bundle }).filter(([, b]) => b.knownMiss && b.ci);
  for (const [figure, b] of misses) {
    it.fails(`KNOWN MISS ${figure} (budget ${b.max}${b.wallClock ? ` × ${budgets.ci.sliceFactor}` : ''}): when this test fails, the figure is fixed; remove "knownMiss" from budgets.json`, () => {
      const over = failures.filter((f) => f.figure === figure);
      expect(over.map((f) => f.message)).toEqual([]);
    });
  }
});
