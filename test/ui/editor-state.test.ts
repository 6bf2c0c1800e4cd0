// The draft's text/journey/problems rules, problem paths to form controls, and JSON spans.
import { describe, expect, it } from 'vitest';
import { locateInJson } from '../../ui/data/json-locate';
import { newJourney } from '../../ui/state/draft-reducer';
import { editorReducer, formatJourney, isDirty, stateFromJourney } from '../../ui/state/editor-state';
import { controlIdsForPath, fieldId, parsePath } from '../../ui/state/paths';

describe('editor state', () => {
  it('formats the draft as a stable 2-space envelope', () => {
    const text = formatJourney(newJourney());
    expect(text.startsWith('{\n  "format": "journey-mapper",\n  "schemaVersion": 2,\n  "journey": {\n    "id": "journey-1"')).toBe(true);
    expect(formatJourney(newJourney())).toBe(text);
  });

  it('a form edit rewrites the text and revalidates; the draft becomes dirty', () => {
    const s0 = stateFromJourney(newJourney());
    expect(isDirty(s0)).toBe(false);
    const s1 = editorReducer(s0, { type: 'edit', action: { type: 'setMeta', field: 'title', value: '' } });
    expect(JSON.parse(s1.text).journey.title).toBe('');
    expect(s1.problems.map((p) => p.path)).toEqual(['title']);
    expect(isDirty(s1)).toBe(true);
    expect(isDirty(editorReducer(s1, { type: 'markSaved' }))).toBe(false);
  });

  it('a text edit with reference problems still drives the form, with journey-relative paths', () => {
    const s0 = stateFromJourney(newJourney());
    const env = JSON.parse(s0.text);
    env.journey.cards = [{ id: 'c1', laneId: 'nope', stepId: 'step-1', text: 'x' }];
    const s1 = editorReducer(s0, { type: 'setText', text: JSON.stringify(env, null, 2) });
    expect(s1.textBroken).toBe(false);
    expect(s1.journey.cards[0]!.id).toBe('c1');
    expect(s1.problems).toEqual([{ path: 'cards[0].laneId', message: expect.stringContaining('"nope", which does not exist') }]);
  });

  it('text that is not a journey shape locks the form and keeps the last good journey', () => {
    const s0 = stateFromJourney(newJourney());
    const s1 = editorReducer(s0, { type: 'setText', text: '{ "journey": ' });
    expect(s1.textBroken).toBe(true);
    expect(s1.journey).toBe(s0.journey);
    expect(s1.problems[0]).toMatchObject({ path: '', line: 1 });
    // Form edits are ignored while locked, so typed text is never overwritten.
    expect(editorReducer(s1, { type: 'edit', action: { type: 'addStage' } })).toBe(s1);
    const s2 = editorReducer(s1, { type: 'revertText' });
    expect(s2).toMatchObject({ textBroken: false, text: s0.text, problems: [] });
  });
});

describe('problem paths', () => {
  const j = newJourney();
  j.cards = [{ id: 'card-9', laneId: 'x', stepId: 'step-1', text: '', evidence: [] }];
  j.curves[0]!.points = [{ stepId: 'step-1', value: 9 }];

  it('parses paths', () => {
    expect(parsePath('stages[2].steps[0].name')).toEqual(['stages', 2, 'steps', 0, 'name']);
  });

  it('maps a path to the control for that entity and field, by id', () => {
    expect(controlIdsForPath(j, 'title')).toEqual([fieldId('meta', 'journey', 'title')]);
    expect(controlIdsForPath(j, 'tags[3]')).toEqual([fieldId('meta', 'journey', 'tags')]);
    expect(controlIdsForPath(j, 'cards[0].laneId')[0]).toBe(fieldId('card', 'card-9', 'laneId'));
    expect(controlIdsForPath(j, 'cards[0].id')[0]).toBe(fieldId('card', 'card-9', 'text'));
    expect(controlIdsForPath(j, 'stages[0].steps[0].name')[0]).toBe(fieldId('step', 'step-1', 'name'));
    expect(controlIdsForPath(j, 'lanes[1].personaId')).toEqual([fieldId('lane', 'lane-2', 'personaId')]);
    expect(controlIdsForPath(j, 'curves[0].points[0].value')[0]).toBe(fieldId('curve', 'curve-1', 'point', 'step-1'));
    expect(controlIdsForPath(j, 'links[0].from')).toEqual([]);
    expect(controlIdsForPath(j, 'cards[7].text')).toEqual([]);
  });
});

describe('locateInJson', () => {
  const text = formatJourney(newJourney());
  it('finds a value inside the envelope by journey-relative path', () => {
    const span = locateInJson(text, 'lanes[1].label')!;
    expect(text.slice(span.start, span.end)).toBe('"Emotion"');
  });
  it('falls back to the nearest ancestor, and to envelope fields', () => {
    const span = locateInJson(text, 'cards[4].laneId')!;
    expect(text.slice(span.start, span.end)).toBe('[]');
    const v = locateInJson(text, 'schemaVersion')!;
    expect(text.slice(v.start, v.end)).toBe('2');
  });
  it('uses line and column when the problem has them', () => {
    const span = locateInJson('{\n  "a": x\n}', '', 2, 8)!;
    expect(span.start).toBe(9);
  });
});
