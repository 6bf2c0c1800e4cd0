// One card, styled by its lane's type: touchpoints show their channel, pain points and
// opportunities their owner, priority and status chips, backstage reads as internal, metrics show
// value against target, thoughts read as quotes; cited evidence shows its confidence.
import type { Card, Confidence, Lane } from '../model/types';
import { CONFIDENCE_LEVELS } from '../model/schema';
import type { Rgb } from '../theme/colors';
import type { Swatch } from '../theme/themes';
import { textWidthBound } from './estimate';
import { METRICS } from './metrics';
import type { CardLinkLine } from './flow';
import { column, entityTag, fieldTag, frame, paint, row, stroke, text, within } from './build';
import type { LayoutContext } from './context';
import { CHANNEL_LABELS, CONFIDENCE_LABELS, ownerLine, PRIORITY_LABELS, STATUS_LABELS } from '../model/labels';
import { LANE_TYPE_TABLE } from '../model/lane-types';
import type { NodeSpec, Tag } from './spec';
import { childKey, entityKey } from './keys';
import { healthBadge } from './badges';
import { progressToTarget, targetMet, targetText, withUnit } from './numbers';

/** A chip; its label wraps at `labelMax` (by default, the inner width of a card of the narrowest column less the chip's padding). */
function chip(key: string, label: string, sw: Swatch, ctx: LayoutContext, tag?: Tag, labelMax?: number): NodeSpec {
  const { m } = ctx;
  const max = labelMax ?? m.columnWidth - 2 * m.cellPadding - 2 * m.cardPadding - 12 - QUOTE_INDENT;
  const sizing = within(label, { size: m.font.tiny }, max);
  // A label squeezed to a width wraps there only if its glyphs need it; centred, its chip's padding stays even.
  const caption = text(childKey(key, 'label'), label, { size: m.font.tiny, lineHeight: m.line.tiny, color: sw.text, weight: 'semibold', ...(sizing.h === 'FIXED' ? { align: 'CENTER' as const } : {}) }, sizing, tag);
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

/** A chip's padding and border, beside its label. */
const CHIP_FRAME = 12;
const CHIP_GAP = 4;
/** How far a chip label's width bound may be squeezed and still fit it: real glyphs are narrower than the bound (see estimate.ts). */
const SQUEEZE = 0.8;

/**
 * A card's chips on one line at most (issue 15, item 14): priority and status (the triage, read
 * back by sync) and the strongest evidence, in the shortest wording that fits. What does not fit as
 * a chip, and effort and value, is said in a line of text above them. The line never runs out of the
 * card: each label gets a share of the card's width (its width bound, or less in proportion when the
 * bounds add up to more) and wraps inside its chip if its glyphs are wider than that share.
 */
function chipsOf(ctx: LayoutContext, card: Card, key: string, inner: number, narrowest: number, sw: Swatch, evidence: Map<string, Confidence>): NodeSpec[] {
  const { theme, m } = ctx;
  type Wanted = { key: string; label: string; swatch: Swatch; tag?: Tag };
  const wanted: Wanted[] = [];
  const facts: string[] = [];
  const bound = (label: string) => textWidthBound(label, m.font.tiny);
  /** The share of the width each label gets, and whether every label fits its share. */
  const shares = (list: Wanted[], width = inner) => {
    const room = width - list.length * CHIP_FRAME - Math.max(0, list.length - 1) * CHIP_GAP;
    const total = list.reduce((sum, w) => sum + bound(w.label), 0);
    const scale = total <= room ? 1 : room / total;
    return { widths: list.map((w) => Math.max(1, Math.floor(bound(w.label) * scale))), fits: scale >= SQUEEZE };
  };
  // Priority and status are never dropped (sync reads them back).
  if (card.priority) wanted.push({ key: childKey(key, 'priority'), label: PRIORITY_LABELS[card.priority], swatch: theme.priority[card.priority], tag: fieldTag('card', card.id, 'priority') });
  if (card.status) wanted.push({ key: childKey(key, 'status'), label: STATUS_LABELS[card.status], swatch: theme.status[card.status], tag: fieldTag('card', card.id, 'status') });
  if (card.effort !== undefined) facts.push(`Effort ${card.effort}/5`);
  if (card.value !== undefined) facts.push(`Value ${card.value}/5`);
  const level = strongestConfidence(card, evidence);
  if (level) {
    const n = card.evidence.length;
    const name = CONFIDENCE_LABELS[level];
    const full = `${name} evidence${n > 1 ? ` · ${n} sources` : ''}`;
    const wordings = [full, ...(n > 1 ? [`${name} · ${n} sources`, `${name} (${n})`] : [name])];
    // Chosen at the narrowest card the map can have in any density, so a restyle changes no words.
    const label = wordings.find((l) => shares([...wanted, { key: '', label: l, swatch: sw }], Math.min(inner, narrowest)).fits);
    if (label) wanted.push({ key: childKey(key, 'evidence'), label, swatch: theme.confidence[level] });
    else facts.push(full);
  }
  const { widths } = shares(wanted);
  const chips = wanted.map((w, i) => chip(w.key, w.label, w.swatch, ctx, w.tag, widths[i]));
  const out: NodeSpec[] = [];
  if (facts.length) {
    const line = facts.join(' · ');
    out.push(text(childKey(key, 'facts'), line, { size: m.font.tiny, lineHeight: m.line.tiny, color: sw.text, weight: 'medium' }, { h: 'FILL', width: inner }));
  }
  // One chip sits in the card itself; several share one row that never wraps.
  if (chips.length <= 1) return [...out, ...chips];
  return [...out, row(childKey(key, 'chips'), 'Chips', { gap: CHIP_GAP }, chips)];
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

/**
 * One card. `links`: the lines saying the card's links to other cards (shared/layout/flow.ts
 * cardLinkLines), drawn last, in the card, so they move with it.
 */
export function cardSpec(ctx: LayoutContext, card: Card, lane: Lane, width: number, evidence: Map<string, Confidence>, links: readonly CardLinkLine[] = []): NodeSpec {
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
  // In high contrast the lanes' colours are not told apart: a card without a badge says its type.
  if (theme.cardTypeLabels && !parts.length) {
    const typeStyle = { size: m.font.tiny, lineHeight: m.line.tiny, color: sw.text, weight: 'bold' as const, upper: true, letterSpacing: 0.6 };
    parts.push(text(childKey(key, 'type'), look.cardLabel, typeStyle, within(look.cardLabel.toUpperCase(), typeStyle, inner)));
  }

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
  const c = METRICS.compact;
  parts.push(...chipsOf(ctx, card, key, inner, c.columnWidth - 2 * c.cellPadding - 2 * c.cardPadding - indent, sw, evidence));
  for (const link of links) parts.push(text(link.key, link.text, { size: m.font.small, lineHeight: m.line.small, color: sw.text, weight: 'semibold' }, { h: 'FILL', width: inner }, link.tag));
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
