// A small chart of one emotion curve: drag a point up or down (or press anywhere in a step's
// column) to set that step's value. Pointer-only convenience: the sliders next to it are the
// keyboard and screen-reader way to set the same values, so the chart is aria-hidden.
import { useRef } from 'preact/hooks';
import type { Curve, EmotionScale } from '../../shared/model';

const COL = 40;
const H = 104;
const PAD = 10;

export function EmotionChart({ curve, steps, scale, onSet }: { curve: Curve; steps: { id: string; name: string }[]; scale: EmotionScale; onSet(stepId: string, value: number): void }) {
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<string | null>(null);
  const width = Math.max(steps.length * COL, 160);
  const span = scale.max - scale.min || 1;
  const y = (v: number) => PAD + ((scale.max - v) / span) * (H - 2 * PAD);
  const x = (i: number) => i * COL + COL / 2;

  const valueAt = (clientY: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.height === 0) return null;
    const vy = ((clientY - box.top) / box.height) * H;
    const raw = scale.max - ((vy - PAD) / (H - 2 * PAD)) * span;
    return Math.max(scale.min, Math.min(scale.max, Math.round(raw)));
  };
  const stepAt = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return null;
    const i = Math.floor((((clientX - box.left) / box.width) * width) / COL);
    return steps[Math.max(0, Math.min(steps.length - 1, i))]?.id ?? null;
  };

  const onDown = (e: PointerEvent) => {
    const stepId = stepAt(e.clientX);
    const value = valueAt(e.clientY);
    if (stepId === null || value === null) return;
    dragging.current = stepId;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    onSet(stepId, value);
    e.preventDefault();
  };
  const onMove = (e: PointerEvent) => {
    if (!dragging.current) return;
    const value = valueAt(e.clientY);
    if (value !== null) onSet(dragging.current, value);
  };
  const onUp = () => {
    dragging.current = null;
  };

  const pts = steps
    .map((s, i) => ({ i, p: curve.points.find((pt) => pt.stepId === s.id) }))
    .filter((d): d is { i: number; p: NonNullable<typeof d.p> } => d.p !== undefined);
  const gridValues = scale.labels.length ? scale.labels.map((l) => l.value) : [scale.min, scale.max];

  return (
    <div class="chart-scroll">
      <svg
        ref={svg}
        class="emotion-chart"
        width={width}
        height={H}
        viewBox={`0 0 ${width} ${H}`}
        aria-hidden="true"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      >
        {gridValues.map((v) => (
          <line key={v} class={v === 0 ? 'axis zero' : 'axis'} x1={0} x2={width} y1={y(v)} y2={y(v)} />
        ))}
        {steps.map((s, i) => (
          <line key={s.id} class="axis col" x1={x(i)} x2={x(i)} y1={PAD} y2={H - PAD} />
        ))}
        <polyline class="curve-line" points={pts.map(({ i, p }) => `${x(i)},${y(p.value)}`).join(' ')} />
        {pts.map(({ i, p }) => (
          <circle key={p.stepId} class="curve-point" cx={x(i)} cy={y(p.value)} r={5} />
        ))}
      </svg>
    </div>
  );
}
