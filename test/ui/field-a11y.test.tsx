// Issue 15, items 2 and 9 in the panel: an add moves the focus into the new item before the
// browser handles another event (so a key typed right after the click never presses the button
// again); a problem with an emotion point is shown under its slider and tied to it like any
// field's; the controls repeated in every lane, stage, persona, evidence item and view have names
// of their own.
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { wrap } from '../../shared/model';
import { fieldId } from '../../ui/state/paths';
import { renderApp, sampleJourney } from './support/render-app';

afterEach(() => cleanup());

const openSection = (title: string) => {
  const summary = [...document.querySelectorAll('details.section > summary')].find((s) => s.textContent?.startsWith(title));
  if (!summary) throw new Error(`no section ${title}`);
  (summary.parentElement as HTMLDetailsElement).open = true;
};

/** The name a control gets from its label (for= or around it), or its aria-label. */
const labelName = (el: Element) => (el.getAttribute('aria-label') ?? document.querySelector(`label[for="${el.id}"]`)?.textContent ?? el.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('adding moves the focus at once', () => {
  it('"Add stage": the new stage’s name has the focus when the render’s task ends, with no wait for a paint', async () => {
    await renderApp();
    openSection('Stages and steps');
    // A plain click, not fireEvent's (its act() runs every effect at once, which hides the
    // difference). The render runs in a microtask of the click's task and a layout effect focuses
    // in it; a plain effect would wait for the next animation frame, after which a typed key may
    // already have reached the button.
    screen.getByRole('button', { name: 'Add stage' }).click();
    await Promise.resolve();
    expect(document.activeElement?.id).toBe(fieldId('stage', 'stage-2', 'name'));
  });
});

describe('an emotion point’s problem', () => {
  it('is shown under its slider and tied to it by aria-describedby', async () => {
    const j = sampleJourney();
    j.curves[0]!.points = [{ stepId: 'step-1', value: 5 }];
    await renderApp({ draft: JSON.stringify(wrap(j), null, 2) });
    openSection('Emotions');
    const slider = document.getElementById(fieldId('curve', 'curve-1', 'point', 'step-1')) as HTMLInputElement;
    expect(slider.type).toBe('range');
    expect(slider.getAttribute('aria-invalid')).toBe('true');
    const note = document.getElementById(slider.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toMatch(/5 is outside the scale -2 to 2/);
    // Next to the slider, in its row.
    expect(note?.closest('.slider-row')).toBe(slider.closest('.slider-row'));
  });
});

describe('controls repeated in every item have names of their own', () => {
  it('lanes, stages, personas, evidence and views: every field’s name is unique', async () => {
    const j = sampleJourney();
    j.stages.push({ id: 'stage-2', name: 'Buy', metrics: [], steps: [{ id: 'step-2', name: 'Pays' }] });
    j.personas.push({ id: 'persona-2', name: 'Tom', goals: [], frustrations: [], evidence: [] });
    j.evidence = [
      { id: 'ev-1', kind: 'interview', source: 'Interview 1', confidence: 'observed' },
      { id: 'ev-2', kind: 'survey', source: 'Survey', confidence: 'reported' },
    ];
    j.views = [
      { id: 'view-1', kind: 'executive-summary', name: 'Board', options: { personas: [], lanes: [], stages: [] } },
      { id: 'view-2', kind: 'text', name: 'Text', options: { personas: [], lanes: [], stages: [] } },
    ];
    await renderApp({ draft: JSON.stringify(wrap(j), null, 2) });
    expect(screen.getByLabelText('Type of lane Pain points')).toBe(document.getElementById(fieldId('lane', 'lane-3', 'type')));
    expect(screen.getByLabelText('Label of lane Actions')).toBe(document.getElementById(fieldId('lane', 'lane-1', 'label')));
    expect(screen.getByLabelText('Persona of lane Emotion')).toBe(document.getElementById(fieldId('lane', 'lane-2', 'personaId')));
    expect(screen.getByLabelText('Stage name of stage 2')).toBe(document.getElementById(fieldId('stage', 'stage-2', 'name')));
    expect(screen.getByLabelText('Funnel phase of stage 1')).toBe(document.getElementById(fieldId('stage', 'stage-1', 'phase')));
    expect(screen.getByLabelText('Name of persona Tom')).toBe(document.getElementById(fieldId('persona', 'persona-2', 'name')));
    expect(screen.getByLabelText('Kind of evidence “Survey”')).toBe(document.getElementById(fieldId('evidence', 'ev-2', 'kind')));
    expect(screen.getByLabelText('Name of view Board')).toBe(document.getElementById(fieldId('view', 'view-1', 'name')));
    // The visible label stays short: the rest is for screen readers only.
    expect(document.querySelector(`label[for="${fieldId('lane', 'lane-3', 'type')}"]`)?.firstChild?.textContent).toBe('Type');

    const form = document.querySelector('.form-root')!;
    const names = [...form.querySelectorAll('input:not([type="radio"]), select, textarea')].map(labelName);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    expect(twice).toEqual([]);
  });
});
