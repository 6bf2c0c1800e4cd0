// One card, styled by its lane's type: touchpoints show their channel, pain points and
// opportunities their owner, priority and status chips, backstage reads as internal, metrics show
// value against target, thoughts read as quotes; cited evidence shows its confidence.
import type { Card, Confidence, Lane } from '../model/types';
import { CONFIDENCE_LEVELS } from '../model/schema';
import type { Rgb } from '../theme/colors';
import type { Swatch } from '../theme/themes';
import { column, entityTag, fieldTag, frame, paint, row, stroke, text, within } from './build';
import type { LayoutContext } from './context';
import { CHANNEL_LABELS, CONFIDENCE_LABELS, ownerLine, PRIORITY_LABELS, STATUS_LABELS } from '../model/labels';
import { LANE_TYPE_TABLE } from '../model/lane-types';
import type { NodeSpec, Tag } from './spec';
import { childKey, entityKey } from './keys';
import { healthBadge } from './badges';
import { progressToTarget, targetMet, targetText, withUnit } from './numbers';

function chip(key: string, label: string, sw: Swatch, ctx: LayoutContext, tag?: Tag): NodeSpec {
  const { m } = ctx;
  // A chip fits in a card of the narrowest column: the card's inner width less its own padding.
  const max = m.columnWidth - 2 * m.cellPadding - 2 * m.cardPadding - 12 - QUOTE_INDENT;
  const caption = text(childKey(key, 'label'), label, { size: m.font.tiny, lineHeight: m.line.tiny, color: sw.text, weight: 'semibold' }, within(label, { size: m.font.tiny }, max), tag);
  return row(key, label, { padding: [2, 6, 2, 6], fill: paint(sw.fill), stroke: stroke(sw.border, 1), radius: 4, alignCounter: 'CENTER' }, [caption]);
}

/** Width the quote mark of a thought takes, gap included: the card's content starts after it. */
const QUOTE_INDENT = 18;

/** The strongest confidence among the evidence a card cites. */
export function strongestConfidence(card: Card, evidence: Map<string, Confidence>): Confidence | undefined {
  let best: number | undefined;
  for (const ref of card.evidence) {
    const level = evidence.get(ref);
    if (level === undefined) continue;
    const rank = CONFIDENCE_LEVELS.indexOf(level);
    if (best === undefined || rank < best) best = rank;
  }
  return best === undefined ? undefined : CONFIDENCE_LEVELS[best];
}

function metricBar(key: string, ratio: number, width: number, track: Rgb, fill: Rgb): NodeSpec {
  const filled = Math.max(0.01, Math.round(width * ratio * 100) / 100);
  return frame(key, 'Progress to target', { layout: 'NONE', sizingH: 'FIXED', sizingV: 'FIXED', width, height: 4, fill: paint(track), radius: 2, clip: true }, [
    { type: 'RECTANGLE', key: childKey(key, 'value'), name: 'Value', x: 0, y: 0, width: filled, height: 4, fill: paint(fill), radius: 2 },
  ]);
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A card's priority, status, effort/value and evidence chips: one alone, or several in a wrapping row. */
function chipsOf(ctx: LayoutContext, card: Card, key: string, inner: number, evidence: Map<string, Confidence>): NodeSpec[] {
  const { theme } = ctx;
  const chips: NodeSpec[] = [];
  if (card.priority) chips.push(chip(childKey(key, 'priority'), PRIORITY_LABELS[card.priority], theme.priority[card.priority], ctx, fieldTag('card', card.id, 'priority')));
  if (card.status) chips.push(chip(childKey(key, 'status'), STATUS_LABELS[card.status], theme.status[card.status], ctx, fieldTag('card', card.id, 'status')));
  if (card.effort !== undefined || card.value !== undefined) {
    const ev = [card.effort !== undefined ? `Effort ${card.effort}/5` : '', card.value !== undefined ? `Value ${card.value}/5` : ''].filter(Boolean).join(' · ');
    chips.push(chip(childKey(key, 'effort-value'), ev, theme.chip, ctx));
  }
  const level = strongestConfidence(card, evidence);
  if (level) {
    const n = card.evidence.length;
    chips.push(chip(childKey(key, 'evidence'), `${CONFIDENCE_LABELS[level]} evidence${n > 1 ? ` · ${n} sources` : ''}`, theme.confidence[level], ctx));
  }
  // One chip sits in the card itself; several wrap in a row.
  if (chips.length <= 1) return chips;
  return [row(childKey(key, 'chips'), 'Chips', { sizingH: 'FILL', width: inner, gap: 4, wrap: true, counterGap: 4 }, chips)];
}

/** A metric card's value, and against a target a bar and whether it is met, in the metric's direction. */
function metricParts(ctx: LayoutContext, metric: NonNullable<Card['metric']>, key: string, inner: number, sw: Swatch): NodeSpec[] {
  const { theme, m } = ctx;
  const { value, target, unit, direction } = metric;
  const parts: NodeSpec[] = [text(childKey(key, 'metric'), withUnit(value, unit, fmt), { size: m.font.h2, lineHeight: m.line.h2, color: sw.text, weight: 'bold' }, { h: 'FILL', width: inner })];
  if (target === undefined) return parts;
  const met = targetMet(value, target, direction);
  parts.push(metricBar(childKey(key, 'bar'), progressToTarget(value, target, direction), inner, sw.border, met ? sw.accent : theme.priority.high.accent));
  const verdict = `${met ? 'Met' : 'Missed'}: ${targetText(target, unit, direction, fmt)}`;
  parts.push(text(childKey(key, 'target'), verdict, { size: m.font.tiny, lineHeight: m.line.tiny, color: sw.text, weight: 'semibold' }, { h: 'FILL', width: inner }));
  return parts;
}

export function cardSpec(ctx: LayoutContext, card: Card, lane: Lane, width: number, evidence: Map<string, Confidence>): NodeSpec {
  const { theme, m } = ctx;
  const type = lane.type === 'emotion' ? 'text' : lane.type;
  const sw = theme.lanes[type];
  const look = LANE_TYPE_TABLE[type];
  const key = entityKey('card', card.id);
  // A thought's quote mark hangs in the card's left padding, so its text and chips align after it.
  const indent = type === 'thoughts' ? QUOTE_INDENT : 0;
  const inner = width - 2 * m.cardPadding - indent;
  const body = { size: m.font.body, lineHeight: m.line.body, color: sw.text };
  const parts: NodeSpec[] = [];

  // A card has one badge at most, so it sits in the card itself (no row around it).
  if (look.badge === 'channel' && card.channel) parts.push(chip(childKey(key, 'channel'), CHANNEL_LABELS[card.channel], theme.chip, ctx, fieldTag('card', card.id, 'channel')));
  if (look.badge === 'internal') parts.push(chip(childKey(key, 'internal'), 'Internal', { ...theme.chip, fill: sw.fill, text: sw.text, border: sw.accent }, ctx));

  const textTag = fieldTag('card', card.id, 'text');
  if (type === 'thoughts') {
    // The mark is placed in the card's padding, out of the auto-layout flow: no row to hold it.
    const mark = text(childKey(key, 'quote-mark'), '\u201C', { size: m.font.h2 + 4, lineHeight: m.line.body, color: sw.text, weight: 'bold' });
    parts.push({ ...mark, absolute: true, x: m.cardPadding, y: m.cardPadding });
    parts.push(text(childKey(key, 'text'), card.text, { ...body, italic: true }, { h: 'FILL', width: inner }, textTag));
  } else {
    parts.push(text(childKey(key, 'text'), card.text, { ...body, weight: look.emphasis ? 'medium' : 'regular' }, { h: 'FILL', width: inner }, textTag));
  }

  if (card.metric) parts.push(...metricParts(ctx, card.metric, key, inner, sw));

  // The owner gets a line of its own that wraps: names of teams are often longer than a chip.
  if (card.owner) parts.push(text(childKey(key, 'owner'), ownerLine(card.owner), { size: m.font.tiny, lineHeight: m.line.tiny, color: sw.text, weight: 'medium' }, { h: 'FILL', width: inner }, fieldTag('card', card.id, 'owner')));
  parts.push(...chipsOf(ctx, card, key, inner, evidence));
  // The health badge comes last, under the card's own chips (style option healthBadges).
  const badge = ctx.badges?.cards.get(card.id);
  if (badge) parts.push(healthBadge(ctx, childKey(key, 'health'), badge, inner));

  const edge = stroke(look.emphasis ? sw.accent : sw.border, theme.cardBorderWeight, look.dash ? [...look.dash] : undefined);
  return column(key, `Card: ${card.text.slice(0, 40)}`, {
    sizingH: 'FILL',
    width,
    padding: [m.cardPadding, m.cardPadding, m.cardPadding, m.cardPadding + indent],
    gap: 6,
    fill: paint(sw.fill),
    stroke: edge,
    radius: m.cardRadius,
    tag: entityTag('card', card.id),
  }, parts);
}
