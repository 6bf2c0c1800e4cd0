// The Data tab's versions and evidence health (ui/components/living-panel.tsx) with a fake bridge
// that keeps versions as the plugin would: save, list, compare a version with the draft (the diff
// runs in the panel), export the changelog, restore, health findings with "go to", Mark reviewed.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadJourney, type Journey } from '../../shared/model';
import { wrap } from '../../shared/model/envelope';
import type { MapSummary, RequestPayload, RequestType, ResponsePayload, VersionMetaPayload } from '../../shared/messages';
import { clearStaleStamps, markReviewed } from '../../shared/review/stamps';
import { DEFAULT_STYLE } from '../../shared/style/options';
import type { Bridge } from '../../ui/bridge';
import { LivingPanel } from '../../ui/components/living-panel';
import { ChangesSummarySchema } from '../../shared/layout/views/changes';
import { StylePanel } from '../../ui/components/style-panel';
import * as files from '../../ui/data/files';
import { exampleJourney } from '../shared/journey-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const retail = (): Journey => {
  const r = loadJourney(exampleJourney('retail-purchase'));
  if (!r.ok) throw new Error('bad example');
  return r.value.journey;
};

function fakeBridge(mapJourney: Journey) {
  const saved: { meta: VersionMetaPayload; journey: Journey }[] = [];
  let current = mapJourney;
  const list = () => ({ versions: saved.map((s) => s.meta), used: saved.length * 1000, budget: 1_500_000 });
  const calls: string[] = [];
  const shown: RequestPayload<'showChanges'>[] = [];
  const handlers: { [T in RequestType]?: (p: RequestPayload<T>) => ResponsePayload<T> } = {
    versions: () => list(),
    saveVersion: (p) => {
      const meta: VersionMetaPayload = { id: `v${saved.length + 1}`, name: p.name, auto: false, reason: 'manual', at: '2026-11-30T10:00:00.000Z', author: 'Ana', title: current.title, size: 1000, hash: 'h' };
      saved.push({ meta, journey: structuredClone(current) });
      return { ...list(), saved: meta, pruned: [] };
    },
    readVersion: (p) => {
      const v = saved.find((s) => s.meta.id === p.versionId)!;
      return { version: v.meta, journey: JSON.parse(JSON.stringify(v.journey)) as unknown };
    },
    // As the plugin does: the journey a restore replaces is saved first, as an automatic version.
    restoreVersion: (p) => {
      const v = saved.find((s) => s.meta.id === p.versionId)!;
      const before: VersionMetaPayload = { id: `v${saved.length + 1}`, name: 'Before restore', auto: true, reason: 'restore', at: '2026-11-30T11:00:00.000Z', author: 'Ana', title: current.title, size: 1000, hash: 'h' };
      saved.push({ meta: before, journey: structuredClone(current) });
      current = structuredClone(v.journey);
      return { nodeId: '1:1', created: 0, updated: 1, removed: 0, writes: 3, notices: [], journey: JSON.parse(JSON.stringify(current)) as unknown, saved: before, ...list() };
    },
    renameVersion: (p) => {
      const v = saved.find((s) => s.meta.id === p.versionId)!;
      v.meta = { ...v.meta, name: p.name };
      return list();
    },
    showChanges: (p) => {
      shown.push(p);
      return { nodeId: '9:9', created: shown.length === 1, writes: 100, notices: [] };
    },
    removeChanges: () => ({ removed: shown.length > 0 }),
    markReviewed: (p) => {
      current = markReviewed(current, p.stageId === undefined ? {} : { stageId: p.stageId }, 'Mia', '2026-11-30');
      const stamp = p.stageId === undefined ? current.review! : current.stages.find((s) => s.id === p.stageId)!.review!;
      return { journey: JSON.parse(JSON.stringify(current)) as unknown, review: { by: 'Mia', at: '2026-11-30', hash: stamp.hash } };
    },
  };
  const bridge: Bridge = {
    request: (async (type: RequestType, payload: unknown) => {
      calls.push(type);
      const h = handlers[type] as ((p: unknown) => unknown) | undefined;
      if (!h) throw new Error(`unexpected request ${type}`);
      return h(payload);
    }) as Bridge['request'],
    onPush: () => () => {},
    dispose: () => {},
  };
  /** The map's journey changed on the canvas. */
  const setCurrent = (j: Journey) => {
    current = j;
  };
  return { bridge, calls, shown, setCurrent };
}

const summary = (j: Journey): MapSummary => ({ nodeId: '1:1', name: j.title, journey: JSON.parse(JSON.stringify(wrap(j).journey)) as unknown, style: DEFAULT_STYLE, canvasEdited: false, interrupted: false });

/** Opens the two sections (their content is built only while open). */
function openSections() {
  for (const id of ['jm-versions', 'jm-health']) {
    const d = document.getElementById(id) as HTMLDetailsElement;
    d.open = true;
    fireEvent(d, new Event('toggle'));
  }
}

describe('versions and compare in the panel', () => {
  it('builds nothing until a section is opened', () => {
    const { bridge, calls } = fakeBridge(retail());
    render(<LivingPanel bridge={bridge} selection={summary(retail())} draft={retail()} onReplace={() => {}} onGoTo={() => {}} />);
    // (sections opened by an earlier test in this file stay open, as in the panel; this runs first)
    expect(screen.queryByLabelText('Version name')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('saves a version, compares it with the draft in plain words and exports the changelog', async () => {
    const a = retail();
    const { bridge } = fakeBridge(a);
    const draft = structuredClone(a);
    draft.stages[2]!.name = 'Purchase';
    const download = vi.spyOn(files, 'downloadFile').mockImplementation(() => {});
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={draft} onReplace={() => {}} onGoTo={() => {}} />);
    openSections();
    fireEvent.input(await screen.findByLabelText('Version name'), { target: { value: 'Kick-off' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    await screen.findByText('Saved “Kick-off”.');
    await screen.findByRole('button', { name: 'Restore “Kick-off”' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: 'v:v1' } });
    fireEvent.change(screen.getByLabelText('to'), { target: { value: 'draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await screen.findByText('Stage “Buy” renamed to “Purchase”.');
    expect(screen.getByRole('status').textContent).toBe('1 changed.');
    fireEvent.click(screen.getByRole('button', { name: 'Export changelog (Markdown)' }));
    expect(download).toHaveBeenCalledTimes(1);
    const file = download.mock.calls[0]![0];
    expect(file.mime).toBe('text/markdown');
    expect(file.text).toContain('From version “Kick-off” (2026-11-30) to the draft in the panel.');
    expect(file.text).toContain('- Stage “Buy” renamed to “Purchase”.');
  });

  it('shows the comparison on the canvas: the summary made here, the newer side sent; two curves the same way; removes it', async () => {
    const a = retail();
    const { bridge, shown } = fakeBridge(a);
    const draft = structuredClone(a);
    draft.stages[2]!.name = 'Purchase';
    draft.cards = draft.cards.slice(1);
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={draft} onReplace={() => {}} onGoTo={() => {}} />);
    openSections();
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: 'map' } });
    fireEvent.change(screen.getByLabelText('to'), { target: { value: 'draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show on canvas' }));
    await screen.findByText('Drew the Changes view beside the map: 1 removed, 1 changed.');
    expect(shown).toHaveLength(1);
    const sent = shown[0]!;
    expect(sent.nodeId).toBe('1:1');
    expect((sent.newer as Journey).cards).toHaveLength(a.cards.length - 1);
    expect(ChangesSummarySchema.safeParse(JSON.parse(JSON.stringify(sent.summary))).success).toBe(true);
    expect(sent.summary.heading).toBe('Changes from the map to the draft in the panel');
    expect(sent.summary.removed.map((r) => r.card)).toEqual([a.cards[0]!.id]);
    expect(sent.summary.stages).toEqual([{ id: a.stages[2]!.id, mark: { changed: ['name'], was: 'Buy' } }]);

    // Two curves of the map: as-is first, to-be second, by default.
    fireEvent.click(screen.getByRole('button', { name: 'Show curves on canvas' }));
    await screen.findByText(/^Updated the Changes view beside the map: .+ against .+: \d+ steps? better/);
    const curves = shown[1]!.summary;
    expect(curves.ghosts.map((g) => g.id)).toEqual(['cv-maya-as-is']);
    expect(curves.hide).toBe('cv-maya-as-is');
    expect((screen.getByLabelText('against') as HTMLSelectElement).value).toBe('cv-maya-to-be');

    fireEvent.click(screen.getByRole('button', { name: 'Remove from canvas' }));
    await screen.findByText('Removed the Changes view.');
  });

  it('restores a version into the map and the draft, and Undo restore puts the replaced journey back', async () => {
    const a = retail();
    const { bridge, calls, setCurrent } = fakeBridge(a);
    const onRestored = vi.fn();
    const { rerender } = render(<LivingPanel bridge={bridge} selection={summary(a)} draft={a} onReplace={() => {}} onRestored={onRestored} onGoTo={() => {}} />);
    openSections();
    fireEvent.input(await screen.findByLabelText('Version name'), { target: { value: 'One' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    await screen.findByRole('button', { name: 'Restore “One”' });
    // The map changes after the save; restoring "One" gives the saved title back.
    const edited = { ...a, title: 'Edited on the canvas' };
    rerender(<LivingPanel bridge={bridge} selection={summary(edited)} draft={edited} onReplace={() => {}} onRestored={onRestored} onGoTo={() => {}} />);
    setCurrent(edited);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore “One”' }));
    await screen.findByText('Restored “One”. The journey it replaced was saved as “Before restore”.');
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(onRestored.mock.calls[0]![0].title).toBe(a.title);
    expect(onRestored.mock.calls[0]![1]).toBe('Restored “One”.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo restore' }));
    await screen.findByText('Undid the restore: the map is back as it was.');
    expect(calls.filter((c) => c === 'restoreVersion')).toHaveLength(2);
    expect(onRestored.mock.calls[1]![0].title).toBe('Edited on the canvas');
    expect(screen.queryByRole('button', { name: 'Undo restore' })).toBeNull();
  });

  it('with changes in the draft the map does not hold, a restore asks first; Keep my draft restores nothing', async () => {
    const a = retail();
    const { bridge, calls } = fakeBridge(a);
    const onRestored = vi.fn();
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={a} dirty onReplace={() => {}} onRestored={onRestored} onGoTo={() => {}} />);
    openSections();
    fireEvent.input(await screen.findByLabelText('Version name'), { target: { value: 'One' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore “One”' }));
    await screen.findByText('The draft has changes the map does not hold. Restoring “One” replaces them.');
    fireEvent.click(screen.getByRole('button', { name: 'Keep my draft' }));
    expect(calls).not.toContain('restoreVersion');
    fireEvent.click(screen.getByRole('button', { name: 'Restore “One”' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore anyway' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c === 'restoreVersion')).toHaveLength(1);
  });

  it('renames a version in place; Escape cancels', async () => {
    const a = retail();
    const { bridge, calls } = fakeBridge(a);
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={a} onReplace={() => {}} onGoTo={() => {}} />);
    openSections();
    fireEvent.input(await screen.findByLabelText('Version name'), { target: { value: 'Draft 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rename “Draft 1”' }));
    const field = screen.getByLabelText('New name for “Draft 1”') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByLabelText('New name for “Draft 1”')).toBeNull();
    expect(calls).not.toContain('renameVersion');
    fireEvent.click(screen.getByRole('button', { name: 'Rename “Draft 1”' }));
    fireEvent.input(screen.getByLabelText('New name for “Draft 1”'), { target: { value: '  Workshop – 北京 ✓  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await screen.findByText('Renamed “Draft 1” to “Workshop – 北京 ✓”.');
    expect(screen.getByRole('button', { name: 'Restore “Workshop – 北京 ✓”' })).toBeTruthy();
  });

  it('compares the map with a journey file; a file that is not a journey says why and compares nothing', async () => {
    const a = retail();
    const { bridge } = fakeBridge(a);
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={a} onReplace={() => {}} onGoTo={() => {}} />);
    openSections();
    const picker = (await screen.findByLabelText('Compare with a file…')) as HTMLInputElement;
    const theirs = structuredClone(a);
    theirs.stages[0]!.name = 'Découvrir';
    const good = new File([JSON.stringify(wrap(theirs))], 'from-research.json', { type: 'application/json' });
    fireEvent.change(picker, { target: { files: [good] } });
    await screen.findByText('Read the file “from-research.json”: compare it with the map, a version or the draft.');
    expect((screen.getByLabelText('From') as HTMLSelectElement).value).toBe('map');
    expect((screen.getByLabelText('to') as HTMLSelectElement).value).toBe('file');
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await screen.findByText(`Stage “${a.stages[0]!.name}” renamed to “Découvrir”.`);
    expect(screen.getByText(/From the map to the file “from-research.json”/)).toBeTruthy();

    const wrapped = wrap(a);
    const bad = new File([JSON.stringify({ ...wrapped, journey: { ...a, title: 3 } })], 'broken.json', { type: 'application/json' });
    fireEvent.change(picker, { target: { files: [bad] } });
    await screen.findByText('“broken.json” is not a journey this panel can read; nothing was compared.');
    expect(screen.getByRole('list', { name: 'Problems in the file' }).textContent).toMatch(/title/);
    // The file read before stays the one compared.
    expect((screen.getByLabelText('to') as HTMLSelectElement).value).toBe('file');
  });

  it('without a selected map, says how to see versions and cannot mark reviewed', async () => {
    const { bridge } = fakeBridge(retail());
    render(<LivingPanel bridge={bridge} selection={null} draft={retail()} onReplace={() => {}} onGoTo={() => {}} />);
    openSections();
    expect(await screen.findByText('Select a map to see, save and compare its versions.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Mark the map reviewed' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('evidence health in the panel', () => {
  it('lists findings with go-to links and marks the map reviewed', async () => {
    const a = retail();
    const draft = structuredClone(a);
    draft.cards[0]!.evidence = [];
    const { bridge, calls } = fakeBridge(a);
    const onGoTo = vi.fn();
    const onReplace = vi.fn();
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={draft} onReplace={onReplace} onGoTo={onGoTo} />);
    openSections();
    await screen.findByRole('button', { name: 'Mark the map reviewed' });
    const first = screen.getAllByRole('button').find((b) => b.textContent?.includes('cites no evidence'));
    expect(first).toBeTruthy();
    fireEvent.click(first!);
    expect(onGoTo).toHaveBeenCalledWith(expect.objectContaining({ path: 'cards[0]' }));
    expect(screen.getByText('The journey').closest('li')!.textContent).toContain('Not reviewed yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Mark the map reviewed' }));
    await screen.findByText('Marked reviewed by Mia on 2026-11-30.');
    expect(calls).toContain('markReviewed');
    expect(onReplace.mock.calls[0]![0].review).toMatchObject({ by: 'Mia', at: '2026-11-30' });
  });
});

describe('the age after which evidence is old', () => {
  it('is chosen in days; the list follows it, and a value that is not a whole number is explained at its field', async () => {
    const a = retail();
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    a.evidence = a.evidence.map((e, i) => ({ ...e, date: daysAgo(i === 0 ? 200 : 10) }));
    const { bridge } = fakeBridge(a);
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={a} onReplace={() => {}} onGoTo={() => {}} />);
    openSections();
    const field = (await screen.findByLabelText('Evidence counts as old after (days)')) as HTMLInputElement;
    expect(field.value).toBe('365');
    const oldOnes = () => screen.queryAllByRole('button').filter((b) => /days old/.test(b.textContent ?? ''));
    expect(oldOnes()).toHaveLength(0);
    fireEvent.input(field, { target: { value: '90' } });
    await waitFor(() => expect(oldOnes()).toHaveLength(1));
    expect(oldOnes()[0]!.textContent).toContain('is 200 days old');
    expect(oldOnes()[0]!.textContent).toContain('older than 90 days');
    fireEvent.input(field, { target: { value: '9.5' } });
    const error = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toContain('use a whole number of days');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(oldOnes()).toHaveLength(1);
    fireEvent.input(field, { target: { value: '300' } });
    await waitFor(() => expect(oldOnes()).toHaveLength(0));
    expect(field.getAttribute('aria-describedby')).toBeNull();
  });
});

describe('review of each stage in the panel', () => {
  it('says each stage’s review state in words and marks one stage reviewed', async () => {
    const a = retail();
    const { bridge } = fakeBridge(a);
    const onReplace = vi.fn();
    const { rerender } = render(<LivingPanel bridge={bridge} selection={summary(a)} draft={a} onReplace={onReplace} onGoTo={() => {}} />);
    openSections();
    const stage = a.stages[1]!;
    const button = await screen.findByRole('button', { name: `Mark reviewed: stage “${stage.name}”` });
    const row = () => screen.getByText(`Stage “${stage.name}”`).closest('li')!;
    expect(row().textContent).toContain('Not reviewed yet.');
    fireEvent.click(button);
    await screen.findByText(`Marked stage “${stage.name}” reviewed by Mia on 2026-11-30.`);
    const reviewed = onReplace.mock.calls[0]![0] as Journey;
    expect(reviewed.stages[1]!.review).toMatchObject({ by: 'Mia', at: '2026-11-30' });
    expect(reviewed.review).toBeUndefined();
    rerender(<LivingPanel bridge={bridge} selection={summary(reviewed)} draft={reviewed} onReplace={onReplace} onGoTo={() => {}} />);
    expect(row().textContent).toContain('Reviewed by Mia on 2026-11-30.');
    // A change in the stage (before and after the map stored it) reads as changed since the review, and is listed.
    const edited = structuredClone(reviewed);
    edited.stages[1]!.name = 'Pay';
    for (const draft of [edited, clearStaleStamps(edited)]) {
      rerender(<LivingPanel bridge={bridge} selection={summary(reviewed)} draft={draft} onReplace={onReplace} onGoTo={() => {}} />);
      expect(screen.getByText('Stage “Pay”').closest('li')!.textContent).toContain('Changed since reviewed on 2026-11-30 by Mia.');
      expect(screen.getByRole('button', { name: 'Stage “Pay” changed since Mia reviewed it on 2026-11-30.' })).toBeTruthy();
    }
  });

  it('waits for an update when the draft has changes the map does not hold', async () => {
    const a = retail();
    const { bridge, calls } = fakeBridge(a);
    render(<LivingPanel bridge={bridge} selection={summary(a)} draft={a} dirty onReplace={() => {}} onGoTo={() => {}} />);
    openSections();
    const button = (await screen.findByRole('button', { name: `Mark reviewed: stage “${a.stages[0]!.name}”` })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Mark the map reviewed' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Update the map first: a review records what the map holds.')).toBeTruthy();
    expect(calls).not.toContain('markReviewed');
  });
});

describe('marking stages reviewed in the whole panel', () => {
  it('the draft takes the stamped journey as what the map holds, so the next stage can be marked at once', async () => {
    const { renderApp, mapSummary, sampleJourney } = await import('./support/render-app');
    let onMap: Journey = sampleJourney();
    onMap.stages.push({ id: 'stage-2', name: 'Second stage', metrics: [], steps: [{ id: 'step-9', name: 'Later step' }] });
    const first = onMap.stages[0]!;
    const { sb } = await renderApp({
      selection: mapSummary(onMap),
      draft: JSON.stringify(wrap(onMap)),
      handlers: {
        markReviewed: (p: { stageId?: string }) => {
          onMap = markReviewed(onMap, p.stageId === undefined ? {} : { stageId: p.stageId }, 'Mia', '2026-11-30');
          return { journey: JSON.parse(JSON.stringify(onMap)) as unknown, review: { by: 'Mia', at: '2026-11-30', hash: 'h' } };
        },
      },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    openSections();
    fireEvent.click(await screen.findByRole('button', { name: `Mark reviewed: stage “${first.name}”` }));
    await waitFor(() => expect(screen.getByText(`Stage “${first.name}”`).closest('li')!.textContent).toContain('Reviewed by Mia on 2026-11-30.'));
    const second = screen.getByRole('button', { name: 'Mark reviewed: stage “Second stage”' }) as HTMLButtonElement;
    expect(second.disabled).toBe(false);
    fireEvent.click(second);
    await waitFor(() => expect(sb.requests('markReviewed')).toHaveLength(2));
    await waitFor(() => expect(screen.getByText('Stage “Second stage”').closest('li')!.textContent).toContain('Reviewed by Mia on 2026-11-30.'));
    expect(screen.getByRole('button', { name: 'Update map' })).toBeTruthy();
  });
});

describe('restoring a version in the whole panel', () => {
  it('the draft takes the restored journey as what the map holds: no unsaved changes, one Undo (the restore’s)', async () => {
    const { renderApp, mapSummary, sampleJourney } = await import('./support/render-app');
    const onMap: Journey = sampleJourney();
    const older = { ...structuredClone(onMap), title: 'Before the workshop' };
    const meta: VersionMetaPayload = { id: 'v1', name: 'Kick-off', auto: false, reason: 'manual', at: '2026-11-29T10:00:00.000Z', title: older.title, size: 900, hash: 'h' };
    const before: VersionMetaPayload = { ...meta, id: 'v2', name: 'Before restore', auto: true, reason: 'restore', title: onMap.title };
    await renderApp({
      selection: mapSummary(onMap),
      draft: JSON.stringify(wrap(onMap)),
      handlers: {
        versions: () => ({ versions: [meta], used: 900, budget: 1_500_000 }),
        restoreVersion: () => ({ nodeId: '1:2', created: 0, updated: 1, removed: 0, writes: 2, notices: [], journey: JSON.parse(JSON.stringify(older)) as unknown, saved: before, versions: [meta, before], used: 1800, budget: 1_500_000 }),
      },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    openSections();
    fireEvent.click(await screen.findByRole('button', { name: 'Restore “Kick-off”' }));
    await screen.findByRole('button', { name: 'Undo restore' });
    await waitFor(() => expect((document.getElementById('jm-meta-journey-title') as HTMLInputElement | null)?.value ?? JSON.parse((screen.getByRole('textbox', { name: 'Journey JSON' }) as HTMLTextAreaElement).value).journey.title).toBe('Before the workshop'));
    // The map holds the draft: Mark reviewed does not wait for an update, and only one Undo is offered.
    expect(screen.queryByText('Update the map first: a review records what the map holds.')).toBeNull();
    expect(screen.getAllByRole('button', { name: /Undo/ }).map((b) => b.textContent)).toEqual(['Undo restore']);
  });
});

describe('review overdue on opening a map', { timeout: 30_000 }, () => {
  it('says so once per map per session, dismissible, and leads to the health list', async () => {
    const { renderApp, mapSummary, sampleJourney } = await import('./support/render-app');
    const due = { ...sampleJourney(), reviewBy: '2001-01-01' };
    const later = { ...sampleJourney(), id: 'later', reviewBy: '2999-12-31' };
    const { sb } = await renderApp({ selection: mapSummary(due, 'Journey map: Checkout', '1:2'), draft: JSON.stringify(wrap(due)) });
    const banner = await screen.findByText(/“Checkout” was due for review on 2001-01-01/);
    expect(banner.closest('.banner')!.textContent).toContain('Review overdue.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss review notice' }));
    expect(screen.queryByText(/was due for review/)).toBeNull();
    // Selected again, or after another map: not said again in this session.
    sb.push('selection', { selection: mapSummary(later, 'Journey map: Later', '1:9') });
    await waitFor(() => expect(screen.getByRole('button', { name: /Draw new map|Update map|Generate map/ })).toBeTruthy());
    sb.push('selection', { selection: mapSummary(due, 'Journey map: Checkout', '1:2') });
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByText(/was due for review/)).toBeNull();
    // Another overdue map is told about, once; "Show evidence health" opens the list.
    sb.push('selection', { selection: mapSummary({ ...due, id: 'other' }, 'Journey map: Other', '1:5') });
    await screen.findByText(/“Other” was due for review on 2001-01-01/);
    fireEvent.click(screen.getByRole('button', { name: 'Show evidence health' }));
    await screen.findByText(/The review-by date 2001-01-01 passed/);
    expect((document.getElementById('jm-health') as HTMLDetailsElement).open).toBe(true);
  });

  it('says nothing for a map whose review-by date has not passed', async () => {
    const { renderApp, mapSummary, sampleJourney } = await import('./support/render-app');
    const j = { ...sampleJourney(), reviewBy: '2999-12-31' };
    await renderApp({ selection: mapSummary(j), draft: JSON.stringify(wrap(j)) });
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByText(/was due for review/)).toBeNull();
  });
});

describe('a stale stamp cleared when the draft is drawn', () => {
  it('the draft takes the journey the map stored, with the cleared stamp kept as lastReview', async () => {
    const { renderApp, mapSummary, sampleJourney } = await import('./support/render-app');
    const reviewed = markReviewed(sampleJourney(), {}, 'Mia', '2026-11-01');
    const settled = { current: null as Journey | null };
    const { sb } = await renderApp({
      selection: mapSummary(reviewed),
      draft: JSON.stringify(wrap(reviewed)),
      handlers: {
        render: (p: { journey: unknown }) => {
          const sent = loadJourney(p.journey);
          if (!sent.ok) throw new Error('bad draft');
          settled.current = clearStaleStamps(sent.value.journey);
          return { nodeId: '1:2', created: 0, updated: 1, removed: 0, writes: 2, notices: [], journey: JSON.parse(JSON.stringify(settled.current)) as unknown };
        },
      },
    });
    fireEvent.input(await screen.findByDisplayValue('Sample journey'), { target: { value: 'Sample journey, edited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update map' }));
    await waitFor(() => expect(sb.requests('render')).toHaveLength(1));
    await screen.findByText(/Map updated/);
    expect(settled.current?.lastReview).toMatchObject({ by: 'Mia', at: '2026-11-01' });
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    openSections();
    await screen.findByRole('button', { name: 'The journey changed since Mia reviewed it on 2026-11-01.' });
    expect(screen.getByText('The journey').closest('li')!.textContent).toContain('Changed since reviewed on 2026-11-01 by Mia.');
    const json = document.querySelector('textarea')!.value;
    expect(JSON.parse(json).journey.lastReview).toMatchObject({ by: 'Mia' });
  });
});

describe('health badges in the Style tab', () => {
  it('a checkbox turns them on; the preview then shows them', async () => {
    const j = retail();
    const onChange = vi.fn();
    const { rerender } = render(<StylePanel style={DEFAULT_STYLE} fonts={['Inter']} journey={j} onChange={onChange} liveSync={false} onLiveSync={() => {}} />);
    const box = screen.getByLabelText(/Show health badges on the map/) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.queryAllByText('No evidence')).toHaveLength(0);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith({ healthBadges: true });
    rerender(<StylePanel style={{ ...DEFAULT_STYLE, healthBadges: true }} fonts={['Inter']} journey={j} onChange={onChange} liveSync={false} onLiveSync={() => {}} />);
    expect((screen.getByLabelText(/Show health badges on the map/) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(screen.queryAllByText('No evidence').length).toBeGreaterThan(1));
  });
});

describe('an import that replaces the map’s journey', () => {
  it('asks the plugin to save the map’s journey as a version with the next update, once', async () => {
    const { renderApp, mapSummary, sampleJourney } = await import('./support/render-app');
    const j = sampleJourney();
    const { sb } = await renderApp({ selection: mapSummary(j), handlers: { render: () => ({ nodeId: '1:2', created: 0, updated: 1, removed: 0, writes: 2, notices: [] }) } });
    fireEvent.click(screen.getByRole('tab', { name: /Data/ }));
    const input = screen.getByLabelText('Import file…') as HTMLInputElement;
    const file = JSON.stringify(wrap({ ...j, title: 'Edited elsewhere' }));
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([file], 'journey.json')] });
    fireEvent.change(input);
    await screen.findByText(/Imported “journey.json”/);
    fireEvent.click(screen.getByRole('button', { name: 'Update map' }));
    await waitFor(() => expect(sb.requests('render')).toHaveLength(1));
    expect(sb.requests('render')[0]!.payload.autoVersion).toBe('import');
    await screen.findByText(/Map updated/);
    fireEvent.click(screen.getByRole('tab', { name: /Journey/ }));
    const title = (await screen.findByDisplayValue('Edited elsewhere')) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'Edited here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update map' }));
    await waitFor(() => expect(sb.requests('render')).toHaveLength(2));
    expect(sb.requests('render')[1]!.payload.autoVersion).toBeUndefined();
  });
});
