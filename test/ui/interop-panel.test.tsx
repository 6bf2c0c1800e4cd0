// The Data tab's import and export with files as people have them: bytes in (an .xlsx, a
// Windows-1252 CSV, a workbook LibreOffice saved with deflated parts, a metrics sheet joined into
// the draft), the import report shown in the panel, and Excel and wide-grid exports out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportXlsx, importJourney } from '../../shared/interop';
import { fieldId } from '../../ui/state/paths';
import { renderApp, sampleJourney } from './support/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const fixture = (p: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/interop', p)));
const titleValue = () => (document.getElementById(fieldId('meta', 'journey', 'title')) as HTMLInputElement).value;

async function importFile(bytes: Uint8Array, name: string) {
  fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
  const input = screen.getByLabelText('Import file…') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([bytes as Uint8Array<ArrayBuffer>], name)] });
  fireEvent.change(input);
}

describe('import files as bytes, with the report in the panel', () => {
  it('an .xlsx workbook replaces the draft and the report says how it was read', async () => {
    await renderApp();
    await importFile(exportXlsx({ ...sampleJourney(), title: 'From Excel' }).data, 'map.xlsx');
    await screen.findByText('Imported “map.xlsx”.');
    const report = screen.getByRole('group', { name: 'Import report' });
    expect(report.textContent).toMatch(/Read as: Excel workbook \(\.xlsx\), one row per item\./);
    expect(report.textContent).toMatch(/Imported: 1 stage, 1 step/);
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleValue()).toBe('From Excel');
  });

  it('a Windows-1252 CSV keeps £ and é, and the report names the encoding', async () => {
    await renderApp();
    await importFile(fixture('libreoffice/western-windows-1252.csv'), 'cafe.csv');
    await screen.findByText('Imported “cafe.csv”.');
    const report = screen.getByRole('group', { name: 'Import report' });
    expect(report.textContent).toMatch(/Read as: CSV, one row per item, Windows-1252\./);
    expect(within(report).getByRole('list', { name: 'Changed on import' }).textContent).toMatch(/not UTF-8, so it was read as Windows-1252/);
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(titleValue()).toBe('Café order – Zürich & Málaga');
  });

  it('a workbook LibreOffice saved (deflated parts) is inflated by the browser and imported', async () => {
    await renderApp();
    await importFile(fixture('libreoffice/researcher-wide.xlsx'), 'research.xlsx');
    await screen.findByText('Imported “research.xlsx”.', {}, { timeout: 4000 });
    expect(screen.getByRole('group', { name: 'Import report' }).textContent).toMatch(/Excel workbook \(\.xlsx\), wide grid/);
  });

  it('a metrics sheet is joined into the open journey; unknown stages are listed, not dropped', async () => {
    const base = importJourney(fixture('libreoffice/source-researcher-long.csv'), { fileName: 'Renewal.csv' });
    if (!base.ok) throw new Error('fixture');
    await renderApp({ draft: JSON.stringify(base.value) });
    await importFile(fixture('libreoffice/metrics.xlsx'), 'metrics.xlsx');
    await screen.findByText('Joined the metrics in “metrics.xlsx” into this journey.');
    const notImported = screen.getByRole('list', { name: 'Not imported' });
    expect(notImported.textContent).toMatch(/row 6, column "stage".*stage "Quote" is not in the journey/);
  });

  it('a broken file keeps the draft and lists the problems', async () => {
    await renderApp();
    await importFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old.xls');
    await screen.findByText('Could not import “old.xls”; your draft is unchanged.');
    expect(screen.getByRole('list', { name: 'Import problems' }).textContent).toMatch(/old-style Excel file/);
  });

  it('offers the wide-grid template for download', async () => {
    const made: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (made.push(b as Blob), 'blob:x'));
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Wide-grid template' }));
    const text = await made[0]!.text();
    expect(text).toBe(readFileSync(join(import.meta.dirname, '../../shared/examples/journey-wide-template.csv'), 'utf8'));
  });
});

describe('export as Excel and as the wide grid', () => {
  it('downloads an .xlsx that imports back, and says what the wide grid cannot hold', async () => {
    const made: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (made.push(b as Blob), 'blob:x'));
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Excel' }));
    expect((screen.getByRole('button', { name: 'Copy' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await screen.findByText('Downloaded sample-journey.xlsx.');
    const back = importJourney(new Uint8Array(await made[0]!.arrayBuffer()), { fileName: 'x.xlsx' });
    expect(back.ok && back.value.cards.map((c) => c.text)).toEqual(['Opens the app']);
    fireEvent.click(screen.getByRole('radio', { name: 'CSV' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Wide grid' }));
    const out = (await waitFor(() => screen.getByLabelText('sample-journey-wide.csv'))) as HTMLTextAreaElement;
    expect(out.value.split('\r\n')[0]).toMatch(/^\ufeff?Sample journey,/);
    expect(screen.getByText(/The wide grid cannot hold: .*ids/)).toBeTruthy();
  });
});
