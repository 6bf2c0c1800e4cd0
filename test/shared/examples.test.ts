// The shipped examples: they load, they are the size the brief promises and they exercise the
// parts of the model a real map uses, so a model change that breaks them is caught here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { CURRENT_SCHEMA_VERSION, loadJourney, loadJourneyText, type Journey } from '../../shared/model';

const examplesDir = new URL('../../shared/examples/', import.meta.url);

function load(id: string): Journey {
  const ex = EXAMPLES.find((e) => e.id === id);
  if (!ex) throw new Error(`no example ${id}`);
  const r = loadJourney(ex.envelope);
  if (!r.ok) throw new Error(`${id} does not load:\n${r.error.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return r.value.journey;
}

const steps = (j: Journey) => j.stages.flatMap((s) => s.steps);

describe('EXAMPLES', () => {
  it('lists every JSON file in shared/examples, with the file name as id', () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(EXAMPLES.map((e) => e.id).sort()).toEqual(files.sort());
    expect(files).toHaveLength(3);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s has a name and a description', (_id, ex) => {
    expect(ex.name.trim().length).toBeGreaterThan(5);
    expect(ex.description.trim().length).toBeGreaterThan(20);
  });

  it.each(EXAMPLES.map((e) => [e.id] as const))('%s is a current-version envelope that passes loadJourney', (id) => {
    const ex = EXAMPLES.find((e) => e.id === id)!;
    expect(ex.envelope).toMatchObject({ format: 'journey-mapper', schemaVersion: CURRENT_SCHEMA_VERSION });
    const r = loadJourney(ex.envelope);
    expect(r.ok ? [] : r.error).toEqual([]);
    if (r.ok) expect(r.value.fromVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it.each(EXAMPLES.map((e) => [e.id] as const))('%s loads from its file text too (what a user pastes)', (id) => {
    const text = readFileSync(new URL(`${id}.json`, examplesDir), 'utf8');
    const r = loadJourneyText(text);
    expect(r.ok ? [] : r.error).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.id] as const))('%s has the promised size: 4-6 stages, 8-14 steps, 6-9 lanes, 25-60 cards', (id) => {
    const j = load(id);
    expect(j.stages.length).toBeGreaterThanOrEqual(4);
    expect(j.stages.length).toBeLessThanOrEqual(6);
    expect(steps(j).length).toBeGreaterThanOrEqual(8);
    expect(steps(j).length).toBeLessThanOrEqual(14);
    expect(j.lanes.length).toBeGreaterThanOrEqual(6);
    expect(j.lanes.length).toBeLessThanOrEqual(9);
    expect(j.cards.length).toBeGreaterThanOrEqual(25);
    expect(j.cards.length).toBeLessThanOrEqual(60);
  });

  it.each(EXAMPLES.map((e) => [e.id] as const))('%s uses short, readable, prefixed ids', (id) => {
    const j = load(id);
    const ids = [
      ...j.personas.map((p) => p.id),
      ...j.stages.map((s) => s.id),
      ...steps(j).map((s) => s.id),
      ...j.lanes.map((l) => l.id),
      ...j.cards.map((c) => c.id),
      ...j.curves.map((c) => c.id),
      ...j.links.map((l) => l.id),
      ...j.evidence.map((e) => e.id),
    ];
    for (const x of ids) expect(x).toMatch(/^[a-z]{1,3}-[a-z0-9-]{2,30}$/);
  });

  it.each(EXAMPLES.map((e) => [e.id] as const))('%s uses most of the model', (id) => {
    const j = load(id);
    expect(j.personas.length).toBeGreaterThanOrEqual(1);
    expect(j.curves.length).toBeGreaterThanOrEqual(2);
    expect(j.curves.some((c) => c.kind === 'to-be')).toBe(true);
    expect(j.evidence.length).toBeGreaterThanOrEqual(4);
    expect(j.links.length).toBeGreaterThanOrEqual(2);
    expect(j.updated).toBe('2026-10-14');
    const types = new Set(j.lanes.map((l) => l.type));
    for (const t of ['actions', 'touchpoints', 'painPoints', 'opportunities', 'emotion'] as const) expect(types).toContain(t);
    // Every evidence item is cited at least once, and several cards cite evidence.
    const cited = new Set([...j.cards.flatMap((c) => c.evidence), ...j.personas.flatMap((p) => p.evidence)]);
    expect([...j.evidence.map((e) => e.id)].filter((e) => !cited.has(e))).toEqual([]);
    expect(j.cards.filter((c) => c.evidence.length > 0).length).toBeGreaterThanOrEqual(5);
    // Pain points and opportunities carry an owner, priority and status.
    for (const c of j.cards) {
      const lane = j.lanes.find((l) => l.id === c.laneId)!;
      if (lane.type === 'painPoints' || lane.type === 'opportunities') {
        expect(c.owner, c.id).toBeTruthy();
        expect(c.priority, c.id).toBeTruthy();
        expect(c.status, c.id).toBeTruthy();
      }
      if (lane.type === 'touchpoints') expect(c.channel, c.id).toBeTruthy();
    }
    // Stage metrics everywhere.
    expect(j.stages.every((s) => s.metrics.length > 0)).toBe(true);
  });

  it('retail: two personas with as-is curves, one with a to-be curve, a labelled branch and a loop, all funnel phases', () => {
    const j = load('retail-purchase');
    expect(j.personas).toHaveLength(2);
    for (const p of j.personas) expect(j.curves.some((c) => c.personaId === p.id && c.kind === 'as-is')).toBe(true);
    expect(new Set(j.curves.filter((c) => c.kind === 'to-be').map((c) => c.personaId)).size).toBe(1);
    expect(j.links.find((l) => l.kind === 'branch')?.label).toBeTruthy();
    expect(j.links.some((l) => l.kind === 'loop')).toBe(true);
    expect(j.links.some((l) => l.kind === 'flow')).toBe(true);
    expect(new Set(j.stages.map((s) => s.phase))).toEqual(
      new Set(['awareness', 'consideration', 'purchase', 'custom', 'retention', 'advocacy']),
    );
    expect(new Set(j.evidence.map((e) => e.kind))).toEqual(new Set(['quote', 'interview', 'survey', 'analytics', 'ticket', 'link']));
    expect(new Set(j.evidence.map((e) => e.confidence))).toEqual(new Set(['observed', 'reported', 'assumed']));
    expect(j.emotionScale).toMatchObject({ min: -2, max: 2 });
  });

  it('saas: KPIs with value, target and unit on stages and on a metrics lane; owners; a custom 1..5 scale with labels', () => {
    const j = load('saas-onboarding');
    const stageMetrics = j.stages.flatMap((s) => s.metrics);
    for (const unit of ['%', 'days', 'NPS']) expect(stageMetrics.some((m) => m.unit === unit && m.value !== undefined && m.target !== undefined)).toBe(true);
    const metricCards = j.cards.filter((c) => j.lanes.find((l) => l.id === c.laneId)?.type === 'metrics');
    expect(metricCards.length).toBeGreaterThanOrEqual(5);
    for (const c of metricCards) expect(c.metric).toMatchObject({ value: expect.any(Number), target: expect.any(Number), unit: expect.any(String) });
    expect(j.stages.every((s) => s.owner)).toBe(true);
    expect(j.emotionScale.min).toBe(1);
    expect(j.emotionScale.max).toBe(5);
    expect(j.emotionScale.labels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(j.evidence.map((e) => e.kind))).toContain('ticket');
    expect(new Set(j.evidence.map((e) => e.kind))).toContain('analytics');
  });

  it('public service: a blueprint with frontstage, several backstage lanes, a support text lane and a persona-scoped lane', () => {
    const j = load('public-service-blueprint');
    const lanes = j.lanes;
    expect(lanes.filter((l) => l.type === 'backstage').length).toBeGreaterThanOrEqual(2);
    expect(lanes.some((l) => l.type === 'text' && /support/i.test(l.label))).toBe(true);
    expect(lanes.some((l) => l.personaId !== undefined)).toBe(true);
    expect(j.evidence.filter((e) => e.kind === 'interview').every((e) => e.confidence)).toBe(true);
    expect(j.curves.some((c) => c.kind === 'to-be')).toBe(true);
    expect(j.emotionScale.min).toBe(-2);
    // Each backstage lane has work under several steps: it is a blueprint, not a decoration.
    for (const l of lanes.filter((x) => x.type === 'backstage')) expect(j.cards.filter((c) => c.laneId === l.id).length).toBeGreaterThanOrEqual(3);
  });
});
