// Live preview of the map, drawn from the same pure layout the canvas uses (layoutJourney) and
// mapped to HTML by ui/preview/spec-to-preact. The layout is recomputed ~150 ms after the draft
// or the style stops changing. "Fit" scales the whole map down (CSS transform, aspect kept) to
// the panel's width; "50%" and "100%" show it at half and full canvas size, scrolling both ways.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { layoutJourney } from '../../shared/layout/layout';
import type { FrameSpec } from '../../shared/layout/spec';
import { layoutView } from '../../shared/layout/views/index';
import { validateJourney, type Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { visibleLanes, type StyleOptions } from '../../shared/style/options';
import { fontStack, specToVNode } from '../preview/spec-to-preact';

export interface PreviewProps {
  journey: Journey;
  style: StyleOptions;
  /** Distinguishes the ids of two previews (the Style tab's and the Journey tab's). */
  idPrefix?: string;
  /** The label over the preview; empty where a surrounding heading already names it. */
  label?: string;
  /** Milliseconds to wait after the last change before laying the map out again. */
  debounceMs?: number;
  /** Shows this view of the journey (its frames, one under the other) instead of the map. */
  viewId?: string;
}

export type PreviewZoom = 'fit' | 'half' | 'actual';

/** "Fit" keeps the whole map within the panel's width and this height, so the options stay close. */
const FIT_MAX_HEIGHT = 360;

const ZOOMS: readonly { id: PreviewZoom; label: string; scale?: number }[] = [
  { id: 'fit', label: 'Fit' },
  { id: 'half', label: '50%', scale: 0.5 },
  { id: 'actual', label: '100%', scale: 1 },
];

/** The value, once it has stopped changing for `ms` (the first value at once). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const t = setTimeout(() => setSettled(() => value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

type Laid = { ok: true; layout: ReturnType<typeof layoutJourney> } | { ok: false; problems: Problem[]; crashed?: string };

/** A view's frames one under the other, as one tree for the preview. */
function viewLayout(journey: Journey, style: StyleOptions, viewId: string): ReturnType<typeof layoutJourney> {
  const view = journey.views.find((v) => v.id === viewId);
  const frames = view ? layoutView(journey, view, style) : [];
  const root: FrameSpec = { type: 'FRAME', key: 'views', name: 'Views', layout: 'VERTICAL', sizingH: 'HUG', sizingV: 'HUG', width: 100, height: 100, gap: 40, children: frames.map((f) => f.root) };
  return { root, connectors: [], count: frames.reduce((n, f) => n + f.count, 1) };
}

export function layoutForPreview(journey: Journey, style: StyleOptions, viewId?: string): Laid {
  const valid = validateJourney(journey);
  if (!valid.ok) return { ok: false, problems: valid.error };
  try {
    return { ok: true, layout: viewId === undefined ? layoutJourney(valid.value, style, { editor: 'figma' }) : viewLayout(valid.value, style, viewId) };
  } catch (e) {
    return { ok: false, problems: [], crashed: (e as Error)?.message ?? String(e) };
  }
}

/** The element's inner width, followed as the panel is resized. */
function useElementWidth(el: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    const read = () => setWidth(el.clientWidth);
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return width;
}

export function Preview({ journey, style, idPrefix = 'jm-preview', label = 'Preview', debounceMs = 150, viewId }: PreviewProps) {
  const j = useDebounced(journey, debounceMs);
  const s = useDebounced(style, debounceMs);
  const laid = useMemo(() => layoutForPreview(j, s, viewId), [j, s, viewId]);
  const map = useMemo(() => (laid.ok ? specToVNode(laid.layout.root) : null), [laid]);
  const [zoom, setZoom] = useState<PreviewZoom>('fit');
  const [viewport, setViewport] = useState<HTMLDivElement | null>(null);
  const inner = useRef<HTMLDivElement>(null);
  const viewportWidth = useElementWidth(viewport);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);

  // The map's own size, unscaled (a transform does not change offset sizes). Re-read when the
  // layout changes and when fonts load or text reflows.
  useLayoutEffect(() => {
    const el = inner.current;
    if (!el) return setNatural(null);
    const read = () => {
      const w = el.offsetWidth;
      const h = el.offsetHeight;
      setNatural((prev) => (w && h ? (prev && prev.w === w && prev.h === h ? prev : { w, h }) : null));
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [map]);

  const steps = journey.stages.reduce((n, st) => n + st.steps.length, 0);
  const shown = visibleLanes(journey.lanes, style).length;
  const fixed = ZOOMS.find((z) => z.id === zoom)?.scale;
  const scale = fixed ?? (natural && viewportWidth > 0 ? Math.min(1, viewportWidth / natural.w, FIT_MAX_HEIGHT / natural.h) : 1);
  const stale = j !== journey || s !== style;
  const captionId = `${idPrefix}-caption`;
  // The map preview and a view's preview can be open together: each zoom button names its preview.
  const subject = viewId === undefined ? 'map preview' : `preview of the view “${journey.views.find((v) => v.id === viewId)?.name ?? ''}”`;

  return (
    <figure class="preview" aria-labelledby={captionId}>
      <div class="preview-toolbar">
        <span class="field-label" id={`${idPrefix}-title`}>
          {label}
        </span>
        {laid.ok && (
          <span class="segmented small" role="group" aria-label="Preview zoom">
            {ZOOMS.map((z) => (
              <button key={z.id} type="button" class={zoom === z.id ? 'seg selected' : 'seg'} aria-pressed={zoom === z.id} aria-label={`${z.label} (${subject})`} onClick={() => setZoom(z.id)}>
                {z.label}
              </button>
            ))}
          </span>
        )}
      </div>
      {laid.ok ? (
        <div
          ref={setViewport}
          class={`preview-viewport zoom-${zoom}${stale ? ' stale' : ''}`}
          tabIndex={0}
          role="img"
          aria-label={viewId === undefined ? `Preview of the map “${journey.title}”` : `Preview of the view “${journey.views.find((v) => v.id === viewId)?.name ?? ''}”`}
          data-scale={Math.round(scale * 1000) / 1000}
        >
          <div class="preview-stage" style={natural ? { width: `${natural.w * scale}px`, height: `${natural.h * scale}px` } : undefined}>
            <div
              ref={inner}
              class="preview-map"
              style={{ transform: scale === 1 ? undefined : `scale(${scale})`, fontFamily: fontStack(s.fontFamily) }}
            >
              {map}
            </div>
          </div>
        </div>
      ) : (
        <div class="preview-message" role="status">
          {laid.crashed ? (
            <p>The preview could not be drawn ({laid.crashed}). The draft itself is unchanged.</p>
          ) : (
            <p>
              The preview is paused while the draft has {laid.problems.length === 1 ? '1 problem' : `${laid.problems.length} problems`} to fix. It comes back as soon as the
              draft is valid.
            </p>
          )}
        </div>
      )}
      <figcaption id={captionId} class="muted">
        {journey.stages.length} stages · {steps} steps · {shown} of {journey.lanes.length} lanes shown · {style.theme}, {style.density}
        {laid.ok && zoom === 'fit' && scale < 1 ? ` · ${Math.round(scale * 100)}%` : ''}
      </figcaption>
    </figure>
  );
}
