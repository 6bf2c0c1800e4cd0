// Cut and paste is a move (README "Sync rules"): a pasted card is a copy whose original is gone
// from the map, so it stands for the same card, keeps its id and its links. Copy with the
// original still there stays a duplicate; a copied map stays a fork.
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../shared/layout/keys';
import type { Journey } from '../../shared/model/types';
import { reconcile } from '../../shared/sync/reconcile';
import type { CanvasSnapshot } from '../../shared/sync/snapshot';
import { readModel } from '../../plugin/store/model-store';
import { applyCanvasEdit, type CanvasEdit } from '../harness/canvas-edits';
import { draw, example, stage, style } from '../support/map-fixture';
import { drawnSnapshot } from './snapshot-fixture';

/** A card with a link to it, and a cell of its lane at another step. */
function linkedCard(j: Journey) {
  const card = j.cards.find((c) => j.links.some((l) => l.from === c.id || l.to === c.id))!;
  const steps = j.stages.flatMap((s) => s.steps.map((st) => st.id));
  const other = steps.find((id) => id !== card.stepId)!;
  return { card, target: cellKey(card.laneId, other), otherStep: other };
}

/** The snapshot with a card cut and pasted into `cellId`: its frame and texts are copies with new node ids. */
function cutAndPaste(snap: CanvasSnapshot, cardId: string, cellId: string, times = 1): CanvasSnapshot {
  const frame = snap.cards.find((c) => c.id === cardId && c.original)!;
  const texts = snap.texts.filter((t) => t.cardNodeId === frame.nodeId);
  const pasted = Array.from({ length: times }, (_, k) => ({
    card: { ...frame, nodeId: `9:${k}`, original: false, cellId, index: 0 },
    texts: texts.map((t, i) => ({ ...t, nodeId: `9:${k}:${i}`, original: false, cardNodeId: `9:${k}` })),
  }));
  return {
    ...snap,
    cards: [...snap.cards.filter((c) => c !== frame), ...pasted.map((p) => p.card)],
    texts: [...snap.texts.filter((t) => t.cardNodeId !== frame.nodeId), ...pasted.flatMap((p) => p.texts)],
  };
}

describe('cut and paste on a snapshot', () => {
  it('a pasted card whose original is gone moves: same id, a move, and an adoption that keeps its id', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const { card, target } = linkedCard(journey);
    const r = reconcile(journey, style, cutAndPaste(snap, card.id, target));
    expect(r.changes.map((c) => [c.kind, c.id])).toEqual([['move', card.id]]);
    expect(r.adoptions).toEqual([{ nodeId: '9:0', fromId: card.id, toId: card.id }]);
    expect(r.journey.cards.find((c) => c.id === card.id)).toMatchObject({ laneId: card.laneId, stepId: target.split('|')[1] });
    expect(r.journey.links).toEqual(journey.links);
  });

  it('pasted back into its own cell: no change, but its nodes are adopted', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const card = journey.cards[0]!;
    const r = reconcile(journey, style, cutAndPaste(snap, card.id, cellKey(card.laneId, card.stepId)));
    expect(r.changes).toEqual([]);
    expect(r.adoptions).toEqual([{ nodeId: '9:0', fromId: card.id, toId: card.id }]);
  });

  it("the moved card's texts count as text edits", async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const { card, target } = linkedCard(journey);
    const cut = cutAndPaste(snap, card.id, target);
    const edited = { ...cut, texts: cut.texts.map((t) => (t.cardNodeId === '9:0' && t.field === 'text' ? { ...t, text: 'Edited after pasting' } : t)) };
    const r = reconcile(journey, style, edited);
    expect(r.changes.map((c) => [c.kind, c.id, c.after])).toEqual([
      ['text', card.id, 'Edited after pasting'],
      ['move', card.id, target],
    ]);
  });

  it('pasted twice: the first paste is the card, the second a duplicate', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const { card, target } = linkedCard(journey);
    const r = reconcile(journey, style, cutAndPaste(snap, card.id, target, 2));
    expect(r.changes.map((c) => [c.kind, c.id])).toEqual([
      ['move', card.id],
      ['duplicate', `${card.id}-copy`],
    ]);
  });

  it('a copy whose original is still on the map stays a duplicate; a card id not in the journey becomes a new card', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const frame = snap.cards.find((c) => c.id === journey.cards[0]!.id)!;
    const foreign = { ...frame, id: 'card-from-another-journey', nodeId: '9:9', original: false };
    const r = reconcile(journey, style, { ...snap, cards: [...snap.cards, { ...frame, nodeId: '9:8', original: false }, foreign] });
    expect(r.changes.map((c) => c.kind)).toEqual(['duplicate', 'duplicate']);
    expect(r.changes.map((c) => c.id)).toEqual([`${frame.id}-copy`, 'card-from-another-journey-copy']);
  });
});

async function drawnAndEdited(edits: CanvasEdit[], journey = example('retail-purchase')) {
  const s = stage();
  const { map } = await draw(s, journey);
  for (const e of edits) applyCanvasEdit(s.emu, map, journey, style(), e);
  await s.emu.flush();
  return { s, map, journey };
}

const storedJourney = (map: FrameNode) => {
  const r = readModel(map);
  if (!r.ok) throw new Error(r.error[0]?.message);
  return r.value.journey;
};

describe('cut and paste on the canvas, end to end', () => {
  it('a card cut and pasted into another cell keeps its id and its links, and the map settles', async () => {
    const journey = example('retail-purchase');
    const { card, otherStep } = linkedCard(journey);
    const { s, map } = await drawnAndEdited([{ op: 'cutToCell', id: card.id, laneId: card.laneId, stepId: otherStep, index: 0 }], journey);
    const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(r.changes.map((c) => [c.kind, c.id])).toEqual([['move', card.id]]);
    const j = storedJourney(map);
    expect(j.cards.find((c) => c.id === card.id)).toMatchObject({ laneId: card.laneId, stepId: otherStep });
    expect(j.cards).toHaveLength(journey.cards.length);
    expect(j.links).toEqual(journey.links);
    const again = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(again.changes).toEqual([]);
    expect(again.warnings).toEqual([]);
  });

  it('cut and pasted into its own cell, then edited: a text change only, and the map settles', async () => {
    const journey = example('retail-purchase');
    const card = journey.cards[0]!;
    const { s, map } = await drawnAndEdited([
      { op: 'cutToCell', id: card.id, laneId: card.laneId, stepId: card.stepId, index: 0 },
      { op: 'setText', id: card.id, text: 'Edited after pasting' },
    ], journey);
    const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(r.changes.map((c) => [c.kind, c.id])).toEqual([['text', card.id]]);
    expect(storedJourney(map).cards[0]).toMatchObject({ id: card.id, text: 'Edited after pasting' });
    expect((await s.service.syncAsync({ nodeId: map.id, apply: false })).changes).toEqual([]);
  });

  it('duplicating (the original stays) is still a new card', async () => {
    const journey = example('retail-purchase');
    const card = journey.cards[0]!;
    const { s, map } = await drawnAndEdited([{ op: 'duplicate', id: card.id }], journey);
    const r = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(r.changes.map((c) => [c.kind, c.id])).toEqual([['duplicate', `${card.id}-copy`]]);
  });
});
