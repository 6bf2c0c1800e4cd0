// Links between steps or cards. In Figma Design a link between steps is a vector arrow in a "Flow"
// band above the lanes, arcing from the source's column to the target's column, so it never
// crosses a card; loops (backwards links) arc below the band's baseline. A link between two cards
// (or within one column) is said at the cards themselves, as a line in each card naming the other
// end: a vector cannot follow cards that auto layout moves. In FigJam every link is a native
// connector attached to the two nodes, which FigJam keeps routed when things move.
import { textWidthBound } from './estimate';
import type { Journey, Link } from '../model/types';
import { frame, paint, stroke, text } from './build';
import type { LayoutContext } from './context';
import type { ConnectorSpec, NodeSpec, Tag } from './spec';
import { childKey, entityKey } from './keys';

/** Where links can start and end: each card's step, each step's column (built once: maps have thousands of cards). */
function endpoints(j: Journey, ctx: LayoutContext) {
  const stepOfCard = new Map(j.cards.map((c) => [c.id, c.stepId]));
  const columnOfStep = new Map(ctx.columns.map((c) => [c.step.id, c]));
  return {
    /** The step column an endpoint (step or card id) sits in. */
    columnOf: (ref: string) => columnOfStep.get(stepOfCard.get(ref) ?? ref),
    /** The layout key of the node an endpoint is drawn as. */
    keyOf: (ref: string) => (stepOfCard.has(ref) ? entityKey('card', ref) : entityKey('step', ref)),
    isCard: (ref: string) => stepOfCard.has(ref),
  };
}

type Ends = ReturnType<typeof endpoints>;

/** Whether Figma Design says a link at its cards rather than in the flow band: it joins two cards, or a card and its own column's step. */
function atCards(link: Link, ends: Ends): boolean {
  if (!ends.isCard(link.from) && !ends.isCard(link.to)) return false;
  return (ends.isCard(link.from) && ends.isCard(link.to)) || ends.columnOf(link.from) === ends.columnOf(link.to);
}

const KIND_WORDS: Record<Link['kind'], string> = { flow: 'Leads to', branch: 'Branches to', loop: 'Loops back to' };

function shortName(names: Map<string, string>, ref: string): string {
  const graphemes = [...(names.get(ref) ?? ref).replace(/\s+/g, ' ').trim()];
  return graphemes.length > 48 ? `${graphemes.slice(0, 47).join('').trimEnd()}…` : graphemes.join('');
}

export interface CardLinkLine {
  key: string;
  text: string;
  tag?: Tag;
}

/**
 * The lines each card shows for the links drawn at the cards (Figma Design only): the source says
 * "→ label: target", the target "← From: source (label)", so either end leads to the other.
 */
export function cardLinkLines(ctx: LayoutContext): Map<string, CardLinkLine[]> {
  const { journey: j } = ctx;
  const out = new Map<string, CardLinkLine[]>();
  if (ctx.editor !== 'figma' || j.links.length === 0) return out;
  const ends = endpoints(j, ctx);
  const linked = new Set(j.links.flatMap((l) => [l.from, l.to]));
  const names = new Map<string, string>();
  for (const c of j.cards) if (linked.has(c.id)) names.set(c.id, c.text);
  for (const c of ctx.columns) if (linked.has(c.step.id)) names.set(c.step.id, c.step.name);
  const add = (cardId: string, line: CardLinkLine) => {
    const list = out.get(cardId);
    if (list) list.push(line);
    else out.set(cardId, [line]);
  };
  for (const link of j.links) {
    if (!ends.columnOf(link.from) || !ends.columnOf(link.to) || !atCards(link, ends)) continue;
    const words = link.label ?? KIND_WORDS[link.kind];
    const linkKey = entityKey('link', link.id);
    // The first line stands for the link on the canvas (tagged as the link, like its arrow would be).
    const tag = { kind: 'link' as const, id: link.id };
    if (ends.isCard(link.from)) add(link.from, { key: childKey(linkKey, 'out'), text: `→ ${words}: ${shortName(names, link.to)}`, tag });
    if (ends.isCard(link.to)) add(link.to, { key: childKey(linkKey, 'in'), text: `← From: ${shortName(names, link.from)} (${words})`, ...(ends.isCard(link.from) ? {} : { tag }) });
  }
  return out;
}


/** Lines a text wraps to at `width`, at most: words laid greedily at their width bound (real glyphs are narrower). */
function linesAtMost(value: string, size: number, width: number): number {
  let lines = 0;
  for (const paragraph of value.split(/\r\n|\n|\r/)) {
    lines++;
    let x = 0;
    for (const word of paragraph.split(' ')) {
      const w = textWidthBound(word, size);
      const space = x > 0 ? textWidthBound(' ', size) : 0;
      if (x > 0 && x + space + w > width) {
        lines++;
        x = 0;
      }
      // A word wider than the line is broken: it takes as many lines as it needs.
      if (w > width) {
        lines += Math.ceil(w / width) - 1;
        x = w % width;
      } else x += (x > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/**
 * The flow band. Arcs are deep enough to read at a glance (at least 28 px, loops 22 px), their
 * control points lean towards the ends so the arrowhead follows the arc's final tangent instead of
 * pointing straight down, and the band grows to hold every label: each label wraps at a width it
 * is given, and the band is as tall as its wrapped lines need (at their width bound), so no label
 * spills out of it.
 */
export function flowBandSpec(ctx: LayoutContext): NodeSpec | null {
  const { journey: j, theme, m, columnsWidth } = ctx;
  const ends = endpoints(j, ctx);
  const links = j.links.filter((link) => ends.columnOf(link.from) && ends.columnOf(link.to) && !atCards(link, ends));
  if (links.length === 0) return null;
  if (ctx.editor === 'figjam') {
    // FigJam draws connectors itself; links between steps leave their steps at the bottom and run
    // in this empty band, below the step names and above the cards.
    if (!links.some((l) => !ends.isCard(l.from) && !ends.isCard(l.to))) return null;
    return frame('flow', 'Flow', { layout: 'NONE', sizingH: 'FIXED', sizingV: 'FIXED', width: columnsWidth, height: m.flowHeight, fill: paint(theme.canvas) });
  }
  // Stack arcs over the same span so their labels do not collide.
  const used = new Map<string, number>();
  const arcs = links.map((link) => {
    const a = ends.columnOf(link.from)!;
    const b = ends.columnOf(link.to)!;
    const x1 = a.x + a.width / 2 + (a === b ? -a.width / 4 : 0);
    const x2 = b.x + b.width / 2 + (a === b ? a.width / 4 : 0);
    const back = x2 < x1 || link.kind === 'loop';
    const spanKey = `${Math.min(x1, x2)}-${Math.max(x1, x2)}-${back}`;
    const level = used.get(spanKey) ?? 0;
    used.set(spanKey, level + 1);
    const span = Math.abs(x2 - x1);
    const depth = back ? 22 + level * 12 + Math.min(16, span / 60) : 28 + level * 14 + Math.min(24, span / 40);
    let label: { text: string; width: number; height: number } | undefined;
    if (link.label) {
      // A label wraps over its arc's span, at least two columns wide and never wider than the band.
      const width = Math.max(1, Math.floor(Math.min(textWidthBound(link.label, m.font.tiny), columnsWidth, Math.max(span, 2 * m.columnWidth))));
      label = { text: link.label, width, height: linesAtMost(link.label, m.font.tiny, width) * m.line.tiny };
    }
    return { link, x1, x2, back, depth, label };
  });
  const GAP = 4;
  // Forward arcs and their labels sit above the baseline, loops and theirs below it.
  const above = Math.max(0, ...arcs.filter((a) => !a.back).map((a) => a.depth + (a.label ? a.label.height + GAP : 0)));
  const below = Math.max(0, ...arcs.filter((a) => a.back).map((a) => a.depth + (a.label ? a.label.height + GAP : 0)));
  // The band is as tall as its arcs and labels need (and tall enough for its label cell), no taller.
  const EDGE = 2;
  const baseline = EDGE + above;
  const height = Math.max(m.line.small + 2 * 12, baseline + below + EDGE);
  const children: NodeSpec[] = [];
  for (const { link, x1, x2, back, depth, label } of arcs) {
    const left = Math.min(x1, x2);
    const width = Math.max(1, Math.abs(x2 - x1));
    const sx = x1 - left;
    const ex = x2 - left;
    const y0 = back ? 0 : depth;
    const yc = back ? depth * (4 / 3) : -depth / 3;
    // Control points lean a quarter of the span inwards: the arc leaves and arrives at a slant.
    const lean = (ex - sx) / 4;
    // The curve's highest (or lowest) point is 3/4 of the way to the control points' height.
    const path = `M ${r(sx)} ${r(y0)} C ${r(sx + lean)} ${r(yc)} ${r(ex - lean)} ${r(yc)} ${r(ex)} ${r(y0)}`;
    const dash = link.kind === 'branch' ? [6, 4] : link.kind === 'loop' ? [2, 3] : undefined;
    children.push({
      type: 'VECTOR',
      key: entityKey('link', link.id),
      name: `Link ${link.kind}: ${link.from} → ${link.to}`,
      tag: { kind: 'link', id: link.id },
      x: r(left),
      y: r(back ? baseline : baseline - depth),
      width,
      height: depth,
      path,
      stroke: stroke(theme.link, 1.5, dash),
      startCap: 'NONE',
      endCap: 'ARROW_LINES',
    });
    if (label) {
      // The label is centred over (or under) its arc, never past the band's ends.
      const spec = text(childKey(entityKey('link', link.id), 'label'), label.text, { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.text, weight: 'medium', align: 'CENTER' }, { h: 'FIXED', width: label.width }, { kind: 'link', id: link.id, field: 'label' });
      spec.x = r(Math.max(0, Math.min(columnsWidth - label.width, left + width / 2 - label.width / 2)));
      spec.y = back ? r(baseline + depth + GAP) : r(baseline - depth - GAP - label.height);
      children.push(spec);
    }
  }
  return frame('flow', 'Flow', { layout: 'NONE', sizingH: 'FIXED', sizingV: 'FIXED', width: columnsWidth, height, fill: paint(theme.canvas) }, children);
}

export function connectorSpecs(ctx: LayoutContext): ConnectorSpec[] {
  const { journey: j, theme } = ctx;
  const ends = endpoints(j, ctx);
  /**
   * Where a connector leaves or meets an end: a card at the side that faces the other end (the
   * right side when both share a column, so the line runs in the gap beside the column, not over
   * its cards); a step linked to a step at its bottom, into the empty flow band; otherwise FigJam chooses.
   */
  const magnet = (ref: string, other: string): NonNullable<ConnectorSpec['fromMagnet']> => {
    const a = ends.columnOf(ref);
    const b = ends.columnOf(other);
    if (ends.isCard(ref)) return !a || !b || b.index >= a.index ? 'RIGHT' : 'LEFT';
    return ends.isCard(other) ? 'AUTO' : 'BOTTOM';
  };
  return j.links.map((link) => {
    const spec: ConnectorSpec = {
      type: 'CONNECTOR',
      key: entityKey('link', link.id),
      name: `Link ${link.kind}: ${link.from} → ${link.to}`,
      tag: { kind: 'link', id: link.id },
      fromKey: ends.keyOf(link.from),
      toKey: ends.keyOf(link.to),
      fromMagnet: magnet(link.from, link.to),
      toMagnet: magnet(link.to, link.from),
      stroke: stroke(theme.link, 2, link.kind === 'branch' ? [6, 4] : link.kind === 'loop' ? [2, 3] : undefined),
      lineType: link.kind === 'loop' ? 'CURVED' : 'ELBOWED',
    };
    if (link.label) {
      spec.label = link.label;
      spec.labelPaint = paint(theme.text);
      spec.labelBackground = paint(theme.canvas);
    }
    return spec;
  });
}

const r = (v: number) => Math.round(v * 100) / 100;
