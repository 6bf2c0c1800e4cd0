// A drawn map read back as a plain CanvasSnapshot, for tests of reconcile's decisions on data: a
// test edits the snapshot as a canvas edit would, then calls reconcile directly.
import { readSnapshotAsync } from '../../plugin/readback/snapshot';
import type { Journey } from '../../shared/model/types';
import type { StyleOptions } from '../../shared/style/options';
import type { CanvasSnapshot } from '../../shared/sync/snapshot';
import { draw, example, stage, style } from '../support/map-fixture';

export interface DrawnSnapshot {
  journey: Journey;
  style: StyleOptions;
  snap: CanvasSnapshot;
}

export async function drawnSnapshot(journey: Journey = example('retail-purchase'), st: StyleOptions = style()): Promise<DrawnSnapshot> {
  const s = stage();
  const { map } = await draw(s, journey, st);
  return { journey, style: st, snap: await readSnapshotAsync(map) };
}

/** The snapshot without the nodes `drop` names (as if a designer deleted them). */
export function without(snap: CanvasSnapshot, drop: (node: { nodeId: string; kind?: string; id?: string; cardNodeId?: string }) => boolean): CanvasSnapshot {
  return {
    ...snap,
    texts: snap.texts.filter((t) => !drop(t)),
    cards: snap.cards.filter((c) => !drop({ ...c, kind: 'card' })),
    points: snap.points.filter((p) => !drop({ ...p, kind: 'point', id: p.curveId })),
    foreign: snap.foreign.filter((f) => !drop(f)),
    tagged: snap.tagged.filter((t) => !drop(t)),
  };
}
