// The Changes view (issue 18): the newer journey drawn as the map draws it, with what changed since
// an older one marked on it. Added, changed and moved cards carry a badge (words and a shape: a
// filled pill for new, an outlined pill for changed, a dashed pill for moved, never colour alone);
// renamed, added and moved stages and steps say so under their name; removed cards and other
// removed entities are listed in a section of their own; the older emotion curves that changed are
// drawn faint and dotted behind the newer ones. As-is against to-be: curve A is the faint one,
// drawn behind curve B (and not drawn as a curve of its own).
// This file is the layout only, from a ChangesSummary: the summary is made where the diff runs, in
// the panel or in Node (./changes-summary.ts, which also has layoutChangesView(older, newer)), so
// the sandbox bundle carries no diff. Pure and deterministic, the same spec tree as the map and
// the views (../spec.ts): the renderer, the panel's preview and the emulator's SVG draw it.
import * as z from 'zod/mini';
import type { Journey, Lane } from '../../model/types';
import { LIMITS } from '../../model/limits';
import type { StyleOptions } from '../../style/options';
import { column, paint, row, stroke, text, within } from '../build';
import { personaColor, type LayoutContext } from '../context';
import { smoothPath } from '../curve';
import { emotionGeometry, valueToY } from '../emotion';
import { childKey, entityKey } from '../keys';
import { layoutContext, layoutJourney } from '../layout';
import { walk, type FrameSpec, type NodeSpec, type TextSpec } from '../spec';

/** The Changes view's fixed id: its root is tagged { kind: 'view', id: 'changes' }. */
export const CHANGES_VIEW_ID = 'changes';

export type BadgeKind = 'added' | 'changed' | 'moved';

const str = (max: number) => z.string().check(z.maxLength(max));
const id = str(LIMITS.idLength);
const words = str(4 * LIMITS.textLength);
const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/** What the view marks on one card, step or stage. */
export const ChangeMarkSchema = z.object({
  added: z.optional(z.boolean()),
  /** Words for the fields that changed ("text", "priority"). */
  changed: z.optional(list(str(100), 100)),
  /** The card's or step's old place, in words. */
  movedFrom: z.optional(words),
  /** The old name of a renamed stage or step; the old text of a card. */
  was: z.optional(words),
});
export type ChangeMark = z.output<typeof ChangeMarkSchema>;

const marked = (max: number) => list(z.object({ id, mark: ChangeMarkSchema }), max);

/**
 * Everything the Changes view says beyond the newer journey itself, in words and ids: made by
 * changesSummary (./changes-summary.ts) where the diff runs, sent to the plugin, validated there.
 */
export const ChangesSummarySchema = z.object({
  /** "Changes from version “Kick-off” (2026-11-30) to the map" */
  heading: words,
  /** "1 added, 1 removed, 2 changed." */
  counts: words,
  /** What the faint curves are, for the key. */
  ghostWords: words,
  cards: marked(LIMITS.cards),
  steps: marked(LIMITS.steps),
  stages: marked(LIMITS.stages),
  /** Removed cards (with their id) and other removed entities, each in words. */
  removed: list(z.object({ card: z.optional(id), text: words }), LIMITS.cards + 2 * LIMITS.steps + LIMITS.links + LIMITS.evidence + 200),
  /** Older curves drawn faint, each in the lanes of `personaId` (a persona of the newer journey). */
  ghosts: list(z.object({ id, name: str(LIMITS.nameLength), personaId: id, points: list(z.object({ stepId: id, value: z.number() }), LIMITS.steps) }), LIMITS.curves),
  /** A curve of the newer journey not drawn as a curve (as-is against to-be: curve A is only the faint one). */
  hide: z.optional(id),
  /** Two curves compared (as-is against to-be): the key shows only the faint curve, and there is no Removed section. */
  curves: z.optional(z.boolean()),
});
export type ChangesSummary = z.output<typeof ChangesSummarySchema>;
type Ghost = ChangesSummary['ghosts'][number];

const short = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : flat;
};
/** Quoted, on one line, at most n characters. */
export const q = (s: string, n = 48) => `“${short(s, n)}”`;

/** Badge words: "+ New", "Changed: text, priority", "Moved from Discover › Browse". */
export function badgeText(kind: BadgeKind, mark: ChangeMark): string {
  if (kind === 'added') return '+ New';
  if (kind === 'changed') return `Changed: ${(mark.changed ?? []).join(', ')}`;
  return `Moved from ${mark.movedFrom ?? ''}`;
}

/** A badge: filled pill (new), outlined pill (changed) or dashed outlined pill (moved), always with words. */
function badge(ctx: LayoutContext, key: string, kind: BadgeKind | 'removed' | 'ghost', label: string, max: number): FrameSpec {
  const { theme, m } = ctx;
  const filled = kind === 'added';
  const style = { size: m.font.tiny, lineHeight: m.line.tiny, color: filled ? theme.canvas : theme.text, weight: 'bold' as const };
  const caption = text(childKey(key, 'label'), label, style, within(label, style, max - 16));
  const edge = kind === 'moved' || kind === 'removed' ? stroke(theme.text, 1.5, [4, 3]) : stroke(theme.text, 1.5);
  return row(key, label, { padding: [2, 8, 2, 8], fill: paint(filled ? theme.text : theme.canvas), stroke: edge, radius: 10, alignCounter: 'CENTER' }, [caption]);
}

function mapTree(spec: NodeSpec, fn: (s: NodeSpec) => NodeSpec): NodeSpec {
  return fn(spec.type === 'FRAME' ? { ...spec, children: spec.children.map((c) => mapTree(c, fn)) } : spec);
}

/** A faint dotted copy of an older curve in the newer journey's columns, with a small ring at each value. */
function ghostSpecs(ctx: LayoutContext, lane: Lane, curve: Ghost): NodeSpec[] {
  const { personaId } = curve;
  const { journey: j, m, theme } = ctx;
  const g = emotionGeometry(j, m.emotionHeight);
  const byStep = new Map(curve.points.map((p) => [p.stepId, p.value]));
  const pts: { x: number; y: number; stepId: string }[] = [];
  for (const col of ctx.columns) {
    const v = byStep.get(col.step.id);
    if (v === undefined) continue;
    const clamped = Math.max(g.min, Math.min(g.max, v));
    pts.push({ x: col.x + col.width / 2, y: valueToY(g, clamped), stepId: col.step.id });
  }
  if (!pts.length) return [];
  const color = ctx.personaLooks.has(personaId) ? personaColor(ctx, personaId) : theme.textMuted;
  const key = childKey(entityKey('emotion', lane.id), 'ghost', curve.id);
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const minX = Math.min(...pts.map((p) => p.x));
  const minY = Math.min(...pts.map((p) => p.y));
  const local = pts.map((p) => ({ x: p.x - minX, y: p.y - minY }));
  const out: NodeSpec[] = [];
  if (pts.length > 1)
    out.push({
      type: 'VECTOR',
      key,
      name: `Earlier curve: ${curve.name}`,
      x: r2(minX),
      y: r2(minY),
      width: Math.max(0.01, Math.max(...local.map((p) => p.x))),
      height: Math.max(0.01, Math.max(...local.map((p) => p.y))),
      path: smoothPath(local),
      stroke: { paint: paint(color, 0.55), weight: 2, dash: [2, 4], align: 'CENTER' },
    });
  const d = 7;
  for (const p of pts)
    out.push({ type: 'ELLIPSE', key: childKey(key, 'point', p.stepId), name: 'Earlier value', x: r2(p.x - d / 2), y: r2(p.y - d / 2), width: d, height: d, stroke: { paint: paint(color, 0.7), weight: 1.5, align: 'INSIDE' } });
  return out;
}

/** The Changes view: `newer` drawn as the map draws it, with the summary's changes marked on it (see above). */
export function layoutChanges(newer: Journey, style: StyleOptions, summary: ChangesSummary): FrameSpec {
  const marks = { cards: new Map(summary.cards.map((c) => [c.id, c.mark])), steps: new Map(summary.steps.map((c) => [c.id, c.mark])), stages: new Map(summary.stages.map((c) => [c.id, c.mark])) };
  // As-is against to-be in one journey: curve A is drawn only as the faint one.
  const shown: Journey = summary.hide !== undefined ? { ...newer, curves: newer.curves.filter((c) => c.id !== summary.hide) } : newer;
  const personas = new Set(shown.personas.map((p) => p.id));
  const ghosts = summary.ghosts.filter((g) => personas.has(g.personaId));
  const ctx = layoutContext(shown, style, { editor: 'figma' });
  const { theme, m } = ctx;
  const base = layoutJourney(shown, style, { editor: 'figma' }).root;
  const inner = base.width - 2 * m.mapPadding;
  const cardInner = m.columnWidth - 2 * m.cellPadding - 2 * m.cardPadding;
  const stepInner = m.columnWidth - 24;
  const lanes = new Map(shown.lanes.map((l) => [entityKey('emotion', l.id), l]));
  const muted = { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.textMuted, weight: 'medium' as const };

  const badgesOf = (key: string, mark: ChangeMark, max: number, wasColor = theme.textMuted): NodeSpec[] => {
    const kinds: BadgeKind[] = [];
    if (mark.added) kinds.push('added');
    if (mark.movedFrom !== undefined) kinds.push('moved');
    if (mark.changed?.length) kinds.push('changed');
    if (!kinds.length) return [];
    const out: NodeSpec[] = [row(childKey(key, 'changes'), 'Changes', { sizingH: 'FILL', width: max, gap: 4, wrap: true, counterGap: 4 }, kinds.map((k) => badge(ctx, childKey(key, 'changes', k), k, badgeText(k, mark), max)))];
    if (mark.was !== undefined && !mark.added) out.push(text(childKey(key, 'changes', 'was'), `Was ${q(mark.was, 60)}`, { ...muted, color: wasColor, italic: true }, { h: 'FILL', width: max }));
    return out;
  };

  const marked = mapTree(base, (s) => {
    if (s.type !== 'FRAME') return s;
    const kind = s.key.slice(0, s.key.indexOf(':'));
    if (s.tag?.kind === 'card' && kind === 'card') {
      const mark = marks.cards.get(s.tag.id);
      if (!mark) return s;
      // Badges first (under a thought's quote mark, which hangs in the padding), then the card.
      const at = s.children.findIndex((c) => !c.absolute);
      const children = [...s.children];
      // The old text in the card's own text colour (chosen against the card's fill).
      const own = s.children.find((c): c is TextSpec => c.type === 'TEXT' && c.key === childKey(s.key, 'text'));
      children.splice(at < 0 ? 0 : at, 0, ...badgesOf(s.key, mark, cardInner - (s.padding ? s.padding[3] - s.padding[1] : 0), own?.color.color ?? theme.text));
      return { ...s, children, stroke: stroke(theme.text, theme.cardBorderWeight + 1.5, s.stroke?.dash) };
    }
    if ((s.tag?.kind === 'step' && kind === 'step') || (s.tag?.kind === 'stage' && kind === 'stage')) {
      const mark = (kind === 'step' ? marks.steps : marks.stages).get(s.tag.id);
      if (!mark || !(mark.added || mark.movedFrom !== undefined || mark.was !== undefined)) return s;
      const max = kind === 'step' ? stepInner : s.width - 28;
      const parts: ChangeMark = { ...(mark.added ? { added: true } : {}), ...(mark.movedFrom !== undefined ? { movedFrom: mark.movedFrom } : {}) };
      const extra = badgesOf(s.key, parts, max);
      if (mark.was !== undefined && !mark.added) extra.push(text(childKey(s.key, 'changes', 'renamed'), `Renamed from ${q(mark.was, 40)}`, { ...muted, color: kind === 'stage' ? theme.stage.text : theme.textMuted, italic: true }, { h: 'FILL', width: max }));
      return { ...s, children: [...s.children, ...extra] };
    }
    if (kind === 'emotion' && lanes.has(s.key)) {
      const lane = lanes.get(s.key)!;
      const behind = ghosts.filter((gh) => lane.personaId === undefined || lane.personaId === gh.personaId).flatMap((gh) => ghostSpecs(ctx, lane, gh));
      if (!behind.length) return s;
      // Behind the newer curves: after the guides, before the first curve.
      const at = s.children.findIndex((c) => c.tag?.kind === 'curve' || c.tag?.kind === 'point');
      const children = [...s.children];
      children.splice(at < 0 ? children.length : at, 0, ...behind);
      return { ...s, children };
    }
    return s;
  }) as FrameSpec;

  // The header says what is compared and how much changed, with a key to the marks.
  const sampleMax = 320;
  const { heading, counts: countLine, ghostWords } = summary;
  const keyRow = row('changes/summary/key', 'Key', { sizingH: 'FILL', width: inner, gap: 12, wrap: true, counterGap: 8, alignCounter: 'CENTER' }, [
    ...(summary.curves
      ? []
      : [
          badge(ctx, 'changes/summary/key/added', 'added', '+ New', sampleMax),
          badge(ctx, 'changes/summary/key/changed', 'changed', 'Changed: what changed', sampleMax),
          badge(ctx, 'changes/summary/key/moved', 'moved', 'Moved from where it was', sampleMax),
        ]),
    row('changes/summary/key/ghost', 'Earlier curve', { gap: 6, alignCounter: 'CENTER' }, [
      { type: 'VECTOR', key: 'changes/summary/key/ghost/line', name: 'Line', width: 28, height: 0, path: 'M 0 0 L 28 0', stroke: { paint: paint(theme.text, 0.55), weight: 2, dash: [2, 4], align: 'CENTER' } },
      text('changes/summary/key/ghost/text', ghostWords, { size: m.font.small, lineHeight: m.line.small, color: theme.text }, within(ghostWords, { size: m.font.small }, inner - 40)),
    ]),
  ]);
  const summaryBox = column('changes/summary', 'What changed', { sizingH: 'FILL', width: inner, padding: [16, 20, 16, 20], gap: 8, fill: paint(theme.surface), radius: 12 }, [
    text('changes/summary/heading', heading, { size: m.font.h2, lineHeight: m.line.h2, color: theme.text, weight: 'bold' }, { h: 'FILL', width: inner - 40 }),
    text('changes/summary/counts', countLine, { size: m.font.body, lineHeight: m.line.body, color: theme.text, weight: 'medium' }, { h: 'FILL', width: inner - 40 }),
    keyRow,
  ]);

  // What is gone: removed cards with their old place, then every other removal, in words.
  const removedItems: NodeSpec[] = summary.removed.map((r, i) => {
    const k = r.card !== undefined ? childKey('changes/removed', 'card', r.card) : childKey('changes/removed', 'other', i);
    return row(k, `Removed: ${short(r.text, 30)}`, { sizingH: 'FILL', width: inner - 40, gap: 8, alignCounter: 'MIN' }, [
      badge(ctx, childKey(k, 'badge'), 'removed', '− Removed', sampleMax),
      text(childKey(k, 'text'), r.text, { size: m.font.body, lineHeight: m.line.body, color: theme.text }, { h: 'FILL', width: inner - 160 }),
    ]);
  });
  const removedCount = removedItems.length;
  const removed = column('changes/removed', 'Removed', { sizingH: 'FILL', width: inner, padding: [16, 20, 16, 20], gap: 8, fill: paint(theme.surface), radius: 12 }, [
    text('changes/removed/heading', removedCount ? `Removed (${removedCount})` : 'Removed', { size: m.font.h2, lineHeight: m.line.h2, color: theme.text, weight: 'bold' }, { h: 'FILL', width: inner - 40 }),
    ...(removedCount ? removedItems : [text('changes/removed/none', 'Nothing was removed.', { size: m.font.body, lineHeight: m.line.body, color: theme.textMuted }, { h: 'FILL', width: inner - 40 })]),
  ]);

  const children = marked.children.map((c) => (c.key === 'header' ? withEyebrow(c, 'Changes') : c));
  const headerAt = children.findIndex((c) => c.key === 'header');
  children.splice(headerAt + 1, 0, summaryBox);
  const legendAt = children.findIndex((c) => c.key === 'legend');
  if (!summary.curves) children.splice(legendAt < 0 ? children.length : legendAt, 0, removed);
  const name = `Changes: ${short(heading.replace(/^Changes from /, ''), 80)}`;
  return { ...marked, children, key: entityKey('view', CHANGES_VIEW_ID), name, tag: { kind: 'view', id: CHANGES_VIEW_ID } };
}

function withEyebrow(spec: NodeSpec, eyebrow: string): NodeSpec {
  return mapTree(spec, (s) => (s.type === 'TEXT' && s.key === 'header/eyebrow' ? ({ ...s, text: eyebrow, name: eyebrow } as TextSpec) : s));
}

/** How many nodes a tree has (the renderer's progress total). */
export function countNodes(root: NodeSpec): number {
  let n = 0;
  walk(root, () => n++);
  return n;
}
