// Property tests of the round trip (fast-check), over journeys with full-unicode text (graphemes
// of every plane, emoji with ZWJ) and, in half of the cases, look-alike ids (`e`, `e:x`, `1`…):
//  1. for generated journeys, drawing then reading back changes nothing;
//  2. for generated sequences of canvas edits (text, delete, move, cut and paste, emotion drag,
//     deleted marker), the synced journey equals the journey with those edits applied, and every
//     field not touched is unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey, parseCellKey } from '../../shared/layout/keys';
import type { Journey } from '../../shared/model/types';
import { readModel } from '../../plugin/store/model-store';
import { applyCanvasEdit, type CanvasEdit } from '../harness/canvas-edits';
import { arbitraryJourney, lookalikeIds } from '../support/arbitrary-journey';
import { draw, stage, style, type Stage } from '../support/map-fixture';

/** 500 drawn journeys take ~40 s here (2 shared cores); the edit sequences, slower, run 300. */
const ROUND_TRIP_RUNS = Number(process.env.JM_PROPERTY_RUNS ?? 500);
const EDIT_RUNS = Number(process.env.JM_PROPERTY_RUNS ?? 300);
/** JM_SEED replays a run; fast-check prints the seed of a failing one. */
const SEED = process.env.JM_SEED ? { seed: Number(process.env.JM_SEED) } : {};
const shape = { maxStages: 3, maxStepsPerStage: 3, maxLanes: 5, maxCards: 10, maxPersonas: 2, maxLinks: 3, maxEvidence: 3 };
const small = () => fc.oneof(arbitraryJourney(shape), arbitraryJourney({ ...shape, ids: lookalikeIds() }));

const drawnCards = (j: Journey) => {
  const lanes = new Set(j.lanes.filter((l) => !l.hidden && l.type !== 'emotion').map((l) => l.id));
  return j.cards.filter((c) => lanes.has(c.laneId));
};

const drawnPoints = (j: Journey) => {
  const emotion = j.lanes.filter((l) => !l.hidden && l.type === 'emotion');
  return j.curves
    .filter((c) => emotion.some((l) => l.personaId === undefined || l.personaId === c.personaId))
    .flatMap((c) => c.points.map((p) => ({ curveId: c.id, stepId: p.stepId })));
};

const cellsOf = (j: Journey) =>
  j.lanes.filter((l) => !l.hidden && l.type !== 'emotion').flatMap((l) => j.stages.flatMap((s) => s.steps.map((st) => cellKey(l.id, st.id))));

const cardText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .map((s) => s.replace(/[\u0000-\u001f\u2028\u2029]/g, ' ').trim())
  .filter((s) => s.length > 0);

/** Edits that only make sense for this journey: they address its drawn cards, cells and points. */
function arbitraryEdits(j: Journey): fc.Arbitrary<CanvasEdit[]> {
  const cards = drawnCards(j).map((c) => c.id);
  const cells = cellsOf(j);
  const points = drawnPoints(j);
  const options: fc.Arbitrary<CanvasEdit>[] = [];
  if (cards.length) {
    options.push(fc.record({ op: fc.constant('setText' as const), id: fc.constantFrom(...cards), text: cardText }));
    options.push(fc.record({ op: fc.constant('delete' as const), id: fc.constantFrom(...cards) }));
    if (cells.length > 1)
      options.push(
        // To any cell, its own included (a reorder): `index` is the place among the other cards.
        fc.record({ op: fc.constantFrom('moveToCell' as const, 'cutToCell' as const), id: fc.constantFrom(...cards), cell: fc.constantFrom(...cells), index: fc.nat(4) }).map(({ op, id, cell, index }) => {
          const { laneId, stepId } = parseCellKey(cell)!;
          return { op, id, laneId, stepId, index };
        }),
      );
  }
  if (points.length) {
    options.push(
      fc.record({ p: fc.constantFrom(...points), value: fc.integer({ min: j.emotionScale.min, max: j.emotionScale.max }) }).map(({ p, value }) => ({ op: 'moveEmotion' as const, curveId: p.curveId, stepId: p.stepId, value })),
    );
    options.push(fc.constantFrom(...points).map((p) => ({ op: 'deleteMarker' as const, curveId: p.curveId, stepId: p.stepId })));
  }
  return options.length ? fc.array(fc.oneof(...options), { minLength: 1, maxLength: 6 }) : fc.constant([]);
}

/** The journey a designer means after these edits, computed on the model alone. */
function expectedAfter(j: Journey, edits: readonly CanvasEdit[]): Journey {
  const out = structuredClone(j);
  const drawn = new Set(drawnCards(j).map((c) => c.id));
  const canvas = new Map<string, string[]>(cellsOf(j).map((cell) => [cell, []]));
  for (const c of j.cards) if (drawn.has(c.id)) canvas.get(cellKey(c.laneId, c.stepId))?.push(c.id);
  const cellOf = (id: string) => [...canvas].find(([, ids]) => ids.includes(id))?.[0];
  const deleted = new Set<string>();
  const texts = new Map<string, string>();
  for (const e of edits) {
    if (e.op === 'setText' && !deleted.has(e.id)) texts.set(e.id, e.text);
    if (e.op === 'delete' && !deleted.has(e.id)) {
      deleted.add(e.id);
      const cell = cellOf(e.id);
      if (cell) canvas.set(cell, canvas.get(cell)!.filter((x) => x !== e.id));
    }
    // Cut and paste is a move (README "Sync rules"); a deleted marker changes nothing.
    if ((e.op === 'moveToCell' || e.op === 'cutToCell') && !deleted.has(e.id)) {
      const from = cellOf(e.id)!;
      canvas.set(from, canvas.get(from)!.filter((x) => x !== e.id));
      const list = canvas.get(cellKey(e.laneId, e.stepId))!;
      list.splice(Math.min(e.index ?? list.length, list.length), 0, e.id);
    }
    if (e.op === 'moveEmotion') {
      const point = out.curves.find((c) => c.id === e.curveId)?.points.find((p) => p.stepId === e.stepId);
      if (point) point.value = e.value;
    }
  }
  out.cards = out.cards.filter((c) => !deleted.has(c.id));
  out.links = out.links.filter((l) => !deleted.has(l.from) && !deleted.has(l.to));
  for (const c of out.cards) {
    if (!drawn.has(c.id)) continue;
    const text = texts.get(c.id);
    if (text !== undefined && text.replace(/\r\n?/g, '\n') !== c.text.replace(/\r\n?/g, '\n')) c.text = text;
    const { laneId, stepId } = parseCellKey(cellOf(c.id)!)!;
    c.laneId = laneId;
    c.stepId = stepId;
  }
  // Within each cell, cards take the canvas order in the array slots the cell's cards hold.
  for (const [cell, ids] of canvas) {
    const slots = out.cards.map((c, i) => (cellKey(c.laneId, c.stepId) === cell && drawn.has(c.id) ? i : -1)).filter((i) => i >= 0);
    const byId = new Map(out.cards.map((c) => [c.id, c]));
    slots.forEach((slot, k) => (out.cards[slot] = byId.get(ids[k]!)!));
  }
  return out;
}

/**
 * Applies the edits a person could make in this order: none on a card already deleted, and no
 * deleting of a marker already dragged (its move would be lost with it). Edits that address a node
 * no longer on the canvas (a marker deleted in every lane) are skipped. Returns those applied.
 */
function applyEdits(s: Stage, map: FrameNode, journey: Journey, edits: readonly CanvasEdit[]): CanvasEdit[] {
  const done: CanvasEdit[] = [];
  const gone = new Set<string>();
  const dragged = new Set<string>();
  for (const e of edits) {
    if ('id' in e && gone.has(e.id)) continue;
    if (e.op === 'deleteMarker' && dragged.has(cellKey(e.curveId, e.stepId))) continue;
    try {
      applyCanvasEdit(s.emu, map, journey, style(), e);
    } catch (error) {
      if ((error as Error).message.startsWith('no node on the canvas matches')) continue;
      throw error;
    }
    if (e.op === 'delete') gone.add(e.id);
    if (e.op === 'moveEmotion') dragged.add(cellKey(e.curveId, e.stepId));
    done.push(e);
  }
  return done;
}

const storedJourney = (map: FrameNode) => {
  const r = readModel(map);
  if (!r.ok) throw new Error(r.error[0]?.message);
  return r.value.journey;
};

describe('round-trip properties', () => {
  it(`draw then read back gives the same journey (${ROUND_TRIP_RUNS} generated journeys)`, async () => {
    await fc.assert(
      fc.asyncProperty(small(), async (journey) => {
        const s = stage();
        const { map } = await draw(s, journey);
        const back = await s.service.syncAsync({ nodeId: map.id, apply: false });
        expect(back.changes).toEqual([]);
        expect(back.warnings).toEqual([]);
        expect(storedJourney(map)).toEqual(journey);
        expect(back.journey).toEqual(journey);
      }),
      { numRuns: ROUND_TRIP_RUNS, timeout: 20_000, ...SEED },
    );
  }, 240_000);

  it(`canvas edits sync to exactly the edited journey (${EDIT_RUNS} generated edit sequences)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        small().chain((j) => fc.tuple(fc.constant(j), arbitraryEdits(j))),
        async ([journey, edits]) => {
          const s = stage();
          const { map } = await draw(s, journey);
          const done = applyEdits(s, map, journey, edits);
          await s.emu.flush();
          const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
          expect(r.applied).toBe(true);
          expect(storedJourney(map)).toEqual(expectedAfter(journey, done));
          // And the canvas now agrees with the journey.
          expect((await s.service.syncAsync({ nodeId: map.id, apply: false })).changes).toEqual([]);
        },
      ),
      { numRuns: EDIT_RUNS, timeout: 20_000, ...SEED },
    );
  }, 240_000);
});
