// Links between steps or cards. In Figma Design they are vector arrows in a "Flow" band above the
// lanes, arcing from the source's column to the target's column, so they never cross a card.
// Loops (backwards links) arc below the band's baseline. In FigJam they are native connectors
// attached to the two nodes, which FigJam keeps routed when things move.
import { textWidthBound } from './estimate';
import type { Journey, Link } from '../model/types';
import { frame, paint, stroke, text } from './build';
import type { LayoutContext } from './context';
import type { ConnectorSpec, NodeSpec } from './spec';
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
  };
}


export function flowBandSpec(ctx: LayoutContext): NodeSpec | null {
  const { journey: j, theme, m, columnsWidth } = ctx;
  if (j.links.length === 0) return null;
  const height = m.flowHeight;
  const baseline = Math.round(height * 0.62);
  const children: NodeSpec[] = [];
  // Stack arcs over the same span so their labels do not collide.
  const used = new Map<string, number>();
  const ends = endpoints(j, ctx);
  j.links.forEach((link: Link) => {
    const a = ends.columnOf(link.from);
    const b = ends.columnOf(link.to);
    if (!a || !b) return;
    const x1 = a.x + a.width / 2 + (a === b ? -a.width / 4 : 0);
    const x2 = b.x + b.width / 2 + (a === b ? a.width / 4 : 0);
    const back = x2 < x1 || link.kind === 'loop';
    const spanKey = `${Math.min(x1, x2)}-${Math.max(x1, x2)}-${back}`;
    const level = used.get(spanKey) ?? 0;
    used.set(spanKey, level + 1);
    const lift = Math.min(baseline - 6, 18 + level * 10 + Math.min(20, Math.abs(x2 - x1) / 40));
    const drop = Math.min(height - baseline - 4, 12 + level * 6);
    const left = Math.min(x1, x2);
    const width = Math.max(1, Math.abs(x2 - x1));
    const sx = x1 - left;
    const ex = x2 - left;
    const top = back ? baseline : baseline - lift;
    const hgt = back ? drop : lift;
    const y0 = back ? 0 : lift;
    const yc = back ? drop : 0;
    const path = `M ${r(sx)} ${r(y0)} C ${r(sx)} ${r(yc)} ${r(ex)} ${r(yc)} ${r(ex)} ${r(y0)}`;
    const dash = link.kind === 'branch' ? [6, 4] : link.kind === 'loop' ? [2, 3] : undefined;
    children.push({
      type: 'VECTOR',
      key: entityKey('link', link.id),
      name: `Link ${link.kind}: ${link.from} → ${link.to}`,
      tag: { kind: 'link', id: link.id },
      x: r(left),
      y: r(top),
      width,
      height: hgt,
      path,
      stroke: stroke(theme.link, 1.5, dash),
      startCap: 'NONE',
      endCap: 'ARROW_LINES',
    });
    if (link.label) {
      // The label wraps within the band and is centred over the link, never past the band's ends.
      const labelWidth = Math.min(textWidthBound(link.label, m.font.tiny), columnsWidth);
      const label = text(childKey(entityKey('link', link.id), 'label'), link.label, { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.text, weight: 'medium', align: 'CENTER' }, { h: 'FIXED', width: labelWidth }, { kind: 'link', id: link.id, field: 'label' });
      label.x = r(Math.max(0, Math.min(columnsWidth - labelWidth, left + width / 2 - labelWidth / 2)));
      label.y = back ? r(baseline + drop - 2) : r(Math.max(0, baseline - lift - m.line.tiny - 2));
      children.push(label);
    }
  });
  return frame('flow', 'Flow', { layout: 'NONE', sizingH: 'FIXED', sizingV: 'FIXED', width: columnsWidth, height, fill: paint(theme.canvas) }, children);
}

export function connectorSpecs(ctx: LayoutContext): ConnectorSpec[] {
  const { journey: j, theme } = ctx;
  const ends = endpoints(j, ctx);
  return j.links.map((link) => {
    const spec: ConnectorSpec = {
      type: 'CONNECTOR',
      key: entityKey('link', link.id),
      name: `Link ${link.kind}: ${link.from} → ${link.to}`,
      tag: { kind: 'link', id: link.id },
      fromKey: ends.keyOf(link.from),
      toKey: ends.keyOf(link.to),
      stroke: stroke(theme.link, 2, link.kind === 'branch' ? [6, 4] : link.kind === 'loop' ? [2, 3] : undefined),
      lineType: link.kind === 'loop' ? 'CURVED' : 'ELBOWED',
    };
    if (link.label) spec.label = link.label;
    return spec;
  });
}

const r = (v: number) => Math.round(v * 100) / 100;
