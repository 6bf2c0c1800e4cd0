// The panel's Views section (issue 17): add, name, choose the kind and persona of, reorder and
// remove views; the views travel to the plugin in the journey of the ordinary render request, and
// the draft reducer keeps views pointing at personas, lanes and stages that exist.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { validateJourney, type Journey } from '../../shared/model';
import { draftReducer, newJourney, type DraftAction } from '../../ui/state/draft-reducer';
import { controlIdsForPath, fieldId } from '../../ui/state/paths';
import { renderApp } from './support/render-app';

afterEach(cleanup);

const run = (j: Journey, ...actions: DraftAction[]) => actions.reduce(draftReducer, j);

describe('draft reducer: views', () => {
  it('adds views with fresh ids and the kind’s name; a persona view shows the first persona', () => {
    const j = run(newJourney(), { type: 'addView', kind: 'executive-summary' }, { type: 'addView', kind: 'persona' }, { type: 'addView', kind: 'stage-slides', name: 'For the offsite' });
    expect(j.views.map((v) => [v.id, v.kind, v.name])).toEqual([
      ['view-1', 'executive-summary', 'Executive summary'],
      ['view-2', 'persona', 'Persona view'],
      ['view-3', 'stage-slides', 'For the offsite'],
    ]);
    expect(j.views[1]!.options.personas).toEqual(['persona-1']);
    expect(validateJourney(j).ok).toBe(true);
  });

  it('renames, changes kind, persona and top N; moves and removes', () => {
    let j = run(newJourney(), { type: 'addPersona', name: 'Sam' }, { type: 'addView', kind: 'executive-summary' }, { type: 'addView', kind: 'text' });
    j = run(j, { type: 'updateView', id: 'view-1', patch: { name: 'Board', top: 3 } }, { type: 'updateView', id: 'view-2', patch: { kind: 'persona' } });
    expect(j.views[0]).toMatchObject({ name: 'Board', options: { top: 3 } });
    expect(j.views[1]).toMatchObject({ kind: 'persona', options: { personas: ['persona-1'] } });
    j = run(j, { type: 'updateView', id: 'view-2', patch: { personaId: 'persona-2' } }, { type: 'updateView', id: 'view-1', patch: { top: undefined } });
    expect(j.views[1]!.options.personas).toEqual(['persona-2']);
    expect(j.views[0]!.options).not.toHaveProperty('top');
    j = run(j, { type: 'moveView', id: 'view-2', by: -1 });
    expect(j.views.map((v) => v.id)).toEqual(['view-2', 'view-1']);
    const same = draftReducer(j, { type: 'moveView', id: 'view-2', by: -1 });
    expect(same).toBe(j);
    j = run(j, { type: 'removeView', id: 'view-2' });
    expect(j.views.map((v) => v.id)).toEqual(['view-1']);
    expect(validateJourney(j).ok).toBe(true);
  });

  it('removing a persona, lane or stage drops it from the views that named it', () => {
    let j = run(newJourney(), { type: 'addStage', name: 'Buy' }, { type: 'addView', kind: 'persona' }, { type: 'addView', kind: 'blueprint' });
    j = { ...j, views: j.views.map((v) => (v.kind === 'blueprint' ? { ...v, options: { ...v.options, lanes: ['lane-1', 'lane-3'], stages: ['stage-1', 'stage-2'] } } : v)) };
    j = run(j, { type: 'removeLane', id: 'lane-1' }, { type: 'removeStage', id: 'stage-2' });
    expect(j.views[1]!.options).toMatchObject({ lanes: ['lane-3'], stages: ['stage-1'] });
    j = run(j, { type: 'removePersona', id: 'persona-1' });
    expect(j.views[0]!.options.personas).toEqual([]);
    // A persona view without its persona is a problem the panel shows at the view's persona field.
    const r = validateJourney(j);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const p = r.error.find((e) => e.path === 'views[0].options.personas')!;
      expect(p.message).toMatch(/persona view; choose the persona/);
      expect(controlIdsForPath(j, p.path)[0]).toBe(fieldId('view', j.views[0]!.id, 'options.personas'));
    }
  });
});

describe('the Views section', () => {
  it('adds a view, sets its kind and name, and the render request carries it', async () => {
    const { sb } = await renderApp({ handlers: { render: () => ({ nodeId: '1:2', created: 1, updated: 0, removed: 0, writes: 1, notices: [] }) } });
    fireEvent.click(screen.getByText('Views'));
    fireEvent.click(screen.getByRole('button', { name: 'Add view' }));
    const name = await waitFor(() => document.getElementById(fieldId('view', 'view-1', 'name')) as HTMLInputElement);
    await waitFor(() => expect(document.activeElement).toBe(name));
    fireEvent.input(name, { target: { value: 'For the leadership team' } });
    const kind = document.getElementById(fieldId('view', 'view-1', 'kind')) as HTMLSelectElement;
    expect([...kind.options].map((o) => o.textContent)).toEqual(['Executive summary', 'Persona view', 'Service blueprint', 'Stage slides', 'Action plan', 'Text alternative']);
    fireEvent.change(kind, { target: { value: 'action-plan' } });
    await waitFor(() => expect(screen.getByText('For the leadership team', { selector: '.item-title' })).toBeTruthy());
    // A live preview of the view, from the same pure layout the plugin draws.
    const details = screen.getByText('Preview of For the leadership team').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const figure = await screen.findByRole('img', { name: 'Preview of the view “For the leadership team”' });
    await waitFor(() => expect(within(figure).getByText('Action plan · For the leadership team')).toBeTruthy());
    // The sample journey's one card is an action: an action plan lists none.
    expect(within(figure).getByText('No pain points or opportunities in this journey.')).toBeTruthy();
    expect(within(figure).queryByText('Opens the app')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Generate map|Update map/ }));
    await waitFor(() => expect(sb.requests('render')).toHaveLength(1));
    const journey = sb.requests('render')[0]!.payload.journey as Journey;
    expect(journey.views).toEqual([{ id: 'view-1', kind: 'action-plan', name: 'For the leadership team', options: { personas: [], lanes: [], stages: [] } }]);
    const item = screen.getByText('For the leadership team', { selector: '.item-title' }).closest('fieldset')!;
    fireEvent.click(within(item as HTMLElement).getByRole('button', { name: 'Remove view For the leadership team' }));
    await waitFor(() => expect(screen.queryByText('For the leadership team', { selector: '.item-title' })).toBeNull());
  });
});
