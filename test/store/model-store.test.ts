// Where a map keeps its journey: shared plugin data under `journeymapper`, so any build of the
// plugin and other tools can read it; maps drawn by 0.1 (private plugin data, keyed by the plugin
// id) are read and moved on their first update; a store the plugin cannot read is reported as such.
import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../shared/layout/hash';
import { serializeJourney } from '../../shared/model/envelope';
import { LEGACY_TAG_KEY, MODEL_KEY, NAMESPACE, STYLE_KEY, TAG_KEY } from '../../shared/storage/keys';
import { encodeModel } from '../../shared/storage/model-codec';
import { describeStoreRead, readModel, readStore, writeModel } from '../../plugin/store/model-store';
import { findTagged, parseTag, readTag } from '../../plugin/render/tags';
import { draw, example, stage, style } from '../support/map-fixture';

/** Turns a map drawn now into one as 0.1 left it: private `jm_…` entries, 32-bit checksum, `jm` tags. */
function makeLegacy(map: FrameNode, json: string, styleJson: string) {
  const encoded = encodeModel(json);
  if (!encoded.ok) throw new Error('not encoded');
  for (const [key, value] of encoded.value.entries) {
    const legacyValue = key === MODEL_KEY ? JSON.stringify({ ...(JSON.parse(value) as object), hash: fnv1a32(json) }) : value;
    map.setPluginData(`jm_${key}`, legacyValue);
    map.setSharedPluginData(NAMESPACE, key, '');
  }
  map.setPluginData('jm_style', styleJson);
  map.setSharedPluginData(NAMESPACE, STYLE_KEY, '');
  for (const node of [map, ...findTagged(map)]) {
    const tag = node.getSharedPluginData(NAMESPACE, TAG_KEY);
    if (!tag) continue;
    // 0.1 tags were JSON with group hashes, and had no drawn-stamp or layout version (plugin/map/marker.ts).
    const { k, n, t, m } = parseTag(tag)!;
    node.setPluginData(LEGACY_TAG_KEY, JSON.stringify({ k, n, ...(t ? { t } : {}), h: { name: '0000000' }, ...(m ? { m } : {}) }));
    node.setSharedPluginData(NAMESPACE, TAG_KEY, '');
  }
}

const sharedKeys = (node: BaseNode) => node.getSharedPluginDataKeys(NAMESPACE).sort();

describe('the journey lives in shared plugin data', () => {
  it('a drawn map stores model, style and tags under the journeymapper namespace, nothing private', async () => {
    const s = stage();
    const { map } = await draw(s, example('retail-purchase'));
    expect(sharedKeys(map)).toEqual(['model', 'model_0', 'style', 'tag']);
    expect(map.getPluginDataKeys()).toEqual([]);
    const tagged = findTagged(map);
    expect(tagged.length).toBeGreaterThan(50);
    for (const node of tagged) {
      expect(node.getPluginDataKeys()).toEqual([]);
      expect(readTag(node)).not.toBeNull();
    }
    // Another plugin (another plugin id) reads it with getSharedPluginData alone.
    expect(JSON.parse(map.getSharedPluginData('journeymapper', 'model'))).toMatchObject({ format: 'journey-mapper-store', v: 1, encoding: 'deflate-base64' });
  });

  it('a map drawn by 0.1 is read, and moved to shared data on its first update, never lost', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    makeLegacy(map, serializeJourney(j), JSON.stringify(style({ theme: 'dark' })));
    expect(sharedKeys(map)).toEqual([]);

    const before = readStore(map);
    expect(before).toMatchObject({ status: 'ok', legacy: true });
    expect(before.status === 'ok' && before.value.journey).toEqual(j);
    expect(before.status === 'ok' && before.value.style.theme).toBe('dark');

    s.figma.currentPage.selection = [map];
    const summary = await s.service.readSelectionAsync();
    expect(summary?.journey).toEqual(j);

    // Update: the same map (found by its 0.1 tag), migrated, nothing private left.
    const nodesBefore = findTagged(map).length;
    const again = await draw(s, j, style({ theme: 'dark' }), map.id);
    expect(again.map).toBe(map);
    expect(sharedKeys(map)).toEqual(['model', 'model_0', 'style', 'tag']);
    expect(map.getPluginDataKeys()).toEqual([]);
    expect(findTagged(map)).toHaveLength(nodesBefore);
    for (const node of findTagged(map)) expect(node.getPluginDataKeys()).toEqual([]);
    expect(readModel(map)).toEqual({ ok: true, value: { journey: j, style: style({ theme: 'dark' }) } });
    // And from then on an unchanged journey writes nothing.
    s.emu.resetStats();
    await draw(s, j, style({ theme: 'dark' }), map.id);
    expect(s.emu.stats().writes).toBe(0);
  });

  it('a map synced before its update keeps its 0.1 tags readable (sync finds no changes)', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const { map } = await draw(s, j);
    makeLegacy(map, serializeJourney(j), JSON.stringify(style()));
    const result = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(result.changes).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('readStore tells the cases apart', () => {
  const frame = () => {
    const s = stage();
    const f = s.figma.createFrame();
    return f;
  };
  const storeOn = (node: FrameNode, json: string) => {
    const encoded = encodeModel(json);
    if (!encoded.ok) throw new Error('not encoded');
    writeModel(node, encoded.value, style());
    return encoded.value;
  };

  it('nothing stored', () => {
    expect(readStore(frame())).toEqual({ status: 'none' });
  });

  it('a header of null or any JSON value is unreadable, never a crash', () => {
    for (const header of ['null', '42', '[1]', '"model"', '{"format":"journey-mapper-store","v":1,"chunks":"x","hash":"","encoding":"deflate-base64"}']) {
      const f = frame();
      f.setSharedPluginData(NAMESPACE, MODEL_KEY, header);
      const read = readStore(f);
      expect(read.status).toBe('unreadable');
      expect(describeStoreRead(read)).toMatch(/^This map can't be read: .+\./);
    }
  });

  it('a store header v: 2 is from a newer Journey Mapper, and is never overwritten', () => {
    const f = frame();
    const encoded = storeOn(f, serializeJourney(example('retail-purchase')));
    const newer = JSON.stringify({ ...encoded.meta, v: 2 });
    f.setSharedPluginData(NAMESPACE, MODEL_KEY, newer);
    const read = readStore(f);
    expect(read.status).toBe('newer');
    expect(describeStoreRead(read)).toMatch(/^This map can't be read: it was written by a newer Journey Mapper .*Update Journey Mapper/);
    expect(() => writeModel(f, encoded, style())).toThrow(/newer Journey Mapper/);
    expect(f.getSharedPluginData(NAMESPACE, MODEL_KEY)).toBe(newer);
  });

  it('an envelope with schemaVersion: 3 is from a newer Journey Mapper, not read as version 2', () => {
    const f = frame();
    const envelope = JSON.parse(serializeJourney(example('retail-purchase'))) as Record<string, unknown>;
    storeOn(f, JSON.stringify({ ...envelope, schemaVersion: 3, newField: 'kept' }));
    const read = readStore(f);
    expect(read.status).toBe('newer');
    expect(read.status === 'newer' && read.reason).toMatch(/schema version 3/);
  });

  it('a map drawn before views (schemaVersion 1) is read, migrated, with no views', () => {
    const f = frame();
    const envelope = JSON.parse(serializeJourney(example('retail-purchase'))) as { journey: Record<string, unknown> };
    const { views: _views, ...v1 } = envelope.journey;
    storeOn(f, JSON.stringify({ ...envelope, schemaVersion: 1, journey: v1 }));
    const read = readStore(f);
    expect(read.status).toBe('ok');
    expect(read.status === 'ok' && read.value.journey.views).toEqual([]);
  });

  it('damage: a missing part, a wrong checksum, an invalid journey', () => {
    const f = frame();
    storeOn(f, serializeJourney(example('retail-purchase')));
    f.setSharedPluginData(NAMESPACE, 'model_0', 'AAAA');
    expect(readStore(f)).toEqual({ status: 'unreadable', reason: 'it is damaged (its checksum does not match)' });
    const g = frame();
    storeOn(g, '{"format":"journey-mapper","schemaVersion":1,"journey":{"id":"x"}}');
    expect(readStore(g)).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('not valid') });
  });

  it('a stored style with a value this version does not know keeps the other choices', () => {
    const f = frame();
    storeOn(f, serializeJourney(example('retail-purchase')));
    f.setSharedPluginData(NAMESPACE, STYLE_KEY, JSON.stringify({ theme: 'sepia', brandColor: '#112233', density: 'compact' }));
    const read = readStore(f);
    expect(read.status === 'ok' && read.value.style).toEqual(style({ brandColor: '#112233', density: 'compact' }));
  });
});
