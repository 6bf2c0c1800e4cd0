// Live sync applies canvas edits by itself, but asks before any deletion (README "Sync rules").
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mapSummary, renderApp, sampleJourney } from './support/render-app';

afterEach(() => cleanup());

describe('live sync', () => {
  it('with a deletion among the changes, shows the review instead of applying', async () => {
    const canvas = { ...sampleJourney(), title: 'Edited on canvas', cards: [] };
    const changes = [
      { kind: 'text', id: 'journey-1', field: 'title', summary: 'Title changed' },
      { kind: 'delete', id: 'c1', summary: 'Card "Opens the app" was deleted on the canvas' },
    ];
    const { sb } = await renderApp({
      preferences: { liveSync: true },
      selection: mapSummary(sampleJourney()),
      handlers: { sync: (p) => ({ journey: canvas, changes, conflicts: [], warnings: [], applied: p.apply }) },
    });
    sb.push('canvasChanged', { nodeId: '1:2', changes, warnings: [] });
    await screen.findByRole('region', { name: /sync|canvas/i });
    expect(screen.getByText(/was deleted on the canvas/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Apply changes' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(sb.requests('sync').map((m) => m.payload.apply)).toEqual([false]);
  });

  it('without deletions, applies by itself', async () => {
    const canvas = { ...sampleJourney(), title: 'Edited on canvas' };
    const changes = [{ kind: 'move', id: 'c1', field: 'cell', summary: 'Card moved' }];
    const { sb } = await renderApp({
      preferences: { liveSync: true },
      selection: mapSummary(sampleJourney()),
      handlers: { sync: (p) => ({ journey: canvas, changes, conflicts: [], warnings: [], applied: p.apply }) },
    });
    sb.push('canvasChanged', { nodeId: '1:2', changes, warnings: [] });
    await waitFor(() => expect(sb.requests('sync').map((m) => m.payload.apply)).toEqual([false, true]));
  });
});
