// Issue 15, item 12: numbers typeset without a space before "%" or "/", and bars and chips say
// whether a target is met in the metric's direction (lower is better for times, failures, costs).
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples/index';
import { layoutJourney } from '../../shared/layout/layout';
import { childKey, entityKey } from '../../shared/layout/keys';
import { walk, type NodeSpec } from '../../shared/layout/spec';
import { loadJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { StyleOptionsSchema } from '../../shared/style/options';

function example(id: string): Journey {
  const loaded = loadJourney(EXAMPLES.find((e) => e.id === id)?.envelope);
  if (!loaded.ok) throw new Error(`example ${id} does not load`);
  return loaded.value.journey;
}

function byKey(j: Journey): Map<string, NodeSpec> {
  const out = new Map<string, NodeSpec>();
  walk(layoutJourney(j, StyleOptionsSchema.parse({})).root, (s) => out.set(s.key, s));
  return out;
}

const textOf = (specs: Map<string, NodeSpec>, key: string): string => {
  const s = specs.get(key);
  if (s?.type !== 'TEXT') throw new Error(`no text ${key}`);
  return s.text;
};

/** The filled share of a card's progress bar. */
function barShare(specs: Map<string, NodeSpec>, cardId: string): number {
  const bar = specs.get(childKey(entityKey('card', cardId), 'bar'));
  const fill = specs.get(childKey(entityKey('card', cardId), 'bar', 'value'));
  if (bar?.type !== 'FRAME' || fill?.type !== 'RECTANGLE') throw new Error(`no bar on ${cardId}`);
  return fill.width / bar.width;
}

describe('metrics on the map', () => {
  const j = example('saas-onboarding');
  const metricCard = (id: string, metric: NonNullable<Journey['cards'][number]['metric']>) => {
    const base = j.cards.find((c) => c.metric) as Journey['cards'][number];
    return { ...base, id, metric };
  };
  const cards = [
    metricCard('k-low-missed', { value: 18, target: 5, unit: '%', direction: 'lower-is-better' }),
    metricCard('k-low-met', { value: 3, target: 5, unit: '%', direction: 'lower-is-better' }),
    metricCard('k-high-missed', { value: 41, target: 60, unit: '%' }),
    metricCard('k-high-met', { value: 4.5, target: 4, unit: '/5', direction: 'higher-is-better' }),
    metricCard('k-words', { value: 6.5, target: 3, unit: 'days', direction: 'lower-is-better' }),
  ];
  const specs = byKey({ ...j, cards: [...j.cards, ...cards] });
  const card = (id: string, part: string) => textOf(specs, childKey(entityKey('card', id), part));

  it('a card says met or missed in the metric’s direction, and its bar agrees', () => {
    expect(card('k-low-missed', 'target')).toBe('Missed: target ≤ 5%');
    expect(barShare(specs, 'k-low-missed')).toBeCloseTo(5 / 18, 2);
    expect(card('k-low-met', 'target')).toBe('Met: target ≤ 5%');
    expect(barShare(specs, 'k-low-met')).toBe(1);
    expect(card('k-high-missed', 'target')).toBe('Missed: target ≥ 60%');
    expect(barShare(specs, 'k-high-missed')).toBeCloseTo(41 / 60, 2);
    expect(card('k-high-met', 'target')).toBe('Met: target ≥ 4/5');
    expect(barShare(specs, 'k-high-met')).toBe(1);
  });

  it('no space between a number and "%" or "/", a space before a word', () => {
    expect(card('k-low-missed', 'metric')).toBe('18%');
    expect(card('k-high-met', 'metric')).toBe('4.5/5');
    expect(card('k-words', 'metric')).toBe('6.5 days');
    expect(card('k-words', 'target')).toBe('Missed: target ≤ 3 days');
  });

  it('stage KPI chips say met or missed in the metric’s direction', () => {
    const stage = j.stages.find((s) => s.metrics.some((m) => m.id === 'm-ttv'));
    if (!stage) throw new Error('no stage with m-ttv');
    const chip = (id: string) => textOf(specs, childKey(entityKey('stage', stage.id), 'metric', id, 'text'));
    expect(chip('m-ttv')).toBe('Time to value (median): 6.5 days (target ≤ 3 days, missed)');
    expect(chip('m-activation-rate')).toBe('Activation rate (first report synced): 38% (target ≥ 50%, missed)');
    const retail = byKey(example('retail-purchase'));
    const delivery = example('retail-purchase').stages.find((s) => s.metrics.some((m) => m.id === 'm-csat-delivery'));
    if (!delivery) throw new Error('no stage with m-csat-delivery');
    expect(textOf(retail, childKey(entityKey('stage', delivery.id), 'metric', 'm-csat-delivery', 'text'))).toBe('Delivery satisfaction: 3.9/5 (target ≥ 4.4/5, missed)');
    const met = { ...j, stages: j.stages.map((s) => (s.id === stage.id ? { ...s, metrics: s.metrics.map((m) => (m.id === 'm-ttv' ? { ...m, value: 2 } : m)) } : s)) };
    expect(textOf(byKey(met), childKey(entityKey('stage', stage.id), 'metric', 'm-ttv', 'text'))).toBe('Time to value (median): 2 days (target ≤ 3 days, met)');
  });
});
