// Vectors. Sources: figma-platform.md §2; typings VectorPath / VectorNetwork / setVectorNetworkAsync;
// https://developers.figma.com/docs/plugins/api/VectorPath. dynamic-page error: figma-platform.md §2/§4 (typings L8891-8897).
import { describe, expect, it } from 'vitest';
import { createFigma } from './index';

describe('vectors', () => {
  it('accepts absolute M/L/Q/C/Z with single spaces; size derives from the path bounds', () => {
    const figma = createFigma();
    const v = figma.createVector();
    v.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 L 100 0 L 100 50 C 100 60 90 70 80 70 Q 40 70 0 70 Z' }];
    expect([v.width, v.height]).toEqual([100, 70]);
    expect(v.vectorPaths[0]!.data).toBe('M 0 0 L 100 0 L 100 50 C 100 60 90 70 80 70 Q 40 70 0 70 Z');
  });

  it.each([
    ['relative command', 'M 0 0 l 10 10'],
    ['H shorthand', 'M 0 0 H 10'],
    ['double space', 'M 0 0  L 10 10'],
    ['commas', 'M 0,0 L 10,10'],
    ['missing number', 'M 0 0 L 10'],
    ['no initial M', 'L 10 10'],
    ['glued command', 'M0 0 L 10 10'],
  ])('rejects %s', (_why, data) => {
    const figma = createFigma();
    const v = figma.createVector();
    expect(() => {
      v.vectorPaths = [{ windingRule: 'NONE', data }];
    }).toThrow(/in set_vectorPaths: Invalid path data/);
  });

  it('[unverified] re-normalises geometry so bounds start at (0,0) and moves the node (open question #1)', () => {
    const figma = createFigma();
    const v = figma.createVector();
    v.vectorPaths = [{ windingRule: 'NONE', data: 'M 20 30 L 120 30' }];
    expect([v.x, v.y, v.width, v.height]).toEqual([20, 30, 100, 0]);
    expect(v.vectorPaths[0]!.data).toBe('M 0 0 L 100 0');
  });

  it('setVectorNetworkAsync with per-vertex strokeCap (one arrowhead)', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const v = figma.createVector();
    await v.setVectorNetworkAsync({
      vertices: [{ x: 0, y: 0, strokeCap: 'NONE' }, { x: 50, y: 0 }, { x: 50, y: 40, strokeCap: 'ARROW_LINES' }],
      segments: [{ start: 0, end: 1 }, { start: 1, end: 2 }],
    });
    expect([v.width, v.height]).toEqual([50, 40]);
    expect(v.vectorNetwork.vertices[2]!.strokeCap).toBe('ARROW_LINES');
    expect(v.vectorPaths[0]!.data).toBe('M 0 0 L 50 0 L 50 40');
    await expect(v.setVectorNetworkAsync({ vertices: [{ x: 0, y: 0 }], segments: [{ start: 0, end: 3 }] })).rejects.toThrow(/vertex that does not exist/);
  });

  it('vectorNetwork setter throws under dynamic-page (verbatim template, figma-platform.md §4)', () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const v = figma.createVector();
    expect(() => {
      v.vectorNetwork = { vertices: [], segments: [], regions: [] };
    }).toThrow('in set_vectorNetwork: Cannot call with documentAccess: dynamic-page. Use node.setVectorNetworkAsync instead.');
    const classic = createFigma();
    const w = classic.createVector();
    w.vectorNetwork = { vertices: [{ x: 0, y: 0 }, { x: 10, y: 10 }], segments: [{ start: 0, end: 1 }], regions: [] };
    expect(w.width).toBe(10);
  });

  it('vectorNetwork is derived from vectorPaths (with cubic tangents)', () => {
    const figma = createFigma();
    const v = figma.createVector();
    v.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 C 10 0 20 10 20 20' }];
    const n = v.vectorNetwork;
    expect(n.vertices).toHaveLength(2);
    expect(n.segments[0]!.tangentStart).toEqual({ x: 10, y: 0 });
    expect(n.segments[0]!.tangentEnd).toEqual({ x: 0, y: -10 });
  });
});
