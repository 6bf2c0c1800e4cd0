// The views for stakeholders (issue 17) as pure layouts: which cards each view shows, in which
// order, the top N with ties broken by evidence strength, the blueprint's line of visibility,
// slide names and sizes; every frame a tree the renderers can draw (unique keys, tagged root).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples/index';
import { describeCurve, toMarkdownSummary } from '../../shared/interop/markdown';
import { cellKey, entityKey } from '../../shared/layout/keys';
import { layoutJourney } from '../../shared/layout/layout';
import { walk, type FrameSpec, type NodeSpec } from '../../shared/layout/spec';
import { blueprintLanes, byOwner, plainText, DEFAULT_SLIDE, layoutView, layoutViews, rankCards, slideName } from '../../shared/layout/views/index';
import { estimateHeight } from '../../shared/layout/estimate';
import { loadJourney } from '../../shared/model/envelope';
import type { Journey, View } from '../../shared/model/types';
import { validateJourney } from '../../shared/model/validate';
import { arbitrarySmallJourney } from '../support/arbitrary-journey';
import { StyleOptionsSchema, THEME_NAMES } from '../../shared/style/options';

const style = StyleOptionsSchema.parse({});

function example(id: string): Journey {
  const ex = EXAMPLES.find((e) => e.id === id);
  const r = ex && loadJourney(ex.envelope);
  if (!r?.ok) throw new Error(`example ${id}`);
  return r.value.journey;
}

const viewOf = (j: Journey, id: string): View => {
  const v = j.views.find((x) => x.id === id);
  if (!v) throw new Error(`view ${id}`);
  return v;
};

function nodes(root: NodeSpec): NodeSpec[] {
  const all: NodeSpec[] = [];
  walk(root, (s) => all.push(s));
  return all;
}

/** Ids of the cards drawn in a tree, in drawing order. */
const cardIds = (root: NodeSpec) => nodes(root).flatMap((s) => (s.tag?.kind === 'card' && !s.tag.field ? [s.tag.id] : []));
const texts = (root: NodeSpec) => nodes(root).flatMap((s) => (s.type === 'TEXT' ? [s.text] : []));
const childKeys = (f: FrameSpec) => f.children.map((c) => c.key);
const find = (root: NodeSpec, key: string) => nodes(root).find((s) => s.key === key);

const view = (kind: View['kind'], options: Partial<View['options']> = {}, id = 'v'): View => ({ id, kind, name: 'A view', options: { personas: [], lanes: [], stages: [], ...options } });

describe('every view of every example', () => {
  for (const ex of EXAMPLES) {
    it(`${ex.id}: one tagged root per view (per stage for slides), keys unique within each frame, in every theme`, () => {
      const j = example(ex.id);
      expect(j.views.length).toBeGreaterThan(0);
      for (const theme of THEME_NAMES) {
        const frames = layoutViews(j, StyleOptionsSchema.parse({ theme }));
        for (const v of j.views) {
          const mine = frames.filter((f) => f.viewId === v.id);
          expect(mine.length, v.id).toBe(v.kind === 'stage-slides' ? j.stages.length : 1);
        }
        for (const f of frames) {
          expect(f.root.tag).toMatchObject({ kind: 'view', id: f.viewId });
          const keys = nodes(f.root).map((s) => s.key);
          expect(new Set(keys).size, `${f.root.key} has duplicate keys`).toBe(keys.length);
          expect(f.count).toBe(keys.length);
        }
        const roots = frames.map((f) => f.root.key);
        expect(new Set(roots).size).toBe(roots.length);
      }
    });
  }

  it('does not change the map: the map laid out with and without views is the same', () => {
    const j = example('retail-purchase');
    expect(layoutJourney(j, style)).toEqual(layoutJourney({ ...j, views: [] }, style));
  });
});

describe('executive summary', () => {
  const j = example('retail-purchase');
  const [frame] = layoutView(j, viewOf(j, 'v-exec'), style);

  it('shows title, objective, owner and status, the stages with their KPIs, every persona curve, and the top N of each list', () => {
    const f = frame!;
    expect(childKeys(f.root)).toEqual(['header', 'grid', 'summary/top', 'legend']);
    const t = texts(f.root);
    expect(t).toContain(j.title);
    expect(t).toContain(j.objective);
    expect(t).toContain(j.owner);
    expect(t[0]).toBe('Executive summary');
    const [named] = layoutView(j, { ...viewOf(j, 'v-exec'), name: 'For the board' }, style);
    expect(texts(named!.root)[0]).toBe('Executive summary · For the board');
    expect(named!.root.name).toBe('Executive summary: For the board');
    for (const s of j.stages) expect(t).toContain(s.name);
    // Only emotion lanes in the grid: one curve per curve of the journey, every persona.
    const grid = find(f.root, 'grid') as FrameSpec;
    const lanes = grid.children.filter((c) => c.tag?.kind === 'lane').map((c) => c.tag!.id);
    expect(lanes).toEqual(j.lanes.filter((l) => l.type === 'emotion').map((l) => l.id));
    const curves = new Set(nodes(grid).flatMap((s) => (s.tag?.kind === 'curve' ? [s.tag.id] : [])));
    expect(curves).toEqual(new Set(j.curves.map((c) => c.id)));
    const metrics = j.stages.flatMap((s) => s.metrics).filter((m) => m.target !== undefined);
    expect(metrics.length).toBeGreaterThan(0);
    // "Time to value (median): 6.5 days (target ≤ 3 days, missed)": the target with its direction.
    for (const m of metrics) expect(t.some((x) => x.startsWith(`${m.name}: `) && new RegExp(`target [≤≥] ${m.target}\\b`).test(x)), m.name).toBe(true);
  });

  it('lists the top 5 pain points and top 5 opportunities in rank order, each once, with owner and status', () => {
    const top = find(frame!.root, 'summary/top')!;
    const pains = cardIds(find(top, 'summary/painPoints')!);
    const opps = cardIds(find(top, 'summary/opportunities')!);
    expect(pains).toEqual(rankCards(j, ['painPoints']).slice(0, 5).map((r) => r.card.id));
    expect(opps).toEqual(rankCards(j, ['opportunities']).slice(0, 5).map((r) => r.card.id));
    expect(new Set([...pains, ...opps]).size).toBe(10);
    const t = texts(top);
    for (const id of [...pains, ...opps]) {
      const card = j.cards.find((c) => c.id === id)!;
      expect(t.filter((x) => x === card.text)).toHaveLength(1);
      if (card.owner) expect(t).toContain(`Owner: ${card.owner}`);
    }
  });

  it('honours top and lists fewer when there are fewer', () => {
    const [one] = layoutView(j, view('executive-summary', { top: 1 }), style);
    expect(cardIds(find(one!.root, 'summary/painPoints')!)).toEqual([rankCards(j, ['painPoints'])[0]!.card.id]);
    const all = j.cards.filter((c) => j.lanes.find((l) => l.id === c.laneId)?.type === 'painPoints').length;
    const [many] = layoutView(j, view('executive-summary', { top: 50 }), style);
    expect(cardIds(find(many!.root, 'summary/painPoints')!)).toHaveLength(all);
  });
});

describe('rankCards', () => {
  const j: Journey = {
    ...example('retail-purchase'),
    lanes: [{ id: 'p', type: 'painPoints', label: 'Pains' }],
    evidence: [
      { id: 'obs', kind: 'analytics', source: 'a', confidence: 'observed' },
      { id: 'rep', kind: 'survey', source: 'b', confidence: 'reported' },
      { id: 'ass', kind: 'link', source: 'c', confidence: 'assumed' },
    ],
    cards: [],
  };
  const step = j.stages[0]!.steps[0]!.id;
  const card = (id: string, priority: Journey['cards'][number]['priority'], evidence: string[]) => ({ id, laneId: 'p', stepId: step, text: id, evidence, ...(priority ? { priority } : {}) });

  it('orders by priority, then by the strongest evidence, then by number of sources, then in map order', () => {
    const cards = [
      card('none-unset', undefined, []),
      card('high-assumed', 'high', ['ass']),
      card('high-observed', 'high', ['obs']),
      card('critical-none', 'critical', []),
      card('high-reported-2', 'high', ['rep', 'ass']),
      card('high-reported-1', 'high', ['rep']),
      card('low-observed', 'low', ['obs']),
      card('high-observed-later', 'high', ['obs']),
    ];
    expect(rankCards({ ...j, cards }, ['painPoints']).map((r) => r.card.id)).toEqual([
      'critical-none',
      'high-observed',
      'high-observed-later',
      'high-reported-2',
      'high-reported-1',
      'high-assumed',
      'low-observed',
      'none-unset',
    ]);
  });

  it('is a total order whatever the texts and owners hold (full unicode): a permutation of the cards ranks the same', () => {
    const priorities = [undefined, 'low', 'medium', 'high', 'critical'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.string({ unit: 'binary', maxLength: 20 }), p: fc.constantFrom(...priorities), ev: fc.subarray(['obs', 'rep', 'ass']) }), { maxLength: 12 }),
        (specs) => {
          const cards = specs.map((s, i) => ({ ...card(`c${i}`, s.p, s.ev), text: s.text }));
          const ranked = rankCards({ ...j, cards }, ['painPoints']);
          expect(ranked.map((r) => r.card.id).sort()).toEqual(cards.map((c) => c.id).sort());
          // Priority descending (unset last), then evidence strength, then more sources first.
          const key = (r: (typeof ranked)[number]) => [r.card.priority ? 4 - priorities.indexOf(r.card.priority) : 4, r.evidenceRank, -r.card.evidence.length];
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [key(ranked[i - 1]!), key(ranked[i]!)];
            const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
            expect(cmp).toBeLessThanOrEqual(0);
          }
        },
      ),
    );
  });
});

describe('persona view', () => {
  it("shows Maya's persona, her curves and the lanes for everyone or for her; not Tom's", () => {
    const j = example('retail-purchase');
    const [f] = layoutView(j, viewOf(j, 'v-maya'), style);
    const tags = nodes(f!.root).map((s) => s.tag).filter((t) => t !== undefined);
    expect(tags.filter((t) => t.kind === 'persona' && !t.field).map((t) => t.id)).toEqual(['p-maya']);
    expect(new Set(tags.filter((t) => t.kind === 'curve').map((t) => t.id))).toEqual(new Set(j.curves.filter((c) => c.personaId === 'p-maya').map((c) => c.id)));
    const lanes = (find(f!.root, 'grid') as FrameSpec).children.filter((c) => c.tag?.kind === 'lane').map((c) => c.tag!.id);
    expect(lanes).toEqual(j.lanes.filter((l) => l.personaId !== 'p-tom').map((l) => l.id));
    const cards = cardIds(f!.root);
    expect(cards).toHaveLength(j.cards.filter((c) => c.laneId !== 'l-thoughts-tom').length);
    expect(cards.some((id) => j.cards.find((c) => c.id === id)!.laneId === 'l-thoughts-tom')).toBe(false);
    expect(texts(f!.root)[0]).toBe(`Persona view · ${j.personas.find((p) => p.id === 'p-maya')!.name}`);
  });
});

describe('service blueprint', () => {
  const j = example('public-service-blueprint');
  const v = viewOf(j, 'v-blueprint');
  const [f] = layoutView(j, v, style);
  const grid = find(f!.root, 'grid') as FrameSpec;

  it('draws frontstage lanes, then a labelled line of visibility, then backstage and support lanes', () => {
    const rows = grid.children.map((c) => c.key).filter((k) => k.startsWith('lane:') || k === 'view/line-of-visibility');
    expect(rows).toEqual(['lane:l-actions', 'lane:l-frontstage', 'view/line-of-visibility', 'lane:l-backstage-case', 'lane:l-backstage-it', 'lane:l-support']);
    expect(texts(find(grid, 'view/line-of-visibility')!)).toContain('Line of visibility');
    const line = find(grid, 'view/line-of-visibility/line');
    expect(line).toMatchObject({ type: 'VECTOR', stroke: { dash: [8, 6] } });
    // The line row is as wide as the lane rows: label + 1 px + the steps.
    const band = find(grid, 'view/line-of-visibility/band') as FrameSpec;
    const layout = layoutJourney(j, style);
    const mapGrid = find(layout.root, 'grid') as FrameSpec;
    expect(band.width + 1 + (find(grid, 'view/line-of-visibility/label') as FrameSpec).width).toBe(mapGrid.width);
  });

  it('shows every card of those lanes once, and links between them', () => {
    const lanes = new Set(['l-actions', 'l-frontstage', 'l-backstage-case', 'l-backstage-it', 'l-support']);
    const want = j.cards.filter((c) => lanes.has(c.laneId)).map((c) => c.id);
    expect(cardIds(f!.root).sort()).toEqual(want.sort());
    for (const id of want) expect(find(f!.root, entityKey('cell', j.cards.find((c) => c.id === id)!.laneId, j.cards.find((c) => c.id === id)!.stepId))).toBeDefined();
    expect(cellKey('a', 'b')).toBe('a|b');
  });

  it('by default takes actions and touchpoints above the line, backstage and notes below', () => {
    const { front, back } = blueprintLanes(j, view('blueprint'));
    expect(front.map((l) => l.type)).toEqual(['actions', 'touchpoints']);
    expect(back.map((l) => l.type)).toEqual(['backstage', 'backstage', 'text']);
  });
});

describe('stage slides', () => {
  it('one 1920 × 1080 frame per stage, in order, named "01 · Discover", showing only that stage', () => {
    const j = example('retail-purchase');
    const frames = layoutView(j, viewOf(j, 'v-slides'), style);
    expect(frames.map((f) => f.root.name)).toEqual(['01 · Discover', '02 · Compare', '03 · Buy', '04 · Receive', '05 · Settle in', '06 · Recommend']);
    expect(slideName(9, 'Renew')).toBe('10 · Renew');
    for (const [i, f] of frames.entries()) {
      const stage = j.stages[i]!;
      expect(f.root).toMatchObject({ width: DEFAULT_SLIDE.width, height: DEFAULT_SLIDE.height, sizingH: 'FIXED', sizingV: 'FIXED', tag: { kind: 'view', id: 'v-slides', field: stage.id } });
      const steps = new Set(stage.steps.map((s) => s.id));
      // Only lanes with cards in this stage (and the emotion lane when a curve has points here).
      const rows = (find(f.root, 'grid') as FrameSpec).children.filter((c) => c.tag?.kind === 'lane').map((c) => c.tag!.id);
      const withCards = new Set(j.cards.filter((c) => steps.has(c.stepId)).map((c) => c.laneId));
      const hasPoints = j.curves.some((c) => c.points.some((p) => steps.has(p.stepId)));
      expect(rows).toEqual(j.lanes.filter((l) => (l.type === 'emotion' ? hasPoints : withCards.has(l.id))).map((l) => l.id));
      const t = texts(f.root);
      for (const mt of stage.metrics) expect(t.some((x) => x.includes(`${mt.name}: `))).toBe(true);
      // KPIs typeset as on the map: no space before "/" or "%", the target's sign saying which way is better.
      if (stage.metrics.some((mt) => mt.id === 'm-csat-delivery')) expect(t.some((x) => x.includes('Delivery satisfaction: 3.9/5 (target ≥ 4.4/5)'))).toBe(true);
      if (stage.description) expect(t).toContain(stage.description);
      const cards = cardIds(f.root);
      expect(cards.sort()).toEqual(j.cards.filter((c) => steps.has(c.stepId)).map((c) => c.id).sort());
      // The slide's content fits: estimated (a guess on the high side) within the slide.
      const grid = find(f.root, 'grid') as FrameSpec;
      const head = find(f.root, 'slide/header')!;
      expect(64 + estimateHeight(head) + 32 + estimateHeight(grid) + 64, f.root.name).toBeLessThanOrEqual(DEFAULT_SLIDE.height);
      expect(grid.width + 128).toBeLessThanOrEqual(DEFAULT_SLIDE.width);
    }
  });

  it('uses the view’s slide size and stages', () => {
    const j = example('saas-onboarding');
    const frames = layoutView(j, view('stage-slides', { stages: ['st-renew', 'st-trial'], slide: { width: 1280, height: 720 } }), style);
    expect(frames.map((f) => [f.root.name, f.root.width, f.root.height])).toEqual([
      ['01 · Trial signup', 1280, 720],
      ['02 · Renewal', 1280, 720],
    ]);
  });
});

describe('action plan', () => {
  it('groups pain points and opportunities by owner (no owner last), ranked within each group, each card once', () => {
    const j = example('saas-onboarding');
    const [f] = layoutView(j, viewOf(j, 'v-actions'), style);
    const groups = byOwner(j);
    const owners = groups.map((g) => g.owner);
    expect(owners).toEqual([...owners].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b, 'en'))));
    expect(f!.root.children.slice(1).map((c) => c.name)).toEqual(groups.map((g) => g.owner ?? 'No owner'));
    const listed = j.cards.filter((c) => ['painPoints', 'opportunities'].includes(j.lanes.find((l) => l.id === c.laneId)!.type));
    expect(cardIds(f!.root)).toEqual(groups.flatMap((g) => g.items.map((i) => i.card.id)));
    expect(cardIds(f!.root).sort()).toEqual(listed.map((c) => c.id).sort());
    for (const g of groups) for (const i of g.items) expect(i.card.owner?.trim() || undefined).toBe(g.owner);
    const kinds = texts(f!.root).filter((t) => t === 'Pain point' || t === 'Opportunity');
    expect(kinds).toHaveLength(listed.length);
  });
});

describe('text alternative', () => {
  it("is the Markdown summary's content as plain text, with the text description of every curve, in one text node", () => {
    const j = example('retail-purchase');
    const [f] = layoutView(j, viewOf(j, 'v-text'), style);
    const body = find(f!.root, 'text/body');
    expect(body?.type).toBe('TEXT');
    const t = body?.type === 'TEXT' ? body.text : '';
    expect(t).toBe(plainText(toMarkdownSummary(j)));
    for (const c of j.curves) expect(t).toContain(describeCurve(j, c));
    for (const c of j.cards.filter((c) => ['l-pain', 'l-opps'].includes(c.laneId))) expect(t).toContain(c.text);
    expect(t.split('\n')[0]).toBe(j.title);
    expect(t).toContain(`- Objective: ${j.objective}`);
    expect(t).not.toMatch(/\*\*|^#|\| --- \|/m);
  });

  it('plainText turns tables into rows of cells and undoes the escapes', () => {
    expect(plainText('# T\n\n| A | B |\n| --- | --- |\n| x \\| y | a &lt;b&gt; &amp; c<br>d |')).toBe('T\n\nA · B\nx | y · a <b> & c / d');
  });
});

describe('a view of a persona that is gone', () => {
  it('draws nothing rather than a map of nobody', () => {
    const j = example('retail-purchase');
    expect(layoutView(j, view('persona', { personas: ['p-gone'] }), style)).toEqual([]);
  });
});

describe('any journey, any views (property, full unicode)', () => {
  it('every kind lays out: unique keys per frame, a tagged root, slides per chosen stage, the action plan lists each pain point and opportunity once', () => {
    fc.assert(
      fc.property(
        arbitrarySmallJourney(),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (base, name, seed, top) => {
          const pick = <T>(list: readonly T[], n: number) => list.filter((_, i) => (seed >> (i % 16)) & 1).slice(0, n);
          const persona = base.personas[seed % Math.max(1, base.personas.length)];
          const opts = { personas: [], lanes: pick(base.lanes.map((l) => l.id), 5), stages: pick(base.stages.map((s) => s.id), 3) };
          const views: View[] = [
            { id: 'zz-v1', kind: 'executive-summary', name, options: { ...opts, top } },
            ...(persona ? [{ id: 'zz-v2', kind: 'persona' as const, name, options: { ...opts, personas: [persona.id] } }] : []),
            { id: 'zz-v3', kind: 'blueprint', name, options: opts },
            { id: 'zz-v4', kind: 'stage-slides', name, options: { ...opts, slide: { width: 1280, height: 720 } } },
            { id: 'zz-v5', kind: 'action-plan', name, options: opts },
            { id: 'zz-v6', kind: 'text', name, options: opts },
          ];
          const j = { ...base, views };
          expect(validateJourney(j).ok).toBe(true);
          const frames = layoutViews(j, style);
          for (const f of frames) {
            const keys = nodes(f.root).map((s) => s.key);
            expect(new Set(keys).size).toBe(keys.length);
            expect(f.root.tag?.kind).toBe('view');
          }
          const slides = frames.filter((f) => f.kind === 'stage-slides');
          expect(slides.length).toBe(opts.stages.length || j.stages.length);
          for (const s of slides) expect([s.root.width, s.root.height]).toEqual([1280, 720]);
          const plan = frames.find((f) => f.kind === 'action-plan')!;
          const listed = j.cards.filter((c) => j.lanes.some((l) => l.id === c.laneId && !l.hidden && (l.type === 'painPoints' || l.type === 'opportunities')));
          expect(cardIds(plan.root).sort()).toEqual(listed.map((c) => c.id).sort());
          const summary = frames.find((f) => f.kind === 'executive-summary')!;
          expect(cardIds(find(summary.root, 'summary/painPoints')!).length).toBe(Math.min(top, rankCards(j, ['painPoints']).length));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
