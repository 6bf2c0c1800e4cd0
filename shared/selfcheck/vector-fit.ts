// How Figma fits a vector node's box to a vector network, told apart by one probe: a single cubic
// segment whose control points stick out of the box of its two vertices, so the three candidate
// boxes (vertices only, vertices and control points, the curve itself) differ in width and height.
import type { Assumptions } from './report';

export type VectorFit = NonNullable<Assumptions['vectorFit']>;

interface Pt {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The probe network, in the shape of the Plugin API's VectorNetwork. */
export const PROBE_NETWORK = Object.freeze({
  vertices: [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
  ],
  segments: [{ start: 0, end: 1, tangentStart: { x: -30, y: -60 }, tangentEnd: { x: 30, y: -60 } }],
  regions: [],
});

/** The same curve as path data, for the vectorPaths setter. */
export const PROBE_PATH = 'M 0 0 C -30 -60 130 -60 100 0';

function boxOf(points: Pt[]): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function cubic(a: Pt, c1: Pt, c2: Pt, b: Pt, t: number): Pt {
  const u = 1 - t;
  return {
    x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
    y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y,
  };
}

/** The three candidate boxes of the probe, in the network's own coordinates. */
export function candidateBoxes(): Record<VectorFit, Box> {
  const [a, b] = PROBE_NETWORK.vertices as [Pt, Pt];
  const s = PROBE_NETWORK.segments[0]!;
  const c1 = { x: a.x + s.tangentStart.x, y: a.y + s.tangentStart.y };
  const c2 = { x: b.x + s.tangentEnd.x, y: b.y + s.tangentEnd.y };
  const curve: Pt[] = [];
  for (let i = 0; i <= 2000; i++) curve.push(cubic(a, c1, c2, b, i / 2000));
  return { vertices: boxOf([a, b]), 'control-points': boxOf([a, c1, c2, b]), tight: boxOf(curve) };
}

/** Which fit a node's observed width and height match (within half a pixel), or null. */
export function classifyVectorFit(observed: { width: number; height: number }, tolerance = 0.5): VectorFit | null {
  const boxes = candidateBoxes();
  for (const fit of ['control-points', 'tight', 'vertices'] as const) {
    const b = boxes[fit];
    if (Math.abs(b.width - observed.width) <= tolerance && Math.abs(b.height - observed.height) <= tolerance) return fit;
  }
  return null;
}
