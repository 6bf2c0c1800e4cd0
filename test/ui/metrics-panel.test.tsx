// Metrics in the panel (issue 15 item 12): a stage's metrics are edited in the stage editor and a
// metric card's in its side sheet; "Better when" sets the model's direction; a number field keeps
// text that is not a number, with a message tied to it, and leaves the draft as it was.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { wrap, type Journey } from '../../shared/model';
import { errorId } from '../../ui/components/fields';
import { JSON_TEXT_ID } from '../../ui/components/json-view';
import { formatJourney } from '../../ui/state/editor-state';
import { cardMetricFieldId, fieldId } from '../../ui/state/paths';
import { renderApp, sampleJourney } from './support/render-app';

afterEach(cleanup);

const RENDERED = { nodeId: '1:2', created: 1, updated: 0, removed: 0, writes: 1, notices: [] };

function checkout(): Journey {
  const j = sampleJourney();
  j.stages[0]!.name = 'Checkout';
  return j;
}

/** A control's name: its aria-label, else its label's text (the labels here hold only text). */
const nameOf = (el: HTMLElement) => el.getAttribute('aria-label') ?? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '';
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(input(id), { target: { value } });
const json = () => JSON.parse((document.getElementById(JSON_TEXT_ID) as HTMLTextAreaElement).value) as { journey: Journey };

async function openStages() {
  fireEvent.click(screen.getByText('Stages and steps'));
  fireEvent.click(screen.getByRole('button', { name: '+ Add metric to Checkout' }));
  const name = input(fieldId('metric', 'metric-1', 'name'));
  await waitFor(() => expect(document.activeElement).toBe(name));
  return name;
}

describe('stage metrics in the stage editor', () => {
  it('a designer adds a metric, sets "Better when: Lower", and the journey drawn has a lower-is-better metric', async () => {
    const { sb } = await renderApp({ draft: formatJourney(checkout()), handlers: { render: () => RENDERED } });
    const name = await openStages();
    expect(name.value).toBe('Metric 1');
    fireEvent.input(name, { target: { value: 'Drop-off' } });
    const id = (f: string) => fieldId('metric', 'metric-1', f);
    type(id('value'), '3.1');
    type(id('target'), '2.5');
    type(id('unit'), '%');
    const better = screen.getByRole('combobox', { name: 'Better when of Drop-off in Checkout' }) as HTMLSelectElement;
    expect([...better.options].map((o) => o.textContent)).toEqual(['Higher', 'Lower']);
    fireEvent.change(better, { target: { value: 'lower-is-better' } });
    type(id('date'), '2026-03-31');
    type(id('source'), 'GA4 funnel');

    fireEvent.click(screen.getByRole('button', { name: /Generate map|Update map/ }));
    await waitFor(() => expect(sb.requests('render')).toHaveLength(1));
    const journey = sb.requests('render')[0]!.payload.journey as Journey;
    expect(journey.stages[0]!.metrics).toEqual([{ id: 'metric-1', name: 'Drop-off', value: 3.1, target: 2.5, unit: '%', direction: 'lower-is-better', date: '2026-03-31', source: 'GA4 funnel' }]);
  });

  it('every control has its own name, with the stage and the metric', async () => {
    const j = checkout();
    j.stages[0]!.metrics = [{ id: 'm1', name: 'Conversion' }, { id: 'm2', name: 'Conversion' }, { id: 'm3', name: 'Time to pay' }];
    await renderApp({ draft: formatJourney(j) });
    fireEvent.click(screen.getByText('Stages and steps'));
    const list = screen.getByRole('list', { name: 'Metrics of Checkout' });
    const controls = [...list.querySelectorAll<HTMLElement>('input, select, button')];
    const names = controls.map(nameOf);
    expect(controls).toHaveLength(3 * 8);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Target of Time to pay in Checkout');
    expect(names).toContain('Target of metric 2 (Conversion) in Checkout');
    expect(names).toContain('Metric 3 of Checkout');
    expect(names).toContain('Remove metric Time to pay from Checkout');
    for (const n of names) expect(n).toMatch(/Checkout/);
    // The same names as the accessibility tree computes them.
    expect(within(list).getByRole('textbox', { name: 'Target of metric 2 (Conversion) in Checkout' }).id).toBe(fieldId('metric', 'm2', 'target'));
    expect(within(list).getByRole('combobox', { name: 'Better when of Time to pay in Checkout' }).id).toBe(fieldId('metric', 'm3', 'direction'));
  });

  it('text that is not a number stays in its field with a message tied to it; the draft keeps its value until it is fixed', async () => {
    const j = checkout();
    j.stages[0]!.metrics = [{ id: 'm1', name: 'Conversion', target: 2.5 }];
    await renderApp({ draft: formatJourney(j) });
    fireEvent.click(screen.getByText('Stages and steps'));
    const target = input(fieldId('metric', 'm1', 'target'));
    expect(target.value).toBe('2.5');
    fireEvent.input(target, { target: { value: '4,2' } });
    fireEvent.blur(target);
    await waitFor(() => expect(target.getAttribute('aria-invalid')).toBe('true'));
    expect(target.value).toBe('4,2');
    expect(target.getAttribute('aria-describedby')).toBe(errorId(target.id));
    const error = document.getElementById(errorId(target.id))!;
    expect(error.textContent).toBe('Checkout › Conversion: Target: use a number like 4.2; the draft keeps 2.5 until then');
    // The error sits next to its field, in the same field box.
    expect(error.closest('.field')).toBe(target.closest('.field'));

    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    await waitFor(() => expect(json().journey.stages[0]!.metrics[0]!.target).toBe(2.5));
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    const again = input(fieldId('metric', 'm1', 'target'));
    fireEvent.input(again, { target: { value: '4.2' } });
    await waitFor(() => expect(again.getAttribute('aria-invalid')).toBeNull());
    expect(document.getElementById(errorId(again.id))).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    await waitFor(() => expect(json().journey.stages[0]!.metrics[0]!.target).toBe(4.2));
  });

  it('while a field holds text that is not a number, Generate map sends nothing, says which field and goes there', async () => {
    const j = checkout();
    j.stages[0]!.metrics = [{ id: 'm1', name: 'Conversion', target: 2.5 }];
    const { sb } = await renderApp({ draft: formatJourney(j), handlers: { render: () => RENDERED } });
    fireEvent.click(screen.getByText('Stages and steps'));
    const target = input(fieldId('metric', 'm1', 'target'));
    fireEvent.input(target, { target: { value: '4,2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    await screen.findByText('Checkout › Conversion: Target: use a number like 4.2; the draft keeps 2.5 until then. Fix it, then try again.');
    expect(sb.requests('render')).toHaveLength(0);
    expect(document.activeElement).toBe(target);
    fireEvent.input(target, { target: { value: '4.2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    await waitFor(() => expect(sb.requests('render')).toHaveLength(1));
    const sent = sb.requests('render')[0]!.payload.journey as Journey;
    expect(sent.stages[0]!.metrics[0]!.target).toBe(4.2);
  });

  it('a value the schema refuses (typed in the JSON) is a problem in designer words, under its empty field', async () => {
    const j = checkout();
    j.stages[0]!.metrics = [{ id: 'm1', name: 'Conversion', value: 3 }];
    const text = JSON.stringify(wrap(j), null, 2).replace('"value": 3', '"value": 3,\n"target": "four"');
    await renderApp({ draft: text });
    expect(screen.getByText('Checkout › Conversion: Target', { selector: '.problem-place' })).toBeTruthy();
    fireEvent.click(screen.getByText('Stages and steps'));
    const target = input(fieldId('metric', 'm1', 'target'));
    expect(target.value).toBe('');
    expect(target.getAttribute('aria-describedby')).toBe(errorId(target.id));
    expect(document.getElementById(errorId(target.id))!.textContent).toBe('Use a number like 4.2');
  });

  it('removes a metric; the focus stays in the stage', async () => {
    await renderApp({ draft: formatJourney(checkout()) });
    await openStages();
    fireEvent.click(screen.getByRole('button', { name: 'Remove metric Metric 1 from Checkout' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Metrics of Checkout' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '+ Add metric to Checkout' })));
  });
});

describe('a metric card in the side sheet', () => {
  it('takes a value, a target and "Better when: Lower"; Remove takes the metric off the card', async () => {
    const j = checkout();
    j.lanes.push({ id: 'kpis', type: 'metrics', label: 'KPIs' });
    j.cards.push({ id: 'k1', laneId: 'kpis', stepId: 'step-1', text: 'Basket drop-off', evidence: [] });
    await renderApp({ draft: formatJourney(j) });
    fireEvent.click(screen.getByRole('button', { name: /^Details of card “Basket drop-off”/ }));
    const sheet = await screen.findByRole('dialog');
    // Until it has a value, only Value is asked for.
    expect(document.getElementById(cardMetricFieldId('k1', 'target'))).toBeNull();
    type(cardMetricFieldId('k1', 'value'), '18');
    const target = await waitFor(() => input(cardMetricFieldId('k1', 'target')));
    fireEvent.input(target, { target: { value: '12' } });
    fireEvent.change(within(sheet).getByRole('combobox', { name: 'Better when of the metric of card “Basket drop-off”' }), { target: { value: 'lower-is-better' } });
    // A card's metric needs a value: clearing it is a message, not a change.
    const value = input(cardMetricFieldId('k1', 'value'));
    fireEvent.input(value, { target: { value: '' } });
    await waitFor(() => expect(document.getElementById(errorId(value.id))!.textContent).toMatch(/^Card “Basket drop-off”, metric: Value: a metric on a card needs a value/));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Close' }));
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    await waitFor(() => expect(json().journey.cards.find((c) => c.id === 'k1')!.metric).toEqual({ value: 18, target: 12, direction: 'lower-is-better' }));
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Details of card “Basket drop-off”/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove the metric of card “Basket drop-off”' }));
    await waitFor(() => expect(document.getElementById(cardMetricFieldId('k1', 'target'))).toBeNull());
  });
});
