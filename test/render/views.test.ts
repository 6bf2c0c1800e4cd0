// Views for stakeholders drawn by the plugin beside the map (issue 17): one frame per view (per
// stage for slides) in the map's parent, right of the map and clear of it and of each other; the
// same tree the pure layout gives; kept current on every render, 0 writes when nothing changed;
// a one-card edit writes only in the views that show that card; views dropped from the journey
// are removed; a view frame is never read as a map.
import { describe, expect, it } from 'vitest';
import { layoutViews } from '../../shared/layout/views/index';
import type { Journey } from '../../shared/model/types';
import { THEME_NAMES } from '../../shared/style/options';
import { drawViewsAsync, orphanViewsAsync, viewFramesOf } from '../../plugin/map/views';
import { chooseFonts } from '../../plugin/render/fonts';
import { readTag, findTagged } from '../../plugin/render/tags';
import { mapOf } from '../../plugin/store/model-store';
import { draw, example, EXAMPLE_IDS, stage, style } from '../support/map-fixture';

/** A node's box in the map's parent: a view frame in FigJam sits in a Section there. */
function box(n: SceneNode) {
  const p = n.parent?.type === 'SECTION' ? n.parent : null;
  return { x: n.x + (p?.x ?? 0), y: n.y + (p?.y ?? 0), w: n.width, h: n.height };
}
function apart(a: SceneNode, b: SceneNode) {
  const [p, q] = [box(a), box(b)];
  return p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
}

/** Card ids drawn in a frame (originals). */
const cardsIn = (frame: FrameNode) =>
  findTagged(frame)
    .map((n) => readTag(n))
    .flatMap((t) => (t?.t?.[0] === 'card' && t.t.length === 2 ? [t.t[1]] : []))
    .sort();

describe('views drawn beside the map', () => {
  for (const id of EXAMPLE_IDS)
    for (const editor of ['figma', 'figjam'] as const)
      it(`${id} in ${editor}: every view frame, named, beside the map and clear of everything; drawn again with 0 writes`, async () => {
        const s = stage(editor);
        const j = example(id);
        const { map } = await draw(s, j);
        const page = s.figma.currentPage;
        const frames = [...viewFramesOf(page, map.id).values()];
        const expected = layoutViews(j, style());
        expect(frames.map((f) => f.name)).toEqual(expected.map((f) => f.root.name));
        for (const [i, f] of frames.entries()) {
          if (editor === 'figma') expect(f.parent).toBe(map.parent);
          else {
            // FigJam: in a Section named like the view, in the map's parent, that holds the frame whole.
            const section = f.parent as SectionNode;
            expect(section.type).toBe('SECTION');
            expect(section.parent).toBe(map.parent);
            const view = j.views.find((v) => v.id === readTag(f)?.t?.[1])!;
            expect(section.name).toBe(view.kind === 'stage-slides' ? view.name : f.name);
            expect(f.x).toBeGreaterThanOrEqual(0);
            expect(f.y).toBeGreaterThanOrEqual(0);
            expect(f.x + f.width).toBeLessThanOrEqual(section.width);
            expect(f.y + f.height).toBeLessThanOrEqual(section.height);
          }
          expect(box(f).x).toBeGreaterThanOrEqual(map.x + map.width);
          expect(apart(f, map), `${f.name} overlaps the map`).toBe(true);
          for (const g of frames.slice(i + 1)) expect(apart(f, g), `${f.name} ${JSON.stringify(box(f))} overlaps ${g.name} ${JSON.stringify(box(g))}`).toBe(true);
          // Never read as a map (sync reads maps only), and tagged as a view.
          expect(mapOf(f)).toBeNull();
          expect(readTag(f)?.t?.[0]).toBe('view');
          const spec = expected[i]!;
          const want: string[] = [];
          const walk = (n: (typeof spec)['root']['children'][number]) => {
            if (n.tag?.kind === 'card' && n.tag.field === undefined) want.push(n.tag.id);
            if (n.type === 'FRAME') n.children.forEach(walk);
          };
          walk(spec.root);
          expect(cardsIn(f)).toEqual(want.sort());
        }
        for (const slide of frames.filter((f) => readTag(f)?.t?.[2] !== undefined)) expect([slide.width, slide.height]).toEqual([1920, 1080]);
        if (editor === 'figjam') {
          const sections = page.children.filter((n) => n.type === 'SECTION');
          expect(sections).toHaveLength(j.views.length);
          for (const [i, a] of sections.entries()) for (const b of sections.slice(i + 1)) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.name} overlaps ${b.name}`).toBe(true);
        }
        expect(s.emu.errors).toEqual([]);
        s.emu.resetStats();
        await draw(s, j, style(), map.id);
        expect(s.emu.stats().writes).toBe(0);
        expect([...viewFramesOf(page, map.id).values()].map((f) => f.id)).toEqual(frames.map((f) => f.id));
      }, 30_000);

  it('follows the theme on restyle, in place', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const { map } = await draw(s, j);
    const ids = [...viewFramesOf(s.figma.currentPage, map.id).values()].map((f) => f.id);
    for (const theme of THEME_NAMES) {
      await s.service.restyleAsync(map.id, style({ theme }), { requestId: 'r', progress: () => {} });
      const frames = [...viewFramesOf(s.figma.currentPage, map.id).values()];
      expect(frames.map((f) => f.id)).toEqual(ids);
      expect(s.emu.errors).toEqual([]);
    }
  }, 30_000);

  it('a one-card edit writes only in the views that show that card', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const { map } = await draw(s, j);
    const page = s.figma.currentPage;
    // A thought of the admin: in the map, the persona view of the admin (Dana), the slide of its stage and the text alternative; not in the summary or the action plan.
    const card = j.cards.find((c) => c.laneId === 'l-thoughts-admin')!;
    const edited: Journey = { ...j, cards: j.cards.map((c) => (c.id === card.id ? { ...c, text: 'A new thought from the diary study' } : c)) };
    const stageId = j.stages.find((st) => st.steps.some((x) => x.id === card.stepId))!.id;
    const { fonts } = chooseFonts(await s.figma.listAvailableFontsAsync(), style().fontFamily);
    const result = await drawViewsAsync(s.figma, { map, mapBox: { x: map.x, y: map.y, width: map.width }, journey: edited, style: style(), fonts, page, previous: { journey: j, style: style() } });
    const slides = [...viewFramesOf(page, map.id).values()].filter((f) => readTag(f)?.t?.[1] === 'v-slides');
    expect(slides.length).toBe(j.stages.length);
    // A frame that shows the card: its text, the text's tag, the card frame's name and tag, and the
    // frame's stamp. Frames that do not show it: nothing.
    const perView = (viewId: string) => result.writesByView.get(viewId);
    expect(perView('v-exec')).toBe(0);
    expect(perView('v-actions')).toBe(0);
    // Thoughts are not in the Markdown summary, so not in the text alternative.
    expect(perView('v-text')).toBe(0);
    expect(perView('v-admin')).toBeGreaterThan(1);
    expect(perView('v-admin')).toBeLessThanOrEqual(5);
    expect(perView('v-slides')).toBe(perView('v-admin'));
    expect(result.writes).toBe(2 * perView('v-admin')!);
    const slide = slides.find((f) => readTag(f)?.t?.[2] === stageId)!;
    expect(slide.findAll((n) => n.type === 'TEXT' && n.characters === 'A new thought from the diary study')).toHaveLength(1);
  }, 30_000);

  it('removes the frames of views dropped from the journey, and draws new ones', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const page = s.figma.currentPage;
    const before = viewFramesOf(page, map.id);
    const fewer: Journey = { ...j, views: j.views.filter((v) => v.kind !== 'stage-slides') };
    await draw(s, fewer, style(), map.id);
    const after = viewFramesOf(page, map.id);
    expect(page.children.filter((n) => n.type === 'SECTION')).toHaveLength(0);
    expect(after.size).toBe(before.size - j.stages.length);
    for (const [key, node] of after) expect(before.get(key)?.id).toBe(node.id);
    const more: Journey = { ...fewer, views: [...fewer.views, { id: 'v-plan', kind: 'action-plan', name: 'Weekly review', options: { personas: [], lanes: [], stages: [] } }] };
    await draw(s, more, style(), map.id);
    const last = viewFramesOf(page, map.id);
    expect(last.size).toBe(after.size + 1);
    expect([...last.values()].at(-1)?.name).toBe('Action plan: Weekly review');
    expect(s.emu.errors).toEqual([]);
  }, 30_000);

  it('views of a deleted map are reported, not silently left stale', async () => {
    const s = stage();
    const j = example('public-service-blueprint');
    const { map } = await draw(s, j);
    const page = s.figma.currentPage;
    expect(await orphanViewsAsync(s.figma, page)).toEqual([]);
    const names = [...viewFramesOf(page, map.id).values()].map((f) => f.name);
    s.emu.user.remove(map);
    await s.emu.flush();
    expect(await orphanViewsAsync(s.figma, page)).toEqual(names);
    // Drawing the journey again draws a new map with its own views, and says what was left behind.
    const { reply } = await draw(s, j);
    expect(reply.notices.join(' ')).toContain(`${names.length} view frames on this page belong to a map that was deleted, so they are no longer updated: "Service blueprint"`);
  }, 30_000);
});
