// Emotion curves are smooth and never overshoot: between two points a segment stays within the
// two values (monotone cubic interpolation), so a curve never leaves the scale.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothPath, type Point } from '../../shared/layout/curve';

function segments(path: string): number[][] {
  const nums = path.split(' ').filter((t) => !/[MC]/.test(t)).map(Number);
  const out: number[][] = [];
  for (let i = 2; i + 5 < nums.length; i += 6) out.push([nums[i - 2]!, nums[i - 1]!, ...nums.slice(i, i + 6)]);
  return out;
}

const bezier = (t: number, a: number, b: number, c: number, d: number) =>
  (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;

describe('smoothPath', () => {
  it('uses only absolute M and C commands with single spaces (what Figma accepts)', () => {
    const d = smoothPath([{ x: 0, y: 10 }, { x: 50, y: 0 }, { x: 100, y: 20 }]);
    expect(d).toMatch(/^M [\d.-]+ [\d.-]+( C [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+)+$/);
  });

  it('passes through every point and never overshoots between two of them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 2, maxLength: 14 }), (values) => {
        const points: Point[] = values.map((v, i) => ({ x: i * 233, y: 100 - v * 40 }));
        const d = smoothPath(points);
        const segs = segments(d);
        expect(segs).toHaveLength(points.length - 1);
        segs.forEach(([, y0, , c1, , c2, , y1], i) => {
          expect(y0).toBeCloseTo(points[i]!.y, 1);
          expect(y1).toBeCloseTo(points[i + 1]!.y, 1);
          const lo = Math.min(y0!, y1!) - 0.05;
          const hi = Math.max(y0!, y1!) + 0.05;
          for (let t = 0; t <= 1; t += 0.05) {
            const y = bezier(t, y0!, c1!, c2!, y1!);
            expect(y).toBeGreaterThanOrEqual(lo);
            expect(y).toBeLessThanOrEqual(hi);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a flat run flat', () => {
    const d = smoothPath([{ x: 0, y: 50 }, { x: 100, y: 50 }, { x: 200, y: 50 }, { x: 300, y: 0 }]);
    const [first] = segments(d);
    expect(first!.filter((_, i) => i % 2 === 1)).toEqual([50, 50, 50, 50]);
  });
});
