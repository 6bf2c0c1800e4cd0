// The live preview in the panel: the example's title and cards drawn from shared/layout, and
// redrawn (debounced) when the draft, the theme or the shown lanes change; a plain message while
// the draft is invalid; the collapsible preview in the Journey tab.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { wrap, type Journey } from '../../shared/model';
import { fieldId } from '../../ui/state/paths';
import { renderApp, sampleJourney } from './support/render-app';

afterEach(() => cleanup());

const exampleText = readFileSync(join(__dirname, '../../shared/examples/retail-purchase.json'), 'utf8');
const example = JSON.parse(exampleText).journey as Journey;

const preview = () => screen.getByRole('img', { name: /Preview of the map/ });
const mapRoot = () => preview().querySelector<HTMLElement>('[data-key="map"]')!;

// The retail example is a big map: drawing it in happy-dom takes a few seconds.
describe('live preview in the Style tab', { timeout: 30_000 }, () => {
  it("shows the example's title, stage and step names and card texts", async () => {
    await renderApp({ draft: exampleText });
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    const p = within(preview());
    expect(p.getByText(example.title)).toBeTruthy();
    for (const stage of example.stages) expect(p.getByText(stage.name)).toBeTruthy();
    for (const card of example.cards.slice(0, 12)) expect(p.getAllByText(card.text).length).toBeGreaterThan(0);
    expect(preview().querySelector<HTMLElement>('.preview-map')!.style.fontFamily).toMatch(/Inter/);
  });

  it('redraws when the theme and the shown lanes change', async () => {
    await renderApp({ draft: exampleText });
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    const light = mapRoot().style.backgroundColor;
    expect(light).not.toBe('');
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(mapRoot().style.backgroundColor).not.toBe(light));
    expect(within(preview()).getByText(example.title)).toBeTruthy();

    const lane = example.lanes.find((l) => l.label === 'Touchpoints')!;
    expect(within(preview()).getAllByText(lane.label).length).toBeGreaterThan(0);
    const card = example.cards.find((c) => c.laneId === lane.id)!;
    expect(within(preview()).getAllByText(card.text).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('checkbox', { name: lane.label }));
    await waitFor(() => expect(within(preview()).queryAllByText(card.text)).toHaveLength(0));
  });

  it('switches between fitting the panel and 100%', async () => {
    await renderApp({ draft: exampleText });
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    const fit = screen.getByRole('button', { name: 'Fit (map preview)' });
    const actual = screen.getByRole('button', { name: '100% (map preview)' });
    expect(fit.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(actual);
    expect(actual.getAttribute('aria-pressed')).toBe('true');
    expect(preview().classList.contains('zoom-actual')).toBe(true);
    expect(preview().dataset.scale).toBe('1');
  });

  it('says the preview is paused while the draft is invalid, and comes back when fixed', async () => {
    const j = sampleJourney();
    j.cards = [{ id: 'c1', laneId: 'nope', stepId: 'step-1', text: 'Lost card', evidence: [] }];
    await renderApp({ draft: JSON.stringify(wrap(j), null, 2) });
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    expect(screen.getByText(/The preview is paused while the draft has 1 problem to fix/)).toBeTruthy();
    expect(screen.queryByRole('img', { name: /Preview of the map/ })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    fireEvent.click(screen.getByText(/1 problem to fix/));
    fireEvent.click(screen.getByRole('button', { name: /cards\[0\]\.laneId/ }));
    const laneSelect = (await waitFor(() => document.getElementById(fieldId('card', 'c1', 'laneId')))) as HTMLSelectElement;
    fireEvent.change(laneSelect, { target: { value: 'lane-1' } });
    await waitFor(() => expect(screen.queryByText(/1 problem to fix/)).toBeNull());
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    await waitFor(() => expect(within(preview()).getByText('Lost card')).toBeTruthy());
  });
});

describe('preview in the Journey tab', () => {
  it('is folded away until opened, then follows the draft after a short pause', async () => {
    await renderApp();
    expect(screen.queryByRole('img', { name: /Preview of the map/ })).toBeNull();
    const details = screen.getByText('Map preview').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(within(preview()).getByText('Sample journey')).toBeTruthy());
    const title = document.getElementById(fieldId('meta', 'journey', 'title')) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'Renamed journey' } });
    // Debounced: the old drawing stays for a moment, then the new title is drawn.
    expect(within(preview()).getByText('Sample journey')).toBeTruthy();
    await waitFor(() => expect(within(preview()).getByText('Renamed journey')).toBeTruthy());
    expect(within(preview()).queryByText('Sample journey')).toBeNull();
  });
});
