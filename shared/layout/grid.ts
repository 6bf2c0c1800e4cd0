// The grid: stage headers over step headers, then one row per lane with a label cell and one
// cell per step. Rows hug their tallest cell and every cell fills the row's height, so a row
// stays aligned across all columns however a designer edits its text. The grid's background
// shows through 1 px gaps as the cell borders.
import type { Card, Confidence, Lane } from '../model/types';
import { column, entityTag, fieldTag, frame, paint, row, text, within } from './build';
import { cardSpec } from './cards';
import { healthBadge } from './badges';
import type { LayoutContext } from './context';
import { emotionPlotSteps } from './emotion';
import { cardLinkLines, flowBandSpec } from './flow';
import { LANE_TYPE_LABELS } from '../model/labels';
import { LANE_TYPE_TABLE } from '../model/lane-types';
import type { NodeSpec } from './spec';
import { cellFrameKey, cellKey, childKey, entityKey } from './keys';
import { targetMet, targetText, withUnit } from './numbers';

const GAP = 1;

function labelCell(ctx: LayoutContext, key: string, children: NodeSpec[], fill = ctx.theme.surface): NodeSpec {
  const { m } = ctx;
  return column(key, 'Label', { sizingH: 'FIXED', sizingV: 'FILL', width: m.labelWidth, padding: [12, 12, 12, 14], gap: 4, fill: paint(fill) }, children);
}

function stageRow(ctx: LayoutContext): NodeSpec {
  const { journey: j, theme, m } = ctx;
  const small = { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.stage.text, weight: 'semibold' as const, upper: true, letterSpacing: 0.5 };
  const stages = j.stages.map((s) => {
    const width = s.steps.length * m.columnWidth + (s.steps.length - 1) * GAP;
    const inner = width - 28;
    const stageKey = entityKey('stage', s.id);
    const parts: NodeSpec[] = [];
    const phase = s.phase === 'custom' ? s.customPhase : s.phase;
    if (phase) parts.push(text(childKey(stageKey, 'phase'), phase, small, within(phase, small, inner), s.phase === 'custom' ? fieldTag('stage', s.id, 'customPhase') : undefined));
    // Stage names are the map's chapter titles: at 25 % zoom they still tell the story (issue 15, item 14).
    parts.push(text(childKey(stageKey, 'name'), s.name, { size: m.font.stage, lineHeight: m.line.stage, color: theme.stage.text, weight: 'bold' }, { h: 'FILL', width: inner }, fieldTag('stage', s.id, 'name')));
    if (s.owner) parts.push(text(childKey(stageKey, 'owner'), `Owner: ${s.owner}`, { size: m.font.small, lineHeight: m.line.small, color: theme.stage.text }, { h: 'FILL', width: inner }));
    if (s.metrics.length) {
      const metrics = s.metrics.map((mt, i) => {
        const value = mt.value !== undefined ? withUnit(mt.value, mt.unit) : '–';
        const target = mt.target === undefined ? '' : ` (${targetText(mt.target, mt.unit, mt.direction)}${mt.value === undefined ? '' : targetMet(mt.value, mt.target, mt.direction) ? ', met' : ', missed'})`;
        // A metric without an id is keyed by its place, in a part of its own: it never meets an id.
        const k = mt.id !== undefined ? childKey(stageKey, 'metric', mt.id) : childKey(stageKey, 'metric-index', i);
        return row(k, mt.name, { padding: [2, 6, 2, 6], fill: paint(theme.canvas), radius: 4, gap: 4 }, [
          text(childKey(k, 'text'), `${mt.name}: ${value}${target}`, { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.text, weight: 'medium' }, within(`${mt.name}: ${value}${target}`, { size: m.font.tiny }, inner - 12)),
        ]);
      });
      parts.push(row(childKey(stageKey, 'metrics'), 'Metrics', { sizingH: 'FILL', width: inner, gap: 4, wrap: true, counterGap: 4 }, metrics));
    }
    const badge = ctx.badges?.stages.get(s.id);
    if (badge) parts.push(healthBadge(ctx, childKey(stageKey, 'health'), badge, inner));
    return column(stageKey, `Stage: ${s.name}`, { sizingH: 'FIXED', sizingV: 'FILL', width, padding: [12, 14, 12, 14], gap: 4, fill: paint(theme.stage.fill), tag: entityTag('stage', s.id) }, parts);
  });
  const corner = labelCell(ctx, 'grid/corner', [text('grid/corner/text', 'Stages', { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted, weight: 'semibold', upper: true, letterSpacing: 0.5 })]);
  return row('grid/stages', 'Stages', { gap: GAP }, [corner, ...stages]);
}

function stepRow(ctx: LayoutContext): NodeSpec {
  const { theme, m } = ctx;
  const inner = m.columnWidth - 24;
  const steps = ctx.columns.map(({ step }) => {
    const stepKey = entityKey('step', step.id);
    const parts: NodeSpec[] = [
      text(childKey(stepKey, 'name'), step.name, { size: m.font.body, lineHeight: m.line.body, color: theme.step.text, weight: 'semibold' }, { h: 'FILL', width: inner }, fieldTag('step', step.id, 'name')),
    ];
    if (step.description)
      parts.push(text(childKey(stepKey, 'description'), step.description, { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted }, { h: 'FILL', width: inner }, fieldTag('step', step.id, 'description')));
    return column(stepKey, `Step: ${step.name}`, { sizingH: 'FIXED', sizingV: 'FILL', width: m.columnWidth, padding: [10, 12, 10, 12], gap: 2, fill: paint(theme.step.fill), tag: entityTag('step', step.id) }, parts);
  });
  const corner = labelCell(ctx, 'grid/steps-corner', [text('grid/steps-corner/text', 'Steps', { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted, weight: 'semibold', upper: true, letterSpacing: 0.5 })]);
  return row('grid/steps', 'Steps', { gap: GAP }, [corner, ...steps]);
}

function laneLabel(ctx: LayoutContext, lane: Lane): NodeSpec {
  const { theme, m, journey } = ctx;
  const inner = m.labelWidth - 26;
  const accent = lane.type === 'emotion' ? theme.textMuted : theme.lanes[lane.type].accent;
  const persona = lane.personaId ? journey.personas.find((p) => p.id === lane.personaId)?.name : undefined;
  // The caption says the lane's type only when its label does not already say it ("Pain points").
  const caption = [labelSaysType(lane) ? '' : LANE_TYPE_LABELS[lane.type], persona ?? ''].filter(Boolean).join(' · ');
  const laneKey = entityKey('lane', lane.id);
  const parts: NodeSpec[] = [
    frame(childKey(laneKey, 'swatch'), 'Lane colour', { layout: 'NONE', sizingH: 'FIXED', sizingV: 'FIXED', width: 24, height: 4, radius: 2, fill: paint(accent) }),
    text(childKey(laneKey, 'label'), lane.label, { size: m.font.body, lineHeight: m.line.body, color: theme.text, weight: 'bold' }, { h: 'FILL', width: inner }, fieldTag('lane', lane.id, 'label')),
  ];
  if (caption) parts.push(text(childKey(laneKey, 'caption'), caption, { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.textMuted }, { h: 'FILL', width: inner }));
  return labelCell(ctx, childKey(laneKey, 'label-cell'), parts);
}

/**
 * Lower case without spaces and punctuation (ASCII, Latin-1 and general punctuation), so "Pain
 * points" matches "pain-points". Not \p{L}: Unicode property escapes are ES2018, and the sandbox
 * bundle is ES2017 (test/dist/bundle.test.ts).
 */
const loose = (s: string) => s.toLowerCase().replace(/[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f]/g, '');

/** Whether a lane's label already names its type: its type's name or one of its other words ("Frontstage touchpoints", "Maya is thinking"). */
export function labelSaysType(lane: Lane): boolean {
  const label = loose(lane.label);
  const row = LANE_TYPE_TABLE[lane.type];
  return [row.label, ...row.synonyms].some((word) => {
    const w = loose(word);
    return w.length > 0 && label.includes(w);
  });
}

/**
 * The line of visibility of a service blueprint: a labelled rule across the grid above the first
 * backstage lane that follows a lane the customer sees. Its fill and text are the map's text and
 * canvas colours swapped, so it reads as a strong line in every theme.
 */
function visibilityLine(ctx: LayoutContext, width: number): NodeSpec {
  const { theme, m } = ctx;
  const words = 'Line of visibility · the customer does not see the lanes below';
  const style = { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.canvas, weight: 'semibold' as const, upper: true, letterSpacing: 0.5 };
  return row('grid/visibility', 'Line of visibility', { sizingH: 'FIXED', width, padding: [3, 14, 3, 14], fill: paint(theme.text) }, [
    text('grid/visibility/text', words, style, within(words.toUpperCase(), style, width - 28)),
  ]);
}

/** One lane's row; the generator pauses after every cell (a lane of a large map has 120 of them). */
function* laneRowSteps(ctx: LayoutContext, lane: Lane, cardsByCell: Map<string, Card[]>, evidence: Map<string, Confidence>, index: number, linkLines: ReturnType<typeof cardLinkLines>): Generator<void, NodeSpec> {
  const { theme, m } = ctx;
  const key = entityKey('lane', lane.id);
  const label = laneLabel(ctx, lane);
  if (lane.type === 'emotion') {
    return row(key, `Lane: ${lane.label}`, { gap: GAP, tag: entityTag('lane', lane.id) }, [label, yield* emotionPlotSteps(ctx, lane)]);
  }
  const cellFill = index % 2 === 1 ? theme.rowAlt : theme.canvas;
  const cardWidth = m.columnWidth - 2 * m.cellPadding;
  const cells: NodeSpec[] = [];
  for (const { step } of ctx.columns) {
    yield;
    const cellId = cellKey(lane.id, step.id);
    const cards = (cardsByCell.get(cellId) ?? []).map((card) => cardSpec(ctx, card, lane, cardWidth, evidence, linkLines.get(card.id)));
    const p = m.cellPadding;
    cells.push(column(cellFrameKey(lane.id, step.id), `Cell: ${lane.label} × ${step.name}`, {
      sizingH: 'FIXED',
      sizingV: 'FILL',
      width: m.columnWidth,
      height: 40,
      padding: [p, p, p, p],
      gap: m.cardGap,
      fill: paint(cellFill),
      tag: entityTag('cell', cellId),
    }, cards));
  }
  return row(key, `Lane: ${lane.label}`, { gap: GAP, tag: entityTag('lane', lane.id) }, [label, ...cells]);
}

/**
 * The grid, built one cell at a time: the generator pauses after each cell so the plugin can
 * yield to Figma on large maps (plugin/yield.ts runSteps); layoutJourney drains it.
 */
export function* gridSpecSteps(ctx: LayoutContext, width: number): Generator<void, NodeSpec> {
  const { journey: j, theme, m } = ctx;
  const cardsByCell = new Map<string, Card[]>();
  for (const card of j.cards) {
    const id = cellKey(card.laneId, card.stepId);
    const list = cardsByCell.get(id);
    if (list) list.push(card);
    else cardsByCell.set(id, [card]);
  }
  const evidence = new Map(j.evidence.map((e) => [e.id, e.confidence]));
  const linkLines = cardLinkLines(ctx);
  yield;
  const rows: NodeSpec[] = [stageRow(ctx)];
  yield;
  rows.push(stepRow(ctx));
  yield;
  {
    const band = flowBandSpec(ctx);
    if (band)
      rows.push(
        row('grid/flow', 'Flow', { gap: GAP }, [
          labelCell(ctx, 'grid/flow/label', [text('grid/flow/label/text', 'Flow', { size: m.font.small, lineHeight: m.line.small, color: theme.textMuted, weight: 'semibold', upper: true, letterSpacing: 0.5 })]),
          band,
        ]),
      );
  }
  const firstBackstage = ctx.visibleLanes.findIndex((lane, i) => lane.type === 'backstage' && i > 0 && ctx.visibleLanes[i - 1]?.type !== 'backstage');
  for (const [i, lane] of ctx.visibleLanes.entries()) {
    yield;
    if (i === firstBackstage) rows.push(visibilityLine(ctx, width));
    rows.push(yield* laneRowSteps(ctx, lane, cardsByCell, evidence, i, linkLines));
  }
  return column('grid', 'Journey grid', { sizingH: 'FIXED', width, gap: GAP, fill: paint(theme.border), stroke: { paint: { color: theme.border }, weight: 1, align: 'INSIDE' }, radius: 12, clip: true }, rows);
}
