// Every draft operation, on a small journey: ids stay stable and unique, removals clean up what
// hung off the removed item, moves keep order, and the result still validates.
import { describe, expect, it } from 'vitest';
import { validateJourney, type Journey } from '../../shared/model';
import { allIds as collectIds, forEachId } from '../../shared/model/ids';
import { draftReducer, newJourney, stepOrder, type DraftAction } from '../../ui/state/draft-reducer';

function base(): Journey {
  let j = newJourney();
  const run = (a: DraftAction) => (j = draftReducer(j, a));
  run({ type: 'addStep', stageId: 'stage-1', name: 'Second' }); // step-2
  run({ type: 'addStage', name: 'Buy' }); // stage-2 with step-3
  run({ type: 'addStep', stageId: 'stage-2', name: 'Pay' }); // step-4
  run({ type: 'addCard', laneId: 'lane-1', stepId: 'step-1', text: 'A' }); // card-1
  run({ type: 'addCard', laneId: 'lane-1', stepId: 'step-1', text: 'B' }); // card-2
  run({ type: 'addCard', laneId: 'lane-1', stepId: 'step-1', text: 'C' }); // card-3
  run({ type: 'addCard', laneId: 'lane-3', stepId: 'step-2', text: 'Pain' }); // card-4
  run({ type: 'setEmotion', curveId: 'curve-1', stepId: 'step-2', value: 1 });
  run({ type: 'setEmotion', curveId: 'curve-1', stepId: 'step-1', value: -1 });
  return { ...j, links: [{ id: 'link-1', from: 'step-1', to: 'step-2', kind: 'flow' }, { id: 'link-2', from: 'card-4', to: 'step-3', kind: 'flow' }] };
}

const allIdsUnique = (j: Journey) => {
  const list = [j.id, ...j.personas.map((p) => p.id), ...j.stages.flatMap((s) => [s.id, ...s.steps.map((st) => st.id)]), ...j.lanes.map((l) => l.id), ...j.cards.map((c) => c.id), ...j.curves.map((c) => c.id), ...j.links.map((l) => l.id), ...j.evidence.map((e) => e.id)];
  return new Set(list).size === list.length;
};
const texts = (j: Journey) => j.cards.map((c) => c.text);
const valid = (j: Journey) => {
  const r = validateJourney(j);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return true;
};

describe('draftReducer', () => {
  it('builds a valid journey with unique ids', () => {
    const j = base();
    expect(valid(j)).toBe(true);
    expect(allIdsUnique(j)).toBe(true);
    expect(stepOrder(j)).toEqual(['step-1', 'step-2', 'step-3', 'step-4']);
    expect(j.curves[0]!.points.map((p) => p.stepId)).toEqual(['step-1', 'step-2']); // kept in step order
  });

  it('new ids never collide, even with ids that look generated', () => {
    let j = base();
    j = { ...j, personas: [...j.personas, { id: 'card-5', name: 'Odd', goals: [], frustrations: [], evidence: [] }] };
    j = draftReducer(j, { type: 'addCard', laneId: 'lane-1', stepId: 'step-1' });
    expect(j.cards.at(-1)!.id).toBe('card-6');
    for (let i = 0; i < 5; i++) j = draftReducer(j, { type: 'addStage' });
    expect(allIdsUnique(j)).toBe(true);
    expect(collectIds(j).size).toBeGreaterThan(10);
  });

  it('sets and clears meta, status and tags', () => {
    let j = base();
    j = draftReducer(j, { type: 'setMeta', field: 'title', value: 'New title' });
    j = draftReducer(j, { type: 'setMeta', field: 'owner', value: 'Ann' });
    j = draftReducer(j, { type: 'setStatus', status: 'live' });
    j = draftReducer(j, { type: 'setTags', tags: [' a ', '', 'b'] });
    expect([j.title, j.owner, j.status, j.tags]).toEqual(['New title', 'Ann', 'live', ['a', 'b']]);
    j = draftReducer(j, { type: 'setMeta', field: 'owner', value: '  ' });
    expect('owner' in j).toBe(false);
  });

  it('adds, edits, moves and removes personas; removal drops curves and unscopes lanes', () => {
    let j = base();
    j = draftReducer(j, { type: 'addPersona', name: 'Sam' });
    const sam = j.personas[1]!.id;
    j = draftReducer(j, { type: 'updatePersona', id: sam, patch: { segment: 'SMB', goals: ['Fast'], quote: 'Hi' } });
    expect(j.personas[1]).toMatchObject({ name: 'Sam', segment: 'SMB', goals: ['Fast'], quote: 'Hi' });
    j = draftReducer(j, { type: 'updatePersona', id: sam, patch: { segment: undefined } });
    expect('segment' in j.personas[1]!).toBe(false);
    j = draftReducer(j, { type: 'movePersona', id: sam, by: -1 });
    expect(j.personas.map((p) => p.id)).toEqual([sam, 'persona-1']);
    j = draftReducer(j, { type: 'updateLane', id: 'lane-1', patch: { personaId: 'persona-1' } });
    j = draftReducer(j, { type: 'removePersona', id: 'persona-1' });
    expect(j.personas.map((p) => p.id)).toEqual([sam]);
    expect(j.curves).toEqual([]);
    expect(j.lanes[0]!.personaId).toBeUndefined();
    expect(valid(j)).toBe(true);
  });

  it('adds, renames, updates, moves and removes stages; removal takes its steps, cards, points and links', () => {
    let j = base();
    j = draftReducer(j, { type: 'renameStage', id: 'stage-1', name: 'Find' });
    j = draftReducer(j, { type: 'updateStage', id: 'stage-1', patch: { phase: 'awareness', owner: 'Kim' } });
    expect(j.stages[0]).toMatchObject({ name: 'Find', phase: 'awareness', owner: 'Kim' });
    j = draftReducer(j, { type: 'addStage', name: 'Middle', afterId: 'stage-1' });
    expect(j.stages.map((s) => s.name)).toEqual(['Find', 'Middle', 'Buy']);
    j = draftReducer(j, { type: 'moveStage', id: 'stage-2', by: -5 });
    expect(j.stages.map((s) => s.name)).toEqual(['Buy', 'Find', 'Middle']);
    j = draftReducer(j, { type: 'removeStage', id: 'stage-1' });
    expect(j.stages.map((s) => s.name)).toEqual(['Buy', 'Middle']);
    expect(j.cards).toEqual([]);
    expect(j.curves[0]!.points).toEqual([]);
    expect(j.links).toEqual([]);
    expect(valid(j)).toBe(true);
  });

  it('never removes the last stage or the last step of a stage', () => {
    const j = newJourney();
    expect(draftReducer(j, { type: 'removeStage', id: 'stage-1' })).toBe(j);
    expect(draftReducer(j, { type: 'removeStep', id: 'step-1' })).toBe(j);
  });

  it('adds, renames and removes steps; removal takes its cards, curve points and links', () => {
    let j = base();
    j = draftReducer(j, { type: 'addStep', stageId: 'stage-1', name: 'Between', afterId: 'step-1' });
    expect(j.stages[0]!.steps.map((s) => s.name)).toEqual(['First step', 'Between', 'Second']);
    j = draftReducer(j, { type: 'renameStep', id: 'step-2', name: 'Compare' });
    j = draftReducer(j, { type: 'updateStep', id: 'step-2', patch: { description: 'Side by side' } });
    expect(j.stages[0]!.steps[2]).toMatchObject({ id: 'step-2', name: 'Compare', description: 'Side by side' });
    j = draftReducer(j, { type: 'removeStep', id: 'step-2' });
    expect(stepOrder(j)).not.toContain('step-2');
    expect(texts(j)).toEqual(['A', 'B', 'C']); // the pain point under step-2 is gone
    expect(j.curves[0]!.points.map((p) => p.stepId)).toEqual(['step-1']);
    expect(j.links.map((l) => l.id)).toEqual([]); // link-1 pointed at step-2, link-2 at its card
    expect(valid(j)).toBe(true);
  });

  it('moves steps within a stage and across stage edges, keeping the rest in order', () => {
    let j = base();
    j = draftReducer(j, { type: 'moveStep', id: 'step-2', by: -1 });
    expect(stepOrder(j)).toEqual(['step-2', 'step-1', 'step-3', 'step-4']);
    j = draftReducer(j, { type: 'moveStep', id: 'step-1', by: 1 }); // past the end: first of the next stage
    expect(j.stages.map((s) => s.steps.map((st) => st.id))).toEqual([['step-2'], ['step-1', 'step-3', 'step-4']]);
    // The last step of a stage cannot leave it.
    expect(draftReducer(j, { type: 'moveStep', id: 'step-2', by: 1 })).toBe(j);
    j = draftReducer(j, { type: 'moveStepTo', id: 'step-4', stageId: 'stage-1', index: 0 });
    expect(j.stages.map((s) => s.steps.map((st) => st.id))).toEqual([['step-4', 'step-2'], ['step-1', 'step-3']]);
    expect(valid(j)).toBe(true);
  });

  it('adds, updates, moves and removes lanes; removal takes its cards', () => {
    let j = base();
    j = draftReducer(j, { type: 'addLane', laneType: 'touchpoints' });
    const tp = j.lanes.at(-1)!;
    expect(tp).toMatchObject({ type: 'touchpoints', label: 'Touchpoints' });
    j = draftReducer(j, { type: 'updateLane', id: tp.id, patch: { label: 'Channels', hidden: true } });
    j = draftReducer(j, { type: 'moveLane', id: tp.id, by: -10 });
    expect(j.lanes[0]).toMatchObject({ id: tp.id, label: 'Channels', hidden: true });
    j = draftReducer(j, { type: 'removeLane', id: 'lane-3' });
    expect(texts(j)).toEqual(['A', 'B', 'C']);
    expect(j.links.map((l) => l.id)).toEqual(['link-1']);
    expect(valid(j)).toBe(true);
  });

  it('adds, edits, reorders within a cell, moves between cells and removes cards', () => {
    let j = base();
    j = draftReducer(j, { type: 'updateCard', id: 'card-2', patch: { owner: 'Ops', priority: 'high', status: 'open', text: 'B!' } });
    expect(j.cards[1]).toMatchObject({ owner: 'Ops', priority: 'high', status: 'open', text: 'B!' });
    j = draftReducer(j, { type: 'moveCard', id: 'card-3', by: -1 });
    expect(texts(j)).toEqual(['A', 'C', 'B!', 'Pain']);
    j = draftReducer(j, { type: 'moveCard', id: 'card-1', by: -1 }); // already first
    expect(texts(j)).toEqual(['A', 'C', 'B!', 'Pain']);
    j = draftReducer(j, { type: 'moveCardTo', id: 'card-1', laneId: 'lane-3', stepId: 'step-2' });
    expect(j.cards.filter((c) => c.laneId === 'lane-3').map((c) => c.text)).toEqual(['Pain', 'A']);
    j = draftReducer(j, { type: 'removeCard', id: 'card-4' });
    expect(texts(j)).toEqual(['C', 'B!', 'A']);
    expect(j.links.map((l) => l.id)).toEqual(['link-1']);
    expect(valid(j)).toBe(true);
  });

  it('sets, clamps and clears emotion values; adds, renames and removes curves', () => {
    let j = base();
    j = draftReducer(j, { type: 'addCurve', personaId: 'persona-1', kind: 'to-be' });
    const toBe = j.curves[1]!;
    expect(toBe).toMatchObject({ name: 'To-be', kind: 'to-be', points: [] });
    j = draftReducer(j, { type: 'setEmotion', curveId: toBe.id, stepId: 'step-4', value: 9 });
    j = draftReducer(j, { type: 'setEmotion', curveId: toBe.id, stepId: 'step-1', value: 1 });
    expect(j.curves[1]!.points).toEqual([{ stepId: 'step-1', value: 1 }, { stepId: 'step-4', value: 2 }]);
    j = draftReducer(j, { type: 'setEmotion', curveId: toBe.id, stepId: 'step-4', value: null });
    expect(j.curves[1]!.points).toEqual([{ stepId: 'step-1', value: 1 }]);
    expect(draftReducer(j, { type: 'setEmotion', curveId: toBe.id, stepId: 'nope', value: 1 })).toBe(j);
    j = draftReducer(j, { type: 'updateCurve', id: toBe.id, patch: { name: 'Future' } });
    expect(j.curves[1]!.name).toBe('Future');
    j = draftReducer(j, { type: 'removeCurve', id: toBe.id });
    expect(j.curves).toHaveLength(1);
    expect(valid(j)).toBe(true);
  });

  it('adds evidence (attached to a card), updates, detaches and removes it everywhere', () => {
    let j = base();
    j = draftReducer(j, { type: 'addEvidence', item: { kind: 'interview', source: 'Int 1', confidence: 'observed' }, cardId: 'card-1' });
    const ev = j.evidence[0]!.id;
    expect(j.cards[0]!.evidence).toEqual([ev]);
    j = draftReducer(j, { type: 'updateEvidence', id: ev, patch: { url: 'https://example.com/1' } });
    expect(j.evidence[0]!.url).toBe('https://example.com/1');
    j = draftReducer(j, { type: 'setCardEvidence', cardId: 'card-2', evidenceId: ev, attached: true });
    j = draftReducer(j, { type: 'setCardEvidence', cardId: 'card-1', evidenceId: ev, attached: false });
    expect(j.cards.map((c) => c.evidence)).toEqual([[], [ev], [], []]);
    expect(valid(j)).toBe(true);
    j = draftReducer(j, { type: 'removeEvidence', id: ev });
    expect(j.evidence).toEqual([]);
    expect(j.cards.every((c) => c.evidence.length === 0)).toBe(true);
  });

  it('keeps fields it does not know about, and returns the same object when nothing changes', () => {
    const j0 = base();
    const j: Journey = { ...j0, cards: j0.cards.map((c, i) => (i === 0 ? { ...c, custom: 42 } : c)) };
    const after = draftReducer(j, { type: 'updateCard', id: 'card-1', patch: { text: 'A2' } });
    expect(after.cards[0]).toMatchObject({ text: 'A2', custom: 42 });
    expect(draftReducer(j, { type: 'removeCard', id: 'missing' })).toBe(j);
    expect(draftReducer(j, { type: 'moveLane', id: 'lane-1', by: -1 })).toBe(j);
    const replacement = newJourney();
    expect(draftReducer(j, { type: 'replace', journey: replacement })).toBe(replacement);
  });

  it('adds stage metrics with ids unique across the journey, edits them (direction too) and removes them', () => {
    let j = base();
    // An id that looks generated is taken by another kind of item: the metric gets the next one.
    j = { ...j, personas: [...j.personas, { id: 'metric-1', name: 'Odd', goals: [], frustrations: [], evidence: [] }] };
    j = draftReducer(j, { type: 'addMetric', stageId: 'stage-2', name: 'Conversion' });
    j = draftReducer(j, { type: 'addMetric', stageId: 'stage-2' });
    j = draftReducer(j, { type: 'addMetric', stageId: 'stage-1', name: 'Коэффициент 🛒 «заказ»' });
    expect(j.stages[1]!.metrics).toEqual([
      { id: 'metric-2', name: 'Conversion' },
      { id: 'metric-3', name: 'Metric 2' },
    ]);
    expect(j.stages[0]!.metrics).toEqual([{ id: 'metric-4', name: 'Коэффициент 🛒 «заказ»' }]);
    const every: string[] = [];
    forEachId(j, (id) => every.push(id));
    expect(every).toContain('metric-4');
    expect(new Set(every).size).toBe(every.length);

    j = draftReducer(j, { type: 'updateMetric', stageId: 'stage-2', metric: 'metric-2', patch: { value: 3.1, target: 2.5, unit: '%', direction: 'lower-is-better', date: '2026-03-31', source: 'GA4' } });
    expect(j.stages[1]!.metrics[0]).toEqual({ id: 'metric-2', name: 'Conversion', value: 3.1, target: 2.5, unit: '%', direction: 'lower-is-better', date: '2026-03-31', source: 'GA4' });
    j = draftReducer(j, { type: 'updateMetric', stageId: 'stage-2', metric: 'metric-2', patch: { direction: 'higher-is-better', unit: undefined, name: 'Conversión ✓' } });
    expect(j.stages[1]!.metrics[0]).toMatchObject({ name: 'Conversión ✓', direction: 'higher-is-better' });
    expect(j.stages[1]!.metrics[0]).not.toHaveProperty('unit');
    expect(valid(j)).toBe(true);

    j = draftReducer(j, { type: 'removeMetric', stageId: 'stage-2', metric: 'metric-2' });
    expect(j.stages[1]!.metrics.map((m) => m.id)).toEqual(['metric-3']);
    // A metric is named within its own stage; a wrong stage or a missing id changes nothing.
    expect(draftReducer(j, { type: 'removeMetric', stageId: 'stage-1', metric: 'metric-3' })).toBe(j);
    expect(draftReducer(j, { type: 'updateMetric', stageId: 'stage-2', metric: 'nope', patch: { value: 1 } })).toBe(j);
    // A removed metric's id is free again, and never taken twice.
    j = draftReducer(j, { type: 'addMetric', stageId: 'stage-2' });
    expect(j.stages[1]!.metrics.map((m) => m.id)).toEqual(['metric-3', 'metric-2']);
    expect(valid(j)).toBe(true);
  });

  it('a metric without an id (a file may leave it out) is named by its place, keeps its other fields and gets no id', () => {
    const j0 = base();
    const j: Journey = { ...j0, stages: j0.stages.map((s, i) => (i === 0 ? { ...s, metrics: [{ name: 'NPS', value: 31, custom: 'kept' }, { id: 'kpi', name: 'CSAT' }] } : s)) };
    const after = draftReducer(j, { type: 'updateMetric', stageId: 'stage-1', metric: 0, patch: { target: 40, direction: 'higher-is-better' } });
    expect(after.stages[0]!.metrics[0]).toEqual({ name: 'NPS', value: 31, target: 40, direction: 'higher-is-better', custom: 'kept' });
    // An index only names a metric that has no id.
    expect(draftReducer(j, { type: 'updateMetric', stageId: 'stage-1', metric: 1, patch: { value: 1 } })).toBe(j);
    expect(draftReducer(j, { type: 'removeMetric', stageId: 'stage-1', metric: 0 }).stages[0]!.metrics).toEqual([{ id: 'kpi', name: 'CSAT' }]);
  });

  it('stops adding metrics at the limit per stage', () => {
    let j = base();
    for (let i = 0; i < 14; i++) j = draftReducer(j, { type: 'addMetric', stageId: 'stage-1' });
    expect(j.stages[0]!.metrics).toHaveLength(12);
    expect(valid(j)).toBe(true);
  });
});
