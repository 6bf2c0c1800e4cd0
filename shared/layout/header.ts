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

/** How many persona cards share a row of the map's width, and how wide each is: the row is filled. */
export function personaGrid(count: number, width: number, min: number, gap: number): { perRow: number; cardWidth: number } {
  const fit = Math.max(1, Math.floor((width + gap) / (min + gap)));
  const rows = Math.ceil(count / Math.min(count, fit));
  const perRow = Math.max(1, Math.ceil(count / rows));
  return { perRow, cardWidth: Math.floor((width - (perRow - 1) * gap) / perRow) };
}

/**
 * The persona cards, spread over the map's width (issue 15, item 14): as many cards per row as fit
 * at the density's persona width, all rows filled; inside a wide card the persona's sections (who,
 * goals, frustrations, quote) sit side by side in columns, wrapping when the card is narrow.
 */
export function personasSpec(ctx: LayoutContext, width: number): NodeSpec | null {
  const { journey: j, theme, m } = ctx;
  if (j.personas.length === 0) return null;
  const gap = 16;
  const { cardWidth: w } = personaGrid(j.personas.length, width, m.personaWidth, gap);
  const inner = w - 2 * 16;
  const sectionGap = 24;
  const label = { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.textMuted, weight: 'semibold' as const, upper: true, letterSpacing: 0.6 };
  const body = { size: m.font.body, lineHeight: m.line.body, color: theme.text };
  const cards = j.personas.map((p) => {
    const key = entityKey('persona', p.id);
    const look = personaLook(ctx, p.id);
    const count = 1 + (p.goals.length ? 1 : 0) + (p.frustrations.length ? 1 : 0) + (p.quote ? 1 : 0);
    const columns = Math.min(count, Math.max(1, Math.floor((inner + sectionGap) / (m.personaWidth - 32 + sectionGap))));
    const sub = Math.floor((inner - (columns - 1) * sectionGap) / columns);
    const nameRow = row(childKey(key, 'title'), 'Name', { sizingH: 'FILL', width: sub, gap: 8, alignCounter: 'CENTER' }, [
      markerSpec(childKey(key, 'marker'), look.marker, m.dot + 2, personaColor(ctx, p.id), theme.surface),
      text(childKey(key, 'name'), p.name, { size: m.font.h2, lineHeight: m.line.h2, color: theme.text, weight: 'bold' }, { h: 'FILL', width: sub - 24 }, fieldTag('persona', p.id, 'name')),
    ]);
    const about: NodeSpec[] = [nameRow];
    if (p.segment) about.push(text(childKey(key, 'segment'), p.segment, { ...body, color: theme.textMuted, weight: 'medium' }, { h: 'FILL', width: sub }, fieldTag('persona', p.id, 'segment')));
    if (p.summary) about.push(text(childKey(key, 'summary'), p.summary, body, { h: 'FILL', width: sub }, fieldTag('persona', p.id, 'summary')));
    const sections: NodeSpec[] = [column(childKey(key, 'about'), 'About', { sizingH: 'FIXED', width: sub, gap: 10 }, about)];
    const list = (field: 'goals' | 'frustrations', title: string) => {
      const items = p[field];
      if (!items.length) return;
      sections.push(
        column(childKey(key, field), title, { sizingH: 'FIXED', width: sub, gap: 2 }, [
          text(childKey(key, field, 'label'), title, label),
          text(childKey(key, field, 'text'), bulletList.show(items), body, { h: 'FILL', width: sub }, fieldTag('persona', p.id, field)),
        ]),
      );
    };
    list('goals', 'Goals');
    list('frustrations', 'Frustrations');
    if (p.quote) sections.push(text(childKey(key, 'quote'), p.quote, { ...body, italic: true, color: theme.textMuted }, { h: 'FIXED', width: sub }, fieldTag('persona', p.id, 'quote')));
    return row(key, `Persona: ${p.name}`, { sizingH: 'FIXED', width: w, padding: [16, 16, 16, 16], gap: sectionGap, wrap: true, counterGap: 10, fill: paint(theme.surface), stroke: stroke(theme.border, 1), radius: 12, tag: entityTag('persona', p.id) }, sections);
  });
  return frame('personas', 'Personas', { layout: 'HORIZONTAL', sizingH: 'FILL', width, gap, wrap: true, counterGap: gap }, cards);
}
