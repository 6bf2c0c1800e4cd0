// CSV import through the panel. ui/data/interop.ts leaves CSV off while shared/interop/csv.ts
// cannot be bundled for the browser (papaparse's require('stream')); here the module is mocked
// to delegate to the real shared/interop importJourneyText (which runs fine under Node), so the
// panel's path for CSV is tested end to end and is ready for the one-line switch.
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportCsv, importJourneyText } from '../../shared/interop';
import { fieldId } from '../../ui/state/paths';
import { renderApp, sampleJourney } from './support/render-app';

vi.mock('../../ui/data/interop', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../ui/data/interop')>();
  const shared = await import('../../shared/interop');
  return { ...original, importJourneyText: shared.importJourneyText, toCsv: (j: Parameters<typeof shared.exportCsv>[0]) => shared.exportCsv(j) };
});

afterEach(() => cleanup());

describe('CSV import (interop mocked to the real shared/interop)', () => {
  it('imports a CSV export of a journey and replaces the draft', async () => {
    const source = { ...sampleJourney(), title: 'From a spreadsheet' };
    const csv = exportCsv(source);
    expect(importJourneyText(csv, 'sheet.csv').ok).toBe(true);
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.input(screen.getByLabelText('Paste JSON, CSV or Mermaid journey text'), { target: { value: csv } });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    await screen.findByText('Imported the pasted text.');
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect((document.getElementById(fieldId('meta', 'journey', 'title')) as HTMLInputElement).value).toBe('From a spreadsheet');
    expect(screen.getByDisplayValue('Opens the app')).toBeTruthy();
  });
});
