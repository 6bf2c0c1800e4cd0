// Drawing journeys on the emulated canvas: every model element exactly once, in both editors and
// every theme; update in place with zero writes for an unchanged journey; restyle keeps content;
// validate-first failures touch nothing.
import { describe, expect, it } from 'vitest';
import { THEME_NAMES } from '../../shared/style/options';
import { MODEL_KEY, NAMESPACE, VIEW_KEY, chunkKey } from '../../shared/storage/keys';
import { readModel } from '../../plugin/store/model-store';
import { PluginError } from '../../plugin/errors';
import { ctx, draw, example, EXAMPLE_IDS, stage, style, taggedEntities, textsByKey } from '../support/map-fixture';
import type { Journey } from '../../shared/model/types';
import { layoutJourney } from '../../shared/layout/layout';
import { walk } from '../../shared/layout/spec';

function expectedEntities(j: Journey, editor: 'figma' | 'figjam'): string[] {
  const visibleLanes = j.lanes.filter((l) => !l.hidden);
  const lanes = new Set(visibleLanes.map((l) => l.id));
  const emotionLanes = visibleLanes.filter((l) => l.type === 'emotion');
  const drawnCurves = j.curves.filter((c) => emotionLanes.some((l) => l.personaId === undefined || l.personaId === c.personaId));
  return [
    ...j.personas.map((p) => `persona|${p.id}@FRAME`),
    ...j.stages.map((s) => `stage|${s.id}@FRAME`),
    ...j.stages.flatMap((s) => s.steps.map((st) => `step|${st.id}@FRAME`)),
    ...visibleLanes.map((l) => `lane|${l.id}@FRAME`),
    ...j.cards.filter((c) => lanes.has(c.laneId)).map((c) => `card|${c.id}@FRAME`),
    ...drawnCurves.map((c) => `curve|${c.id}@VECTOR`),
    // In Figma Design a link between cards is said in the cards: its first line stands for it.
    ...j.links.map((l) => `link|${l.id}@${editor === 'figjam' ? 'CONNECTOR' : linkShapes(j).get(l.id)}`),
  ];
}

/** The node type each link is drawn as in Figma Design: an arrow in the flow band, or a line of text in a card. */
function linkShapes(j: Journey): Map<string, string> {
  const out = new Map<string, string>();
  walk(layoutJourney(j, style()).root, (spec) => {
    if (spec.tag?.kind === 'link' && spec.tag.field === undefined) out.set(spec.tag.id, spec.type);
  });
  return out;
}

describe('drawing the examples', () => {
  for (const id of EXAMPLE_IDS)
    for (const editor of ['figma', 'figjam'] as const)
      for (const theme of THEME_NAMES)
        it(`${id} in ${editor}, ${theme}: every stage, step, lane, card, persona, curve and link appears exactly once`, async () => {
          const s = stage(editor);
          const j = example(id);
          const { map } = await draw(s, j, style({ theme }));
          const entities = taggedEntities(map, s.figma.currentPage).filter((e) => /^(persona|stage|step|lane|card|curve|link)\|[^|]+@/.test(e));
          expect(entities.sort()).toEqual(expectedEntities(j, editor).sort());
          expect(s.emu.errors).toEqual([]);
        });

  it("nothing inside a card overlaps; a thought's quote mark hangs in the padding, out of the flow", async () => {
    for (const density of ['comfortable', 'compact'] as const) {
      const s = stage();
      const { map } = await draw(s, example('retail-purchase'), style({ density }));
      const cards = map.findAll((n) => n.type === 'FRAME' && n.name.startsWith('Card: ')) as FrameNode[];
      expect(cards.length).toBeGreaterThan(10);
      let marks = 0;
      for (const card of cards) {
        const kids = card.children;
        for (const [i, a] of kids.entries())
          for (const b of kids.slice(i + 1)) {
            const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            expect(apart, `${card.name}: "${a.name}" overlaps "${b.name}" (${density})`).toBe(true);
          }
        const mark = kids.find((k) => k.type === 'TEXT' && k.characters === '\u201C') as TextNode | undefined;
        if (!mark) continue;
        marks++;
        expect(mark.layoutPositioning).toBe('ABSOLUTE');
        expect(mark.x + mark.width).toBeLessThanOrEqual(card.paddingLeft);
      }
      expect(marks).toBeGreaterThan(0);
    }
  });

  it('writes nothing when the same journey is drawn again', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    s.emu.resetStats();
    const again = await draw(s, j, style(), map.id);
    expect(again.map).toBe(map);
    expect(s.emu.stats().writes).toBe(0);
    expect(s.emu.stats().nodesCreated).toBe(0);
  });

  it('finds the map of the same journey on the page without a selection', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const first = await draw(s, j);
    const second = await draw(s, j);
    expect(second.map.id).toBe(first.map.id);
    // One map; the other frames are its views (test/render/views.test.ts).
    expect(s.figma.currentPage.children.filter((n) => n.type === 'FRAME' && !n.getSharedPluginData(NAMESPACE, VIEW_KEY))).toHaveLength(1);
  });

  it('never overwrites a selected map of another journey: a new map is drawn and the panel is told', async () => {
    const s = stage();
    const retail = await draw(s, example('retail-purchase'));
    const saas = example('saas-onboarding');
    const reply = await s.service.renderAsync(saas, style(), retail.map.id, ctx);
    expect(reply.nodeId).not.toBe(retail.map.id);
    expect(reply.notices[0]).toMatch(/selected map holds "Buying a sofa.*left as it is; a new map was drawn/);
    const kept = readModel(retail.map);
    expect(kept.ok && kept.value.journey.id).toBe(example('retail-purchase').id);
  });

  it('updates one card with a handful of writes and keeps every node id', async () => {
    const s = stage();
    // The map alone: the writes in views that show the card are counted in test/render/views.test.ts.
    const j = { ...example('retail-purchase'), views: [] };
    const { map } = await draw(s, j);
    const before = map.findAll().map((n) => n.id).sort();
    const edited = structuredClone(j);
    (edited.cards[3] as { text: string }).text = 'A new observation from the diary study';
    s.emu.resetStats();
    await draw(s, edited, style(), map.id);
    const stats = s.emu.stats();
    // characters + the card text's tag + the card frame's name and tag + the stored model (header +
    // 1 chunk) + the map's drawn-stamp (written last, so an interrupted render is detected): nothing else.
    expect(stats.writesByProperty.characters).toBe(1);
    expect(stats.writes).toBeLessThanOrEqual(7);
    expect(map.findAll().map((n) => n.id).sort()).toEqual(before);
    expect(textsByKey(map).get(`card:${edited.cards[3]?.id}/text`)).toBe('A new observation from the diary study');
  });

  it('deletes the nodes of removed cards, keeps its position, and keeps what a designer added by hand', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    s.emu.user.move(map, 1234, 567);
    const cell = map.findOne((n) => n.name.startsWith('Cell:')) as FrameNode;
    const note = s.emu.user.createText(map, 'Designer note') as TextNode;
    const rect = s.figma.createRectangle();
    map.appendChild(rect);
    const removed = j.cards[0]!;
    const edited = { ...j, cards: j.cards.slice(1) };
    await draw(s, edited, style(), map.id);
    expect(map.x).toBe(1234);
    expect(map.y).toBe(567);
    expect(taggedEntities(map)).not.toContain(`card|${removed.id}@FRAME`);
    expect(note.removed).toBe(false);
    expect(rect.removed).toBe(false);
    expect(cell.removed).toBe(false);
  });

  it('restyle changes colours, never content or position', async () => {
    const s = stage();
    const j = example('public-service-blueprint');
    const { map } = await draw(s, j);
    s.emu.user.move(map, 300, -200);
    const texts = textsByKey(map);
    const stored = readModel(map);
    await s.service.restyleAsync(map.id, style({ theme: 'dark', density: 'compact' }), ctx);
    expect(textsByKey(map)).toEqual(texts);
    expect([map.x, map.y]).toEqual([300, -200]);
    const after = readModel(map);
    expect(after.ok && stored.ok && after.value.journey).toEqual(stored.ok && stored.value.journey);
    expect(after.ok && after.value.style.theme).toBe('dark');
    expect((map.fills as SolidPaint[])[0]?.color).not.toEqual({ r: 1, g: 1, b: 1 });
  });

  it('is one undo step, scrolls to the map and puts a relaunch button on it', async () => {
    const s = stage();
    const { map } = await draw(s, example('retail-purchase'));
    expect(s.emu.recorders.undoCommits).toBe(1);
    expect(s.emu.recorders.scrollAndZoomIntoView.at(-1)).toEqual([map.id]);
    expect(Object.keys(map.getRelaunchData())).toEqual(['open']);
  });

  it('never forces a layout mid-render (slice length is measured by npm run bench, not here)', async () => {
    const s = stage();
    await draw(s, example('retail-purchase'));
    expect(s.emu.stats().forcedLayoutReads).toBe(0);
    expect(s.emu.stats().slices).toBeGreaterThan(1);
  });
});

describe('validate first, then draw', () => {
  it('refuses an invalid journey before touching the canvas, naming each problem', async () => {
    const s = stage();
    const nodesBefore = s.emu.nodeCount();
    const j = structuredClone(example('retail-purchase')) as unknown as { cards: { laneId: string }[] };
    j.cards[0]!.laneId = 'l-nowhere';
    const error = await s.service.renderAsync(j, style(), undefined, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).code).toBe('INVALID_JOURNEY');
    expect((error as PluginError).problems?.[0]).toMatchObject({ path: 'cards[0].laneId' });
    expect(s.emu.nodeCount()).toBe(nodesBefore);
    expect(s.emu.stats().writes).toBe(0);
  });

  it('falls back to Inter with a notice when the chosen font is missing', async () => {
    const s = stage();
    const { reply } = await draw(s, example('saas-onboarding'), style({ fontFamily: 'Comic Neue' }));
    expect(reply.notices.join(' ')).toMatch(/"Comic Neue" is not available; the map uses Inter/);
    expect(s.emu.loadedFonts().every((f) => f.family === 'Inter')).toBe(true);
  });

  it('fails with FONT_MISSING before creating a node when no usable font exists', async () => {
    const s = stage('figma', [{ family: 'Roboto', style: 'Regular' }]);
    const error = await s.service.renderAsync(example('saas-onboarding'), style(), undefined, ctx).catch((e: unknown) => e);
    expect((error as PluginError).code).toBe('FONT_MISSING');
    expect(s.emu.stats().nodesCreated).toBe(0);
  });

  it('stores a large journey compressed and split across entries under 100 kB, and reads it back whole', async () => {
    const s = stage();
    const j = structuredClone(example('retail-purchase'));
    // Incompressible text, so the model needs several chunks.
    let seed = 0x9e3779b9;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const noise = (n: number) => Array.from({ length: n }, () => String.fromCharCode(33 + (next() % 90))).join('');
    for (const card of j.cards) card.note = noise(1900);
    for (let i = 0; i < 60; i++) j.cards.push({ ...structuredClone(j.cards[0]!), id: `c-extra-${i}`, note: noise(1900) });
    const { map } = await draw(s, j);
    const stored = (key: string) => map.getSharedPluginData(NAMESPACE, key);
    const meta = JSON.parse(stored(MODEL_KEY)) as { chunks: number };
    expect(meta.chunks).toBeGreaterThan(1);
    for (let i = 0; i < meta.chunks; i++) expect(stored(chunkKey(i)).length + chunkKey(i).length + NAMESPACE.length).toBeLessThan(100_000);
    const back = readModel(map);
    expect(back.ok && back.value.journey).toEqual(j);
    // A smaller journey afterwards removes the chunks it no longer needs.
    await draw(s, example('retail-purchase'), style(), map.id);
    expect(stored(chunkKey(meta.chunks - 1))).toBe('');
  });
});
