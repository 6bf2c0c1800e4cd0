// Colour tokens of the three map themes, and the brand colour applied on top. Every text colour
// is chosen against the fill it sits on; test/layout/contrast.test.ts walks every drawn text node
// of every example in every theme and checks WCAG AA.
import type { Confidence, LaneType, Priority, WorkStatus } from '../model/types';
import type { ThemeName } from '../style/options';
import { contrast, ensureContrast, hex, mix, readableOn, withContrast, type Rgb } from './colors';

export interface Swatch {
  fill: Rgb;
  text: Rgb;
  border: Rgb;
  /** Strong colour for a side bar or an icon; not used behind text. */
  accent: Rgb;
}

export interface Theme {
  name: ThemeName;
  canvas: Rgb;
  surface: Rgb;
  text: Rgb;
  textMuted: Rgb;
  border: Rgb;
  rowAlt: Rgb;
  header: { fill: Rgb; text: Rgb; muted: Rgb };
  stage: { fill: Rgb; text: Rgb };
  step: { fill: Rgb; text: Rgb };
  lanes: Record<Exclude<LaneType, 'emotion'>, Swatch>;
  chip: Swatch;
  priority: Record<Priority, Swatch>;
  status: Record<WorkStatus, Swatch>;
  confidence: Record<Confidence, Swatch>;
  emotion: { guide: Rgb; neutral: Rgb; label: Rgb; personas: Rgb[] };
  link: Rgb;
  /** Border weight for cards; high contrast draws heavier outlines. */
  cardBorderWeight: number;
  /** Cards say their type in words (high contrast, where the lanes' colours are not told apart). */
  cardTypeLabels: boolean;
}

const c = hex;
const sw = (fill: string, text: string, border: string, accent: string): Swatch => ({
  fill: c(fill),
  text: c(text),
  border: c(border),
  accent: c(accent),
});

const light: Theme = {
  name: 'light',
  canvas: c('#FFFFFF'),
  surface: c('#F6F6F8'),
  text: c('#1B1B22'),
  textMuted: c('#55556A'),
  border: c('#D7D7DE'),
  rowAlt: c('#FAFAFB'),
  header: { fill: c('#4F46E5'), text: c('#FFFFFF'), muted: c('#E0E7FF') },
  stage: { fill: c('#EEF0FF'), text: c('#1E1B4B') },
  step: { fill: c('#F6F6F8'), text: c('#1B1B22') },
  lanes: {
    actions: sw('#EEF2FF', '#1E1B4B', '#C7D2FE', '#4F46E5'),
    thoughts: sw('#F5F3FF', '#2E1065', '#DDD6FE', '#7C3AED'),
    touchpoints: sw('#ECFEFF', '#083344', '#A5F3FC', '#0891B2'),
    painPoints: sw('#FEF2F2', '#450A0A', '#FECACA', '#DC2626'),
    opportunities: sw('#F0FDF4', '#052E16', '#BBF7D0', '#16A34A'),
    backstage: sw('#F4F4F5', '#27272A', '#A1A1AA', '#52525B'),
    metrics: sw('#FFFBEB', '#451A03', '#FDE68A', '#D97706'),
    text: sw('#FFFFFF', '#1B1B22', '#D7D7DE', '#55556A'),
  },
  chip: sw('#FFFFFF', '#27272A', '#D4D4D8', '#52525B'),
  priority: {
    low: sw('#F4F4F5', '#3F3F46', '#D4D4D8', '#71717A'),
    medium: sw('#FEF9C3', '#422006', '#FDE047', '#CA8A04'),
    high: sw('#FFEDD5', '#431407', '#FDBA74', '#EA580C'),
    critical: sw('#B91C1C', '#FFFFFF', '#991B1B', '#7F1D1D'),
  },
  status: {
    open: sw('#FFFFFF', '#27272A', '#A1A1AA', '#71717A'),
    planned: sw('#E0F2FE', '#082F49', '#7DD3FC', '#0284C7'),
    'in-progress': sw('#DBEAFE', '#172554', '#93C5FD', '#2563EB'),
    done: sw('#DCFCE7', '#052E16', '#86EFAC', '#16A34A'),
    'wont-do': sw('#F4F4F5', '#3F3F46', '#D4D4D8', '#71717A'),
  },
  confidence: {
    observed: sw('#166534', '#FFFFFF', '#14532D', '#166534'),
    reported: sw('#1D4ED8', '#FFFFFF', '#1E3A8A', '#1D4ED8'),
    inferred: sw('#FEF3C7', '#451A03', '#F59E0B', '#B45309'),
    assumed: sw('#FFFFFF', '#3F3F46', '#71717A', '#71717A'),
  },
  emotion: {
    guide: c('#E4E4E7'),
    neutral: c('#71717A'),
    label: c('#55556A'),
    personas: [c('#4F46E5'), c('#DB2777'), c('#0D9488'), c('#D97706'), c('#7C3AED'), c('#2563EB')],
  },
  link: c('#52525B'),
  cardBorderWeight: 1,
  cardTypeLabels: false,
};

const dark: Theme = {
  name: 'dark',
  canvas: c('#18181B'),
  surface: c('#232329'),
  text: c('#F4F4F5'),
  textMuted: c('#B4B4C0'),
  border: c('#3F3F46'),
  rowAlt: c('#1D1D21'),
  header: { fill: c('#312E81'), text: c('#FFFFFF'), muted: c('#C7D2FE') },
  stage: { fill: c('#27264A'), text: c('#E0E7FF') },
  step: { fill: c('#232329'), text: c('#F4F4F5') },
  lanes: {
    actions: sw('#262451', '#E0E7FF', '#3730A3', '#818CF8'),
    thoughts: sw('#2E1F4F', '#EDE9FE', '#5B21B6', '#A78BFA'),
    touchpoints: sw('#0F3340', '#CFFAFE', '#155E75', '#22D3EE'),
    painPoints: sw('#3F1719', '#FEE2E2', '#7F1D1D', '#F87171'),
    opportunities: sw('#12331F', '#DCFCE7', '#166534', '#4ADE80'),
    backstage: sw('#27272A', '#E4E4E7', '#52525B', '#A1A1AA'),
    metrics: sw('#3A2A0B', '#FEF3C7', '#92400E', '#FBBF24'),
    text: sw('#232329', '#F4F4F5', '#3F3F46', '#A1A1AA'),
  },
  chip: sw('#18181B', '#E4E4E7', '#52525B', '#A1A1AA'),
  priority: {
    low: sw('#27272A', '#D4D4D8', '#52525B', '#A1A1AA'),
    medium: sw('#422006', '#FEF08A', '#854D0E', '#FACC15'),
    high: sw('#431407', '#FED7AA', '#9A3412', '#FB923C'),
    critical: sw('#DC2626', '#FFFFFF', '#F87171', '#FCA5A5'),
  },
  status: {
    open: sw('#18181B', '#E4E4E7', '#71717A', '#A1A1AA'),
    planned: sw('#082F49', '#BAE6FD', '#0369A1', '#38BDF8'),
    'in-progress': sw('#172554', '#BFDBFE', '#1D4ED8', '#60A5FA'),
    done: sw('#052E16', '#BBF7D0', '#15803D', '#4ADE80'),
    'wont-do': sw('#27272A', '#D4D4D8', '#52525B', '#A1A1AA'),
  },
  confidence: {
    observed: sw('#14532D', '#DCFCE7', '#22C55E', '#22C55E'),
    reported: sw('#1E3A8A', '#DBEAFE', '#3B82F6', '#3B82F6'),
    inferred: sw('#451A03', '#FDE68A', '#D97706', '#D97706'),
    assumed: sw('#18181B', '#D4D4D8', '#71717A', '#71717A'),
  },
  emotion: {
    guide: c('#2E2E35'),
    neutral: c('#A1A1AA'),
    label: c('#B4B4C0'),
    personas: [c('#818CF8'), c('#F472B6'), c('#2DD4BF'), c('#FBBF24'), c('#C084FC'), c('#60A5FA')],
  },
  link: c('#A1A1AA'),
  cardBorderWeight: 1,
  cardTypeLabels: false,
};

const black = '#000000';
const white = '#FFFFFF';
const hcCard = sw(white, black, black, black);
const highContrast: Theme = {
  name: 'high-contrast',
  canvas: c(white),
  surface: c(white),
  text: c(black),
  textMuted: c('#2B2B2B'),
  border: c(black),
  rowAlt: c(white),
  header: { fill: c(black), text: c(white), muted: c(white) },
  stage: { fill: c(black), text: c(white) },
  step: { fill: c(white), text: c(black) },
  lanes: {
    actions: hcCard,
    thoughts: hcCard,
    touchpoints: hcCard,
    painPoints: sw(white, black, black, '#B00020'),
    opportunities: sw(white, black, black, '#006B2E'),
    backstage: sw('#E8E8E8', black, black, black),
    metrics: hcCard,
    text: hcCard,
  },
  chip: sw(white, black, black, black),
  priority: {
    low: sw(white, black, black, black),
    medium: sw(white, black, black, black),
    high: sw(black, white, black, black),
    critical: sw('#B00020', white, black, black),
  },
  status: {
    open: sw(white, black, black, black),
    planned: sw(white, black, black, black),
    'in-progress': sw(white, black, black, black),
    done: sw(black, white, black, black),
    'wont-do': sw(white, '#2B2B2B', black, black),
  },
  confidence: {
    observed: sw(black, white, black, black),
    reported: sw(white, black, black, black),
    inferred: sw(white, black, black, black),
    assumed: sw(white, '#2B2B2B', black, black),
  },
  emotion: {
    guide: c('#BDBDBD'),
    neutral: c(black),
    label: c(black),
    personas: [c(black), c('#0033CC'), c('#B00020'), c('#006B2E'), c('#6A1B9A'), c('#7A4A00')],
  },
  link: c(black),
  cardBorderWeight: 2,
  cardTypeLabels: true,
};

export const THEMES: Record<ThemeName, Theme> = { light, dark, 'high-contrast': highContrast };

/**
 * A theme with the designer's brand colour applied to the header band and the stage headers.
 * High contrast keeps black and white: a brand colour must not lower its contrast.
 */
export function themeFor(name: ThemeName, brandColor: string): Theme {
  const base = THEMES[name];
  if (name === 'high-contrast') return base;
  const brand = hex(brandColor);
  const headerFill = name === 'dark' ? mix(brand, hex('#000000'), 0.45) : brand;
  const headerText = readableOn(headerFill);
  const stageFill = name === 'dark' ? mix(brand, base.canvas, 0.78) : mix(brand, hex('#FFFFFF'), 0.88);
  return {
    ...base,
    header: { fill: headerFill, text: headerText, muted: withContrast(mix(headerText, headerFill, 0.2), headerFill, 4.5) },
    stage: { fill: stageFill, text: withContrast(mix(brand, base.text, 0.6), stageFill, 7) },
    // The first persona's curve and markers in the brand colour, on the emotion lane's canvas.
    emotion: { ...base.emotion, personas: [curveColor(brand, base.canvas), ...base.emotion.personas.slice(1)] },
  };
}

/** Non-text contrast a curve needs against the lane it is drawn on (WCAG 2.x, 1.4.11). */
export const CURVE_CONTRAST = 3;

/** A curve colour chosen by the designer, changed as little as needed to keep CURVE_CONTRAST on `lane`. */
export const curveColor = (chosen: Rgb, lane: Rgb): Rgb => ensureContrast(chosen, lane, CURVE_CONTRAST);

/** Whether a text colour is legible on a fill at a size, per WCAG 2.x AA. */
export function meetsAA(text: Rgb, fill: Rgb, fontSize: number, bold: boolean): boolean {
  const large = fontSize >= 18.66 || (bold && fontSize >= 14) || fontSize >= 24;
  return contrast(text, fill) >= (large ? 3 : 4.5);
}
