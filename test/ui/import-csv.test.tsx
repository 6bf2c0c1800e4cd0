// CSV through the panel, with the real ui/data/interop (shared/interop and papaparse, no mocks):
// paste and file import replace the draft, a broken CSV keeps it, and the CSV export reads back.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCsv, importJourneyText } from '../../shared/interop';
import { fieldId } from '../../ui/state/paths';
import { renderApp, sampleJourney } from './support/render-app';

afterEach(() => cleanup());

const titleValue = () => (document.getElementById(fieldId('meta', 'journey', 'title')) as HTMLInputElement).value;

describe('CSV in the Data tab', () => {
  it('imports pasted CSV (an export of a journey) and replaces the draft', async () => {
    const source = { ...sampleJourney(), title: 'From a spreadsheet' };
    const csv = exportCsv(source);
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.input(screen.getByLabelText('Paste JSON, CSV or Mermaid journey text'), { target: { value: csv } });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    await screen.findByText('Imported the pasted text.');
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleValue()).toBe('From a spreadsheet');
    expect(screen.getByDisplayValue('Opens the app')).toBeTruthy();
  });

  it('imports a .csv file, semicolon separated with decimal commas', async () => {
    const source = { ...sampleJourney(), title: 'Semicolons' };
    const csv = exportCsv(source, { delimiter: ';' });
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    const input = screen.getByLabelText('Import file…') as HTMLInputElement;
    const file = new File([csv], 'sheet.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    fireEvent.change(input);
    await screen.findByText('Imported “sheet.csv”.');
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleValue()).toBe('Semicolons');
  });

  it('lists the problems of a CSV it cannot read and keeps the draft', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.input(screen.getByLabelText('Paste JSON, CSV or Mermaid journey text'), { target: { value: 'a,b,c\n1,2,3\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    await screen.findByText('Could not import the pasted text; your draft is unchanged.');
    expect(screen.getByRole('list', { name: 'Import problems' }).textContent).not.toBe('');
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleValue()).toBe('Sample journey');
  });

  it('exports the draft as CSV that imports back to the same journey', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'CSV' }));
    const out = (await waitFor(() => screen.getByLabelText('sample-journey.csv'))) as HTMLTextAreaElement;
    expect(screen.queryByText(/could not be written/)).toBeNull();
    expect((screen.getByRole('button', { name: 'Download' }) as HTMLButtonElement).disabled).toBe(false);
    expect(out.value).toBe(exportCsv(sampleJourney()));
    const back = importJourneyText(out.value, 'sample-journey.csv');
    expect(back.ok && back.value.title).toBe('Sample journey');
    expect(back.ok && back.value.cards.map((c) => c.text)).toEqual(['Opens the app']);
  });
});
