// Drawing a map also draws its views beside it (plugin/map/views.ts), outside the map frame. Those
// writes are the plugin's own: live sync must not take them for a person's edits, or every render
// would mark every map on the page dirty and start a full live check (and a removed view frame
// would look like a deletion on the canvas).
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../shared/model/types';
import { draw, example, stage } from '../support/map-fixture';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live sync and the views drawn beside a map', { timeout: 60_000 }, () => {
  for (const editor of ['figma', 'figjam'] as const) {
    it(`counts every change of drawing, updating and removing views as the plugin's own (${editor})`, async () => {
      const s = stage(editor);
      const seen: NodeChange[] = [];
      s.figma.currentPage.on('nodechange', (e) => void seen.push(...e.nodeChanges));
      const journey = example('retail-purchase');
      expect(journey.views.length).toBeGreaterThan(1);
      /** Changes delivered since the last look that are not the plugin's own (judged against its last render, as live sync does). */
      const theirsSinceLastLook = async () => {
        await s.emu.flush();
        await sleep(400);
        await s.emu.flush();
        const batch = seen.splice(0);
        expect(batch.length).toBeGreaterThan(0);
        // A page's children reordered (the emulator reports it as `children`, which Figma's typings do not
        // list) is no edit of any map: live sync ignores property changes
        // outside every map that sync cannot read (plugin/map/sync.ts judge).
        const pageChildren = (c: NodeChange) => c.type === 'PROPERTY_CHANGE' && (c.node as BaseNode).type === 'PAGE' && (c.properties as string[]).every((p) => p === 'children');
        return { batch, theirs: batch.filter((c) => !s.service.sync.isOwnChange(c) && !pageChildren(c)).map((c) => `${c.type} ${c.id} ${c.type === "PROPERTY_CHANGE" ? `${(c.node as SceneNode).type} ${(c.node as SceneNode).name} ${c.properties.join(",")}` : ""}`) };
      };
      const { map } = await draw(s, journey);
      expect((await theirsSinceLastLook()).theirs).toEqual([]);
      // An update that changes what the views show and drops one view (its frames are removed).
      const card = journey.cards[0]!;
      const edited: Journey = { ...journey, views: journey.views.slice(1), cards: journey.cards.map((c) => (c.id === card.id ? { ...c, text: `${c.text} ✎ revised` } : c)) };
      await draw(s, edited, undefined, map.id);
      const update = await theirsSinceLastLook();
      expect(update.batch.some((c) => c.type === 'DELETE')).toBe(true);
      expect(update.theirs).toEqual([]);
      expect(s.pushes.filter((p) => p.type === 'canvasChanged')).toEqual([]);
    });
  }
});
