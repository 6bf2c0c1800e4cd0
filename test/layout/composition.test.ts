// Issue 15, items 14 and 15: the map's composition and its links, asserted on the layout tree.
// - a service blueprint's backstage lanes sit below a labelled line of visibility;
// - persona cards fill the map's width, their sections side by side when a card is wide;
// - a card shows one line of chips at most, and that line fits the card;
// - a lane's caption does not repeat the type its label already says;
// - stage names are large enough to read at 25 % zoom;
// - in high contrast a card says its type in words (colour alone does not tell the lanes apart);
// - flow arcs are deep, their arrowheads follow the final tangent, and links between cards are said
//   at the cards, not in the step band.
import { describe, expect, it } from 'vitest';
import { textWidthBound } from '../../shared/layout/estimate';
import { childKey, entityKey } from '../../shared/layout/keys';
import { layoutJourney } from '../../shared/layout/layout';
import { labelSaysType } from '../../shared/layout/grid';
import { METRICS } from '../../shared/layout/metrics';
import { walk, type FrameSpec, type NodeSpec, type TextSpec, type VectorSpec } from '../../shared/layout/spec';
import { LANE_TYPE_TABLE } from '../../shared/model/lane-types';
import type { Journey } from '../../shared/model/types';
import { DENSITIES, THEME_NAMES } from '../../shared/style/options';
import { contrast } from '../../shared/theme/colors';
import { example, EXAMPLE_IDS, style } from '../support/map-fixture';

function index(spec: NodeSpec) {
  const byKey = new Map<string, NodeSpec>();
  const parentOf = new Map<string, FrameSpec>();
  walk(spec, (s, parent) => {
    byKey.set(s.key, s);
    if (parent) parentOf.set(s.key, parent);
  });
  return { byKey, parentOf };
}

const frameAt = (nodes: Map<string, NodeSpec>, key: string) => {
  const s = nodes.get(key);
  if (s?.type !== 'FRAME') throw new Error(`${key} is not a frame`);
  return s;
};

const gridWidthOf = (density: 'comfortable' | 'compact', j: Journey) => {
  const m = METRICS[density];
  const steps = j.stages.reduce((n, s) => n + s.steps.length, 0);
  return m.labelWidth + 1 + steps * m.columnWidth + (steps - 1);
};

describe('the line of visibility', () => {
  it('sits right above the first backstage lane of the service blueprint, labelled', () => {
    const j = example('public-service-blueprint');
    const { byKey } = index(layoutJourney(j, style()).root);
    const grid = frameAt(byKey, 'grid');
    const keys = grid.children.map((c) => c.key);
    const firstBackstage = j.lanes.find((l) => l.type === 'backstage')!;
    const at = keys.indexOf('grid/visibility');
    expect(at, 'a line of visibility').toBeGreaterThan(0);
    expect(keys[at + 1]).toBe(entityKey('lane', firstBackstage.id));
    expect((byKey.get('grid/visibility/text') as TextSpec).text).toMatch(/^Line of visibility/);
    const line = frameAt(byKey, 'grid/visibility');
    expect(line.width).toBe(gridWidthOf('comfortable', j));
    // Every lane below the line that the customer sees would be wrong; all lanes above it are frontstage.
    const above = j.lanes.slice(0, j.lanes.indexOf(firstBackstage));
    expect(above.some((l) => l.type === 'backstage')).toBe(false);
  });

  it('is drawn once, and not at all without backstage lanes or when a backstage lane comes first', () => {
    const count = (j: Journey) => {
      let n = 0;
      walk(layoutJourney(j, style()).root, (s) => {
        if (s.key === 'grid/visibility') n++;
      });
      return n;
    };
    const bp = example('public-service-blueprint');
    expect(count(bp)).toBe(1);
    expect(count(example('retail-purchase'))).toBe(0);
    const first = example('public-service-blueprint');
    first.lanes = [...first.lanes.filter((l) => l.type === 'backstage'), ...first.lanes.filter((l) => l.type !== 'backstage')];
    expect(count(first)).toBe(0);
  });
});

describe('persona cards', () => {
  it.each(DENSITIES.flatMap((d) => [1, 2, 3, 5, 9].map((n) => [d, n] as const)))('%s, %i personas: every row of cards fills the map’s width', (density, n) => {
    const j = example('retail-purchase');
    const base = j.personas[0]!;
    j.personas = Array.from({ length: n }, (_, i) => ({ ...base, id: `p${i}`, name: `Persona ${i}` }));
    j.lanes = j.lanes.map((l) => ({ ...l, personaId: undefined }));
    j.curves = j.curves.map((c) => ({ ...c, personaId: 'p0' }));
    const { byKey } = index(layoutJourney(j, style({ density })).root);
    const personas = frameAt(byKey, 'personas');
    const width = gridWidthOf(density, j);
    const cards = personas.children as FrameSpec[];
    const cardWidth = cards[0]!.width;
    expect(cards.every((c) => c.width === cardWidth)).toBe(true);
    const perRow = Math.floor((width + personas.gap!) / (cardWidth + personas.gap!));
    expect(perRow * cardWidth + (perRow - 1) * personas.gap!).toBeGreaterThan(width - perRow);
    expect(perRow * cardWidth + (perRow - 1) * personas.gap!).toBeLessThanOrEqual(width);
    // No row holds fewer cards than the next-to-last: the rows are balanced.
    expect(Math.ceil(n / perRow) * perRow - n).toBeLessThan(perRow);
    expect(cardWidth).toBeGreaterThanOrEqual(Math.min(width, METRICS[density].personaWidth));
  });

  it('a wide card sets its sections side by side', () => {
    const j = example('retail-purchase');
    const { byKey } = index(layoutJourney(j, style()).root);
    const card = frameAt(byKey, entityKey('persona', j.personas[0]!.id));
    expect(card.layout).toBe('HORIZONTAL');
    const about = frameAt(byKey, childKey(entityKey('persona', j.personas[0]!.id), 'about'));
    const goals = frameAt(byKey, childKey(entityKey('persona', j.personas[0]!.id), 'goals'));
    const inner = card.width - card.padding![1] - card.padding![3];
    expect(about.width + card.gap! + goals.width).toBeLessThanOrEqual(inner);
  });
});

describe('chips', () => {
  const chipWidth = (chip: FrameSpec) => {
    const label = chip.children[0] as TextSpec;
    return (label.sizingH === 'FIXED' ? label.width! : textWidthBound(label.text, label.size)) + chip.padding![1] + chip.padding![3];
  };

  /** A pain point with the longest priority and status and evidence from three sources. */
  function crowded(): Journey {
    const j = example('retail-purchase');
    const card = j.cards.find((c) => j.lanes.find((l) => l.id === c.laneId)?.type === 'painPoints')!;
    Object.assign(card, { priority: 'critical', status: 'in-progress', effort: 5, value: 5, evidence: j.evidence.slice(0, 3).map((e) => e.id) });
    return j;
  }

  it.each(DENSITIES)('%s: no card has more than one line of chips, and the line fits the card', (density) => {
    for (const j of [...EXAMPLE_IDS.map(example), crowded()]) {
      const { byKey } = index(layoutJourney(j, style({ density })).root);
      for (const card of j.cards) {
        const spec = frameAt(byKey, entityKey('card', card.id));
        const inner = spec.width - spec.padding![1] - spec.padding![3];
        const rows = spec.children.filter((c) => c.type === 'FRAME' && c.key === childKey(spec.key, 'chips')) as FrameSpec[];
        expect(rows.length).toBeLessThanOrEqual(1);
        const chipsOutsideRows = spec.children.filter((c) => c.type === 'FRAME' && /\/(priority|status|evidence|effort-value)$/.test(c.key));
        expect(chipsOutsideRows.length + rows.length, card.id).toBeLessThanOrEqual(1);
        const row = rows[0];
        if (!row) continue;
        expect(row.wrap, card.id).toBeFalsy();
        const chips = row.children as FrameSpec[];
        const width = chips.reduce((sum, c) => sum + chipWidth(c), 0) + (chips.length - 1) * (row.gap ?? 0);
        expect(width, `${card.id} in ${density}`).toBeLessThanOrEqual(inner);
      }
    }
  });

  it('says effort, value and evidence that does not fit in a line of text, and keeps priority and status as chips', () => {
    const j = crowded();
    const card = j.cards.find((c) => c.priority === 'critical' && c.status === 'in-progress')!;
    const { byKey } = index(layoutJourney(j, style({ density: 'compact' })).root);
    const key = entityKey('card', card.id);
    expect(byKey.has(childKey(key, 'priority'))).toBe(true);
    expect(byKey.has(childKey(key, 'status'))).toBe(true);
    expect((byKey.get(childKey(key, 'facts')) as TextSpec).text).toMatch(/^Effort 5\/5 · Value 5\/5/);
    const evidenceChip = byKey.has(childKey(key, 'evidence'));
    expect(evidenceChip || /evidence/.test((byKey.get(childKey(key, 'facts')) as TextSpec).text)).toBe(true);
  });
});

describe('lane captions', () => {
  it('do not repeat a type the label already says, and keep the persona', () => {
    const j = example('retail-purchase');
    const { byKey } = index(layoutJourney(j, style()).root);
    for (const lane of j.lanes) {
      const caption = byKey.get(childKey(entityKey('lane', lane.id), 'caption')) as TextSpec | undefined;
      const type = LANE_TYPE_TABLE[lane.type].label;
      if (labelSaysType(lane)) expect(caption?.text ?? '', lane.label).not.toContain(type);
      else expect(caption?.text, lane.label).toContain(type);
      if (lane.personaId) expect(caption?.text, lane.label).toContain(j.personas.find((p) => p.id === lane.personaId)!.name);
    }
    // "Pain points" over "Pain points" is gone; "Doing" says actions in other words.
    const pains = j.lanes.find((l) => l.label === 'Pain points')!;
    expect(byKey.has(childKey(entityKey('lane', pains.id), 'caption'))).toBe(false);
    expect(labelSaysType({ id: 'x', type: 'actions', label: 'Doing' })).toBe(true);
    expect(labelSaysType({ id: 'x', type: 'text', label: 'Support processes' })).toBe(false);
    expect(labelSaysType({ id: 'x', type: 'backstage', label: 'Behind the scenes (CS, support)' })).toBe(true);
  });
});

describe('stage names', () => {
  it.each(DENSITIES)('%s: are at least twice the size of card text and larger than step names', (density) => {
    const j = example('retail-purchase');
    const { byKey } = index(layoutJourney(j, style({ density })).root);
    const stage = byKey.get(childKey(entityKey('stage', j.stages[0]!.id), 'name')) as TextSpec;
    const step = byKey.get(childKey(entityKey('step', j.stages[0]!.steps[0]!.id), 'name')) as TextSpec;
    const card = byKey.get(childKey(entityKey('card', j.cards[0]!.id), 'text')) as TextSpec;
    expect(stage.size).toBeGreaterThanOrEqual(2 * card.size);
    expect(stage.size).toBeGreaterThanOrEqual(1.5 * step.size);
    // At 25 % zoom a 24 px name is 6 px on screen: the smallest size that still reads as a word.
    expect(stage.size * 0.25).toBeGreaterThanOrEqual(6);
  });
});

describe('card types in high contrast', () => {
  it('every card says its type in words, or wears a badge, so types differ by more than colour', () => {
    for (const id of EXAMPLE_IDS) {
      const j = example(id);
      const { byKey } = index(layoutJourney(j, style({ theme: 'high-contrast' })).root);
      for (const card of j.cards) {
        const lane = j.lanes.find((l) => l.id === card.laneId)!;
        const key = entityKey('card', card.id);
        const typeText = byKey.get(childKey(key, 'type')) as TextSpec | undefined;
        const badge = byKey.has(childKey(key, 'channel')) || byKey.has(childKey(key, 'internal'));
        expect(!!typeText !== badge, `${id} ${card.id}`).toBe(true);
        if (typeText) expect(typeText.text).toBe(LANE_TYPE_TABLE[lane.type].cardLabel);
      }
    }
  });

  it('adds nothing in the other themes', () => {
    const j = example('retail-purchase');
    for (const theme of ['light', 'dark'] as const) {
      const { byKey } = index(layoutJourney(j, style({ theme })).root);
      expect(j.cards.some((c) => byKey.has(childKey(entityKey('card', c.id), 'type')))).toBe(false);
    }
  });
});

describe('links in Figma Design', () => {
  const numbers = (path: string) => path.split(/\s+/).filter((t) => !/^[MLCZ]$/.test(t)).map(Number);

  it.each(EXAMPLE_IDS)('%s: arcs are deep and their arrowheads follow the final tangent', (id) => {
    const j = example(id);
    const vectors: VectorSpec[] = [];
    walk(layoutJourney(j, style()).root, (s) => {
      if (s.type === 'VECTOR' && s.key.startsWith('link:')) vectors.push(s);
    });
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      // Loops at least 22 px deep, forward arcs 28 (they were 12 and 18).
      expect(v.height, v.key).toBeGreaterThanOrEqual(v.path.startsWith('M 0 0') || Number(numbers(v.path)[1]) === 0 ? 22 : 28);
      const n = numbers(v.path);
      const [sx, , c1x, , c2x, c2y, ex, ey] = n as [number, number, number, number, number, number, number, number];
      // The arrowhead points along end − second control point: it leans the way the link travels.
      const dx = ex - c2x;
      expect(Math.sign(dx), v.key).toBe(Math.sign(ex - sx));
      expect(Math.abs(dx), v.key).toBeGreaterThan(0.2 * Math.abs(ey - c2y));
      expect(Math.sign(c1x - sx), v.key).toBe(Math.sign(ex - sx));
    }
  });

  it('draws a link between two cards at the cards, not in the step band', () => {
    const j = example('retail-purchase');
    const link = j.links.find((l) => j.cards.some((c) => c.id === l.from) && j.cards.some((c) => c.id === l.to))!;
    const { byKey } = index(layoutJourney(j, style()).root);
    expect(byKey.has(entityKey('link', link.id))).toBe(false);
    const from = j.cards.find((c) => c.id === link.from)!;
    const to = j.cards.find((c) => c.id === link.to)!;
    const out = byKey.get(childKey(entityKey('link', link.id), 'out')) as TextSpec;
    const back = byKey.get(childKey(entityKey('link', link.id), 'in')) as TextSpec;
    const { parentOf } = index(layoutJourney(j, style()).root);
    expect(parentOf.get(out.key)?.key).toBe(entityKey('card', from.id));
    expect(parentOf.get(back.key)?.key).toBe(entityKey('card', to.id));
    expect(out.text).toBe(`→ ${link.label}: ${to.text.slice(0, 47).trimEnd()}…`);
    expect(back.text.startsWith(`← From: ${from.text.slice(0, 20)}`)).toBe(true);
    // In FigJam the link stays a connector between the two cards, and no card repeats it.
    const jam = layoutJourney(j, style(), { editor: 'figjam' });
    expect(jam.connectors.find((c) => c.key === entityKey('link', link.id))).toMatchObject({ fromKey: entityKey('card', from.id), toKey: entityKey('card', to.id) });
    expect(index(jam.root).byKey.has(out.key)).toBe(false);
  });

  it('a link from a step to a card of its own column is said at the card', () => {
    const j = example('saas-onboarding');
    const link = j.links.find((l) => l.label === 'First sync fails')!;
    const { byKey } = index(layoutJourney(j, style()).root);
    expect(byKey.has(entityKey('link', link.id))).toBe(false);
    expect((byKey.get(childKey(entityKey('link', link.id), 'in')) as TextSpec).text).toMatch(/^← From: .* \(First sync fails\)$/);
  });

  it('the flow band holds every label however long, at its width bound', () => {
    const j = example('retail-purchase');
    const long = 'Swatch does not match the fabric on screen, so the customer goes back to browsing and orders more swatches before deciding anything at all. '.repeat(3);
    j.links = j.links.map((l) => ({ ...l, label: long }));
    for (const density of DENSITIES) {
      const { byKey } = index(layoutJourney(j, style({ density })).root);
      const band = frameAt(byKey, 'flow');
      for (const child of band.children) {
        if (child.type !== 'TEXT') continue;
        const width = child.width!;
        // Lines at most: words at their width bound, laid greedily.
        let lines = 1;
        let x = 0;
        for (const word of child.text.trim().split(' ')) {
          const w = textWidthBound(word, child.size) + textWidthBound(' ', child.size);
          if (x + w > width && x > 0) {
            lines++;
            x = 0;
          }
          x += w;
        }
        expect(child.y!, child.key).toBeGreaterThanOrEqual(0);
        expect(child.y! + lines * child.lineHeight, `${child.key} in ${density}`).toBeLessThanOrEqual(band.height);
        expect(child.x! + width).toBeLessThanOrEqual(band.width);
      }
    }
  });
});

describe('links in FigJam', () => {
  it('attach to the sides of cards that face each other, and steps at the bottom, into an empty flow band', () => {
    for (const id of EXAMPLE_IDS) {
      const j = example(id);
      const layout = layoutJourney(j, style(), { editor: 'figjam' });
      const { byKey } = index(layout.root);
      const column = new Map(j.stages.flatMap((s) => s.steps).map((s, i) => [s.id, i]));
      const cards = new Map(j.cards.map((c) => [c.id, c]));
      const colOf = (ref: string) => column.get(cards.get(ref)?.stepId ?? ref)!;
      for (const link of j.links) {
        const c = layout.connectors.find((x) => x.key === entityKey('link', link.id))!;
        const facing = (ref: string, other: string) => (colOf(other) >= colOf(ref) ? 'RIGHT' : 'LEFT');
        if (cards.has(link.from)) expect(c.fromMagnet, `${id} ${link.id}`).toBe(facing(link.from, link.to));
        if (cards.has(link.to)) expect(c.toMagnet, `${id} ${link.id}`).toBe(facing(link.to, link.from));
        if (!cards.has(link.from) && !cards.has(link.to)) expect([c.fromMagnet, c.toMagnet]).toEqual(['BOTTOM', 'BOTTOM']);
      }
      const stepLinks = j.links.some((l) => !cards.has(l.from) && !cards.has(l.to));
      const band = byKey.get('flow') as FrameSpec | undefined;
      expect(!!band, id).toBe(stepLinks);
      if (band) expect(band.children).toEqual([]);
    }
  });

  it.each(THEME_NAMES)('%s: every label has its own colour on a plate of the canvas colour, at AA contrast', (theme) => {
    for (const id of EXAMPLE_IDS) {
      for (const c of layoutJourney(example(id), style({ theme }), { editor: 'figjam' }).connectors) {
        if (!c.label) continue;
        expect(c.labelPaint && c.labelBackground, `${id} ${c.key}`).toBeTruthy();
        expect(contrast(c.labelPaint!.color, c.labelBackground!.color)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
