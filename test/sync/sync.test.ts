// Canvas -> JSON sync on the emulated canvas: every edit kind a designer makes, duplicated maps,
// conflicts with the panel's draft, edits made while the plugin was closed, REMOTE edits, and the
// plugin's own writes never echoing back.
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../shared/model/types';
import { readModel } from '../../plugin/store/model-store';
import { rawTag } from '../../plugin/render/tags';
import { applyCanvasEdit, type CanvasEdit } from '../harness/canvas-edits';
import { draw, example, stage, style, type Stage } from '../support/map-fixture';
import { createMapService } from '../../plugin/map/service';
import { generateJourney, SIZES } from '../bench/generate';

async function drawn(id = 'retail-purchase') {
  const s = stage();
  const journey = example(id);
  const { map } = await draw(s, journey);
  return { s, journey, map };
}

async function editAndSync(s: Stage, map: FrameNode, journey: Journey, edits: CanvasEdit[], apply = true) {
  for (const e of edits) applyCanvasEdit(s.emu, map, journey, style(), e);
  await s.emu.flush();
  return s.service.syncAsync({ nodeId: map.id, apply });
}

const stored = (map: FrameNode): Journey => {
  const r = readModel(map);
  if (!r.ok) throw new Error(r.error[0]?.message);
  return r.value.journey;
};

describe('sync: each canvas edit', () => {
  it('reports changes before applying them, and applies nothing until asked', async () => {
    const { s, journey, map } = await drawn();
    const card = journey.cards[0]!;
    const result = await editAndSync(s, map, journey, [{ op: 'setText', id: card.id, text: 'Edited on canvas' }], false);
    expect(result.applied).toBe(false);
    expect(result.changes).toEqual([expect.objectContaining({ kind: 'text', id: card.id, field: 'text', after: 'Edited on canvas' })]);
    expect(stored(map).cards[0]!.text).toBe(card.text);
  });

  it('text edited in a card, a step, a lane label, a persona and the header', async () => {
    const { s, journey, map } = await drawn();
    const r = await editAndSync(s, map, journey, [
      { op: 'setText', id: journey.cards[2]!.id, text: 'Card text from canvas' },
      { op: 'setText', kind: 'step', id: journey.stages[0]!.steps[0]!.id, field: 'name', text: 'Renamed step' },
      { op: 'setText', kind: 'lane', id: journey.lanes[0]!.id, text: 'What they do' },
      { op: 'setText', kind: 'persona', id: journey.personas[0]!.id, field: 'goals', text: '• First goal\n• Second goal' },
      { op: 'setText', kind: 'journey', id: journey.id, field: 'title', text: 'A new title' },
      { op: 'setText', kind: 'journey', id: journey.id, field: 'status', text: 'live' },
    ]);
    expect(r.applied).toBe(true);
    const j = stored(map);
    expect(j.cards[2]!.text).toBe('Card text from canvas');
    expect(j.stages[0]!.steps[0]!.name).toBe('Renamed step');
    expect(j.lanes[0]!.label).toBe('What they do');
    expect(j.personas[0]!.goals).toEqual(['First goal', 'Second goal']);
    expect(j.title).toBe('A new title');
    expect(j.status).toBe('live');
  });

  it('a chip edited to a value that is not allowed is a warning, and the journey keeps its value', async () => {
    const { s, journey, map } = await drawn();
    const card = journey.cards.find((c) => c.priority)!;
    const r = await editAndSync(s, map, journey, [{ op: 'setText', id: card.id, field: 'priority', text: 'Urgent!!' }]);
    expect(r.warnings.map((w) => w.message).join()).toMatch(/"Urgent!!" is not a priority/);
    expect(stored(map).cards.find((c) => c.id === card.id)!.priority).toBe(card.priority);
  });

  it('an owner line edited with or without its "Owner:" prefix, or emptied', async () => {
    const { s, journey, map } = await drawn();
    const [a, b, c] = journey.cards.filter((x) => x.owner);
    const r = await editAndSync(s, map, journey, [
      { op: 'setText', id: a!.id, field: 'owner', text: 'Owner: Delivery partners' },
      { op: 'setText', id: b!.id, field: 'owner', text: 'Showroom team' },
      { op: 'setText', id: c!.id, field: 'owner', text: 'Owner: ' },
    ]);
    expect(r.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: a!.id, field: 'owner', after: 'Delivery partners' }),
        expect.objectContaining({ id: b!.id, field: 'owner', after: 'Showroom team' }),
        expect.objectContaining({ id: c!.id, field: 'owner', after: undefined }),
      ]),
    );
    const cards = new Map(stored(map).cards.map((x) => [x.id, x]));
    expect([cards.get(a!.id)!.owner, cards.get(b!.id)!.owner, cards.get(c!.id)!.owner]).toEqual(['Delivery partners', 'Showroom team', undefined]);
  });

  it('a deleted card is removed, with the links that pointed at it', async () => {
    const { s, journey, map } = await drawn();
    const linked = journey.links.find((l) => journey.cards.some((c) => c.id === l.from || c.id === l.to));
    const cardId = linked ? (journey.cards.find((c) => c.id === linked.from || c.id === linked.to)!.id) : journey.cards[0]!.id;
    await editAndSync(s, map, journey, [{ op: 'delete', id: cardId }]);
    const j = stored(map);
    expect(j.cards.map((c) => c.id)).not.toContain(cardId);
    expect(j.links.some((l) => l.from === cardId || l.to === cardId)).toBe(false);
    expect(j.cards).toHaveLength(journey.cards.length - 1);
  });

  it('a duplicated card becomes a new card; the original keeps its id', async () => {
    const { s, journey, map } = await drawn();
    const card = journey.cards.find((c) => c.owner && c.evidence.length)!;
    const r = await editAndSync(s, map, journey, [{ op: 'duplicate', id: card.id }]);
    const j = stored(map);
    const copies = j.cards.filter((c) => c.text === card.text);
    expect(copies.map((c) => c.id)).toEqual([card.id, `${card.id}-copy`]);
    expect(copies[1]).toMatchObject({ laneId: card.laneId, stepId: card.stepId, owner: card.owner, evidence: card.evidence });
    expect(r.changes.map((c) => c.kind)).toEqual(['duplicate']);
    // Synced again, nothing is left to change: the copy's nodes now stand for the new card.
    const again = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(again.changes).toEqual([]);
  });

  it('a card moved to another cell, and reordered within a cell', async () => {
    const { s, journey, map } = await drawn();
    const card = journey.cards[0]!;
    const target = journey.stages[2]!.steps[0]!.id;
    const r = await editAndSync(s, map, journey, [{ op: 'moveToCell', id: card.id, laneId: card.laneId, stepId: target, index: 0 }]);
    const j = stored(map);
    const moved = j.cards.find((c) => c.id === card.id)!;
    expect(moved.stepId).toBe(target);
    const inCell = j.cards.filter((c) => c.laneId === card.laneId && c.stepId === target).map((c) => c.id);
    expect(inCell[0]).toBe(card.id);
    expect(r.changes.map((c) => c.kind)).toContain('move');
  });

  it('plain text dropped into a cell becomes a new card of that lane', async () => {
    const { s, journey, map } = await drawn();
    const lane = journey.lanes.find((l) => l.type === 'painPoints')!;
    const step = journey.stages[0]!.steps[0]!;
    const r = await editAndSync(s, map, journey, [{ op: 'addText', laneId: lane.id, stepId: step.id, text: 'Cannot find the returns policy' }]);
    const added = stored(map).cards.find((c) => c.text === 'Cannot find the returns policy');
    expect(added).toMatchObject({ laneId: lane.id, stepId: step.id });
    expect(r.changes.map((c) => c.kind)).toEqual(['add']);
    // The loose text node was replaced by a styled card.
    expect(map.findAll((n) => n.type === 'TEXT' && n.characters === 'Cannot find the returns policy')).toHaveLength(1);
  });

  it('an emotion dot dragged to a new height becomes the value, snapped to the scale, and the curve is redrawn', async () => {
    const { s, journey, map } = await drawn();
    const curve = journey.curves[0]!;
    const point = curve.points[1]!;
    const target = point.value === -2 ? 1 : -2;
    const curveNode = map.findOne((n) => n.type === 'VECTOR' && n.name.startsWith('Emotion curve') && rawTag(n).includes(curve.id)) as VectorNode;
    const pathBefore = curveNode.vectorPaths[0]?.data;
    // Dragged a little off the exact line: the value snaps to the nearest whole point.
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'moveEmotion', curveId: curve.id, stepId: point.stepId, value: target + 0.3 });
    await s.emu.flush();
    const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(r.changes).toEqual([expect.objectContaining({ kind: 'emotion', before: point.value, after: target })]);
    expect(stored(map).curves[0]!.points[1]!.value).toBe(target);
    expect(curveNode.vectorPaths[0]?.data).not.toBe(pathBefore);
  });
});

describe('sync: maps, copies and conflicts', () => {
  it('a duplicated map becomes a separate journey and never overwrites the original', async () => {
    const { s, journey, map } = await drawn();
    const copy = applyCanvasEdit(s.emu, map, journey, style(), { op: 'duplicateMap' }) as FrameNode;
    applyCanvasEdit(s.emu, copy, journey, style(), { op: 'setText', kind: 'journey', id: journey.id, field: 'title', text: 'Variant B' });
    await s.emu.flush();
    // Tags inside the copy still name the original's nodes.
    const r = await s.service.syncAsync({ nodeId: copy.id, apply: true });
    expect(r.changes).toContainEqual(expect.objectContaining({ kind: 'fork' }));
    const forked = stored(copy);
    expect(forked.id).not.toBe(journey.id);
    expect(forked.title).toBe('Variant B');
    expect(stored(map)).toEqual(journey);
    // Both maps now sync on their own.
    expect((await s.service.syncAsync({ nodeId: copy.id, apply: false })).changes).toEqual([]);
    expect((await s.service.syncAsync({ nodeId: map.id, apply: false })).changes).toEqual([]);
  });

  it('conflicts: the draft and the canvas both changed a field; the rest merges, and the conflict is asked field by field', async () => {
    const { s, journey, map } = await drawn();
    const [a, b] = [journey.cards[0]!, journey.cards[1]!];
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'setText', id: a.id, text: 'Canvas wording' });
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'setText', id: b.id, text: 'Only the canvas changed this' });
    await s.emu.flush();
    const draft = structuredClone(journey);
    draft.cards[0]!.text = 'Draft wording';
    draft.title = 'Only the draft changed this';
    const asked = await s.service.syncAsync({ nodeId: map.id, apply: true, draft });
    expect(asked.applied).toBe(false);
    expect(asked.conflicts).toEqual([expect.objectContaining({ key: `card:${a.id}.text`, canvas: 'Canvas wording', draft: 'Draft wording', base: a.text })]);
    expect(stored(map)).toEqual(journey);

    const resolved = await s.service.syncAsync({ nodeId: map.id, apply: true, draft, resolutions: { [`card:${a.id}.text`]: 'draft' } });
    expect(resolved.applied).toBe(true);
    const j = stored(map);
    expect(j.cards[0]!.text).toBe('Draft wording');
    expect(j.cards[1]!.text).toBe('Only the canvas changed this');
    expect(j.title).toBe('Only the draft changed this');
  });

  it('fields the canvas does not show survive every sync untouched', async () => {
    const s = stage();
    const journey = example('retail-purchase');
    journey.lanes.push({ id: 'l-hidden', type: 'text', label: 'Internal notes', hidden: true });
    journey.cards.push({ id: 'c-hidden', laneId: 'l-hidden', stepId: journey.stages[0]!.steps[0]!.id, text: 'Kept while hidden', evidence: [] });
    journey.cards[0]!.note = 'A researcher note';
    const { map } = await draw(s, journey);
    await editAndSync(s, map, journey, [{ op: 'setText', id: journey.cards[1]!.id, text: 'Changed' }]);
    const j = stored(map);
    expect(j.cards.find((c) => c.id === 'c-hidden')?.text).toBe('Kept while hidden');
    expect(j.cards[0]!.note).toBe('A researcher note');
    expect(j.evidence).toEqual(journey.evidence);
  });

  it('untagged shapes and stale tags are warnings, never dropped or a crash', async () => {
    const { s, journey, map } = await drawn();
    const rect = s.figma.createRectangle();
    map.appendChild(rect);
    const r = await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect(r.warnings.map((w) => w.message).join()).toMatch(/untagged rectangle .* stays on the canvas/);
    expect(rect.removed).toBe(false);
    expect(stored(map)).toEqual(journey);
  });
});

describe('sync: when it runs', () => {
  it('on open: a map edited while the plugin was closed is reported as edited', async () => {
    const { s, journey, map } = await drawn();
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'delete', id: journey.cards[0]!.id });
    await s.emu.flush();
    // A new plugin session on the same document.
    const reopened = createMapService(s.figma);
    s.emu.user.select([map]);
    const selection = await reopened.readSelectionAsync();
    expect(selection?.canvasEdited).toBe(true);
  });

  it('live: REMOTE edits by a collaborator are pushed to the panel, debounced', async () => {
    const { s, journey, map } = await drawn();
    s.pushes.length = 0;
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'setText', id: journey.cards[0]!.id, text: 'From a colleague', origin: 'REMOTE' });
    applyCanvasEdit(s.emu, map, journey, style(), { op: 'setText', id: journey.cards[1]!.id, text: 'Also from a colleague', origin: 'REMOTE' });
    await s.emu.flush();
    // Waits for the push (the debounce is 250 ms; the check after it takes longer on a loaded
    // machine), then one debounce more: the two edits must have made one push, not two.
    for (let t = 0; t < 5000 && !s.pushes.some((p) => p.type === 'canvasChanged'); t += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 400));
    const pushed = s.pushes.filter((p) => p.type === 'canvasChanged');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.type === 'canvasChanged' && pushed[0]!.payload.changes.map((c) => c.after)).toEqual(['From a colleague', 'Also from a colleague']);
  });

  it("live: a collaborator's edit at the end of a restyle's batch of thousands of changes is found (batches are judged in slices)", async () => {
    // Figma delivers batches "periodically"; a late delivery makes one batch of the whole restyle.
    const s = stage('figma', undefined, { nodeChangeDelayMs: 2_000 });
    const journey = generateJourney(SIZES.find((x) => x.name === 'S')!.options);
    const { map } = await draw(s, journey);
    await s.emu.flush();
    await new Promise((r) => setTimeout(r, 2_500));
    s.pushes.length = 0;
    const seen: number[] = [];
    s.figma.currentPage.on('nodechange', (e) => void seen.push(e.nodeChanges.length));
    const card = journey.cards[journey.cards.length - 1]!;
    let edited = false;
    // The colleague types as the restyle finishes writing: the edit joins the end of the changes held until then.
    const progress = (_what: string, done: number, total: number) => {
      if (edited || done < total) return;
      edited = true;
      applyCanvasEdit(s.emu, map, journey, style(), { op: 'setText', id: card.id, text: 'From a colleague', origin: 'REMOTE' });
    };
    await s.service.restyleAsync(map.id, style({ theme: 'dark' }), { requestId: 'x', progress });
    await s.emu.flush();
    expect(edited).toBe(true);
    for (let t = 0; t < 10_000 && !s.pushes.some((p) => p.type === 'canvasChanged'); t += 20) await new Promise((r) => setTimeout(r, 20));
    // A batch of more changes than one slice judges, the colleague's among the last of them.
    expect(Math.max(...seen)).toBeGreaterThan(1_000);
    const pushed = s.pushes.filter((p) => p.type === 'canvasChanged');
    expect(pushed.flatMap((p) => (p.type === 'canvasChanged' ? p.payload.changes.map((c) => c.after) : []))).toEqual(['From a colleague']);
  }, 60_000);

  it("live: the plugin's own writes do not echo back as canvas edits", async () => {
    const { s, journey, map } = await drawn();
    s.pushes.length = 0;
    const edited = structuredClone(journey);
    edited.cards[0]!.text = 'Changed in the panel';
    await draw(s, edited, style(), map.id);
    await s.service.restyleAsync(map.id, style({ theme: 'dark' }), { requestId: 'x', progress: () => {} });
    await s.emu.flush();
    await new Promise((r) => setTimeout(r, 400));
    expect(s.pushes.filter((p) => p.type === 'canvasChanged')).toEqual([]);
  });
});
