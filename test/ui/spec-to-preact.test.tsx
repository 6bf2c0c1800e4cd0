// The spec -> preact mapping behind the live preview: Figma auto layout as CSS flexbox, absolute
// children of frames without auto layout, text as text children, shapes and vectors.
import { render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import type { FrameSpec, NodeSpec, ShapeSpec, TextSpec, VectorSpec } from '../../shared/layout/spec';
import { cssColor, fontStack, frameCss, pathEnds, shapeCss, specToVNode, textCss, vectorCss } from '../../ui/preview/spec-to-preact';

afterEach(() => cleanup());

const black = { color: { r: 0, g: 0, b: 0 } };
const frame = (o: Partial<FrameSpec> = {}, children: NodeSpec[] = []): FrameSpec => ({
  type: 'FRAME',
  key: 'f',
  name: 'Frame',
  layout: 'VERTICAL',
  sizingH: 'HUG',
  sizingV: 'HUG',
  width: 100,
  height: 50,
  children,
  ...o,
});
const text = (o: Partial<TextSpec> = {}): TextSpec => ({ type: 'TEXT', key: 't', name: 'T', text: 'Hello', weight: 'regular', size: 13, lineHeight: 18, color: black, sizingH: 'HUG', ...o });

describe('frames: auto layout as flexbox', () => {
  it('HORIZONTAL: row, padding [t,r,b,l], gap, alignment (Figma MIN, not CSS stretch)', () => {
    const css = frameCss(frame({ layout: 'HORIZONTAL', padding: [1, 2, 3, 4], gap: 8, alignPrimary: 'SPACE_BETWEEN', alignCounter: 'CENTER' }), 'VERTICAL');
    expect(css).toMatchObject({ display: 'flex', flexDirection: 'row', padding: '1px 2px 3px 4px', gap: '8px', justifyContent: 'space-between', alignItems: 'center' });
    expect(frameCss(frame(), null)).toMatchObject({ flexDirection: 'column', justifyContent: 'flex-start', alignItems: 'flex-start' });
  });

  it('wrap: flex-wrap with gap between items and counterGap between rows', () => {
    const css = frameCss(frame({ layout: 'HORIZONTAL', wrap: true, gap: 4, counterGap: 12 }), 'VERTICAL');
    expect(css).toMatchObject({ flexWrap: 'wrap', columnGap: '4px', rowGap: '12px', alignContent: 'flex-start' });
    expect(css.gap).toBeUndefined();
  });

  it('FIXED is an explicit size, HUG is content size, neither grows', () => {
    expect(frameCss(frame({ sizingH: 'FIXED', sizingV: 'FIXED', width: 120, height: 40 }), 'HORIZONTAL')).toMatchObject({ width: '120px', height: '40px', flex: 'none' });
    const hug = frameCss(frame(), 'HORIZONTAL');
    expect(hug.flex).toBe('none');
    expect(hug.width).toBeUndefined();
    expect(hug.height).toBeUndefined();
  });

  it('FILL: flex 1 1 0 on the parent primary axis, align-self stretch on its counter axis', () => {
    const inRow = frameCss(frame({ sizingH: 'FILL', sizingV: 'FILL' }), 'HORIZONTAL');
    expect(inRow).toMatchObject({ flex: '1 1 0px', minWidth: '0px', alignSelf: 'stretch' });
    const inColumnH = frameCss(frame({ sizingH: 'FILL' }), 'VERTICAL');
    expect(inColumnH).toMatchObject({ flex: 'none', alignSelf: 'stretch' });
    const inColumnV = frameCss(frame({ sizingV: 'FILL' }), 'VERTICAL');
    expect(inColumnV).toMatchObject({ flex: '1 1 0px', minHeight: '0px' });
    expect(inColumnV.alignSelf).toBeUndefined();
  });

  it('falls back to FIXED where Figma would: FILL outside auto layout, HUG without auto layout', () => {
    expect(frameCss(frame({ sizingH: 'FILL', width: 300 }), null)).toMatchObject({ width: '300px' });
    expect(frameCss(frame({ layout: 'NONE', width: 80, height: 20 }), 'VERTICAL')).toMatchObject({ display: 'block', width: '80px', height: '20px', position: 'relative' });
  });

  it('children of a NONE frame are absolute at x/y; paint, stroke, radius and clip', () => {
    const css = frameCss(frame({ x: 10, y: 20.5, fill: { color: { r: 1, g: 0, b: 0 }, opacity: 0.5 }, stroke: { paint: black, weight: 2, dash: [4, 3] }, radius: 8, clip: true }), 'NONE');
    expect(css).toMatchObject({ position: 'absolute', left: '10px', top: '20.5px', backgroundColor: 'rgba(255, 0, 0, 0.5)', outline: '2px dashed rgb(0, 0, 0)', outlineOffset: '-2px', borderRadius: '8px', overflow: 'hidden' });
  });
});

describe('text, shapes and vectors', () => {
  it('text: font metrics in px, weight, case, HUG on one line, FIXED and FILL wrap', () => {
    const hug = textCss(text({ weight: 'semibold', italic: true, upper: true, letterSpacing: 0.5, align: 'CENTER' }), 'VERTICAL');
    expect(hug).toMatchObject({ fontSize: '13px', lineHeight: '18px', fontWeight: '600', fontStyle: 'italic', textTransform: 'uppercase', letterSpacing: '0.5px', textAlign: 'center', whiteSpace: 'pre', flex: 'none' });
    expect(textCss(text({ sizingH: 'FIXED', width: 200 }), 'VERTICAL')).toMatchObject({ width: '200px', whiteSpace: 'pre-wrap' });
    expect(textCss(text({ sizingH: 'FILL', width: 200 }), 'HORIZONTAL')).toMatchObject({ flex: '1 1 0px', whiteSpace: 'pre-wrap' });
    expect(textCss(text({ sizingH: 'FILL', width: 200 }), 'VERTICAL')).toMatchObject({ alignSelf: 'stretch' });
    expect(textCss(text({ x: 6, y: 7 }), 'NONE')).toMatchObject({ position: 'absolute', left: '6px', top: '7px' });
  });

  it('ellipse: border-radius 50%; rectangle keeps its radius; both are fixed size', () => {
    const base: ShapeSpec = { type: 'ELLIPSE', key: 'e', name: 'E', width: 12, height: 12, fill: black, stroke: { paint: black, weight: 1.5, align: 'INSIDE' } };
    expect(shapeCss(base, 'NONE')).toMatchObject({ borderRadius: '50%', width: '12px', height: '12px', outlineOffset: '-1.5px' });
    expect(shapeCss({ ...base, type: 'RECTANGLE', radius: 1 }, 'HORIZONTAL')).toMatchObject({ borderRadius: '1px', flex: 'none' });
  });

  it('vector: an inline svg path with the stroke, dash and an arrow head for ARROW_LINES', () => {
    const v: VectorSpec = { type: 'VECTOR', key: 'v', name: 'Arrow', x: 5, y: 6, width: 100, height: 20, path: 'M 0 20 C 0 0 100 0 100 20', stroke: { paint: black, weight: 1.5, dash: [6, 4] }, startCap: 'NONE', endCap: 'ARROW_LINES' };
    expect(vectorCss(v, 'NONE')).toMatchObject({ position: 'absolute', left: '5px', top: '6px', overflow: 'visible' });
    const { container } = render(<div>{specToVNode(frame({ layout: 'NONE' }, [v]))}</div>);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('width')).toBe('100');
    const path = svg.querySelector('path')!;
    expect(path.getAttribute('d')).toBe(v.path);
    expect(path.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(path.getAttribute('fill')).toBe('none');
    const head = svg.querySelectorAll('polyline');
    expect(head).toHaveLength(1);
    // The head's tip is the path's last point, its wings above it (the curve arrives going down).
    const pts = head[0]!.getAttribute('points')!.split(' ').map((p) => p.split(',').map(Number));
    expect(pts[1]).toEqual([100, 20]);
    expect(pts[0]![1]).toBeLessThan(20);
    expect(pts[2]![1]).toBeLessThan(20);
    expect(pathEnds('M 0 0 L 10 0 Z')?.end).toEqual({ x: 0, y: 0 });
  });

  it('renders text as text children (markup stays text) and skips FigJam connectors', () => {
    const tree = frame({ layout: 'HORIZONTAL', gap: 4 }, [
      text({ key: 'a', text: '<b>not bold</b>' }),
      { type: 'CONNECTOR', key: 'c', name: 'C', fromKey: 'a', toKey: 'a', stroke: { paint: black, weight: 1 }, lineType: 'CURVED' },
    ]);
    const { container } = render(<div>{specToVNode(tree)}</div>);
    const root = container.firstElementChild!.firstElementChild as HTMLElement;
    expect(root.style.flexDirection).toBe('row');
    expect(root.style.gap).toBe('4px');
    expect(root.children).toHaveLength(1);
    expect(root.textContent).toBe('<b>not bold</b>');
    expect(root.querySelector('b')).toBeNull();
  });

  it('colours and the font stack', () => {
    expect(cssColor({ r: 1, g: 0.5, b: 0 })).toBe('rgb(255, 128, 0)');
    expect(fontStack('Source Sans 3')).toBe('"Source Sans 3", Inter, system-ui, -apple-system, "Segoe UI", sans-serif');
    expect(fontStack('Inter')).toMatch(/^Inter, system-ui/);
    expect(fontStack('Bad"; }')).not.toContain('"Bad"');
  });
});
