// Emotion scores on any scale. Research sheets score feelings on 1–5, 1–7, 1–10, 0–100 or −2…+2;
// a journey keeps them on its own emotion scale. Values that do not fit the journey's scale are
// read as being on the smallest common scale that holds them all (or the one a label names, like
// "Emotion (1–10)") and mapped linearly onto the journey's scale; the import report says how.
import type { EmotionScale } from '../model/types';

export interface SourceScale {
  min: number;
  max: number;
}

/** Common research scales, in the order they are tried. */
export const COMMON_SCALES: readonly SourceScale[] = [
  { min: 1, max: 5 },
  { min: 1, max: 7 },
  { min: 1, max: 10 },
  { min: 0, max: 10 },
  { min: 0, max: 100 },
  { min: -2, max: 2 },
  { min: -3, max: 3 },
  { min: -5, max: 5 },
  { min: -10, max: 10 },
];

const fits = (values: readonly number[], s: SourceScale) => values.every((v) => v >= s.min && v <= s.max);

/** The scale the values are on: undefined when they fit the journey's scale as they are. */
export function detectScale(values: readonly number[], target: SourceScale): SourceScale | undefined {
  if (fits(values, target)) return undefined;
  return COMMON_SCALES.find((s) => fits(values, s));
}

const round2 = (x: number) => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
};

/** value on `from` → the same place on `to`, rounded to 2 decimals. */
export function mapValue(value: number, from: SourceScale, to: SourceScale): number {
  if (from.max === from.min) return to.min;
  const v = to.min + ((value - from.min) * (to.max - to.min)) / (from.max - from.min);
  return Math.min(to.max, Math.max(to.min, round2(v)));
}

/** A signed bound: "−2", "0", "+2" (a scale may lie wholly below zero: "−5…−1"). */
const signed = (n: number) => (n < 0 ? `−${-n}` : n > 0 ? `+${n}` : '0');
export const scaleText = (s: SourceScale): string => (s.min < 0 ? `${signed(s.min)}…${signed(s.max)}` : `${s.min}–${s.max}`);

/** How a mapping reads in the report, with two worked values. */
export function describeMapping(from: SourceScale, to: EmotionScale | SourceScale): string {
  const mid = (from.min + from.max) / 2;
  const ex = [from.min, Number.isInteger(mid) ? mid : Math.round(mid), from.max].map((v) => `${v} → ${mapValue(v, from, to)}`);
  return `on a ${scaleText(from)} scale, mapped linearly onto the journey's ${scaleText(to)} (${ex.join(', ')})`;
}

const NUM = String.raw`([+\-−]?\d+(?:[.,]\d+)?)`;
const SEP = String.raw`\s*(?:-|–|—|\.\.\.?|…|to|bis|à)\s*`;
/** "(1–10)" anywhere in a label, or "1-10" at its end. */
const HINTS = [new RegExp(String.raw`[(\[]\s*${NUM}${SEP}${NUM}\s*[)\]]`, 'i'), new RegExp(String.raw`\s${NUM}${SEP}${NUM}\s*$`, 'i')];

/** A scale named in a label: "Emotion (1–10)", "Mood (0-100) · Anna", "Feeling −2..+2". */
export function parseScaleHint(label: string): SourceScale | undefined {
  for (const re of HINTS) {
    const m = re.exec(label.trim());
    if (!m) continue;
    const n = (s: string) => Number(s.replace('−', '-').replace(',', '.'));
    const min = n(m[1]!);
    const max = n(m[2]!);
    if (Number.isFinite(min) && Number.isFinite(max) && min < max) return { min, max };
  }
  return undefined;
}

/** The label without its scale: "Emotion (1–10) · Anna" → "Emotion · Anna". */
export function stripScaleHint(label: string): string {
  if (!parseScaleHint(label)) return label.trim();
  return (HINTS.reduce((s, re) => s.replace(re, ' '), label).replace(/\s+/g, ' ').trim() || label.trim());
}
