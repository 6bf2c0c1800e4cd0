// Colour arithmetic for themes: hex parsing, mixing and WCAG 2.x contrast.
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** '#4F46E5' -> channels in 0..1 (Figma's colour space). */
export function hex(value: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(value.trim());
  if (!m || !m[1]) throw new Error(`"${value}" is not a colour like #4F46E5`);
  const n = parseInt(m[1], 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}

export function toHex(c: Rgb): string {
  const h = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`.toUpperCase();
}

/** Linear blend: t = 0 gives a, t = 1 gives b. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return { r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t };
}

function channel(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance. */
export function luminance(c: Rgb): number {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const BLACKISH = hex('#111114');
const WHITE = hex('#FFFFFF');

/** The more legible of near-black and white on a background. */
export function readableOn(bg: Rgb): Rgb {
  return contrast(BLACKISH, bg) >= contrast(WHITE, bg) ? BLACKISH : WHITE;
}

/**
 * Moves `fg` towards black or white until it reaches `ratio` against `bg`, keeping its hue as far
 * as possible. Used to derive legible accent text from a designer's brand colour.
 */
export function withContrast(fg: Rgb, bg: Rgb, ratio: number): Rgb {
  if (contrast(fg, bg) >= ratio) return fg;
  // Try the direction away from the background first, then the other one; mid-tone backgrounds
  // can need either.
  const black = hex('#000000');
  const targets = luminance(bg) > 0.4 ? [black, WHITE] : [WHITE, black];
  for (const target of targets) {
    for (let t = 0.05; t <= 1.0001; t += 0.05) {
      const c = mix(fg, target, t);
      if (contrast(c, bg) >= ratio) return c;
    }
  }
  return contrast(black, bg) >= contrast(WHITE, bg) ? black : WHITE;
}

/** A colour as a #RRGGBB value holds it (what a designer reads in Figma and what checkers compute from). */
const to8bit = (c: Rgb): Rgb => hex(toHex(c));

/**
 * How far `fg` must be blended towards black or white (0 to 1) to reach `ratio` against `bg`, the
 * least that does (`t`), and the colour to draw: that blend as a whole #RRGGBB value that still
 * reaches the ratio (rounding may take it a channel step further).
 */
export function contrastBlend(fg: Rgb, bg: Rgb, ratio: number): { color: Rgb; toward: Rgb; t: number } {
  if (contrast(fg, bg) >= ratio) return { color: fg, toward: fg, t: 0 };
  let best: { color: Rgb; toward: Rgb; t: number } | null = null;
  for (const toward of [hex('#000000'), WHITE]) {
    if (contrast(toward, bg) < ratio) continue;
    // Along a blend towards black (or white) the luminance only falls (or rises), so the ratio,
    // failing at 0 and passing at 1, passes from one point on: bisect for it.
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (contrast(mix(fg, toward, mid), bg) >= ratio) hi = mid;
      else lo = mid;
    }
    // Rounded to whole channel values the colour may fall just short: blend a little further.
    let u = hi;
    let color = to8bit(mix(fg, toward, u));
    while (contrast(color, bg) < ratio && u < 1) {
      u = Math.min(1, u + 1 / 1024);
      color = to8bit(mix(fg, toward, u));
    }
    if (contrast(color, bg) >= ratio && (!best || hi < best.t)) best = { color, toward, t: hi };
  }
  if (best) return best;
  const black = hex('#000000');
  const toward = contrast(black, bg) >= contrast(WHITE, bg) ? black : WHITE;
  return { color: toward, toward, t: 1 };
}

/**
 * `fg` darkened or lightened as little as needed to reach `ratio` against `bg` (a colour that
 * reaches it is returned as it is); black or white when neither can. Used for a brand-coloured
 * emotion curve, which must keep 3:1 against its lane (WCAG 1.4.11, non-text contrast).
 */
export function ensureContrast(fg: Rgb, bg: Rgb, ratio: number): Rgb {
  return contrastBlend(fg, bg, ratio).color;
}
