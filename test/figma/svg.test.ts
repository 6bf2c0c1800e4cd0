// SVG export of the every-node-kind fixture (test/fixtures/emulator/every-node-kind.ts). The emulator's own picture of
// the canvas; geometry comes from the layout engine (layout.ts) and text from measureText (README).
import { describe, expect, it } from 'vitest';
import { buildSample } from '../fixtures/emulator/every-node-kind';
import { createFigma, emulatorOf, measureText } from './index';
import { esc } from './svg';

function group(svg: string, id: string): string {
  const start = svg.indexOf(`data-id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  return svg.slice(start, start + 4000);
}

describe('svg', () => {
  it('renders every node kind with real content', async () => {
    const { emu, nodes } = await buildSample();
    const svg = emu.toSVG();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const t of ['FRAME', 'TEXT', 'RECTANGLE', 'ELLIPSE', 'GROUP', 'LINE', 'VECTOR', 'STICKY', 'SHAPE_WITH_TEXT', 'CONNECTOR']) {
      expect(svg).toContain(`data-type="${t}"`);
    }
    // Frames: radii, drop shadow filter, clip path, gradient, dashes.
    expect(svg).toMatch(/<feDropShadow dx="0" dy="4" stdDeviation="6"/);
    expect(svg).toContain('<clipPath');
    expect(svg).toMatch(/<linearGradient id="g\d+" gradientUnits="objectBoundingBox" x1="0" y1="0.5" x2="1" y2="0.5">/);
    expect(svg).toContain('stroke-dasharray="6 4"');
    // Column 2 sits after padding 24 + column width + spacing 16 in the board.
    const col1 = nodes['col1'] as FrameNode;
    expect(col1.x).toBeCloseTo(24 + (760 - 48 - 32) / 3 + 16, 3);
    expect(group(svg, col1.id)).toContain(`transform="matrix(1 0 0 1 ${Math.round(col1.x * 100) / 100} 24)"`);
  });

  it('text is wrapped as laid out: one tspan per line, escaped, with font attributes', async () => {
    const { emu, nodes } = await buildSample();
    const svg = emu.toSVG();
    const body = nodes['body1'] as TextNode;
    const m = measureText(body.characters, { fontName: { family: 'Inter', style: 'Regular' }, fontSize: 13, width: body.width });
    const g = group(svg, body.id);
    const text = g.slice(0, g.indexOf('</text>'));
    expect((text.match(/<tspan /g) ?? []).length).toBe(m.lines.length);
    expect(m.lines.length).toBeGreaterThan(1);
    expect(text).toContain('font-family="Inter, sans-serif" font-size="13" font-weight="400"');
    expect(text).toContain('&lt;company&gt;');
    expect(text).toContain('&amp;');
    expect(text).not.toContain('<company>');
    const title = group(svg, nodes['title0']!.id);
    expect(title).toContain('font-weight="600"');
    // Centred, truncated note text: text-anchor middle at half width, 2 lines ending with an ellipsis.
    const note = group(svg, nodes['noteText']!.id);
    expect(note).toContain('text-anchor="middle"');
    expect(note).toContain('<tspan x="98"');
    expect((note.slice(0, note.indexOf('</text>')).match(/<tspan /g) ?? []).length).toBe(2);
    expect(note).toMatch(/…<\/tspan><\/text>/);
  });

  it('lines, vectors and connectors get their caps as path geometry', async () => {
    const { emu, nodes } = await buildSample();
    const svg = emu.toSVG();
    const line = group(svg, nodes['line']!.id);
    expect(line).toContain('d="M 0 0 L 120 0"');
    expect((line.slice(0, line.indexOf('</g>')).match(/cap-arrow-lines/g) ?? []).length).toBe(2); // both ends (typings strokeCap)
    const elbow = group(svg, nodes['elbow']!.id);
    expect(elbow).toContain('d="M 0 0 L 60 0 L 60 60 L 120 60"');
    expect((elbow.slice(0, elbow.indexOf('</g>')).match(/cap-triangle/g) ?? []).length).toBe(1); // only the last vertex
    const curve = group(svg, nodes['curve']!.id);
    expect(curve).toContain('C 30 0 60 0 90 30');
    expect((curve.slice(0, curve.indexOf('</g>')).match(/cap-triangle/g) ?? []).length).toBe(2);
    // Elbowed connector between the two shapes: right side of A → left side of B, 4 points.
    const a = nodes['shapeA']!;
    const b = nodes['shapeB']!;
    const c1 = group(svg, nodes['c1']!.id);
    const mid = (a.x + a.width + b.x) / 2;
    expect(c1).toContain(`d="M ${a.x + a.width} ${a.y + a.height / 2} L ${mid} ${a.y + a.height / 2} L ${mid} ${b.y + b.height / 2} L ${b.x} ${b.y + b.height / 2}"`);
    expect(c1).toContain('cap-triangle');
    expect(group(svg, nodes['c2']!.id)).toContain('cap-circle');
  });

  it('exports a single node with its own viewBox', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const r = figma.createRectangle();
    r.x = 50;
    r.y = 60;
    r.resize(10, 20);
    r.topLeftRadius = 4;
    const svg = emu.toSVG(r, { margin: 0 });
    expect(svg).toContain('viewBox="50 60 10 20"');
    expect(svg).toMatch(/<path d="M 4 0 H 10/); // individual corner radii become a path
  });

  it('esc escapes all XML specials', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
