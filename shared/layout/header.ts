// The map's header band (title, objective, owner, status, dates) and the persona cards.
import { column, fieldTag, entityTag, frame, paint, row, stroke, text, within } from './build';
import { personaColor, personaLook, type LayoutContext } from './context';
import { JOURNEY_STATUS_LABELS } from '../model/labels';
import { bulletList, commaList } from '../model/text-codecs';
import { markerSpec } from './markers';
import type { NodeSpec } from './spec';
import { childKey, entityKey } from './keys';
import { healthBadge } from './badges';

export function headerSpec(ctx: LayoutContext, width: number): NodeSpec {
  const { journey: j, theme, m } = ctx;
  const h = theme.header;
  const jid = j.id;
  const small = { size: m.font.small, lineHeight: m.line.small, color: h.muted, weight: 'semibold' as const, upper: true, letterSpacing: 0.6 };
  const inner = width - 2 * 32;
  const children: NodeSpec[] = [
    text('header/eyebrow', 'Customer journey map', small),
    text('header/title', j.title, { size: m.font.title, lineHeight: m.line.title, color: h.text, weight: 'bold' }, { h: 'FILL', width: inner }, fieldTag('journey', jid, 'title')),
  ];
  if (j.description)
    children.push(text('header/description', j.description, { size: m.font.body + 1, lineHeight: m.line.body + 2, color: h.text }, { h: 'FILL', width: inner }, fieldTag('journey', jid, 'description')));
  if (j.objective)
    children.push(
      column('header/objective', 'Objective', { sizingH: 'FILL', width: inner, gap: 2 }, [
        text('header/objective/label', 'Objective', small),
        text('header/objective/text', j.objective, { size: m.font.h2, lineHeight: m.line.h2, color: h.text, weight: 'medium' }, { h: 'FILL', width: inner }, fieldTag('journey', jid, 'objective')),
      ]),
    );
  const meta: [string, string, string | undefined][] = [
    ['owner', 'Owner', j.owner],
    ['status', 'Status', JOURNEY_STATUS_LABELS[j.status] ?? j.status],
    ['updated', 'Last updated', j.updated],
    ['reviewBy', 'Review by', j.reviewBy],
  ];
  const metaItems = meta
    .filter(([, , v]) => v)
    .map(([field, label, value]) =>
      column(childKey('header', 'meta', field), label, { gap: 2 }, [
        text(childKey('header', 'meta', field, 'label'), label, small),
        text(childKey('header', 'meta', field, 'value'), value ?? '', { size: m.font.body, lineHeight: m.line.body, color: h.text, weight: 'medium' }, within(value ?? '', { size: m.font.body }, inner), fieldTag('journey', jid, field)),
      ]),
    );
  if (j.tags.length)
    metaItems.push(
      column('header/meta/tags', 'Tags', { gap: 2 }, [
        text('header/meta/tags/label', 'Tags', small),
        text('header/meta/tags/value', commaList.show(j.tags), { size: m.font.body, lineHeight: m.line.body, color: h.text }, within(commaList.show(j.tags), { size: m.font.body }, inner), fieldTag('journey', jid, 'tags')),
      ]),
    );
  if (metaItems.length) children.push(row('header/meta', 'Details', { sizingH: 'FILL', width: inner, gap: 32, wrap: true, counterGap: 12 }, metaItems));
  if (ctx.badges?.journey) children.push(healthBadge(ctx, 'header/health', ctx.badges.journey, inner));
  return column('header', 'Header', { sizingH: 'FILL', width, padding: [28, 32, 28, 32], gap: 10, fill: paint(h.fill), radius: 16, tag: entityTag('journey', jid) }, children);
}

export function personasSpec(ctx: LayoutContext, width: number): NodeSpec | null {
  const { journey: j, theme, m } = ctx;
  if (j.personas.length === 0) return null;
  const w = m.personaWidth;
  const inner = w - 2 * 16;
  const label = { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.textMuted, weight: 'semibold' as const, upper: true, letterSpacing: 0.6 };
  const body = { size: m.font.body, lineHeight: m.line.body, color: theme.text };
  const cards = j.personas.map((p) => {
    const key = entityKey('persona', p.id);
    const look = personaLook(ctx, p.id);
    const nameRow = row(childKey(key, 'title'), 'Name', { sizingH: 'FILL', width: inner, gap: 8, alignCounter: 'CENTER' }, [
      markerSpec(childKey(key, 'marker'), look.marker, m.dot + 2, personaColor(ctx, p.id), theme.surface),
      text(childKey(key, 'name'), p.name, { size: m.font.h2, lineHeight: m.line.h2, color: theme.text, weight: 'bold' }, { h: 'FILL', width: inner - 24 }, fieldTag('persona', p.id, 'name')),
    ]);
    const parts: NodeSpec[] = [nameRow];
    if (p.segment) parts.push(text(childKey(key, 'segment'), p.segment, { ...body, color: theme.textMuted, weight: 'medium' }, { h: 'FILL', width: inner }, fieldTag('persona', p.id, 'segment')));
    if (p.summary) parts.push(text(childKey(key, 'summary'), p.summary, body, { h: 'FILL', width: inner }, fieldTag('persona', p.id, 'summary')));
    const list = (field: 'goals' | 'frustrations', title: string) => {
      const items = p[field];
      if (!items.length) return;
      parts.push(
        column(childKey(key, field), title, { sizingH: 'FILL', width: inner, gap: 2 }, [
          text(childKey(key, field, 'label'), title, label),
          text(childKey(key, field, 'text'), bulletList.show(items), body, { h: 'FILL', width: inner }, fieldTag('persona', p.id, field)),
        ]),
      );
    };
    list('goals', 'Goals');
    list('frustrations', 'Frustrations');
    if (p.quote) parts.push(text(childKey(key, 'quote'), p.quote, { ...body, italic: true, color: theme.textMuted }, { h: 'FILL', width: inner }, fieldTag('persona', p.id, 'quote')));
    return column(key, `Persona: ${p.name}`, { sizingH: 'FIXED', width: w, padding: [16, 16, 16, 16], gap: 10, fill: paint(theme.surface), stroke: stroke(theme.border, 1), radius: 12, tag: entityTag('persona', p.id) }, parts);
  });
  return frame('personas', 'Personas', { layout: 'HORIZONTAL', sizingH: 'FILL', width, gap: 16, wrap: true, counterGap: 16 }, cards);
}
