// Picks the fonts for a map from what Figma has, and loads them before any text is touched.
// The designer's family is used where it has the weights we need; otherwise Inter, with a notice.
import type { FontSet, FontWeight } from '../../shared/layout/spec';
import { messageOf, PluginError } from '../errors';

const WANTED: Record<FontWeight | 'italic', string[]> = {
  regular: ['Regular', 'Book', 'Normal', 'Roman'],
  medium: ['Medium', 'Regular'],
  semibold: ['Semi Bold', 'SemiBold', 'Semibold', 'Demi Bold', 'DemiBold', 'Bold', 'Medium'],
  bold: ['Bold', 'Semi Bold', 'SemiBold', 'Black', 'Heavy'],
  italic: ['Italic', 'Regular Italic', 'Oblique', 'Regular'],
};

export interface FontChoice {
  fonts: FontSet;
  notices: string[];
}

function pickFamily(styles: Set<string>, family: string): FontSet | null {
  const pick = (w: FontWeight | 'italic') => WANTED[w].find((s) => styles.has(s));
  const out: Partial<FontSet> = {};
  for (const w of ['regular', 'medium', 'semibold', 'bold', 'italic'] as const) {
    const style = pick(w);
    if (!style) return null;
    out[w] = { family, style };
  }
  return out as FontSet;
}

export function chooseFonts(available: readonly Font[], family: string): FontChoice {
  const byFamily = new Map<string, Set<string>>();
  for (const f of available) {
    const set = byFamily.get(f.fontName.family) ?? new Set<string>();
    set.add(f.fontName.style);
    byFamily.set(f.fontName.family, set);
  }
  const wanted = byFamily.get(family);
  const chosen = wanted ? pickFamily(wanted, family) : null;
  if (chosen) return { fonts: chosen, notices: [] };
  const inter = byFamily.get('Inter');
  const fallback = inter ? pickFamily(inter, 'Inter') : null;
  if (!fallback) {
    throw new PluginError('FONT_MISSING', `Neither "${family}" nor Inter is available in this file, so the map's text cannot be written. Install Inter or choose another font.`);
  }
  const why = wanted ? `does not have the Regular and Bold styles the map needs` : 'is not available';
  return { fonts: fallback, notices: [`The font "${family}" ${why}; the map uses Inter instead.`] };
}

/** Loads every font of the set once, in parallel (load before writing: https://developers.figma.com/docs/plugins/working-with-text). */
export async function loadFontsAsync(figma: PluginAPI, fonts: FontSet): Promise<void> {
  const unique = new Map<string, FontName>();
  for (const f of Object.values(fonts)) unique.set(`${f.family}\u0000${f.style}`, f);
  try {
    await Promise.all([...unique.values()].map((f) => figma.loadFontAsync(f)));
  } catch (e) {
    throw new PluginError('FONT_MISSING', `A font could not be loaded: ${messageOf(e)}`);
  }
}

export function fontFor(fonts: FontSet, weight: FontWeight, italic: boolean | undefined): FontName {
  return italic && weight === 'regular' ? fonts.italic : fonts[weight];
}
