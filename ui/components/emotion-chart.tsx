// Every persona's emotion curves on one chart: step names along the bottom, the scale's values
// and words on the left, one colour and marker shape per persona, to-be curves dashed. Only set
// values have a marker; an unset step has none. Drag up or down (or press in a step's column) to
// set the active curve's value there. Pointer-only: the sliders below are the keyboard and
// screen-reader way to the same values, so the chart is aria-hidden.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Curve, EmotionScale } from '../../shared/model';
import { signed } from '../../shared/model/text-codecs';

const GUTTER = 92;
const TOP = 10;
const PLOT_H = 112;
const AXIS_H = 54;
const MIN_COL = 34;

/** The width the chart has to fill, followed as the panel is resized. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => setWidth(el.clientWidth)) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);
  return { ref, width };
}

export interface ChartStep {
  id: string;
  name: string;
}

export interface ChartCurve {
  curve: Curve;
  /** The persona's place in the journey: its colour and marker shape. */
  personaIndex: number;
}

function Marker({ x, y, shape, cls }: { x: number; y: number; shape: number; cls: string }) {
  const r = 4.5;
  switch (shape % 4) {
    case 1:
      return <rect class={cls} x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 2:
      return <polygon class={cls} points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} />;
    case 3:
      return <polygon class={cls} points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} />;
    default:
      return <circle class={cls} cx={x} cy={y} r={r} />;
  }
}

export function EmotionChart({ curves, activeId, steps, scale, onSet }: { curves: ChartCurve[]; activeId: string | null; steps: ChartStep[]; scale: EmotionScale; onSet(stepId: string, value: number): void }) {
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<string | null>(null);
  const box = useWidth();
  const n = Math.max(steps.length, 4);
  // Steps share the width; below MIN_COL a step the chart scrolls sideways instead.
  const col = Math.max(MIN_COL, Math.min(72, (box.width - GUTTER - 8) / n) || MIN_COL);
  const width = GUTTER + n * col + 8;
  const height = TOP + PLOT_H + AXIS_H;
  const span = scale.max - scale.min || 1;
  const y = (v: number) => TOP + ((scale.max - v) / span) * PLOT_H;
  const x = (i: number) => GUTTER + i * col + col / 2;
  const toSvg = (clientX: number, clientY: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || !box.width || !box.height) return null;
    return { sx: ((clientX - box.left) / box.width) * width, sy: ((clientY - box.top) / box.height) * height };
  };
  const valueAt = (sy: number) => Math.max(scale.min, Math.min(scale.max, Math.round(scale.max - ((sy - TOP) / PLOT_H) * span)));
  const stepAt = (sx: number) => steps[Math.max(0, Math.min(steps.length - 1, Math.floor((sx - GUTTER) / col)))]?.id ?? null;

  const onDown = (e: PointerEvent) => {
    const p = toSvg(e.clientX, e.clientY);
    const stepId = p && p.sx >= GUTTER ? stepAt(p.sx) : null;
    if (!p || !stepId || !activeId) return;
    dragging.current = stepId;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    onSet(stepId, valueAt(p.sy));
    e.preventDefault();
  };
  const onMove = (e: PointerEvent) => {
    const p = dragging.current ? toSvg(e.clientX, e.clientY) : null;
    if (p && dragging.current) onSet(dragging.current, valueAt(p.sy));
  };
  const onUp = () => {
    dragging.current = null;
  };
  const ticks = Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.max - k);
  const words = new Map(scale.labels.map((l) => [l.value, l.label]));

  return (
    <div class="chart-scroll" ref={box.ref}>
      <svg ref={svg} class="emotion-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp}>
        {ticks.map((v) => (
          <g key={v}>
            <line class={v === 0 ? 'axis zero' : 'axis'} x1={GUTTER} x2={width - 8} y1={y(v)} y2={y(v)} />
            <text class="scale-label" x={GUTTER - 6} y={y(v) + 3.5} text-anchor="end">
              {words.has(v) ? `${words.get(v)} ${signed(v)}` : signed(v)}
            </text>
          </g>
        ))}
        {steps.map((s, i) => (
          <text key={s.id} class="step-label" transform={`translate(${x(i) + 3},${TOP + PLOT_H + 10}) rotate(-35)`} text-anchor="end">
            {s.name.length > 14 ? `${s.name.slice(0, 13)}…` : s.name}
          </text>
        ))}
        {curves.map(({ curve, personaIndex }) => {
          const pts = steps.flatMap((s, i) => curve.points.filter((p) => p.stepId === s.id).map((p) => ({ i, p })));
          const cls = `persona-${personaIndex % 4}${curve.kind === 'to-be' ? ' to-be' : ''}${curve.id === activeId ? ' active' : ''}`;
          return (
            <g key={curve.id} class={`curve ${cls}`}>
              <polyline class="curve-line" points={pts.map(({ i, p }) => `${x(i)},${y(p.value)}`).join(' ')} />
              {pts.map(({ i, p }) => (
                <Marker key={p.stepId} x={x(i)} y={y(p.value)} shape={personaIndex} cls="curve-point" />
              ))}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
