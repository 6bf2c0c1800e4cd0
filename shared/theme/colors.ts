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
