/** Rectangle, Ellipse, Line, Vector (typings RectangleNode, EllipseNode, LineNode, VectorNode; https://developers.figma.com/docs/plugins/api/VectorNode/). */
import { SceneImpl, SCENE_MEMBERS, RESIZE_MEMBERS, GEOMETRY_MEMBERS, CORNER_MEMBERS, SHAPE_GRAY, BLACK, MIXED } from './scene';
import { checkEnum, dynamicPageError, parseVectorPathData, deepFreeze } from '../constraints';

export const RECT_MEMBERS = [...SCENE_MEMBERS, ...RESIZE_MEMBERS, ...GEOMETRY_MEMBERS, ...CORNER_MEMBERS] as const;
export class RectangleImpl extends SceneImpl implements Pick<RectangleNode, 'name' | 'x' | 'y' | 'width' | 'height' | 'fills' | 'strokes' | 'strokeWeight' | 'strokeAlign' | 'dashPattern' | 'topLeftRadius' | 'resize' | 'resizeWithoutConstraints' | 'opacity' | 'effects' | 'rotation' | 'relativeTransform' | 'layoutSizingHorizontal' | 'layoutGrow' | 'layoutAlign'> {
  static override MEMBERS = RECT_MEMBERS;
  readonly type: 'RECTANGLE' = 'RECTANGLE';
  override init(): this {
    this._fills = Object.freeze([SHAPE_GRAY]);
    return super.init();
  }
}

export const ELLIPSE_MEMBERS = [...SCENE_MEMBERS, ...RESIZE_MEMBERS, ...GEOMETRY_MEMBERS, 'cornerRadius'] as const;
export class EllipseImpl extends SceneImpl implements Pick<EllipseNode, 'name' | 'x' | 'y' | 'width' | 'height' | 'fills' | 'strokes' | 'strokeWeight' | 'resize' | 'opacity'> {
  static override MEMBERS = ELLIPSE_MEMBERS;
  readonly type: 'ELLIPSE' = 'ELLIPSE';
  override init(): this {
    this._fills = Object.freeze([SHAPE_GRAY]);
    return super.init();
  }
}

export const LINE_MEMBERS = [...SCENE_MEMBERS, ...RESIZE_MEMBERS, ...GEOMETRY_MEMBERS] as const;
/** LineNode: defaults width 100, height 0, black stroke weight 1 (typings L937: "100 in width, has a black stroke, with weight 1"). */
export class LineImpl extends SceneImpl implements Pick<LineNode, 'name' | 'x' | 'y' | 'width' | 'height' | 'strokes' | 'strokeWeight' | 'strokeCap' | 'dashPattern' | 'resize' | 'rotation'> {
  static override MEMBERS = LINE_MEMBERS;
  readonly type: 'LINE' = 'LINE';
  override init(): this {
    this._h = 0;
    this._strokes = Object.freeze([BLACK]);
    this._strokeAlign = 'CENTER';
    return super.init();
  }
}

export interface PathCmd {
  cmd: string;
  nums: number[];
}

const STROKE_CAPS = ['NONE', 'ROUND', 'SQUARE', 'ARROW_LINES', 'ARROW_EQUILATERAL', 'DIAMOND_FILLED', 'TRIANGLE_FILLED', 'CIRCLE_FILLED'] as const;
const STROKE_JOINS = ['MITER', 'BEVEL', 'ROUND'] as const;

export const VECTOR_MEMBERS = [...SCENE_MEMBERS, ...RESIZE_MEMBERS, ...GEOMETRY_MEMBERS, 'cornerRadius', 'vectorPaths', 'vectorNetwork', 'setVectorNetworkAsync', 'handleMirroring'] as const;
export class VectorImpl extends SceneImpl implements Pick<VectorNode, 'name' | 'x' | 'y' | 'width' | 'height' | 'vectorPaths' | 'setVectorNetworkAsync' | 'strokes' | 'fills' | 'strokeCap' | 'strokeWeight' | 'strokeJoin' | 'dashPattern' | 'resize'> {
  static override MEMBERS = VECTOR_MEMBERS;
  readonly type: 'VECTOR' = 'VECTOR';
  _paths: readonly VectorPath[] = Object.freeze([]);
  _network: VectorNetwork | null = null;
  handleMirroring: HandleMirroring = 'NONE';
  override init(): this {
    this._w = 0;
    this._h = 0;
    this._strokes = Object.freeze([BLACK]);
    this._strokeAlign = 'CENTER';
    return super.init();
  }
  get vectorPaths(): readonly VectorPath[] {
    return this._paths;
  }
  set vectorPaths(v: readonly VectorPath[]) {
    if (!Array.isArray(v)) throw new Error('in set_vectorPaths: Expected an array');
    const parsed = v.map((p) => {
      checkEnum('vectorPaths', p?.windingRule, ['NONZERO', 'EVENODD', 'NONE'] as const);
      return { windingRule: p.windingRule, cmds: parseVectorPathData(p.data) };
    });
    // "position and size are automatically adjusted to fit its vertices" (https://developers.figma.com/docs/plugins/api/VectorNode/);
    // the fitting rule itself is assumptions.vectorFit, shared with setVectorNetworkAsync.
    const geo = geometryOfPaths(parsed.map((p) => p.cmds));
    const b = fitBounds(geo, this.ctx.assumptions.vectorFit);
    this._paths = deepFreeze(parsed.map((p) => ({ windingRule: p.windingRule, data: serialize(p.cmds, -b.minX, -b.minY) })));
    this._network = null;
    this.moveBox(b);
    this.touch('vectorPaths', true);
  }
  get vectorNetwork(): VectorNetwork {
    return this._network ?? networkFromPaths(this._paths);
  }
  set vectorNetwork(n: VectorNetwork) {
    if (this.ctx.dynamicPage) throw dynamicPageError('set_vectorNetwork', 'node.setVectorNetworkAsync');
    this.applyNetwork(n);
  }
  async setVectorNetworkAsync(n: VectorNetwork): Promise<void> {
    this.ctx.countWrite('setVectorNetworkAsync');
    this.applyNetwork(n);
  }
  private moveBox(b: Bounds): void {
    this._x += b.minX;
    this._y += b.minY;
    this._w = b.maxX - b.minX;
    this._h = b.maxY - b.minY;
  }
  private applyNetwork(n: VectorNetwork): void {
    if (!n || !Array.isArray(n.vertices) || !Array.isArray(n.segments)) throw new Error('in set_vectorNetwork: Expected {vertices, segments}');
    n.segments.forEach((s, i) => {
      if (!(s.start >= 0 && s.start < n.vertices.length && s.end >= 0 && s.end < n.vertices.length)) throw new Error(`in set_vectorNetwork: Segment ${i} references a vertex that does not exist`);
    });
    for (const v of n.vertices) {
      if (typeof v.x !== 'number' || typeof v.y !== 'number') throw new Error('in set_vectorNetwork: Vertex needs numeric x and y');
      if (v.strokeCap !== undefined) checkEnum('vectorNetwork', v.strokeCap, STROKE_CAPS);
      if (v.strokeJoin !== undefined) checkEnum('vectorNetwork', v.strokeJoin, STROKE_JOINS);
    }
    // Same fitting rule as vectorPaths (VectorNode doc above; assumptions.vectorFit), control points included by default.
    const b = fitBounds(geometryOfNetwork(n), this.ctx.assumptions.vectorFit);
    const net: VectorNetwork = {
      vertices: n.vertices.map((v) => ({ ...v, x: v.x - b.minX, y: v.y - b.minY })),
      segments: n.segments.map((s) => ({ ...s })),
      regions: (n.regions ?? []).map((r) => ({ ...r })),
    };
    this._network = deepFreeze(net);
    this._paths = deepFreeze([{ windingRule: net.regions?.length ? 'NONZERO' : 'NONE', data: pathFromNetwork(net) }] as VectorPath[]);
    this.moveBox(b);
    this.touch('vectorNetwork', true);
  }

  /**
   * "On a vector network, the value is set on the whole vector network. Use the vector network API to set it on
   * individual vertices. This property can return figma.mixed if different vertices have different values"
   * (@figma/plugin-typings plugin-api.d.ts L8950-L8952, strokeCap; L8743-L8745, strokeJoin;
   * https://developers.figma.com/docs/plugins/api/properties/nodes-strokecap/). A vertex without its own value
   * "defaults to the node's property" (typings L5397, L5401; https://developers.figma.com/docs/plugins/api/VectorNetwork/).
   * [unverified] Which vertices count for mixed: every vertex here, not only the one-segment ends.
   */
  private vertexValue(key: 'strokeCap' | 'strokeJoin', own: string): string | PluginAPI['mixed'] {
    const net = this._network;
    if (!net || net.vertices.length === 0) return own;
    const values = new Set(net.vertices.map((v) => v[key] ?? own));
    if (values.size > 1) return MIXED;
    return values.values().next().value as string;
  }
  private setOnWholeNetwork(key: 'strokeCap' | 'strokeJoin', value: string): void {
    const net = this._network;
    if (!net) return;
    this._network = deepFreeze({ ...net, vertices: net.vertices.map((v) => ({ ...v, [key]: value })), segments: net.segments.map((s) => ({ ...s })), regions: (net.regions ?? []).map((r) => ({ ...r })) });
  }
  override get strokeCap(): StrokeCap | PluginAPI['mixed'] {
    return this.vertexValue('strokeCap', this._strokeCap) as StrokeCap | PluginAPI['mixed'];
  }
  override set strokeCap(v: StrokeCap | PluginAPI['mixed']) {
    checkEnum('strokeCap', v, STROKE_CAPS);
    this._strokeCap = v;
    this.setOnWholeNetwork('strokeCap', v);
    this.touch('strokeCap');
  }
  override get strokeJoin(): StrokeJoin | PluginAPI['mixed'] {
    return this.vertexValue('strokeJoin', this._strokeJoin) as StrokeJoin | PluginAPI['mixed'];
  }
  override set strokeJoin(v: StrokeJoin | PluginAPI['mixed']) {
    checkEnum('strokeJoin', v, STROKE_JOINS);
    this._strokeJoin = v;
    this.setOnWholeNetwork('strokeJoin', v);
    this.touch('strokeJoin');
  }
  /** The cap drawn at vertex `i`: its own, else the node's (svg.ts). */
  capAt(net: VectorNetwork, i: number): StrokeCap {
    return net.vertices[i]?.strokeCap ?? this._strokeCap;
  }
}

// ---- fitting a vector's box to its geometry (one rule for vectorPaths and vector networks) ----

interface Pt {
  x: number;
  y: number;
}
/** A drawn segment in absolute coordinates: a line (no controls), a quadratic (one) or a cubic (two). */
interface Seg {
  p0: Pt;
  controls: Pt[];
  p1: Pt;
}
export interface Geometry {
  vertices: Pt[];
  segs: Seg[];
}
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function geometryOfPaths(paths: PathCmd[][]): Geometry {
  const vertices: Pt[] = [];
  const segs: Seg[] = [];
  for (const cmds of paths) {
    let cur: Pt = { x: 0, y: 0 };
    let start: Pt = cur;
    for (const c of cmds) {
      const pts = pairs(c.nums).map(([x, y]) => ({ x, y }));
      if (c.cmd === 'M') {
        cur = start = pts[0]!;
        vertices.push(cur);
      } else if (c.cmd === 'Z') {
        segs.push({ p0: cur, controls: [], p1: start });
        cur = start;
      } else {
        const end = pts[pts.length - 1]!;
        segs.push({ p0: cur, controls: pts.slice(0, -1), p1: end });
        vertices.push(end);
        cur = end;
      }
    }
  }
  return { vertices, segs };
}

function geometryOfNetwork(n: VectorNetwork): Geometry {
  const vertices = n.vertices.map((v) => ({ x: v.x, y: v.y }));
  const segs = n.segments.map((s) => {
    const p0 = vertices[s.start]!;
    const p1 = vertices[s.end]!;
    const ts = s.tangentStart;
    const te = s.tangentEnd;
    const curved = (ts && (ts.x || ts.y)) || (te && (te.x || te.y));
    const controls = curved ? [{ x: p0.x + (ts?.x ?? 0), y: p0.y + (ts?.y ?? 0) }, { x: p1.x + (te?.x ?? 0), y: p1.y + (te?.y ?? 0) }] : [];
    return { p0, controls, p1 };
  });
  return { vertices, segs };
}

/** Parameters in (0,1) where a Bézier coordinate has an extremum (derivative roots). */
function extremaT(p: number[]): number[] {
  const inside = (t: number) => t > 0 && t < 1;
  if (p.length === 3) {
    const [a, b, c] = p as [number, number, number];
    const d = a - 2 * b + c;
    return d === 0 ? [] : [(a - b) / d].filter(inside);
  }
  if (p.length !== 4) return [];
  const [p0, p1, p2, p3] = p as [number, number, number, number];
  // B'(t)/3 = A t^2 + B t + C
  const A = -p0 + 3 * p1 - 3 * p2 + p3;
  const B = 2 * (p0 - 2 * p1 + p2);
  const C = p1 - p0;
  if (Math.abs(A) < 1e-12) return Math.abs(B) < 1e-12 ? [] : [-C / B].filter(inside);
  const disc = B * B - 4 * A * C;
  if (disc < 0) return [];
  const r = Math.sqrt(disc);
  return [(-B + r) / (2 * A), (-B - r) / (2 * A)].filter(inside);
}
function bezierAt(p: number[], t: number): number {
  const u = 1 - t;
  if (p.length === 3) return u * u * p[0]! + 2 * u * t * p[1]! + t * t * p[2]!;
  return u * u * u * p[0]! + 3 * u * u * t * p[1]! + 3 * u * t * t * p[2]! + t * t * t * p[3]!;
}

/**
 * The box a vector is fitted to (assumptions.vectorFit): 'vertices' = vertices only; 'control-points' = vertices
 * and every control point (the convex hull's box, never smaller than the curve); 'tight' = the curves' true bounds.
 */
export function fitBounds(g: Geometry, mode: 'control-points' | 'tight' | 'vertices'): Bounds {
  const pts: Pt[] = [...g.vertices];
  for (const s of g.segs) {
    pts.push(s.p0, s.p1);
    if (mode === 'control-points') pts.push(...s.controls);
    else if (mode === 'tight' && s.controls.length) {
      for (const axis of ['x', 'y'] as const) {
        const coords = [s.p0[axis], ...s.controls.map((c) => c[axis]), s.p1[axis]];
        for (const t of extremaT(coords)) {
          const other = axis === 'x' ? 'y' : 'x';
          const v = bezierAt(coords, t);
          const o = bezierAt([s.p0[other], ...s.controls.map((c) => c[other]), s.p1[other]], t);
          pts.push(axis === 'x' ? { x: v, y: o } : { x: o, y: v });
        }
      }
    }
  }
  if (pts.length === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

function pairs(nums: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i]!, nums[i + 1]!]);
  return out;
}
function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
export function serialize(cmds: PathCmd[], dx = 0, dy = 0): string {
  return cmds.map((c) => [c.cmd, ...c.nums.map((n, i) => fmt(n + (i % 2 === 0 ? dx : dy)))].join(' ')).join(' ');
}

export function networkFromPaths(paths: readonly VectorPath[]): VectorNetwork {
  const vertices: Array<{ x: number; y: number }> = [];
  const segments: VectorSegment[] = [];
  for (const p of paths) {
    let start = -1;
    let cur = -1;
    for (const c of parseVectorPathData(p.data)) {
      const [x, y] = c.nums.slice(-2) as [number, number];
      if (c.cmd === 'M') {
        vertices.push({ x, y });
        start = cur = vertices.length - 1;
      } else if (c.cmd === 'Z') {
        if (cur !== start) segments.push({ start: cur, end: start });
        cur = start;
      } else {
        vertices.push({ x, y });
        const idx = vertices.length - 1;
        const from = vertices[cur]!;
        const seg: { -readonly [K in keyof VectorSegment]: VectorSegment[K] } = { start: cur, end: idx };
        if (c.cmd === 'C') {
          seg.tangentStart = { x: c.nums[0]! - from.x, y: c.nums[1]! - from.y };
          seg.tangentEnd = { x: c.nums[2]! - x, y: c.nums[3]! - y };
        } else if (c.cmd === 'Q') {
          seg.tangentStart = { x: ((c.nums[0]! - from.x) * 2) / 3, y: ((c.nums[1]! - from.y) * 2) / 3 };
          seg.tangentEnd = { x: ((c.nums[0]! - x) * 2) / 3, y: ((c.nums[1]! - y) * 2) / 3 };
        }
        segments.push(seg);
        cur = idx;
      }
    }
  }
  return deepFreeze({ vertices, segments, regions: [] });
}

export function pathFromNetwork(n: VectorNetwork): string {
  const parts: string[] = [];
  let last = -1;
  for (const s of n.segments) {
    const a = n.vertices[s.start]!;
    const b = n.vertices[s.end]!;
    if (s.start !== last) parts.push(`M ${fmt(a.x)} ${fmt(a.y)}`);
    const ts = s.tangentStart;
    const te = s.tangentEnd;
    if ((ts && (ts.x || ts.y)) || (te && (te.x || te.y))) {
      parts.push(`C ${fmt(a.x + (ts?.x ?? 0))} ${fmt(a.y + (ts?.y ?? 0))} ${fmt(b.x + (te?.x ?? 0))} ${fmt(b.y + (te?.y ?? 0))} ${fmt(b.x)} ${fmt(b.y)}`);
    } else parts.push(`L ${fmt(b.x)} ${fmt(b.y)}`);
    last = s.end;
  }
  return parts.join(' ');
}
