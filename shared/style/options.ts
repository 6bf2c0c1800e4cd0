// How a map is drawn, independent of its content. Stored on the map next to the journey so a
// restyle or an update keeps the designer's choice.
import * as z from 'zod/mini';

export const THEME_NAMES = ['light', 'dark', 'high-contrast'] as const;
export const DENSITIES = ['compact', 'comfortable'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];
export type Density = (typeof DENSITIES)[number];

export const StyleOptionsSchema = z.object({
  theme: z._default(z.enum(THEME_NAMES), 'light'),
  /** Accent colour as #rrggbb. */
  brandColor: z._default(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #4F46E5')), '#4F46E5'),
  /** Font family for the whole map; falls back to Inter (with a notice) when it is not available. */
  fontFamily: z._default(z.string().check(z.minLength(1), z.maxLength(100)), 'Inter'),
  density: z._default(z.enum(DENSITIES), 'comfortable'),
  /** Lane ids to leave out of the drawing (their data is kept). */
  hiddenLanes: z._default(z.array(z.string()), () => []),
  /** Evidence-health badges on cards, stage headers and the header (shared/review/badges.ts); off draws the map as before. */
  healthBadges: z._default(z.boolean(), false),
});

export type StyleOptions = z.output<typeof StyleOptionsSchema>;
export type StyleOptionsInput = z.input<typeof StyleOptionsSchema>;
export const DEFAULT_STYLE: StyleOptions = StyleOptionsSchema.parse({});

/**
 * Whether a lane is drawn: the one rule for the layout, sync and the panel. A lane is left out when
 * the journey hides it (`Lane.hidden`) or the style does (`hiddenLanes`); its data is kept either way.
 */
export const isLaneShown = (lane: { id: string; hidden?: boolean | undefined }, style: Pick<StyleOptions, 'hiddenLanes'>): boolean =>
  !lane.hidden && !style.hiddenLanes.includes(lane.id);

/** The lanes drawn on the map, in the journey's order. */
export const visibleLanes = <L extends { id: string; hidden?: boolean | undefined }>(lanes: readonly L[], style: Pick<StyleOptions, 'hiddenLanes'>): L[] =>
  lanes.filter((l) => isLaneShown(l, style));
