// Vectors. Sources: https://developers.figma.com/docs/plugins/api/VectorPath ; https://developers.figma.com/docs/plugins/api/VectorNetwork/ ;
// https://developers.figma.com/docs/plugins/api/VectorNode/ ; @figma/plugin-typings plugin-api.d.ts (1.142.0) VectorPath,
// VectorVertex (L5387-L5412), GeometryMixin.strokeCap (L8944-L8953), MinimalStrokesMixin.strokeJoin (L8738-L8746).
// dynamic-page error: https://developers.figma.com/docs/plugins/api/properties/VectorNode-vectornetwork (typings VectorNode.vectorNetwork).
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

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

  it('vectorNetwork setter throws under dynamic-page (verbatim template, https://developers.figma.com/docs/plugins/api/api-errors/)', () => {
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

// The fidelity review (§3 items 1-2; not in the repo) found the emulator kept per-vertex caps under a node-level strokeCap
// and fitted networks by their vertices only while paths used control points. Each test below failed before.
describe('vectors: strokeCap / strokeJoin apply to the whole vector network', () => {
  const arrow = () => ({
    vertices: [{ x: 0, y: 0, strokeCap: 'NONE' as const }, { x: 50, y: 0 }, { x: 100, y: 0, strokeCap: 'ARROW_LINES' as const }],
    segments: [{ start: 0, end: 1 }, { start: 1, end: 2 }],
  });

  it('node.strokeCap overwrites every vertex cap; it reads figma.mixed while vertices differ', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const emu = emulatorOf(figma);
    const v = figma.createVector();
    await v.setVectorNetworkAsync(arrow());
    // typings L8952 (strokeCap): "This property can return figma.mixed if different vertices have different values".
    expect(v.strokeCap).toBe(figma.mixed);
    expect(emu.toSVG(v)).toContain('class="cap-arrow-lines"');
    v.strokeCap = 'ROUND';
    // typings L8950: "On a vector network, the value is set on the whole vector network. Use the vector network API to set it
    // on individual vertices." (https://developers.figma.com/docs/plugins/api/properties/nodes-strokecap/)
    expect(v.strokeCap).toBe('ROUND');
    expect(v.vectorNetwork.vertices.map((x) => x.strokeCap)).toEqual(['ROUND', 'ROUND', 'ROUND']);
    // The picture shows what is stored: no arrowhead is left (the plugin's missing-arrowhead bug, fidelity review §6 item 1).
    const svg = emu.toSVG(v);
    expect(svg).not.toContain('cap-arrow-lines');
    expect(svg).toContain('stroke-linecap="round"');
  });

  it('a vertex without its own cap takes the node\'s; caps set through the network after the node cap survive', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const emu = emulatorOf(figma);
    const v = figma.createVector();
    v.strokeCap = 'ROUND'; // before the network: no network yet, so only the node value
    await v.setVectorNetworkAsync({ vertices: [{ x: 0, y: 0 }, { x: 100, y: 0, strokeCap: 'ARROW_LINES' }], segments: [{ start: 0, end: 1 }] });
    // VectorVertex.strokeCap "Defaults to the node's property if left unspecified" (typings L5397; https://developers.figma.com/docs/plugins/api/VectorNetwork/)
    expect(v.strokeCap).toBe(figma.mixed);
    const svg = emu.toSVG(v);
    expect(svg).toContain('class="cap-arrow-lines"');
    expect(svg).toContain('class="cap-round"'); // the start vertex draws the node's ROUND on its own
    expect(svg.match(/<path d="M 0 0 L 100 0"[^>]*>/)![0]).not.toContain('stroke-linecap'); // not on the whole path: the arrow end is not round
  });

  it('node.strokeJoin overwrites every vertex join and reads figma.mixed while they differ (typings L8743-L8745)', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const v = figma.createVector();
    await v.setVectorNetworkAsync({
      vertices: [{ x: 0, y: 0 }, { x: 50, y: 40, strokeJoin: 'BEVEL' }, { x: 100, y: 0 }],
      segments: [{ start: 0, end: 1 }, { start: 1, end: 2 }],
    });
    expect(v.strokeJoin).toBe(figma.mixed);
    v.strokeJoin = 'ROUND';
    expect(v.strokeJoin).toBe('ROUND');
    expect(v.vectorNetwork.vertices.every((x) => x.strokeJoin === 'ROUND')).toBe(true);
  });

  it('on a node set through vectorPaths (no per-vertex values) strokeCap is a plain node property', () => {
    const figma = createFigma();
    const v = figma.createVector();
    v.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 L 10 0' }];
    v.strokeCap = 'SQUARE';
    expect(v.strokeCap).toBe('SQUARE');
    expect(() => {
      v.strokeCap = 'BUTT' as StrokeCap;
    }).toThrow(/in set_strokeCap: Expected/);
  });
});

describe('vectors: one fitting rule for vectorPaths and setVectorNetworkAsync (assumptions.vectorFit)', () => {
  // The review's probe: a forward link arc whose handles rise 29.65 above its ends.
  const path = 'M 0 0 C 0 -29.65 466 -29.65 466 0';
  const network = {
    vertices: [{ x: 0, y: 0 }, { x: 466, y: 0 }],
    segments: [{ start: 0, end: 1, tangentStart: { x: 0, y: -29.65 }, tangentEnd: { x: 0, y: -29.65 } }],
  };
  async function both(vectorFit?: 'control-points' | 'tight' | 'vertices') {
    const figma = createFigma({ documentAccess: 'dynamic-page', assumptions: vectorFit ? { vectorFit } : {} });
    const a = figma.createVector();
    a.y = 45;
    a.vectorPaths = [{ windingRule: 'NONE', data: path }];
    const b = figma.createVector();
    b.y = 45;
    await b.setVectorNetworkAsync(network);
    const box = (n: VectorNode) => [n.x, n.y, n.width, n.height].map((x) => Math.round(x * 1000) / 1000);
    return { a: box(a), b: box(b), aPath: a.vectorPaths[0]!.data, bPath: b.vectorPaths[0]!.data };
  }

  it("default 'control-points': both setters fit the box to vertices and control points, and move x/y", async () => {
    // "position and size are automatically adjusted to fit its vertices" (https://developers.figma.com/docs/plugins/api/VectorNode/);
    // which points count is [unverified]: the default keeps what vectorPaths always did.
    const r = await both();
    expect(r.a).toEqual([0, 15.35, 466, 29.65]);
    expect(r.b).toEqual(r.a); // before: the network read y 45, height 0 (vertices only)
    expect(r.aPath).toBe('M 0 29.65 C 0 0 466 0 466 29.65');
    expect(r.bPath).toBe(r.aPath);
  });

  it("'tight': the curve's true bounds (the cubic peaks at 3/4 of its handles' height)", async () => {
    const r = await both('tight');
    expect(r.a).toEqual([0, 45 - 0.75 * 29.65, 466, 0.75 * 29.65].map((x) => Math.round(x * 1000) / 1000));
    expect(r.b).toEqual(r.a);
  });

  it("'vertices': vertices only, for both setters", async () => {
    const r = await both('vertices');
    expect(r.a).toEqual([0, 45, 466, 0]);
    expect(r.b).toEqual(r.a);
  });

  it('quadratic segments in vectorPaths follow the same modes', () => {
    const fit = (vectorFit: 'control-points' | 'tight' | 'vertices') => {
      const v = createFigma({ assumptions: { vectorFit } }).createVector();
      v.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 Q 50 100 100 0' }];
      return v.height;
    };
    expect(fit('control-points')).toBe(100);
    expect(fit('tight')).toBe(50);
    expect(fit('vertices')).toBe(0);
  });
});
