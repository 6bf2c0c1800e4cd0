// Startup never fails on storage or on a map it cannot read; saved preferences never cost the
// draft; the protocol's bounds hold in both directions.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MODEL_KEY, NAMESPACE } from '../../shared/storage/keys';
import { DRAFT_ASIDE_PREFIX, LEGACY_PREFERENCES_KEY, PREFERENCE_KEYS } from '../../plugin/preferences';
import { failingStorage, sandbox } from './support';

afterEach(() => vi.restoreAllMocks());

const okPayload = (replies: Awaited<ReturnType<ReturnType<typeof sandbox>['request']>>) => {
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  if (reply.type !== 'reply' || !reply.ok) throw new Error(`expected an ok reply, got ${JSON.stringify(reply)}`);
  return reply.payload as Record<string, unknown>;
};
const quiet = () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
};

describe('hello always answers', () => {
  it('when clientStorage rejects: no preferences, everything else as usual', async () => {
    quiet();
    const s = sandbox({ clientStorage: failingStorage });
    const hello = okPayload(await s.request('hello', {}));
    expect(hello.preferences).toEqual({});
    expect(hello.fonts).toContain('Inter');
  });

  it('when the selected map\'s store header is null: the selection names the map and says why', async () => {
    quiet();
    const s = sandbox();
    const map = s.figma.createFrame();
    map.name = 'Broken map';
    map.setSharedPluginData(NAMESPACE, MODEL_KEY, 'null');
    s.figma.currentPage.selection = [map];
    const hello = okPayload(await s.request('hello', {}));
    expect(hello.selection).toMatchObject({ nodeId: map.id, name: 'Broken map', journey: null, unreadable: expect.stringMatching(/^This map can't be read: /) });
  });

  it('whatever JSON value the store header holds, hello answers and names the map', async () => {
    quiet();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const s = sandbox();
        const map = s.figma.createFrame();
        map.setSharedPluginData(NAMESPACE, MODEL_KEY, JSON.stringify(value) ?? 'null');
        s.figma.currentPage.selection = [map];
        const hello = okPayload(await s.request('hello', {}));
        expect(hello.selection).toMatchObject({ nodeId: map.id, unreadable: expect.stringMatching(/^This map can't be read: /) });
      }),
      { numRuns: 60 },
    );
  });

  it('when the selected map was written by a newer Journey Mapper: says "update Journey Mapper"', async () => {
    quiet();
    const s = sandbox();
    const map = s.figma.createFrame();
    map.setSharedPluginData(NAMESPACE, MODEL_KEY, JSON.stringify({ format: 'journey-mapper-store', v: 2, chunks: 1, bytes: 1, hash: 'x', encoding: 'zstd' }));
    s.figma.currentPage.selection = [map];
    const { selection } = okPayload(await s.request('readSelection', {})) as { selection: { unreadable: string } };
    expect(selection.unreadable).toMatch(/newer Journey Mapper.*Update Journey Mapper/);
  });
});

describe('preferences', () => {
  it('one field this version cannot read (a theme from a newer version) costs only that field, never the draft', async () => {
    const s = sandbox();
    await s.figma.clientStorage.setAsync(LEGACY_PREFERENCES_KEY, { draft: '{"my":"draft"}', style: { theme: 'sepia', brandColor: '#112233' }, liveSync: true, windowSize: { width: 600, height: 800 } });
    const hello = okPayload(await s.request('hello', {}));
    expect(hello.preferences).toEqual({
      draft: '{"my":"draft"}',
      style: expect.objectContaining({ theme: 'light', brandColor: '#112233' }),
      liveSync: true,
      windowSize: { width: 600, height: 800 },
    });
    // Moved to one key per field; the old blob is gone once everything is moved.
    expect(s.emu.clientStorage.get(PREFERENCE_KEYS.draft)).toBe('{"my":"draft"}');
    expect(s.emu.clientStorage.has(LEGACY_PREFERENCES_KEY)).toBe(false);
    // The next autosave of the style does not touch the draft.
    okPayload(await s.request('savePreferences', { style: { theme: 'dark', brandColor: '#000000', fontFamily: 'Inter', density: 'compact', hiddenLanes: [] } }));
    expect(s.emu.clientStorage.get(PREFERENCE_KEYS.draft)).toBe('{"my":"draft"}');
  });

  it('a stored draft over the limit is set aside, not restored and not overwritten by the next autosave', async () => {
    quiet();
    const s = sandbox();
    const huge = 'x'.repeat(4_000_001);
    await s.figma.clientStorage.setAsync(PREFERENCE_KEYS.draft, huge);
    await s.figma.clientStorage.setAsync(PREFERENCE_KEYS.liveSync, true);
    const hello = okPayload(await s.request('hello', {}));
    expect(hello.preferences).toEqual({ liveSync: true });
    okPayload(await s.request('savePreferences', { draft: '{"new":1}' }));
    const aside = [...s.emu.clientStorage.keys()].filter((k) => k.startsWith(DRAFT_ASIDE_PREFIX));
    expect(aside).toHaveLength(1);
    expect(s.emu.clientStorage.get(aside[0]!)).toBe(huge);
    expect(s.emu.clientStorage.get(PREFERENCE_KEYS.draft)).toBe('{"new":1}');
  });

  it('a stored window size is clamped on read; an unbounded one is refused by the protocol', async () => {
    const s = sandbox();
    await s.figma.clientStorage.setAsync(LEGACY_PREFERENCES_KEY, { windowSize: { width: -5000, height: 1e300 } });
    const hello = okPayload(await s.request('hello', {}));
    expect(hello.preferences).toEqual({ windowSize: { width: 200, height: 4000 } });
    expect(s.emu.ui.size).toEqual({ width: 200, height: 4000 });
    const [reply] = await s.request('savePreferences', { windowSize: { width: -5000, height: 1e300 } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    await s.figma.clientStorage.setAsync(PREFERENCE_KEYS.windowSize, { width: Number.NaN, height: 10 });
    expect(okPayload(await s.request('hello', {})).preferences).toEqual({});
  });

  it('resizing the window works when clientStorage cannot save', async () => {
    quiet();
    const s = sandbox({ clientStorage: failingStorage });
    okPayload(await s.request('resizeWindow', { width: 640, height: 700 }));
    expect(s.emu.ui.size).toEqual({ width: 640, height: 700 });
  });
});

describe('protocol bounds', () => {
  it('a request id over 64 characters gets a BAD_MESSAGE reply that fits the protocol (the UI never waits 120 s)', async () => {
    const s = sandbox();
    const id = 'r'.repeat(65);
    const replies = await s.raw({ v: 1, type: 'readSelection', requestId: id, payload: {} });
    expect(replies).toEqual([expect.objectContaining({ type: 'reply', requestId: id, ok: false, error: expect.objectContaining({ code: 'BAD_MESSAGE' }) })]);
  });

  it('an id too long even to echo gets no reply and a warning, never an invalid message', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = sandbox();
    expect(await s.raw({ v: 1, type: 'readSelection', requestId: 'r'.repeat(10_000), payload: {} })).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });

  it('notify never cuts a character: emoji at character 99, flags, ZWJ sequences, any text', async () => {
    const s = sandbox();
    const shown = async (message: string) => {
      okPayload(await s.request('notify', { message }));
      return s.emu.recorders.notifications.at(-1)!.message;
    };
    expect(await shown(`${'a'.repeat(98)}😀 and more text after it`)).toBe(`${'a'.repeat(98)}…`);
    expect(await shown(`${'a'.repeat(97)}🇯🇵🇫🇷 more`)).toBe(`${'a'.repeat(97)}…`);
    const wellFormed = (t: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 150 }).filter((t) => t.trim() !== '' && t.length <= 500), async (message) => {
        const text = await shown(message);
        expect(wellFormed(text)).toBe(true);
        expect(text.length).toBeLessThanOrEqual(100);
        if (message.length <= 100) expect(text).toBe(message);
      }),
      { numRuns: 150 },
    );
  });
});
