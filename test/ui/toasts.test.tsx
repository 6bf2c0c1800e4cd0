// Confirmations fade (not while the pointer or focus is on them), errors stay, and a toast
// that replaced the draft brings it back with Undo.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldId } from '../../ui/state/paths';
import { ErrorReply } from './support/fake-sandbox';
import { renderApp } from './support/render-app';

afterEach(() => cleanup());
const title = () => document.getElementById(fieldId('meta', 'journey', 'title')) as HTMLInputElement;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('toasts', () => {
  it('a confirmation fades; held by the pointer it stays until let go', async () => {
    await renderApp({ toastMs: { plain: 60, withUndo: 120 }, handlers: { render: () => ({ nodeId: '1:2', created: 1, updated: 0, removed: 0, writes: 1, notices: [] }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    const toast = await screen.findByText('Map drawn: 1 stage, 1 step, 1 card.');
    fireEvent.pointerEnter(toast.closest('.toast')!);
    await wait(150);
    expect(screen.queryByText(/Map drawn/)).not.toBeNull();
    fireEvent.pointerLeave(toast.closest('.toast')!);
    await waitFor(() => expect(screen.queryByText(/Map drawn/)).toBeNull());
  });

  it('an error stays', async () => {
    await renderApp({ toastMs: { plain: 20, withUndo: 20 }, handlers: { render: () => { throw new ErrorReply({ code: 'FONT_MISSING', message: 'Inter' }); } } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate map' }));
    await screen.findByText('Could not generate the map.');
    await wait(100);
    expect(screen.queryByText('Could not generate the map.')).not.toBeNull();
  });

  it('a template that replaced the draft can be undone from its toast, even an unedited draft', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Use template Retail/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    expect(title().value).toBe('Sample journey');
    expect(screen.getByText('Your earlier draft is back.')).toBeTruthy();
  });
});
