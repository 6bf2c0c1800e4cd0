// Paints and geometry. Sources: typings Paint (https://developers.figma.com/docs/plugins/api/Paint), GeometryMixin, LayoutMixin;
// resize error verbatim: https://github.com/DirectedEdges/specs-plugin-1/issues/93 ("in resize: Expected "width" to have value >= 0.01").
import { describe, expect, it } from 'vitest';
import { createFigma } from './index';

describe('paints', () => {
  it('fills/strokes are returned frozen; mutating throws; assigning a new array works (typings: fills are ReadonlyArray<Paint>)', () => {
    const figma = createFigma();
    const r = figma.createRectangle();
    const fills = r.fills as Paint[];
    expect(Object.isFrozen(fills)).toBe(true);
    expect(() => fills.push({ type: 'SOLID', color: { r: 0, g: 0, b: 0 } })).toThrow(TypeError);
    expect(() => {
      (fills[0] as { opacity: number }).opacity = 0.2;
    }).toThrow(TypeError);
    r.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 }, opacity: 0.5 }];
    expect((r.fills as SolidPaint[])[0]!.color).toEqual({ r: 1, g: 0, b: 0 });
    expect(Object.isFrozen((r.fills as SolidPaint[])[0]!.color)).toBe(true);
  });

  it('validates paints: colour channels and opacity in 0..1, known types only', () => {
    const figma = createFigma();
    const r = figma.createRectangle();
    expect(() => {
      r.fills = [{ type: 'SOLID', color: { r: 255, g: 0, b: 0 } }];
    }).toThrow(/color.r" failed validation/);
    expect(() => {
      r.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 }, opacity: 1.5 }];
    }).toThrow(/opacity/);
    expect(() => {
      r.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } as RGB }];
    }).toThrow(/Unrecognized key/);
    expect(() => {
      r.fills = [{ type: 'PATTERN' } as unknown as Paint];
    }).toThrow(/Invalid discriminator/);
    r.fills = [{ type: 'GRADIENT_LINEAR', gradientTransform: [[1, 0, 0], [0, 1, 0]], gradientStops: [{ position: 0, color: { r: 1, g: 0, b: 0, a: 1 } }, { position: 1, color: { r: 0, g: 0, b: 1, a: 1 } }] }];
    expect(r.fills).toHaveLength(1);
  });

  it('effects: DROP_SHADOW validated', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => {
      f.effects = [{ type: 'DROP_SHADOW', color: { r: 0, g: 0, b: 0, a: 2 }, offset: { x: 0, y: 2 }, radius: 4, visible: true, blendMode: 'NORMAL' }];
    }).toThrow(/color.a/);
    f.effects = [{ type: 'DROP_SHADOW', color: { r: 0, g: 0, b: 0, a: 0.2 }, offset: { x: 0, y: 2 }, radius: 4, visible: true, blendMode: 'NORMAL' }];
    expect(f.effects).toHaveLength(1);
    expect(Object.isFrozen(f.effects)).toBe(true);
  });

  it('strokes, strokeWeight, strokeAlign, dashPattern, strokeCap, strokeJoin, radii, clipsContent, blendMode', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }];
    f.strokeWeight = 2;
    f.strokeAlign = 'OUTSIDE';
    f.dashPattern = [4, 2];
    f.strokeJoin = 'ROUND';
    f.cornerRadius = 8;
    expect([f.topLeftRadius, f.bottomRightRadius]).toEqual([8, 8]);
    f.topLeftRadius = 2;
    expect(f.cornerRadius).toBe(figma.mixed);
    f.clipsContent = false;
    f.blendMode = 'MULTIPLY';
    expect([f.strokeWeight, f.strokeAlign, f.dashPattern, f.strokeJoin, f.clipsContent, f.blendMode]).toEqual([2, 'OUTSIDE', [4, 2], 'ROUND', false, 'MULTIPLY']);
    expect(() => {
      f.strokeAlign = 'MIDDLE' as 'CENTER';
    }).toThrow("in set_strokeAlign: Expected 'CENTER' | 'INSIDE' | 'OUTSIDE', received 'MIDDLE'");
    expect(() => {
      f.strokeWeight = -1;
    }).toThrow(/>= 0/);
  });
});

describe('geometry', () => {
  it('resize below 0.01 throws Figma\'s message (specs-plugin-1#93, react-figma#206)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => f.resize(0, 10)).toThrow('in resize: Expected "width" to have value >= 0.01');
    expect(() => f.resize(10, 0.001)).toThrow('in resize: Expected "height" to have value >= 0.01');
    expect(() => f.resizeWithoutConstraints(0, 10)).toThrow('in resizeWithoutConstraints: Expected "width" to have value >= 0.01');
    f.resize(0.01, 0.01);
    expect(f.width).toBe(0.01);
  });

  it('width/height are getters: assignment throws; resize() is the way (typings DimensionAndPositionMixin)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => {
      (f as { width: number }).width = 5;
    }).toThrow(/no setter for property: width/);
    expect(f.width).toBe(100);
  });

  it('lines need height 0 (typings L7505: LineNode "must always be given a height of exactly 0")', () => {
    const figma = createFigma();
    const l = figma.createLine();
    expect([l.width, l.height]).toEqual([100, 0]);
    expect(l.strokes).toHaveLength(1);
    l.resize(240, 0);
    expect(l.width).toBe(240);
    expect(() => l.resize(240, 5)).toThrow(/LINE/);
  });

  it('x/y, rotation, relativeTransform, absoluteTransform, absoluteBoundingBox (typings LayoutMixin)', () => {
    const figma = createFigma();
    const outer = figma.createFrame();
    outer.x = 100;
    outer.y = 50;
    const r = figma.createRectangle();
    outer.appendChild(r);
    r.x = 10;
    r.y = 20;
    r.resize(30, 40);
    expect(r.relativeTransform).toEqual([[1, 0, 10], [0, 1, 20]]);
    expect(r.absoluteTransform).toEqual([[1, 0, 110], [0, 1, 70]]);
    expect(r.absoluteBoundingBox).toEqual({ x: 110, y: 70, width: 30, height: 40 });
    r.rotation = 90;
    const [[a, b], [c, d]] = r.relativeTransform;
    expect([a, b, c, d]).toEqual([0, 1, -1, 0]);
    const bb = r.absoluteBoundingBox!;
    expect(bb.width).toBeCloseTo(40);
    expect(bb.height).toBeCloseTo(30);
    r.relativeTransform = [[1, 0, 5], [0, 1, 6]];
    expect([r.x, r.y, r.rotation]).toEqual([5, 6, 0]);
  });
});
