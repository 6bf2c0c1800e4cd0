// Renders the whole panel against a fake sandbox and waits until hello has been answered.
import { render, screen, waitFor } from '@testing-library/preact';
import { expect } from 'vitest';
import { createBridge } from '../../../ui/bridge';
import { App } from '../../../ui/app';
import { newJourney } from '../../../ui/state/draft-reducer';
import { formatJourney } from '../../../ui/state/editor-state';
import { DEFAULT_STYLE } from '../../../shared/style/options';
import type { Journey } from '../../../shared/model';
import { fakeSandbox } from './fake-sandbox';

export function mapSummary(journey: Journey, name = 'My map', nodeId = '1:2') {
  return { nodeId, name, journey, style: DEFAULT_STYLE, canvasEdited: false };
}

export function sampleJourney(): Journey {
  const j = newJourney();
  j.title = 'Sample journey';
  j.cards = [{ id: 'c1', laneId: 'lane-1', stepId: 'step-1', text: 'Opens the app', evidence: [] }];
  return j;
}

export interface AppSetup {
  draft?: string;
  selection?: ReturnType<typeof mapSummary> | null;
  handlers?: Parameters<typeof fakeSandbox>[0];
  preferences?: Record<string, unknown>;
  toastMs?: { plain: number; withUndo: number };
}

export async function renderApp({ draft = formatJourney(sampleJourney()), selection = null, handlers = {}, preferences = {}, toastMs }: AppSetup = {}) {
  const sb = fakeSandbox({
    hello: () => ({ editorType: 'figma', fonts: ['Inter', 'Roboto'], preferences: { draft, ...preferences }, selection }),
    ...handlers,
  });
  const bridge = createBridge(sb.win, 5_000);
  const utils = render(<App bridge={bridge} options={{ autosaveMs: 5, ...(toastMs ? { toastMs } : {}) }} />);
  await waitFor(() => expect(sb.requests('hello')).toHaveLength(1));
  // hello answered: the restored draft is in the title field.
  await waitFor(() => expect(screen.getByRole('button', { name: /Generate map|Update map/ })).toBeTruthy());
  await new Promise((r) => setTimeout(r, 10));
  return { sb, bridge, ...utils };
}
