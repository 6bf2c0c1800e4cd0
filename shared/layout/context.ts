// What every part of the layout needs: the journey, the theme, the sizes and where each step's
// column sits.
import type { Journey, Lane, Persona, Stage, Step } from '../model/types';
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

/** One column per step, left to right, a pixel apart. */
export function columnsOf(stages: readonly Stage[], m: Pick<Metrics, 'columnWidth'>): Column[] {
  const columns: Column[] = [];
  let x = 0;
  for (const stage of stages) {
    for (const step of stage.steps) {
      columns.push({ step, stageId: stage.id, index: columns.length, x, width: m.columnWidth });
      x += m.columnWidth + COLUMN_GAP;
    }
  }
  return columns;
}

export const COLUMN_GAP = 1;

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
