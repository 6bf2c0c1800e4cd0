// A rough height for a layout tree whose frames hug their content, without Figma's layout engine:
// used only to find free space for a new map, where guessing high is safe.
import type { NodeSpec } from './spec';

const AVERAGE_GLYPH = 0.56;

export function estimateHeight(spec: NodeSpec): number {
  switch (spec.type) {
    case 'TEXT': {
      const width = spec.width ?? 200;
      const lines = spec.text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((line.length * spec.size * AVERAGE_GLYPH) / Math.max(1, width))), 0);
      return lines * spec.lineHeight;
    }
    case 'FRAME': {
      if (spec.sizingV === 'FIXED' || spec.layout === 'NONE') return spec.height;
      const [top, , bottom] = spec.padding ?? [0, 0, 0, 0];
      const heights = spec.children.filter((c) => !c.absolute).map(estimateHeight);
      const inner = spec.layout === 'VERTICAL' ? heights.reduce((a, b) => a + b, 0) + (spec.gap ?? 0) * Math.max(0, heights.length - 1) : Math.max(0, ...heights);
      return top + bottom + inner;
    }
    case 'CONNECTOR':
      return 0;
    default:
      return spec.height;
  }
}

/** Em widths at least as wide as Inter's (and its usual substitutes') advances, by kind of character. */
function boundEm(ch: string): number {
  if (ch === ' ') return 0.3;
  if (/[a-ln-vx-z]/.test(ch)) return 0.62;
  if (/[0-9.,:;!|'()\-]/.test(ch)) return 0.66;
  return ch.charCodeAt(0) < 128 ? 0.97 : 1.3;
}

/**
 * A width no font the map uses exceeds for `value` on one line: lower-case letters and digits at a
 * generous width, every other Latin character as wide as the widest capital, anything else as wide
 * as an emoji, bold included.
 */
export function textWidthBound(value: string, size: number, letterSpacing = 0): number {
  let w = 0;
  for (const ch of value) w += boundEm(ch) * size * 1.1 + letterSpacing;
  return Math.ceil(w) + 1;
}
