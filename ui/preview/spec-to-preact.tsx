// The map's layout specs (shared/layout/spec.ts) as preact vnodes: the panel's live preview is
// drawn from the same pure layout the canvas uses. Pure: a spec in, vnodes out, no DOM access.
//
// Figma auto layout maps onto CSS flexbox:
//   HORIZONTAL / VERTICAL -> flex row / column; gap, padding; wrap -> flex-wrap with
//   column-gap = gap and row-gap = counterGap; alignPrimary -> justify-content; alignCounter ->
//   align-items (Figma's default is MIN, not CSS's stretch).
//   FIXED -> explicit size; HUG -> content size (flex: none); FILL -> flex: 1 1 0 on the parent's
//   primary axis, align-self: stretch on its counter axis. FILL outside auto layout, and HUG on a
//   frame without auto layout, fall back to FIXED, as the renderer does (plugin/render/apply.ts).
//   Children of a frame with layout NONE, and absolute children, sit at position: absolute, x / y.
// Strokes are drawn with `outline` and a negative offset: like Figma's INSIDE strokes they take no
// layout space and paint over the frame's children. Text is always a text child, never markup.
import type { ComponentChildren, VNode } from 'preact';
import { effectiveSizing, type FontWeight, type FrameSpec, type NodeSpec, type PaintSpec as Paint, type ShapeSpec, type Sizing, type StrokeSpec as Stroke, type TextSpec, type VectorSpec } from '../../shared/layout/spec';
import type { Rgb } from '../../shared/theme/colors';

export type Css = Record<string, string>;
type ParentLayout = FrameSpec['layout'] | null;

const px = (n: number) => `${Math.round(n * 100) / 100}px`;
const channel = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 255);

/** A spec colour ({r,g,b} in 0..1, optional opacity) as CSS. */
export function cssColor(color: Rgb, opacity = 1): string {
  const rgb = `${channel(color.r)}, ${channel(color.g)}, ${channel(color.b)}`;
  return opacity >= 1 ? `rgb(${rgb})` : `rgba(${rgb}, ${Math.round(Math.max(0, opacity) * 1000) / 1000})`;
}
const paintCss = (p: Paint) => cssColor(p.color, p.opacity ?? 1);

export const FONT_WEIGHTS: Record<FontWeight, string> = { regular: '400', medium: '500', semibold: '600', bold: '700' };

const JUSTIFY: Record<NonNullable<FrameSpec['alignPrimary']>, string> = { MIN: 'flex-start', CENTER: 'center', MAX: 'flex-end', SPACE_BETWEEN: 'space-between' };
const ALIGN: Record<NonNullable<FrameSpec['alignCounter']>, string> = { MIN: 'flex-start', CENTER: 'center', MAX: 'flex-end' };

/** The CSS font-family for the map: the style's font, then Inter and the system UI font. */
export function fontStack(family: string): string {
  const name = family.replace(/["\\\n\r]/g, '').trim();
  const rest = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
  return name && name.toLowerCase() !== 'inter' ? `"${name}", ${rest}` : rest;
}

/** Where a node sits: absolute at x / y inside a frame without auto layout, or out of the flow. */
function placement(spec: NodeSpec, parent: ParentLayout): Css {
  if (parent === 'NONE' || spec.absolute) return { position: 'absolute', left: px(spec.x ?? 0), top: px(spec.y ?? 0) };
  return {};
}

/**
 * Size along both axes, as the parent's flexbox sees it. `sizingH` / `sizingV` have already been
 * resolved to what the node can really do (see effectiveSizing).
 */
function sizing(h: Sizing, v: Sizing, width: number | undefined, height: number | undefined, parent: ParentLayout): Css {
  const css: Css = {};
  if (h === 'FIXED' && width !== undefined) css.width = px(width);
  if (v === 'FIXED' && height !== undefined) css.height = px(height);
  if (parent === 'HORIZONTAL' || parent === 'VERTICAL') {
    const primary = parent === 'HORIZONTAL' ? h : v;
    const counter = parent === 'HORIZONTAL' ? v : h;
    if (primary === 'FILL') {
      css.flex = '1 1 0px';
      css[parent === 'HORIZONTAL' ? 'minWidth' : 'minHeight'] = '0px';
    } else {
      css.flex = 'none';
    }
    if (counter === 'FILL') css.alignSelf = 'stretch';
  } else {
    css.flex = 'none';
  }
  return css;
}

function sizingIn(s: Sizing, canHug: boolean, parent: ParentLayout): Sizing {
  return effectiveSizing(s, canHug, parent === 'HORIZONTAL' || parent === 'VERTICAL');
}

function strokeCss(stroke: Stroke | undefined): Css {
  if (!stroke || stroke.weight <= 0) return {};
  const align = stroke.align ?? 'INSIDE';
  const offset = align === 'INSIDE' ? -stroke.weight : align === 'CENTER' ? -stroke.weight / 2 : 0;
  return {
    outline: `${px(stroke.weight)} ${stroke.dash && stroke.dash.length ? 'dashed' : 'solid'} ${paintCss(stroke.paint)}`,
    outlineOffset: px(offset),
  };
}

function paintStyle(spec: { fill?: Paint | undefined; stroke?: Stroke | undefined; radius?: number | undefined; opacity?: number | undefined }): Css {
  const css: Css = {};
  if (spec.fill) css.backgroundColor = paintCss(spec.fill);
  Object.assign(css, strokeCss(spec.stroke));
  if (spec.radius) css.borderRadius = px(spec.radius);
  if (spec.opacity !== undefined && spec.opacity < 1) css.opacity = String(spec.opacity);
  return css;
}

/** CSS for a frame inside a parent of the given layout (null: the map's root). */
export function frameCss(spec: FrameSpec, parent: ParentLayout): Css {
  const auto = spec.layout !== 'NONE';
  const h = sizingIn(spec.sizingH, auto, parent);
  const v = sizingIn(spec.sizingV, auto, parent);
  const css: Css = { boxSizing: 'border-box', position: parent === 'NONE' ? 'absolute' : 'relative', ...placement(spec, parent) };
  if (auto) {
    const horizontal = spec.layout === 'HORIZONTAL';
    css.display = 'flex';
    css.flexDirection = horizontal ? 'row' : 'column';
    const [t, r, b, l] = spec.padding ?? [0, 0, 0, 0];
    if (t || r || b || l) css.padding = `${px(t)} ${px(r)} ${px(b)} ${px(l)}`;
    const wrap = horizontal && spec.wrap === true;
    if (wrap) {
      css.flexWrap = 'wrap';
      css.columnGap = px(spec.gap ?? 0);
      css.rowGap = px(spec.counterGap ?? 0);
      css.alignContent = 'flex-start';
    } else if (spec.gap) {
      css.gap = px(spec.gap);
    }
    css.justifyContent = JUSTIFY[spec.alignPrimary ?? 'MIN'];
    css.alignItems = ALIGN[spec.alignCounter ?? 'MIN'];
  } else {
    css.display = 'block';
  }
  Object.assign(css, sizing(h, v, spec.width, spec.height, parent));
  if (spec.clip) css.overflow = 'hidden';
  Object.assign(css, paintStyle(spec));
  return css;
}

export function textCss(spec: TextSpec, parent: ParentLayout): Css {
  const h = sizingIn(spec.sizingH, true, parent);
  const css: Css = {
    ...placement(spec, parent),
    display: 'block',
    margin: '0',
    fontSize: px(spec.size),
    lineHeight: px(spec.lineHeight),
    minHeight: px(spec.lineHeight),
    fontWeight: FONT_WEIGHTS[spec.weight],
    color: paintCss(spec.color),
  };
  if (spec.italic) css.fontStyle = 'italic';
  if (spec.align && spec.align !== 'LEFT') css.textAlign = spec.align.toLowerCase();
  if (spec.upper) css.textTransform = 'uppercase';
  if (spec.letterSpacing) css.letterSpacing = px(spec.letterSpacing);
  // HUG grows with the text on one line (Figma's WIDTH_AND_HEIGHT); FIXED and FILL wrap.
  if (h === 'HUG') css.whiteSpace = 'pre';
  else {
    css.whiteSpace = 'pre-wrap';
    css.overflowWrap = 'break-word';
  }
  Object.assign(css, sizing(h, 'HUG', h === 'FIXED' ? (spec.width ?? 100) : undefined, undefined, parent));
  if (spec.opacity !== undefined && spec.opacity < 1) css.opacity = String(spec.opacity);
  return css;
}

export function shapeCss(spec: ShapeSpec, parent: ParentLayout): Css {
  const css: Css = {
    boxSizing: 'border-box',
    ...placement(spec, parent),
    display: 'block',
    ...sizing('FIXED', 'FIXED', spec.width, spec.height, parent),
    ...paintStyle(spec),
  };
  if (spec.type === 'ELLIPSE') css.borderRadius = '50%';
  if (spec.rotation) {
    css.transform = `rotate(${-spec.rotation}deg)`;
    css.transformOrigin = '0 0';
  }
  return css;
}

export function vectorCss(spec: VectorSpec, parent: ParentLayout): Css {
  const css: Css = { ...placement(spec, parent), display: 'block', overflow: 'visible', ...sizing('FIXED', 'FIXED', Math.max(1, spec.width), Math.max(1, spec.height), parent) };
  if (spec.opacity !== undefined && spec.opacity < 1) css.opacity = String(spec.opacity);
  return css;
}

type Pt = { x: number; y: number };

/** The path's end points with the direction the line arrives / leaves in (absolute M/L/C/Z). */
export function pathEnds(d: string): { start: Pt; startFrom: Pt; end: Pt; endFrom: Pt } | null {
  const tokens = d.match(/[MLCZmlcz]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  const pts: Pt[] = [];
  let cmd = '';
  const nums: number[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < nums.length; i += 2) pts.push({ x: nums[i] as number, y: nums[i + 1] as number });
    nums.length = 0;
  };
  for (const t of tokens) {
    if (/^[A-Za-z]$/.test(t)) {
      flush();
      cmd = t.toUpperCase();
      if (cmd === 'Z' && pts[0]) pts.push(pts[0]);
    } else if (cmd) nums.push(Number(t));
  }
  flush();
  if (pts.length < 2) return null;
  const distinct = (list: Pt[], from: number, step: number): Pt => {
    const p = list[from] as Pt;
    for (let i = from + step; i >= 0 && i < list.length; i += step) {
      const q = list[i] as Pt;
      if (Math.hypot(q.x - p.x, q.y - p.y) > 0.01) return q;
    }
    return p;
  };
  return { start: pts[0] as Pt, startFrom: distinct(pts, 0, 1), end: pts[pts.length - 1] as Pt, endFrom: distinct(pts, pts.length - 1, -1) };
}

/** An end cap drawn at `at`, the line arriving from `from`. */
function capNode(cap: VectorSpec['endCap'], at: Pt, from: Pt, stroke: Stroke, key: string): VNode | null {
  if (!cap || cap === 'NONE' || cap === 'ROUND') return null;
  const color = paintCss(stroke.paint);
  const w = stroke.weight;
  const len = Math.max(5, w * 3 + 3);
  const angle = Math.atan2(at.y - from.y, at.x - from.x);
  const wing = (sign: number, spread = Math.PI / 6) => ({ x: at.x - len * Math.cos(angle + sign * spread), y: at.y - len * Math.sin(angle + sign * spread) });
  const pt = (p: Pt) => `${Math.round(p.x * 100) / 100},${Math.round(p.y * 100) / 100}`;
  switch (cap) {
    case 'ARROW_LINES': {
      const a = wing(1);
      const b = wing(-1);
      return <polyline key={key} points={`${pt(a)} ${pt(at)} ${pt(b)}`} fill="none" stroke={color} stroke-width={w} stroke-linecap="round" stroke-linejoin="round" />;
    }
    case 'ARROW_EQUILATERAL':
    case 'TRIANGLE_FILLED': {
      const a = wing(1);
      const b = wing(-1);
      return <polygon key={key} points={`${pt(a)} ${pt(at)} ${pt(b)}`} fill={color} stroke={color} stroke-width={w} stroke-linejoin="round" />;
    }
    case 'CIRCLE_FILLED':
      return <circle key={key} cx={at.x} cy={at.y} r={Math.max(2, w * 1.5)} fill={color} />;
  }
}

function vectorNode(spec: VectorSpec, parent: ParentLayout): VNode {
  const s = spec.stroke;
  const ends = (spec.startCap && spec.startCap !== 'NONE') || (spec.endCap && spec.endCap !== 'NONE') ? pathEnds(spec.path) : null;
  return (
    <svg
      key={spec.key}
      data-key={spec.key}
      class="jm-spec-vector"
      width={Math.max(1, spec.width)}
      height={Math.max(1, spec.height)}
      style={vectorCss(spec, parent)}
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={spec.path}
        fill={spec.fill ? paintCss(spec.fill) : 'none'}
        stroke={s.weight > 0 ? paintCss(s.paint) : 'none'}
        stroke-width={s.weight}
        stroke-dasharray={s.dash && s.dash.length ? s.dash.join(' ') : undefined}
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      {ends && capNode(spec.startCap, ends.start, ends.startFrom, s, 'start')}
      {ends && capNode(spec.endCap, ends.end, ends.endFrom, s, 'end')}
    </svg>
  );
}

const style = (css: Css) => css;

/**
 * One spec (and its children) as vnodes. `parent` is the layout of the frame it sits in, null
 * for the map's root. FigJam connectors are not drawn (they need the laid-out DOM).
 */
export function specToVNode(spec: NodeSpec, parent: ParentLayout = null): VNode | null {
  switch (spec.type) {
    case 'FRAME': {
      const children: ComponentChildren[] = spec.children.map((c) => specToVNode(c, spec.layout));
      return (
        <div key={spec.key} data-key={spec.key} class="jm-spec-frame" style={style(frameCss(spec, parent))}>
          {children}
        </div>
      );
    }
    case 'TEXT':
      return (
        <div key={spec.key} data-key={spec.key} class="jm-spec-text" style={style(textCss(spec, parent))}>
          {spec.text}
        </div>
      );
    case 'RECTANGLE':
    case 'ELLIPSE':
      return <div key={spec.key} data-key={spec.key} class="jm-spec-shape" style={style(shapeCss(spec, parent))} />;
    case 'VECTOR':
      return vectorNode(spec, parent);
    case 'CONNECTOR':
      return null;
  }
}
