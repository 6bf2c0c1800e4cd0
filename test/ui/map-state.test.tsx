// The panel tells the designer about a selected map it cannot read (never offering to load it) and
// about a map whose last update did not finish (offering to finish drawing it).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { mapSummary, renderApp, sampleJourney } from './support/render-app';

afterEach(() => cleanup());

describe('selected maps the panel must be careful with', () => {
  it('a map that cannot be read is named with the reason, and nothing offers to load it', async () => {
    const unreadable = { nodeId: '1:9', name: 'Journey map: Old map', journey: null, style: DEFAULT_STYLE, canvasEdited: false, interrupted: false, unreadable: 'it was written by a newer Journey Mapper (store version 2).' };
    const { sb } = await renderApp();
    sb.push('selection', { selection: unreadable });
    await waitFor(() => expect(screen.getByText(/The selected map “Old map” can't be read/)).toBeTruthy());
    expect(screen.getAllByText(/it was written by a newer Journey Mapper/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Load map' })).toBeNull();
  });

  it('a map whose last update did not finish offers to finish drawing it from its stored journey and style', async () => {
    const style = { ...DEFAULT_STYLE, theme: 'dark' as const };
    const summary = { ...mapSummary(sampleJourney()), style, interrupted: true };
    const { sb } = await renderApp({ selection: summary as ReturnType<typeof mapSummary>, handlers: { restyle: () => ({ nodeId: '1:2', created: 3, updated: 40, removed: 0, writes: 90, notices: [] }) } });
    const finish = await screen.findByRole('button', { name: 'Finish drawing' });
    expect(screen.queryByText(/Canvas has edits/)).toBeNull();
    fireEvent.click(finish);
    await waitFor(() => expect(sb.requests('restyle')).toHaveLength(1));
    expect(sb.requests('restyle')[0]!.payload).toEqual({ nodeId: '1:2', style });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Finish drawing' })).toBeNull());
  });
});
