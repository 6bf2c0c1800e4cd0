// The whole panel against a fake sandbox: validation and problem navigation, the Generate /
// Update button, sync review with resolutions, errors that keep the draft, progress, selection
// and canvas pushes, import, autosave and the resize grip.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { wrap, type Journey } from '../../shared/model';
import { JSON_TEXT_ID } from '../../ui/components/json-view';
import { fieldId } from '../../ui/state/paths';
import { formatJourney } from '../../ui/state/editor-state';
import { ErrorReply } from './support/fake-sandbox';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { mapSummary, renderApp, sampleJourney } from './support/render-app';

afterEach(() => cleanup());

const byId = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  return el as T;
};
const titleInput = () => byId<HTMLInputElement>(fieldId('meta', 'journey', 'title'));
const renderOk = { nodeId: '1:2', created: 5, updated: 0, removed: 0, writes: 5, notices: [] };

const errorBanner = () => {
  const el = document.querySelector<HTMLElement>('[role="alert"] .banner.bad');
  if (!el) throw new Error('no error banner');
  return el;
};

function brokenDraft(): string {
  const j = sampleJourney();
  j.cards = [{ id: 'c1', laneId: 'nope', stepId: 'step-1', text: 'Lost card', evidence: [] }];
  return JSON.stringify(wrap(j), null, 2);
}

describe('JSON view and problems', () => {
  it('names the path and the problem of a broken journey, and selects it in the text on click', async () => {
    await renderApp({ draft: brokenDraft() });
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    const list = screen.getByRole('list', { name: 'Problems in the JSON' });
    const item = within(list).getByRole('button', { name: /cards\[0\]\.laneId/ });
    expect(item.textContent).toContain('Card "Lost card" is in lane "nope", which does not exist');
    fireEvent.click(item);
    const ta = byId<HTMLTextAreaElement>(JSON_TEXT_ID);
    await waitFor(() => expect(document.activeElement).toBe(ta));
    expect(ta.value.slice(ta.selectionStart, ta.selectionEnd)).toBe('"nope"');
  });

  it('from the Journey tab, a problem focuses the form control for its path', async () => {
    await renderApp({ draft: brokenDraft() });
    fireEvent.click(screen.getByText(/1 problem to fix/));
    fireEvent.click(screen.getByRole('button', { name: /cards\[0\]\.laneId/ }));
    await waitFor(() => expect(document.activeElement?.id).toBe(fieldId('card', 'c1', 'laneId')));
    // The disclosure around it was opened.
    expect((document.activeElement!.closest('details') as HTMLDetailsElement).open).toBe(true);
  });

  it('validates typed JSON live and locks the form while it cannot be read', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    const ta = byId<HTMLTextAreaElement>(JSON_TEXT_ID);
    fireEvent.input(ta, { target: { value: '{ "journey": {' } });
    await screen.findByText('This text cannot be read as a journey yet.');
    expect(screen.getByRole('button', { name: /line 1/ }).textContent).toMatch(/not valid JSON/);
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(screen.getByText(/form shows the last good version and is locked/)).toBeTruthy();
    expect(titleInput().closest('fieldset')!.disabled).toBe(true);
    expect(titleInput().value).toBe('Sample journey');
  });
});

describe('actions', () => {
  it('labels the main button "Generate map", or "Update map" when a map is selected', async () => {
    const { sb } = await renderApp({ selection: mapSummary(sampleJourney()) });
    expect(screen.getByRole('button', { name: 'Update map' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generate map' })).toBeNull();
    sb.push('selection', { selection: null });
    await screen.findByRole('button', { name: 'Generate map' });
    expect((screen.getByRole('button', { name: 'Sync from canvas' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a selected map that cannot be read is named with the reason; sync and restyle are off, the draft stays', async () => {
    const { sb } = await renderApp();
    const reason = "This map can't be read: it was written by a newer Journey Mapper (store version 2; this one reads 1). Update Journey Mapper to open it; it was left as it is.";
    sb.push('selection', { selection: { ...mapSummary(sampleJourney(), 'Future map'), journey: null, unreadable: reason } });
    await waitFor(() => expect(document.querySelector('[role="alert"] .banner.bad')?.textContent).toContain('newer Journey Mapper'));
    expect(document.querySelector('[role="alert"] .banner.bad')?.textContent).toContain('“Future map” can\'t be read');
    expect(screen.getByText("· can't be read")).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Sync from canvas' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Restyle' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText(/title/i) as HTMLInputElement).value).toBe('Sample journey');
  });

  it('renders the draft with the style and the selected map id, showing progress', async () => {
    let release = () => {};
    const { sb } = await renderApp({
      selection: mapSummary(sampleJourney()),
      handlers: {
        render: (_p, requestId) => {
          sb.push('progress', { requestId, phase: 'cards', done: 3, total: 10 });
          return new Promise((r) => (release = () => r(renderOk)));
        },
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Update map' }));
    await screen.findByText(/Updating map · cards · 3\/10/);
    expect((screen.getByRole('button', { name: 'Update map' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    // Results in journey terms, not layers.
    await screen.findByText('Map updated: 1 stage, 1 step, 1 card.');
    const req = sb.requests('render')[0]!;
    expect(req.payload.targetNodeId).toBe('1:2');
    expect(req.payload.journey.title).toBe('Sample journey');
    expect(req.payload.style).toMatchObject({ theme: 'light', fontFamily: 'Inter' });
  });

  it('keeps the draft on an error reply and says what went wrong, with the problems', async () => {
    const { sb } = await renderApp({
      handlers: {
        render: () => {
          throw new ErrorReply({ code: 'TOO_LARGE', message: 'The map is 140 kB', problems: [{ path: 'cards', message: 'has 6000 cards' }] });
        },
      },
    });
    fireEvent.input(titleInput(), { target: { value: 'My edited journey' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    const alert = await screen.findByText('Could not generate the map.');
    const box = alert.closest('.banner') as HTMLElement;
    expect(box.textContent).toContain('too large to store on the map');
    expect(box.textContent).toContain('(The map is 140 kB)');
    expect(box.textContent).toContain('Your draft is unchanged.');
    expect(within(box).getByRole('button', { name: /cards has 6000 cards/ })).toBeTruthy();
    expect(titleInput().value).toBe('My edited journey');
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    expect(JSON.parse(byId<HTMLTextAreaElement>(JSON_TEXT_ID).value).journey.title).toBe('My edited journey');
    expect(sb.requests('render')).toHaveLength(1);
  });

  it('does not send a journey with problems; it points to their list instead', async () => {
    const { sb } = await renderApp({ draft: brokenDraft() });
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    const alert = await waitFor(() => errorBanner());
    expect(alert.textContent).toBe('The journey has 1 problem — see the list above.✕');
    // The problem summary above was unfolded, so the list the message points to is there.
    expect((screen.getByText(/1 problem to fix/).closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(sb.requests('render')).toHaveLength(0);
  });

  it('sync shows the changes, conflicts and warnings first, then applies with the chosen resolutions', async () => {
    const canvas: Journey = { ...sampleJourney(), title: 'Renamed on canvas' };
    const preview = {
      journey: canvas,
      changes: [{ kind: 'text', id: 'journey-1', field: 'title', summary: 'Title changed to “Renamed on canvas”' }],
      conflicts: [{ key: 'card:c1:text', id: 'c1', field: 'text', canvas: 'Opens it', draft: 'Opens the app!', summary: 'Card text changed on the canvas and in the draft' }],
      warnings: [{ message: 'A rectangle without a tag was ignored' }],
      applied: false,
    };
    const { sb } = await renderApp({
      selection: mapSummary(sampleJourney()),
      handlers: { sync: (p) => (p.apply ? { ...preview, applied: true } : preview) },
    });
    fireEvent.input(byId(fieldId('card', 'c1', 'text')), { target: { value: 'Opens the app!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sync from canvas' }));
    await screen.findByRole('heading', { name: 'Review changes from the canvas' });
    expect(screen.getByText('Title changed to “Renamed on canvas”')).toBeTruthy();
    expect(screen.getByText('A rectangle without a tag was ignored')).toBeTruthy();
    const first = sb.requests('sync');
    expect(first).toHaveLength(1);
    expect(first[0]!.payload).toMatchObject({ nodeId: '1:2', apply: false });
    expect(first[0]!.payload.draft.cards[0].text).toBe('Opens the app!'); // the edited draft, for conflicts
    expect(titleInput).toThrow(); // the form is replaced by the review until it is applied
    const conflict = screen.getByRole('group', { name: 'Card text changed on the canvas and in the draft' });
    fireEvent.click(within(conflict).getByRole('radio', { name: /Keep draft/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply changes' }));
    await screen.findByText('Synced 1 change from the canvas.');
    const second = sb.requests('sync')[1]!;
    expect(second.payload).toMatchObject({ nodeId: '1:2', apply: true, resolutions: { 'card:c1:text': 'draft' } });
    expect(titleInput().value).toBe('Renamed on canvas');
  });

  it('sync cancelled changes nothing', async () => {
    const preview = { journey: { ...sampleJourney(), title: 'X' }, changes: [{ kind: 'text', id: 'journey-1', summary: 'Title changed' }], conflicts: [], warnings: [], applied: false };
    const { sb } = await renderApp({ selection: mapSummary(sampleJourney()), handlers: { sync: () => preview } });
    fireEvent.click(screen.getByRole('button', { name: 'Sync from canvas' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(titleInput().value).toBe('Sample journey');
    expect(sb.requests('sync')).toHaveLength(1);
  });
});

describe('canvas pushes', () => {
  it('asks before a selected map replaces an edited draft', async () => {
    const { sb } = await renderApp();
    fireEvent.input(titleInput(), { target: { value: 'Work in progress' } });
    const other = { ...sampleJourney(), title: 'Map on canvas' };
    sb.push('selection', { selection: mapSummary(other, 'Checkout map') });
    await screen.findByText(/“Checkout map” is selected\. Load its journey\?/);
    expect(titleInput().value).toBe('Work in progress');
    fireEvent.click(screen.getByRole('button', { name: 'Keep my draft' }));
    expect(titleInput().value).toBe('Work in progress');
    expect(screen.getByRole('button', { name: 'Update map' })).toBeTruthy();

    sb.push('selection', { selection: mapSummary(other, 'Checkout map') });
    fireEvent.click(await screen.findByRole('button', { name: 'Load map' }));
    expect(titleInput().value).toBe('Map on canvas');
    // The replaced draft can be brought back.
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(titleInput().value).toBe('Work in progress');
  });

  it('loads a selected map at once when the draft has no edits', async () => {
    const { sb } = await renderApp({ draft: formatJourney(sampleJourney()), selection: mapSummary(sampleJourney()) });
    sb.push('selection', { selection: mapSummary({ ...sampleJourney(), title: 'Second map' }, 'Second', '3:4') });
    await waitFor(() => expect(titleInput().value).toBe('Second map'));
  });

  it('shows "Canvas has edits — Sync" when the canvas changes', async () => {
    const { sb } = await renderApp({ selection: mapSummary(sampleJourney()) });
    sb.push('canvasChanged', { nodeId: '1:2', changes: [{ kind: 'text', id: 'c1', summary: 'x' }], warnings: [] });
    await screen.findByText(/Canvas has edits \(1\) — Sync/);
    expect(screen.getByRole('button', { name: 'Sync' })).toBeTruthy();
  });
});

describe('data and preferences', () => {
  it('imports Mermaid journey text through shared/interop', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    const mermaid = 'journey\n  title Morning commute\n  section Leave\n    Make coffee: 5: Me\n    Catch bus: 2: Me\n';
    fireEvent.input(screen.getByLabelText('Paste JSON, CSV or Mermaid journey text'), { target: { value: mermaid } });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    await screen.findByText('Imported the pasted text.');
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleInput().value).toBe('Morning commute');
  });

  it('reports an import it cannot read and keeps the draft', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.input(screen.getByLabelText('Paste JSON, CSV or Mermaid journey text'), { target: { value: '{"title": 3}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    await screen.findByText('Could not import the pasted text; your draft is unchanged.');
    expect(within(screen.getByRole('list', { name: 'Import problems' })).getAllByRole('listitem').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleInput().value).toBe('Sample journey');
  });

  it('starts from a bundled template', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Use template Retail/ }));
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleInput().value).toMatch(/sofa/i);
  });

  it('"New journey…" then "Start blank" replaces an edited draft with a blank one, and Undo gives it back', async () => {
    await renderApp({ draft: JSON.stringify(wrap(sampleJourney()), null, 2) });
    const before = titleInput().value;
    expect(before).not.toBe('');
    fireEvent.click(screen.getByRole('button', { name: /New journey/ }));
    fireEvent.click(screen.getByRole('button', { name: /Start blank/ }));
    await waitFor(() => expect(titleInput().value).not.toBe(before));
    fireEvent.click(await screen.findByRole('button', { name: /^Undo/ }));
    await waitFor(() => expect(titleInput().value).toBe(before));
  });

  it('autosaves the draft and the style through savePreferences, never web storage', async () => {
    const { sb } = await renderApp();
    fireEvent.input(titleInput(), { target: { value: 'Saved for later' } });
    await waitFor(() => expect(sb.requests('savePreferences').some((m) => m.payload.draft && JSON.parse(m.payload.draft).journey.title === 'Saved for later')).toBe(true));
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(sb.requests('savePreferences').some((m) => m.payload.style?.theme === 'dark')).toBe(true));
  });

  it('restores style and live sync from hello, and offers the fonts hello listed', async () => {
    await renderApp({ preferences: { style: { ...DEFAULT_STYLE, theme: 'high-contrast', fontFamily: 'Roboto' }, liveSync: true } });
    fireEvent.click(screen.getByRole('tab', { name: 'Style' }));
    expect((screen.getByRole('radio', { name: 'High contrast' }) as HTMLInputElement).checked).toBe(true);
    const font = screen.getByRole('combobox', { name: 'Font' }) as HTMLSelectElement;
    expect(font.value).toBe('Roboto');
    expect([...font.options].map((o) => o.value)).toEqual(['Inter', 'Roboto']);
    expect((screen.getByRole('checkbox', { name: /Sync canvas edits automatically/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('with live sync on, applies canvas edits by itself when the draft has none', async () => {
    const canvas = { ...sampleJourney(), title: 'Edited on canvas' };
    const result = { journey: canvas, changes: [{ kind: 'text', id: 'journey-1', summary: 'Title changed' }], conflicts: [], warnings: [], applied: false };
    const { sb } = await renderApp({
      preferences: { liveSync: true },
      selection: mapSummary(sampleJourney()),
      handlers: { sync: (p) => ({ ...result, applied: p.apply }) },
    });
    sb.push('canvasChanged', { nodeId: '1:2', changes: result.changes, warnings: [] });
    await waitFor(() => expect(titleInput().value).toBe('Edited on canvas'));
    expect(sb.requests('sync').map((m) => m.payload.apply)).toEqual([false, true]);
  });

  it('resizes the window from the corner grip (keyboard too)', async () => {
    const { sb } = await renderApp({ handlers: { resizeWindow: () => ({}) } });
    const grip = screen.getByRole('button', { name: /Resize panel/ });
    fireEvent.keyDown(grip, { key: 'ArrowLeft' });
    await waitFor(() => expect(sb.requests('resizeWindow')).toHaveLength(1));
    const { width, height } = sb.requests('resizeWindow')[0]!.payload;
    expect(width).toBe(Math.min(1600, Math.max(300, window.innerWidth - 16)));
    expect(height).toBe(Math.min(1600, Math.max(300, window.innerHeight)));
  });
});
