// Where the emotion lane puts its markers and value labels so that nothing collides: markers of
// different curves at (nearly) the same height in a step are nudged apart sideways, so each
// persona's shape stays visible; each value label takes the first free place around its marker
// that overlaps no other label, no marker, no scale label and no curve (its own curve may be
// touched only when nothing else is free). Pure geometry; emotion.ts draws the result.
import type { Point } from './curve';
import { drain, type Steps } from '../steps';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlotPoint extends Point {
  stepId: string;
  value: number;
  /** The column the point belongs to: its label stays between these x. */
  left: number;
  right: number;
}

export interface PlotCurve {
  personaId: string;
  points: PlotPoint[];
}

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether the segment a-b passes through the box (Liang–Barsky clipping). */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.w - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.h - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

export const polylineHitsBox = (line: readonly Point[], box: Box): boolean => line.some((p, i) => i > 0 && segmentHitsBox(line[i - 1] as Point, p, box));

/** A generous width for a short text: wide enough for Inter and its usual substitutes. */
export function textWidthEstimate(value: string, size: number): number {
  let em = 0;
  for (const ch of value) em += /[0-9+\u2212.\- ]/.test(ch) ? 0.64 : ch.charCodeAt(0) < 128 ? 0.8 : 1.25;
  return Math.ceil(em * size * 1.05) + 2;
}

/**
 * Nudges markers of different curves that sit within `d` of each other in one step apart
 * sideways, `d + 2` between centres, the group centred on the step. Changes `curves` in place.
 */
export function nudgeCoincident(curves: readonly PlotCurve[], d: number): void {
  const byStep = new Map<string, PlotPoint[]>();
  for (const c of curves) for (const p of c.points) byStep.set(p.stepId, [...(byStep.get(p.stepId) ?? []), p]);
  for (const points of byStep.values()) {
    const sorted = [...points].sort((a, b) => a.y - b.y);
    let group: PlotPoint[] = [];
    const flush = () => {
      const span = (group.length - 1) * (d + 2);
      group.forEach((p, i) => (p.x += i * (d + 2) - span / 2));
      group = [];
    };
    for (const p of sorted) {
      const last = group[group.length - 1];
      if (last && p.y - last.y >= d) flush();
      group.push(p);
    }
    flush();
  }
}

function candidates(p: PlotPoint, w: number, h: number, r: number): Box[] {
  const out: Box[] = [];
  for (let k = 0; k < 8; k++) {
    const far = r + k * (h / 2);
    const side = r + k * 4;
    out.push(
      { x: p.x + side, y: p.y - h / 2, w, h },
      { x: p.x + side, y: p.y - far - h, w, h },
      { x: p.x + side, y: p.y + far, w, h },
      { x: p.x - w / 2, y: p.y - far - h, w, h },
      { x: p.x - w / 2, y: p.y + far, w, h },
      { x: p.x - side - w, y: p.y - h / 2, w, h },
      { x: p.x - side - w, y: p.y - far - h, w, h },
      { x: p.x - side - w, y: p.y + far, w, h },
    );
  }
  return out.map((b) => ({ ...b, x: Math.round(b.x), y: Math.round(b.y) }));
}

export interface LabelRequest {
  curve: number;
  point: PlotPoint;
  w: number;
  h: number;
}

/** What a label in one column may collide with: only what reaches into that column. */
interface ColumnObstacles {
  placed: Box[];
  fixed: Box[];
  markers: Box[];
  /** Sampled curve pieces in the column, with the persona of their curve and the box around them. */
  lines: { personaId: string; line: Point[]; box: Box }[];
}

/** First index in `xs` (ascending) whose value is at least `x`. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `xs` (ascending) whose value is above `x`. */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Markers and curve samples sorted by x once, so each column finds its own by binary search. */
interface PlotIndex {
  markers: Box[];
  markerXs: number[];
  lines: { personaId: string; line: readonly Point[]; xs: number[] | null }[];
}

function indexPlot(curves: readonly PlotCurve[], lines: readonly Point[][], d: number): PlotIndex {
  const markers = curves.flatMap((c) => c.points.map((p) => ({ x: p.x - d / 2 - 1, y: p.y - d / 2 - 1, w: d + 2, h: d + 2 }))).sort((a, b) => a.x - b.x);
  const sorted = (line: readonly Point[]) => line.every((p, k) => k === 0 || (line[k - 1] as Point).x <= p.x);
  return {
    markers,
    markerXs: markers.map((m) => m.x),
    lines: lines.map((line, i) => ({ personaId: curves[i]?.personaId ?? '', line, xs: sorted(line) ? line.map((p) => p.x) : null })),
  };
}

/** The samples of a line that reach into [left, right]: those inside, and one either side. */
function piecesIn(entry: PlotIndex['lines'][number], left: number, right: number): Point[] {
  const { line, xs } = entry;
  if (!xs) return line.filter((p, k) => (p.x >= left - 1 && p.x <= right + 1) || ((line[k + 1]?.x ?? Infinity) >= left - 1 && (line[k - 1]?.x ?? -Infinity) <= right + 1));
  const from = Math.max(0, lowerBound(xs, left - 1) - 1);
  const to = Math.min(line.length, upperBound(xs, right + 1) + 1);
  return line.slice(from, to);
}

/** The smallest box holding every point (empty when there are none). */
function boxAround(line: readonly Point[]): Box {
  if (!line.length) return { x: 0, y: 0, w: -1, h: -1 };
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of line) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Boxes that share any point, edges included (a flat line's box has no height). */
const touches = (a: Box, b: Box) => a.w >= 0 && b.w >= 0 && a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;

function columnObstacles(left: number, right: number, plot: PlotIndex, fixed: readonly Box[]): ColumnObstacles {
  const inside = (b: Box) => b.x < right && b.x + b.w > left;
  const w = plot.markers[0]?.w ?? 0;
  const markers = plot.markers.slice(lowerBound(plot.markerXs, left - w), lowerBound(plot.markerXs, right)).filter(inside);
  const pieces = plot.lines.map((entry) => {
    const line = piecesIn(entry, left, right);
    return { personaId: entry.personaId, line, box: boxAround(line) };
  });
  return { placed: [], fixed: fixed.filter(inside), markers, lines: pieces };
}

/**
 * Places each label at the first candidate that stays in its column and the plot and touches no
 * obstacle; failing that, one that touches only its own curve; failing that, the least crowded.
 */
export function* placeLabelsSteps(requests: readonly LabelRequest[], curves: readonly PlotCurve[], lines: readonly Point[][], fixed: readonly Box[], d: number, height: number): Steps<Box[]> {
  const columns = new Map<number, ColumnObstacles>();
  const plot = indexPlot(curves, lines, d);
  yield;
  const out: Box[] = [];
  for (const req of requests) {
    const { left, right } = req.point;
    let col = columns.get(left);
    if (!col) {
      // A new column: pause first (a large map's lane has 120 columns of 8 labels each).
      if (columns.size) yield;
      col = columnObstacles(left, right, plot, fixed);
      columns.set(left, col);
    }
    const persona = curves[req.curve]?.personaId;
    const hits = (b: Box, ownCurve: boolean): number => {
      const pad = { x: b.x - 1.5, y: b.y - 1.5, w: b.w + 3, h: b.h + 3 };
      let n = 0;
      for (const list of [col.placed, col.fixed, col.markers]) for (const o of list) if (overlaps(o, b)) n++;
      // A piece whose box misses the label's cannot cross it: most curves are far above or below.
      for (const piece of col.lines) if ((ownCurve || piece.personaId !== persona) && touches(piece.box, pad) && polylineHitsBox(piece.line, pad)) n++;
      return n;
    };
    const fits = (b: Box) => b.x >= left && b.x + b.w <= right && b.y >= 0 && b.y + b.h <= height;
    const all = candidates(req.point, req.w, req.h, d / 2 + 2).filter(fits);
    const choice =
      all.find((b) => hits(b, true) === 0) ??
      all.find((b) => hits(b, false) === 0) ??
      [...all].sort((a, b) => hits(a, false) - hits(b, false))[0] ?? { x: Math.round(req.point.x + d / 2 + 2), y: Math.round(req.point.y - req.h / 2), w: req.w, h: req.h };
    col.placed.push(choice);
    out.push(choice);
  }
  return out;
}

export const placeLabels = (...args: Parameters<typeof placeLabelsSteps>): Box[] => drain(placeLabelsSteps(...args));
