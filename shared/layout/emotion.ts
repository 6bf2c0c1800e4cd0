// The emotion lane: scale guide lines with labels (the neutral line emphasised), one smooth
// vector per persona and curve, and a marker per step whose height is the value, each with its
// value written next to it. Persona = colour + marker shape; curve kind = dash.
import { drain } from '../steps';
import type { Curve, Journey, Lane } from '../model/types';
import type { Density } from '../style/options';
import { frame, oneLine, paint, stroke, text } from './build';
import { columnsOf, personaColor, personaLook, type Column, type LayoutContext } from './context';
import { signed } from '../model/text-codecs';
import { markerSpec } from './markers';
import { curveShape, sampleSmooth, type CurveShape } from './curve';
import { nudgeCoincident, placeLabelsSteps, textWidthEstimate, type Box, type LabelRequest, type PlotCurve, type PlotPoint } from './emotion-labels';
import type { NodeSpec } from './spec';
import { cellKey, childKey, entityKey } from './keys';
import { METRICS } from './metrics';

export interface EmotionGeometry {
  top: number;
  bottom: number;
  height: number;
  min: number;
  max: number;
}

/** Vertical mapping between scale values and y inside the emotion frame. Shared with read-back. */
export function emotionGeometry(journey: Pick<Journey, 'emotionScale'>, height: number): EmotionGeometry {
  return { top: 28, bottom: height - 28, height, min: journey.emotionScale.min, max: journey.emotionScale.max };
}

export function valueToY(g: EmotionGeometry, value: number): number {
  return g.top + ((g.max - value) / (g.max - g.min)) * (g.bottom - g.top);
}

/** The value a marker centre at `y` stands for, snapped to the nearest whole step of the scale. */
export function yToValue(g: EmotionGeometry, y: number): number {
  const raw = g.max - ((y - g.top) / (g.bottom - g.top)) * (g.max - g.min);
  return Math.max(g.min, Math.min(g.max, Math.round(raw)));
}

/** The value a marker centred at `centerY` stands for when it was moved off the journey's `value`; else null. What sync reads. */
export function movedMarkerValue(g: EmotionGeometry, value: number, centerY: number): number | null {
  if (Math.abs(valueToY(g, value) - centerY) < 0.5) return null;
  const snapped = yToValue(g, centerY);
  return snapped === value ? null : snapped;
}

export const NEUTRAL = (g: EmotionGeometry) => (g.min <= 0 && g.max >= 0 ? 0 : Math.round((g.min + g.max) / 2));

export function curvesForLane(journey: Pick<Journey, 'curves'>, lane: Lane): Curve[] {
  return journey.curves.filter((c) => lane.personaId === undefined || c.personaId === lane.personaId);
}

export const emotionPlotSpec = (ctx: LayoutContext, lane: Lane): NodeSpec => drain(emotionPlotSteps(ctx, lane));

/** The scale's guide lines and their labels, the neutral line emphasised (at most about ten lines). */
function guideSpecs(ctx: LayoutContext, g: EmotionGeometry, key: string): NodeSpec[] {
  const { journey: j, theme, m, columnsWidth } = ctx;
  const children: NodeSpec[] = [];
  const labels = new Map(j.emotionScale.labels.map((l) => [l.value, l.label]));
  const span = g.max - g.min;
  const stepBy = span > 10 ? Math.ceil(span / 10) : 1;
  const neutral = NEUTRAL(g);
  for (let v = g.min; v <= g.max; v += stepBy) {
    const y = Math.round(valueToY(g, v) * 100) / 100;
    const isNeutral = v === neutral;
    children.push({
      type: 'VECTOR',
      key: childKey(key, 'guide', v),
      name: isNeutral ? 'Neutral line' : `Guide ${signed(v)}`,
      x: 0,
      y,
      width: columnsWidth,
      height: 0,
      path: `M 0 0 L ${columnsWidth} 0`,
      stroke: isNeutral ? stroke(theme.emotion.neutral, 1.5, [2, 3]) : stroke(theme.emotion.guide, 1),
    });
    const label = labels.get(v);
    // One line above its guide, within the plot however narrow the map (found by the text-fits property).
    const words = oneLine((label ? `${signed(v)} ${label}` : signed(v)).replace(/\s*[\r\n]+\s*/g, ' '), { size: m.font.tiny }, columnsWidth - 12);
    children.push(
      text(childKey(key, 'guide', v, 'label'), words, {
        size: m.font.tiny,
        lineHeight: m.line.tiny,
        color: theme.emotion.label,
        weight: isNeutral ? 'semibold' : 'regular',
      }),
    );
    const last = children[children.length - 1] as NodeSpec;
    last.x = 6;
    last.y = Math.round(y - m.line.tiny - 1);
  }
  return children;
}

/** Each curve's points in plot coordinates: a point per step that has a value, at the column's centre. */
function plotCurves(columns: readonly Column[], g: EmotionGeometry, curves: readonly Curve[]): PlotCurve[] {
  return curves.map((curve) => {
    const byStep = new Map(curve.points.map((p) => [p.stepId, p]));
    const points: PlotPoint[] = [];
    for (const col of columns) {
      const pt = byStep.get(col.step.id);
      if (pt) points.push({ x: col.x + col.width / 2, y: valueToY(g, pt.value), stepId: col.step.id, value: pt.value, left: col.x, right: col.x + col.width });
    }
    return { personaId: curve.personaId, points };
  });
}

/** One curve: its vector through the step values, and a marker and a value label at each step. */
function curveSpecs(ctx: LayoutContext, lane: Lane, curve: Curve, plot: PlotCurve, labels: readonly Box[]): NodeSpec[] {
  const { theme, m } = ctx;
  const look = personaLook(ctx, curve.personaId);
  const color = personaColor(ctx, curve.personaId);
  const toBe = curve.kind === 'to-be';
  const points = plot.points;
  if (points.length === 0) return [];
  const children: NodeSpec[] = [];
  children.push({
    type: 'VECTOR',
    key: entityKey('curve', lane.id, curve.id),
    name: `Emotion curve: ${look.persona.name} (${curve.name})`,
    tag: { kind: 'curve', id: curve.id },
    ...curveShape(points),
    stroke: toBe ? stroke(color, 2.5, [8, 5]) : stroke(color, 2.5),
  });
  const d = m.dot;
  points.forEach((p, i) => {
    const at = { x: Math.round((p.x - d / 2) * 100) / 100, y: Math.round((p.y - d / 2) * 100) / 100 };
    const pointKey = entityKey('point', lane.id, curve.id, p.stepId);
    children.push(markerSpec(pointKey, look.marker, d, color, theme.canvas, at, { kind: 'point', id: curve.id, field: p.stepId }, toBe));
    const box = labels[i] as Box;
    const label = text(childKey(pointKey, 'value'), signed(p.value), { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.text, weight: 'semibold', align: 'CENTER' }, { h: 'FIXED', width: box.w });
    label.x = box.x;
    label.y = box.y;
    children.push(label);
  });
  return children;
}

/** Where every value label of the lane goes, per curve and point (see emotion-labels.ts). */
function* labelBoxesSteps(ctx: LayoutContext, plots: readonly PlotCurve[], guides: readonly NodeSpec[], height: number): Generator<void, Box[][]> {
  const { m } = ctx;
  const size = m.font.tiny;
  const fixed = guides.flatMap((s) => (s.type === 'TEXT' ? [{ x: s.x ?? 0, y: s.y ?? 0, w: textWidthEstimate(s.text, size), h: m.line.tiny }] : []));
  const requests: LabelRequest[] = plots.flatMap((c, curve) => c.points.map((point) => ({ curve, point, w: textWidthEstimate(signed(point.value), size), h: m.line.tiny })));
  requests.sort((a, b) => a.point.left - b.point.left || a.point.y - b.point.y || a.curve - b.curve);
  const lines: ReturnType<typeof sampleSmooth>[] = [];
  for (const c of plots) {
    yield;
    lines.push(sampleSmooth(c.points));
  }
  const boxes = yield* placeLabelsSteps(requests, plots, lines, fixed, m.dot, height);
  const out = plots.map((c) => c.points.map((): Box => ({ x: 0, y: 0, w: 0, h: 0 })));
  const indexOf = new Map(plots.flatMap((c) => c.points.map((p, i): [PlotPoint, number] => [p, i])));
  requests.forEach((r, i) => {
    const row = out[r.curve] as Box[];
    row[indexOf.get(r.point) ?? 0] = boxes[i] as Box;
  });
  return out;
}

/** The emotion lane's plot; the generator pauses after each curve (a large map has 8 curves of 120 points). */
export function* emotionPlotSteps(ctx: LayoutContext, lane: Lane): Generator<void, NodeSpec> {
  const { journey: j, theme, m, columnsWidth } = ctx;
  const height = m.emotionHeight;
  const g = emotionGeometry(j, height);
  const key = entityKey('emotion', lane.id);
  const children = guideSpecs(ctx, g, key);
  const curves = curvesForLane(j, lane);
  const plots = plotCurves(ctx.columns, g, curves);
  nudgeCoincident(plots, m.dot);
  const labels = yield* labelBoxesSteps(ctx, plots, children, height);
  for (const [i, curve] of curves.entries()) {
    yield;
    children.push(...curveSpecs(ctx, lane, curve, plots[i] as PlotCurve, labels[i] as Box[]));
  }

  return frame(key, 'Emotion curves', {
    layout: 'NONE',
    sizingH: 'FIXED',
    sizingV: 'FIXED',
    width: columnsWidth,
    height,
    fill: paint(theme.canvas),
    clip: false,
  }, children);
}

/** What followMarkers needs of a journey (plugin/map/live-curves.ts keeps this much per map). */
export type EmotionSource = Pick<Journey, 'emotionScale' | 'stages' | 'curves' | 'lanes'>;

export interface FollowedPoint {
  stepId: string;
  /** The value the curve now goes through: the marker's, as sync reads it, else the journey's. */
  value: number;
  /** Where the curve passes, in the plot's coordinates. */
  x: number;
  y: number;
  /** The point's value label as the layout writes it, and the width the layout gives it. */
  label: string;
  labelWidth: number;
}

export interface FollowedCurve {
  curveId: string;
  /** The curve's vector, as curveSpecs would draw it for these values. */
  shape: CurveShape;
  points: FollowedPoint[];
}

/**
 * The curves of one emotion lane drawn through the values its markers stand for now, while a
 * person drags them and before sync brings the values into the journey. `centers` holds marker
 * centres (plot y) by cellKey(curveId, stepId); a point without one keeps the journey's value, and
 * a marker counts only when sync would read it as moved (movedMarkerValue: snapped to the scale,
 * clamped to its ends). Points sit where the layout puts them (column centres, coincident points of
 * different curves nudged apart), so the shape equals what the next render draws for these values.
 * Empty for a lane that is not an emotion lane of the journey.
 */
export function followMarkers(j: EmotionSource, density: Density, laneId: string, centers: ReadonlyMap<string, number>): { geometry: EmotionGeometry; curves: FollowedCurve[] } {
  const m = METRICS[density];
  const g = emotionGeometry(j, m.emotionHeight);
  const lane = j.lanes.find((l) => l.id === laneId && l.type === 'emotion');
  if (!lane) return { geometry: g, curves: [] };
  const curves = curvesForLane(j, lane).map((c) => ({
    ...c,
    points: c.points.map((p) => {
      const centerY = centers.get(cellKey(c.id, p.stepId));
      const moved = centerY === undefined ? null : movedMarkerValue(g, p.value, centerY);
      return moved === null ? p : { ...p, value: moved };
    }),
  }));
  const plots = plotCurves(columnsOf(j.stages, m), g, curves);
  nudgeCoincident(plots, m.dot);
  const out: FollowedCurve[] = [];
  curves.forEach((c, i) => {
    const points = (plots[i] as PlotCurve).points;
    if (!points.length) return;
    out.push({
      curveId: c.id,
      shape: curveShape(points),
      points: points.map((p) => ({ stepId: p.stepId, value: p.value, x: p.x, y: p.y, label: signed(p.value), labelWidth: textWidthEstimate(signed(p.value), m.font.tiny) })),
    });
  });
  return { geometry: g, curves: out };
}
