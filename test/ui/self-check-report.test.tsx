// The compatibility-check panel (ui/components/self-check-report.tsx) under happy-dom: it runs the
// check through the bridge with progress, lists pass / fail / not checked per check, shows the
// costs, the editor and API version, and Copy puts the exact report JSON on the clipboard (through
// execCommand, else navigator.clipboard, else it says how to copy by hand).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../ui/bridge';
import { REPORT_TEXT_ID, SelfCheckPanel, SelfCheckReportView } from '../../ui/components/self-check-report';
import { formatReport, NOT_AVAILABLE, NOT_CHECKABLE, SelfCheckReportSchema, type SelfCheckReport } from '../../shared/selfcheck/report';
import { fakeSandbox } from './support/fake-sandbox';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'execCommand');
});

const report: SelfCheckReport = SelfCheckReportSchema.parse({
  format: 'journey-mapper-figma-check',
  version: 1,
  editorType: 'figjam',
  apiVersion: '1.0.0',
  ranAt: '2026-11-29T10:00:00.000Z',
  checks: [
    { id: 'fillInHugRow', label: 'FILL-height cells in a HUG row grow the row to their content', pass: true, observed: 'row height 120' },
    { id: 'vectorNetworkFit', label: 'A vector network is fitted to its vertices and control points', pass: false, observed: 'tight: 107.53×45' },
    { id: 'pluginDataOnUserDuplicate', label: "Plugin data on a user's duplicate or paste", pass: true, observed: `${NOT_CHECKABLE}: user actions` },
    { id: 'variableModes', label: 'Variable collections', pass: true, observed: `${NOT_AVAILABLE}: no variables` },
  ],
  costsMicros: { createFrame: 41.5, setPluginData: 3.2 },
  assumptions: {
    fillInHugRowGrows: true, pluginDataOnClone: 'copied', sharedPluginDataOnClone: 'copied', vectorFit: 'tight',
    connectorNestedEndpoints: true, globals: ['Intl'], nodeChangeDelayMs: 4, variableModesAllowed: null,
  },
});

const json = formatReport(report);
const textarea = () => document.getElementById(REPORT_TEXT_ID) as HTMLTextAreaElement;
const selected = () => textarea().value.slice(textarea().selectionStart, textarea().selectionEnd);

describe('SelfCheckReportView', () => {
  it('lists every check with its status in words, the costs, the editor and the API version', () => {
    render(<SelfCheckReportView report={report} />);
    expect(screen.getByText(/FigJam · Plugin API 1\.0\.0/)).toBeTruthy();
    expect(screen.getByText('1 passed, 1 failed, 2 not checked')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.self-check-status')!.textContent)).toEqual(['Pass', 'Fail', 'Not checked', 'Not checked']);
    expect(items[1]!.textContent).toContain('tight: 107.53×45');
    const table = screen.getByRole('table', { name: 'Measured costs, microseconds per call' });
    const rows = within(table).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['Operationµs', 'createFrame41.5', 'setPluginData3.2']);
    // The JSON is there to select by hand, read-only and labelled.
    const ta = screen.getByLabelText(/Report \(JSON\)/) as HTMLTextAreaElement;
    expect(ta.readOnly).toBe(true);
    expect(ta.value).toBe(json);
    expect(SelfCheckReportSchema.parse(JSON.parse(ta.value))).toEqual(report);
  });

  it('Copy report selects the JSON and copies it with execCommand, as Figma\'s iframe allows', async () => {
    render(<SelfCheckReportView report={report} />);
    let copied = '';
    const exec = vi.fn(() => {
      copied = selected();
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied the report.'));
    expect(exec).toHaveBeenCalledWith('copy');
    expect(copied).toBe(json);
  });

  it('falls back to navigator.clipboard when execCommand is refused, and says so when both are blocked', async () => {
    render(<SelfCheckReportView report={report} />);
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    const write = vi.fn(async (_text: string) => {});
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText: write } as unknown as Clipboard);
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied the report.'));
    expect(write).toHaveBeenCalledWith(json);

    write.mockRejectedValueOnce(new Error('NotAllowedError'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Copy was blocked: select the text below/));
  });
});

describe('SelfCheckPanel', () => {
  it('runs the check through the bridge, shows progress, then the report; Run again asks again', async () => {
    let release!: () => void;
    const sandbox = fakeSandbox({
      selfCheck: async (_p, requestId) => {
        sandbox.push('progress', { requestId, phase: 'Checking', done: 2, total: 17 });
        await new Promise<void>((r) => (release = r));
        return { report };
      },
    });
    render(<SelfCheckPanel bridge={createBridge(sandbox.win)} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('step 3 of 17'));
    expect((screen.getByRole('progressbar', { name: 'Check progress' }) as HTMLProgressElement).value).toBe(2);
    release();
    await screen.findByRole('button', { name: 'Copy report' });
    expect(sandbox.requests('selfCheck')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(sandbox.requests('selfCheck')).toHaveLength(2));
    release();
  });

  it('shows why when the check could not finish', async () => {
    const sandbox = fakeSandbox({
      selfCheck: () => {
        throw new Error('boom');
      },
    });
    render(<SelfCheckPanel bridge={createBridge(sandbox.win)} />);
    expect((await screen.findByRole('alert')).textContent).toContain('The check could not finish');
  });
});

describe('contrast of the report colours (WCAG 2: at least 4.5:1 for text)', () => {
  const css = readFileSync(join(import.meta.dirname, '../../ui/styles.css'), 'utf8');
  const fallback = (block: string, name: string) => {
    const m = new RegExp(`--${name}:\\s*var\\([^,]+,\\s*(#[0-9a-f]{6})\\)`, 'i').exec(block);
    if (!m) throw new Error(`no fallback for --${name}`);
    return m[1]!;
  };
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: string, b: string) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const light = css.slice(css.indexOf(':root {'), css.indexOf('html.figma-dark {'));
  const dark = css.slice(css.indexOf('html.figma-dark {'));
  for (const [theme, block] of [['light', light], ['dark', dark]] as const) {
    for (const name of ['jm-text', 'jm-text-2', 'jm-good', 'jm-danger']) {
      it(`${name} on jm-bg, ${theme}`, () => {
        expect(ratio(fallback(block, name), fallback(block, 'jm-bg'))).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});
