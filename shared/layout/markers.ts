// Persona marker shapes (circle, square, diamond, triangle): emotion is never told by colour
// alone, so each persona's dots and legend entry also differ in shape.
import type { Rgb } from '../theme/colors';
import { paint, stroke } from './build';
import type { MarkerShape } from './context';
import type { NodeSpec, Tag } from './spec';

/** A marker of size `d` whose bounding box starts at (x, y). */
export function markerSpec(key: string, shape: MarkerShape, d: number, color: Rgb, ring: Rgb, at?: { x: number; y: number }, tag?: Tag, hollow = false): NodeSpec {
  const base = { key, name: `Marker (${shape})`, ...(at ? { x: at.x, y: at.y } : {}), ...(tag ? { tag } : {}) };
  const fill = paint(hollow ? ring : color);
  const edge = stroke(hollow ? color : ring, hollow ? 2 : 1.5);
  edge.align = 'INSIDE';
  const r = (v: number) => Math.round(v * 100) / 100;
  switch (shape) {
    case 'circle':
      return { type: 'ELLIPSE', ...base, width: d, height: d, fill, stroke: edge };
    case 'square':
      return { type: 'RECTANGLE', ...base, width: d, height: d, fill, stroke: edge, radius: 1 };
    case 'diamond':
      return { type: 'VECTOR', ...base, width: d, height: d, fill, stroke: { ...edge, align: 'CENTER' }, path: `M ${r(d / 2)} 0 L ${d} ${r(d / 2)} L ${r(d / 2)} ${d} L 0 ${r(d / 2)} Z` };
    case 'triangle':
      return { type: 'VECTOR', ...base, width: d, height: d, fill, stroke: { ...edge, align: 'CENTER' }, path: `M ${r(d / 2)} 0 L ${d} ${d} L 0 ${d} Z` };
  }
}
