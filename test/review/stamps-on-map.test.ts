// Review stamps on a drawn map (emulator, the plugin's own map service): a change stored on the map
// from the panel, from an import or from the canvas clears the stamps whose content it changed,
// keeps each as lastReview, and the health list names it.
import { describe, expect, it } from 'vitest';
import { readModel } from '../../plugin/store/model-store';
import type { Journey } from '../../shared/model/types';
import { loadJourney } from '../../shared/model/envelope';
import { journeyHealth } from '../../shared/review/health';
import { reviewState } from '../../shared/review/stamps';
import { applyCanvasEdit } from '../harness/canvas-edits';
import { ctx, draw, example, stage, style } from '../support/map-fixture';

const stored = (map: FrameNode): Journey => {
  const r = readModel(map);
  if (!r.ok) throw new Error(r.error[0]?.message);
  return r.value.journey;
};
const staleTexts = (j: Journey) => journeyHealth(j, { today: '2026-11-30', rules: ['staleReview'] }).map((f) => f.text.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'));

/** A drawn map whose journey and second stage are marked reviewed. */
async function reviewedMap() {
  const s = stage();
  const { map } = await draw(s, example('retail-purchase'));
  const stageId = example('retail-purchase').stages[1]!.id;
  await s.service.markReviewedAsync(map.id, undefined, ctx);
  await s.service.markReviewedAsync(map.id, stageId, ctx);
  const j = stored(map);
  expect(reviewState(j)).toBe('current');
  expect(reviewState(j, stageId)).toBe('current');
  return { s, map, j, stageId };
}

// Each test draws a map and redraws it a few times: slow on a loaded machine.
describe('review stamps cleared where a change is stored', { timeout: 120_000 }, () => {
  it('a panel edit drawn over the map: the stale stamp is cleared, kept as lastReview, and sent back to the panel', async () => {
    const { s, map, j, stageId } = await reviewedMap();
    const draft = structuredClone(j);
    draft.stages[1]!.name = 'Pay at the till';
    const reply = await s.service.renderAsync(draft, style(), map.id, ctx);
    const after = stored(map);
    expect(after.review).toBeUndefined();
    expect(after.lastReview).toEqual(j.review);
    expect(after.stages[1]!.review).toBeUndefined();
    expect(after.stages[1]!.lastReview).toEqual(j.stages[1]!.review);
    expect(staleTexts(after)).toEqual([`Stage “Pay at the till” changed since ${j.review!.by ? `${j.review!.by} reviewed it` : 'it was reviewed'} on DAY.`, `The journey changed since ${j.review!.by ? `${j.review!.by} reviewed it` : 'it was reviewed'} on DAY.`]);
    const back = loadJourney(reply.journey);
    expect(back.ok && back.value.journey).toEqual(after);
    // Drawn again as it is stored: nothing more to settle, nothing sent back.
    expect((await s.service.renderAsync(after, style(), map.id, ctx)).journey).toBeUndefined();
    expect(reviewState(stored(map), stageId)).toBe('stale');
  });

  it('an import without stamps (a spreadsheet) keeps the map’s: unchanged parts stay reviewed, changed ones say so', async () => {
    const { s, map, j, stageId } = await reviewedMap();
    const imported = structuredClone(j);
    delete imported.review;
    for (const st of imported.stages) delete st.review;
    const other = imported.stages.find((x) => x.id !== stageId)!;
    other.name = 'Renamed in the sheet';
    await s.service.renderAsync(imported, style(), map.id, ctx, 'import');
    const after = stored(map);
    expect(reviewState(after, stageId)).toBe('current');
    expect(after.stages.find((x) => x.id === stageId)!.review).toEqual(j.stages.find((x) => x.id === stageId)!.review);
    expect(after.review).toBeUndefined();
    expect(after.lastReview).toEqual(j.review);
  });

  it('a canvas edit synced: the stamps of what it changed are cleared and listed, in the map and in the reply', async () => {
    const { s, map, j, stageId } = await reviewedMap();
    const card = j.cards.find((c) => j.stages[1]!.steps.some((st) => st.id === c.stepId))!;
    applyCanvasEdit(s.emu, map, j, style(), { op: 'setText', id: card.id, text: 'Edited on the canvas' });
    await s.emu.flush();
    const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(r.applied).toBe(true);
    const after = stored(map);
    expect(after.cards.find((c) => c.id === card.id)!.text).toBe('Edited on the canvas');
    expect(after.stages[1]!.review).toBeUndefined();
    expect(after.stages[1]!.lastReview).toEqual(j.stages[1]!.review);
    expect(after.lastReview).toEqual(j.review);
    expect(reviewState(after, stageId)).toBe('stale');
    expect(staleTexts(after)).toHaveLength(2);
    const back = loadJourney(r.journey);
    expect(back.ok && back.value.journey.stages[1]!.lastReview).toEqual(j.stages[1]!.review);
  });
});
