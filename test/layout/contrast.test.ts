// WCAG AA for every text the map draws: each text node is checked against the fill of the
// nearest ancestor that has one, for every example, theme, density and a range of brand colours.
import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../shared/layout/layout';
import { layoutViews } from '../../shared/layout/views/index';
import { walk, type FrameSpec, type NodeSpec } from '../../shared/layout/spec';
import { contrast, hex, toHex } from '../../shared/theme/colors';
import { meetsAA } from '../../shared/theme/themes';
import { THEME_NAMES } from '../../shared/style/options';
import { example, EXAMPLE_IDS, style } from '../support/map-fixture';

interface Failure {
  key: string;
  text: string;
  ratio: number;
}

function failures(root: FrameSpec): { checked: number; bad: Failure[] } {
  let checked = 0;
  const bad: Failure[] = [];
  const visit = (spec: NodeSpec, background: FrameSpec['fill']) => {
    if (spec.type === 'TEXT') {
      if (!background) throw new Error(`text ${spec.key} has no background`);
      checked++;
      const bold = spec.weight === 'bold' || spec.weight === 'semibold';
      if (!meetsAA(spec.color.color, background.color, spec.size, bold))
        bad.push({ key: spec.key, text: `${toHex(spec.color.color)} on ${toHex(background.color)}`, ratio: Math.round(contrast(spec.color.color, background.color) * 100) / 100 });
      return;
    }
    if (spec.type === 'FRAME') for (const child of spec.children) visit(child, spec.fill ?? background);
  };
  visit(root, root.fill);
  return { checked, bad };
}

describe('text contrast (WCAG 2.x AA: 4.5:1, or 3:1 for large text)', () => {
  const brands = ['#4F46E5', '#FFD400', '#00A86B', '#E11D48', '#111111', '#F5F5F5'];
  for (const id of EXAMPLE_IDS)
    for (const theme of THEME_NAMES)
      it(`${id}, ${theme}: every text meets AA on its fill, with any brand colour`, () => {
        for (const brandColor of brands)
          for (const density of ['comfortable', 'compact'] as const) {
            const { root } = layoutJourney(example(id), style({ theme, brandColor, density }));
            const { checked, bad } = failures(root);
            expect(checked).toBeGreaterThan(100);
            expect(bad, `brand ${brandColor}`).toEqual([]);
          }
      });

  for (const id of EXAMPLE_IDS)
    for (const theme of THEME_NAMES)
      it(`${id}, ${theme}: every text of every view meets AA on its fill`, () => {
        for (const brandColor of ['#4F46E5', '#FFD400', '#111111'])
          for (const density of ['comfortable', 'compact'] as const) {
            const frames = layoutViews(example(id), style({ theme, brandColor, density }));
            expect(frames.length).toBeGreaterThan(3);
            for (const f of frames) {
              const { checked, bad } = failures(f.root);
              expect(checked, f.root.name).toBeGreaterThanOrEqual(2);
              expect(bad, `${f.root.name}, brand ${brandColor}, ${density}`).toEqual([]);
            }
          }
      });

  for (const theme of THEME_NAMES)
    it(`health badges, ${theme}: every badge text meets AA on its fill (and the map's other texts still do)`, () => {
      for (const id of EXAMPLE_IDS)
        for (const brandColor of ['#4F46E5', '#FFD400', '#111111'])
          for (const density of ['comfortable', 'compact'] as const) {
            const { root } = layoutJourney(example(id), style({ theme, brandColor, density, healthBadges: true }));
            const { bad } = failures(root);
            expect(bad, `${id}, brand ${brandColor}, ${density}`).toEqual([]);
            let badges = 0;
            walk(root, (n) => void (n.type === 'TEXT' && n.key.endsWith('/health/label') && badges++));
            expect(badges, id).toBeGreaterThan(0);
          }
    });

  it('the check itself catches a low-contrast pair', () => {
    expect(meetsAA(hex('#999999'), hex('#FFFFFF'), 12, false)).toBe(false);
    expect(meetsAA(hex('#767676'), hex('#FFFFFF'), 12, false)).toBe(true);
  });
});
