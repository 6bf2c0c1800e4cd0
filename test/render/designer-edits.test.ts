// Updating a map a designer has worked on in Figma: texts restyled with other fonts, maps moved
// into sections, vectors fitted by whatever rule Figma uses, change events delivered late.
// Sources: writing characters needs every font in the node loaded, and `hasMissingFont` is a font
// the editor lacks (https://developers.figma.com/docs/plugins/working-with-text); sections exist in
// both editors (typings: figma.createSection); vectors are re-fitted to their geometry
// (https://developers.figma.com/docs/plugins/api/VectorNode/); nodechange is delivered
// "periodically" (typings: PageNode nodechange).
import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../shared/layout/layout';
import { walk, type VectorSpec } from '../../shared/layout/spec';
import type { PluginError } from '../../plugin/errors';
import { readTag } from '../../plugin/render/tags';
import { draw, example, stage, style } from '../support/map-fixture';

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PluginError);
const textOfCard = (map: FrameNode, cardId: string) => map.findOne((n) => n.type === 'TEXT' && readTag(n)?.k === `card:${cardId}/text`) as TextNode;
const ROBOTO_BOLD = { family: 'Roboto', style: 'Bold' };

describe('texts a designer restyled', () => {
  it('a card whose words are in another font is rewritten after loading that font', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const card = j.cards[1]!;
    s.emu.user.setRangeFontName(textOfCard(map, card.id), 0, 3, ROBOTO_BOLD);
    const edited = structuredClone(j);
    edited.cards[1]!.text = 'Rewritten after the workshop';
    await draw(s, edited, style(), map.id);
    expect(textOfCard(map, card.id).characters).toBe('Rewritten after the workshop');
    expect(s.emu.loadedFonts()).toContainEqual(ROBOTO_BOLD);
  });

  it('a text retyped and restyled on the canvas keeps its styling when sync brings the words into the journey', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const card = j.cards[1]!;
    const text = textOfCard(map, card.id);
    s.emu.user.setText(text, 'Compares prices on her phone');
    s.emu.user.setRangeFontName(text, 0, 8, ROBOTO_BOLD);
    await s.emu.flush();
    const synced = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(synced.applied).toBe(true);
    expect(text.characters).toBe('Compares prices on her phone');
    expect(text.getRangeFontName(0, 8)).toEqual(ROBOTO_BOLD);
    expect(text.fontName).toBe(s.figma.mixed);
  });

  it('a font the file lacks is named, with its card, before anything is written', async () => {
    const brand = { family: 'Brand Sans', style: 'Bold' };
    const s = stage('figma', undefined, { missingFonts: [brand] });
    const j = example('saas-onboarding');
    const { map } = await draw(s, j);
    const card = j.cards[0]!;
    s.emu.user.setRangeFontName(textOfCard(map, card.id), 0, 2, brand);
    const edited = structuredClone(j);
    edited.cards[0]!.text = 'A new text';
    edited.title = 'A new title';
    s.emu.resetStats();
    const error = await errorOf(s.service.renderAsync(edited, style(), map.id, { requestId: 't', progress: () => {} }));
    expect(error?.code).toBe('FONT_MISSING');
    expect(error?.message).toContain(`card "${card.text.slice(0, 20)}`);
    expect(error?.message).toContain('"Brand Sans Bold"');
    expect(error?.message).toMatch(/Nothing was changed/);
    expect(s.emu.stats().writes).toBe(0);
  });
});

describe('maps in sections', () => {
  it('a map moved into a section is found, updated where it is and stays in the section', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const { map } = await draw(s, j);
    const section = s.figma.createSection();
    section.name = 'Onboarding research';
    section.resizeWithoutConstraints(6000, 4000);
    s.emu.user.moveInto(section, map);
    const at = [map.x, map.y];
    const edited = structuredClone(j);
    edited.title = 'Onboarding, second round';
    const reply = await s.service.renderAsync(edited, style(), undefined, { requestId: 't', progress: () => {} });
    expect(reply.nodeId).toBe(map.id);
    expect(map.parent).toBe(section);
    expect([map.x, map.y]).toEqual(at);
    expect(s.figma.currentPage.findAll((n) => readTag(n)?.k === 'map')).toHaveLength(1);
  });
});

describe.each(['control-points', 'tight', 'vertices'] as const)('vectors fitted by the %s rule', (vectorFit) => {
  it('every link arc and emotion curve is drawn where the layout puts it', async () => {
    const s = stage('figma', undefined, { vectorFit });
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const specs = new Map<string, VectorSpec>();
    walk(layoutJourney(j, style(), { editor: 'figma' }).root, (spec) => {
      if (spec.type === 'VECTOR' && spec.x !== undefined) specs.set(spec.key, spec);
    });
    let checked = 0;
    for (const v of map.findAll((n) => n.type === 'VECTOR') as VectorNode[]) {
      const spec = specs.get(readTag(v)?.k ?? '');
      if (!spec) continue;
      const nums = spec.path.split(/\s+/).filter((t) => !/^[MLCZ]$/.test(t)).map(Number);
      const first = v.vectorNetwork.vertices[0]!;
      expect([v.x + first.x, v.y + first.y], v.name).toEqual([expect.closeTo(spec.x! + nums[0]!, 1), expect.closeTo(spec.y! + nums[1]!, 1)]);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('cut and paste before any sync', () => {
  it('Update map adopts a pasted card instead of drawing it twice, and the next sync finds nothing', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const card = j.cards[4]!;
    const frame = map.findOne((n) => n.type === 'FRAME' && readTag(n)?.t?.[0] === 'card' && readTag(n)?.t?.[1] === card.id && readTag(n)?.t?.length === 2) as FrameNode;
    const cell = frame.parent as FrameNode;
    const pasted = s.emu.user.cutAndPaste(frame, { parent: cell }) as FrameNode;
    expect(pasted.id).not.toBe(frame.id);
    await s.emu.flush();
    const edited = structuredClone(j);
    edited.title = `${j.title} (v2)`;
    await draw(s, edited, style(), map.id);
    const frames = map.findAll((n) => n.type === 'FRAME' && readTag(n)?.t?.[0] === 'card' && readTag(n)?.t?.[1] === card.id && readTag(n)?.t?.length === 2);
    expect(frames).toEqual([pasted]);
    expect(readTag(pasted)?.n).toBe(pasted.id);
    const check = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(check.changes).toEqual([]);
  });
});

describe('live sync never applies a deletion unseen', () => {
  it('an apply that may not delete is held back when the canvas now has a deletion', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const { map } = await draw(s, j);
    const frame = map.findOne((n) => n.type === 'FRAME' && readTag(n)?.t?.[0] === 'card' && readTag(n)?.t?.length === 2) as FrameNode;
    s.emu.user.remove(frame);
    await s.emu.flush();
    const result = await s.service.syncAsync({ nodeId: map.id, apply: true, allowDeletions: false });
    expect(result.applied).toBe(false);
    expect(result.changes.map((c) => c.kind)).toContain('delete');
    const again = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(again.changes.map((c) => c.kind)).toContain('delete');
  });
});
