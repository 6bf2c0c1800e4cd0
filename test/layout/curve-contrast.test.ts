// A curve drawn in the brand colour keeps 3:1 against the emotion lane in every theme (WCAG 2.x
// 1.4.11, non-text contrast): the colour is darkened or lightened as little as needed, and a colour
// that passes is drawn as chosen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../shared/layout/layout';
import { walk, type FrameSpec, type NodeSpec } from '../../shared/layout/spec';
import { THEME_NAMES } from '../../shared/style/options';
import { contrast, contrastBlend, ensureContrast, hex, mix, toHex, type Rgb } from '../../shared/theme/colors';
import { CURVE_CONTRAST, THEMES, themeFor } from '../../shared/theme/themes';
import { example, style } from '../support/map-fixture';

const hexColour = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0').toUpperCase()}`);
const rgb = hexColour.map(hex);

describe('ensureContrast', () => {
  it('reaches the ratio against any background, changing a colour as little as it can', () => {
    fc.assert(
      fc.property(rgb, rgb, fc.double({ min: 1, max: 4.5, noNaN: true }), (fg, bg, ratio) => {
        const out = ensureContrast(fg, bg, ratio);
        expect(contrast(out, bg)).toBeGreaterThanOrEqual(ratio);
        // Whole #RRGGBB channels, so the colour a designer reads in Figma passes too.
        expect(contrast(hex(toHex(out)), bg)).toBeGreaterThanOrEqual(ratio);
        const { t } = contrastBlend(fg, bg, ratio);
        if (contrast(fg, bg) >= ratio) {
          expect(out).toBe(fg);
          expect(t).toBe(0);
          return;
        }
        // A little less blending, towards black or towards white, does not reach the ratio; and
        // the colour differs from the exact blend by less than one channel step.
        const exact = mix(fg, contrastBlend(fg, bg, ratio).toward, t);
        expect(contrast(exact, bg)).toBeGreaterThanOrEqual(ratio);
        for (const k of ['r', 'g', 'b'] as const) expect(Math.abs(out[k] - exact[k])).toBeLessThanOrEqual(3 / 255);
        for (const target of [hex('#000000'), hex('#FFFFFF')]) expect(contrast(mix(fg, target, Math.max(0, t - 1e-6)), bg)).toBeLessThan(ratio);
      }),
      { numRuns: 400 },
    );
  });
});

describe('brand-coloured curves keep 3:1 on the emotion lane', () => {
  it('in every theme, for any brand colour; a passing brand colour is drawn unchanged', () => {
    fc.assert(
      fc.property(hexColour, fc.constantFrom(...THEME_NAMES), (brand, name) => {
        const theme = themeFor(name, brand);
        const curve = theme.emotion.personas[0] as Rgb;
        expect(contrast(curve, theme.canvas)).toBeGreaterThanOrEqual(CURVE_CONTRAST);
        if (name !== 'high-contrast' && contrast(hex(brand), theme.canvas) >= CURVE_CONTRAST) expect(toHex(curve)).toBe(brand);
      }),
      { numRuns: 600 },
    );
  });

  it("every theme's own persona colours pass as they are", () => {
    for (const name of THEME_NAMES)
      for (const c of THEMES[name].emotion.personas) expect(contrast(c, THEMES[name].canvas), `${name} ${toHex(c)}`).toBeGreaterThanOrEqual(CURVE_CONTRAST);
  });

  it('every curve vector the layout draws has 3:1 against the frame it is drawn on', () => {
    let checked = 0;
    for (const theme of THEME_NAMES)
      for (const brandColor of ['#4F46E5', '#FFD400', '#00A86B', '#E11D48', '#111111', '#F5F5F5', '#767676']) {
        const { root } = layoutJourney(example('retail-purchase'), style({ theme, brandColor }));
        walk(root, (s: NodeSpec, parent: FrameSpec | null) => {
          if (s.type !== 'VECTOR' || !s.key.startsWith('curve:')) return;
          const lane = parent?.fill?.color;
          expect(lane, s.key).toBeDefined();
          expect(contrast(s.stroke.paint.color, lane!), `${theme} ${brandColor} ${s.key}`).toBeGreaterThanOrEqual(CURVE_CONTRAST);
          checked++;
        });
      }
    expect(checked).toBe(3 * 7 * 3);
  });
});
