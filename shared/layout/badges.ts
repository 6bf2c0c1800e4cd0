// A health badge (style option `healthBadges`): a dashed chip with a warning triangle and a short
// label, so it reads by text and by shape, never by colour alone, and differs from every solid
// chip on a card. Its colours are the neutral chip's (text on fill checked in every theme by
// test/layout/contrast.test.ts); the triangle and the dashed edge take the chip's text colour.
import { paint, row, stroke, text, within } from './build';
import type { LayoutContext } from './context';
import { childKey } from './keys';
import { markerSpec } from './markers';
import type { NodeSpec } from './spec';

export const BADGE_DASH = [3, 2] as const;

/** The badge: `max` is the widest its label may be before it wraps. */
export function healthBadge(ctx: LayoutContext, key: string, label: string, max: number): NodeSpec {
  const { theme, m } = ctx;
  const sw = theme.chip;
  const size = m.font.tiny;
  const mark = markerSpec(childKey(key, 'mark'), 'triangle', size, sw.text, sw.fill);
  const caption = text(childKey(key, 'label'), label, { size, lineHeight: m.line.tiny, color: sw.text, weight: 'semibold' }, within(label, { size }, Math.max(24, max - 12 - 4 - size)));
  return row(key, `Health: ${label}`, { padding: [2, 6, 2, 6], gap: 4, fill: paint(sw.fill), stroke: stroke(sw.text, 1, [...BADGE_DASH]), radius: 4, alignCounter: 'CENTER' }, [mark, caption]);
}
