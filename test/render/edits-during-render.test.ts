// A person keeps working while a long update runs: between two slices (the render yields to Figma)
// they may delete or move layers of the map. The renderer reads a frame's children once and trusts
// them for the nodes it finds there only until its next yield (plugin/render/render.ts
// placeChildren), so a layer deleted or moved during any yield is still drawn back where the layout
// puts it, never written while removed.
import { describe, expect, it } from 'vitest';
import { chooseFonts, loadFontsAsync } from '../../plugin/render/fonts';
import { renderLayoutAsync } from '../../plugin/render/render';
import { readTag } from '../../plugin/render/tags';
import { layoutJourney } from '../../shared/layout/layout';
import { draw, example, stage, style } from '../support/map-fixture';

describe('layers deleted or moved while an update yields', { timeout: 60_000 }, () => {
  for (const what of ['deleted', 'moved out of its cell'] as const) {
    it(`a card ${what} right after the render drew its neighbour is drawn back in its cell`, async () => {
      const s = stage();
      const j = example('retail-purchase');
      const { map } = await draw(s, j);
      const { fonts } = chooseFonts(await s.figma.listAvailableFontsAsync(), style().fontFamily);
      await loadFontsAsync(s.figma, fonts);
      const isCard = (n: BaseNode) => /^card:[^/]+$/.test(readTag(n)?.k ?? '');
      // A cell holding two cards: the render edits the first, and the person touches the second.
      const cell = map.findAll((n) => n.type === 'FRAME' && n.children.filter(isCard).length >= 2)[0] as FrameNode;
      const [first, victim] = cell.children.filter(isCard) as [FrameNode, FrameNode];
      const firstId = readTag(first)!.k.slice('card:'.length);
      const key = readTag(victim)!.k;
      const edited = { ...j, cards: j.cards.map((c) => (c.id === firstId ? { ...c, text: `${c.text} (edited)` } : c)) };
      const firstText = first.findAll((n) => n.type === 'TEXT' && (n as TextNode).characters === j.cards.find((c) => c.id === firstId)!.text)[0] as TextNode;
      // Every pause of the render yields (the clock runs 10 ms per look); the person's edit lands in the
      // yield right after the render rewrote the first card's text, before it reaches the second card.
      let t = 0;
      let edits = 0;
      const now = () => {
        if (edits === 0 && firstText.characters.endsWith('(edited)')) {
          edits++;
          if (what === 'deleted') victim.remove();
          else map.appendChild(victim);
        }
        return (t += 10);
      };
      const before = layoutJourney(j, style(), { editor: 'figma' });
      await renderLayoutAsync(s.figma, layoutJourney(edited, style(), { editor: 'figma' }), { fonts, page: s.figma.currentPage, map, previous: before, sliceMs: 5, now });
      expect(edits).toBe(1);
      const back = map.findAll((n) => readTag(n)?.k === key && readTag(n)?.n === n.id);
      expect(back).toHaveLength(1);
      expect(back[0]!.parent?.id).toBe(cell.id);
      expect(cell.children.filter(isCard).map((n) => readTag(n)!.k)).toEqual([readTag(first)!.k, key]);
    });
  }
});
