// Smooth curves through emotion values that never overshoot: monotone cubic interpolation
// (Fritsch–Carlson). Between two points the curve stays within their values, so a curve through
// values on the scale never leaves the scale, and a flat run stays flat.

export interface Point {
  x: number;
  y: number;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Tangents (dy/dx) at each point, limited so each segment is monotone. */
export function monotoneTangents(points: readonly Point[]): number[] {
  const n = points.length;
  if (n < 2) return points.map(() => 0);
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    slopes.push((b.y - a.y) / (b.x - a.x));
  }
  const t: number[] = new Array<number>(n).fill(0);
  t[0] = slopes[0] as number;
  t[n - 1] = slopes[n - 2] as number;
  for (let i = 1; i < n - 1; i++) {
    const s0 = slopes[i - 1] as number;
    const s1 = slopes[i] as number;
    t[i] = s0 * s1 <= 0 ? 0 : (s0 + s1) / 2;
  }
  for (let i = 0; i < n - 1; i++) {
    const s = slopes[i] as number;
    if (s === 0) {
      t[i] = 0;
      t[i + 1] = 0;
      continue;
    }
    const a = (t[i] as number) / s;
    const b = (t[i + 1] as number) / s;
    const h = a * a + b * b;
    if (h > 9) {
      const k = 3 / Math.sqrt(h);
      t[i] = k * a * s;
      t[i + 1] = k * b * s;
    }
  }
  return t;
}

/** Path data in Figma's accepted form (absolute M and C commands, single spaces). */
export function smoothPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const first = points[0] as Point;
  if (points.length === 1) return `M ${round(first.x)} ${round(first.y)} L ${round(first.x + 0.01)} ${round(first.y)}`;
  const t = monotoneTangents(points);
  let d = `M ${round(first.x)} ${round(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    const dx = (b.x - a.x) / 3;
    d += ` C ${round(a.x + dx)} ${round(a.y + (t[i] as number) * dx)} ${round(b.x - dx)} ${round(b.y - (t[i + 1] as number) * dx)} ${round(b.x)} ${round(b.y)}`;
  }
  return d;
}

/** A curve's vector: its box (x, y rounded as every drawn position is) and its path local to it. */
export interface CurveShape {
  x: number;
  y: number;
  width: number;
  height: number;
  path: string;
}

/** The vector of the smooth curve through `points` (at least one), as the emotion lane draws it. */
export function curveShape(points: readonly Point[]): CurveShape {
  let minX = Infinity;
  let minY = Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  const local = points.map((p) => ({ x: p.x - minX, y: p.y - minY }));
  let w = 0.01;
  let h = 0.01;
  for (const p of local) {
    w = Math.max(w, p.x);
    h = Math.max(h, p.y);
  }
  return { x: round(minX), y: round(minY), width: w, height: h, path: smoothPath(local) };
}

/** Points along the smooth curve through `points` (the same Béziers as smoothPath), `per` per segment. */
export function sampleSmooth(points: readonly Point[], per = 8): Point[] {
  if (points.length < 2) return points.map((p) => ({ ...p }));
  const t = monotoneTangents(points);
  const out: Point[] = [{ ...(points[0] as Point) }];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    const dx = (b.x - a.x) / 3;
    const c1 = { x: a.x + dx, y: a.y + (t[i] as number) * dx };
    const c2 = { x: b.x - dx, y: b.y - (t[i + 1] as number) * dx };
    for (let k = 1; k <= per; k++) {
      const s = k / per;
      const u = 1 - s;
      out.push({
        x: u * u * u * a.x + 3 * u * u * s * c1.x + 3 * u * s * s * c2.x + s * s * s * b.x,
        y: u * u * u * a.y + 3 * u * u * s * c1.y + 3 * u * s * s * c2.y + s * s * s * b.y,
      });
    }
  }
  return out;
}
