// What every part of the layout needs: the journey, the theme, the sizes and where each step's
// column sits.
import type { Journey, Lane, Persona, Step } from '../model/types';
import type { StyleOptions } from '../style/options';
import type { Theme } from '../theme/themes';
import type { Metrics } from './metrics';
import type { MapBadges } from '../review/badges';

export interface Column {
  step: Step;
  stageId: string;
  index: number;
  /** Left edge, relative to the first step column. */
  x: number;
  width: number;
}

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';
export const MARKER_SHAPES: MarkerShape[] = ['circle', 'square', 'diamond', 'triangle'];

export interface PersonaLook {
  persona: Persona;
  index: number;
  marker: MarkerShape;
}

export interface LayoutContext {
  journey: Journey;
  style: StyleOptions;
  theme: Theme;
  m: Metrics;
  editor: 'figma' | 'figjam';
  columns: Column[];
  columnsWidth: number;
  visibleLanes: Lane[];
  personaLooks: Map<string, PersonaLook>;
  /** Health badges to draw (style option `healthBadges`, the map only; views draw none). */
  badges?: MapBadges;
}

export function personaLook(ctx: LayoutContext, personaId: string): PersonaLook {
  const look = ctx.personaLooks.get(personaId);
  if (!look) throw new Error(`persona ${personaId} has no look`);
  return look;
}

export function personaColor(ctx: LayoutContext, personaId: string) {
  const { index } = personaLook(ctx, personaId);
  const palette = ctx.theme.emotion.personas;
  return palette[index % palette.length] ?? ctx.theme.text;
}
