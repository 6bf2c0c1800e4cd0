// Versions in the file, through the BUILT bundle in QuickJS on the emulator, driven by its own
// protocol: save, list, rename, delete, restore (with "Before restore" saved first), compare,
// automatic versions before sync and import, and a refused restore that changes nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { loadJourney } from '../../shared/model';
import { wrap } from '../../shared/model/envelope';
import { NAMESPACE, VERSIONS_KEY } from '../../shared/storage/keys';
import { utf8Length } from '../../shared/storage/utf8';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { applyCanvasEdit } from '../harness/canvas-edits';
import { DIST, PluginReplyError, startPlugin, type PluginHost } from '../harness/plugin-host';
import { emulatorOf } from '../figma/index';
import { compareJourneys, versionLabel } from '../../shared/diff';
import type { Journey } from '../../shared/model/types';
import { readStore } from '../../plugin/store/model-store';
import { reviewState } from '../../shared/review/stamps';

type Side = { version: string } | { map: true } | { journey: Journey; label: string };

/** What the panel does to compare: reads a version back from the plugin, diffs in the iframe. */
async function compare(host: PluginHost, nodeId: string, from: Side, to: Side) {
  const side = async (s: Side) => {
    if ('version' in s) {
      const r = await host.request('readVersion', { nodeId, versionId: s.version });
      const loaded = loadJourney(r.journey);
      if (!loaded.ok) throw new Error('the version read back is not a journey');
      return { journey: loaded.value.journey, label: versionLabel(r.version) };
    }
    if ('map' in s) {
      const read = readStore((await host.figma.getNodeByIdAsync(nodeId)) as FrameNode);
      if (read.status !== 'ok') throw new Error('map unreadable');
      return { journey: read.value.journey, label: 'the map' };
    }
    return s;
  };
  const a = await side(from);
  const b = await side(to);
  return compareJourneys(a.journey, b.journey, { from: a.label, to: b.label });
}

const built = existsSync(join(DIST, 'code.js'));
const retail = () => {
  const loaded = loadJourney(EXAMPLES.find((e) => e.id === 'retail-purchase')?.envelope);
  if (!loaded.ok) throw new Error('bad example');
  return loaded.value.journey;
};

/** Every shared plugin data entry of a node, as text (to compare before and after). */
const entriesOf = (node: BaseNode) => Object.fromEntries(node.getSharedPluginDataKeys(NAMESPACE).map((k) => [k, node.getSharedPluginData(NAMESPACE, k)]));

describe.skipIf(!built)('versions in the file (bundle in QuickJS)', () => {
  it('saves, lists, renames, compares, restores (saving the replaced journey first), reads back for comparing and deletes', async () => {
    const host = startPlugin({ currentUser: { id: 'u1', name: 'Ana Lima 🧭' } });
    await host.request('hello', {});
    const a = retail();
    const drawn = await host.request('render', { journey: wrap(a), style: DEFAULT_STYLE });
    const nodeId = drawn.nodeId;
    expect((await host.request('versions', { nodeId })).versions).toEqual([]);

    const saved = await host.request('saveVersion', { nodeId, name: '  Before workshop ' });
    expect(saved.saved).toMatchObject({ id: 'v1', name: 'Before workshop', auto: false, reason: 'manual', author: 'Ana Lima 🧭', title: a.title });
    expect(saved.used).toBe(saved.saved.size);

    // The designer edits the journey in the panel and updates the map.
    const b = structuredClone(a);
    b.stages[2]!.name = 'Purchase';
    b.cards[0]!.text = 'Measures the room twice';
    await host.request('render', { journey: wrap(b), style: DEFAULT_STYLE, targetNodeId: nodeId });

    const compared = await compare(host, nodeId, { version: 'v1' }, { map: true });
    expect(compared.from).toMatch(/^version “Before workshop” \(\d{4}-\d\d-\d\d\)$/);
    expect(compared.to).toBe('the map');
    expect(compared.summary).toBe('2 changed');
    expect(compared.lines.map((l) => l.text)).toContain('Stage “Buy” renamed to “Purchase”.');
    expect(compared.markdown).toContain('## Changed');
    // Against a file: the same words.
    const file = await compare(host, nodeId, { journey: a, label: 'retail.json' }, { map: true });
    expect(file.lines).toEqual(compared.lines);

    expect((await host.request('renameVersion', { nodeId, versionId: 'v1', name: 'Kick-off' })).versions[0]?.name).toBe('Kick-off');

    // A restore (the saved "Before restore" and the redraw) is one step of Figma's undo history:
    // https://developers.figma.com/docs/plugins/api/properties/figma-commitundo/
    const undoBefore = emulatorOf(host.figma).recorders.undoCommits;
    const restored = await host.request('restoreVersion', { nodeId, versionId: 'v1' });
    expect(emulatorOf(host.figma).recorders.undoCommits - undoBefore).toBe(1);
    expect(restored.nodeId).toBe(nodeId);
    expect(restored.saved).toMatchObject({ id: 'v2', reason: 'restore', auto: true, name: 'Before restore' });
    expect(restored.versions.map((v) => v.id)).toEqual(['v1', 'v2']);
    // The map holds version 1 again, and nothing differs from it.
    expect((await compare(host, nodeId, { version: 'v1' }, { map: true })).lines).toEqual([]);
    const map = (await host.figma.getNodeByIdAsync(nodeId)) as FrameNode;
    expect(map.findOne((n) => n.type === 'TEXT' && n.characters === 'Purchase')).toBeNull();
    // …and the replaced journey is version 2.
    expect((await compare(host, nodeId, { version: 'v2' }, { journey: b, label: 'b' })).lines).toEqual([]);

    const after = await host.request('deleteVersion', { nodeId, versionId: 'v1' });
    expect(after.versions.map((v) => v.id)).toEqual(['v2']);
    expect(map.getSharedPluginDataKeys(NAMESPACE).filter((k) => k.startsWith('version_v1'))).toEqual([]);
    await expect(host.request('restoreVersion', { nodeId, versionId: 'v1' })).rejects.toThrow(/no longer on this map/);
    // Every entry stays under Figma's 100 kB (namespace + key + value).
    for (const [k, v] of Object.entries(entriesOf(map))) expect(utf8Length(NAMESPACE) + utf8Length(k) + utf8Length(v)).toBeLessThanOrEqual(102_400);
  }, 240_000);

  it('saves a version automatically before a sync applies canvas edits and before an import replaces the journey', async () => {
    const host = startPlugin();
    await host.request('hello', {});
    const a = retail();
    const { nodeId } = await host.request('render', { journey: wrap(a), style: DEFAULT_STYLE });
    const map = (await host.figma.getNodeByIdAsync(nodeId)) as FrameNode;
    applyCanvasEdit(host.emu, map, a, DEFAULT_STYLE, { op: 'setText', kind: 'card', id: a.cards[0]!.id, text: 'Edited on the canvas ✍️' });
    await host.emu.flush();
    // Reporting what would change saves nothing; applying does.
    await host.request('sync', { nodeId, apply: false });
    expect((await host.request('versions', { nodeId })).versions).toEqual([]);
    const synced = await host.request('sync', { nodeId, apply: true });
    expect(synced.applied).toBe(true);
    const list = (await host.request('versions', { nodeId })).versions;
    expect(list.map((v) => [v.reason, v.name, v.author])).toEqual([['sync', 'Before sync from canvas', undefined]]);
    // The version holds the journey before the sync.
    expect((await compare(host, nodeId, { version: list[0]!.id }, { journey: a, label: 'a' })).lines).toEqual([]);

    // The file imported is the synced journey with another title.
    const imported = structuredClone(synced.journey) as typeof a;
    imported.title = 'Imported from a file';
    const drawn = await host.request('render', { journey: wrap(imported), style: DEFAULT_STYLE, targetNodeId: nodeId, autoVersion: 'import' });
    expect(drawn.nodeId).toBe(nodeId);
    const list2 = (await host.request('versions', { nodeId })).versions;
    expect(list2.map((v) => v.reason)).toEqual(['sync', 'import']);
    const cmp = await compare(host, nodeId, { version: list2[1]!.id }, { map: true });
    expect(cmp.lines.map((l) => l.text)).toEqual([`Journey renamed from “${a.title}” to “Imported from a file”.`]);
    // A plain update saves no version.
    await host.request('render', { journey: wrap({ ...imported, title: 'Again' }), style: DEFAULT_STYLE, targetNodeId: nodeId });
    expect((await host.request('versions', { nodeId })).versions.length).toBe(2);
  }, 240_000);

  it('a restore that cannot save the journey it replaces changes nothing, and a damaged index is never overwritten', async () => {
    const host = startPlugin();
    await host.request('hello', {});
    const a = retail();
    const { nodeId } = await host.request('render', { journey: wrap(a), style: DEFAULT_STYLE });
    const map = (await host.figma.getNodeByIdAsync(nodeId)) as FrameNode;
    await host.request('saveVersion', { nodeId, name: 'One' });
    const b = structuredClone(a);
    b.cards[0]!.text = 'Changed';
    await host.request('render', { journey: wrap(b), style: DEFAULT_STYLE, targetNodeId: nodeId });
    // Version 1's data damaged (another tool wrote over it): refused before anything is written.
    const good = map.getSharedPluginData(NAMESPACE, 'version_v1_0');
    map.setSharedPluginData(NAMESPACE, 'version_v1_0', `B${good.slice(1)}`);
    const before = entriesOf(map);
    host.emu.resetStats();
    const error = await host.request('restoreVersion', { nodeId, versionId: 'v1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginReplyError);
    expect((error as PluginReplyError).payload.message).toMatch(/can't be read.*Nothing was changed/);
    expect(host.emu.stats().writes).toBe(0);
    expect(entriesOf(map)).toEqual(before);
    // An index from a newer Journey Mapper: listed as unreadable, saving refused, the index kept.
    map.setSharedPluginData(NAMESPACE, VERSIONS_KEY, '{"format":"journey-mapper-versions","v":9,"next":1,"versions":[]}');
    const listed = await host.request('versions', { nodeId });
    expect(listed.unreadable).toMatch(/newer Journey Mapper/);
    await expect(host.request('saveVersion', { nodeId, name: 'Two' })).rejects.toThrow(/newer Journey Mapper/);
    await expect(host.request('restoreVersion', { nodeId, versionId: 'v1' })).rejects.toThrow(/newer Journey Mapper/);
    expect(map.getSharedPluginData(NAMESPACE, VERSIONS_KEY)).toContain('"v":9');
  }, 240_000);
});

describe.skipIf(!built)('Mark reviewed (bundle in QuickJS)', () => {
  it('stamps the journey or a stage with the reviewer, the day and the content hash, writing no canvas node', async () => {
    const host = startPlugin({ currentUser: { id: 'u2', name: 'Mia Chen' } });
    await host.request('hello', {});
    const a = retail();
    const { nodeId } = await host.request('render', { journey: wrap(a), style: DEFAULT_STYLE });
    host.emu.resetStats();
    const stamped = await host.request('markReviewed', { nodeId, stageId: a.stages[1]!.id });
    expect(stamped.review).toMatchObject({ by: 'Mia Chen', at: new Date().toISOString().slice(0, 10) });
    const map = (await host.figma.getNodeByIdAsync(nodeId)) as FrameNode;
    const read = readStore(map);
    if (read.status !== 'ok') throw new Error('map unreadable');
    expect(reviewState(read.value.journey, a.stages[1]!.id)).toBe('current');
    // Only plugin data was written: the drawing did not change.
    const writes = host.emu.stats().writesByProperty;
    expect(writes.setSharedPluginData ?? 0).toBeGreaterThan(0);
    expect(Object.keys(writes).filter((k) => k !== 'setSharedPluginData' && k !== 'setPluginData')).toEqual([]);
    const whole = await host.request('markReviewed', { nodeId });
    expect(whole.review.by).toBe('Mia Chen');
    await expect(host.request('markReviewed', { nodeId, stageId: 'no-such-stage' })).rejects.toThrow(/no longer in the journey/);
  }, 240_000);
});
