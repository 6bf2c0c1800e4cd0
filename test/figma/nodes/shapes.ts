/** Rectangle, Ellipse, Line, Vector (figma-platform.md §2). */
import { SceneImpl, SCENE_MEMBERS, RESIZE_MEMBERS, GEOMETRY_MEMBERS, CORNER_MEMBERS, SHAPE_GRAY, BLACK } from './scene';
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
/** LineNode: defaults width 100, height 0, black stroke weight 1 (figma-platform.md §2). */
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
    // [unverified] Figma re-normalises the geometry so its bounds start at (0,0) and moves the node (open question #1).
    const pts = parsed.flatMap((p) => p.cmds.flatMap((c) => pairs(c.nums)));
    const minX = pts.length ? Math.min(...pts.map((p) => p[0])) : 0;
    const minY = pts.length ? Math.min(...pts.map((p) => p[1])) : 0;
    const maxX = pts.length ? Math.max(...pts.map((p) => p[0])) : 0;
    const maxY = pts.length ? Math.max(...pts.map((p) => p[1])) : 0;
    this._paths = deepFreeze(parsed.map((p) => ({ windingRule: p.windingRule, data: serialize(p.cmds, -minX, -minY) })));
    this._network = null;
    this._x += minX;
    this._y += minY;
    this._w = maxX - minX;
    this._h = maxY - minY;
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
  private applyNetwork(n: VectorNetwork): void {
    if (!n || !Array.isArray(n.vertices) || !Array.isArray(n.segments)) throw new Error('in set_vectorNetwork: Expected {vertices, segments}');
    n.segments.forEach((s, i) => {
      if (!(s.start >= 0 && s.start < n.vertices.length && s.end >= 0 && s.end < n.vertices.length)) throw new Error(`in set_vectorNetwork: Segment ${i} references a vertex that does not exist`);
    });
    for (const v of n.vertices) {
      if (typeof v.x !== 'number' || typeof v.y !== 'number') throw new Error('in set_vectorNetwork: Vertex needs numeric x and y');
      if (v.strokeCap !== undefined) checkEnum('vectorNetwork', v.strokeCap, ['NONE', 'ROUND', 'SQUARE', 'ARROW_LINES', 'ARROW_EQUILATERAL', 'DIAMOND_FILLED', 'TRIANGLE_FILLED', 'CIRCLE_FILLED'] as const);
    }
    const xs = n.vertices.map((v) => v.x);
    const ys = n.vertices.map((v) => v.y);
    const minX = xs.length ? Math.min(...xs) : 0;
    const minY = ys.length ? Math.min(...ys) : 0;
    const net: VectorNetwork = {
      vertices: n.vertices.map((v) => ({ ...v, x: v.x - minX, y: v.y - minY })),
      segments: n.segments.map((s) => ({ ...s })),
      regions: (n.regions ?? []).map((r) => ({ ...r })),
    };
    this._network = deepFreeze(net);
    this._paths = deepFreeze([{ windingRule: net.regions?.length ? 'NONZERO' : 'NONE', data: pathFromNetwork(net) }] as VectorPath[]);
    this._x += minX;
    this._y += minY;
    this._w = xs.length ? Math.max(...xs) - minX : 0;
    this._h = ys.length ? Math.max(...ys) - minY : 0;
    this.touch('vectorNetwork', true);
  }
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
