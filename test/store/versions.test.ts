// The versions store (shared/versions/store.ts) against an in-memory key-value store that enforces
// Figma's 100 kB per entry: named, dated versions, compressed and chunked, a total budget with the
// oldest automatic versions pruned first and named ones never, and nothing half-written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeJourney } from '../../shared/model/envelope';
import { VERSIONS_KEY } from '../../shared/storage/keys';
import { utf8Length } from '../../shared/storage/utf8';
import { cleanName, deleteVersion, MAX_VERSION_NAME, planPrune, readIndex, readVersion, renameVersion, saveVersion, usedBytes, VERSIONS_BUDGET, type KeyValue, type SaveRequest } from '../../shared/versions/store';
import { generateJourney, SIZES } from '../bench/generate';
import { exampleJourney } from '../shared/journey-helpers';
import { loadJourney } from '../../shared/model';

/** Figma's limit: namespace + key + value at most 100 kB (https://developers.figma.com/docs/plugins/api/properties/nodes-setsharedplugindata). */
const ENTRY_LIMIT = 102_400;
const NAMESPACE_BYTES = 'journeymapper'.length;

function memory(): KeyValue & { entries: Map<string, string>; failAfter?: number; writes: number } {
  const entries = new Map<string, string>();
  const kv = {
    entries,
    writes: 0,
    failAfter: undefined as number | undefined,
    read: (k: string) => entries.get(k) ?? '',
    write(k: string, v: string) {
      if (kv.failAfter !== undefined && kv.writes >= kv.failAfter) throw new Error('Figma refused the write');
      kv.writes++;
      if (NAMESPACE_BYTES + utf8Length(k) + utf8Length(v) > ENTRY_LIMIT) throw new Error('in setSharedPluginData: This pluginData entry exceeds 100 kB per entry limit.');
      if (v === '') entries.delete(k);
      else entries.set(k, v);
    },
    keys: () => [...entries.keys()],
  };
  return kv;
}

const retail = () => {
  const r = loadJourney(exampleJourney('retail-purchase'));
  if (!r.ok) throw new Error('bad example');
  return r.value.journey;
};
const request = (over: Partial<SaveRequest> = {}): SaveRequest => ({ json: serializeJourney(retail()), title: 'Retail', reason: 'manual', name: 'Before workshop', at: '2026-11-01T10:00:00.000Z', author: 'Ana', ...over });

describe('versions store', () => {
  it('saves a named, dated version with its author and reads it back exactly', () => {
    const kv = memory();
    const saved = saveVersion(kv, request());
    expect(saved.ok).toBe(true);
    if (!saved.ok || !saved.value.saved) return;
    expect(saved.value.saved).toMatchObject({ id: 'v1', name: 'Before workshop', auto: false, reason: 'manual', at: '2026-11-01T10:00:00.000Z', author: 'Ana', title: 'Retail' });
    const back = readVersion(kv, 'v1');
    expect(back.ok && back.value.json).toBe(serializeJourney(retail()));
    // Compressed: far smaller than the JSON, and the size counted is what is stored.
    const stored = [...kv.entries].filter(([k]) => k.startsWith('version_v1')).reduce((s, [k, v]) => s + k.length + v.length, 0);
    expect(saved.value.saved.size).toBe(stored);
    expect(stored).toBeLessThan(serializeJourney(retail()).length / 3);
    expect(readIndex(kv)).toEqual({ ok: true, value: saved.value.index });
  });

  it('ten named versions of the XL bench journey fit, every entry under 100 kB, within the budget', () => {
    const kv = memory();
    const xl = generateJourney(SIZES.find((s) => s.name === 'XL')!.options);
    for (let i = 0; i < 10; i++) {
      xl.cards[i]!.text = `Edited in round ${i} ✎ 🧭`;
      const r = saveVersion(kv, request({ json: serializeJourney(xl), name: `Round ${i}`, at: `2026-11-0${i}T10:00:00.000Z` }));
      expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true);
    }
    const index = readIndex(kv);
    expect(index.ok && index.value.versions.map((v) => v.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Round ${i}`));
    for (const [k, v] of kv.entries) expect(NAMESPACE_BYTES + utf8Length(k) + utf8Length(v)).toBeLessThanOrEqual(ENTRY_LIMIT);
    const used = index.ok ? usedBytes(index.value) : Infinity;
    expect(used).toBeLessThan(VERSIONS_BUDGET);
    const back = readVersion(kv, 'v10');
    expect(back.ok && JSON.parse(back.value.json).journey.cards[9].text).toBe('Edited in round 9 ✎ 🧭');
  }, 60_000);

  it('a journey bigger than one entry is split into parts and read back whole', () => {
    const kv = memory();
    const j = retail();
    // Text that DEFLATE cannot shrink much: pseudo-random code points from all of unicode.
    let seed = 7;
    const rnd = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 4294967296;
    };
    const noise = Array.from({ length: 60_000 }, () => String.fromCodePoint(0x20 + Math.floor(rnd() * 0x2ffff))).filter((c) => !/[\ud800-\udfff]/u.test(c)).join('');
    j.cards[0]!.text = noise;
    const r = saveVersion(kv, request({ json: serializeJourney(j) }));
    expect(r.ok).toBe(true);
    expect([...kv.entries.keys()].filter((k) => k.startsWith('version_v1_')).length).toBeGreaterThan(1);
    const back = readVersion(kv, 'v1');
    expect(back.ok && back.value.json).toBe(serializeJourney(j));
  });

  it('prunes the oldest automatic versions first and never a named one; refuses when only named ones are left', () => {
    const kv = memory();
    const one = saveVersion(kv, request({ name: 'Named A', at: '2026-11-01T00:00:00.000Z' }));
    const size = one.ok && one.value.saved ? one.value.saved.size : 0;
    const budget = size * 3 + 10;
    const j = retail();
    const save = (reason: SaveRequest['reason'], day: number, name?: string) => {
      j.cards[0]!.text = `day ${day}`;
      return saveVersion(kv, request({ json: serializeJourney(j), reason, at: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`, ...(name ? { name } : { name: '' }) }), { budget });
    };
    expect(save('sync', 2).ok).toBe(true);
    expect(save('import', 3).ok).toBe(true);
    const fourth = save('restore', 4);
    expect(fourth.ok && fourth.value.pruned.map((v) => v.name)).toEqual(['Before sync from canvas']);
    const names = () => {
      const i = readIndex(kv);
      return i.ok ? i.value.versions.map((v) => v.name) : [];
    };
    expect(names()).toEqual(['Named A', 'Before import', 'Before restore']);
    // The pruned version's entries are gone from the map.
    expect([...kv.entries.keys()].some((k) => k.startsWith('version_v2'))).toBe(false);
    expect(save('manual', 5, 'Named B').ok).toBe(true);
    expect(save('manual', 6, 'Named C').ok).toBe(true);
    expect(names()).toEqual(['Named A', 'Named B', 'Named C']);
    const refused = save('manual', 7, 'Named D');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('full');
      expect(refused.error.message).toMatch(/3 named versions take .* Delete a named version/);
    }
    expect(names()).toEqual(['Named A', 'Named B', 'Named C']);
    expect(planPrune({ format: 'journey-mapper-versions', v: 1, next: 1, versions: [] }, budget + 1, budget)).toBeNull();
  });

  it('an automatic save of the journey the newest version already holds saves nothing', () => {
    const kv = memory();
    saveVersion(kv, request({ reason: 'sync', name: '' }));
    const again = saveVersion(kv, request({ reason: 'sync', name: '', at: '2026-11-02T00:00:00.000Z' }));
    expect(again.ok && again.value.saved).toBeUndefined();
    const i = readIndex(kv);
    expect(i.ok && i.value.versions.length).toBe(1);
  });

  it('a save that stops part-way leaves the versions as they were, and its parts are cleared by the next save', () => {
    const kv = memory();
    saveVersion(kv, request());
    const before = new Map(kv.entries);
    kv.failAfter = kv.writes + 1; // the new version's first part is written, then Figma refuses
    expect(() => saveVersion(kv, request({ name: 'Second' }))).toThrow(/refused/);
    expect(kv.entries.get(VERSIONS_KEY)).toBe(before.get(VERSIONS_KEY));
    const r = readVersion(kv, 'v1');
    expect(r.ok).toBe(true);
    kv.failAfter = undefined;
    expect(saveVersion(kv, request({ name: 'Third' })).ok).toBe(true);
    const keys = [...kv.entries.keys()].sort();
    expect(keys).toEqual(['version_v1', 'version_v1_0', 'version_v2', 'version_v2_0', 'versions']);
  });

  it('renames (a renamed automatic version becomes named) and deletes, clearing the entries', () => {
    const kv = memory();
    saveVersion(kv, request({ reason: 'sync', name: '' }));
    const renamed = renameVersion(kv, 'v1', '  Kick-off\n🎉 ');
    expect(renamed.ok && renamed.value.versions[0]).toMatchObject({ name: 'Kick-off 🎉', auto: false });
    expect(renameVersion(kv, 'v1', '   ').ok).toBe(false);
    expect(renameVersion(kv, 'v9', 'x').ok).toBe(false);
    const deleted = deleteVersion(kv, 'v1');
    expect(deleted.ok && deleted.value.versions).toEqual([]);
    expect([...kv.entries.keys()]).toEqual([VERSIONS_KEY]);
    expect(readVersion(kv, 'v1').ok).toBe(false);
  });

  it('never overwrites an index it cannot read or one from a newer Journey Mapper', () => {
    for (const [raw, kind] of [
      ['{not json', 'unreadable'],
      ['{"format":"journey-mapper-versions","v":2,"next":1,"versions":[]}', 'newer'],
      ['{"format":"journey-mapper-versions","v":1,"next":1,"versions":[{"id":"x"}]}', 'unreadable'],
    ] as const) {
      const kv = memory();
      kv.entries.set(VERSIONS_KEY, raw);
      const r = saveVersion(kv, request());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe(kind);
      expect([...kv.entries]).toEqual([[VERSIONS_KEY, raw]]);
    }
  });

  it('a damaged part is reported, never read as a journey', () => {
    const kv = memory();
    saveVersion(kv, request());
    kv.entries.set('version_v1_0', `A${kv.entries.get('version_v1_0')!.slice(1)}`);
    const r = readVersion(kv, 'v1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/can't be read/);
  });

  it('names are one line, trimmed and cut without splitting a surrogate pair (full unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const c = cleanName(s);
        expect(c.length).toBeLessThanOrEqual(MAX_VERSION_NAME);
        expect(c).toBe(c.trim());
        expect(/[\n\r\t]/.test(c)).toBe(false);
        expect(/[\ud800-\udbff]$/.test(c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
