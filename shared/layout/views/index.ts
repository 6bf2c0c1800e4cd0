// Views for stakeholders (issue 17): each view of a journey laid out as its own frame (stage
// slides: one frame per stage), as the same spec tree the map is (shared/layout/spec.ts), so the
// plugin's renderer, the panel's preview and the emulator's SVG draw them as they draw the map.
// Pure and deterministic. Views reuse the map's parts (header, grid, cards, emotion lane, legend)
// on a journey cut down to what the view shows (derive.ts), so they follow the same themes,
// densities and contrast rules. Views are always laid out for Figma Design's flow band (vector
// arrows inside the frame), in FigJam too: a view frame has no connectors of its own.
import type { Journey, View, ViewKind } from '../../model/types';
import { toMarkdownSummarySteps } from '../../interop/markdown';
import type { StyleOptions } from '../../style/options';
import { column, paint, row, text } from '../build';
import { cardSpec } from '../cards';
import type { LayoutContext } from '../context';
import { estimateHeight } from '../estimate';
import { childKey, entityKey } from '../keys';
import { LANE_TYPE_LABELS, VIEW_KIND_LABELS } from '../../model/labels';
import { layoutContext, layoutJourneySteps } from '../layout';
import { drain } from '../../steps';
import { METRICS } from '../metrics';
import { targetText, withUnit } from '../numbers';
import { walk, type FrameSpec, type NodeSpec, type TextSpec } from '../spec';
import { forPersona, forStages, pickLanes, pickStages, withLanes } from './derive';
import { byOwner, placesByStep, rankCards, type RankedCard } from './rank';

export { rankCards, byOwner, placesByStep, type RankedCard } from './rank';

/** One frame of a view: the root is tagged `view` with the view's id (and, for a slide, the stage id as field). */
export interface ViewFrame {
  viewId: string;
  kind: ViewKind;
  root: FrameSpec;
  count: number;
}

export const DEFAULT_TOP = 5;
export const DEFAULT_SLIDE = { width: 1920, height: 1080 } as const;

export { VIEW_KIND_LABELS };

/** A slide's name: its place, two digits, then the stage's name ("01 · Discover"). */
export const slideName = (index: number, stageName: string): string => `${String(index + 1).padStart(2, '0')} · ${stageName}`;

/** The map's tree of a (cut down) journey, laid out in steps like the map itself, so views of a large map yield too. */
function* mapRootSteps(j: Journey, style: StyleOptions, columnWidth?: number): Generator<void, FrameSpec> {
  return (yield* layoutJourneySteps(j, style, { editor: 'figma', ...(columnWidth ? { columnWidth } : {}) })).root;
}

/** Widest step column on a slide: wider reads as a poster, not a slide. */
const SLIDE_COLUMN_MAX = 560;

/** A copy of the tree with fn applied to every node, children first. */
function mapTree(spec: NodeSpec, fn: (s: NodeSpec) => NodeSpec): NodeSpec {
  return fn(spec.type === 'FRAME' ? { ...spec, children: spec.children.map((c) => mapTree(c, fn)) } : spec);
}

/** The map's header with another eyebrow (the map says "Customer journey map"). */
function withEyebrow(root: FrameSpec, eyebrow: string): FrameSpec {
  const swap = (s: NodeSpec) => (s.type === 'TEXT' && s.key === 'header/eyebrow' ? ({ ...s, text: eyebrow, name: eyebrow } as TextSpec) : s);
  // Only the header is copied: the eyebrow is in it, and copying a large map's grid is a long step.
  return { ...root, children: root.children.map((section) => (section.key === 'header' ? mapTree(section, swap) : section)) };
}

/** A view frame's layer name: the view's name, and its kind when the name does not say it. */
export function viewFrameName(view: View, separator = ': '): string {
  const kind = VIEW_KIND_LABELS[view.kind];
  return view.name.toLowerCase().includes(kind.toLowerCase()) ? view.name : `${kind}${separator}${view.name}`;
}

function finish(view: View, root: FrameSpec, name: string, stageId?: string): ViewFrame {
  const tagged: FrameSpec = {
    ...root,
    key: stageId === undefined ? entityKey('view', view.id) : entityKey('view', view.id, stageId),
    name,
    tag: stageId === undefined ? { kind: 'view', id: view.id } : { kind: 'view', id: view.id, field: stageId },
  };
  let count = 0;
  walk(tagged, () => count++);
  return { viewId: view.id, kind: view.kind, root: tagged, count };
}

const without = (root: FrameSpec, keys: string[]): FrameSpec => ({ ...root, children: root.children.filter((c) => !keys.includes(c.key)) });

// 1. Executive summary ----------------------------------------------------------------------

/** The top pain points and opportunities, side by side, each with its place in the journey. */
function topSection(ctx: LayoutContext, j: Journey, top: number, width: number): NodeSpec {
  const { theme, m } = ctx;
  const gap = 24;
  const colWidth = Math.floor((width - gap) / 2);
  const evidence = new Map(j.evidence.map((e) => [e.id, e.confidence]));
  const lanes = new Map(j.lanes.map((l) => [l.id, l]));
  const places = placesByStep(j);
  const list = (type: 'painPoints' | 'opportunities', title: string) => {
    const items = rankCards(j, [type]).slice(0, top);
    const key = childKey('summary', type);
    const heading = text(childKey(key, 'heading'), `${title} (top ${items.length})`, { size: m.font.h2, lineHeight: m.line.h2, color: theme.text, weight: 'bold' }, { h: 'FILL', width: colWidth });
    const rows = items.map(({ card }, i) => {
      const k = childKey(key, 'item', card.id);
      const lane = lanes.get(card.laneId)!;
      return column(k, `${i + 1}. ${card.text.slice(0, 36)}`, { sizingH: 'FILL', width: colWidth, gap: 4 }, [
        text(childKey(k, 'place'), `${i + 1} · ${places.get(card.stepId) ?? ''}`, { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted, weight: 'semibold' }, { h: 'FILL', width: colWidth }),
        cardSpec(ctx, card, lane, colWidth, evidence),
      ]);
    });
    const empty = items.length ? [] : [text(childKey(key, 'none'), `No ${LANE_TYPE_LABELS[type].toLowerCase()} in this journey.`, { size: m.font.body, lineHeight: m.line.body, color: theme.textMuted }, { h: 'FILL', width: colWidth })];
    return column(key, title, { sizingH: 'FIXED', width: colWidth, gap: 12 }, [heading, ...rows, ...empty]);
  };
  return row('summary/top', 'Top pain points and opportunities', { sizingH: 'FIXED', width, gap, alignCounter: 'MIN' }, [list('painPoints', 'Top pain points'), list('opportunities', 'Top opportunities')]);
}

function* executiveSummary(j: Journey, view: View, style: StyleOptions): Generator<void, ViewFrame[]> {
  // Stages (with their KPIs against targets) over every persona's emotion curves.
  const emotion = j.lanes.filter((l) => l.type === 'emotion' && !l.hidden);
  const cut = withLanes({ ...j, stages: pickStages(j, view.options.stages) }, emotion);
  const base = withEyebrow(without(yield* mapRootSteps(cut, style), ['personas']), viewFrameName(view, ' · '));
  const ctx = layoutContext(j, style, { editor: 'figma' });
  const inner = base.width - 2 * ctx.m.mapPadding;
  const top = topSection(ctx, j, view.options.top ?? DEFAULT_TOP, inner);
  const children = [...base.children];
  const legendAt = children.findIndex((c) => c.key === 'legend');
  children.splice(legendAt < 0 ? children.length : legendAt, 0, top);
  return [finish(view, { ...base, children }, viewFrameName(view))];
}

// 2. Persona ---------------------------------------------------------------------------------

function* personaView(j: Journey, view: View, style: StyleOptions): Generator<void, ViewFrame[]> {
  const personaId = view.options.personas[0];
  const persona = j.personas.find((p) => p.id === personaId);
  // Validation asks a persona view for its persona; a view of a persona since removed draws nothing.
  if (!persona) return [];
  const cut = forPersona({ ...j, stages: pickStages(j, view.options.stages) }, persona.id, view.options.lanes);
  return [finish(view, withEyebrow(yield* mapRootSteps(cut, style), `Persona view · ${persona.name}`), viewFrameName(view))];
}

// 3. Service blueprint -----------------------------------------------------------------------

const BELOW_THE_LINE = new Set(['backstage', 'text']);

/** Frontstage lanes, then backstage and support lanes (backstage and notes lanes), each in the view's order. */
export function blueprintLanes(j: Journey, view: View): { front: Journey['lanes']; back: Journey['lanes'] } {
  const lanes = pickLanes(j, view.options.lanes, ['actions', 'touchpoints', 'backstage', 'text']);
  return { front: lanes.filter((l) => !BELOW_THE_LINE.has(l.type)), back: lanes.filter((l) => BELOW_THE_LINE.has(l.type)) };
}

function lineOfVisibility(j: Journey, style: StyleOptions, gridWidth: number): NodeSpec {
  const m = METRICS[style.density];
  const ctx = layoutContext(j, style, { editor: 'figma' });
  const { theme } = ctx;
  const lineWidth = gridWidth - m.labelWidth - 1;
  const label = column('view/line-of-visibility/label', 'Label', { sizingH: 'FIXED', sizingV: 'FILL', width: m.labelWidth, padding: [8, 12, 8, 14], fill: paint(theme.surface) }, [
    text('view/line-of-visibility/label/text', 'Line of visibility', { size: m.font.small, lineHeight: m.line.small, color: theme.text, weight: 'bold', upper: true, letterSpacing: 0.5 }, { h: 'FILL', width: m.labelWidth - 26 }),
  ]);
  const band = column('view/line-of-visibility/band', 'Line', { layout: 'NONE', sizingH: 'FIXED', sizingV: 'FIXED', width: lineWidth, height: 40, fill: paint(theme.canvas) }, [
    text('view/line-of-visibility/above', '↑ Frontstage: what the customer sees and does', { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted, weight: 'semibold' }, { h: 'HUG' }),
    { type: 'VECTOR', key: 'view/line-of-visibility/line', name: 'Line of visibility', x: 0, y: 24, width: lineWidth, height: 0, path: `M 0 0 L ${lineWidth} 0`, stroke: { paint: { color: theme.text }, weight: 2, dash: [8, 6], align: 'CENTER' } },
  ]);
  const above = band.children[0] as TextSpec;
  above.x = 12;
  above.y = 4;
  return row('view/line-of-visibility', 'Line of visibility', { gap: 1 }, [label, band]);
}

function* blueprint(j: Journey, view: View, style: StyleOptions): Generator<void, ViewFrame[]> {
  const { front, back } = blueprintLanes(j, view);
  // No emotion lane in a blueprint, so no curves in its legend.
  const cut = { ...withLanes({ ...j, stages: pickStages(j, view.options.stages) }, [...front, ...back]), curves: [] };
  const root = withEyebrow(without(yield* mapRootSteps(cut, style), ['personas']), 'Service blueprint');
  const children = root.children.map((section) => {
    if (section.key !== 'grid' || section.type !== 'FRAME' || !front.length || !back.length) return section;
    const at = section.children.findIndex((c) => c.key === entityKey('lane', front[front.length - 1]!.id));
    const rows = [...section.children];
    rows.splice(at + 1, 0, lineOfVisibility(cut, style, section.width));
    return { ...section, children: rows };
  });
  return [finish(view, { ...root, children }, viewFrameName(view))];
}

// 4. Stage slides ----------------------------------------------------------------------------

/** A stage KPI as the map's stage header says it: "Delivery satisfaction: 3.9/5 (target ≥ 4.4/5)". */
function metricLine(mt: Journey['stages'][number]['metrics'][number]): string {
  const value = mt.value !== undefined ? withUnit(mt.value, mt.unit) : '–';
  return `${mt.name}: ${value}${mt.target !== undefined ? ` (${targetText(mt.target, mt.unit, mt.direction)})` : ''}`;
}

function* stageSlides(j: Journey, view: View, style: StyleOptions): Generator<void, ViewFrame[]> {
  const size = view.options.slide ?? DEFAULT_SLIDE;
  const stages = pickStages(j, view.options.stages);
  const lanes = withLanes(j, pickLanes(j, view.options.lanes));
  const slides: ViewFrame[] = [];
  for (const [i, stage] of stages.entries()) {
    // A slide shows only the lanes with something in its stage: cards, or an emotion curve's points.
    const staged = forStages(lanes, [stage]);
    const cut = withLanes(staged, staged.lanes.filter((l) => (l.type === 'emotion' ? staged.curves.some((c) => c.points.length > 0) : staged.cards.some((c) => c.laneId === l.id))));
    const pad = 64;
    const gap = 32;
    const name = slideName(i, stage.name);
    const inner = size.width - 2 * pad;
    const { theme } = layoutContext(cut, style);
    const headerOf = (m: (typeof METRICS)[keyof typeof METRICS]) => {
      const parts: NodeSpec[] = [
        text('slide/eyebrow', `${j.title} · stage ${i + 1} of ${stages.length}`, { size: m.font.h2, lineHeight: m.line.h2, color: theme.textMuted, weight: 'semibold' }, { h: 'FILL', width: inner }),
        text('slide/title', name, { size: 48, lineHeight: 56, color: theme.text, weight: 'bold' }, { h: 'FILL', width: inner }),
      ];
      // The grid's stage header would repeat the title: its owner and KPIs are said here instead.
      const facts = [stage.owner ? `Owner: ${stage.owner}` : '', ...stage.metrics.map(metricLine)].filter(Boolean).join('  ·  ');
      if (facts) parts.push(text('slide/facts', facts, { size: m.font.body + 1, lineHeight: m.line.body + 2, color: theme.textMuted, weight: 'medium' }, { h: 'FILL', width: inner }));
      if (stage.description) parts.push(text('slide/description', stage.description, { size: m.font.h2 + 2, lineHeight: m.line.h2 + 4, color: theme.text }, { h: 'FILL', width: inner }));
      return column('slide/header', 'Title', { sizingH: 'FILL', width: inner, gap: 8 }, parts);
    };
    // The steps share the slide's width (up to SLIDE_COLUMN_MAX each), so cards wrap less and rows are shorter.
    const columnWidth = (s: StyleOptions) => Math.min(SLIDE_COLUMN_MAX, Math.floor((inner - METRICS[s.density].labelWidth - stage.steps.length) / stage.steps.length));
    function* gridOf(s: StyleOptions): Generator<void, FrameSpec> {
      return without((yield* mapRootSteps(cut, s, columnWidth(s))).children.find((c) => c.key === 'grid') as FrameSpec, ['grid/stages']);
    }
    // Comfortable when it fits the slide (by the estimate, which guesses high), else compact.
    let grid = yield* gridOf(style);
    let header = headerOf(METRICS[style.density]);
    const fits = () => estimateHeight(header) + gap + estimateHeight(grid) <= size.height - 2 * pad && grid.width <= inner;
    if (style.density === 'comfortable' && !fits()) {
      grid = yield* gridOf({ ...style, density: 'compact' });
      header = headerOf(METRICS.compact);
    }
    const root = column('slide', name, {
      sizingH: 'FIXED',
      sizingV: 'FIXED',
      width: size.width,
      height: size.height,
      padding: [pad, pad, pad, pad],
      gap,
      fill: paint(theme.canvas),
      clip: true,
    }, [header, grid]);
    slides.push(finish(view, root, name, stage.id));
  }
  return slides;
}

// 5. Action plan -----------------------------------------------------------------------------

/** Action-plan items laid out between two pauses (each is a card with its place: ~1 ms in QuickJS). */
const PLAN_ITEMS_PER_STEP = 20;

function* actionPlan(j: Journey, view: View, style: StyleOptions): Generator<void, ViewFrame[]> {
  const ctx = layoutContext(j, style, { editor: 'figma' });
  const { theme, m } = ctx;
  const placeWidth = 240;
  const cardWidth = 2 * m.columnWidth + 160;
  const width = placeWidth + 16 + cardWidth;
  const evidence = new Map(j.evidence.map((e) => [e.id, e.confidence]));
  const lanes = new Map(j.lanes.map((l) => [l.id, l]));
  const places = placesByStep(j);
  const item = ({ card, laneType }: RankedCard) => {
    const k = childKey('plan', 'item', card.id);
    return row(k, card.text.slice(0, 40), { sizingH: 'FIXED', width, gap: 16 }, [
      column(childKey(k, 'where'), 'Where', { sizingH: 'FIXED', width: placeWidth, gap: 2 }, [
        text(childKey(k, 'type'), laneType === 'opportunities' ? 'Opportunity' : laneType === 'painPoints' ? 'Pain point' : LANE_TYPE_LABELS[laneType], { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.textMuted, weight: 'semibold', upper: true, letterSpacing: 0.5 }, { h: 'FILL', width: placeWidth }),
        text(childKey(k, 'place'), places.get(card.stepId) ?? '', { size: m.font.small, lineHeight: m.line.small, color: theme.text }, { h: 'FILL', width: placeWidth }),
      ]),
      cardSpec(ctx, card, lanes.get(card.laneId)!, cardWidth, evidence),
    ]);
  };
  const groups: FrameSpec[] = [];
  let laidOut = 0;
  for (const { owner, items } of byOwner(j)) {
    const k = childKey('plan', 'owner', owner ?? '');
    const rows: NodeSpec[] = [text(childKey(k, 'heading'), `${owner ?? 'No owner'} · ${items.length} item${items.length === 1 ? '' : 's'}`, { size: m.font.h2, lineHeight: m.line.h2, color: theme.text, weight: 'bold' }, { h: 'FILL', width })];
    for (const it of items) {
      if (++laidOut % PLAN_ITEMS_PER_STEP === 0) yield;
      rows.push(item(it));
    }
    groups.push(column(k, owner ?? 'No owner', { sizingH: 'FIXED', width, gap: 12 }, rows));
  }
  const title = [
    text('plan/eyebrow', viewFrameName(view, ' · '), { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted, weight: 'semibold', upper: true, letterSpacing: 0.6 }, { h: 'FILL', width }),
    text('plan/title', j.title, { size: m.font.title, lineHeight: m.line.title, color: theme.text, weight: 'bold' }, { h: 'FILL', width }),
    text('plan/caption', 'Pain points and opportunities by owner, highest priority first (ties: strongest evidence).', { size: m.font.body, lineHeight: m.line.body, color: theme.textMuted }, { h: 'FILL', width }),
  ];
  const empty = groups.length ? [] : [text('plan/none', 'No pain points or opportunities in this journey.', { size: m.font.body, lineHeight: m.line.body, color: theme.textMuted }, { h: 'FILL', width })];
  const root = column('plan', view.name, { sizingH: 'FIXED', width: width + 2 * m.mapPadding, padding: [m.mapPadding, m.mapPadding, m.mapPadding, m.mapPadding], gap: m.sectionGap, fill: paint(theme.canvas), radius: 24 }, [
    column('plan/header', 'Title', { sizingH: 'FILL', width, gap: 6 }, title),
    ...groups,
    ...empty,
  ]);
  return [finish(view, root, viewFrameName(view))];
}

// 6. Text alternative ------------------------------------------------------------------------

/** Markdown escapes undone: entities, escaped pipes and backslashes, line breaks in table cells. */
const unescapeMarkdown = (t: string) => t.replace(/<br>/g, ' / ').replace(/\\([\\|])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The Markdown summary as plain text for a text frame (a screen reader reads Markdown's marks out
 * loud): no heading marks, no bold marks on the "- **Owner:**" facts, table rows as "a · b · c"
 * without the separator row.
 */
export const plainText = (markdown: string): string => drain(plainTextSteps(markdown));

/** Lines of Markdown turned to plain text between two pauses (a large map's summary has thousands). */
const LINES_PER_STEP = 300;

function* plainTextSteps(markdown: string): Generator<void, string> {
  const out: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i % LINES_PER_STEP === LINES_PER_STEP - 1) yield;
    const line = lines[i]!;
    if (/^\|(\s*-+\s*\|)+\s*$/.test(line)) continue;
    if (line.startsWith('|') && line.endsWith('|'))
      out.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => unescapeMarkdown(cell.trim()))
          .join(' · '),
      );
    else out.push(unescapeMarkdown(line.replace(/^#{1,6} /, '').replace(/^- \*\*([^*]+):\*\* /, '- $1: ').replace(/^- \*\*([^*]+)\*\*/, '- $1')));
  }
  return out.join('\n').trimEnd();
}

function* textAlternative(j: Journey, view: View, style: StyleOptions): Generator<void, ViewFrame[]> {
  const { theme, m } = layoutContext(j, style);
  const markdown = yield* toMarkdownSummarySteps(j);
  yield;
  const body = yield* plainTextSteps(markdown);
  const width = 880;
  const root = column('text', view.name, { sizingH: 'FIXED', width: width + 2 * m.mapPadding, padding: [m.mapPadding, m.mapPadding, m.mapPadding, m.mapPadding], gap: 16, fill: paint(theme.canvas), radius: 24 }, [
    text('text/eyebrow', viewFrameName(view, ' · '), { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted, weight: 'semibold', upper: true, letterSpacing: 0.6 }, { h: 'FILL', width }),
    text('text/body', body, { size: m.font.body + 1, lineHeight: m.line.body + 4, color: theme.text }, { h: 'FILL', width }),
  ]);
  return [finish(view, root, viewFrameName(view))];
}

const KINDS: Record<ViewKind, (j: Journey, view: View, style: StyleOptions) => Generator<void, ViewFrame[]>> = {
  'executive-summary': executiveSummary,
  persona: personaView,
  blueprint,
  'stage-slides': stageSlides,
  'action-plan': actionPlan,
  text: textAlternative,
};

/** The frames of one view, in steps (the plugin yields between them). */
export function layoutViewSteps(journey: Journey, view: View, style: StyleOptions): Generator<void, ViewFrame[]> {
  return KINDS[view.kind](journey, view, style);
}

/** The frames of one view. */
export function layoutView(journey: Journey, view: View, style: StyleOptions): ViewFrame[] {
  return drain(layoutViewSteps(journey, view, style));
}

/** The frames of every view of the journey, in the journey's order of views, in steps. */
export function* layoutViewsSteps(journey: Journey, style: StyleOptions): Generator<void, ViewFrame[]> {
  const frames: ViewFrame[] = [];
  for (const view of journey.views) {
    frames.push(...(yield* layoutViewSteps(journey, view, style)));
    yield;
  }
  return frames;
}

/** The frames of every view of the journey, in the journey's order of views. */
export function layoutViews(journey: Journey, style: StyleOptions): ViewFrame[] {
  return drain(layoutViewsSteps(journey, style));
}
