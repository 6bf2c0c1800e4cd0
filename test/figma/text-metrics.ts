/**
 * Estimated text metrics for an Inter-like sans font. See README "How text is measured".
 * Advance widths are in em (multiply by fontSize), grouped in width classes taken from Inter's
 * real advances (rounded). Bold styles are a bit wider. Good enough for layout, not for pixels.
 */

export interface MeasureOptions {
  fontName: FontName;
  fontSize: number;
  lineHeight?: LineHeight;
  letterSpacing?: LetterSpacing;
  /** When set, greedy word wrapping at this width. */
  width?: number;
  /** Cut after this many lines (textTruncation ENDING + maxLines). */
  maxLines?: number | null;
}

export interface TextMetrics {
  width: number;
  height: number;
  lines: string[];
  /** Width of each line (no trailing spaces). */
  lineWidths: number[];
  lineHeightPx: number;
  /** Distance from the line top to the baseline. */
  ascentPx: number;
  truncated: boolean;
}

const CLASSES: Array<[string, number]> = [
  ["il.,:;'|!`ıj", 0.26],
  ['I', 0.28],
  [' ', 0.28],
  ['frt()[]{}/\\"-', 0.37],
  ['sczJ*', 0.5],
  ['abdeghknopquvxyL?', 0.57],
  ['0123456789$#', 0.62],
  ['EFPSTZBCKRXY', 0.64],
  ['ADGHNOQUV&', 0.72],
  ['w', 0.78],
  ['m', 0.86],
  ['MW@%', 0.9],
];
const ADVANCE = new Map<string, number>();
for (const [chars, w] of CLASSES) for (const ch of chars) ADVANCE.set(ch, w);

function weightFactor(style: string): number {
  const s = style.toLowerCase();
  if (s.includes('black') || s.includes('extra bold') || s.includes('extrabold')) return 1.1;
  if (s.includes('semi bold') || s.includes('semibold')) return 1.04;
  if (s.includes('bold')) return 1.07;
  if (s.includes('medium')) return 1.02;
  return 1;
}
function familyFactor(family: string): number {
  return family.toLowerCase().startsWith('roboto') ? 0.94 : 1;
}

export function charAdvance(ch: string): number {
  const a = ADVANCE.get(ch);
  if (a !== undefined) return a;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x1f000) return 1.2; // emoji
  if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xff00 && cp <= 0xffef)) return 1; // CJK/Hangul/fullwidth
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  if (ch.toUpperCase() !== ch.toLowerCase()) return ch === ch.toUpperCase() ? 0.66 : 0.56; // other letters (accents)
  return 0.6;
}

/** Line height in px: AUTO ≈ 1.21 × fontSize for Inter (1.17 for Roboto). */
export function lineHeightPx(fontName: FontName, fontSize: number, lh?: LineHeight): number {
  if (!lh || lh.unit === 'AUTO') return fontSize * (fontName.family.toLowerCase().startsWith('roboto') ? 1.17 : 1.21);
  if (lh.unit === 'PIXELS') return lh.value;
  return (lh.value / 100) * fontSize;
}

function spacingPx(fontSize: number, ls?: LetterSpacing): number {
  if (!ls) return 0;
  return ls.unit === 'PIXELS' ? ls.value : (ls.value / 100) * fontSize;
}

export function measureWord(word: string, opts: MeasureOptions): number {
  const k = opts.fontSize * weightFactor(opts.fontName.style) * familyFactor(opts.fontName.family);
  const sp = spacingPx(opts.fontSize, opts.letterSpacing);
  let w = 0;
  for (const ch of word) w += charAdvance(ch) * k + sp;
  return w;
}

/** Measure and wrap `text` the way the emulator lays it out. */
export function measureText(text: string, opts: MeasureOptions): TextMetrics {
  const lh = lineHeightPx(opts.fontName, opts.fontSize, opts.lineHeight);
  const lines: string[] = [];
  const paragraphs = text.split(/\r\n|\n|\r|\u2028/);
  for (const para of paragraphs) {
    if (opts.width === undefined) {
      lines.push(para);
      continue;
    }
    const max = opts.width + 0.01;
    // Tokens: words with their following spaces. A word wider than the box is broken by
    // characters wherever it stands: first on the line or after other words (then it starts a line).
    const tokens = para.match(/\S+\s*|\s+/g) ?? [''];
    let line = '';
    for (const tok of tokens) {
      const candidate = line + tok;
      if (measureWord(candidate.trimEnd(), opts) <= max) {
        line = candidate;
        continue;
      }
      if (line.trim() !== '') {
        lines.push(line);
        line = '';
      }
      line = breakWord(line + tok, opts, max, lines);
    }
    lines.push(line);
  }
  let truncated = false;
  let out = lines;
  if (opts.maxLines != null && opts.maxLines > 0 && lines.length > opts.maxLines) {
    out = lines.slice(0, opts.maxLines);
    truncated = true;
    if (opts.width !== undefined) {
      let last = out[out.length - 1]!.trimEnd();
      while (last.length > 0 && measureWord(last + '…', opts) > opts.width) last = last.slice(0, -1);
      out[out.length - 1] = last.trimEnd() + '…';
    }
  }
  const trimmed = out.map((l) => l.replace(/\s+$/, ''));
  const lineWidths = trimmed.map((l) => measureWord(l, opts));
  const width = lineWidths.reduce((a, b) => Math.max(a, b), 0);
  return {
    width: round2(width),
    height: round2(out.length * lh),
    lines: trimmed,
    lineWidths,
    lineHeightPx: lh,
    ascentPx: lh / 2 + opts.fontSize * 0.35,
    truncated,
  };
}

/** Lays `tok` out from the start of a line, pushing every full line; returns what is left on the last one. */
function breakWord(tok: string, opts: MeasureOptions, max: number, lines: string[]): string {
  let cur = '';
  for (const ch of graphemes(tok)) {
    if (ch.trim() !== '' && cur.trim() !== '' && measureWord((cur + ch).trimEnd(), opts) > max) {
      lines.push(cur);
      cur = '';
    }
    cur += ch;
  }
  return cur;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (s: string): string[] => Array.from(segmenter.segment(s), (g) => g.segment);

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
