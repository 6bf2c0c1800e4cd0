// Small constructors for layout specs, so the parts read like a description of the map.
import type { Rgb } from '../theme/colors';
import { textWidthBound } from './estimate';
import type { FontWeight, FrameSpec, NodeSpec, PaintSpec as Paint, Sizing, StrokeSpec as Stroke, Tag, TextSpec } from './spec';

export const paint = (color: Rgb, opacity?: number): Paint => (opacity === undefined ? { color } : { color, opacity });
export const stroke = (color: Rgb, weight = 1, dash?: number[]): Stroke =>
  dash ? { paint: { color }, weight, dash, align: 'INSIDE' } : { paint: { color }, weight, align: 'INSIDE' };

type FrameOptions = Omit<Partial<FrameSpec>, 'type' | 'key' | 'name' | 'children'>;

export function frame(key: string, name: string, options: FrameOptions, children: NodeSpec[] = []): FrameSpec {
  return {
    type: 'FRAME',
    key,
    name,
    layout: 'VERTICAL',
    sizingH: 'HUG',
    sizingV: 'HUG',
    width: 100,
    height: 100,
    children,
    ...options,
  };
}

export const row = (key: string, name: string, options: FrameOptions, children: NodeSpec[] = []) =>
  frame(key, name, { layout: 'HORIZONTAL', ...options }, children);

export const column = (key: string, name: string, options: FrameOptions, children: NodeSpec[] = []) =>
  frame(key, name, { layout: 'VERTICAL', ...options }, children);

export interface TextStyle {
  size: number;
  lineHeight: number;
  weight?: FontWeight;
  italic?: boolean;
  color: Rgb;
  upper?: boolean;
  letterSpacing?: number;
  align?: 'LEFT' | 'CENTER' | 'RIGHT';
}

export function text(
  key: string,
  value: string,
  style: TextStyle,
  sizing: { h: Sizing; width?: number } = { h: 'HUG' },
  tag?: Tag,
): TextSpec {
  const spec: TextSpec = {
    type: 'TEXT',
    key,
    name: value.length > 40 ? `${value.slice(0, 39)}…` : value || ' ',
    text: value,
    weight: style.weight ?? 'regular',
    size: style.size,
    lineHeight: style.lineHeight,
    color: paint(style.color),
    sizingH: sizing.h,
  };
  if (sizing.width !== undefined) spec.width = sizing.width;
  if (style.italic) spec.italic = true;
  if (style.upper) spec.upper = true;
  if (style.letterSpacing) spec.letterSpacing = style.letterSpacing;
  if (style.align) spec.align = style.align;
  if (tag) spec.tag = tag;
  return spec;
}

/** Tag for an entity's own frame. */
export const entityTag = (kind: Tag['kind'], id: string): Tag => ({ kind, id });
/** Tag for a text node that shows one field of an entity. */
export const fieldTag = (kind: Tag['kind'], id: string, field: string): Tag => ({ kind, id, field });

/**
 * `value` on one line of at most `max` px: itself while it surely fits, otherwise cut at a
 * character (a code point, never half of one) and ended with "…". For labels whose place has room
 * for one line only, such as an emotion scale's guide labels.
 */
export function oneLine(value: string, style: Pick<TextStyle, 'size' | 'letterSpacing'>, max: number): string {
  if (textWidthBound(value, style.size, style.letterSpacing) <= max) return value;
  const chars = Array.from(value);
  let lo = 0;
  let hi = chars.length;
  // The longest start that fits with the ellipsis: a binary search, as the width grows with the length.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidthBound(`${chars.slice(0, mid).join('').trimEnd()}…`, style.size, style.letterSpacing) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/**
 * How a text sits in at most `max` px: hugging while it surely fits on one line, otherwise at a
 * fixed `max` so that it wraps there (a hugging text never wraps and would run out of its frame).
 */
export function within(value: string, style: Pick<TextStyle, 'size' | 'letterSpacing'>, max: number): { h: Sizing; width?: number } {
  const longest = Math.max(0, ...value.split(/\r\n|\n|\r/).map((line) => textWidthBound(line, style.size, style.letterSpacing)));
  return longest <= max ? { h: 'HUG' } : { h: 'FIXED', width: Math.max(1, Math.floor(max)) };
}
