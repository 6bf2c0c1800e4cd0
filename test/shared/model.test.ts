// The journey model: defaults, lossless round trip of unknown fields, and the problems a broken
// journey produces (exact JSON paths, plain-language messages, all at once).
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { LIMITS, validateJourney, type Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { exampleJourney, expectProblem, indexOfId, minimalJourney, type Json } from './journey-helpers';

function problemsOf(input: unknown): Problem[] {
  const r = validateJourney(input);
  if (r.ok) throw new Error('expected the journey to be rejected, but it validated');
  return r.error;
}

function valid(input: unknown): Journey {
  const r = validateJourney(input);
  if (!r.ok) throw new Error(`expected a valid journey:\n${r.error.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return r.value;
}

describe('validateJourney: the examples', () => {
  it.each(EXAMPLES.map((e) => [e.id] as const))('%s validates as a bare journey', (id) => {
    expect(validateJourney(exampleJourney(id)).ok).toBe(true);
  });

  it('does not modify its input', () => {
    const input = exampleJourney('retail-purchase');
    const before = structuredClone(input);
    valid(input);
    expect(input).toEqual(before);
  });
});

describe('validateJourney: defaults', () => {
  it('fills in status, the -2..2 emotion scale and empty lists', () => {
    const j = valid(minimalJourney());
    expect(j.status).toBe('draft');
    expect(j.emotionScale).toEqual({
      min: -2,
      max: 2,
      labels: [
        { value: -2, label: 'Very negative' },
        { value: -1, label: 'Negative' },
        { value: 0, label: 'Neutral' },
        { value: 1, label: 'Positive' },
        { value: 2, label: 'Very positive' },
      ],
    });
    for (const key of ['tags', 'personas', 'lanes', 'cards', 'curves', 'links', 'evidence'] as const) expect(j[key], key).toEqual([]);
    expect(j.stages[0]?.metrics).toEqual([]);
  });

  it('fills in nested defaults: persona lists, card evidence, curve name/kind/points, link kind', () => {
    const input = minimalJourney();
    input.personas = [{ id: 'p-1', name: 'P' }];
    input.lanes = [{ id: 'l-1', type: 'actions', label: 'Doing' }];
    input.cards = [{ id: 'c-1', laneId: 'l-1', stepId: 's-1', text: 'Does a thing' }];
    input.curves = [{ id: 'cv-1', personaId: 'p-1' }];
    input.stages[0].steps.push({ id: 's-2', name: 'Second' });
    input.links = [{ id: 'ln-1', from: 's-1', to: 's-2' }];
    const j = valid(input);
    expect(j.personas[0]).toEqual({ id: 'p-1', name: 'P', goals: [], frustrations: [], evidence: [] });
    expect(j.cards[0]?.evidence).toEqual([]);
    expect(j.curves[0]).toEqual({ id: 'cv-1', personaId: 'p-1', name: 'As-is', kind: 'as-is', points: [] });
    expect(j.links[0]?.kind).toBe('flow');
  });

  it('keeps a custom scale as given, without adding the default labels', () => {
    const input = minimalJourney();
    input.emotionScale = { min: 1, max: 5 };
    expect(valid(input).emotionScale).toEqual({ min: 1, max: 5, labels: [] });
  });
});

describe('validateJourney: unknown fields survive', () => {
  it('keeps extra fields at every level of the model', () => {
    const j = exampleJourney('saas-onboarding');
    const extra = (where: string) => ({ note: `kept at ${where}`, nested: { n: 1, list: [true, null] } });
    j.x_journey = extra('journey');
    j.emotionScale.x_scale = extra('scale');
    j.emotionScale.labels[0].x_label = extra('label');
    j.personas[0].x_persona = extra('persona');
    j.stages[0].x_stage = extra('stage');
    j.stages[0].steps[0].x_step = extra('step');
    j.stages[0].metrics[0].x_metric = extra('stage metric');
    j.lanes[0].x_lane = extra('lane');
    const kpi = indexOfId(j.cards, 'c-kpi-erp-24h');
    j.cards[kpi].x_card = extra('card');
    j.cards[kpi].metric.x_cardMetric = extra('card metric');
    j.curves[0].x_curve = extra('curve');
    j.curves[0].points[0].x_point = extra('curve point');
    j.links[0].x_link = extra('link');
    j.evidence[0].x_evidence = extra('evidence');

    const out: Json = valid(j);
    expect(out.x_journey).toEqual(extra('journey'));
    expect(out.emotionScale.x_scale).toEqual(extra('scale'));
    expect(out.emotionScale.labels[0].x_label).toEqual(extra('label'));
    expect(out.personas[0].x_persona).toEqual(extra('persona'));
    expect(out.stages[0].x_stage).toEqual(extra('stage'));
    expect(out.stages[0].steps[0].x_step).toEqual(extra('step'));
    expect(out.stages[0].metrics[0].x_metric).toEqual(extra('stage metric'));
    expect(out.lanes[0].x_lane).toEqual(extra('lane'));
    expect(out.cards[kpi].x_card).toEqual(extra('card'));
    expect(out.cards[kpi].metric.x_cardMetric).toEqual(extra('card metric'));
    expect(out.curves[0].x_curve).toEqual(extra('curve'));
    expect(out.curves[0].points[0].x_point).toEqual(extra('curve point'));
    expect(out.links[0].x_link).toEqual(extra('link'));
    expect(out.evidence[0].x_evidence).toEqual(extra('evidence'));
  });

  it('a validated example validates again to the same value (idempotent, lossless)', () => {
    for (const ex of EXAMPLES) {
      const once = valid((ex.envelope as Json).journey);
      expect(valid(structuredClone(once))).toEqual(once);
    }
  });
});

describe('validateJourney: a broken retail example, reference problems', () => {
  // Six mistakes a person editing the file by hand makes, all in one file.
  function broken() {
    const j = exampleJourney('retail-purchase');
    const painLaneCards = j.cards.map((c: Json, i: number) => (c.laneId === 'l-pain' ? i : -1)).filter((i: number) => i >= 0);
    j.lanes.splice(indexOfId(j.lanes, 'l-pain'), 1);
    const tomCurve = indexOfId(j.curves, 'cv-tom-as-is');
    j.curves[tomCurve].personaId = 'p-ghost';
    const loop = indexOfId(j.links, 'ln-swatch-loop');
    j.links[loop].to = 's-nowhere';
    const mayaCurve = indexOfId(j.curves, 'cv-maya-as-is');
    j.curves[mayaCurve].points[3].value = 3;
    const dup = indexOfId(j.cards, 'c-act-browse');
    j.cards[dup].id = 'c-act-trigger';
    const citing = indexOfId(j.cards, 'c-th-maya-grey');
    j.cards[citing].evidence = ['ev-int-maya-03', 'ev-diary-study'];
    return { j, painLaneCards, tomCurve, loop, mayaCurve, dup, citing };
  }

  it('reports every reference problem at once, each at its exact path', () => {
    const { j, painLaneCards, tomCurve, loop, mayaCurve, dup, citing } = broken();
    const problems = problemsOf(j);
    expect(painLaneCards).toHaveLength(6);
    const expectedPaths = [
      ...painLaneCards.map((i: number) => `cards[${i}].laneId`),
      `curves[${tomCurve}].personaId`,
      `links[${loop}].to`,
      `curves[${mayaCurve}].points[3].value`,
      `cards[${dup}].id`,
      `cards[${citing}].evidence[1]`,
    ];
    expect(problems.map((p) => p.path).sort()).toEqual(expectedPaths.sort());
  });

  it('pins the paths to the file as written (index 28 is the first pain point card)', () => {
    const { j } = broken();
    expectProblem(problemsOf(j), 'cards[28].laneId', '"l-pain"', 'does not exist');
  });

  it('says in plain words what is wrong, naming the thing a designer can find', () => {
    const { j, painLaneCards, tomCurve, loop, mayaCurve, dup, citing } = broken();
    const problems = problemsOf(j);
    expectProblem(problems, `cards[${painLaneCards[0]}].laneId`, 'Card', 'lane "l-pain"', 'does not exist');
    expectProblem(problems, `curves[${tomCurve}].personaId`, 'Tom today', 'persona "p-ghost"', 'does not exist');
    expectProblem(problems, `links[${loop}].to`, '"s-nowhere"', 'does not exist as a step or card');
    expectProblem(problems, `curves[${mayaCurve}].points[3].value`, 'Maya today', '3', 'outside the emotion scale -2 to 2');
    expectProblem(problems, `cards[${dup}].id`, '"c-act-trigger"', 'already used', 'unique');
    expectProblem(problems, `cards[${citing}].evidence[1]`, '"ev-diary-study"', 'not in the evidence list');
  });

  it('checks emotion values against a custom scale (1..5): 0 is outside it', () => {
    const j = exampleJourney('saas-onboarding');
    j.curves[0].points[1].value = 0;
    expectProblem(problemsOf(j), 'curves[0].points[1].value', 'outside the emotion scale 1 to 5');
  });

  it('rejects a card in the emotion lane, a lane for a missing persona, a step-less link loop and a double curve point', () => {
    const j = exampleJourney('retail-purchase');
    j.cards[0].laneId = 'l-emotion';
    j.lanes[1].personaId = 'p-nobody';
    j.links[0].to = j.links[0].from;
    j.curves[0].points[1].stepId = j.curves[0].points[0].stepId;
    const problems = problemsOf(j);
    expectProblem(problems, 'cards[0].laneId', 'emotion comes from curves');
    expectProblem(problems, 'lanes[1].personaId', '"p-nobody"', 'does not exist');
    expectProblem(problems, 'links[0]', 'starts and ends');
    expectProblem(problems, 'curves[0].points[1].stepId', 'two values');
    expect(problems).toHaveLength(4);
  });
});

describe('validateJourney: a broken retail example, structural problems', () => {
  function broken() {
    const j = exampleJourney('retail-purchase');
    const enumCard = indexOfId(j.cards, 'c-pp-fit');
    j.cards[enumCard].priority = 'urgent';
    j.personas[1].name = 42;
    const longCard = indexOfId(j.cards, 'c-act-browse');
    j.cards[longCard].text = 'x'.repeat(LIMITS.textLength + 1);
    while (j.stages.length <= LIMITS.stages) {
      const n = j.stages.length;
      j.stages.push({ id: `st-extra-${n}`, name: `Extra ${n}`, steps: [{ id: `s-extra-${n}`, name: 'Extra' }] });
    }
    return { j, enumCard, longCard };
  }

  // Note: zod stops at a list's size limit and does not look inside the list, so the mistakes sit
  // outside `stages` (a wrong type inside the 41 stages would not be reported until it is shortened).
  it('reports every structural problem at once, each at its exact path', () => {
    const { j, enumCard, longCard } = broken();
    const problems = problemsOf(j);
    expect(problems.map((p) => p.path).sort()).toEqual(
      [`cards[${enumCard}].priority`, 'personas[1].name', `cards[${longCard}].text`, 'stages'].sort(),
    );
  });

  it('names the allowed values, the character limit and the stage limit', () => {
    const { j, enumCard, longCard } = broken();
    const problems = problemsOf(j);
    expectProblem(problems, `cards[${enumCard}].priority`, 'use one of', '"low"', '"critical"');
    expectProblem(problems, 'personas[1].name', 'must be text');
    expectProblem(problems, `cards[${longCard}].text`, `longer than ${LIMITS.textLength} characters`);
    expectProblem(problems, 'stages', String(LIMITS.stages));
  });

  it('a wrong type says what was found, not "is missing"', () => {
    const j = exampleJourney('retail-purchase');
    j.stages[1].name = 42;
    expectProblem(problemsOf(j), 'stages[1].name', 'must be text, not a number');
  });

  it('a wrong enum value quotes the value that was found', () => {
    const j = exampleJourney('retail-purchase');
    j.cards[0].priority = 'urgent';
    expectProblem(problemsOf(j), 'cards[0].priority', '"urgent" is not allowed');
  });

  it('a fractional effort says "whole number", not zod\'s "int"', () => {
    const j = exampleJourney('retail-purchase');
    const i = indexOfId(j.cards, 'c-pp-fit');
    j.cards[i].effort = 2.5;
    expectProblem(problemsOf(j), `cards[${i}].effort`, 'whole number');
  });

  it('too many stages is worded like the other list limits ("has more than 40 items")', () => {
    const { j } = broken();
    expectProblem(problemsOf(j), 'stages', `has more than ${LIMITS.stages} items`);
  });

  it('reports structural and reference problems together', () => {
    const j = exampleJourney('retail-purchase');
    j.cards[0].priority = 'urgent';
    j.cards[1].laneId = 'l-missing';
    const paths = problemsOf(j).map((p) => p.path);
    expect(paths).toContain('cards[0].priority');
    expect(paths).toContain('cards[1].laneId');
  });

  it('keeps exact paths for reference problems after a malformed list item', () => {
    const j = exampleJourney('retail-purchase');
    j.cards[0] = null;
    j.cards[1].laneId = 'l-missing';
    const problems = problemsOf(j);
    expectProblem(problems, 'cards[0]', 'must be an object');
    expectProblem(problems, 'cards[1].laneId', '"l-missing"', 'does not exist');
  });
});

describe('validateJourney: limits', () => {
  it(`rejects more than LIMITS.cards (${LIMITS.cards}) cards, naming the limit`, () => {
    const j = exampleJourney('retail-purchase');
    const card = j.cards[0];
    j.cards = Array.from({ length: LIMITS.cards + 1 }, (_, i) => ({ ...card, id: `c-bulk-${i}` }));
    const problems = problemsOf(j);
    expectProblem(problems, 'cards', `more than ${LIMITS.cards}`);
  });

  it(`accepts exactly LIMITS.cards cards`, () => {
    const j = exampleJourney('retail-purchase');
    const card = j.cards[0];
    while (j.cards.length < LIMITS.cards) j.cards.push({ ...card, id: `c-bulk-${j.cards.length}` });
    expect(validateJourney(j).ok).toBe(true);
  });

  it(`rejects a text over LIMITS.textLength (${LIMITS.textLength}) characters and accepts one at the limit`, () => {
    const j = exampleJourney('retail-purchase');
    j.cards[2].text = 'a'.repeat(LIMITS.textLength);
    expect(validateJourney(j).ok).toBe(true);
    j.cards[2].text += 'a';
    expectProblem(problemsOf(j), 'cards[2].text', String(LIMITS.textLength));
  });

  it(`rejects more than LIMITS.steps (${LIMITS.steps}) steps in all, even when each stage is small`, () => {
    const j = minimalJourney();
    j.stages = Array.from({ length: 31 }, (_, s) => ({
      id: `st-${s}`,
      name: `Stage ${s}`,
      steps: Array.from({ length: 10 }, (_, k) => ({ id: `s-${s}-${k}`, name: 'Step' })),
    }));
    expectProblem(problemsOf(j), 'stages', `${LIMITS.steps}`, '310');
  });

  it(`rejects more than LIMITS.curvesPerPersona (${LIMITS.curvesPerPersona}) curves for one persona`, () => {
    const j = exampleJourney('retail-purchase');
    const curve = j.curves[0];
    for (let i = j.curves.length; i <= LIMITS.curvesPerPersona + 1; i++) j.curves.push({ ...curve, id: `cv-more-${i}` });
    const over = j.curves.map((c: Json, i: number) => (c.personaId === 'p-maya' ? i : -1)).filter((i: number) => i >= 0)[LIMITS.curvesPerPersona];
    expectProblem(problemsOf(j), `curves[${over}]`, `more than ${LIMITS.curvesPerPersona}`);
  });

  it('rejects an id with spaces, an empty title and a stage without steps', () => {
    const j = minimalJourney();
    j.id = 'my journey';
    j.title = '';
    j.stages.push({ id: 'st-empty', name: 'Empty', steps: [] });
    const problems = problemsOf(j);
    expectProblem(problems, 'id', 'letters, digits');
    expectProblem(problems, 'title', 'empty');
    expectProblem(problems, 'stages[1].steps', 'at least one step');
  });

  it('rejects a scale whose min is not below its max and labels off the scale', () => {
    const j = minimalJourney();
    j.emotionScale = { min: 5, max: 1, labels: [{ value: 7, label: 'Off' }] };
    const problems = problemsOf(j);
    expectProblem(problems, 'emotionScale', 'must be below max');
    expectProblem(problems, 'emotionScale.labels[0].value', 'outside the scale');
  });
});
