// layoutJourney: journey + style -> the tree of node specs the canvas and the preview draw.
// Pure and deterministic: the same input gives the same tree, key for key.
import type { Journey } from '../model/types';
import { drain } from '../steps';
import { visibleLanes, type StyleOptions } from '../style/options';
import { themeFor } from '../theme/themes';
import { column, entityTag, paint } from './build';
import { columnsOf, MARKER_SHAPES, type LayoutContext, type PersonaLook } from './context';
import { connectorSpecs } from './flow';
import { gridSpecSteps } from './grid';
import { headerSpec, personasSpec } from './header';
import { legendSpec } from './legend';
import { METRICS } from './metrics';
import { mapBadges } from '../review/badges';
import { walk, type ConnectorSpec, type FrameSpec, type NodeSpec } from './spec';

export interface LayoutOptions {
  editor?: 'figma' | 'figjam';
  /** Width of a step column instead of the density's (views: a stage slide spreads its steps over the slide). */
  columnWidth?: number;
}

export interface JourneyLayout {
  root: FrameSpec;
  /** FigJam connectors, drawn beside the map frame and attached to nodes inside it. */
  connectors: ConnectorSpec[];
  count: number;
}

const GAP = 1;

export function layoutContext(journey: Journey, style: StyleOptions, options: LayoutOptions = {}): LayoutContext {
  const m = options.columnWidth ? { ...METRICS[style.density], columnWidth: options.columnWidth } : METRICS[style.density];
  const columns = columnsOf(journey.stages, m);
  const last = columns[columns.length - 1];
  const personaLooks = new Map<string, PersonaLook>(
    journey.personas.map((persona, index) => [persona.id, { persona, index, marker: MARKER_SHAPES[index % MARKER_SHAPES.length] ?? 'circle' }]),
  );
  return {
    journey,
    style,
    theme: themeFor(style.theme, style.brandColor),
    m,
    editor: options.editor ?? 'figma',
    columns,
    columnsWidth: last ? last.x + last.width : 0,
    visibleLanes: visibleLanes(journey.lanes, style),
    personaLooks,
  };
}

/**
 * Lays out a journey in steps: the generator pauses between lane rows, so a caller on Figma's main
 * thread can yield between them (plugin/yield.ts runSteps). Returns the finished layout.
 */
export function* layoutJourneySteps(journey: Journey, style: StyleOptions, options: LayoutOptions = {}): Generator<void, JourneyLayout> {
  const ctx = layoutContext(journey, style, options);
  if (style.healthBadges) ctx.badges = mapBadges(journey);
  const { m, theme } = ctx;
  const gridWidth = m.labelWidth + GAP + ctx.columnsWidth;
  const sections: NodeSpec[] = [headerSpec(ctx, gridWidth)];
  const personas = personasSpec(ctx, gridWidth);
  if (personas) sections.push(personas);
  yield;
  sections.push(yield* gridSpecSteps(ctx, gridWidth));
  yield;
  sections.push(legendSpec(ctx, gridWidth));
  yield;
  const root = column('map', `Journey map: ${journey.title}`, {
    sizingH: 'FIXED',
    width: gridWidth + 2 * m.mapPadding,
    padding: [m.mapPadding, m.mapPadding, m.mapPadding, m.mapPadding],
    gap: m.sectionGap,
    fill: paint(theme.canvas),
    radius: 24,
    tag: entityTag('map', journey.id),
  }, sections);
  let count = 0;
  walk(root, () => count++);
  yield;
  const connectors = ctx.editor === 'figjam' ? connectorSpecs(ctx) : [];
  return { root, connectors, count: count + connectors.length };
}

/** The whole layout at once (the panel's preview, tests). */
export function layoutJourney(journey: Journey, style: StyleOptions, options: LayoutOptions = {}): JourneyLayout {
  return drain(layoutJourneySteps(journey, style, options));
}
