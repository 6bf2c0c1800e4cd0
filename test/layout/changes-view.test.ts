// The Changes view (issue 18) as a pure layout: badges on exactly the cards the diff adds, changes
// and moves (words and shape), renamed steps say their old name, removed cards listed with where
// they were, changed emotion curves drawn faint and dotted behind the newer ones, as-is against
// to-be, unique keys, deterministic, any unicode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJourneys } from '../../shared/diff';
import { EXAMPLES } from '../../shared/examples/index';
import { entityKey } from '../../shared/layout/keys';
import { walk, type FrameSpec, type NodeSpec, type VectorSpec } from '../../shared/layout/spec';
import { CHANGES_VIEW_ID, ChangesSummarySchema, layoutChanges } from '../../shared/layout/views/changes';
import { changesSummary, layoutChangesView } from '../../shared/layout/views/changes-summary';
import { loadJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { validateJourney } from '../../shared/model/validate';
import { StyleOptionsSchema, THEME_NAMES } from '../../shared/style/options';
import { contrast, type Rgb } from '../../shared/theme/colors';
import { arbitrarySmallJourney } from '../support/arbitrary-journey';
import { scriptedEdits } from '../support/scripted-edits';

const style = StyleOptionsSchema.parse({});

function example(id: string): Journey {
  const r = loadJourney(EXAMPLES.find((e) => e.id === id)?.envelope);
  if (!r.ok) throw new Error(`example ${id}`);
  return r.value.journey;
}

function nodes(root: NodeSpec): NodeSpec[] {
  const all: NodeSpec[] = [];
  walk(root, (s) => all.push(s));
  return all;
}

/** Card id -> the words of its badges, for every card frame that has a badge row. */
function badges(root: FrameSpec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  walk(root, (s) => {
    if (s.type !== 'FRAME' || s.tag?.kind !== 'card') return;
    const row = s.children.find((c) => c.key === `${s.key}/changes`);
    if (row?.type === 'FRAME') out.set(s.tag.id, row.children.flatMap((b) => (b.type === 'FRAME' ? b.children.flatMap((t) => (t.type === 'TEXT' ? [t.text] : [])) : [])));
  });
  return out;
}

const texts = (root: NodeSpec) => nodes(root).flatMap((n) => (n.type === 'TEXT' ? [n.text] : []));

describe('Changes view', () => {
  for (const ex of EXAMPLES) {
    it(`${ex.id}: badges exactly on the added, changed and moved cards; removed listed; renamed step; ghost curve behind`, () => {
      const older = example(ex.id);
      const edit = scriptedEdits(older);
      expect(validateJourney(edit.journey).ok).toBe(true);
      const root = layoutChangesView(older, edit.journey, style, { labels: { from: 'version “Kick-off”', to: 'the map' } });

      // Badges: the diff's card entries, no more, no less.
      const diff = diffJourneys(older, edit.journey);
      const expected = new Set(diff.entries.flatMap((e) => (e.kind === 'card' && (e.type === 'add' || e.type === 'change' || e.type === 'moveCard') ? [e.id] : [])));
      expect(expected).toEqual(new Set([edit.added, edit.changed, edit.moved]));
      const found = badges(root);
      expect(new Set(found.keys())).toEqual(expected);
      expect(found.get(edit.added)).toEqual(['+ New']);
      expect(found.get(edit.changed)).toEqual(['Changed: text']);
      expect(found.get(edit.moved)).toHaveLength(1);
      expect(found.get(edit.moved)![0]).toMatch(/^Moved from .+ › .+$/);
      // Shape, not colour alone: new is filled, moved is dashed, changed is a plain outline.
      const badge = (id: string, kind: string) => nodes(root).find((n) => n.key === `${entityKey('card', id)}/changes/${kind}`) as FrameSpec;
      expect(badge(edit.moved, 'moved').stroke?.dash).toBeDefined();
      expect(badge(edit.changed, 'changed').stroke?.dash).toBeUndefined();
      expect(badge(edit.added, 'added').fill?.color).not.toEqual(badge(edit.changed, 'changed').fill?.color);

      // The changed card says what it read before.
      const oldText = older.cards.find((c) => c.id === edit.changed)!.text;
      expect(texts(root).some((t) => t.startsWith('Was “') && t.includes(oldText.slice(0, 20)))).toBe(true);

      // Removed: the card's text and where it was.
      const removed = older.cards.find((c) => c.id === edit.removed)!;
      const item = nodes(root).find((n) => n.key === `changes/removed/card/${edit.removed}`);
      expect(item).toBeDefined();
      expect(texts(item!).join(' ')).toContain(removed.text.slice(0, 30));
      expect(texts(item!).join(' ')).toMatch(/was in .+ · .+ › .+/);
      expect(nodes(root).some((n) => n.tag?.kind === 'card' && n.tag.id === edit.removed)).toBe(false);

      // The renamed step says its old name.
      const stepFrame = nodes(root).find((n) => n.key === entityKey('step', edit.renamedStep)) as FrameSpec;
      const oldStep = older.stages.flatMap((s) => s.steps).find((s) => s.id === edit.renamedStep)!;
      expect(texts(stepFrame)).toContain(`Renamed from “${oldStep.name}”`);

      // The first curve changed: its older self is drawn faint and dotted, behind it, in its lanes.
      const ghosts = nodes(root).filter((n): n is VectorSpec => n.type === 'VECTOR' && n.key.startsWith('emotion:') && n.key.includes('/ghost/'));
      expect(ghosts.length).toBeGreaterThan(0);
      expect(ghosts.every((g) => g.key.endsWith(`/ghost/${edit.curve}`))).toBe(true);
      for (const g of ghosts) {
        expect(g.stroke.dash).toBeDefined();
        expect(g.stroke.paint.opacity).toBeLessThan(1);
        const plot = nodes(root).find((n) => n.type === 'FRAME' && n.children.includes(g)) as FrameSpec;
        const at = plot.children.indexOf(g);
        const curveAt = plot.children.findIndex((c) => c.tag?.kind === 'curve' && c.tag.id === edit.curve);
        expect(curveAt).toBeGreaterThan(at);
      }
      // Unchanged curves get no ghost.
      expect(ghosts.some((g) => !g.key.endsWith(`/ghost/${edit.curve}`))).toBe(false);

      // Header: what is compared and how much.
      expect(texts(root)).toContain('Changes from version “Kick-off” to the map');
      expect(texts(root).some((t) => /^1 added, 1 removed, 2 changed, 1 moved, \d+ emotion changes?\.$/.test(t))).toBe(true);
      expect(root.tag).toEqual({ kind: 'view', id: CHANGES_VIEW_ID });
      expect(root.key).toBe(entityKey('view', CHANGES_VIEW_ID));

      // The summary the panel sends is what the plugin accepts, and lays out to the same tree.
      const summary = changesSummary(older, edit.journey, { labels: { from: 'version “Kick-off”', to: 'the map' } });
      const parsed = ChangesSummarySchema.safeParse(JSON.parse(JSON.stringify(summary)));
      expect(parsed.success).toBe(true);
      expect(JSON.stringify(layoutChanges(edit.journey, style, parsed.data!))).toBe(JSON.stringify(root));

      // Unique keys; the same input gives the same tree.
      const keys = nodes(root).map((n) => n.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(JSON.stringify(layoutChangesView(older, edit.journey, style, { labels: { from: 'version “Kick-off”', to: 'the map' } }))).toBe(JSON.stringify(root));
    });
  }

  it('every text the view adds reads at WCAG AA against the fill behind it, in every theme', () => {
    for (const ex of EXAMPLES)
      for (const theme of THEME_NAMES) {
        const older = example(ex.id);
        const root = layoutChangesView(older, scriptedEdits(older).journey, StyleOptionsSchema.parse({ theme }));
        const check = (s: NodeSpec, behind: Rgb) => {
          const fill = s.type === 'FRAME' && s.fill && (s.fill.opacity ?? 1) === 1 ? s.fill.color : behind;
          if (s.type === 'TEXT' && (s.key.startsWith('changes/') || s.key.includes('/changes/'))) expect(contrast(s.color.color, fill), `${ex.id} ${theme} ${s.key}`).toBeGreaterThanOrEqual(4.5);
          if (s.type === 'FRAME') for (const c of s.children) check(c, fill);
        };
        check(root, root.fill!.color);
      }
  });

  it('a journey against itself: no badges, no ghosts, nothing removed', () => {
    const j = example('retail-purchase');
    const root = layoutChangesView(j, j, style);
    expect(badges(root).size).toBe(0);
    expect(nodes(root).some((n) => n.key.startsWith('emotion:') && n.key.includes('/ghost/'))).toBe(false);
    expect(texts(root)).toContain('No changes.');
    expect(texts(root)).toContain('Nothing was removed.');
  });

  it('as-is against to-be: curve A faint behind curve B, and not drawn as a curve of its own', () => {
    const j = example('saas-onboarding');
    const a = 'cv-admin-as-is';
    const b = 'cv-admin-to-be';
    const root = layoutChangesView(j, j, style, { curveA: a, curveB: b });
    const all = nodes(root);
    expect(all.some((n) => n.tag?.kind === 'curve' && n.tag.id === a)).toBe(false);
    expect(all.some((n) => n.tag?.kind === 'curve' && n.tag.id === b)).toBe(true);
    const ghost = all.find((n) => n.type === 'VECTOR' && n.key.endsWith(`/ghost/${a}`));
    expect(ghost).toBeDefined();
    const header = texts(root).find((t) => t.startsWith('Changes from '));
    expect(header).toMatch(/^Changes from .+ · .+ to .+ · .+$/);
    expect(texts(root).some((t) => /\d+ steps? better, \d+ worse, \d+ the same \(net [+−]?\d/.test(t))).toBe(true);
    expect(badges(root).size).toBe(0);
    // Only the faint curve in the key; no Removed section.
    expect(all.some((n) => n.key === 'changes/summary/key/added')).toBe(false);
    expect(all.some((n) => n.key === 'changes/removed')).toBe(false);
  });

  it('any unicode text: badges on exactly the cards whose text changed, unique keys', () => {
    fc.assert(
      fc.property(arbitrarySmallJourney(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.nat(), (older, extra, seed) => {
        const newer = structuredClone(older);
        const changed = new Set<string>();
        newer.cards.forEach((c, i) => {
          if ((seed >> (i % 16)) & 1 && !c.text.endsWith(extra)) {
            c.text = `${c.text}${extra}`;
            changed.add(c.id);
          }
        });
        newer.stages.forEach((s) => s.steps.forEach((st) => (st.name = `${st.name}${extra}`)));
        const root = layoutChangesView(older, newer, style, { labels: { from: extra, to: `${extra}²` } });
        const visible = new Set(nodes(layoutChangesView(newer, newer, style)).flatMap((n) => (n.tag?.kind === 'card' && n.type === 'FRAME' ? [n.tag.id] : [])));
        expect(new Set(badges(root).keys())).toEqual(new Set([...changed].filter((id) => visible.has(id))));
        const keys = nodes(root).map((n) => n.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(texts(root)).toContain(`Changes from ${extra} to ${extra}²`);
        const steps = older.stages.flatMap((s) => s.steps).length;
        expect(texts(root).filter((t) => t.startsWith('Renamed from “')).length).toBe(steps);
      }),
      { numRuns: 25 },
    );
  });
});
