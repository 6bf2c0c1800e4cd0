// The layout a plugin keeps of the map it drew last (plugin/map/last-drawn.ts) stands for what is on
// the canvas only while the map still carries the stamp it drew: another session drawing the same
// map (two people with the plugin open on one file) must make the next update lay the stored
// journey out again, or the update would skip writes the canvas needs.
import { describe, expect, it } from 'vitest';
import { createMapService } from '../../plugin/map/service';
import type { Journey } from '../../shared/model/types';
import { ctx, draw, example, stage, style, textsByKey } from '../support/map-fixture';

const retitled = (j: Journey, cardId: string, text: string): Journey => ({ ...j, cards: j.cards.map((c) => (c.id === cardId ? { ...c, text } : c)) });

describe('the layout kept of the last drawn map', () => {
  it('is not trusted once another session has redrawn the map: the update writes what that session changed back', async () => {
    const s = stage();
    const v1 = example('retail-purchase');
    const card = v1.cards[3]!;
    const first = await draw(s, v1);
    const before = textsByKey(first.map);

    // A second session (another person with the plugin open on the same file) draws an edit.
    const other = createMapService(s.figma);
    await other.renderAsync(retitled(v1, card.id, 'Changed in another session ✍︎'), style(), first.map.id, ctx);
    await s.emu.flush();
    expect([...textsByKey(first.map).values()]).toContain('Changed in another session ✍︎');

    // This session draws v1 again: every text must be v1's, though v1 is what it last drew itself.
    const again = await draw(s, v1, style(), first.map.id);
    expect(again.reply.writes).toBeGreaterThan(0);
    expect(textsByKey(again.map)).toEqual(before);
  }, 60_000);

  it('spares laying out the stored journey again when this session drew the map last (same canvas as a fresh service)', async () => {
    const s = stage();
    const v1 = example('saas-onboarding');
    const card = v1.cards[1]!;
    const first = await draw(s, v1);
    const edited = retitled(v1, card.id, 'Edited in the panel 🧭');
    const kept = await draw(s, edited, style(), first.map.id);

    const t = stage();
    const fresh = await draw(t, v1);
    const cold = await createMapService(t.figma).renderAsync(edited, style(), fresh.map.id, ctx);
    await t.emu.flush();
    expect(kept.reply.writes).toBe(cold.writes);
    expect(textsByKey(kept.map)).toEqual(textsByKey(fresh.map));
  }, 60_000);
});
