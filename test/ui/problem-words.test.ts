// Problems in a designer's words: fields by their labels, items by their names, one per place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/result';
import { detailsFor } from '../../ui/data/card-fields';
import { fieldErrorsOf } from '../../ui/data/field-errors';
import { placeOf, wordProblems, wordsOf } from '../../ui/data/problem-words';
import { newJourney } from '../../ui/state/draft-reducer';
import { controlIdsForPath } from '../../ui/state/paths';
import { editorReducer, onePerPlace, problemsOf, stateFromJourney } from '../../ui/state/editor-state';

function journey() {
  const j = newJourney();
  j.personas[0]!.name = 'Mia';
  j.stages[0]!.steps[0]!.name = 'Sees Instagram ad';
  j.cards = [{ id: 'c1', laneId: 'lane-1', stepId: 'step-1', text: '', evidence: [] }];
  j.curves[0]!.points = [{ stepId: 'step-1', value: 9 }];
  return j;
}

describe('problem words', () => {
  it('names fields by their labels and items by their names', () => {
    const j = journey();
    expect(placeOf(j, 'reviewBy')).toBe('Review by');
    expect(placeOf(j, 'curves[0].points[0].value')).toBe('Mia – Sees Instagram ad');
    expect(placeOf(j, 'cards[0].text')).toBe('Empty card in Actions at Discover › Sees Instagram ad');
    expect(placeOf(j, 'lanes[2].personaId')).toBe('Lane “Pain points”, persona');
    expect(wordsOf(j, 'is not a date like 2026-03-31')).toBe('use a date like 2026-03-31');
    expect(wordsOf(j, 'Card "x" is under step "step-1", which does not exist')).toBe('Card "x" is under step “Sees Instagram ad”, which does not exist');
  });

  it('names a metric by its stage and name, its fields by their labels, and finds their controls', () => {
    const j = journey();
    j.stages[0]!.name = 'Checkout';
    j.stages[0]!.metrics = [{ name: 'NPS' }, { id: 'm2', name: 'Conversion' }];
    j.cards[0] = { ...j.cards[0]!, text: 'Basket drop-off', metric: { value: 18 } };
    expect(placeOf(j, 'stages[0].metrics[1].target')).toBe('Checkout › Conversion: Target');
    expect(placeOf(j, 'stages[0].metrics[0].direction')).toBe('Checkout › NPS: Better when');
    expect(placeOf(j, 'cards[0].metric.date')).toBe('Card “Basket drop-off”, metric: Measured on');
    expect(wordsOf(j, 'must be a number, not text')).toBe('use a number like 4.2');
    expect(controlIdsForPath(j, 'stages[0].metrics[1].target')[0]).toBe('jm-metric-m2-target');
    // A metric without an id (allowed in a file) is found by its place in the stage.
    expect(controlIdsForPath(j, 'stages[0].metrics[0].unit')[0]).toBe('jm-stage-stage-1-metric-0-unit');
    expect(controlIdsForPath(j, 'cards[0].metric.target')[0]).toBe('jm-card-c1-metric.target');
    expect(controlIdsForPath(j, 'cards[0].metric')[0]).toBe('jm-card-c1-metric.value');
  });

  it('an empty card and a value off the scale are problems, each under its field', () => {
    const j = journey();
    const errors = fieldErrorsOf(j, problemsOf(j));
    expect(errors.get('jm-card-c1-text')).toBe('Write its text or remove the card');
    expect(errors.get('jm-curve-curve-1-point-step-1')).toBe('9 is outside the scale -2 to 2');
  });

  it('one typo is one problem: the first message of each place is kept', () => {
    const j = newJourney();
    const s = editorReducer(stateFromJourney(j), { type: 'edit', action: { type: 'setMeta', field: 'reviewBy', value: '2026-02-30x' } });
    expect(s.problems.filter((p) => p.path === 'reviewBy')).toHaveLength(1);
  });

  it('a bad optional value leaves the form usable: the rest is read, the problem stays', () => {
    const s0 = stateFromJourney(newJourney());
    const text = s0.text.replace('"title": "Untitled journey",', '"title": "Mine", "reviewBy": "05/11/2026",');
    const s1 = editorReducer(s0, { type: 'setText', text });
    expect(s1.textBroken).toBe(false);
    expect(s1.journey.title).toBe('Mine');
    expect(s1.journey.reviewBy).toBeUndefined();
    expect(s1.problems.map((p) => p.path)).toEqual(['reviewBy']);
    expect(s1.text).toBe(text);
  });

  it('property: whatever the paths and messages (full unicode), at most one problem per place, in order', () => {
    const problem = fc.record({ path: fc.constantFrom('reviewBy', 'title', 'cards[0].text', 'curves[0].points[0].value', '', 'x'), message: fc.string({ unit: 'binary' }) });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 30 }), (problems: Problem[]) => {
        const j = journey();
        const worded = wordProblems(j, problems);
        const kept = onePerPlace(problems);
        expect(worded.map((w) => w.problem)).toEqual(kept);
        expect(new Set(kept.map((p) => p.path)).size).toBe(kept.length);
        for (const w of worded) expect(typeof w.message).toBe('string');
      }),
    );
  });

  it('card details mean something for their lane type; a value already set is always shown', () => {
    const card = { id: 'c', laneId: 'l', stepId: 's', text: 't', evidence: [] };
    expect(detailsFor(card, 'actions')).toEqual([]);
    expect(detailsFor(card, 'touchpoints')).toContain('channel');
    expect(detailsFor(card, 'thoughts')).not.toContain('effort');
    expect(detailsFor({ ...card, channel: 'web' as const }, 'actions')).toEqual(['channel']);
  });
});
