// Deletions are reviewed, never guessed (README "Sync rules"): only a card whose frame is gone
// while its cell is still there is deleted. A missing emotion marker, emotion lane, lane row or
// grid is redrawn by the next update; a card frame that lost its tag is kept.
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../shared/model/types';
import { reconcile } from '../../shared/sync/reconcile';
import type { CanvasSnapshot } from '../../shared/sync/snapshot';
import { readModel } from '../../plugin/store/model-store';
import { applyCanvasEdit, type CanvasEdit } from '../harness/canvas-edits';
import { draw, example, stage, style } from '../support/map-fixture';
import { drawnSnapshot, without } from './snapshot-fixture';

const retail = () => example('retail-purchase');
const cardLane = (j: Journey) => j.lanes.find((l) => l.type !== 'emotion' && j.cards.filter((c) => c.laneId === l.id).length > 1)!;
const emotionLane = (j: Journey) => j.lanes.find((l) => l.type === 'emotion')!;

/** The snapshot without a lane's row: its frame, label, cells, and every card and text in them. */
function withoutRow(snap: CanvasSnapshot, laneId: string): CanvasSnapshot {
  const inRow = (cellId: string | null | undefined) => !!cellId && cellId.startsWith(`${laneId}|`);
  const cardNodes = new Set(snap.cards.filter((c) => inRow(c.cellId)).map((c) => c.nodeId));
  return without(snap, (n) => (n.kind === 'lane' && n.id === laneId) || (n.kind === 'cell' && inRow(n.id)) || cardNodes.has(n.nodeId) || (n.cardNodeId !== undefined && cardNodes.has(n.cardNodeId)));
}

describe('deletions on a snapshot', () => {
  it('a card whose frame is gone while its cell is there is deleted', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const card = journey.cards[0]!;
    const node = snap.cards.find((c) => c.id === card.id)!.nodeId;
    const r = reconcile(journey, style, without(snap, (n) => n.nodeId === node || n.cardNodeId === node));
    expect(r.changes).toEqual([expect.objectContaining({ kind: 'delete', id: card.id })]);
    expect(r.ops).toEqual([{ op: 'deleteCard', id: card.id }]);
  });

  it('a missing emotion marker is not a change: the journey keeps the point and a warning says the update redraws it', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const curve = journey.curves[0]!;
    const step = curve.points[1]!.stepId;
    const r = reconcile(journey, style, { ...snap, points: snap.points.filter((p) => !(p.curveId === curve.id && p.stepId === step)) });
    expect(r.changes).toEqual([]);
    expect(r.ops).toEqual([]);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/cannot be deleted on the canvas.*update the map/i);
  });

  it('a missing emotion lane is not a change', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const lane = emotionLane(journey);
    const r = reconcile(journey, style, without({ ...snap, points: [] }, (n) => n.kind === 'lane' && n.id === lane.id));
    expect(r.changes).toEqual([]);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/row was deleted on the canvas; update the map to redraw it/);
  });

  it('cards whose whole row is missing are not deleted; one warning names the row', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const lane = cardLane(journey);
    const r = reconcile(journey, style, withoutRow(snap, lane.id));
    expect(r.changes).toEqual([]);
    expect(r.ops).toEqual([]);
    const rowWarnings = r.warnings.filter((w) => /row was deleted on the canvas; update the map to redraw it/.test(w.message));
    expect(rowWarnings).toHaveLength(1);
    expect(rowWarnings[0]!.message).toContain(lane.label);
  });

  it('a card frame that lost its tag but still holds the card text in its cell is not deleted (warning)', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const card = journey.cards[0]!;
    const frame = snap.cards.find((c) => c.id === card.id)!;
    const untagged: CanvasSnapshot = {
      ...snap,
      cards: snap.cards.filter((c) => c !== frame),
      // Its texts are still tagged, but no longer in a tagged card frame.
      texts: snap.texts.map((t) => (t.cardNodeId === frame.nodeId ? { kind: t.kind, id: t.id, field: t.field, text: t.text, nodeId: t.nodeId, original: t.original } : t)),
      foreign: [...snap.foreign, { nodeId: frame.nodeId, type: 'FRAME', name: 'Card', cellId: frame.cellId!, index: frame.index }],
    };
    const r = reconcile(journey, style, untagged);
    expect(r.changes).toEqual([]);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/lost its tag/);
  });
});

async function drawnAndEdited(edits: CanvasEdit[], journey = retail()) {
  const s = stage();
  const { map } = await draw(s, journey);
  for (const e of edits) applyCanvasEdit(s.emu, map, journey, style(), e);
  await s.emu.flush();
  return { s, map, journey, report: await s.service.syncAsync({ nodeId: map.id, apply: false }) };
}

const storedJourney = (map: FrameNode) => {
  const r = readModel(map);
  if (!r.ok) throw new Error(r.error[0]?.message);
  return r.value.journey;
};

describe('deletions on the canvas, end to end', () => {
  it('deleting one emotion marker keeps the point; the update redraws the marker', async () => {
    const journey = retail();
    const curve = journey.curves[0]!;
    const { s, map, report } = await drawnAndEdited([{ op: 'deleteMarker', curveId: curve.id, stepId: curve.points[1]!.stepId }], journey);
    expect(report.changes).toEqual([]);
    const applied = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(storedJourney(map).curves).toEqual(journey.curves);
    expect(applied.applied).toBe(true);
    expect((await s.service.syncAsync({ nodeId: map.id, apply: false })).warnings).toEqual([]);
  });

  it('deleting the emotion lane keeps every point', async () => {
    const journey = retail();
    const { s, map, report } = await drawnAndEdited([{ op: 'deleteRow', laneId: emotionLane(journey).id }], journey);
    expect(report.changes).toEqual([]);
    await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(storedJourney(map).curves).toEqual(journey.curves);
  });

  it('deleting a lane row keeps its cards, and the update draws the row again', async () => {
    const journey = retail();
    const lane = cardLane(journey);
    const { s, map, report } = await drawnAndEdited([{ op: 'deleteRow', laneId: lane.id }], journey);
    expect(report.changes).toEqual([]);
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/row was deleted on the canvas; update the map to redraw it/);
    await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(storedJourney(map)).toEqual(journey);
    const again = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(again.changes).toEqual([]);
    expect(again.warnings).toEqual([]);
  });

  it('deleting the grid keeps every card and point', async () => {
    const journey = retail();
    const { s, map, report } = await drawnAndEdited([{ op: 'deleteGrid' }], journey);
    expect(report.changes).toEqual([]);
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/grid was deleted on the canvas; update the map to redraw it/);
    await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(storedJourney(map)).toEqual(journey);
  });

  it('a card frame that lost its tag is kept, with a warning', async () => {
    const journey = retail();
    const card = journey.cards[0]!;
    const { report } = await drawnAndEdited([{ op: 'untagCard', id: card.id }], journey);
    expect(report.changes).toEqual([]);
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/lost its tag/);
  });

  it('a deliberately deleted card beside these is still a deletion', async () => {
    const journey = retail();
    const card = journey.cards.find((c) => c.laneId !== cardLane(journey).id)!;
    const { report } = await drawnAndEdited([{ op: 'deleteRow', laneId: cardLane(journey).id }, { op: 'delete', id: card.id }], journey);
    expect(report.changes.map((c) => [c.kind, c.id])).toEqual([['delete', card.id]]);
  });
});
