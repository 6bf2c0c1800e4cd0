// Fixes from the screenshot review: the scroll goes back to the top on a tab change, the
// action-bar label is short with the full text in a tooltip, the error banner only points to a
// problem list already in view (lists are capped, with "Show all N"), a new action clears old
// messages, and the Style tab starts with the preview, which has a 50% zoom.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { wrap } from '../../shared/model';
import { mapName } from '../../ui/data/map-name';
import { fieldId } from '../../ui/state/paths';
import { mapSummary, renderApp, sampleJourney } from './support/render-app';

afterEach(() => cleanup());

const tabPanel = () => screen.getByRole('tabpanel');
const errorBanner = () => document.querySelector<HTMLElement>('[role="alert"] .banner.bad');
const selectionLabel = () => document.querySelector<HTMLElement>('.selection-label')!;

/** A draft with `n` cards in lanes that do not exist: n problems. */
function draftWithProblems(n: number): string {
  const j = sampleJourney();
  j.cards = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, laneId: `nope-${i}`, stepId: 'step-1', text: `Lost card ${i}`, evidence: [] }));
  return JSON.stringify(wrap(j), null, 2);
}

describe('scroll position', () => {
  it('goes back to the top when another tab opens', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    tabPanel().scrollTop = 400;
    expect(tabPanel().scrollTop).toBe(400);
    fireEvent.click(screen.getByRole('button', { name: /Use template Retail/ }));
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(tabPanel().id).toBe('jm-panel-journey');
    expect(tabPanel().scrollTop).toBe(0);
    tabPanel().scrollTop = 250;
    fireEvent.keyDown(screen.getByRole('tab', { name: /Journey/ }), { key: 'End' });
    await waitFor(() => expect(tabPanel().id).toBe('jm-panel-style'));
    expect(tabPanel().scrollTop).toBe(0);
  });

  it('also when the sync review replaces the tab', async () => {
    const preview = { journey: sampleJourney(), changes: [{ kind: 'text', id: 'journey-1', summary: 'Title changed' }], conflicts: [], warnings: [], applied: false };
    await renderApp({ selection: mapSummary(sampleJourney()), handlers: { sync: () => preview } });
    tabPanel().scrollTop = 300;
    fireEvent.click(screen.getByRole('button', { name: 'Sync from canvas' }));
    await screen.findByRole('heading', { name: 'Review changes from the canvas' });
    expect(tabPanel().scrollTop).toBe(0);
  });
});

describe('action bar label', () => {
  it('drops the "Journey map: " of the layer name and keeps the full text in a tooltip', async () => {
    const name = 'Journey map: Buying a sofa online and in the showroom';
    await renderApp({ selection: mapSummary(sampleJourney(), name) });
    expect(selectionLabel().textContent).toBe('Selected: Buying a sofa online and in the showroom');
    expect(selectionLabel().title).toBe('Selected: Buying a sofa online and in the showroom');
    fireEvent.input(document.getElementById(fieldId('meta', 'journey', 'title'))!, { target: { value: 'Edited' } });
    await waitFor(() => expect(selectionLabel().title).toBe('Selected: Buying a sofa online and in the showroom · draft has edits'));
  });

  it('says briefly that no map is selected, and counts problems', async () => {
    await renderApp({ draft: draftWithProblems(2) });
    expect(selectionLabel().textContent).toBe('No map selected — Generate draws a new one · 2 to fix');
    expect(selectionLabel().title).toBe(selectionLabel().textContent);
  });

  it('mapName keeps names without the prefix as they are', () => {
    expect(mapName('Journey map: Checkout')).toBe('Checkout');
    expect(mapName('journey map:Checkout')).toBe('Checkout');
    expect(mapName('My own frame')).toBe('My own frame');
    expect(mapName('Journey map: ')).toBe('Journey map: ');
  });
});

describe('problem lists and the error banner', () => {
  it('on the Data tab, the banner is one line pointing to the list, which shows 5 and "Show all N"', async () => {
    const { sb } = await renderApp({ draft: draftWithProblems(7) });
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    await waitFor(() => expect(errorBanner()).not.toBeNull());
    const banner = errorBanner()!;
    expect(within(banner).getByText(/see the list above/).textContent).toBe('The journey has 7 problems — see the list above.');
    expect(banner.querySelector('.problem-list')).toBeNull();
    expect(sb.requests('render')).toHaveLength(0);

    const list = screen.getByRole('list', { name: 'Problems in the JSON' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 7' }));
    expect(within(screen.getByRole('list', { name: 'Problems in the JSON' })).getAllByRole('listitem')).toHaveLength(7);
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(within(screen.getByRole('list', { name: 'Problems in the JSON' })).getAllByRole('listitem')).toHaveLength(5);
  });

  it('on the Style tab (no list in view) the banner lists them, capped; it counts what is left and goes once all are fixed', async () => {
    await renderApp({ draft: draftWithProblems(7) });
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    await waitFor(() => expect(errorBanner()).not.toBeNull());
    expect(errorBanner()!.textContent).toContain('The journey has 7 problems. Fix them, then try again.');
    expect(within(errorBanner()!).getAllByRole('listitem')).toHaveLength(5);
    expect(within(errorBanner()!).getByRole('button', { name: 'Show all 7' })).toBeTruthy();

    // Fix one card on the Journey tab: the banner counts the problems now.
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    // A card's lane is in its details, in the side sheet.
    fireEvent.click(document.getElementById(fieldId('card', 'c0', 'details'))!);
    const lane = () => document.getElementById(fieldId('card', 'c0', 'laneId')) as HTMLSelectElement;
    fireEvent.change(lane(), { target: { value: 'lane-1' } });
    await waitFor(() => expect(errorBanner()!.textContent).toContain('The journey has 6 problems — see the list above.'));
    // Fix the rest in the JSON: the error has nothing left to say.
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    const ta = screen.getByRole('textbox', { name: 'Journey JSON' }) as HTMLTextAreaElement;
    fireEvent.input(ta, { target: { value: ta.value.replace(/"nope-\d+"/g, '"lane-1"') } });
    await waitFor(() => expect(errorBanner()).toBeNull());
  });
});

describe('messages of earlier actions', () => {
  it('"Map generated" is gone once a sync review starts', async () => {
    const preview = { journey: sampleJourney(), changes: [{ kind: 'text', id: 'journey-1', summary: 'Title changed' }], conflicts: [], warnings: [], applied: false };
    await renderApp({
      selection: mapSummary(sampleJourney()),
      handlers: { render: () => ({ nodeId: '1:2', created: 5, updated: 0, removed: 0, writes: 5, notices: [] }), sync: () => preview },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Update map' }));
    await screen.findByText(/Map updated: 1 stage/);
    fireEvent.click(screen.getByRole('button', { name: 'Sync from canvas' }));
    expect(screen.queryByText(/Map updated/)).toBeNull();
    await screen.findByRole('heading', { name: 'Review changes from the canvas' });
    expect(screen.queryByText(/Map updated/)).toBeNull();
  });

  it('replacing an edited draft says so once (the Undo banner), not twice', async () => {
    await renderApp();
    fireEvent.input(document.getElementById(fieldId('meta', 'journey', 'title'))!, { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Use template Retail/ }));
    expect(screen.getAllByText(/Draft replaced by/)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  });
});

const exampleText = readFileSync(join(__dirname, '../../shared/examples/retail-purchase.json'), 'utf8');

describe('Style tab preview', { timeout: 30_000 }, () => {
  it('comes first, before the options, and has Fit, 50% and 100%', async () => {
    await renderApp({ draft: exampleText });
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    const preview = screen.getByRole('img', { name: /Preview of the map/ });
    const theme = screen.getByRole('group', { name: 'Theme' });
    expect(preview.compareDocumentPosition(theme) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const zoom = screen.getByRole('group', { name: 'Preview zoom' });
    expect(within(zoom).getAllByRole('button').map((b) => b.textContent)).toEqual(['Fit', '50%', '100%']);
    fireEvent.click(within(zoom).getByRole('button', { name: '50% (map preview)' }));
    expect(within(zoom).getByRole('button', { name: '50% (map preview)' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(zoom).getByRole('button', { name: 'Fit (map preview)' }).getAttribute('aria-pressed')).toBe('false');
    expect(preview.classList.contains('zoom-half')).toBe(true);
    expect(preview.dataset.scale).toBe('0.5');
  });
});
