/**
 * Picture of the canvas: exports a page or node as SVG, using the emulator's computed layout.
 * Frames (fills incl. linear gradients, strokes with strokeAlign, dashes, radii, clipping, opacity, drop
 * shadows), text as laid out (one tspan per wrapped line), vectors/lines with stroke caps drawn as path
 * geometry, ellipses, FigJam connectors/stickies/shapes with text.
 */
import type { BaseImpl } from './nodes/base';
import { SceneImpl } from './nodes/scene';
import { FrameImpl, GroupImpl } from './nodes/frame';
import { TextImpl } from './nodes/text';
import { RectangleImpl, EllipseImpl, LineImpl, VectorImpl, networkFromPaths } from './nodes/shapes';
import { ConnectorImpl, StickyImpl, ShapeWithTextImpl, type TextSublayer } from './nodes/figjam';
import { SectionImpl } from './nodes/section';
import { measureText } from './text-metrics';

export interface SvgOptions {
  /** Margin around the content, in px (default 24). */
  margin?: number;
  /** Draw the page background (default true). */
  background?: boolean;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const n2 = (n: number) => String(Math.round(n * 100) / 100);
function rgb(c: RGB | RGBA): string {
  const f = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 255);
  return `rgb(${f(c.r)},${f(c.g)},${f(c.b)})`;
}
function matrix(t: Transform): string {
  return `matrix(${n2(t[0][0])} ${n2(t[1][0])} ${n2(t[0][1])} ${n2(t[1][1])} ${n2(t[0][2])} ${n2(t[1][2])})`;
}

class Writer {
  defs: string[] = [];
  private id = 0;
  uid(prefix: string): string {
    return `${prefix}${++this.id}`;
  }
}

export function toSVG(target: BaseImpl, opts: SvgOptions = {}): string {
  const w = new Writer();
  const margin = opts.margin ?? 24;
  let body = '';
  let box = { x: 0, y: 0, width: 100, height: 100 };
  let bg = 'rgb(245,245,245)';
  if (target.type === 'PAGE' || target.type === 'DOCUMENT') {
    const kids = target.kids.filter((k): k is SceneImpl => k instanceof SceneImpl && k._visible);
    const boxes = kids.map((k) => bounds(k));
    if (boxes.length) box = union(boxes);
    const page = target as unknown as { backgrounds?: readonly Paint[] };
    const p0 = page.backgrounds?.[0];
    if (p0 && p0.type === 'SOLID') bg = rgb(p0.color);
    body = kids.map((k) => node(k, w)).join('');
  } else if (target instanceof SceneImpl) {
    box = bounds(target);
    const cp = target.containingParent();
    const inner = node(target, w);
    body = cp ? `<g transform="${matrix(cp.absoluteTransform)}">${inner}</g>` : inner;
    bg = 'rgb(255,255,255)';
  }
  const vx = box.x - margin;
  const vy = box.y - margin;
  const vw = box.width + 2 * margin;
  const vh = box.height + 2 * margin;
  const back = opts.background === false ? '' : `<rect x="${n2(vx)}" y="${n2(vy)}" width="${n2(vw)}" height="${n2(vh)}" fill="${bg}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n2(vw)}" height="${n2(vh)}" viewBox="${n2(vx)} ${n2(vy)} ${n2(vw)} ${n2(vh)}">` +
    (w.defs.length ? `<defs>${w.defs.join('')}</defs>` : '') +
    back +
    body +
    '</svg>'
  );
}

function bounds(n: SceneImpl): Rect {
  if (n instanceof ConnectorImpl) {
    const pts = connectorPoints(n);
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }
  const b = n.absoluteBoundingBox!;
  const pad = n._strokes.length ? n._strokeWeight * 3 : 0;
  return { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
}
function union(bs: Rect[]): Rect {
  const x0 = Math.min(...bs.map((b) => b.x));
  const y0 = Math.min(...bs.map((b) => b.y));
  const x1 = Math.max(...bs.map((b) => b.x + b.width));
  const y1 = Math.max(...bs.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function paintAttr(p: Paint, w: Writer): { fill: string; opacity: number } | null {
  if (p.visible === false) return null;
  if (p.type === 'SOLID') return { fill: rgb(p.color), opacity: p.opacity ?? 1 };
  if (p.type === 'GRADIENT_LINEAR' || p.type === 'GRADIENT_RADIAL' || p.type === 'GRADIENT_ANGULAR' || p.type === 'GRADIENT_DIAMOND') {
    const id = w.uid('g');
    const stops = p.gradientStops.map((s) => `<stop offset="${n2(s.position)}" stop-color="${rgb(s.color)}" stop-opacity="${n2(s.color.a)}"/>`).join('');
    const t = p.gradientTransform;
    // gradientTransform maps node space (0..1) to gradient space; invert it to find the handles.
    const det = t[0][0] * t[1][1] - t[0][1] * t[1][0] || 1;
    const inv = (gx: number, gy: number) => {
      const x = gx - t[0][2];
      const y = gy - t[1][2];
      return { x: (t[1][1] * x - t[0][1] * y) / det, y: (-t[1][0] * x + t[0][0] * y) / det };
    };
    if (p.type === 'GRADIENT_LINEAR') {
      const a = inv(0, 0.5);
      const b = inv(1, 0.5);
      w.defs.push(`<linearGradient id="${id}" gradientUnits="objectBoundingBox" x1="${n2(a.x)}" y1="${n2(a.y)}" x2="${n2(b.x)}" y2="${n2(b.y)}">${stops}</linearGradient>`);
    } else w.defs.push(`<radialGradient id="${id}">${stops}</radialGradient>`);
    return { fill: `url(#${id})`, opacity: p.opacity ?? 1 };
  }
  return { fill: 'rgb(200,200,200)', opacity: 1 }; // IMAGE placeholder
}

function roundedRectPath(x: number, y: number, w: number, h: number, r: [number, number, number, number]): string {
  const m = Math.min(w, h) / 2;
  const [tl, tr, br, bl] = r.map((v) => Math.max(0, Math.min(v, m))) as [number, number, number, number];
  return `M ${n2(x + tl)} ${n2(y)} H ${n2(x + w - tr)} A ${n2(tr)} ${n2(tr)} 0 0 1 ${n2(x + w)} ${n2(y + tr)} V ${n2(y + h - br)} A ${n2(br)} ${n2(br)} 0 0 1 ${n2(x + w - br)} ${n2(y + h)} H ${n2(x + bl)} A ${n2(bl)} ${n2(bl)} 0 0 1 ${n2(x)} ${n2(y + h - bl)} V ${n2(y + tl)} A ${n2(tl)} ${n2(tl)} 0 0 1 ${n2(x + tl)} ${n2(y)} Z`;
}
function rectShape(x: number, y: number, w: number, h: number, r: [number, number, number, number], attrs: string): string {
  if (r.every((v) => v === r[0])) {
    // Inset strokes can make w or h negative for tiny shapes; a radius is never negative.
    const rr = Math.max(0, Math.min(r[0], Math.min(w, h) / 2));
    return `<rect x="${n2(x)}" y="${n2(y)}" width="${n2(Math.max(0, w))}" height="${n2(Math.max(0, h))}"${rr ? ` rx="${n2(rr)}"` : ''} ${attrs}/>`;
  }
  return `<path d="${roundedRectPath(x, y, w, h, r)}" ${attrs}/>`;
}

function strokeAttrs(n: SceneImpl, w: Writer, lineCap: StrokeCap = n._strokeCap): string | null {
  const s = n._strokes.find((p) => p.visible !== false);
  if (!s || n._strokeWeight <= 0) return null;
  const a = paintAttr(s, w);
  if (!a) return null;
  const dash = n._dashPattern.length ? ` stroke-dasharray="${n._dashPattern.map(n2).join(' ')}"` : '';
  const cap = lineCap === 'ROUND' ? ' stroke-linecap="round"' : lineCap === 'SQUARE' ? ' stroke-linecap="square"' : '';
  const join = n._strokeJoin === 'ROUND' ? ' stroke-linejoin="round"' : n._strokeJoin === 'BEVEL' ? ' stroke-linejoin="bevel"' : '';
  return `stroke="${a.fill}"${a.opacity !== 1 ? ` stroke-opacity="${n2(a.opacity)}"` : ''} stroke-width="${n2(n._strokeWeight)}"${dash}${cap}${join}`;
}
function strokeColor(n: SceneImpl): string {
  const s = n._strokes.find((p) => p.visible !== false);
  return s && s.type === 'SOLID' ? rgb(s.color) : 'rgb(0,0,0)';
}

function effectFilter(n: SceneImpl, w: Writer): string {
  const shadows = n._effects.filter((e): e is DropShadowEffect => e.type === 'DROP_SHADOW' && e.visible);
  if (!shadows.length) return '';
  const id = w.uid('f');
  const prims = shadows.map((s) => `<feDropShadow dx="${n2(s.offset.x)}" dy="${n2(s.offset.y)}" stdDeviation="${n2(s.radius / 2)}" flood-color="${rgb(s.color)}" flood-opacity="${n2(s.color.a)}"/>`).join('');
  w.defs.push(`<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%">${prims}</filter>`);
  return ` filter="url(#${id})"`;
}

/** Box fills + stroke for frames, rectangles, stickies. */
function box(n: SceneImpl, w: Writer, radii: [number, number, number, number]): string {
  let out = '';
  for (const p of n._fills) {
    const a = paintAttr(p, w);
    if (a) out += rectShape(0, 0, n._w, n._h, radii, `fill="${a.fill}"${a.opacity !== 1 ? ` fill-opacity="${n2(a.opacity)}"` : ''}`);
  }
  const sa = strokeAttrs(n, w);
  if (sa) {
    const sw = n._strokeWeight;
    const d = n._strokeAlign === 'INSIDE' ? sw / 2 : n._strokeAlign === 'OUTSIDE' ? -sw / 2 : 0;
    const r = radii.map((v) => Math.max(0, v - d)) as [number, number, number, number];
    out += rectShape(d, d, n._w - 2 * d, n._h - 2 * d, r, `fill="none" ${sa}`);
  }
  return out;
}

function node(n: SceneImpl, w: Writer): string {
  if (!n._visible) return '';
  const op = n._opacity !== 1 ? ` opacity="${n2(n._opacity)}"` : '';
  const filter = effectFilter(n, w);
  const meta = ` data-id="${esc(n.id)}" data-type="${n.type}" data-name="${esc(n.name)}"`;
  if (n instanceof GroupImpl) return `<g${meta}${op}${filter}>${n.kids.map((k) => (k instanceof SceneImpl ? node(k, w) : '')).join('')}</g>`;
  if (n instanceof ConnectorImpl) return `<g${meta}${op}>${connector(n, w)}</g>`;
  const open = `<g${meta} transform="${matrix(n.relativeTransform)}"${op}${filter}>`;
  let inner = '';
  if (n instanceof FrameImpl) {
    inner += box(n, w, n._radii);
    let kids = n.kids.filter((k): k is SceneImpl => k instanceof SceneImpl);
    if (n._itemReverseZIndex) kids = [...kids].reverse();
    const kidsSvg = kids.map((k) => node(k, w)).join('');
    if (n._clips && kidsSvg) {
      const id = w.uid('c');
      w.defs.push(`<clipPath id="${id}">${rectShape(0, 0, n._w, n._h, n._radii, '')}</clipPath>`);
      inner += `<g clip-path="url(#${id})">${kidsSvg}</g>`;
    } else inner += kidsSvg;
  } else if (n instanceof SectionImpl) {
    // A section draws its fill and stroke and, unless its contents are hidden, its children unclipped; its name as a label.
    inner += box(n, w, n._radii);
    inner += `<text x="0" y="-6" font-family="Inter, sans-serif" font-size="12" fill="rgb(80,80,80)">${esc(n.name)}</text>`;
    if (!n._contentsHidden) inner += n.kids.filter((k): k is SceneImpl => k instanceof SceneImpl).map((k) => node(k, w)).join('');
  } else if (n instanceof RectangleImpl) inner += box(n, w, n._radii);
  else if (n instanceof EllipseImpl) {
    for (const p of n._fills) {
      const a = paintAttr(p, w);
      if (a) inner += `<ellipse cx="${n2(n._w / 2)}" cy="${n2(n._h / 2)}" rx="${n2(n._w / 2)}" ry="${n2(n._h / 2)}" fill="${a.fill}"${a.opacity !== 1 ? ` fill-opacity="${n2(a.opacity)}"` : ''}/>`;
    }
    const sa = strokeAttrs(n, w);
    if (sa) inner += `<ellipse cx="${n2(n._w / 2)}" cy="${n2(n._h / 2)}" rx="${n2(n._w / 2)}" ry="${n2(n._h / 2)}" fill="none" ${sa}/>`;
  } else if (n instanceof TextImpl) inner += text(n, w);
  else if (n instanceof LineImpl) {
    const sa = strokeAttrs(n, w);
    if (sa) {
      inner += `<path d="M 0 0 L ${n2(n._w)} 0" fill="none" ${sa}/>`;
      inner += cap(n._strokeCap, { x: 0, y: 0 }, { x: -1, y: 0 }, n._strokeWeight, strokeColor(n));
      inner += cap(n._strokeCap, { x: n._w, y: 0 }, { x: 1, y: 0 }, n._strokeWeight, strokeColor(n));
    }
  } else if (n instanceof VectorImpl) inner += vector(n, w);
  else if (n instanceof StickyImpl) {
    inner += box(n, w, [4, 4, 4, 4]);
    inner += sublayerText(n._text, 16, 16, n._w - 32, 'LEFT', 'TOP', n._h - 32);
  } else if (n instanceof ShapeWithTextImpl) inner += shapeWithText(n, w);
  return open + inner + '</g>';
}

function weight(style: string): { weight: number; italic: boolean } {
  const s = style.toLowerCase();
  const weight = s.includes('black') ? 900 : s.includes('extra bold') ? 800 : s.includes('semi bold') || s.includes('semibold') ? 600 : s.includes('bold') ? 700 : s.includes('medium') ? 500 : s.includes('light') ? 300 : 400;
  return { weight, italic: s.includes('italic') };
}

function text(n: TextImpl, w: Writer): string {
  const m = n.metrics();
  const fill = n._fills.map((p) => paintAttr(p, w)).find((a) => a) ?? { fill: 'none', opacity: 1 };
  const { weight: fw, italic } = weight(n._fontName.style);
  const anchor = n._alignH === 'CENTER' ? 'middle' : n._alignH === 'RIGHT' ? 'end' : 'start';
  const x = n._alignH === 'CENTER' ? n._w / 2 : n._alignH === 'RIGHT' ? n._w : 0;
  const contentH = m.lines.length * m.lineHeightPx;
  const y0 = n._alignV === 'CENTER' ? (n._h - contentH) / 2 : n._alignV === 'BOTTOM' ? n._h - contentH : 0;
  const ls = n._letterSpacing.value ? ` letter-spacing="${n2(n._letterSpacing.unit === 'PIXELS' ? n._letterSpacing.value : (n._letterSpacing.value / 100) * n._fontSize)}"` : '';
  const deco = n._textDecoration === 'UNDERLINE' ? ' text-decoration="underline"' : n._textDecoration === 'STRIKETHROUGH' ? ' text-decoration="line-through"' : '';
  const tspans = m.lines.map((line, i) => `<tspan x="${n2(x)}" y="${n2(y0 + i * m.lineHeightPx + m.ascentPx)}">${esc(line)}</tspan>`).join('');
  return `<text font-family="${esc(n._fontName.family)}, sans-serif" font-size="${n2(n._fontSize)}" font-weight="${fw}"${italic ? ' font-style="italic"' : ''} fill="${fill.fill}"${fill.opacity !== 1 ? ` fill-opacity="${n2(fill.opacity)}"` : ''} text-anchor="${anchor}"${ls}${deco} xml:space="preserve">${tspans}</text>`;
}

function sublayerText(t: TextSublayer, x: number, y: number, width: number, align: 'LEFT' | 'CENTER', valign: 'TOP' | 'CENTER', height: number, w?: Writer): string {
  if (!t._chars) return '';
  const fill = (w && t._fills.map((p) => paintAttr(p, w)).find((a) => a)?.fill) ?? 'rgb(30,30,30)';
  const m = measureText(t._chars, { fontName: t._fontName, fontSize: t._fontSize, width });
  const { weight: fw } = weight(t._fontName.style);
  const tx = align === 'CENTER' ? x + width / 2 : x;
  const ty = valign === 'CENTER' ? y + (height - m.height) / 2 : y;
  const tspans = m.lines.map((l, i) => `<tspan x="${n2(tx)}" y="${n2(ty + i * m.lineHeightPx + m.ascentPx)}">${esc(l)}</tspan>`).join('');
  return `<text font-family="${esc(t._fontName.family)}, sans-serif" font-size="${n2(t._fontSize)}" font-weight="${fw}" fill="${fill}" text-anchor="${align === 'CENTER' ? 'middle' : 'start'}" xml:space="preserve">${tspans}</text>`;
}

/** Stroke cap drawn as geometry at `tip`, `dir` pointing outward (unit vector). */
export function cap(kind: string, tip: Vector, dir: Vector, sw: number, color: string): string {
  const len = Math.hypot(dir.x, dir.y) || 1;
  const d = { x: dir.x / len, y: dir.y / len };
  const nrm = { x: -d.y, y: d.x };
  const s = Math.max(sw, 1);
  const pt = (along: number, side: number) => `${n2(tip.x + d.x * along + nrm.x * side)} ${n2(tip.y + d.y * along + nrm.y * side)}`;
  switch (kind) {
    case 'ARROW_LINES': {
      const a = 4 * s + 4;
      return `<path class="cap-arrow-lines" d="M ${pt(-a, a * 0.75)} L ${pt(0, 0)} L ${pt(-a, -a * 0.75)}" fill="none" stroke="${color}" stroke-width="${n2(sw)}" stroke-linecap="round" stroke-linejoin="round"/>`;
    }
    case 'ARROW_EQUILATERAL':
    case 'TRIANGLE_FILLED': {
      const a = 4 * s + 4;
      return `<path class="cap-triangle" d="M ${pt(s, 0)} L ${pt(-a, a * 0.6)} L ${pt(-a, -a * 0.6)} Z" fill="${color}"/>`;
    }
    case 'DIAMOND_FILLED': {
      const a = 3 * s + 3;
      return `<path class="cap-diamond" d="M ${pt(a, 0)} L ${pt(0, a * 0.7)} L ${pt(-a, 0)} L ${pt(0, -a * 0.7)} Z" fill="${color}"/>`;
    }
    case 'CIRCLE_FILLED':
      return `<circle class="cap-circle" cx="${n2(tip.x)}" cy="${n2(tip.y)}" r="${n2(1.5 * s + 2)}" fill="${color}"/>`;
    default:
      return '';
  }
}

/**
 * A vector's stroke with its caps as Figma stores them: each one-segment vertex draws its own cap, which is the
 * vertex's strokeCap or, when unset, the node's (typings L5397). Setting node.strokeCap on a network overwrote
 * every vertex (nodes/shapes.ts), so what is stored is what is drawn. SVG has one stroke-linecap per path, so
 * ROUND/SQUARE go on the path only when every end shares them; otherwise they are drawn per end as geometry.
 */
function vector(n: VectorImpl, w: Writer): string {
  let out = '';
  const net = n._network ?? networkFromPaths(n._paths);
  const deg = new Map<number, number>();
  for (const s of net.segments) {
    deg.set(s.start, (deg.get(s.start) ?? 0) + 1);
    deg.set(s.end, (deg.get(s.end) ?? 0) + 1);
  }
  const ends = [...deg].filter(([, d]) => d === 1).map(([i]) => i);
  const endCaps = new Set(ends.map((i) => n.capAt(net, i)));
  const uniform = endCaps.size === 1 ? [...endCaps][0]! : endCaps.size === 0 ? n._strokeCap : 'NONE';
  const lineCap: StrokeCap = uniform === 'ROUND' || uniform === 'SQUARE' ? uniform : 'NONE';
  for (const p of n._paths) {
    if (!p.data) continue;
    const fillA = p.windingRule === 'NONE' ? null : n._fills.map((f) => paintAttr(f, w)).find((a) => a);
    const sa = strokeAttrs(n, w, lineCap);
    out += `<path d="${esc(p.data)}"${p.windingRule === 'EVENODD' ? ' fill-rule="evenodd"' : ''} fill="${fillA ? fillA.fill : 'none'}"${sa ? ` ${sa}` : ''}/>`;
  }
  if (n._strokes.length && n._strokeWeight > 0) {
    net.segments.forEach((s) => {
      for (const end of ['start', 'end'] as const) {
        const vi = s[end];
        if (deg.get(vi) !== 1) continue;
        const v = net.vertices[vi]!;
        const kind = n.capAt(net, vi);
        if (kind === 'NONE' || kind === lineCap) continue;
        const other = net.vertices[end === 'start' ? s.end : s.start]!;
        const tan = end === 'start' ? s.tangentStart : s.tangentEnd;
        const dir = tan && (tan.x || tan.y) ? { x: -tan.x, y: -tan.y } : { x: v.x - other.x, y: v.y - other.y };
        out += kind === 'ROUND' || kind === 'SQUARE' ? lineEndCap(kind, v, dir, n._strokeWeight, strokeColor(n)) : cap(kind, v, dir, n._strokeWeight, strokeColor(n));
      }
    });
  }
  return out;
}

/** A ROUND or SQUARE cap on one end of an otherwise butt-ended stroke. */
function lineEndCap(kind: 'ROUND' | 'SQUARE', tip: Vector, dir: Vector, sw: number, color: string): string {
  const r = sw / 2;
  if (kind === 'ROUND') return `<circle class="cap-round" cx="${n2(tip.x)}" cy="${n2(tip.y)}" r="${n2(r)}" fill="${color}"/>`;
  const len = Math.hypot(dir.x, dir.y) || 1;
  const d = { x: dir.x / len, y: dir.y / len };
  const nrm = { x: -d.y, y: d.x };
  const pt = (along: number, side: number) => `${n2(tip.x + d.x * along + nrm.x * side)} ${n2(tip.y + d.y * along + nrm.y * side)}`;
  return `<path class="cap-square" d="M ${pt(0, r)} L ${pt(r, r)} L ${pt(r, -r)} L ${pt(0, -r)} Z" fill="${color}"/>`;
}

function shapeWithText(n: ShapeWithTextImpl, w: Writer): string {
  const a = n._fills.map((p) => paintAttr(p, w)).find((x) => x) ?? { fill: 'none', opacity: 1 };
  const sa = strokeAttrs(n, w) ?? '';
  const W = n._w;
  const H = n._h;
  let shape: string;
  switch (n._shapeType) {
    case 'ELLIPSE':
      shape = `<ellipse cx="${n2(W / 2)}" cy="${n2(H / 2)}" rx="${n2(W / 2)}" ry="${n2(H / 2)}" fill="${a.fill}" ${sa}/>`;
      break;
    case 'DIAMOND':
      shape = `<path d="M ${n2(W / 2)} 0 L ${n2(W)} ${n2(H / 2)} L ${n2(W / 2)} ${n2(H)} L 0 ${n2(H / 2)} Z" fill="${a.fill}" ${sa}/>`;
      break;
    case 'TRIANGLE_UP':
      shape = `<path d="M ${n2(W / 2)} 0 L ${n2(W)} ${n2(H)} L 0 ${n2(H)} Z" fill="${a.fill}" ${sa}/>`;
      break;
    default:
      shape = rectShape(0, 0, W, H, n._shapeType === 'ROUNDED_RECTANGLE' ? [16, 16, 16, 16] : [0, 0, 0, 0], `fill="${a.fill}" ${sa}`);
  }
  return shape + sublayerText(n._text, 12, 12, W - 24, 'CENTER', 'CENTER', H - 24);
}

/** Endpoint positions of a connector in page coordinates (straight: 2 points; elbowed: 4). */
export function connectorPoints(c: ConnectorImpl): Vector[] {
  const resolve = (e: ConnectorEndpoint, other: ConnectorEndpoint): { p: Vector; side: 'H' | 'V' } => {
    if ('endpointNodeId' in e) {
      const n = c.ctx.nodes.get(e.endpointNodeId);
      if (n instanceof SceneImpl) {
        const b = n.absoluteBoundingBox!;
        const cx = b.x + b.width / 2;
        const cy = b.y + b.height / 2;
        if ('position' in e && e.position) return { p: { x: b.x + e.position.x, y: b.y + e.position.y }, side: 'H' };
        let magnet = 'magnet' in e ? e.magnet : 'AUTO';
        if (magnet === 'AUTO' || magnet === 'NONE') {
          const o = center(other);
          const dx = o.x - cx;
          const dy = o.y - cy;
          magnet = Math.abs(dx) * b.height >= Math.abs(dy) * b.width ? (dx >= 0 ? 'RIGHT' : 'LEFT') : dy >= 0 ? 'BOTTOM' : 'TOP';
        }
        switch (magnet) {
          case 'TOP': return { p: { x: cx, y: b.y }, side: 'V' };
          case 'BOTTOM': return { p: { x: cx, y: b.y + b.height }, side: 'V' };
          case 'LEFT': return { p: { x: b.x, y: cy }, side: 'H' };
          case 'RIGHT': return { p: { x: b.x + b.width, y: cy }, side: 'H' };
          default: return { p: { x: cx, y: cy }, side: 'H' };
        }
      }
    }
    return { p: 'position' in e && e.position ? { ...e.position } : { x: 0, y: 0 }, side: 'H' };
  };
  const center = (e: ConnectorEndpoint): Vector => {
    if ('endpointNodeId' in e) {
      const n = c.ctx.nodes.get(e.endpointNodeId);
      if (n instanceof SceneImpl) {
        const b = n.absoluteBoundingBox!;
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    return 'position' in e && e.position ? e.position : { x: 0, y: 0 };
  };
  const s = resolve(c._start, c._end);
  const e = resolve(c._end, c._start);
  if (c._lineType !== 'ELBOWED') return [s.p, e.p];
  if (s.side === 'H') {
    const mx = (s.p.x + e.p.x) / 2;
    return e.side === 'H' ? [s.p, { x: mx, y: s.p.y }, { x: mx, y: e.p.y }, e.p] : [s.p, { x: e.p.x, y: s.p.y }, e.p];
  }
  const my = (s.p.y + e.p.y) / 2;
  return e.side === 'V' ? [s.p, { x: s.p.x, y: my }, { x: e.p.x, y: my }, e.p] : [s.p, { x: s.p.x, y: e.p.y }, e.p];
}

function connector(c: ConnectorImpl, w: Writer): string {
  const pts = connectorPoints(c);
  const sa = strokeAttrs(c, w) ?? 'stroke="rgb(0,0,0)" stroke-width="1"';
  const d = pts.map((p, i) => `${i ? 'L' : 'M'} ${n2(p.x)} ${n2(p.y)}`).join(' ');
  const color = strokeColor(c);
  const a = pts[0]!;
  const a2 = pts[1]!;
  const z = pts[pts.length - 1]!;
  const z2 = pts[pts.length - 2]!;
  let out = `<path d="${d}" fill="none" ${sa} stroke-linejoin="round"/>`;
  out += cap(c._startCap, a, { x: a.x - a2.x, y: a.y - a2.y }, c._strokeWeight, color);
  out += cap(c._endCap, z, { x: z.x - z2.x, y: z.y - z2.y }, c._strokeWeight, color);
  if (c._text._chars) {
    const mid = pts[Math.floor(pts.length / 2)]!;
    // The label sits on its background plate (textBackground), when one is set, as in FigJam.
    const plate = c._textBackground.fills.map((p) => paintAttr(p, w)).find((a) => a);
    if (plate) {
      const m = measureText(c._text._chars, { fontName: c._text._fontName, fontSize: c._text._fontSize, width: 120 });
      const pw = Math.max(...m.lineWidths, 0) + 8;
      out += `<rect x="${n2(mid.x - pw / 2)}" y="${n2(mid.y - 12)}" width="${n2(pw)}" height="${n2(m.height + 4)}" rx="4" fill="${plate.fill}"/>`;
    }
    out += sublayerText(c._text, mid.x - 60, mid.y - 10, 120, 'CENTER', 'TOP', 20, w);
  }
  return out;
}
