// followMarkers: the curve a moved emotion marker's lane shows at once, before sync. Its shape must
// be exactly what the next render draws once sync has read the markers, so it is checked against
// layoutJourney itself: unmoved, for every example and density; moved, for arbitrary drags.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emotionGeometry, followMarkers, movedMarkerValue, valueToY } from '../../shared/layout/emotion';
import { cellKey, entityKey } from '../../shared/layout/keys';
import { layoutJourney } from '../../shared/layout/layout';
import { METRICS } from '../../shared/layout/metrics';
import { walk, type NodeSpec, type VectorSpec } from '../../shared/layout/spec';
import type { Journey } from '../../shared/model/types';
import { DENSITIES } from '../../shared/style/options';
import { example, EXAMPLE_IDS, style } from '../support/map-fixture';

/** The curve vectors layoutJourney draws, by their layout key. */
function drawnCurves(journey: Journey, density: (typeof DENSITIES)[number]): Map<string, VectorSpec> {
  const out = new Map<string, VectorSpec>();
  walk(layoutJourney(journey, style({ density })).root, (s: NodeSpec) => {
    if (s.type === 'VECTOR' && s.key.startsWith('curve:')) out.set(s.key, s);
  });
  return out;
}

const shapeOf = (s: VectorSpec) => ({ x: s.x, y: s.y, width: s.width, height: s.height, path: s.path });
const emotionLanes = (j: Journey) => j.lanes.filter((l) => l.type === 'emotion' && !l.hidden);

describe('followMarkers', () => {
  it('with no marker moved, gives every curve exactly as the layout draws it', () => {
    let compared = 0;
    for (const id of EXAMPLE_IDS)
      for (const density of DENSITIES) {
        const j = example(id);
        const drawn = drawnCurves(j, density);
        for (const lane of emotionLanes(j))
          for (const c of followMarkers(j, density, lane.id, new Map()).curves) {
            expect(c.shape).toEqual(shapeOf(drawn.get(entityKey('curve', lane.id, c.curveId))!));
            compared++;
          }
      }
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it('with markers dragged anywhere, gives the curves the render draws once sync has read them', () => {
    const j = example('retail-purchase');
    const lane = emotionLanes(j)[0]!;
    const points = j.curves.flatMap((c) => c.points.map((p) => ({ curveId: c.id, stepId: p.stepId, value: p.value })));
    const height = METRICS.comfortable.emotionHeight;
    const g = emotionGeometry(j, height);
    const drag = fc.record({ at: fc.nat({ max: points.length - 1 }), centerY: fc.double({ min: -60, max: height + 60, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(drag, { minLength: 1, maxLength: 4 }), (drags) => {
        const centers = new Map<string, number>();
        for (const d of drags) {
          const p = points[d.at]!;
          centers.set(cellKey(p.curveId, p.stepId), d.centerY);
        }
        // What sync does with the same markers: each moved one sets its point's value.
        const synced = structuredClone(j);
        for (const c of synced.curves)
          for (const p of c.points) {
            const centerY = centers.get(cellKey(c.id, p.stepId));
            if (centerY !== undefined) p.value = movedMarkerValue(g, p.value, centerY) ?? p.value;
          }
        const drawn = drawnCurves(synced, 'comfortable');
        const followed = followMarkers(j, 'comfortable', lane.id, centers);
        expect(followed.curves).toHaveLength(j.curves.length);
        for (const c of followed.curves) {
          expect(c.shape).toEqual(shapeOf(drawn.get(entityKey('curve', lane.id, c.curveId))!));
          const curve = synced.curves.find((x) => x.id === c.curveId)!;
          expect(c.points.map((p) => p.value)).toEqual(curve.points.map((p) => p.value));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('snaps a moved marker to the scale and clamps it to its ends; a marker within half a pixel keeps a fractional value', () => {
    const j = structuredClone(example('retail-purchase'));
    const lane = emotionLanes(j)[0]!;
    const curve = j.curves[0]!;
    const [a, b, c] = curve.points as [(typeof curve.points)[0], (typeof curve.points)[0], (typeof curve.points)[0]];
    a.value = 0.5;
    const g = emotionGeometry(j, METRICS.compact.emotionHeight);
    const centers = new Map([
      [cellKey(curve.id, a.stepId), valueToY(g, 0.5) + 0.3],
      [cellKey(curve.id, b.stepId), valueToY(g, g.max) - 500],
      [cellKey(curve.id, c.stepId), valueToY(g, -1.4)],
    ]);
    const followed = followMarkers(j, 'compact', lane.id, centers).curves.find((x) => x.curveId === curve.id)!;
    expect(followed.points.slice(0, 3).map((p) => p.value)).toEqual([0.5, g.max, -1]);
    expect(followed.points.slice(0, 3).map((p) => p.label)).toEqual(['+0.5', `+${g.max}`, '\u22121']);
    expect(followed.points[1]!.y).toBe(valueToY(g, g.max));
    // Only the lane's own curves, and nothing for a lane that is not an emotion lane.
    expect(followMarkers(j, 'compact', j.lanes.find((l) => l.type !== 'emotion')!.id, centers).curves).toEqual([]);
  });
});
