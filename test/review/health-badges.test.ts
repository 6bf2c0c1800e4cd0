// Health badges on the map (style option healthBadges, shared/review/badges.ts and
// shared/layout/badges.ts): a badge on exactly the cards and stages the lint flags, in text and
// shape; off, the map is drawn exactly as before; the option round-trips through the stored style.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../shared/layout/layout';
import type { FrameSpec, NodeSpec } from '../../shared/layout/spec';
import type { Journey } from '../../shared/model/types';
import { BADGE_RULES, mapBadges } from '../../shared/review/badges';
import { journeyHealth } from '../../shared/review/health';
import { clearStaleStamps, markReviewed } from '../../shared/review/stamps';
import { parseStyleLeniently, parseStyleText } from '../../shared/storage/style';
import { StyleOptionsSchema } from '../../shared/style/options';
import { arbitraryJourney } from '../support/arbitrary-journey';
import { draw, example, EXAMPLE_IDS, stage, style } from '../support/map-fixture';
import { readModel } from '../../plugin/store/model-store';

/** Every badge in a layout, by what it sits in (`card:<id>`, `stage:<id>`, `header`, `legend`), with its label. */
function badgesIn(root: NodeSpec): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (n: NodeSpec, owner: string) => {
    if (n.type !== 'FRAME') return;
    const here = n.tag && ['card', 'stage', 'journey'].includes(n.tag.kind) ? (n.tag.kind === 'journey' ? 'header' : `${n.tag.kind}:${n.tag.id}`) : n.key === 'legend' ? 'legend' : owner;
    if (n.name.startsWith('Health: ')) {
      const label = n.children.find((c) => c.type === 'TEXT');
      const mark = n.children.find((c) => c.type === 'VECTOR');
      // Text and shape: a label and a triangle, in a dashed chip.
      expect(label?.type === 'TEXT' ? label.text : '').toBe(n.name.slice('Health: '.length));
      expect(mark?.name).toBe('Marker (triangle)');
      expect(n.stroke?.dash).toEqual([3, 2]);
      expect(out.has(here), `one badge in ${here}`).toBe(false);
      out.set(here, n.name.slice('Health: '.length));
      return;
    }
    for (const c of n.children) visit(c, here);
  };
  visit(root, 'map');
  return out;
}

/** What the lint flags for the map, keyed as the layout keys cards, stages and the header. */
function flagged(j: Journey): Set<string> {
  const out = new Set<string>();
  for (const f of journeyHealth(j, { today: '2026-11-30', rules: BADGE_RULES })) out.add(f.kind === 'journey' ? 'header' : `${f.kind}:${f.id}`);
  return out;
}

const shownCards = (j: Journey, st = style()) => {
  const hidden = new Set(j.lanes.filter((l) => l.hidden || st.hiddenLanes.includes(l.id) || l.type === 'emotion').map((l) => l.id));
  const steps = new Set(j.stages.flatMap((s) => s.steps.map((x) => x.id)));
  return (id: string) => {
    const c = j.cards.find((x) => x.id === id);
    return !!c && !hidden.has(c.laneId) && steps.has(c.stepId);
  };
};

/** A journey with a badge of every kind: stale journey and stage reviews, a stage without metrics, a card without owner. */
function withEveryBadge(): Journey {
  let j = example('saas-onboarding');
  j = markReviewed(markReviewed(j, {}, 'Mia', '2026-10-01'), { stageId: j.stages[1]!.id }, 'Ana', '2026-10-02');
  j.stages[2]!.metrics = [];
  const pain = new Set(j.lanes.filter((l) => l.type === 'painPoints').map((l) => l.id));
  const card = j.cards.find((c) => pain.has(c.laneId) && j.stages[1]!.steps.some((s) => s.id === c.stepId))!;
  delete card.owner;
  card.text += ' (again)';
  return clearStaleStamps(j);
}

/** Checks that the map with badges on badges exactly what the lint flags (shown cards only); returns the badges by key, legend aside. */
function expectBadgesOnFlagged(j: Journey): Map<string, string> {
  const badges = badgesIn(layoutJourney(j, style({ healthBadges: true })).root);
  expect(badges.get('legend')).toBe('No evidence');
  badges.delete('legend');
  const isShown = shownCards(j);
  const expected = [...flagged(j)].filter((k) => !k.startsWith('card:') || isShown(k.slice(5)));
  expect(new Set(badges.keys())).toEqual(new Set(expected));
  return badges;
}

describe('health badges on the map', () => {
  it('badge exactly the cards, stages and journey the lint flags, with its words', () => {
    for (const j of [...EXAMPLE_IDS.map(example), withEveryBadge()]) {
      const badges = expectBadgesOnFlagged(j);
      const words = mapBadges(j);
      for (const [key, label] of badges) {
        const kind = key.slice(0, key.indexOf(':'));
        const id = key.slice(key.indexOf(':') + 1);
        expect(label).toBe(kind === 'card' ? words.cards.get(id) : kind === 'stage' ? words.stages.get(id) : words.journey);
      }
    }
    const every = mapBadges(withEveryBadge());
    expect(every.journey).toBe('Changed since review');
    expect([...every.stages.values()].sort()).toEqual(['Changed since review', 'No metrics']);
    expect([...every.cards.values()]).toContain('No owner');
  });

  it('generated journeys (full unicode): a badge on every shown flagged card and on nothing else', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (j) => {
        expectBadgesOnFlagged(j);
      }),
      { numRuns: 40 },
    );
  });

  it('off (the default, and any stored style without the option) draws exactly what was drawn before', () => {
    for (const j2 of [...EXAMPLE_IDS.map(example), withEveryBadge()]) {
      const before = JSON.stringify(layoutJourney(j2, StyleOptionsSchema.parse({})));
      expect(JSON.stringify(layoutJourney(j2, style({ healthBadges: false })))).toBe(before);
      expect(JSON.stringify(layoutJourney(j2, parseStyleText('{"theme":"light"}')))).toBe(before);
      // On, the only difference is the badges: take them out and the rest is the same drawing.
      const on = layoutJourney(j2, style({ healthBadges: true }));
      const strip = (n: NodeSpec): NodeSpec => (n.type === 'FRAME' ? { ...n, children: n.children.filter((c) => !c.name.startsWith('Health: ') && c.key !== 'legend/health').map(strip) } : n);
      const stripped = strip(on.root) as FrameSpec;
      expect(JSON.stringify(stripped)).toBe(JSON.stringify(layoutJourney(j2, style()).root));
    }
  });

  it('round-trips through the stored style; a value this version cannot read falls back to off, keeping the rest', async () => {
    expect(parseStyleText(JSON.stringify(style({ healthBadges: true, theme: 'dark' })))).toMatchObject({ healthBadges: true, theme: 'dark' });
    expect(parseStyleLeniently({ healthBadges: 'yes', theme: 'dark' })).toMatchObject({ healthBadges: false, theme: 'dark' });
    expect(StyleOptionsSchema.parse({}).healthBadges).toBe(false);
    const s = stage();
    const { map } = await draw(s, withEveryBadge(), style({ healthBadges: true, theme: 'dark' }));
    const read = readModel(map);
    if (!read.ok) throw new Error('unreadable');
    expect(read.value.style).toMatchObject({ healthBadges: true, theme: 'dark' });
    // The badges are drawn, and are not read back as canvas edits.
    const texts = map.findAllWithCriteria({ types: ['TEXT'] }).map((t) => t.characters);
    expect(texts).toContain('Changed since review');
    expect(texts).toContain('No metrics');
    expect((await s.service.syncAsync({ nodeId: map.id, apply: false })).changes).toEqual([]);
    expect((await s.service.readSelectionAsync())?.style.healthBadges).toBe(true);
  });
});
