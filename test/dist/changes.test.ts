// The Changes view through the BUILT plugin in QuickJS (issue 18), driven by its own protocol as
// the panel's "Show on canvas" does: one Changes frame beside the map, replaced in place when shown
// again, left alone when the map and its views are drawn again, removable; bad requests refused
// with nothing drawn.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { loadJourney, wrap } from '../../shared/model/envelope';
import { CHANGES_KEY, NAMESPACE } from '../../shared/storage/keys';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { DIST, PluginReplyError, startPlugin } from '../harness/plugin-host';
import { scriptedEdits } from '../support/scripted-edits';
import { changesSummary } from '../../shared/layout/views/changes-summary';

const built = existsSync(join(DIST, 'code.js'));

describe.skipIf(!built)('Changes view through the built plugin (QuickJS)', () => {
  it('draws one Changes frame beside the map, replaces it when shown again, keeps it through a redraw, removes it', async () => {
    const loaded = loadJourney(EXAMPLES.find((e) => e.id === 'public-service-blueprint')!.envelope);
    if (!loaded.ok) throw new Error('bad example');
    const older = loaded.value.journey;
    const edit = scriptedEdits(older);
    const host = startPlugin();
    await host.request('hello', {});
    const drawn = await host.request('render', { journey: wrap(edit.journey), style: DEFAULT_STYLE });
    const page = host.figma.currentPage;
    const changesFrames = () => page.findAll((n) => n.type === 'FRAME' && n.getSharedPluginData(NAMESPACE, CHANGES_KEY) !== '');
    const mapNode = (await host.figma.getNodeByIdAsync(drawn.nodeId)) as FrameNode;

    // As the panel does: the diff and its summary in the iframe, the drawing in the plugin.
    const summary = changesSummary(older, edit.journey, { labels: { from: 'version “Kick-off” (2026-11-30)', to: 'the map' } });
    const shown = await host.request('showChanges', { nodeId: drawn.nodeId, newer: wrap(edit.journey), summary });
    expect(shown.created).toBe(true);
    await host.emu.flush();
    const frame = (await host.figma.getNodeByIdAsync(shown.nodeId)) as FrameNode;
    expect(changesFrames()).toEqual([frame]);
    expect(frame.name).toBe('Changes: version “Kick-off” (2026-11-30) to the map');
    expect(JSON.parse(frame.getSharedPluginData(NAMESPACE, CHANGES_KEY))).toEqual({ map: drawn.nodeId });
    // Beside the map, not on it.
    expect(frame.x).toBeGreaterThanOrEqual(mapNode.x + mapNode.width);
    const words = frame.findAll((n) => n.type === 'TEXT').map((n) => (n as TextNode).characters);
    expect(words).toContain('Changes from version “Kick-off” (2026-11-30) to the map');
    expect(words).toContain('+ New');
    expect(words).toContain('Changed: text');
    expect(words.some((w) => w.startsWith('Moved from '))).toBe(true);
    expect(words).toContain('− Removed');

    // Shown again (another comparison): the same frame, redrawn in place.
    const again = await host.request('showChanges', { nodeId: drawn.nodeId, newer: wrap(older), summary: changesSummary(older, older, { labels: { from: 'the map', to: 'the draft' } }) });
    expect(again).toMatchObject({ nodeId: frame.id, created: false });
    expect(changesFrames()).toHaveLength(1);
    expect(frame.findAll((n) => n.type === 'TEXT').map((n) => (n as TextNode).characters)).toContain('No changes.');

    // Drawing the map (and its views) again leaves the Changes frame alone.
    await host.request('render', { journey: wrap(edit.journey), style: DEFAULT_STYLE, targetNodeId: drawn.nodeId });
    expect(changesFrames()).toEqual([frame]);
    // The frame holds no journey: selecting it selects no map.
    page.selection = [frame];
    expect((await host.request('readSelection', {})).selection).toBeNull();

    expect(await host.request('removeChanges', { nodeId: drawn.nodeId })).toEqual({ removed: true });
    expect(changesFrames()).toHaveLength(0);
    expect(await host.request('removeChanges', { nodeId: drawn.nodeId })).toEqual({ removed: false });
    expect(host.emu.errors).toEqual([]);
  }, 120_000);

  it('as-is against to-be of one journey, in FigJam; refuses a bad summary, a bad journey and a layer that is no map, drawing nothing', async () => {
    const loaded = loadJourney(EXAMPLES.find((e) => e.id === 'saas-onboarding')!.envelope);
    if (!loaded.ok) throw new Error('bad example');
    const j = loaded.value.journey;
    const host = startPlugin({ editorType: 'figjam' });
    await host.request('hello', {});
    const drawn = await host.request('render', { journey: wrap(j), style: DEFAULT_STYLE });
    const page = host.figma.currentPage;
    const count = () => page.findAll((n) => n.type === 'FRAME' && n.getSharedPluginData(NAMESPACE, CHANGES_KEY) !== '').length;
    const summary = changesSummary(j, j, { curveA: 'cv-admin-as-is', curveB: 'cv-admin-to-be' });
    const base = { nodeId: drawn.nodeId, newer: wrap(j), summary };
    const refused = async (payload: unknown, code: string) => {
      const e = await host.request('showChanges', payload as typeof base).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PluginReplyError);
      expect((e as PluginReplyError).payload.code).toBe(code);
    };
    await refused({ ...base, summary: { ...summary, cards: 'all of them' } }, 'BAD_MESSAGE');
    await refused({ ...base, summary: { ...summary, heading: 'x'.repeat(100_000) } }, 'BAD_MESSAGE');
    await refused({ ...base, newer: { journey: { id: 'x' } } }, 'INVALID_JOURNEY');
    await refused({ ...base, nodeId: '999:999' }, 'NOT_A_MAP');
    expect(count()).toBe(0);
    const shown = await host.request('showChanges', base);
    const frame = (await host.figma.getNodeByIdAsync(shown.nodeId)) as FrameNode;
    expect(count()).toBe(1);
    const words = frame.findAll((n) => n.type === 'TEXT').map((n) => (n as TextNode).characters);
    expect(words.some((w) => /^Changes from .+ · .+ to .+ · .+$/.test(w))).toBe(true);
    expect(frame.findAll((n) => n.name.startsWith('Earlier curve')).length).toBeGreaterThan(0);
    // Curve A is drawn only as the faint one.
    expect(frame.findAll((n) => n.name.startsWith('Emotion curve:') && n.name.includes('(Dana today)')).length).toBe(0);
    expect(host.emu.errors).toEqual([]);
  }, 120_000);
});
